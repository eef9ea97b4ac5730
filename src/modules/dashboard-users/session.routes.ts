/**
 * The dashboard session (issue 22): `/api/v1/session` (log in, read, log out), the password change,
 * TOTP enrolment, and `/api/v1/sessions` (the user's own sessions, revocable). Logging in is public; the
 * rest takes the session cookie only (`config: { session: 'self' }`), whatever the role, and its state
 * changes need the X-CSRF-Token the login answer gave. Paths are relative: register with `{ prefix: '/api/v1' }`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { originOf, requirePrincipal, requireSameOrigin } from '../../http/auth.js';
import type { SessionUser } from '../../http/ports.js';
import { ProblemSchema } from '../../http/problem.js';
import { claimedAnswer, schemaAnswer, sendAnswer } from '../../http/route-helpers.js';
import { clearSessionCookie, isSecureUrl, sessionCookieOf, setSessionCookie } from '../../http/session-cookie.js';
import { toIso } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { UserView } from './dashboard-user.js';
import { PASSWORD_MAX_LENGTH } from './password-hash.js';
import { csrfTokenOf, type SessionsService, sessionContext } from './sessions.service.js';
import { UserSchema } from './users.routes.js';
import type { UsersService } from './users.service.js';

export interface SessionRoutesDeps {
  sessions: SessionsService;
  users: UsersService;
  /** `server.public_url`: https makes the cookie Secure; its origin may log in */
  publicUrl: string;
}

const tags = ['session'];
const self = { session: 'self' as const };
/** a POST whose use case claims its Idempotency-Key in its own transaction (ADR 0033) */
const claimingSelf = { ...self, claimsIdempotencyKey: true };
const errors = { 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 UTC' });
const Code = (description: string) => Type.String({ minLength: 1, maxLength: 32, description });

const SessionAnswer = Type.Object(
  {
    user: UserSchema,
    csrf_token: Type.String({ description: 'send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE of this session' }),
    session: Type.Object(
      {
        id: Type.String({ description: 'ses_ + 32 hex' }),
        expires_at: Type.String({ format: 'date-time', description: 'the absolute end; an idle session ends earlier' }),
      },
      { additionalProperties: false },
    ),
    recovery_codes_left: Type.Integer({ minimum: 0, description: 'unused TOTP recovery codes' }),
  },
  { additionalProperties: false },
);

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    totp_code: Type.Optional(Code('six digits from the authenticator app, when TOTP is enabled')),
    recovery_code: Type.Optional(Code('one of the recovery codes instead of totp_code; each works once')),
  },
  { additionalProperties: false },
);

const PasswordBody = Type.Object(
  {
    current_password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    new_password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH, description: '12 to 200 characters' }),
  },
  { additionalProperties: false },
);

const SessionSchema = Type.Object(
  {
    id: Type.String(),
    current: Type.Boolean({ description: 'the session making this request' }),
    client_ip: Type.String(),
    user_agent: Type.String(),
    created_at: Timestamp,
    last_seen_at: Timestamp,
    expires_at: Timestamp,
  },
  { additionalProperties: false },
);

const EndedSession = Type.Object(
  { id: Type.String({ description: 'the session that ended' }), ended: Type.Literal(true) },
  { additionalProperties: false },
);

const SecondFactorBody = Type.Object(
  { totp_code: Type.Optional(Code('a current code')), recovery_code: Type.Optional(Code('or a recovery code')) },
  { additionalProperties: false },
);

/** The session's user; an API key on these routes never gets here (the auth hook refuses it). */
function sessionOf(request: FastifyRequest): SessionUser & { merchantId: string } {
  const principal = requirePrincipal(request);
  if (!principal.user) throw new AppError('unauthorized', 'a dashboard session is required');
  return { ...principal.user, merchantId: principal.merchantId };
}

export function sessionRoutes(deps: SessionRoutesDeps): FastifyPluginAsyncTypebox {
  const { sessions, users } = deps;
  const secure = isSecureUrl(deps.publicUrl);
  const publicOrigin = originOf(deps.publicUrl);
  const context = (request: FastifyRequest) => sessionContext({ userId: sessionOf(request).id }, request.id);

  async function answer(request: FastifyRequest, token: string, sessionId: string, expiresAt: number) {
    const described = await sessions.describe(sessionOf(request).id);
    return {
      user: described.user,
      csrf_token: csrfTokenOf(token),
      session: { id: sessionId, expires_at: toIso(expiresAt) },
      recovery_codes_left: described.recoveryCodesLeft,
    };
  }

  return async (app) => {
    app.post(
      '/session',
      {
        config: { public: true },
        schema: {
          tags,
          operationId: 'logIn',
          summary: 'Log in to the dashboard: sets the tpg_session cookie (a new session every time) and answers the CSRF token',
          body: LoginBody,
          response: { 200: SessionAnswer, 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema },
        },
      },
      async (request, reply) => {
        // login CSRF: another site's page must not log the browser in to an account of its choosing
        requireSameOrigin(request, publicOrigin);
        const body = request.body as { email: string; password: string; totp_code?: string; recovery_code?: string };
        const userAgent = request.headers['user-agent'];
        const loggedIn = await sessions.login({
          email: body.email,
          password: body.password,
          totpCode: body.totp_code,
          recoveryCode: body.recovery_code,
          clientIp: request.ip,
          userAgent: typeof userAgent === 'string' ? userAgent : '',
          requestId: request.id,
        });
        // whatever cookie came with the request is replaced, never reused (session fixation)
        setSessionCookie(reply, loggedIn.token, { secure, maxAgeSeconds: sessions.policy.absoluteMs / 1000 });
        return {
          user: loggedIn.user,
          csrf_token: loggedIn.csrfToken,
          session: { id: loggedIn.session.id, expires_at: toIso(loggedIn.session.expiresAt) },
          recovery_codes_left: await users.recoveryCodesLeft(loggedIn.user.id),
        };
      },
    );

    app.get(
      '/session',
      {
        config: self,
        schema: {
          tags,
          operationId: 'getSession',
          summary: "The session's user and CSRF token",
          response: { 200: SessionAnswer, ...errors },
        },
      },
      async (request) => {
        const me = sessionOf(request);
        return answer(request, sessionCookieOf(request) as string, me.sessionId, me.expiresAt);
      },
    );

    app.delete(
      '/session',
      {
        config: self,
        schema: {
          tags,
          operationId: 'logOut',
          summary: 'Log out: ends this session and clears the cookie',
          response: { 200: EndedSession, ...errors },
        },
      },
      async (request, reply) => {
        const me = sessionOf(request);
        await sessions.logout({ merchantId: me.merchantId, userId: me.id, sessionId: me.sessionId }, request.id);
        clearSessionCookie(reply, secure);
        return { id: me.sessionId, ended: true as const };
      },
    );

    app.post(
      '/session/password',
      {
        config: claimingSelf,
        schema: {
          tags,
          operationId: 'changePassword',
          summary: "Change the user's own password (required after a one-time password); ends the user's other sessions",
          body: PasswordBody,
          response: { 200: UserSchema, ...errors },
        },
      },
      async (request, reply) => {
        const body = request.body as { current_password: string; new_password: string };
        const me = sessionOf(request);
        const render = (user: UserView) => schemaAnswer(reply, 200, user);
        const answer = claimedAnswer(request, render);
        return sendAnswer(
          request,
          reply,
          render(await users.changePassword(me.id, body.current_password, body.new_password, me.sessionId, context(request), answer)),
        );
      },
    );

    app.post(
      '/session/totp',
      {
        config: claimingSelf,
        schema: {
          tags,
          operationId: 'beginTotpEnrolment',
          summary: 'Begin TOTP enrolment: a new secret and its otpauth URI, active once confirmed with a code',
          response: {
            200: Type.Object(
              { secret: Type.String({ description: 'base32; shown once' }), otpauth_uri: Type.String({ description: 'for a QR code' }) },
              { additionalProperties: false },
            ),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const render = (begun: { secret: string; otpauthUri: string }) =>
          schemaAnswer(reply, 200, { secret: begun.secret, otpauth_uri: begun.otpauthUri });
        return sendAnswer(
          request,
          reply,
          render(await users.beginTotp(sessionOf(request).id, context(request), claimedAnswer(request, render))),
        );
      },
    );

    app.post(
      '/session/totp/confirm',
      {
        config: claimingSelf,
        schema: {
          tags,
          operationId: 'confirmTotpEnrolment',
          summary: 'Confirm TOTP with a current code; answers 10 recovery codes, shown once',
          body: Type.Object({ totp_code: Code('a current code of the new secret') }, { additionalProperties: false }),
          response: {
            200: Type.Object(
              { recovery_codes: Type.Array(Type.String(), { description: 'each works once instead of a code; store them now' }) },
              { additionalProperties: false },
            ),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { totp_code: code } = request.body as { totp_code: string };
        const render = (confirmed: { recoveryCodes: string[] }) => schemaAnswer(reply, 200, { recovery_codes: confirmed.recoveryCodes });
        const confirmed = await users.confirmTotp(sessionOf(request).id, code, context(request), claimedAnswer(request, render));
        return sendAnswer(request, reply, render(confirmed));
      },
    );

    app.delete(
      '/session/totp',
      {
        config: self,
        schema: {
          tags,
          operationId: 'disableTotp',
          summary: 'Turn TOTP off, proven with a current code or a recovery code',
          body: SecondFactorBody,
          response: { 200: UserSchema, ...errors },
        },
      },
      async (request) => {
        const body = request.body as { totp_code?: string; recovery_code?: string };
        return users.disableTotp(sessionOf(request).id, { totpCode: body.totp_code, recoveryCode: body.recovery_code }, context(request));
      },
    );

    app.get(
      '/sessions',
      {
        config: self,
        schema: {
          tags,
          operationId: 'listSessions',
          summary: "The user's live sessions",
          response: { 200: Type.Object({ data: Type.Array(SessionSchema) }, { additionalProperties: false }), ...errors },
        },
      },
      async (request) => {
        const me = sessionOf(request);
        return { data: await sessions.listSessions(me.id, me.sessionId) };
      },
    );

    app.delete(
      '/sessions/:session_id',
      {
        config: self,
        schema: {
          tags,
          operationId: 'revokeSession',
          summary: "End one of the user's sessions at once",
          params: Type.Object({ session_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
          response: { 200: EndedSession, 404: ProblemSchema, ...errors },
        },
      },
      async (request, reply: FastifyReply) => {
        const me = sessionOf(request);
        const { session_id: sessionId } = request.params as { session_id: string };
        await sessions.revokeSession({ merchantId: me.merchantId, userId: me.id }, sessionId, request.id);
        if (sessionId === me.sessionId) clearSessionCookie(reply, secure);
        return { id: sessionId, ended: true as const };
      },
    );
  };
}

/**
 * Authentication and scope checks, for API keys and dashboard sessions alike. A route opts out with
 * `config: { public: true }` and names the scope it needs with `config: { scope: 'payments:write' }`; a
 * route with neither needs any valid key. A public route with `identify: true` answers anyone but still
 * authenticates a key that is sent (an unknown key answers 401), so that it can show a key's holder more
 * than it shows everyone.
 *
 * Without a key, the `tpg_session` cookie of a dashboard user authenticates the same routes with the
 * scopes of the user's role (issue 22, ADR 0030). A session's state change (POST, PUT, PATCH, DELETE)
 * must carry the session's CSRF token in X-CSRF-Token and, when the browser sends Origin, come from the
 * gateway's own origin; it must go to a route that names a scope (or to the session's own routes,
 * `config: { session: 'self' }`), from a role that changes state at all (a viewer does not), and a user
 * still holding a one-time password reaches only the session's own routes.
 *
 * Runs in preParsing: after CORS (onRequest) so a browser can read the 401, before the body is read so an
 * anonymous caller cannot make the server parse a large body.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DASHBOARD_ROLE_CATALOGUE } from '../shared/catalogues/dashboard-roles.js';
import { AppError } from '../shared/errors.js';
import type { ApiKeyAuthenticator, Principal, Scope, SessionAuthenticator } from './ports.js';
import { CSRF_HEADER, sessionCookieOf } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** no API key needed */
    public?: boolean;
    /** on a public route: a key that is sent is authenticated and becomes `request.principal` */
    identify?: boolean;
    /** the scope a key must hold (`admin` holds every scope) */
    scope?: Scope;
    /** a dashboard session's own account (logout, password, TOTP): a session only, whatever its role */
    session?: 'self';
  }
  interface FastifyRequest {
    /** the authenticated caller; null on public routes */
    principal: Principal | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.has('admin') || principal.scopes.has(scope);
}

/** The key from `Authorization: Bearer <key>` or `X-API-Key: <key>`; null when neither is sent. */
export function presentedKey(request: FastifyRequest): string | null {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.trim() !== '') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match === null) throw new AppError('unauthorized', 'Authorization header must be "Bearer <api key>"');
    return match[1] as string;
  }
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim() !== '') return apiKey.trim();
  return null;
}

export interface AuthOptions {
  /** dashboard sessions; absent: only API keys authenticate */
  sessions?: SessionAuthenticator;
  /** the gateway's public URL (`server.public_url`): its origin may make a session's state changes */
  publicUrl?: string;
}

export function registerAuth(app: FastifyInstance, authenticator: ApiKeyAuthenticator, options: AuthOptions = {}): void {
  const publicOrigin = originOf(options.publicUrl);
  app.decorateRequest('principal', null);
  app.addHook('preParsing', async (request, _reply, payload) => {
    // Unknown routes answer 404 whoever asks; there is nothing there to protect.
    if (request.is404) return payload;
    const config = request.routeOptions.config;
    if (config.public === true && config.identify !== true) return payload;
    const key = presentedKey(request);
    if (key === null) {
      const session = options.sessions ? await authenticateSession(request, options.sessions, publicOrigin) : null;
      if (session !== null) {
        request.principal = session;
        return payload;
      }
      if (config.public === true) return payload;
      throw new AppError('unauthorized', 'an API key is required: send "Authorization: Bearer <key>" or "X-API-Key: <key>"');
    }
    if (config.session === 'self') throw new AppError('forbidden', 'this route is for a dashboard session, not an API key');
    const principal = await authenticator.authenticate(key);
    if (principal === null) throw new AppError('unauthorized', 'the API key is unknown or revoked');
    if (config.scope !== undefined && !hasScope(principal, config.scope)) {
      throw new AppError('forbidden', `the API key lacks the scope "${config.scope}"`);
    }
    request.principal = principal;
    return payload;
  });
}

/**
 * The principal of the request's session cookie with every session rule checked, or null when no cookie
 * is sent (or, on a public route, when it names no live session: a stale cookie must not break a public page).
 */
async function authenticateSession(
  request: FastifyRequest,
  sessions: SessionAuthenticator,
  publicOrigin: string | null,
): Promise<Principal | null> {
  const config = request.routeOptions.config;
  const token = sessionCookieOf(request);
  if (token === null) return null;
  const found = await sessions.authenticateSession(token);
  if (found === null) {
    if (config.public === true) return null;
    throw new AppError('unauthorized', 'the session has ended (logged out, revoked, idle too long or expired): log in again');
  }
  const { principal, csrfToken } = found;
  if (STATE_CHANGING.has(request.method)) {
    requireSameOrigin(request, publicOrigin);
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, csrfToken)) {
      throw new AppError('forbidden', 'a state change with a session needs the X-CSRF-Token header the session answer gave');
    }
  }
  if (config.session === 'self') return principal;
  if (STATE_CHANGING.has(request.method) && !DASHBOARD_ROLE_CATALOGUE[principal.user.role].changesState) {
    throw new AppError('forbidden', `the role "${principal.user.role}" changes nothing`);
  }
  if (principal.user.mustChangePassword) {
    throw new AppError('forbidden', 'the password is a one-time password: change it first (POST /api/v1/session/password)');
  }
  if (config.scope !== undefined && !hasScope(principal, config.scope)) {
    throw new AppError('forbidden', `the role "${principal.user.role}" lacks the scope "${config.scope}"`);
  }
  // A state change no scope guards is not for sessions: no role can be said to allow it.
  if (config.scope === undefined && STATE_CHANGING.has(request.method)) {
    throw new AppError('forbidden', 'this route does not take a dashboard session');
  }
  return principal;
}

/**
 * When the browser says where a request comes from (Origin), it must be the gateway itself: its
 * configured public URL or the host the request was sent to. Without the header the CSRF token decides.
 */
export function requireSameOrigin(request: FastifyRequest, publicOrigin: string | null): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const host = request.headers.host;
  const sentTo = typeof host === 'string' ? originOf(`${request.protocol}://${host}`) : null;
  const from = originOf(origin);
  if (from !== null && (from === publicOrigin || from === sentTo)) return;
  throw new AppError('forbidden', `requests with a session must come from the gateway's own origin, not ${String(origin).slice(0, 100)}`);
}

export function originOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

/** Constant-time equality of two secrets (the lengths are not secret). */
function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The caller of an authenticated route; throws when called on a route that does not authenticate. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null) throw new AppError('unauthorized', 'an API key is required');
  return request.principal;
}

/**
 * `/api/v1/users`: the merchant's dashboard users, for owners and admins (scope `admin`; an `admin` API
 * key manages users as an owner would). An invitation answers a one-time password once; only an owner
 * makes, demotes or disables an owner, and the last owner stays. Register with `{ prefix: '/api/v1/users' }`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../../http/auth.js';
import { ProblemSchema } from '../../http/problem.js';
import { claimedAnswer, schemaAnswer, sendAnswer } from '../../http/route-helpers.js';
import { DASHBOARD_ROLES } from '../../shared/catalogues/dashboard-roles.js';
import type { CreatedUser, UserManager, UsersService } from './users.service.js';

const tags = ['users'];
const scope = { scope: 'admin' as const };
/** a POST whose use case claims its Idempotency-Key in its own transaction (ADR 0033) */
const claimingScope = { ...scope, claimsIdempotencyKey: true };
/** the answer that shows the one-time password, once */
const withPassword = (created: CreatedUser) => ({ ...created.user, one_time_password: created.oneTimePassword as string });
const errors = { 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 UTC' });
const RoleSchema = Type.Enum(DASHBOARD_ROLES, {
  description: 'owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)',
});

export const UserSchema = Type.Object(
  {
    id: Type.String({ description: 'usr_ + 32 hex' }),
    merchant_id: Type.String(),
    email: Type.String(),
    role: RoleSchema,
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    must_change_password: Type.Boolean({ description: 'logged in with a one-time password that is still to be changed' }),
    totp_enabled: Type.Boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { additionalProperties: false },
);

const CreatedUserSchema = Type.Object(
  { ...UserSchema.properties, one_time_password: Type.String({ description: 'to be changed at first login; shown once' }) },
  { additionalProperties: false },
);

const UserParams = Type.Object({ user_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

/** The caller as a user manager: a session's role, or owner for an admin API key. */
function managerOf(request: FastifyRequest): UserManager & { merchantId: string } {
  const principal = requirePrincipal(request);
  return { merchantId: principal.merchantId, role: principal.user?.role ?? 'owner', actor: principal.actor, requestId: request.id };
}

export function usersRoutes(deps: { users: UsersService }): FastifyPluginAsyncTypebox {
  const { users } = deps;
  return async (app) => {
    app.get(
      '/',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'listUsers',
          summary: "The merchant's dashboard users",
          response: { 200: Type.Object({ data: Type.Array(UserSchema) }, { additionalProperties: false }), ...errors },
        },
      },
      async (request) => ({ data: await users.listUsers(managerOf(request).merchantId) }),
    );

    app.post(
      '/',
      {
        config: claimingScope,
        schema: {
          tags,
          operationId: 'createUser',
          summary: 'Invite a dashboard user: the answer carries a one-time password, shown once',
          body: Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }), role: RoleSchema }, { additionalProperties: false }),
          response: { 201: CreatedUserSchema, ...errors },
        },
      },
      async (request, reply) => {
        const manager = managerOf(request);
        const body = request.body as { email: string; role: string };
        const render = (created: CreatedUser) => schemaAnswer(reply, 201, withPassword(created));
        const input = { merchantId: manager.merchantId, email: body.email, role: body.role };
        return sendAnswer(request, reply, render(await users.createUser(input, manager, claimedAnswer(request, render))));
      },
    );

    app.patch(
      '/:user_id',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'changeUserRole',
          summary: "Change a user's role",
          params: UserParams,
          body: Type.Object({ role: RoleSchema }, { additionalProperties: false }),
          response: { 200: UserSchema, 404: ProblemSchema, ...errors },
        },
      },
      async (request) => {
        const manager = managerOf(request);
        const { user_id: userId } = request.params as { user_id: string };
        return users.changeRole(manager.merchantId, userId, (request.body as { role: string }).role, manager);
      },
    );

    app.post(
      '/:user_id/reset-password',
      {
        config: claimingScope,
        schema: {
          tags,
          operationId: 'resetUserPassword',
          summary: "Reset a user's password: their sessions end; the answer carries a one-time password, shown once",
          params: UserParams,
          response: { 200: CreatedUserSchema, 404: ProblemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const manager = managerOf(request);
        const { user_id: userId } = request.params as { user_id: string };
        const render = (reset: CreatedUser) => schemaAnswer(reply, 200, withPassword(reset));
        const reset = await users.resetPassword(manager.merchantId, userId, manager, undefined, claimedAnswer(request, render));
        return sendAnswer(request, reply, render(reset));
      },
    );

    app.delete(
      '/:user_id',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'disableUser',
          summary: 'Disable a user: their sessions end at once',
          params: UserParams,
          response: { 200: UserSchema, 404: ProblemSchema, ...errors },
        },
      },
      async (request) => {
        const manager = managerOf(request);
        const { user_id: userId } = request.params as { user_id: string };
        return users.disableUser(manager.merchantId, userId, manager);
      },
    );
  };
}

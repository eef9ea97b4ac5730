/**
 * Key management for the calling merchant: `GET/POST /api/v1/keys`, `DELETE /api/v1/keys/{key_id}`.
 * Admin scope only; a merchant only ever sees and revokes its own keys (another merchant's key id is 404).
 * Paths are relative: register the plugin with `{ prefix: '/api/v1/keys' }`.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type Principal, SCOPES } from '../../http/ports.js';
import { claimedAnswer, sendAnswer } from '../../http/route-helpers.js';
import { DEFAULT_KEY_SCOPES } from '../../shared/catalogues/api-key-scopes.js';
import { AppError } from '../../shared/errors.js';
import type { ApiKeysService, CreatedKey } from './api-keys.service.js';
import { MERCHANT_NAME_MAX_LENGTH } from './merchant.js';

const ScopeSchema = Type.Union(
  SCOPES.map((s) => Type.Literal(s)),
  { description: `${SCOPES.slice(0, -1).join(', ')} or ${SCOPES.at(-1)}` },
);

const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 UTC' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const ApiKeySchema = Type.Object(
  {
    id: Type.String({ description: 'key_ + 32 hex', examples: ['key_019cd79e4600c8c9237dc68c572da120'] }),
    merchant_id: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'the first characters of the key, to recognise it', examples: ['tpg_ab12…'] }),
    scopes: Type.Array(ScopeSchema),
    status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
    created_at: Timestamp,
    last_used_at: NullableTimestamp,
    revoked_at: NullableTimestamp,
  },
  { additionalProperties: false },
);

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: MERCHANT_NAME_MAX_LENGTH, description: 'what the key is for' }),
    scopes: Type.Optional(
      Type.Array(ScopeSchema, {
        minItems: 1,
        maxItems: SCOPES.length,
        uniqueItems: true,
        description: `default: ${DEFAULT_KEY_SCOPES.join(', ')}`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const CreatedApiKeySchema = Type.Object(
  {
    ...ApiKeySchema.properties,
    secret: Type.String({ description: 'the API key; shown once, store it now' }),
  },
  { additionalProperties: false },
);

/** the one answer that shows the secret, stored for its Idempotency-Key in the key's transaction */
const createdAnswer = (created: CreatedKey) => ({ statusCode: 201, body: JSON.stringify({ ...created.key, secret: created.secret }) });

const KeyParams = Type.Object({ key_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

type CreateBody = { name: string; scopes?: string[] };

function callerOf(request: FastifyRequest): Principal {
  const principal = (request as unknown as { principal: Principal | null | undefined }).principal;
  if (!principal) throw new AppError('unauthorized', 'an API key is required');
  // The auth hook checks the route's scope; checking again here keeps key management safe if it is ever mounted without it.
  if (!principal.scopes.has('admin')) throw new AppError('forbidden', 'the API key lacks the scope "admin"');
  return principal;
}

export function apiKeysRoutes(deps: { apiKeys: ApiKeysService }): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/',
      {
        config: { scope: 'admin' },
        schema: {
          tags: ['keys'],
          operationId: 'listApiKeys',
          summary: "List the merchant's API keys (never their secrets)",
          response: { 200: Type.Object({ data: Type.Array(ApiKeySchema) }, { additionalProperties: false }) },
        },
      },
      async (request) => ({ data: await deps.apiKeys.listKeys(callerOf(request).merchantId) }),
    );

    app.post(
      '/',
      {
        config: { scope: 'admin', claimsIdempotencyKey: true },
        schema: {
          tags: ['keys'],
          operationId: 'createApiKey',
          summary: 'Create an API key; the response carries its secret once',
          body: CreateApiKeyBody,
          response: { 201: CreatedApiKeySchema },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const body = request.body as CreateBody;
        const created = await deps.apiKeys.createKey(
          { merchantId: caller.merchantId, name: body.name, scopes: body.scopes },
          { actor: caller.actor, requestId: request.id },
          claimedAnswer(request, createdAnswer),
        );
        return sendAnswer(request, reply, createdAnswer(created));
      },
    );

    app.delete(
      '/:key_id',
      {
        config: { scope: 'admin' },
        schema: {
          tags: ['keys'],
          operationId: 'revokeApiKey',
          summary: 'Revoke an API key at once; revoking a revoked key returns it unchanged',
          params: KeyParams,
          response: { 200: ApiKeySchema },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { key_id: keyId } = request.params as { key_id: string };
        return deps.apiKeys.revokeKey(caller.merchantId, keyId, { actor: caller.actor, requestId: request.id });
      },
    );
  };
}

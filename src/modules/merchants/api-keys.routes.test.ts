/**
 * Key management routes through `app.inject` against a real database. The app here stands in for the
 * gateway's HTTP layer with the same contract: an auth hook that sets `request.principal` and enforces
 * `config.scope`, bodies validated as sent (unknown fields refused), AppErrors mapped to their status.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/db-harness.js';
import { SCOPES } from '../../http/ports.js';
import { AppError } from '../../shared/errors.js';
import { apiKeysRoutes } from './api-keys.routes.js';
import { createMerchantsModule, type MerchantsModule } from './merchants.module.js';

function buildApp(mod: MerchantsModule): FastifyInstance {
  const app = Fastify({ ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } } });
  app.decorateRequest('principal', null);
  app.addHook('preHandler', async (request) => {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    if (!match) throw new AppError('unauthorized', 'an API key is required');
    const principal = await mod.apiKeys.authenticate(match[1] as string);
    if (!principal) throw new AppError('unauthorized', 'the API key is unknown or revoked');
    const scope = request.routeOptions.config.scope;
    if (scope && !principal.scopes.has('admin') && !principal.scopes.has(scope)) throw new AppError('forbidden', `lacks ${scope}`);
    request.principal = principal;
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof AppError) return reply.code(error.status).send({ code: error.code, detail: error.detail, errors: error.errors });
    const validation = (error as { validation?: unknown }).validation;
    if (validation) return reply.code(422).send({ code: 'validation_failed', detail: (error as Error).message, errors: validation });
    return reply.code(500).send({ code: 'internal' });
  });
  app.register(apiKeysRoutes({ apiKeys: mod.apiKeys }), { prefix: '/api/v1/keys' });
  return app;
}

for (const engine of ENGINES) {
  describe(`${engine}: /api/v1/keys`, () => {
    let database: TestDatabase;
    let mod: MerchantsModule;
    let app: FastifyInstance;
    let merchantId: string;
    let admin: string;

    beforeEach(async () => {
      database = await openTestDatabase(engine);
      mod = createMerchantsModule(database.db);
      app = buildApp(mod);
      merchantId = (await mod.merchants.createMerchant({ name: 'Shop' })).id;
      admin = (await mod.apiKeys.createKey({ merchantId, name: 'admin', scopes: [...SCOPES] })).secret;
    });
    afterEach(async () => {
      // Optional chaining keeps a failed set-up's own error the one reported.
      await app?.close();
      await mod?.apiKeys.flush();
      await database?.destroy();
    });

    const auth = (key: string) => ({ authorization: `Bearer ${key}` });

    describe('happy', () => {
      it('creates a key (201, secret once), lists it without the secret, and revokes it', async () => {
        const created = await app.inject({
          method: 'POST',
          url: '/api/v1/keys',
          headers: auth(admin),
          payload: { name: 'checkout', scopes: ['payments:write'] },
        });
        expect(created.statusCode).toBe(201);
        const body = created.json();
        expect(body).toMatchObject({
          merchant_id: merchantId,
          name: 'checkout',
          scopes: ['payments:write'],
          status: 'active',
          revoked_at: null,
        });
        expect(body.secret).toMatch(/^tpg_[0-9A-Za-z]{43}$/);
        expect(body.prefix).toBe(`${body.secret.slice(0, 8)}…`);
        expect(await mod.apiKeys.authenticate(body.secret)).toMatchObject({ merchantId, keyId: body.id });

        const listed = await app.inject({ method: 'GET', url: '/api/v1/keys', headers: auth(admin) });
        expect(listed.statusCode).toBe(200);
        expect(listed.json().data.map((k: { id: string }) => k.id)).toContain(body.id);
        expect(listed.body).not.toContain(body.secret);
        expect(listed.body).not.toContain('secret');
        expect(listed.body).not.toMatch(/[0-9a-f]{64}/);

        const revoked = await app.inject({ method: 'DELETE', url: `/api/v1/keys/${body.id}`, headers: auth(admin) });
        expect(revoked.statusCode).toBe(200);
        expect(revoked.json()).toMatchObject({ id: body.id, status: 'revoked' });
        expect(revoked.json().revoked_at).toMatch(/Z$/);
        expect(await mod.apiKeys.authenticate(body.secret)).toBeNull();
      });

      it('gives a new key every scope but admin and payouts:write when none are named', async () => {
        const created = await app.inject({ method: 'POST', url: '/api/v1/keys', headers: auth(admin), payload: { name: 'default' } });
        expect(created.statusCode).toBe(201);
        expect(created.json().scopes).toEqual(['payments:read', 'payments:write', 'refunds:write', 'webhooks:manage', 'reports:read']);
        expect(SCOPES).toContain('payouts:write');
      });

      it('gives payouts:write to a key that asks for it', async () => {
        const payload = { name: 'payouts', scopes: ['payouts:write', 'payments:write'] };
        const created = await app.inject({ method: 'POST', url: '/api/v1/keys', headers: auth(admin), payload });
        expect(created.statusCode).toBe(201);
        expect(created.json().scopes).toEqual(['payments:write', 'payouts:write']);
      });
    });

    describe('error', () => {
      it('refuses unknown fields, unknown scopes, duplicate scopes and a missing name with 422', async () => {
        for (const payload of [
          { name: 'x', colour: 'blue' },
          { name: 'x', scopes: ['root'] },
          { name: 'x', scopes: ['admin', 'admin'] },
          { name: 'x', scopes: [] },
          { scopes: ['payments:read'] },
          { name: '' },
        ]) {
          const response = await app.inject({ method: 'POST', url: '/api/v1/keys', headers: auth(admin), payload });
          expect(response.statusCode, JSON.stringify(payload)).toBe(422);
        }
        expect(await mod.apiKeys.listKeys(merchantId)).toHaveLength(1);
      });

      it('answers 404 for an unknown key id and for a malformed one', async () => {
        for (const id of ['key_0000000000000000', 'nope']) {
          const response = await app.inject({ method: 'DELETE', url: `/api/v1/keys/${id}`, headers: auth(admin) });
          expect(response.statusCode).toBe(404);
          expect(response.json().code).toBe('not_found');
        }
      });
    });

    describe('security', () => {
      it('needs a key, and one with the admin scope', async () => {
        expect((await app.inject({ method: 'GET', url: '/api/v1/keys' })).statusCode).toBe(401);
        const { secret } = await mod.apiKeys.createKey({ merchantId, name: 'ordinary' });
        for (const request of [
          { method: 'GET' as const, url: '/api/v1/keys' },
          { method: 'POST' as const, url: '/api/v1/keys', payload: { name: 'escalate', scopes: ['admin'] } },
          { method: 'DELETE' as const, url: '/api/v1/keys/key_0000000000000000' },
        ]) {
          const response = await app.inject({ ...request, headers: auth(secret) });
          expect(response.statusCode, request.method).toBe(403);
        }
        expect((await mod.apiKeys.listKeys(merchantId)).map((k) => k.name)).toEqual(['admin', 'ordinary']);
      });

      it("never shows or revokes another merchant's keys (404, as for an unknown id)", async () => {
        const other = await mod.merchants.createMerchant({ name: 'Other' });
        const theirs = await mod.apiKeys.createKey({ merchantId: other.id, name: 'theirs', scopes: [...SCOPES] });
        const listed = await app.inject({ method: 'GET', url: '/api/v1/keys', headers: auth(admin) });
        expect(listed.json().data.map((k: { name: string }) => k.name)).toEqual(['admin']);
        const response = await app.inject({ method: 'DELETE', url: `/api/v1/keys/${theirs.key.id}`, headers: auth(admin) });
        expect(response.statusCode).toBe(404);
        expect(response.json().detail).toBe(`API key ${theirs.key.id} not found`);
        expect(await mod.apiKeys.authenticate(theirs.secret)).not.toBeNull();
      });

      it('a revoked admin key can no longer manage keys', async () => {
        const principal = await mod.apiKeys.authenticate(admin);
        await mod.apiKeys.revokeKey(merchantId, principal?.keyId ?? '');
        expect((await app.inject({ method: 'GET', url: '/api/v1/keys', headers: auth(admin) })).statusCode).toBe(401);
      });
    });
  });
}

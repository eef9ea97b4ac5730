import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp, type HttpApp } from './app.js';
import { requirePrincipal } from './auth.js';
import { fakeAuthenticator, testAppOptions } from './testing.js';

const authenticator = fakeAuthenticator({
  sk_reader: { merchantId: 'mer_a', scopes: ['payments:read'] },
  sk_admin: { merchantId: 'mer_a', scopes: ['admin'] },
  sk_revoked: { merchantId: 'mer_a', scopes: ['payments:read'], revoked: true },
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/read', { config: { scope: 'payments:read' } }, async (request) => {
    const principal = requirePrincipal(request);
    return { merchant: principal.merchantId, key: principal.keyId };
  });
  app.post('/write', { config: { scope: 'payments:write' } }, async () => ({ ok: true }));
  app.get('/any-key', async (request) => ({ merchant: requirePrincipal(request).merchantId }));
  app.get('/open', { config: { public: true } }, async (request) => ({ principal: request.principal }));
};

let app: HttpApp;
afterEach(async () => {
  await app?.close();
});
function build(): HttpApp {
  app = createHttpApp(testAppOptions({ authenticator }));
  app.register(routes, { prefix: '/t' });
  return app;
}

describe('API-key authentication', () => {
  it('answers 401 with WWW-Authenticate when no key is sent', async () => {
    build();
    const res = await app.inject({ method: 'GET', url: '/t/read' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.headers['x-request-id']).toBeDefined();
    expect(res.json()).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('answers 401 for a revoked key and for an unknown key', async () => {
    build();
    for (const key of ['sk_revoked', 'sk_nobody']) {
      const res = await app.inject({ method: 'GET', url: '/t/read', headers: { authorization: `Bearer ${key}` } });
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toBe('the API key is unknown or revoked');
    }
  });

  it('answers 401 for an Authorization header that is not Bearer', async () => {
    build();
    const res = await app.inject({ method: 'GET', url: '/t/read', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(res.statusCode).toBe(401);
  });

  it('answers 403 when the key lacks the route scope', async () => {
    build();
    const res = await app.inject({ method: 'POST', url: '/t/write', headers: { authorization: 'Bearer sk_reader' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden', detail: 'the API key lacks the scope "payments:write"' });
  });

  it('lets the admin scope through every scoped route', async () => {
    build();
    expect((await app.inject({ method: 'POST', url: '/t/write', headers: { authorization: 'Bearer sk_admin' } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/t/read', headers: { 'x-api-key': 'sk_admin' } })).statusCode).toBe(200);
  });

  it('accepts the key as Bearer and as X-API-Key and exposes the principal', async () => {
    build();
    const bearer = await app.inject({ method: 'GET', url: '/t/read', headers: { authorization: 'bearer sk_reader' } });
    const header = await app.inject({ method: 'GET', url: '/t/read', headers: { 'x-api-key': 'sk_reader' } });
    expect(bearer.json()).toEqual({ merchant: 'mer_a', key: 'key_sk_reader' });
    expect(header.json()).toEqual({ merchant: 'mer_a', key: 'key_sk_reader' });
  });

  it('needs some valid key on a route without a scope, and none on a public route', async () => {
    build();
    expect((await app.inject({ method: 'GET', url: '/t/any-key' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/t/any-key', headers: { 'x-api-key': 'sk_reader' } })).json()).toEqual({
      merchant: 'mer_a',
    });
    const open = await app.inject({ method: 'GET', url: '/t/open' });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({ principal: null });
  });

  it('rejects before reading the body', async () => {
    build();
    const res = await app.inject({
      method: 'POST',
      url: '/t/write',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(res.statusCode).toBe(401);
  });
});

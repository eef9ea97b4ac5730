import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import { createHttpApp, type HttpApp } from './app.js';
import { patternToRegExp } from './not-found.js';
import { fakeAuthenticator, testAppOptions } from './testing.js';

const KEY = 'sk_test_writer';
const auth = { authorization: `Bearer ${KEY}` };

const PaymentBody = Type.Object(
  {
    amount: Type.Union([Type.String(), Type.Number()]),
    payee_address: Type.String({ minLength: 1 }),
    currency: Type.Optional(Type.Union([Type.Literal('USDT'), Type.Literal('TRX')])),
    priority: Type.Optional(Type.Enum(['low', 'normal', 'high'])),
    expires_in_seconds: Type.Optional(Type.Integer({ minimum: 60 })),
    payments: Type.Optional(Type.Array(Type.Object({ payee_address: Type.String() }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
);

const testRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/payments', { config: { scope: 'payments:write' }, schema: { body: PaymentBody } }, async (request, reply) =>
    reply.code(201).send({ received: request.body }),
  );
  app.get(
    '/items',
    {
      config: { public: true },
      schema: {
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, { additionalProperties: false }),
      },
    },
    async (request) => ({ limit: request.query.limit ?? null }),
  );
  app.get('/items/:id', { config: { public: true } }, async (request) => ({ params: request.params }));
  app.get('/boom', { config: { public: true } }, async () => {
    throw new Error('connect ECONNREFUSED postgres://admin:hunter2@db');
  });
  app.get('/limited', { config: { public: true } }, async () => {
    throw new AppError('rate_limited', 'slow down', [], 7);
  });
};

let app: HttpApp;
function build(overrides: Parameters<typeof testAppOptions>[0] = {}): HttpApp {
  app = createHttpApp(testAppOptions({ authenticator: fakeAuthenticator({ [KEY]: { scopes: ['payments:write'] } }), ...overrides }));
  app.register(testRoutes, { prefix: '/api/v1/test' });
  return app;
}
afterEach(async () => {
  await app?.close();
});

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.headers['x-request-id']).toMatch(/^req_[0-9a-f]{16}$/);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({
    status,
    code,
    type: `https://tron-payment-gateway.dev/problems/${code}`,
    request_id: res.headers['x-request-id'],
  });
  expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'errors', 'request_id', 'status', 'title', 'type']);
  return body as { detail: string; errors: Array<{ path: string; message: string }> };
}

describe('request bodies', () => {
  it('answers malformed JSON with a 400 problem that names the problem', async () => {
    build();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/payments',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"amount": ',
    });
    const body = expectProblem(res, 400, 'malformed_request');
    expect(body.detail).toMatch(/not valid JSON/);
  });

  it('answers an empty body sent as application/json with 400', async () => {
    build();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/payments',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '',
    });
    expectProblem(res, 400, 'malformed_request');
  });

  it('answers a body over the limit with 413', async () => {
    build({ bodyLimitBytes: 1024 });
    const payload = JSON.stringify({ amount: '1', payee_address: 'x'.repeat(2000) });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/payments',
      headers: { ...auth, 'content-type': 'application/json' },
      payload,
    });
    const body = expectProblem(res, 413, 'payload_too_large');
    expect(body.detail).toContain('1024');
  });

  it('answers a text/plain body with 415', async () => {
    build();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/payments',
      headers: { ...auth, 'content-type': 'text/plain' },
      payload: 'amount=1',
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('keeps non-canonical numbers as their exact text', async () => {
    build();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/payments',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"amount": 1e3, "payee_address": "T1"}',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ received: { amount: '1e3', payee_address: 'T1' } });
    const precise = await app.inject({
      method: 'POST',
      url: '/api/v1/test/payments',
      headers: { ...auth, 'content-type': 'application/json; charset=utf-8' },
      payload: '{"amount": 0.30000000000000000001, "payee_address": "T1", "expires_in_seconds": 600}',
    });
    expect(precise.json()).toEqual({ received: { amount: '0.30000000000000000001', payee_address: 'T1', expires_in_seconds: 600 } });
  });

  it('treats a POST without body and without Content-Type as {}', async () => {
    build();
    const res = await app.inject({ method: 'POST', url: '/api/v1/test/payments', headers: auth });
    const body = expectProblem(res, 422, 'validation_failed');
    expect(body.errors).toEqual([
      { path: 'amount', message: 'is required' },
      { path: 'payee_address', message: 'is required' },
    ]);
  });
});

describe('validation errors', () => {
  const post = (payload: unknown) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/test/payments',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

  it('rejects an unknown field by name', async () => {
    build();
    const body = expectProblem(await post({ amount: '1', payee_address: 'T1', colour: 'red' }), 422, 'validation_failed');
    expect(body.errors).toEqual([{ path: 'colour', message: 'is not a known field' }]);
    expect(body.detail).toBe('colour is not a known field');
  });

  it('names a missing field', async () => {
    build();
    const body = expectProblem(await post({ amount: '1' }), 422, 'validation_failed');
    expect(body.errors).toEqual([{ path: 'payee_address', message: 'is required' }]);
  });

  it('lists the allowed values of an enum and of a union of literals', async () => {
    build();
    const body = expectProblem(
      await post({ amount: '1', payee_address: 'T1', currency: 'EUR', priority: 'urgent' }),
      422,
      'validation_failed',
    );
    expect(body.errors).toEqual([
      { path: 'currency', message: 'must be one of: USDT, TRX' },
      { path: 'priority', message: 'must be one of: low, normal, high' },
    ]);
  });

  it('says which type was expected, with nested paths', async () => {
    build();
    const body = expectProblem(
      await post({
        amount: true,
        payee_address: 5,
        expires_in_seconds: '60',
        payments: [{ payee_address: 'a' }, { payee_address: 'b', x: 1 }, {}],
      }),
      422,
      'validation_failed',
    );
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'amount', message: 'must be a string or a number' },
        { path: 'payee_address', message: 'must be a string' },
        { path: 'expires_in_seconds', message: 'must be an integer' },
        { path: 'payments/1/x', message: 'is not a known field' },
        { path: 'payments/2/payee_address', message: 'is required' },
      ]),
    );
    expect(body.errors).toHaveLength(5);
  });

  it('rejects a non-canonical number in an integer field', async () => {
    build();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/payments',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"amount": "1", "payee_address": "T1", "expires_in_seconds": 6e2}',
    });
    expect(expectProblem(res, 422, 'validation_failed').errors).toEqual([{ path: 'expires_in_seconds', message: 'must be an integer' }]);
  });

  it('prefixes query-string fields with query. and coerces declared integers', async () => {
    build();
    expect((await app.inject({ method: 'GET', url: '/api/v1/test/items?limit=20' })).json()).toEqual({ limit: 20 });
    const bad = expectProblem(await app.inject({ method: 'GET', url: '/api/v1/test/items?limit=500' }), 422, 'validation_failed');
    expect(bad.errors).toEqual([{ path: 'query.limit', message: 'must be <= 100' }]);
    const unknown = expectProblem(await app.inject({ method: 'GET', url: '/api/v1/test/items?colour=red' }), 422, 'validation_failed');
    expect(unknown.errors).toEqual([{ path: 'query.colour', message: 'is not a known field' }]);
  });
});

describe('errors', () => {
  it('answers an unknown route with a 404 problem', async () => {
    build();
    const body = expectProblem(await app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'not_found');
    expect(body.detail).toBe('no route for GET /api/v1/nothing-here');
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    build();
    const res = await app.inject({ method: 'DELETE', url: '/api/v1/test/items/abc' });
    expectProblem(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('hides the exception behind a 500 problem', async () => {
    build();
    const res = await app.inject({ method: 'GET', url: '/api/v1/test/boom' });
    const body = expectProblem(res, 500, 'internal');
    expect(body.detail).toBe('internal error');
    expect(res.body).not.toMatch(/hunter2|ECONNREFUSED|at |stack/);
  });

  it('sets Retry-After from the AppError', async () => {
    build();
    const res = await app.inject({ method: 'GET', url: '/api/v1/test/limited' });
    expectProblem(res, 429, 'rate_limited');
    expect(res.headers['retry-after']).toBe('7');
  });

  it('answers a bad percent-encoding with a 400 problem', async () => {
    build();
    const res = await app.inject({ method: 'GET', url: '/api/v1/test/items/%E0%A4%A' });
    expectProblem(res, 400, 'malformed_request');
  });
});

describe('request ids', () => {
  it('echoes a valid incoming X-Request-Id', async () => {
    build();
    const res = await app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'trace-1:abc.DEF_9' } });
    expect(res.headers['x-request-id']).toBe('trace-1:abc.DEF_9');
  });

  it('replaces an invalid one', async () => {
    build();
    for (const bad of ['has space', 'x'.repeat(129), 'new\\nline', 'ünï']) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(/^req_[0-9a-f]{16}$/);
      expect(res.json().request_id).toBe(res.headers['x-request-id']);
    }
  });
});

describe('CORS', () => {
  it('sends no CORS headers without configured origins', async () => {
    build();
    const res = await app.inject({ method: 'GET', url: '/health/live', headers: { origin: 'https://shop.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows a configured origin, also on a 401, and answers preflights without a key', async () => {
    build({ corsOrigins: ['https://shop.example'] });
    const denied = await app.inject({ method: 'POST', url: '/api/v1/test/payments', headers: { origin: 'https://shop.example' } });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['access-control-allow-origin']).toBe('https://shop.example');
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/test/payments',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://shop.example');
    const other = await app.inject({ method: 'GET', url: '/health/live', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('patternToRegExp', () => {
  it('matches Fastify route patterns', () => {
    expect(patternToRegExp('/api/v1/payments/:id/cancel').test('/api/v1/payments/pay_1/cancel')).toBe(true);
    expect(patternToRegExp('/api/v1/payments/:id/cancel').test('/api/v1/payments/a/b/cancel')).toBe(false);
    expect(patternToRegExp('/files/:name(^\\d+).png').test('/files/12.png')).toBe(true);
    expect(patternToRegExp('/docs/*').test('/docs/static/x.js')).toBe(true);
  });
});

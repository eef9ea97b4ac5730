import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import { err, ok, type Result } from '../shared/result.js';
import { createHttpApp, type HttpApp } from './app.js';
import { actorOf, unwrap } from './route-helpers.js';
import { fakeAuthenticator, testAppOptions } from './testing.js';

const authenticator = fakeAuthenticator({ sk_shop: { merchantId: 'mer_a', keyId: 'key_shop', scopes: ['payments:read'] } });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/who', async (request) => actorOf(request));
  app.get('/who-public', { config: { public: true } }, async (request) => actorOf(request));
  app.get('/refused', async () => unwrap(err(new AppError('not_found', 'no such payment'))));
};

let app: HttpApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
function build(): HttpApp {
  app = createHttpApp(testAppOptions({ authenticator }));
  app.register(routes, { prefix: '/t' });
  return app;
}

describe('actorOf', () => {
  it('names the merchant, the API key and the request id of the call', async () => {
    const res = await build().inject({
      method: 'GET',
      url: '/t/who',
      headers: { authorization: 'Bearer sk_shop', 'x-request-id': 'req-42' },
    });
    expect(res.statusCode).toBe(200);
    const requestId = res.headers['x-request-id'];
    expect(typeof requestId).toBe('string');
    expect(res.json()).toEqual({ merchantId: 'mer_a', actor: 'key_shop', requestId });
  });

  it('answers 401 when the route is public and no key was sent', async () => {
    const res = await build().inject({ method: 'GET', url: '/t/who-public' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthorized' });
  });
});

describe('unwrap', () => {
  it('gives the value of a success, the same object', () => {
    const value = { id: 'pay_1' };
    const result: Result<typeof value, AppError> = ok(value);
    expect(unwrap(result)).toBe(value);
  });

  it('throws the refusal itself, which the error handler renders as its problem', async () => {
    const refusal = new AppError('validation_failed', 'bad', [{ path: 'amount', message: 'must be positive' }]);
    expect(() => unwrap(err(refusal))).toThrow(refusal);
    const res = await build().inject({ method: 'GET', url: '/t/refused', headers: { authorization: 'Bearer sk_shop' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', detail: 'no such payment' });
  });
});

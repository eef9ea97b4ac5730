import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import { createHttpApp, type HttpApp } from './app.js';
import { fakeAuthenticator, memoryIdempotencyStore, testAppOptions } from './testing.js';

const headers = { authorization: 'Bearer sk_a', 'content-type': 'application/json' };

let app: HttpApp;
let store: ReturnType<typeof memoryIdempotencyStore>;
let counter = 0;
let gate: Promise<void> | null = null;
let failNext = false;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/payments',
    { config: { scope: 'payments:write' }, schema: { body: Type.Object({ amount: Type.String() }, { additionalProperties: false }) } },
    async (request, reply) => {
      if (gate !== null) await gate;
      if (failNext) {
        failNext = false;
        throw new Error('database went away');
      }
      counter++;
      return reply.code(201).send({ id: `pay_${counter}`, amount: request.body.amount, at: Math.random() });
    },
  );
  app.post('/refuse', { config: { scope: 'payments:write' } }, async () => {
    counter++;
    throw new AppError('limit_exceeded', 'daily limit reached');
  });
  // stands in for a use case that claims the key with its effect (claimed-answer.ts): the database refuses a second claim
  app.post('/claimed', { config: { scope: 'payments:write', claimsIdempotencyKey: true } }, async (request, reply) => {
    if (gate !== null) await gate;
    const claim = request.idempotency;
    if (claim !== null && (await store.find(claim.merchantId, claim.key)) !== null) {
      throw new AppError('idempotency_in_flight', 'a concurrent request with the same Idempotency-Key was just completed');
    }
    counter++;
    const body = JSON.stringify({ id: `pay_${counter}` });
    if (claim !== null) {
      await store.save(claim.merchantId, claim.key, { ...claim, statusCode: 201, body });
      request.idempotencyStored = true;
    }
    return reply.code(201).type('application/json; charset=utf-8').send(body);
  });
  app.post('/self-stored', { config: { scope: 'payments:write' } }, async (request) => {
    const claim = request.idempotency;
    if (claim !== null) {
      await store.save(claim.merchantId, claim.key, { ...claim, statusCode: 200, body: '{"stored":"by handler"}' });
      request.idempotencyStored = true;
    }
    return { stored: 'by plugin' };
  });
};

afterEach(async () => {
  await app?.close();
  gate = null;
  failNext = false;
  counter = 0;
});
function build(): HttpApp {
  store = memoryIdempotencyStore();
  app = createHttpApp(
    testAppOptions({
      authenticator: fakeAuthenticator({
        sk_a: { merchantId: 'mer_a', scopes: ['payments:write'] },
        sk_b: { merchantId: 'mer_b', scopes: ['payments:write'] },
      }),
      idempotency: store,
    }),
  );
  app.register(routes, { prefix: '/t' });
  return app;
}
const post = (url: string, key: string | undefined, payload: string, extra: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { ...headers, ...(key === undefined ? {} : { 'idempotency-key': key }), ...extra }, payload });

describe('Idempotency-Key', () => {
  it('replays the first response byte for byte with Idempotent-Replayed', async () => {
    build();
    const first = await post('/t/payments', 'k1', '{"amount":"10"}');
    const second = await post('/t/payments', 'k1', '{"amount":"10"}');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(counter).toBe(1);
  });

  it('answers 422 when the key comes back with a different body or query string', async () => {
    build();
    await post('/t/payments', 'k2', '{"amount":"10"}');
    const res = await post('/t/payments', 'k2', '{"amount":"11"}');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect((await post('/t/payments?x=1', 'k2', '{"amount":"10"}')).json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(counter).toBe(1);
  });

  it('scopes keys per merchant', async () => {
    build();
    await post('/t/payments', 'shared', '{"amount":"10"}');
    const other = await post('/t/payments', 'shared', '{"amount":"10"}', { authorization: 'Bearer sk_b' });
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(counter).toBe(2);
  });

  it('answers a duplicate that lost the claim with the stored answer of the winner', async () => {
    build();
    let open!: () => void;
    gate = new Promise((resolve) => {
      open = resolve;
    });
    // both pass the plugin's lookup before either has stored anything
    const answers = [post('/t/claimed', 'k3', '{}'), post('/t/claimed', 'k3', '{}')];
    open();
    const [first, second] = await Promise.all(answers);
    expect([first?.statusCode, second?.statusCode]).toEqual([201, 201]);
    expect(second?.body).toBe(first?.body);
    expect([first, second].filter((a) => a?.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    expect(counter).toBe(1);
  });

  it('does not store 5xx answers', async () => {
    build();
    failNext = true;
    const failed = await post('/t/payments', 'k4', '{"amount":"10"}');
    expect(failed.statusCode).toBe(500);
    expect(store.records.size).toBe(0);
    const retried = await post('/t/payments', 'k4', '{"amount":"10"}');
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('replays a business refusal (4xx) too', async () => {
    build();
    const first = await post('/t/refuse', 'k5', '{}');
    const second = await post('/t/refuse', 'k5', '{}');
    expect(first.statusCode).toBe(422);
    expect(second.statusCode).toBe(422);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(counter).toBe(1);
  });

  it('does not store a validation failure, so the corrected request can use the key', async () => {
    build();
    expect((await post('/t/payments', 'k6', '{"amount":10}')).statusCode).toBe(422);
    expect((await post('/t/payments', 'k6', '{"amount":"10"}')).statusCode).toBe(201);
  });

  it('lets a handler store the record itself', async () => {
    build();
    await post('/t/self-stored', 'k7', '{}');
    const replay = await post('/t/self-stored', 'k7', '{}');
    expect(replay.body).toBe('{"stored":"by handler"}');
  });

  it('rejects a malformed key naming the header', async () => {
    build();
    const res = await post('/t/payments', 'x'.repeat(256), '{"amount":"10"}');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'headers.idempotency-key', message: 'must be 1 to 255 printable ASCII characters' }]);
  });

  it('passes requests without a key straight through', async () => {
    build();
    await post('/t/payments', undefined, '{"amount":"10"}');
    await post('/t/payments', undefined, '{"amount":"10"}');
    expect(counter).toBe(2);
  });
});

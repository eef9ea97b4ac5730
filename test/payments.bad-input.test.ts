/**
 * Bad input on the payments API: every case answers a clear 4xx problem naming the field, stores nothing,
 * and the gateway keeps serving (a valid create right afterwards succeeds). Raw bodies are sent as text so
 * that number literals such as `1e3` reach the server exactly as a client wrote them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHexAddress } from '../src/tron/address.js';
import { base58CheckEncode } from '../src/tron/base58.js';
import { ENGINES } from './db-harness.js';
import { type Answer, type PaymentJson, type ProblemJson, startTestGateway, type TestGateway, testAddresses } from './gateway-harness.js';

const [VALID, OTHER] = testAddresses(2, 500) as [string, string];
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** The same address with its last character changed: still base58, wrong checksum. */
function badChecksum(address: string): string {
  const last = address.at(-1) as string;
  const replacement = BASE58[(BASE58.indexOf(last) + 1) % BASE58.length] as string;
  return address.slice(0, -1) + replacement;
}

/** A well-formed base58check address whose version byte is not 0x41. */
function wrongPrefix(address: string, version: number): string {
  const bytes = Uint8Array.from(Buffer.from(toHexAddress(address), 'hex'));
  bytes[0] = version;
  return base58CheckEncode(bytes);
}

const BAD_ADDRESSES: Array<[label: string, value: unknown, message: RegExp]> = [
  ['with a bad checksum', badChecksum(VALID), /checksum/],
  ['of 33 characters', VALID.slice(0, 33), /34 characters|21 bytes|checksum/],
  ['of 35 characters', `${VALID}1`, /34 characters/],
  ['with version byte 0x42 (still starts with T)', wrongPrefix(VALID, 0x42), /version byte 0x42/],
  ['with version byte 0x00 (a bitcoin-style address)', wrongPrefix(VALID, 0x00), /version byte 0x00/],
  ['in hex form (41…)', toHexAddress(VALID), /hex form/],
  ['in 0x hex form', `0x${toHexAddress(VALID).slice(2)}`, /hex form/],
  ['with characters outside base58', `${VALID.slice(0, 33)}0`, /base58 alphabet/],
  ['that is empty', '', /empty/],
  ['that is a number', 12345, /string/],
];

/** Raw JSON amount literals (exactly as written in the body) and what the answer must say. */
const BAD_AMOUNTS: Array<[literal: string, message: RegExp]> = [
  ['0', /greater than zero/],
  ['-1', /greater than zero/],
  ['"0"', /greater than zero/],
  ['"-1"', /greater than zero/],
  ['1e3', /exponent/],
  ['"1e3"', /exponent/],
  ['1E+2', /exponent/],
  ['"1.0000001"', /at most 6 decimal places/],
  ['1.0000001', /at most 6 decimal places/],
  ['"abc"', /decimal/],
  ['""', /decimal/],
  ['" 5"', /decimal/],
  ['"NaN"', /decimal/],
  ['"Infinity"', /decimal/],
  ['"0x10"', /decimal/],
  ['"1,5"', /decimal/],
  ['"+5"', /decimal/],
  ['"0.5"', /at least 1/],
  ['1000000000.000001', /at most 1000000000/],
  ['"1000000001"', /at most 1000000000/],
  ['null', /required/],
  ['true', /decimal/],
  ['{"value":"5"}', /decimal/],
  ['["5"]', /decimal/],
  ['123456789012345678901234567890', /at most 1000000000|too large/],
  ['"1234567890123456789012345678901234567890"', /too large/],
];

for (const engine of ENGINES) {
  describe(engine, () => {
    let gw: TestGateway;

    beforeAll(async () => {
      gw = await startTestGateway(engine);
    });
    afterAll(async () => {
      await gw?.close();
    });

    const create = (body: unknown, key = gw.adminKey) => gw.call<ProblemJson>('POST', '/api/v1/payments/create', { key, body });
    const createRaw = (raw: string, key = gw.adminKey) => gw.call<ProblemJson>('POST', '/api/v1/payments/create', { key, raw });

    /** Asserts a problem document with this status and, when given, an error on `path` whose message matches. */
    function expectProblem(res: Answer<unknown>, status: number, path?: string, message?: RegExp): ProblemJson {
      expect(res.status, res.text).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = res.body as ProblemJson;
      expect(problem).toMatchObject({
        status,
        type: expect.stringContaining(problem.code),
        title: expect.any(String),
        request_id: expect.any(String),
      });
      expect(problem.detail.length).toBeGreaterThan(0);
      expect(res.text).not.toMatch(/\bat [\w.]+ \(|node_modules|\.ts:\d+/);
      if (path !== undefined) {
        const hit = problem.errors.find((e) => e.path === path);
        expect(hit, `no error on ${path}: ${res.text}`).toBeDefined();
        if (message) expect(hit?.message).toMatch(message);
        expect(problem.detail).toContain(path);
      }
      return problem;
    }

    /** Nothing was stored since `before`, and a valid payment can still be created. */
    async function expectNothingStoredAndStillServing(before: number): Promise<void> {
      expect(await gw.count('payments')).toBe(before);
      const ok = await create({ payee_address: VALID, amount: '1' });
      expect(ok.status, ok.text).toBe(201);
      expect(await gw.count('payments')).toBe(before + 1);
    }

    describe('addresses', () => {
      it.each(BAD_ADDRESSES)('refuses a payee_address %s with 422 naming payee_address', async (_label, value, message) => {
        const before = await gw.count('payments');
        expectProblem(await create({ payee_address: value, amount: '10' }), 422, 'payee_address', message);
        await expectNothingStoredAndStillServing(before);
      });

      it.each(BAD_ADDRESSES)('refuses a payer_address %s with 422 naming payer_address', async (_label, value, message) => {
        const before = await gw.count('payments');
        expectProblem(await create({ payee_address: OTHER, payer_address: value, amount: '10' }), 422, 'payer_address', message);
        expectProblem(
          await create({ payee_address: OTHER, payer_address: value, amount: '10', payment_method: 'route' }),
          422,
          'payer_address',
        );
        await expectNothingStoredAndStillServing(before);
      });

      it('refuses a missing payee_address', async () => {
        const before = await gw.count('payments');
        expectProblem(await create({ amount: '10' }), 422, 'payee_address', /required/);
        expectProblem(await create({ payee_address: null, amount: '10' }), 422, 'payee_address');
        await expectNothingStoredAndStillServing(before);
      });

      it('reports every bad field of one request together', async () => {
        const before = await gw.count('payments');
        const problem = expectProblem(await create({ payee_address: badChecksum(VALID), payer_address: '', amount: '-3' }), 422);
        expect(problem.errors.map((e) => e.path).sort()).toEqual(['amount', 'payee_address', 'payer_address']);
        await expectNothingStoredAndStillServing(before);
      });
    });

    describe('amounts', () => {
      it.each(BAD_AMOUNTS)('refuses the amount %s with 422 naming amount', async (literal, message) => {
        const before = await gw.count('payments');
        const res = await createRaw(`{"payee_address":"${VALID}","amount":${literal}}`);
        const problem = expectProblem(res, 422, 'amount', message);
        expect(problem.code).toBe('validation_failed');
        await expectNothingStoredAndStillServing(before);
      });

      it('refuses a missing amount', async () => {
        const before = await gw.count('payments');
        expectProblem(await create({ payee_address: VALID }), 422, 'amount', /required/);
        await expectNothingStoredAndStillServing(before);
      });

      it('accepts the limits themselves: 1 and 1,000,000,000, and six decimals', async () => {
        for (const literal of ['1', '"1"', '1000000000', '"1000000000.000000"', '"1.000001"', '12.5']) {
          const res = await createRaw(`{"payee_address":"${VALID}","amount":${literal}}`);
          expect(res.status, `${literal}: ${res.text}`).toBe(201);
        }
      });
    });

    describe('enums and text fields', () => {
      it.each([
        ['payment_method', 'paypal'],
        ['payment_method', 'ROUTE'],
        ['priority', 'asap'],
        ['priority', 3],
        ['currency', 'BTC'],
        ['currency', 'usdt'],
      ])('refuses %s %j with 422 listing the allowed values', async (field, value) => {
        const before = await gw.count('payments');
        expectProblem(await create({ payee_address: VALID, amount: '10', [field]: value }), 422, field, /one of/);
        await expectNothingStoredAndStillServing(before);
      });

      it('refuses swap while no swap venue is configured, saying so', async () => {
        const before = await gw.count('payments');
        const problem = expectProblem(
          await create({ payee_address: VALID, amount: '10', payment_method: 'swap' }),
          422,
          'payment_method',
          /venue/,
        );
        expect(problem.detail).toMatch(/venue/);
        await expectNothingStoredAndStillServing(before);
      });

      it('accepts a description of 500 characters and refuses one of 501', async () => {
        const before = await gw.count('payments');
        expectProblem(await create({ payee_address: VALID, amount: '10', description: 'x'.repeat(501) }), 422, 'description', /500/);
        expectProblem(await create({ payee_address: VALID, amount: '10', description: '😀'.repeat(501) }), 422, 'description', /500/);
        await expectNothingStoredAndStillServing(before);
        expect((await create({ payee_address: VALID, amount: '10', description: 'x'.repeat(500) })).status).toBe(201);
        const emoji = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
          key: gw.adminKey,
          body: { payee_address: VALID, amount: '10', description: '😀'.repeat(500) },
        });
        expect(emoji.status).toBe(201);
        expect(emoji.body.description).toBe('😀'.repeat(500));
      });

      it.each([
        ['reference_id', ''],
        ['reference_id', 'r'.repeat(129)],
        ['reference_id', 42],
        ['description', 7],
        ['expires_in_seconds', 59],
        ['expires_in_seconds', 1.5],
        ['expires_in_seconds', '600'],
        ['expires_in_seconds', 604_801],
        ['metadata', 'note'],
        ['metadata', [1, 2]],
        ['metadata', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]))],
        ['metadata', { blob: 'x'.repeat(9000) }],
      ])('refuses %s %j with 422 naming it', async (field, value) => {
        const before = await gw.count('payments');
        expectProblem(await create({ payee_address: VALID, amount: '10', [field]: value }), 422, field);
        await expectNothingStoredAndStillServing(before);
      });

      it('refuses expires_in_seconds on a route payout', async () => {
        const before = await gw.count('payments');
        expectProblem(
          await create({ payee_address: VALID, amount: '10', payment_method: 'route', expires_in_seconds: 600 }),
          422,
          'expires_in_seconds',
        );
        await expectNothingStoredAndStillServing(before);
      });

      it('refuses an unknown field with 422 naming it', async () => {
        const before = await gw.count('payments');
        expectProblem(await create({ payee_address: VALID, amount: '10', colour: 'red' }), 422, 'colour', /not a known field/);
        expectProblem(await create({ payee_address: VALID, amount: '10', Amount: '10' }), 422, 'Amount', /not a known field/);
        await expectNothingStoredAndStillServing(before);
      });
    });

    describe('bodies', () => {
      it('answers 400 to malformed JSON', async () => {
        const before = await gw.count('payments');
        for (const raw of [
          `{"payee_address":"${VALID}","amount":"10"`,
          '{amount: 10}',
          `{"amount":"10",}`,
          '{"amount":01}',
          'nul',
          '{"a":"b"}{}',
        ]) {
          const problem = expectProblem(await createRaw(raw), 400);
          expect(problem.code, raw).toBe('malformed_request');
        }
        await expectNothingStoredAndStillServing(before);
      });

      it('answers 400 to a JSON body that tries to set __proto__', async () => {
        const before = await gw.count('payments');
        expectProblem(await createRaw(`{"payee_address":"${VALID}","amount":"10","__proto__":{"admin":true}}`), 400);
        await expectNothingStoredAndStillServing(before);
      });

      it('answers 422 to a JSON body that is not an object', async () => {
        const before = await gw.count('payments');
        for (const raw of ['null', '[]', '"create"', '42']) expectProblem(await createRaw(raw), 422);
        await expectNothingStoredAndStillServing(before);
      });

      it('answers 415 to a body that is not JSON', async () => {
        const before = await gw.count('payments');
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
          const res = await gw.call('POST', '/api/v1/payments/create', {
            key: gw.adminKey,
            raw: `payee_address=${VALID}&amount=10`,
            headers: { 'content-type': type },
          });
          const problem = expectProblem(res, 415);
          expect(problem.detail).toMatch(/application\/json/);
        }
        await expectNothingStoredAndStillServing(before);
      });

      it('answers an empty body on /create clearly: 400 when sent as JSON, 422 naming the required fields when sent with no body', async () => {
        const before = await gw.count('payments');
        expectProblem(await createRaw(''), 400);
        expectProblem(await createRaw('   '), 400);
        const problem = expectProblem(await gw.call('POST', '/api/v1/payments/create', { key: gw.adminKey }), 422);
        expect(problem.errors.map((e) => e.path).sort()).toEqual(['amount', 'payee_address']);
        expectProblem(await create({}), 422, 'payee_address', /required/);
        await expectNothingStoredAndStillServing(before);
      });

      it('refuses a batch of 1001 payments with 422 naming payments, storing nothing', async () => {
        const [payments, batches] = [await gw.count('payments'), await gw.count('batches')];
        const items = Array.from({ length: 1001 }, () => ({ payee_address: VALID, amount: '1' }));
        const res = await gw.call('POST', '/api/v1/payments/batch', { key: gw.adminKey, body: { payments: items } });
        expectProblem(res, 422, 'payments', /1000/);
        expect(await gw.count('batches')).toBe(batches);
        await expectNothingStoredAndStillServing(payments);
      });

      it('refuses an empty batch, a batch that is not a list and unknown batch fields', async () => {
        const [payments, batches] = [await gw.count('payments'), await gw.count('batches')];
        expectProblem(await gw.call('POST', '/api/v1/payments/batch', { key: gw.adminKey, body: { payments: [] } }), 422, 'payments');
        expectProblem(await gw.call('POST', '/api/v1/payments/batch', { key: gw.adminKey, body: { payments: {} } }), 422, 'payments');
        expectProblem(await gw.call('POST', '/api/v1/payments/batch', { key: gw.adminKey, body: {} }), 422, 'payments', /required/);
        expectProblem(
          await gw.call('POST', '/api/v1/payments/batch', {
            key: gw.adminKey,
            body: { payments: [{ payee_address: VALID, amount: '1' }], atomik: true },
          }),
          422,
          'atomik',
        );
        expect(await gw.count('batches')).toBe(batches);
        await expectNothingStoredAndStillServing(payments);
      });

      it('refuses a batch whose every item is invalid with 422 naming each, storing nothing', async () => {
        const [payments, batches] = [await gw.count('payments'), await gw.count('batches')];
        const res = await gw.call('POST', '/api/v1/payments/batch', {
          key: gw.adminKey,
          raw: `{"payments":[{"payee_address":"${VALID}","amount":1e3},{"payee_address":"${toHexAddress(VALID)}","amount":"1"}]}`,
        });
        const problem = expectProblem(res, 422);
        expect(problem.errors.map((e) => e.path)).toEqual(['payments/0/amount', 'payments/1/payee_address']);
        expect(await gw.count('batches')).toBe(batches);
        await expectNothingStoredAndStillServing(payments);
      });

      it('refuses a bad Idempotency-Key header with 422 naming it', async () => {
        const before = await gw.count('payments');
        const res = await gw.call('POST', '/api/v1/payments/create', {
          key: gw.adminKey,
          body: { payee_address: VALID, amount: '10' },
          headers: { 'idempotency-key': 'x'.repeat(256) },
        });
        expectProblem(res, 422, 'headers.idempotency-key');
        await expectNothingStoredAndStillServing(before);
      });
    });

    describe('keys and ownership', () => {
      it('answers 401 to a missing, unknown or revoked key and stores nothing', async () => {
        const before = await gw.count('payments');
        const body = { payee_address: VALID, amount: '10' };
        expectProblem(await gw.call('POST', '/api/v1/payments/create', { body }), 401);
        expectProblem(await create(body, 'tpg_0000000000000000000000000000000000000000000'), 401);
        expectProblem(await create(body, 'not a key at all'), 401);
        const revoked = await gw.key(['payments:read', 'payments:write']);
        expect((await create(body, revoked)).status).toBe(201);
        await gw.revoke(revoked);
        expectProblem(await create(body, revoked), 401);
        expectProblem(await gw.call('GET', '/api/v1/payments', { key: revoked }), 401);
        await expectNothingStoredAndStillServing(before + 1);
      });

      it('answers 401 before reading the body of an unauthenticated request', async () => {
        const res = await gw.call('POST', '/api/v1/payments/create', { raw: '{not json' });
        expectProblem(res, 401);
      });

      it("answers 404 to another merchant's payment id and to a foreign key, changing nothing", async () => {
        const other = await gw.createMerchant();
        const theirs = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
          key: other.adminKey,
          body: { payee_address: VALID, amount: '5' },
        });
        expect(theirs.status).toBe(201);
        const id = theirs.body.payment_id;
        for (const [method, url] of [
          ['GET', `/api/v1/payments/${id}`],
          ['GET', `/api/v1/payments/status/${id}`],
          ['POST', `/api/v1/payments/${id}/cancel`],
          ['POST', `/api/v1/payments/${id}/approve`],
        ] as const) {
          const problem = expectProblem(await gw.call(method, url, { key: gw.adminKey }), 404);
          expect(problem.code).toBe('not_found');
        }
        const still = await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: other.adminKey });
        expect(still.body.status).toBe('pending');
      });

      it('answers 404 to unknown and malformed ids on every payment route', async () => {
        for (const id of ['pay_ffffffffffffffff', 'pay_XYZ', 'batch_0123456789abcdef', '..%2F..%2Fetc', 'x'.repeat(64)]) {
          for (const [method, url] of [
            ['GET', `/api/v1/payments/${id}`],
            ['GET', `/api/v1/payments/status/${id}`],
            ['POST', `/api/v1/payments/${id}/cancel`],
            ['POST', `/api/v1/payments/${id}/approve`],
          ] as const) {
            expectProblem(await gw.call(method, url, { key: gw.adminKey }), 404);
          }
        }
        expectProblem(await gw.call('GET', `/api/v1/payments/${'x'.repeat(65)}`, { key: gw.adminKey }), 422, 'params.payment_id');
      });

      it('keeps serving after all of the above', async () => {
        const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
          key: gw.adminKey,
          body: { payee_address: VALID, amount: '2' },
        });
        expect(res.status).toBe(201);
        expect((await gw.call('GET', '/health/ready')).status).toBe(200);
      });
    });

    describe('oversized bodies', () => {
      let small: TestGateway;
      beforeAll(async () => {
        small = await startTestGateway(engine, { config: { server: { body_limit_bytes: 2048 } } });
      });
      afterAll(async () => {
        await small?.close();
      });

      it('answers 413 to a body over server.body_limit_bytes and stores nothing', async () => {
        const before = await small.count('payments');
        const res = await small.call('POST', '/api/v1/payments/create', {
          key: small.adminKey,
          body: { payee_address: VALID, amount: '10', description: 'x'.repeat(400), metadata: { blob: 'y'.repeat(2000) } },
        });
        expect(res.status).toBe(413);
        expect((res.body as ProblemJson).code).toBe('payload_too_large');
        expect((res.body as ProblemJson).detail).toMatch(/2048/);
        const batch = await small.call('POST', '/api/v1/payments/batch', {
          key: small.adminKey,
          body: { payments: Array.from({ length: 40 }, () => ({ payee_address: VALID, amount: '1' })) },
        });
        expect(batch.status).toBe(413);
        expect(await small.count('payments')).toBe(before);
        const ok = await small.call('POST', '/api/v1/payments/create', {
          key: small.adminKey,
          body: { payee_address: VALID, amount: '10' },
        });
        expect(ok.status).toBe(201);
      });
    });
  });
}

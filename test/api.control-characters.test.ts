/**
 * Control characters in request text (issue 17): PostgreSQL refuses NUL in text, so a NUL in any text
 * field used to answer 500 there (and fail a whole batch). Every text field of every endpoint now refuses
 * C0 control characters and DEL with 422 naming the field, on both engines; free text (description,
 * notes, reason) keeps tab, line feed and carriage return. A bad batch item is reported by index and the
 * other items of a non-atomic batch are still created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { type Answer, type BatchJson, type PaymentJson, type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';

const NUL = '\u0000';

for (const engine of ENGINES) {
  describe(engine, () => {
    let gw: TestGateway;
    let payee: string;

    beforeAll(async () => {
      gw = await startTestGateway(engine);
      payee = gw.addresses[0] as string;
    });
    afterAll(async () => {
      await gw?.close();
    });

    const post = <T = ProblemJson>(url: string, body: unknown) => gw.call<T>('POST', url, { key: gw.adminKey, body });
    const get = <T = ProblemJson>(url: string) => gw.call<T>('GET', url, { key: gw.adminKey });

    /** A 422 problem whose errors name `path` (and only fields, never a 500). */
    function expectRefused(res: Answer<unknown>, path: string): void {
      expect(res.status, res.text).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = res.body as ProblemJson;
      expect(problem.code).toBe('validation_failed');
      const hit = problem.errors.find((e) => e.path === path);
      expect(hit, `no error on ${path}: ${res.text}`).toBeDefined();
      expect(hit?.message).toMatch(/control character/);
    }

    async function pendingPayment(): Promise<PaymentJson> {
      const res = await post<PaymentJson>('/api/v1/payments/create', { payee_address: payee, amount: '5' });
      expect(res.status, res.text).toBe(201);
      return res.body;
    }

    describe('create', () => {
      it.each([
        ['reference_id', { reference_id: `order${NUL}1` }],
        ['description', { description: `a${NUL}b` }],
        ['reference_id', { reference_id: 'order\u00011' }],
        ['reference_id', { reference_id: 'order\u001b[31m' }],
        ['reference_id', { reference_id: 'order\u007f' }],
        ['reference_id', { reference_id: 'order\n1' }],
        ['reference_id', { reference_id: 'order\t1' }],
        ['description', { description: 'bell\u0007' }],
        ['payer_address', { payer_address: `${payee}${NUL}` }],
      ])('refuses a control character in %s with 422 naming it, storing nothing', async (path, change) => {
        const before = await gw.count('payments');
        expectRefused(await post('/api/v1/payments/create', { payee_address: payee, amount: '5', ...change }), path);
        expect(await gw.count('payments')).toBe(before);
      });

      it('keeps tab, line feed and carriage return in a description (free text)', async () => {
        const description = 'line one\r\nline two\tindented';
        const res = await post<PaymentJson>('/api/v1/payments/create', { payee_address: payee, amount: '5', description });
        expect(res.status, res.text).toBe(201);
        expect(res.body.description).toBe(description);
        const read = await get<PaymentJson>(`/api/v1/payments/${res.body.payment_id}`);
        expect(read.body.description).toBe(description);
      });
    });

    describe('batch', () => {
      it('reports the bad item by index and creates the others (1000 items, one bad)', async () => {
        const before = await gw.count('payments');
        const payments = Array.from({ length: 1000 }, (_, i) => ({
          payee_address: payee,
          amount: '1',
          reference_id: i === 3 ? `row${NUL}3` : `cc-${engine}-${i}`,
        }));
        const res = await post<BatchJson>('/api/v1/payments/batch', { payments });
        expect(res.status, res.text).toBe(201);
        expect(res.body).toMatchObject({ total_items: 1000, created_count: 999, rejected_count: 1 });
        const bad = res.body.results?.[3];
        expect(bad?.status).toBe('rejected');
        expect(bad?.errors?.map((e) => e.path)).toEqual(['payments/3/reference_id']);
        expect(bad?.errors?.[0]?.message).toMatch(/control character/);
        expect(res.body.results?.filter((r) => r.status === 'created')).toHaveLength(999);
        expect(await gw.count('payments')).toBe(before + 999);
      });

      it('refuses an atomic batch with a bad item, storing nothing', async () => {
        const before = await gw.count('payments');
        const payments = [
          { payee_address: payee, amount: '1' },
          { payee_address: payee, amount: '1', description: `x${NUL}` },
        ];
        expectRefused(await post('/api/v1/payments/batch', { payments, atomic: true }), 'payments/1/description');
        expect(await gw.count('payments')).toBe(before);
      });

      it('refuses a control character in batch_reference, storing nothing', async () => {
        const before = { payments: await gw.count('payments'), batches: await gw.count('batches') };
        const res = await post('/api/v1/payments/batch', {
          batch_reference: `run${NUL}`,
          payments: [{ payee_address: payee, amount: '1' }],
        });
        expectRefused(res, 'batch_reference');
        expect({ payments: await gw.count('payments'), batches: await gw.count('batches') }).toEqual(before);
      });
    });

    describe('other endpoints', () => {
      it('refuses a NUL in a cancel reason, leaving the payment pending', async () => {
        const p = await pendingPayment();
        expectRefused(await post(`/api/v1/payments/${p.payment_id}/cancel`, { reason: `left${NUL}` }), 'reason');
        expect((await get<PaymentJson>(`/api/v1/payments/${p.payment_id}`)).body.status).toBe('pending');
      });

      it('refuses a NUL in reconcile notes, in the body and in the query', async () => {
        const p = await pendingPayment();
        const before = await gw.count('reconciliations');
        expectRefused(await post('/api/v1/payments/reconcile', { payment_id: p.payment_id, notes: `n${NUL}` }), 'notes');
        const query = await gw.call('POST', `/api/v1/payments/reconcile?payment_id=${p.payment_id}&notes=n%00`, { key: gw.adminKey });
        expectRefused(query, 'query.notes');
        expect(await gw.count('reconciliations')).toBe(before);
      });

      it('refuses a NUL in a webhook description, storing no endpoint', async () => {
        const before = await gw.count('webhooks');
        const res = await post('/api/v1/payments/webhooks/register', {
          url: 'https://shop.example.com/hooks/tron',
          events: ['payment.completed'],
          description: `shop${NUL}`,
        });
        expectRefused(res, 'description');
        expect(await gw.count('webhooks')).toBe(before);
      });

      it.each([
        ['reference_id', 'reference_id=a%00b'],
        ['batch_id', 'batch_id=batch_%00'],
        ['starting_after', 'starting_after=pay_%00'],
        ['reference_id', 'reference_id=a%1Bb'],
      ])('refuses a control character in the list filter %s', async (name, query) => {
        expectRefused(await get(`/api/v1/payments?${query}`), `query.${name}`);
      });

      it('refuses a NUL in a refund parameter given in the query', async () => {
        const p = await pendingPayment();
        const res = await gw.call('POST', `/api/v1/payments/refund?payment_id=${p.payment_id}&refund_address=T%00`, { key: gw.adminKey });
        expectRefused(res, 'query.refund_address');
      });

      it('refuses a NUL in a path parameter', async () => {
        expectRefused(await get('/api/v1/payments/pay_%00'), 'params.payment_id');
      });
    });
  });
}

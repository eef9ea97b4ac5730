/**
 * The payments API end to end over a real database (SQLite and PostgreSQL): creating, reading, listing,
 * batches, cancel and approve, idempotency, the outbox and jobs written with each change, security, the
 * wallet, fee quotes, settlement info and the app-level routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, toIso } from '../src/shared/clock.js';
import { checkBase58Address } from '../src/tron/address.js';
import { ENGINES } from './db-harness.js';
import {
  type BatchJson,
  type ListJson,
  type PaymentJson,
  type ProblemJson,
  startTestGateway,
  type TestGateway,
  type TestMerchant,
  testAddresses,
} from './gateway-harness.js';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);
const PAY_ID = /^pay_[0-9a-f]{32}$/;
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SEED_FIELDS = [
  'payment_id',
  'status',
  'payer_address',
  'payee_address',
  'amount',
  'fee',
  'net_amount',
  'payment_method',
  'priority',
  'reference_id',
  'description',
  'created_at',
];

for (const engine of ENGINES) {
  describe(engine, () => {
    const clock = fixedClock(T0);
    let gw: TestGateway;
    let payee: string;
    let payer: string;

    beforeAll(async () => {
      gw = await startTestGateway(engine, { clock });
      [payee, payer] = gw.addresses as [string, string];
    });
    afterAll(async () => {
      await gw?.close();
    });

    const create = (body: Record<string, unknown>, key = gw.adminKey, headers?: Record<string, string>) =>
      gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key, body, ...(headers ? { headers } : {}) });
    const createOk = async (body: Record<string, unknown>, key = gw.adminKey) => {
      const res = await create(body, key);
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    const problem = (res: { body: unknown }) => res.body as ProblemJson;

    describe('create', () => {
      it('answers 201 with the seed field names, canonical decimal amounts, a pay_ id, ISO Z timestamps and a deposit address', async () => {
        const res = await create({
          payee_address: payee,
          payer_address: payer,
          amount: '100',
          reference_id: 'order-1',
          description: 'two hats',
        });
        expect(res.status).toBe(201);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        const p = res.body;
        for (const field of SEED_FIELDS) expect(p).toHaveProperty(field);
        expect(p.payment_id).toMatch(PAY_ID);
        expect(p).toMatchObject({
          object: 'payment',
          status: 'pending',
          payment_method: 'payment_gateway',
          priority: 'normal',
          currency: 'USDT',
          amount: '100',
          fee: '0.15',
          fee_rate: '0.0015',
          discount_rate: '0',
          net_amount: '99.85',
          amount_received: '0',
          payer_address: payer,
          payee_address: payee,
          reference_id: 'order-1',
          description: 'two hats',
          confirmations: 0,
          finalized: false,
          transaction_id: null,
          requires_approval: false,
          approval_status: null,
          flags: [],
        });
        for (const field of ['created_at', 'updated_at', 'expires_at', 'estimated_completion_time'] as const)
          expect(p[field]).toMatch(ISO_Z);
        expect(p.created_at).toBe(toIso(T0));
        expect(p.expires_at).toBe(toIso(T0 + 3600_000));
        expect(p.estimated_completion_time).toBe(toIso(T0 + 60_000));
        expect(checkBase58Address(p.deposit_address).ok).toBe(true);
        expect([payee, payer, gw.hotWalletAddress]).not.toContain(p.deposit_address);
      });

      it('writes amounts in canonical form whether they arrive as strings or JSON numbers', async () => {
        expect((await createOk({ payee_address: payee, amount: '1000.50' })).amount).toBe('1000.5');
        expect((await createOk({ payee_address: payee, amount: 12.25 })).amount).toBe('12.25');
        expect((await createOk({ payee_address: payee, amount: '007' })).amount).toBe('7');
        expect((await createOk({ payee_address: payee, amount: '1.000001' })).amount).toBe('1.000001');
      });

      it('gives every payment_gateway payment its own fresh deposit address', async () => {
        const created = await Promise.all(Array.from({ length: 6 }, (_, i) => createOk({ payee_address: payee, amount: String(10 + i) })));
        const deposits = created.map((p) => p.deposit_address);
        expect(new Set(deposits).size).toBe(6);
        for (const d of deposits) expect(checkBase58Address(d).ok).toBe(true);
        expect(deposits).not.toContain(gw.hotWalletAddress);
      });

      it('watches direct_transfer payments at the payee (no deposit address) and gives route payouts no expiry', async () => {
        const direct = await createOk({ payee_address: payee, payer_address: payer, amount: '20', payment_method: 'direct_transfer' });
        expect(direct.deposit_address).toBeNull();
        expect(direct.expires_at).toBe(toIso(T0 + 3600_000));
        const custom = await createOk({ payee_address: payee, amount: '20', expires_in_seconds: 600 });
        expect(custom.expires_at).toBe(toIso(T0 + 600_000));
        const payout = await createOk({ payee_address: payee, amount: '20', payment_method: 'route' });
        expect(payout.deposit_address).toBeNull();
        expect(payout.expires_at).toBeNull();
      });

      it('makes the hot wallet the payer of a route payout that names none', async () => {
        const payout = await createOk({ payee_address: payee, amount: '50', payment_method: 'route', priority: 'urgent' });
        expect(payout).toMatchObject({
          payment_method: 'route',
          payer_address: gw.hotWalletAddress,
          requires_approval: false,
          approval_status: null,
        });
        const explicit = await createOk({
          payee_address: payee,
          payer_address: gw.hotWalletAddress,
          amount: '50',
          payment_method: 'route',
        });
        expect(explicit.payer_address).toBe(gw.hotWalletAddress);
      });

      const FEES: Array<[amount: string, priority: string, fee: string, net: string, discount: string]> = [
        ['100', 'normal', '0.15', '99.85', '0'],
        ['100', 'low', '0.1', '99.9', '0'],
        ['100', 'high', '0.2', '99.8', '0'],
        ['100', 'urgent', '0.3', '99.7', '0'],
        ['9999.99', 'normal', '14.999985', '9984.990015', '0'],
        ['10000', 'normal', '14.25', '9985.75', '0.05'],
        ['100000', 'normal', '135', '99865', '0.1'],
        ['1000000', 'normal', '1275', '998725', '0.15'],
        ['1000000', 'urgent', '2550', '997450', '0.15'],
        // 1.001 × 0.0015 = 0.0015015: half a base unit, rounded up
        ['1.001', 'normal', '0.001502', '0.999498', '0'],
      ];
      it.each(FEES)('charges %s USDT at %s priority a fee of %s (net %s, discount %s)', async (amount, priority, fee, net, discount) => {
        const p = await createOk({ payee_address: payee, amount, priority });
        expect(p).toMatchObject({ amount, priority, fee, net_amount: net, discount_rate: discount });
      });

      it('applies the same fee table to TRX', async () => {
        const p = await createOk({ payee_address: payee, amount: '10000', currency: 'TRX', priority: 'high' });
        expect(p).toMatchObject({ currency: 'TRX', fee: '19', net_amount: '9981', discount_rate: '0.05' });
      });

      it('flags payments of 1,000,000 or more as large_amount', async () => {
        const p = await createOk({ payee_address: payee, amount: '1000000' });
        expect(p.flags.map((f) => f.code)).toContain('large_amount');
        expect(p.requires_approval).toBe(false);
        const small = await createOk({ payee_address: payee, amount: '999999.999999' });
        expect(small.flags).toEqual([]);
      });
    });

    describe('read', () => {
      it('shows a payment with its history on GET /{id}', async () => {
        const created = await createOk({ payee_address: payee, amount: '33', reference_id: 'read-1' });
        const res = await gw.call<PaymentJson>('GET', `/api/v1/payments/${created.payment_id}`, { key: gw.adminKey });
        expect(res.status).toBe(200);
        const { history, ...view } = res.body;
        // the checkout URL carries a secret: it is answered once, by the create
        const { checkout_url: checkoutUrl, ...createdView } = created as PaymentJson & { checkout_url?: string };
        expect(checkoutUrl).toMatch(/^http:\/\/127\.0\.0\.1:8097\/checkout\/pay_[0-9a-f]+\.[A-Za-z0-9_-]{24}$/);
        // GET adds what the payment's chain sends cost: nothing has been sent for a new one
        expect(view).toEqual({ ...createdView, network_cost: null, energy_decision: null });
        expect(history).toEqual([{ from: null, to: 'pending', reason: 'created', actor: expect.stringMatching(/^key_/), at: toIso(T0) }]);
      });

      it('shows the status view on GET /status/{id}', async () => {
        const created = await createOk({ payee_address: payee, amount: '34' });
        const res = await gw.call<Record<string, unknown>>('GET', `/api/v1/payments/status/${created.payment_id}`, { key: gw.adminKey });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          payment_id: created.payment_id,
          status: 'pending',
          payment_method: 'payment_gateway',
          amount: '34',
          amount_received: '0',
          currency: 'USDT',
          exception: null,
          confirmations: 0,
          finalized: false,
          transaction_id: null,
          failure_reason: null,
          cancel_reason: null,
          expires_at: created.expires_at,
          created_at: created.created_at,
          updated_at: created.updated_at,
        });
      });

      it('answers 404 problems for unknown and malformed payment ids', async () => {
        for (const url of [
          '/api/v1/payments/pay_0123456789abcdef',
          '/api/v1/payments/status/pay_0123456789abcdef',
          '/api/v1/payments/status/nope',
        ]) {
          const res = await gw.call('GET', url, { key: gw.adminKey });
          expect(res.status, url).toBe(404);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(problem(res)).toMatchObject({ status: 404, code: 'not_found' });
        }
      });
    });

    describe('list', () => {
      let merchant: TestMerchant;
      const created: PaymentJson[] = [];
      const specs: Array<Record<string, unknown>> = [
        { amount: '10', reference_id: 'L-0' },
        { amount: '11', payment_method: 'route', priority: 'urgent', reference_id: 'L-1' },
        { amount: '12', currency: 'TRX', reference_id: 'L-2' },
        { amount: '13', payment_method: 'direct_transfer', priority: 'low', reference_id: 'L-3' },
        { amount: '14', priority: 'urgent', reference_id: 'L-4' },
        { amount: '15', payment_method: 'route', currency: 'TRX', reference_id: 'L-5' },
        { amount: '16', reference_id: 'L-6' },
      ];

      beforeAll(async () => {
        merchant = await gw.createMerchant();
        for (const spec of specs) {
          clock.advance(1000);
          created.push(await createOk({ payee_address: payee, ...spec }, merchant.adminKey));
        }
        clock.advance(1000);
        const cancelled = await gw.call('POST', `/api/v1/payments/${created[6]?.payment_id}/cancel`, { key: merchant.adminKey });
        expect(cancelled.status).toBe(200);
        // two payments in the same millisecond: the id breaks the tie
        created.push(await createOk({ payee_address: payee, amount: '17', reference_id: 'L-7' }, merchant.adminKey));
        created.push(await createOk({ payee_address: payee, amount: '18', reference_id: 'L-8' }, merchant.adminKey));
      });

      const list = async (query: string) => {
        const res = await gw.call<ListJson>('GET', `/api/v1/payments${query}`, { key: merchant.adminKey });
        expect(res.status, res.text).toBe(200);
        return res.body;
      };

      it('lists newest first and pages with limit and starting_after, covering every payment exactly once', async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: ListJson = await list(`?limit=2${cursor ? `&starting_after=${cursor}` : ''}`);
          pages++;
          expect(page.object).toBe('list');
          expect(page.data.length).toBeLessThanOrEqual(2);
          seen.push(...page.data.map((p) => p.payment_id));
          if (page.has_more) expect(page.next_cursor).toBe(page.data.at(-1)?.payment_id);
          else expect(page.next_cursor).toBeNull();
          cursor = page.next_cursor;
        } while (cursor !== null);
        expect(pages).toBe(5);
        expect(seen).toHaveLength(created.length);
        expect(new Set(seen)).toEqual(new Set(created.map((p) => p.payment_id)));
        const whole = await list('?limit=100');
        expect(whole.data.map((p) => p.payment_id)).toEqual(seen);
        expect(whole.has_more).toBe(false);
        const times = whole.data.map((p) => p.created_at);
        expect([...times].sort().reverse()).toEqual(times);
        expect(seen.slice(2).reverse().slice(0, 7)).toEqual(created.slice(0, 7).map((p) => p.payment_id));
      });

      it('filters by status, payment_method, priority, currency and reference_id', async () => {
        const ids = (page: ListJson) => page.data.map((p) => p.payment_id).sort();
        const of = (...indexes: number[]) => indexes.map((i) => created[i]?.payment_id).sort();
        expect(ids(await list('?status=cancelled'))).toEqual(of(6));
        expect(ids(await list('?payment_method=route'))).toEqual(of(1, 5));
        expect(ids(await list('?priority=urgent'))).toEqual(of(1, 4));
        expect(ids(await list('?currency=TRX'))).toEqual(of(2, 5));
        expect(ids(await list('?reference_id=L-3'))).toEqual(of(3));
        expect(ids(await list('?payment_method=route&currency=TRX'))).toEqual(of(5));
        expect((await list('?reference_id=nothing')).data).toEqual([]);
      });

      it('filters by created_from (inclusive) and created_to (exclusive)', async () => {
        const from = created[2]?.created_at as string;
        const to = created[5]?.created_at as string;
        const page = await list(`?created_from=${from}&created_to=${to}`);
        expect(page.data.map((p) => p.reference_id)).toEqual(['L-4', 'L-3', 'L-2']);
      });

      it('refuses an unknown cursor, a bad limit and an unknown filter with 422', async () => {
        for (const query of ['?starting_after=pay_0123456789abcdef', '?limit=0', '?limit=abc', '?status=lost', '?colour=red']) {
          const res = await gw.call('GET', `/api/v1/payments${query}`, { key: merchant.adminKey });
          expect(res.status, query).toBe(422);
          expect(problem(res).errors[0]?.path, query).toMatch(/^query/);
        }
      });
    });

    describe('batches', () => {
      it('creates a batch of 1000 valid payments and shows live counts on GET /batches/{id}', async () => {
        const merchant = await gw.createMerchant();
        const payees = testAddresses(10, 100);
        const payments = Array.from({ length: 1000 }, (_, i) => ({
          payee_address: payees[i % 10],
          amount: `${1 + (i % 7)}.5`,
          reference_id: `B-${i}`,
        }));
        const before = await gw.count('payments');
        const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
          key: merchant.adminKey,
          body: { payments, batch_reference: 'run-1' },
        });
        expect(res.status, res.text.slice(0, 500)).toBe(201);
        const batch = res.body;
        expect(batch.batch_id).toMatch(/^batch_[0-9a-f]{32}$/);
        expect(batch).toMatchObject({
          object: 'batch',
          status: 'pending',
          batch_reference: 'run-1',
          atomic: false,
          total_items: 1000,
          created_count: 1000,
          rejected_count: 0,
        });
        const expectedTotal = payments.reduce((sum, p) => sum + Number.parseFloat(p.amount) * 10, 0) / 10;
        expect(batch.totals).toEqual({ USDT: String(expectedTotal) });
        expect(batch.results).toHaveLength(1000);
        expect(batch.results?.every((r, i) => r.index === i && r.status === 'created' && PAY_ID.test(r.payment_id ?? ''))).toBe(true);
        expect(new Set(batch.results?.map((r) => r.deposit_address)).size).toBe(1000);
        expect(batch.results?.[0]).toMatchObject({ amount: '1.5', fee: '0.00225', net_amount: '1.49775', requires_approval: false });
        expect(await gw.count('payments')).toBe(before + 1000);

        const view = await gw.call<BatchJson>('GET', `/api/v1/payments/batches/${batch.batch_id}`, { key: merchant.adminKey });
        expect(view.status).toBe(200);
        expect(view.body).toMatchObject({ batch_id: batch.batch_id, status: 'pending', counts: { pending: 1000 }, completed_at: null });

        const first = batch.results?.[0]?.payment_id as string;
        expect((await gw.call('POST', `/api/v1/payments/${first}/cancel`, { key: merchant.adminKey })).status).toBe(200);
        const after = await gw.call<BatchJson>('GET', `/api/v1/payments/batches/${batch.batch_id}`, { key: merchant.adminKey });
        expect(after.body.counts).toEqual({ pending: 999, cancelled: 1 });

        const members = await gw.call<ListJson>('GET', `/api/v1/payments?batch_id=${batch.batch_id}&limit=5`, { key: merchant.adminKey });
        expect(members.body.data).toHaveLength(5);
        expect(members.body.data.every((p) => p.batch_id === batch.batch_id)).toBe(true);
      });

      it('creates the valid items of a batch and reports the invalid ones by index and field', async () => {
        const before = await gw.count('payments');
        const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
          key: gw.adminKey,
          body: {
            payments: [
              { payee_address: payee, amount: '10' },
              { payee_address: 'TNotAnAddress', amount: '10' },
              { payee_address: payee, amount: '-1' },
              { payee_address: payee, amount: '10', colour: 'red' },
              { payee_address: payee, amount: '10', priority: 'asap' },
              'not an object',
              { payee_address: payee, amount: '20', payment_method: 'route' },
            ],
          },
        });
        expect(res.status, res.text).toBe(201);
        const batch = res.body;
        expect(batch).toMatchObject({ total_items: 7, created_count: 2, rejected_count: 5, totals: { USDT: '30' } });
        const results = batch.results ?? [];
        expect(results.map((r) => r.status)).toEqual(['created', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'created']);
        const paths = (i: number) => results[i]?.errors?.map((e) => e.path);
        expect(paths(1)).toEqual(['payments/1/payee_address']);
        expect(paths(2)).toEqual(['payments/2/amount']);
        expect(paths(3)).toEqual(['payments/3/colour']);
        expect(paths(4)).toEqual(['payments/4/priority']);
        expect(paths(5)).toEqual(['payments/5']);
        expect(await gw.count('payments')).toBe(before + 2);
      });

      it('refuses an atomic batch with one invalid item with 422 and stores nothing', async () => {
        const [payments, batches, outbox] = [await gw.count('payments'), await gw.count('batches'), await gw.count('outbox')];
        const res = await gw.call('POST', '/api/v1/payments/batch', {
          key: gw.adminKey,
          body: {
            atomic: true,
            payments: [
              { payee_address: payee, amount: '10' },
              { payee_address: payee, amount: '1.0000001' },
              { payee_address: payee, amount: '12' },
            ],
          },
        });
        expect(res.status).toBe(422);
        expect(problem(res)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'payments/1/amount' }] });
        expect(problem(res).detail).toMatch(/atomic/);
        expect(await gw.count('payments')).toBe(payments);
        expect(await gw.count('batches')).toBe(batches);
        expect(await gw.count('outbox')).toBe(outbox);
      });

      it('creates an atomic batch whose items are all valid', async () => {
        const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
          key: gw.adminKey,
          body: {
            atomic: true,
            payments: [
              { payee_address: payee, amount: '1' },
              { payee_address: payer, amount: '2', currency: 'TRX' },
            ],
          },
        });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ atomic: true, created_count: 2, rejected_count: 0, totals: { USDT: '1', TRX: '2' } });
      });

      it('answers 404 for an unknown or foreign batch', async () => {
        const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
          key: gw.adminKey,
          body: { payments: [{ payee_address: payee, amount: '1' }] },
        });
        const other = await gw.createMerchant();
        expect((await gw.call('GET', `/api/v1/payments/batches/${res.body.batch_id}`, { key: other.adminKey })).status).toBe(404);
        expect((await gw.call('GET', '/api/v1/payments/batches/batch_0123456789abcdef', { key: gw.adminKey })).status).toBe(404);
      });
    });

    describe('cancel and approve', () => {
      it('cancels a pending payment once; a second cancel is a 409', async () => {
        const p = await createOk({ payee_address: payee, amount: '40' });
        const res = await gw.call<PaymentJson>('POST', `/api/v1/payments/${p.payment_id}/cancel`, {
          key: gw.adminKey,
          body: { reason: 'customer left' },
        });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'cancelled', cancel_reason: 'customer left', cancelled_at: toIso(clock.now()) });
        const again = await gw.call('POST', `/api/v1/payments/${p.payment_id}/cancel`, { key: gw.adminKey });
        expect(again.status).toBe(409);
        expect(problem(again).code).toBe('invalid_transition');
        const detail = await gw.call<PaymentJson>('GET', `/api/v1/payments/${p.payment_id}`, { key: gw.adminKey });
        expect(detail.body.history?.map((h) => h.to)).toEqual(['pending', 'cancelled']);
      });

      it('holds a route payout of 1,000,000 or more for approval, which only an admin key can give, once', async () => {
        const held = await createOk({ payee_address: payee, amount: '1000000', payment_method: 'route' });
        expect(held).toMatchObject({ requires_approval: true, approval_status: 'required', approved_at: null, status: 'pending' });
        expect(held.flags.map((f) => f.code)).toContain('large_amount');
        expect(await jobsFor(held.payment_id)).toEqual([]);

        const writer = await gw.key(['payments:write']);
        const forbidden = await gw.call('POST', `/api/v1/payments/${held.payment_id}/approve`, { key: writer });
        expect(forbidden.status).toBe(403);
        expect(problem(forbidden).code).toBe('forbidden');

        const approved = await gw.call<PaymentJson>('POST', `/api/v1/payments/${held.payment_id}/approve`, { key: gw.adminKey });
        expect(approved.status).toBe(200);
        expect(approved.body).toMatchObject({
          requires_approval: true,
          approval_status: 'approved',
          approved_at: toIso(clock.now()),
          status: 'pending',
        });
        expect(await jobsFor(held.payment_id)).toEqual([{ type: 'payout.send', status: 'queued' }]);

        const twice = await gw.call('POST', `/api/v1/payments/${held.payment_id}/approve`, { key: gw.adminKey });
        expect(twice.status).toBe(409);
      });

      it('refuses to approve a collection or a payout that needs no approval with 409', async () => {
        const collection = await createOk({ payee_address: payee, amount: '2000000' });
        expect((await gw.call('POST', `/api/v1/payments/${collection.payment_id}/approve`, { key: gw.adminKey })).status).toBe(409);
        const small = await createOk({ payee_address: payee, amount: '5', payment_method: 'route' });
        expect((await gw.call('POST', `/api/v1/payments/${small.payment_id}/approve`, { key: gw.adminKey })).status).toBe(409);
      });
    });

    describe('idempotency', () => {
      it('replays the first answer byte for byte for the same key and body, storing one payment', async () => {
        const body = { payee_address: payee, amount: '77', reference_id: 'idem-1' };
        const headers = { 'idempotency-key': `idem-${engine}-1` };
        const first = await create(body, gw.adminKey, headers);
        expect(first.status).toBe(201);
        expect(first.headers['idempotent-replayed']).toBeUndefined();
        clock.advance(5);
        const second = await create(body, gw.adminKey, headers);
        expect(second.status).toBe(201);
        expect(second.headers['idempotent-replayed']).toBe('true');
        expect(second.text).toBe(first.text);
        const rows = await gw.db.db.selectFrom('payments').select('id').where('reference_id', '=', 'idem-1').execute();
        expect(rows).toHaveLength(1);
      });

      it('refuses the same key with another body with 422', async () => {
        const headers = { 'idempotency-key': `idem-${engine}-2` };
        expect((await create({ payee_address: payee, amount: '78' }, gw.adminKey, headers)).status).toBe(201);
        const res = await create({ payee_address: payee, amount: '79' }, gw.adminKey, headers);
        expect(res.status).toBe(422);
        expect(problem(res).code).toBe('idempotency_key_reused');
      });

      it('lets only one of two concurrent duplicates create a payment; the other is a 409 or a replay', async () => {
        const body = { payee_address: payee, amount: '81', reference_id: 'idem-race' };
        const headers = { 'idempotency-key': `idem-${engine}-race` };
        const answers = await Promise.all([create(body, gw.adminKey, headers), create(body, gw.adminKey, headers)]);
        const created = answers.filter((a) => a.status === 201 && a.headers['idempotent-replayed'] === undefined);
        expect(created).toHaveLength(1);
        for (const other of answers.filter((a) => a !== created[0])) {
          if (other.status === 409) expect(problem(other).code).toBe('idempotency_in_flight');
          else expect(other.text).toBe(created[0]?.text);
        }
        const rows = await gw.db.db.selectFrom('payments').select('id').where('reference_id', '=', 'idem-race').execute();
        expect(rows).toHaveLength(1);
      });

      it('scopes keys per merchant', async () => {
        const other = await gw.createMerchant();
        const headers = { 'idempotency-key': `idem-${engine}-3` };
        const mine = await create({ payee_address: payee, amount: '80' }, gw.adminKey, headers);
        const theirs = await create({ payee_address: payee, amount: '80' }, other.adminKey, headers);
        expect(theirs.status).toBe(201);
        expect(theirs.headers['idempotent-replayed']).toBeUndefined();
        expect(theirs.body.payment_id).not.toBe(mine.body.payment_id);
      });

      it('replays a batch too', async () => {
        const headers = { 'idempotency-key': `idem-${engine}-4` };
        const body = { payments: [{ payee_address: payee, amount: '3' }] };
        const first = await gw.call('POST', '/api/v1/payments/batch', { key: gw.adminKey, body, headers });
        const second = await gw.call('POST', '/api/v1/payments/batch', { key: gw.adminKey, body, headers });
        expect(first.status).toBe(201);
        expect(second.headers['idempotent-replayed']).toBe('true');
        expect(second.text).toBe(first.text);
      });
    });

    const jobsFor = async (paymentId: string) =>
      (
        await gw.db.db
          .selectFrom('jobs')
          .select(['type', 'status', 'payload', 'run_at', 'dedupe_key'])
          .where('payload', 'like', `%${paymentId}%`)
          .execute()
      ).map((j) => ({ type: j.type, status: j.status }));

    describe('outbox and jobs', () => {
      const eventsFor = (aggregateId: string) =>
        gw.db.db.selectFrom('outbox').selectAll().where('aggregate_id', '=', aggregateId).orderBy('created_at').orderBy('id').execute();

      it('writes a payment.created event whose envelope carries the payment as the API shows it', async () => {
        const p = await createOk({ payee_address: payee, amount: '55', reference_id: 'evt-1' });
        const events = await eventsFor(p.payment_id);
        expect(events).toHaveLength(1);
        const event = events[0] as (typeof events)[number];
        expect(event).toMatchObject({
          type: 'payment.created',
          aggregate_type: 'payment',
          merchant_id: gw.merchantId,
          dispatched_at: null,
        });
        const envelope = JSON.parse(event.payload) as {
          id: string;
          type: string;
          created_at: string;
          api_version: string;
          data: { object: unknown };
        };
        expect(envelope).toEqual({
          id: event.id,
          type: 'payment.created',
          created_at: toIso(clock.now()),
          api_version: expect.any(String),
          // the checkout URL's secret never leaves in events
          data: { object: { ...p, checkout_url: undefined } },
        });
        expect(envelope.id).toMatch(/^evt_[0-9a-f]{32}$/);
      });

      it('writes batch.created for a batch and payment.created for each of its payments', async () => {
        const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
          key: gw.adminKey,
          body: {
            payments: [
              { payee_address: payee, amount: '5' },
              { payee_address: payee, amount: '6' },
            ],
          },
        });
        const batch = res.body;
        const [event] = await eventsFor(batch.batch_id);
        expect(event).toMatchObject({ type: 'batch.created', aggregate_type: 'batch' });
        const object = (JSON.parse(event?.payload ?? '{}') as { data: { object: Record<string, unknown> } }).data.object;
        expect(object).toMatchObject({ batch_id: batch.batch_id, created_count: 2, totals: { USDT: '11' } });
        for (const r of batch.results ?? [])
          expect((await eventsFor(r.payment_id as string)).map((e) => e.type)).toEqual(['payment.created']);
      });

      it('writes a cancel and its payment.cancelled event together', async () => {
        const p = await createOk({ payee_address: payee, amount: '56' });
        // outbox events of one millisecond are ordered by their random ids, so let the cancel come a millisecond later
        clock.advance(1);
        await gw.call('POST', `/api/v1/payments/${p.payment_id}/cancel`, { key: gw.adminKey });
        expect((await eventsFor(p.payment_id)).map((e) => e.type)).toEqual(['payment.created', 'payment.cancelled']);
      });

      it('enqueues a payment.expire job at expires_at for a collection and a payout.send job for an unheld payout', async () => {
        const collection = await createOk({ payee_address: payee, amount: '57', expires_in_seconds: 900 });
        const expire = await gw.db.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', `expire:${collection.payment_id}`).execute();
        expect(expire).toHaveLength(1);
        expect(expire[0]).toMatchObject({ type: 'payment.expire', status: 'queued' });
        expect(Number(expire[0]?.run_at)).toBe(Date.parse(collection.expires_at as string));
        expect(JSON.parse(expire[0]?.payload ?? '{}')).toEqual({ payment_id: collection.payment_id });

        const payout = await createOk({ payee_address: payee, amount: '58', payment_method: 'route' });
        expect(await jobsFor(payout.payment_id)).toEqual([{ type: 'payout.send', status: 'queued' }]);

        const direct = await createOk({ payee_address: payee, amount: '59', payment_method: 'direct_transfer' });
        expect(await jobsFor(direct.payment_id)).toEqual([{ type: 'payment.expire', status: 'queued' }]);
      });

      it('cancels the expiry job when the payment is cancelled', async () => {
        const p = await createOk({ payee_address: payee, amount: '60' });
        await gw.call('POST', `/api/v1/payments/${p.payment_id}/cancel`, { key: gw.adminKey });
        expect(await jobsFor(p.payment_id)).toEqual([{ type: 'payment.expire', status: 'cancelled' }]);
      });
    });

    describe('security', () => {
      it('answers 401 without a key, with an unknown key and with a malformed Authorization header', async () => {
        const cases: Array<Record<string, string>> = [
          {},
          { authorization: 'Bearer tpg_ThisKeyDoesNotExist0000000000000000000000000' },
          { authorization: 'Bearer short' },
          { authorization: 'Basic dXNlcjpwYXNz' },
          { 'x-api-key': 'tpg_ThisKeyDoesNotExist0000000000000000000000000' },
        ];
        for (const headers of cases) {
          for (const [method, url] of [
            ['POST', '/api/v1/payments/create'],
            ['GET', '/api/v1/payments'],
            ['GET', '/api/v1/wallet'],
          ] as const) {
            const res = await gw.call(method, url, {
              headers,
              ...(method === 'POST' ? { body: { payee_address: payee, amount: '1' } } : {}),
            });
            expect(res.status, `${method} ${url} ${JSON.stringify(headers)}`).toBe(401);
            expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
            expect(res.headers['www-authenticate']).toBe('Bearer');
            expect(problem(res)).toMatchObject({ status: 401, code: 'unauthorized' });
          }
        }
      });

      it('accepts the key in X-API-Key as well', async () => {
        const res = await gw.call('GET', '/api/v1/payments?limit=1', { headers: { 'x-api-key': gw.adminKey } });
        expect(res.status).toBe(200);
      });

      it('stops accepting a key as soon as it is revoked', async () => {
        const key = await gw.key(['payments:read', 'payments:write']);
        expect((await gw.call('GET', '/api/v1/payments?limit=1', { key })).status).toBe(200);
        await gw.revoke(key);
        expect((await gw.call('GET', '/api/v1/payments?limit=1', { key })).status).toBe(401);
        expect((await create({ payee_address: payee, amount: '1' }, key)).status).toBe(401);
      });

      it('lets a read-only key read but not create (403, nothing stored)', async () => {
        const reader = await gw.key(['payments:read']);
        const before = await gw.count('payments');
        const res = await create({ payee_address: payee, amount: '1' }, reader);
        expect(res.status).toBe(403);
        expect(problem(res).detail).toMatch(/payments:write/);
        expect(await gw.count('payments')).toBe(before);
        expect((await gw.call('GET', '/api/v1/payments?limit=1', { key: reader })).status).toBe(200);
        const p = await createOk({ payee_address: payee, amount: '1' });
        expect((await gw.call('POST', `/api/v1/payments/${p.payment_id}/cancel`, { key: reader })).status).toBe(403);
        expect(
          (await gw.call('POST', '/api/v1/payments/batch', { key: reader, body: { payments: [{ payee_address: payee, amount: '1' }] } }))
            .status,
        ).toBe(403);
      });

      it("hides another merchant's payments: 404 on GET, status, cancel and approve, and absent from their list", async () => {
        const other = await gw.createMerchant();
        const mine = await createOk({ payee_address: payee, amount: '2000000', payment_method: 'route', reference_id: 'secret-ref' });
        for (const [method, url] of [
          ['GET', `/api/v1/payments/${mine.payment_id}`],
          ['GET', `/api/v1/payments/status/${mine.payment_id}`],
          ['POST', `/api/v1/payments/${mine.payment_id}/cancel`],
          ['POST', `/api/v1/payments/${mine.payment_id}/approve`],
        ] as const) {
          const res = await gw.call(method, url, { key: other.adminKey });
          expect(res.status, `${method} ${url}`).toBe(404);
          expect(problem(res).code).toBe('not_found');
        }
        const list = await gw.call<ListJson>('GET', '/api/v1/payments?limit=500', { key: other.adminKey });
        expect(list.body.data.map((p) => p.payment_id)).not.toContain(mine.payment_id);
        const byRef = await gw.call<ListJson>('GET', '/api/v1/payments?reference_id=secret-ref', { key: other.adminKey });
        expect(byRef.body.data).toEqual([]);
        const cursor = await gw.call('GET', `/api/v1/payments?starting_after=${mine.payment_id}`, { key: other.adminKey });
        expect(cursor.status).toBe(422);
        // and the payment is untouched
        const still = await gw.call<PaymentJson>('GET', `/api/v1/payments/${mine.payment_id}`, { key: gw.adminKey });
        expect(still.body).toMatchObject({ status: 'pending', approval_status: 'required' });
      });

      it("pays another merchant's payouts from their own hot wallet", async () => {
        const other = await gw.createMerchant();
        expect(other.hotWalletAddress).not.toBe(gw.hotWalletAddress);
        const payout = await createOk({ payee_address: payee, amount: '9', payment_method: 'route' }, other.adminKey);
        expect(payout.payer_address).toBe(other.hotWalletAddress);
        const wrong = await create(
          { payee_address: payee, payer_address: gw.hotWalletAddress, amount: '9', payment_method: 'route' },
          other.adminKey,
        );
        expect(wrong.status).toBe(422);
        expect(problem(wrong).errors[0]?.path).toBe('payer_address');
      });
    });

    describe('wallet, fees, settlement', () => {
      it('shows the hot wallet address and its balances as decimal strings', async () => {
        const res = await gw.call<Record<string, unknown>>('GET', '/api/v1/wallet', { key: gw.adminKey });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          object: 'wallet',
          address: gw.hotWalletAddress,
          network: 'devnet',
          balances: { TRX: '1234.5', USDT: '98765.4321' },
          energy: { available: '64285', limit: '100000' },
          bandwidth: { available: '4400', limit: '5000' },
          // Stake 2.0 state from getaccount: what is lent out counts as staked
          staking: {
            energy_trx: '1000',
            bandwidth_trx: '0',
            energy_delegated_out_trx: '300',
            bandwidth_delegated_out_trx: '0',
            pending_unstakes: [{ resource: 'ENERGY', trx: '50', withdrawable_at: '2026-04-30T06:48:27.000Z' }],
          },
          block_number: 4242,
        });
        const other = await gw.createMerchant();
        const theirs = await gw.call<{ address: string }>('GET', '/api/v1/wallet', { key: other.adminKey });
        expect(theirs.body.address).toBe(other.hotWalletAddress);
      });

      it('answers 503 problem when the chain cannot be reached', async () => {
        gw.chain.failing = true;
        try {
          const res = await gw.call('GET', '/api/v1/wallet', { key: gw.adminKey });
          expect(res.status).toBe(503);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(problem(res)).toMatchObject({ status: 503, code: 'chain_unavailable' });
          expect(res.text).not.toMatch(/ECONNREFUSED|at .*\.ts/);
        } finally {
          gw.chain.failing = false;
        }
        expect((await gw.call('GET', '/api/v1/wallet', { key: gw.adminKey })).status).toBe(200);
      });

      it('quotes fees exactly with GET /fees/calculate', async () => {
        const res = await gw.call<Record<string, unknown>>('GET', '/api/v1/payments/fees/calculate?amount=100', { key: gw.adminKey });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          amount: '100',
          currency: 'USDT',
          priority: 'normal',
          payment_method: 'payment_gateway',
          fee_rate: '0.0015',
          base_fee: '0.15',
          discount_rate: '0',
          discount_amount: '0',
          fee: '0.15',
          net_amount: '99.85',
          estimated_processing_seconds: 60,
          max_retries: 5,
          network_fee_estimate: null,
        });
        const discounted = await gw.call<Record<string, unknown>>(
          'GET',
          '/api/v1/payments/fees/calculate?amount=100000&priority=urgent&currency=TRX',
          {
            key: gw.adminKey,
          },
        );
        expect(discounted.body).toMatchObject({
          currency: 'TRX',
          base_fee: '300',
          discount_rate: '0.1',
          discount_amount: '30',
          fee: '270',
          net_amount: '99730',
        });
      });

      it('estimates the network cost of a route payout from the chain prices', async () => {
        const res = await gw.call<Record<string, unknown>>(
          'GET',
          '/api/v1/payments/fees/calculate?amount=250&payment_method=route&priority=high',
          {
            key: gw.adminKey,
          },
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          fee: '0.5',
          net_amount: '249.5',
          payment_method: 'route',
          // 64,285 energy × 100 sun + 345 bytes × 1000 sun
          network_fee_estimate: {
            trx: '6.7735',
            trx_if_new_holder: '13.3735',
            energy: 64285,
            bandwidth_bytes: 345,
            energy_price_sun: '100',
          },
        });
        const trx = await gw.call<{ network_fee_estimate: Record<string, unknown> }>(
          'GET',
          '/api/v1/payments/fees/calculate?amount=250&payment_method=route&currency=TRX',
          {
            key: gw.adminKey,
          },
        );
        expect(trx.body.network_fee_estimate).toMatchObject({ trx: '0.267', energy: 0, bandwidth_bytes: 267 });
      });

      it('refuses a bad fee quote amount with 422 naming query.amount', async () => {
        for (const amount of ['0', '-5', '1e3', 'abc', '1.0000001']) {
          const res = await gw.call('GET', `/api/v1/payments/fees/calculate?amount=${amount}`, { key: gw.adminKey });
          expect(res.status, amount).toBe(422);
          expect(problem(res).errors[0]?.path).toBe('query.amount');
        }
      });

      it('describes the settlement schedule on GET /settlement/info', async () => {
        const res = await gw.call<Record<string, unknown>>('GET', '/api/v1/payments/settlement/info', { key: gw.adminKey });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          frequency: 'daily',
          settlement_time_utc: '23:00',
          thresholds: {
            TRX: { min_settlement_amount: '100', max_settlement_amount: '1000000' },
            USDT: { min_settlement_amount: '100', max_settlement_amount: '1000000' },
          },
          next_settlement_at: toIso(Date.UTC(2026, 2, 10, 23, 0, 0)),
          pending_amount: { USDT: '0', TRX: '0' },
          threshold: '100',
          min_settlement_amount: '100',
          max_settlement_amount: '1000000',
          last_settlement: null,
        });
      });
    });

    describe('system routes', () => {
      it('serves GET /api/v1/payments/health without a key', async () => {
        const res = await gw.call<{ status: string; checks: Record<string, { ok: boolean }> }>('GET', '/api/v1/payments/health');
        expect(res.status).toBe(200);
        expect(res.body.status).toBe('healthy');
        expect(res.body.checks.database?.ok).toBe(true);
      });

      it('is ready on /health/ready and alive on /health/live', async () => {
        expect((await gw.call('GET', '/health/ready')).status).toBe(200);
        expect((await gw.call('GET', '/health/live')).body).toEqual({ status: 'alive' });
      });

      it('exposes payment counts on /metrics', async () => {
        await createOk({ payee_address: payee, amount: '1' });
        const res = await gw.call('GET', '/metrics');
        expect(res.status).toBe(200);
        expect(res.text).toMatch(/^tpg_payments\{status="pending",method="payment_gateway"\} [1-9]\d*$/m);
        expect(res.text).toMatch(/^tpg_payments\{status="cancelled",method="payment_gateway"\} [1-9]\d*$/m);
      });

      it('publishes an OpenAPI 3 document with the payments routes on /docs/json', async () => {
        const res = await gw.call<{ openapi: string; paths: Record<string, unknown> }>('GET', '/docs/json');
        expect(res.status).toBe(200);
        expect(res.body.openapi).toMatch(/^3\./);
        expect(Object.keys(res.body.paths)).toEqual(
          expect.arrayContaining(['/api/v1/payments/create', '/api/v1/payments/batch', '/api/v1/wallet']),
        );
      });
    });
  });
}

/**
 * Merchant limits and compliance rules on payment creation (SPEC §3.5): creations per minute (429 with
 * Retry-After), daily and monthly totals, batches in flight, the deny-list, self-transfers, the large
 * amount flag and the busy-address flag, also under concurrent requests. Each config gets its own gateway;
 * tests within one isolate themselves with fresh merchants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/shared/clock.js';
import { ENGINES } from './db-harness.js';
import {
  type BatchJson,
  type PaymentJson,
  type ProblemJson,
  startTestGateway,
  type TestGateway,
  type TestMerchant,
  testAddresses,
} from './gateway-harness.js';

const [PAYEE, PAYER, DENIED, BUSY, QUIET] = testAddresses(5, 900) as [string, string, string, string, string];
/** 10 seconds into a minute window */
const T0 = Date.UTC(2026, 2, 30, 9, 15, 10);

for (const engine of ENGINES) {
  describe(engine, () => {
    const createAs = (gw: TestGateway, key: string, body: Record<string, unknown>) =>
      gw.call<PaymentJson & ProblemJson>('POST', '/api/v1/payments/create', { key, body });
    const batchAs = (gw: TestGateway, key: string, count: number, amount = '1') =>
      gw.call<BatchJson & ProblemJson>('POST', '/api/v1/payments/batch', {
        key,
        body: { payments: Array.from({ length: count }, () => ({ payee_address: PAYEE, amount })) },
      });
    const batchWith = (gw: TestGateway, key: string, payments: Array<Record<string, unknown>>) =>
      gw.call<BatchJson & ProblemJson>('POST', '/api/v1/payments/batch', { key, body: { payments } });
    const paymentsOf = async (gw: TestGateway, merchantId: string) =>
      Number(
        (
          await gw.db.db
            .selectFrom('payments')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('merchant_id', '=', merchantId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const batchesOf = async (gw: TestGateway, merchantId: string) =>
      Number(
        (
          await gw.db.db
            .selectFrom('batches')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('merchant_id', '=', merchantId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    describe('creations per minute and batches in flight (rate_limit_per_minute 5, max_concurrent_batches 1)', () => {
      const clock = fixedClock(T0);
      let gw: TestGateway;
      beforeAll(async () => {
        gw = await startTestGateway(engine, {
          clock,
          config: { transaction_limits: { rate_limit_per_minute: 5 }, batch_processing: { max_concurrent_batches: 1 } },
        });
      });
      afterAll(async () => {
        await gw?.close();
      });

      it('refuses the 6th create in a minute with 429 and Retry-After, storing nothing, and admits again in the next minute', async () => {
        clock.set(T0);
        const m = await gw.createMerchant();
        for (let i = 0; i < 5; i++) expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1' })).status).toBe(201);
        const refused = await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1' });
        expect(refused.status).toBe(429);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body.code).toBe('rate_limited');
        expect(refused.headers['retry-after']).toBe('50');
        expect(refused.body.detail).toMatch(/5/);
        expect(await paymentsOf(gw, m.merchantId)).toBe(5);

        clock.advance(45_000);
        expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1' })).headers['retry-after']).toBe('5');
        clock.advance(5_000);
        expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1' })).status).toBe(201);
        expect(await paymentsOf(gw, m.merchantId)).toBe(6);
      });

      it('counts each merchant on its own', async () => {
        clock.set(T0 + 3_600_000);
        const a = await gw.createMerchant();
        const b = await gw.createMerchant();
        for (let i = 0; i < 5; i++) await createAs(gw, a.adminKey, { payee_address: PAYEE, amount: '1' });
        expect((await createAs(gw, a.adminKey, { payee_address: PAYEE, amount: '1' })).status).toBe(429);
        expect((await createAs(gw, b.adminKey, { payee_address: PAYEE, amount: '1' })).status).toBe(201);
      });

      it('counts a batch as one create request: admitted while the minute has room, refused with 429 when it has none', async () => {
        clock.set(T0 + 2 * 3_600_000);
        const m = await gw.createMerchant();
        for (let i = 0; i < 4; i++) expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1' })).status).toBe(201);
        // one request left: a 3-item batch uses it
        const fits = await batchAs(gw, m.adminKey, 3);
        expect(fits.status).toBe(201);
        expect(await paymentsOf(gw, m.merchantId)).toBe(7);
        clock.advance(1);
        const refused = await batchAs(gw, m.adminKey, 1);
        expect(refused.status).toBe(429);
        expect(refused.body.code).toBe('rate_limited');
        expect(refused.headers['retry-after']).toBeDefined();
        expect(await paymentsOf(gw, m.merchantId)).toBe(7);
        expect(await batchesOf(gw, m.merchantId)).toBe(1);
      });

      it('refuses a second batch while one is in flight with 429, and admits one once the first has finished', async () => {
        clock.set(T0 + 3 * 3_600_000);
        const m = await gw.createMerchant();
        const first = await batchAs(gw, m.adminKey, 2);
        expect(first.status).toBe(201);
        const second = await batchAs(gw, m.adminKey, 1);
        expect(second.status).toBe(429);
        expect(second.body.code).toBe('too_many_batches');
        expect(second.headers['retry-after']).toBeDefined();
        expect(await batchesOf(gw, m.merchantId)).toBe(1);
        expect(await paymentsOf(gw, m.merchantId)).toBe(2);
        // single payments are not batches
        expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1' })).status).toBe(201);

        for (const r of first.body.results ?? []) {
          expect((await gw.call('POST', `/api/v1/payments/${r.payment_id}/cancel`, { key: m.adminKey })).status).toBe(200);
        }
        const done = await gw.call<BatchJson>('GET', `/api/v1/payments/batches/${first.body.batch_id}`, { key: m.adminKey });
        expect(done.body.status).toBe('failed');
        clock.advance(60_000);
        expect((await batchAs(gw, m.adminKey, 1)).status).toBe(201);
      });
    });

    describe('volume limits (daily_limit 1000, monthly_limit 1500)', () => {
      const clock = fixedClock(T0);
      let gw: TestGateway;
      beforeAll(async () => {
        gw = await startTestGateway(engine, { clock, config: { transaction_limits: { daily_limit: '1000', monthly_limit: '1500' } } });
      });
      afterAll(async () => {
        await gw?.close();
      });

      const expectLimit = (res: { status: number; body: ProblemJson; text: string }, which: RegExp) => {
        expect(res.status, res.text).toBe(422);
        expect(res.body.code).toBe('limit_exceeded');
        expect(res.body.errors.map((e) => e.path)).toEqual(['amount']);
        expect(res.body.detail).toMatch(which);
      };

      it('admits up to the daily limit, refuses beyond it with 422 limit_exceeded naming amount, and resets the next day', async () => {
        clock.set(Date.UTC(2026, 2, 2, 10));
        const m = await gw.createMerchant();
        expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '600' })).status).toBe(201);
        expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '400' })).status).toBe(201);
        const over = await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1' });
        expectLimit(over, /daily limit of 1000 USDT/);
        expect(await paymentsOf(gw, m.merchantId)).toBe(2);
        // totals are per asset
        expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1000', currency: 'TRX' })).status).toBe(201);
        clock.set(Date.UTC(2026, 2, 3, 0, 0, 1));
        expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1' })).status).toBe(201);
      });

      it('refuses a batch that would cross the daily limit, storing nothing', async () => {
        clock.set(Date.UTC(2026, 2, 4, 10));
        const m = await gw.createMerchant();
        const refused = await batchAs(gw, m.adminKey, 3, '400');
        expectLimit(refused, /daily limit/);
        expect(await paymentsOf(gw, m.merchantId)).toBe(0);
        expect(await batchesOf(gw, m.merchantId)).toBe(0);
      });

      it('admits up to the monthly limit across days, refuses beyond it, and resets the next month', async () => {
        clock.set(Date.UTC(2026, 2, 30, 12));
        const m = await gw.createMerchant();
        expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1000' })).status).toBe(201);
        clock.set(Date.UTC(2026, 2, 31, 12));
        expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '500' })).status).toBe(201);
        expectLimit(await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1' }), /monthly limit of 1500 USDT/);
        expect(await paymentsOf(gw, m.merchantId)).toBe(2);
        clock.set(Date.UTC(2026, 3, 1, 0, 0, 1));
        expect((await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1000' })).status).toBe(201);
      });
    });

    describe('compliance (deny_list, address_activity_per_minute 3)', () => {
      const clock = fixedClock(T0);
      let gw: TestGateway;
      let m: TestMerchant;
      beforeAll(async () => {
        gw = await startTestGateway(engine, {
          clock,
          config: { transaction_limits: { deny_list: [DENIED], address_activity_per_minute: 3 } },
        });
        m = await gw.createMerchant();
      });
      afterAll(async () => {
        await gw?.close();
      });

      const flagCodes = (p: PaymentJson) => p.flags.map((f) => f.code);

      it('refuses a deny-listed payee or payer with 422 on the field, storing nothing', async () => {
        const before = await gw.count('payments');
        const asPayee = await createAs(gw, m.adminKey, { payee_address: DENIED, amount: '5' });
        expect(asPayee.status).toBe(422);
        expect(asPayee.body.errors).toEqual([{ path: 'payee_address', message: expect.stringMatching(/deny-list/) }]);
        const asPayer = await createAs(gw, m.adminKey, { payee_address: PAYEE, payer_address: DENIED, amount: '5' });
        expect(asPayer.status).toBe(422);
        expect(asPayer.body.errors).toEqual([{ path: 'payer_address', message: expect.stringMatching(/deny-list/) }]);
        const payout = await createAs(gw, m.adminKey, { payee_address: DENIED, amount: '5', payment_method: 'route' });
        expect(payout.status).toBe(422);
        const batch = await batchWith(gw, m.adminKey, [
          { payee_address: PAYEE, amount: '5' },
          { payee_address: DENIED, amount: '5' },
        ]);
        expect(batch.status).toBe(201);
        expect(batch.body.results?.[1]?.errors?.[0]?.path).toBe('payments/1/payee_address');
        expect(await gw.count('payments')).toBe(before + 1);
      });

      it('refuses a self-transfer with 422', async () => {
        const same = await createAs(gw, m.adminKey, { payee_address: PAYER, payer_address: PAYER, amount: '5' });
        expect(same.status).toBe(422);
        expect(same.body.errors[0]).toMatchObject({ path: 'payee_address', message: expect.stringMatching(/self-transfer/) });
        const direct = await createAs(gw, m.adminKey, {
          payee_address: PAYER,
          payer_address: PAYER,
          amount: '5',
          payment_method: 'direct_transfer',
        });
        expect(direct.status).toBe(422);
        const toHotWallet = await createAs(gw, m.adminKey, { payee_address: m.hotWalletAddress, amount: '5', payment_method: 'route' });
        expect(toHotWallet.status).toBe(422);
        expect(toHotWallet.body.errors[0]?.path).toBe('payee_address');
      });

      it('flags payments of 1,000,000 or more as large_amount, with a detail', async () => {
        const large = await createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1000000' });
        expect(large.status).toBe(201);
        expect(large.body.flags).toEqual([{ code: 'large_amount', detail: expect.stringMatching(/1000000/) }]);
        const below = await createAs(gw, m.adminKey, { payee_address: QUIET, amount: '999999.999999' });
        expect(flagCodes(below.body)).not.toContain('large_amount');
        const payout = await createAs(gw, m.adminKey, { payee_address: QUIET, amount: '1500000', payment_method: 'route' });
        expect(flagCodes(payout.body)).toContain('large_amount');
        expect(payout.body.approval_status).toBe('required');
        // the flags are in the creation's audit record (only when there are some)
        const created = async (id: string) => {
          const row = await gw.db.db
            .selectFrom('audit_log')
            .select('after')
            .where('entity_id', '=', id)
            .where('action', '=', 'payment.created')
            .executeTakeFirstOrThrow();
          return JSON.parse(row.after ?? 'null') as { flags?: unknown };
        };
        expect((await created(large.body.payment_id)).flags).toEqual(large.body.flags);
        expect(await created(below.body.payment_id)).not.toHaveProperty('flags');
        // a batch names its flagged items, and only those
        const batch = await batchWith(gw, m.adminKey, [
          { payee_address: QUIET, amount: '1' },
          { payee_address: QUIET, amount: '2000000' },
        ]);
        expect(batch.status).toBe(201);
        const batchAudit = await gw.db.db
          .selectFrom('audit_log')
          .select('after')
          .where('entity_id', '=', batch.body.batch_id)
          .where('action', '=', 'batch.created')
          .executeTakeFirstOrThrow();
        const flaggedItems = (
          JSON.parse(batchAudit.after ?? 'null') as { flagged: Array<{ payment_id: string; flags: Array<{ code: string }> }> }
        ).flagged;
        expect(flaggedItems.map((f) => [f.payment_id, f.flags.map((x) => x.code)])).toEqual([
          // QUIET's fourth payment this minute is also beyond address_activity_per_minute (3)
          [batch.body.results?.[1]?.payment_id, ['large_amount', 'high_address_activity']],
        ]);
      });

      it('flags the payments beyond address_activity_per_minute that involve one address, and only those', async () => {
        clock.set(T0 + 3_600_000);
        const other = await gw.createMerchant();
        const flagged: boolean[] = [];
        for (let i = 0; i < 5; i++) {
          // across merchants: the address is what counts
          const key = i % 2 === 0 ? m.adminKey : other.adminKey;
          const res = await createAs(gw, key, { payee_address: BUSY, amount: '2' });
          expect(res.status).toBe(201);
          flagged.push(flagCodes(res.body).includes('high_address_activity'));
        }
        expect(flagged).toEqual([false, false, false, true, true]);
        const quiet = await createAs(gw, m.adminKey, { payee_address: QUIET, amount: '2' });
        expect(flagCodes(quiet.body)).not.toContain('high_address_activity');
        const stored = await gw.call<PaymentJson>('GET', `/api/v1/payments/status/${quiet.body.payment_id}`, { key: m.adminKey });
        expect(stored.status).toBe(200);

        clock.advance(60_000);
        const nextMinute = await createAs(gw, m.adminKey, { payee_address: BUSY, amount: '2' });
        expect(flagCodes(nextMinute.body)).not.toContain('high_address_activity');
      });

      it('flags within a batch only the items beyond the limit, and keeps the flag on the stored payment', async () => {
        clock.set(T0 + 2 * 3_600_000);
        const busy2 = testAddresses(1, 950)[0] as string;
        const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
          key: m.adminKey,
          body: { payments: Array.from({ length: 5 }, () => ({ payee_address: busy2, amount: '1' })) },
        });
        expect(res.status).toBe(201);
        const views = await Promise.all(
          (res.body.results ?? []).map(
            async (r) => (await gw.call<PaymentJson>('GET', `/api/v1/payments/${r.payment_id}`, { key: m.adminKey })).body,
          ),
        );
        expect(views.map((p) => flagCodes(p).includes('high_address_activity'))).toEqual([false, false, false, true, true]);
        expect(views[4]?.flags.find((f) => f.code === 'high_address_activity')?.detail).toContain(busy2);
      });
    });

    describe('concurrent creates (rate_limit_per_minute 10)', () => {
      const clock = fixedClock(T0);
      let gw: TestGateway;
      beforeAll(async () => {
        gw = await startTestGateway(engine, { clock, config: { transaction_limits: { rate_limit_per_minute: 10, daily_limit: '100' } } });
      });
      afterAll(async () => {
        await gw?.close();
      });

      it('never admits more than the limit when 20 creates race', async () => {
        const m = await gw.createMerchant();
        const results = await Promise.all(
          Array.from({ length: 20 }, () => createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '1' })),
        );
        const statuses = results.map((r) => r.status).sort();
        expect(statuses.filter((s) => s === 201)).toHaveLength(10);
        expect(statuses.filter((s) => s === 429)).toHaveLength(10);
        expect(await paymentsOf(gw, m.merchantId)).toBe(10);
        expect(new Set(results.filter((r) => r.status === 201).map((r) => r.body.deposit_address)).size).toBe(10);
      });

      it('never admits more than the daily total when large creates race', async () => {
        clock.advance(60_000);
        const m = await gw.createMerchant();
        const results = await Promise.all(
          Array.from({ length: 8 }, () => createAs(gw, m.adminKey, { payee_address: PAYEE, amount: '30' })),
        );
        expect(results.filter((r) => r.status === 201)).toHaveLength(3);
        expect(results.filter((r) => r.status === 422).every((r) => r.body.code === 'limit_exceeded')).toBe(true);
        expect(await paymentsOf(gw, m.merchantId)).toBe(3);
      });

      it('admits racing creates and batches of several merchants independently', async () => {
        clock.advance(60_000);
        const merchants = await Promise.all([gw.createMerchant(), gw.createMerchant(), gw.createMerchant()]);
        const results = await Promise.all(
          merchants.flatMap((mm) => [
            ...Array.from({ length: 6 }, () => createAs(gw, mm.adminKey, { payee_address: PAYEE, amount: '1' })),
            batchAs(gw, mm.adminKey, 6),
          ]),
        );
        // a batch counts as one request: 6 singles and one batch of 6 fit in 10 requests
        for (const mm of merchants) expect(await paymentsOf(gw, mm.merchantId)).toBe(12);
        expect(results.every((r) => r.status === 201 || r.status === 429)).toBe(true);
      });
    });
  });
}

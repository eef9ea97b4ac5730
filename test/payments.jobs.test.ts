/**
 * Durable jobs written with payment changes and run deterministically (`core.runner.runOnce()` under a
 * fixedClock): collections expire when `expires_at` passes, cancelling a payment cancels its expiry job,
 * approving a held payout queues it for sending, and a batch whose payments all end unsuccessfully fails.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock, toIso } from '../src/shared/clock.js';
import { ENGINES } from './db-harness.js';
import { type BatchJson, type PaymentJson, startTestGateway, type TestGateway, testAddresses } from './gateway-harness.js';

const T0 = Date.UTC(2026, 4, 5, 8, 0, 0);
const [PAYEE, PAYER] = testAddresses(2, 700) as [string, string];

for (const engine of ENGINES) {
  describe(engine, () => {
    const clock = fixedClock(T0);
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway(engine, { clock });
    });
    afterAll(async () => {
      await gw?.close();
    });

    const create = async (body: Record<string, unknown>) => {
      const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
        key: gw.adminKey,
        body: { payee_address: PAYEE, ...body },
      });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    const get = async (id: string) => (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body;
    /** Runs every due job to the end; returns how many ran. */
    const drain = async () => {
      let total = 0;
      for (let ran = await gw.core.runner.runOnce(); ran > 0; ran = await gw.core.runner.runOnce()) total += ran;
      return total;
    };
    const jobsOf = async (paymentId: string) =>
      (
        await gw.db.db
          .selectFrom('jobs')
          .select(['type', 'status', 'run_at', 'priority'])
          .where('payload', 'like', `%"${paymentId}"%`)
          .orderBy('created_at')
          .execute()
      ).map((j) => ({ type: j.type, status: j.status, runAt: Number(j.run_at), priority: Number(j.priority) }));
    const eventsOf = async (aggregateId: string) =>
      (
        await gw.db.db
          .selectFrom('outbox')
          .select(['type', 'payload'])
          .where('aggregate_id', '=', aggregateId)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      ).map((e) => ({ type: e.type, object: (JSON.parse(e.payload) as { data: { object: Record<string, unknown> } }).data.object }));

    it('cancels a collection whose expires_at has passed with reason expired, an event and a history entry; one not yet due stays pending', async () => {
      clock.set(T0);
      const soon = await create({ amount: '10', expires_in_seconds: 600 });
      const direct = await create({ amount: '11', expires_in_seconds: 600, payment_method: 'direct_transfer', payer_address: PAYER });
      const later = await create({ amount: '12', expires_in_seconds: 3600 });
      expect(soon.expires_at).toBe(toIso(T0 + 600_000));

      clock.set(T0 + 599_999);
      expect(await drain()).toBe(0);
      expect((await get(soon.payment_id)).status).toBe('pending');

      clock.set(T0 + 600_000);
      expect(await drain()).toBe(2);
      for (const p of [soon, direct]) {
        const expired = await get(p.payment_id);
        expect(expired).toMatchObject({
          status: 'cancelled',
          cancel_reason: 'expired',
          cancelled_at: toIso(T0 + 600_000),
          updated_at: toIso(T0 + 600_000),
        });
        expect(expired.history?.at(-1)).toEqual({
          from: 'pending',
          to: 'cancelled',
          reason: 'expired',
          actor: 'system:expiry',
          at: toIso(T0 + 600_000),
        });
        const events = await eventsOf(p.payment_id);
        expect(events.map((e) => e.type)).toEqual(['payment.created', 'payment.cancelled']);
        expect(events[1]?.object).toMatchObject({ payment_id: p.payment_id, status: 'cancelled', cancel_reason: 'expired' });
        expect(await jobsOf(p.payment_id)).toEqual([
          { type: 'payment.expire', status: 'completed', runAt: T0 + 600_000, priority: expect.any(Number) },
        ]);
      }
      const status = await gw.call<Record<string, unknown>>('GET', `/api/v1/payments/status/${soon.payment_id}`, { key: gw.adminKey });
      expect(status.body).toMatchObject({ status: 'cancelled', cancel_reason: 'expired' });

      expect(await get(later.payment_id)).toMatchObject({ status: 'pending', cancel_reason: null });
      expect(await jobsOf(later.payment_id)).toEqual([
        { type: 'payment.expire', status: 'queued', runAt: T0 + 3_600_000, priority: expect.any(Number) },
      ]);
      expect((await eventsOf(later.payment_id)).map((e) => e.type)).toEqual(['payment.created']);

      clock.set(T0 + 3_600_000);
      expect(await drain()).toBe(1);
      expect((await get(later.payment_id)).cancel_reason).toBe('expired');
    });

    it('expires a payment once even when its job runs again', async () => {
      clock.set(T0 + 10 * 3_600_000);
      const p = await create({ amount: '13', expires_in_seconds: 60 });
      clock.advance(60_000);
      await drain();
      expect(await gw.core.payments.expirePayment(p.payment_id)).toBe('unchanged');
      expect((await eventsOf(p.payment_id)).map((e) => e.type)).toEqual(['payment.created', 'payment.cancelled']);
      expect((await get(p.payment_id)).history?.map((h) => h.to)).toEqual(['pending', 'cancelled']);
    });

    it('cancels the expiry job when the payment is cancelled, so the merchant’s reason stays', async () => {
      clock.set(T0 + 20 * 3_600_000);
      const p = await create({ amount: '14', expires_in_seconds: 120 });
      expect((await jobsOf(p.payment_id)).map((j) => j.status)).toEqual(['queued']);
      clock.advance(1000);
      const cancelled = await gw.call<PaymentJson>('POST', `/api/v1/payments/${p.payment_id}/cancel`, {
        key: gw.adminKey,
        body: { reason: 'order withdrawn' },
      });
      expect(cancelled.status).toBe(200);
      expect(await jobsOf(p.payment_id)).toEqual([
        { type: 'payment.expire', status: 'cancelled', runAt: T0 + 20 * 3_600_000 + 120_000, priority: expect.any(Number) },
      ]);

      clock.advance(120_000);
      expect(await drain()).toBe(0);
      expect(await get(p.payment_id)).toMatchObject({ status: 'cancelled', cancel_reason: 'order withdrawn' });
      expect((await eventsOf(p.payment_id)).map((e) => e.type)).toEqual(['payment.created', 'payment.cancelled']);
    });

    it('queues a payout.send job when a held payout is approved, and none before', async () => {
      clock.set(T0 + 30 * 3_600_000);
      const urgent = await create({ amount: '1000000', payment_method: 'route', priority: 'urgent' });
      expect(urgent.approval_status).toBe('required');
      expect(await jobsOf(urgent.payment_id)).toEqual([]);
      clock.advance(5000);
      const approved = await gw.call<PaymentJson>('POST', `/api/v1/payments/${urgent.payment_id}/approve`, { key: gw.adminKey });
      expect(approved.status).toBe(200);
      const jobs = await jobsOf(urgent.payment_id);
      expect(jobs).toEqual([{ type: 'payout.send', status: 'queued', runAt: clock.now(), priority: expect.any(Number) }]);

      const unheld = await create({ amount: '10', payment_method: 'route', priority: 'low' });
      const [unheldJob] = await jobsOf(unheld.payment_id);
      expect(unheldJob).toMatchObject({ type: 'payout.send', status: 'queued' });
      // urgent payouts are sent before low ones
      expect(jobs[0]?.priority).toBeLessThan(unheldJob?.priority as number);
      expect((await gw.call('POST', `/api/v1/payments/${urgent.payment_id}/approve`, { key: gw.adminKey })).status).toBe(409);
      expect(await jobsOf(urgent.payment_id)).toHaveLength(1);
    });

    it('cancels the queued payout.send job when a payout is cancelled', async () => {
      clock.set(T0 + 40 * 3_600_000);
      const payout = await create({ amount: '10', payment_method: 'route' });
      expect((await gw.call('POST', `/api/v1/payments/${payout.payment_id}/cancel`, { key: gw.adminKey })).status).toBe(200);
      expect((await jobsOf(payout.payment_id)).map((j) => `${j.type}:${j.status}`)).toEqual(['payout.send:cancelled']);
    });

    describe('batches', () => {
      const createBatch = async (count: number, expires = 300) => {
        const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
          key: gw.adminKey,
          body: {
            payments: Array.from({ length: count }, (_, i) => ({
              payee_address: PAYEE,
              amount: String(i + 1),
              expires_in_seconds: expires,
            })),
          },
        });
        expect(res.status, res.text).toBe(201);
        return res.body;
      };
      const batchView = async (id: string) =>
        (await gw.call<BatchJson>('GET', `/api/v1/payments/batches/${id}`, { key: gw.adminKey })).body;

      it('fails a batch whose payments are all cancelled and emits batch.completed', async () => {
        clock.set(T0 + 50 * 3_600_000);
        const batch = await createBatch(2);
        const [first, second] = (batch.results ?? []).map((r) => r.payment_id as string) as [string, string];
        clock.advance(1000);
        await gw.call('POST', `/api/v1/payments/${first}/cancel`, { key: gw.adminKey });
        expect(await batchView(batch.batch_id)).toMatchObject({
          status: 'pending',
          counts: { pending: 1, cancelled: 1 },
          completed_at: null,
        });
        expect((await eventsOf(batch.batch_id)).map((e) => e.type)).toEqual(['batch.created']);

        clock.advance(1000);
        await gw.call('POST', `/api/v1/payments/${second}/cancel`, { key: gw.adminKey });
        expect(await batchView(batch.batch_id)).toMatchObject({
          status: 'failed',
          counts: { cancelled: 2 },
          completed_at: toIso(clock.now()),
        });
        const events = await eventsOf(batch.batch_id);
        expect(events.map((e) => e.type)).toEqual(['batch.created', 'batch.completed']);
        expect(events[1]?.object).toMatchObject({ batch_id: batch.batch_id, status: 'failed', counts: { cancelled: 2 } });
      });

      it('fails batches whose payments all expire while the runner cancels them concurrently', async () => {
        clock.set(T0 + 60 * 3_600_000);
        // the runner works on 4 jobs at once: each batch's payments expire in parallel transactions
        const batches = [await createBatch(4, 300), await createBatch(4, 300), await createBatch(4, 300)];
        clock.advance(300_000);
        expect(await drain()).toBe(12);
        for (const batch of batches) {
          expect(await batchView(batch.batch_id)).toMatchObject({
            status: 'failed',
            counts: { cancelled: 4 },
            completed_at: toIso(clock.now()),
          });
          const completed = (await eventsOf(batch.batch_id)).filter((e) => e.type === 'batch.completed');
          expect(completed).toHaveLength(1);
        }
      });
    });

    it('wakes the job runner after a commit only when it enqueued a job that is due now', async () => {
      const wake = vi.spyOn(gw.core.runner, 'wake');
      try {
        // a collection's only job is its expiry, due when it expires
        await create({ amount: '10', payment_method: 'payment_gateway' });
        expect(wake).not.toHaveBeenCalled();
        // a payout's send job is due at once
        await create({ amount: '10', payment_method: 'route' });
        expect(wake).toHaveBeenCalledTimes(1);
      } finally {
        wake.mockRestore();
      }
    });
  });
}

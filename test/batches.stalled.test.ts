/**
 * `batch_processing.batch_timeout_seconds` (SQLite and PostgreSQL): a batch not final that long after its
 * creation is flagged stalled on GET /batches/{id} and sends one `batch.stalled` event (with an audit
 * record), found by the periodic job of the workers; a batch that ends in time is never flagged, and a
 * merchant can subscribe to the event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_STALL_JOB } from '../src/modules/batches/batch-stalls.js';
import { fixedClock } from '../src/shared/clock.js';
import { ENGINES } from './db-harness.js';
import { type BatchJson, startTestGateway, type TestGateway, testAddresses } from './gateway-harness.js';

const T0 = Date.UTC(2026, 4, 6, 9, 0, 0);
const TIMEOUT_S = 600;
const PAYEES = testAddresses(3, 900);

interface StalledBatchJson extends BatchJson {
  stalled: boolean;
  stalled_at: string | null;
}

for (const engine of ENGINES) {
  describe(`stalled batches (${engine})`, () => {
    const clock = fixedClock(T0);
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway(engine, { clock, config: { batch_processing: { batch_timeout_seconds: TIMEOUT_S } } });
    });
    afterAll(async () => {
      await gw?.close();
    });

    const createBatch = async (reference: string) => {
      const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
        key: gw.adminKey,
        body: { batch_reference: reference, payments: PAYEES.map((payee_address) => ({ payee_address, amount: '5' })) },
      });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    const getBatch = async (id: string) => {
      const res = await gw.call<StalledBatchJson>('GET', `/api/v1/payments/batches/${id}`, { key: gw.adminKey });
      expect(res.status, res.text).toBe(200);
      return res.body;
    };
    const stalledEvents = async (batchId: string) =>
      (
        await gw.db.db
          .selectFrom('outbox')
          .select(['type', 'payload'])
          .where('aggregate_id', '=', batchId)
          .where('type', '=', 'batch.stalled')
          .execute()
      ).map((e) => (JSON.parse(e.payload) as { data: { object: Record<string, unknown> } }).data.object);
    /** Runs every due job to the end (the stall check reschedules itself a minute on, so this ends). */
    const drain = async () => {
      for (let ran = await gw.core.runner.runOnce(); ran > 0; ran = await gw.core.runner.runOnce());
    };

    it('flags a batch still open after the timeout once, with one batch.stalled event and an audit record', async () => {
      await gw.core.jobs.enqueue(gw.db.db, [{ type: BATCH_STALL_JOB, payload: {}, dedupeKey: BATCH_STALL_JOB }]);
      const slow = await createBatch('slow-run');
      const quick = await createBatch('quick-run');
      for (const item of quick.results ?? []) {
        const res = await gw.call('POST', `/api/v1/payments/${item.payment_id}/cancel`, { key: gw.adminKey });
        expect(res.status, res.text).toBe(200);
      }
      expect((await getBatch(quick.batch_id)).status).toBe('failed');

      await drain();
      expect(await getBatch(slow.batch_id)).toMatchObject({ status: 'pending', stalled: false, stalled_at: null });

      clock.advance(TIMEOUT_S * 1000);
      await drain();
      const flagged = await getBatch(slow.batch_id);
      expect(flagged).toMatchObject({ status: 'pending', stalled: true, stalled_at: new Date(T0 + TIMEOUT_S * 1000).toISOString() });
      expect(await getBatch(quick.batch_id)).toMatchObject({ status: 'failed', stalled: false, stalled_at: null });

      const events = await stalledEvents(slow.batch_id);
      expect(events).toEqual([
        expect.objectContaining({
          batch_id: slow.batch_id,
          object: 'batch',
          status: 'pending',
          batch_reference: 'slow-run',
          stalled: true,
          stalled_at: flagged.stalled_at,
          counts: { pending: 3 },
        }),
      ]);
      expect(await stalledEvents(quick.batch_id)).toEqual([]);
      const audit = await gw.db.db
        .selectFrom('audit_log')
        .select(['action', 'actor'])
        .where('entity_id', '=', slow.batch_id)
        .where('action', '=', 'batch.stalled')
        .execute();
      expect(audit).toEqual([{ action: 'batch.stalled', actor: 'system:batches' }]);

      // later runs find nothing new to say about it
      clock.advance(3 * 60_000);
      await drain();
      expect(await stalledEvents(slow.batch_id)).toHaveLength(1);
      expect((await getBatch(slow.batch_id)).stalled_at).toBe(flagged.stalled_at);
    });

    it('lets a merchant subscribe to batch.stalled', async () => {
      const res = await gw.call<{ events: string[] }>('POST', '/api/v1/payments/webhooks/register', {
        key: gw.adminKey,
        body: { url: 'https://shop.example.com/hooks/batches', events: ['batch.completed', 'batch.stalled'] },
      });
      expect(res.status, res.text).toBe(201);
      expect(res.body.events).toEqual(['batch.completed', 'batch.stalled']);
    });
  });
}

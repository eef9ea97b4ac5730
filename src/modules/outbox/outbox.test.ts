import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/db-harness.js';
import { fixedClock } from '../../shared/clock.js';
import { sequentialIds } from '../../shared/ids.js';
import { buildEventEnvelope, OUTBOX_CHUNK_SIZE, Outbox, type OutboxEvent } from './outbox.js';

const T0 = Date.UTC(2025, 0, 1, 12, 30, 45, 123);

function paymentEvent(overrides: Partial<OutboxEvent> = {}): OutboxEvent {
  return {
    merchantId: 'mer_0000000000000001',
    type: 'payment.created',
    aggregateType: 'payment',
    aggregateId: 'pay_00000000000000aa',
    object: { id: 'pay_00000000000000aa', object: 'payment', amount: '1500000', currency: 'USDT', status: 'pending' },
    ...overrides,
  };
}

describe('buildEventEnvelope', () => {
  it('builds the webhook body with keys in the documented order', () => {
    const text = buildEventEnvelope({
      id: 'evt_0123456789abcdef',
      type: 'payment.completed',
      createdAt: T0,
      apiVersion: '2025-01-01',
      object: { id: 'pay_1', amount: '10' },
    });
    expect(text).toBe(
      '{"id":"evt_0123456789abcdef","type":"payment.completed","created_at":"2025-01-01T12:30:45.123Z","api_version":"2025-01-01","data":{"object":{"id":"pay_1","amount":"10"}}}',
    );
  });

  it('refuses bigints, which JSON cannot carry', () => {
    expect(() =>
      buildEventEnvelope({ id: 'evt_1', type: 'payment.created', createdAt: T0, apiVersion: 'v1', object: { amount: 10n } }),
    ).toThrow(/payment\.created: object has a bigint at "amount"/);
  });

  it('carries a missing object as null', () => {
    const parsed = JSON.parse(
      buildEventEnvelope({ id: 'evt_1', type: 'batch.created', createdAt: T0, apiVersion: 'v1', object: undefined }),
    );
    expect(parsed.data).toEqual({ object: null });
  });
});

for (const engine of ENGINES) {
  describe(`Outbox on ${engine}`, () => {
    let database: TestDatabase;
    let clock: ReturnType<typeof fixedClock>;
    let outbox: Outbox;

    beforeAll(async () => {
      database = await openTestDatabase(engine);
    });

    afterAll(async () => {
      await database?.destroy();
    });

    beforeEach(async () => {
      await database.db.deleteFrom('outbox').execute();
      clock = fixedClock(T0);
      outbox = new Outbox({ clock, ids: sequentialIds(), apiVersion: '2025-01-01' });
    });

    it('appends in the caller transaction: a rollback leaves nothing', async () => {
      await expect(
        database.db.transaction().execute(async (trx) => {
          await outbox.append(trx, [paymentEvent()]);
          throw new Error('payment insert failed');
        }),
      ).rejects.toThrow('payment insert failed');
      expect(await outbox.countUndispatched(database.db)).toBe(0);
      expect(await database.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    });

    it('stores the envelope as the payload, with the event id as the row id', async () => {
      const ids = await database.db.transaction().execute((trx) => outbox.append(trx, [paymentEvent()]));
      expect(ids).toEqual(['evt_0000000000000001']);
      const [record] = await outbox.listUndispatched(database.db, { limit: 10 });
      expect(record).toEqual({
        id: 'evt_0000000000000001',
        merchantId: 'mer_0000000000000001',
        type: 'payment.created',
        aggregateType: 'payment',
        aggregateId: 'pay_00000000000000aa',
        payload: expect.any(String),
        createdAt: T0,
        dispatchedAt: null,
      });
      expect(JSON.parse(record!.payload)).toEqual({
        id: 'evt_0000000000000001',
        type: 'payment.created',
        created_at: '2025-01-01T12:30:45.123Z',
        api_version: '2025-01-01',
        data: { object: paymentEvent().object },
      });
    });

    it('rejects malformed events before writing anything', async () => {
      await expect(
        outbox.append(database.db, [paymentEvent(), paymentEvent({ type: 'Payment Created' as OutboxEvent['type'] })]),
      ).rejects.toThrow(TypeError);
      await expect(
        outbox.append(database.db, [paymentEvent({ aggregateType: 'invoice' as unknown as OutboxEvent['aggregateType'] })]),
      ).rejects.toThrow(/aggregateType/);
      await expect(outbox.append(database.db, [paymentEvent({ object: { amount: 1n } })])).rejects.toThrow(/bigint/);
      expect(await outbox.countUndispatched(database.db)).toBe(0);
    });

    it('appends large batches in chunks', async () => {
      const count = OUTBOX_CHUNK_SIZE + 13;
      const events = Array.from({ length: count }, (_, i) => paymentEvent({ aggregateId: `pay_${i}` }));
      const ids = await database.db.transaction().execute((trx) => outbox.append(trx, events));
      expect(new Set(ids).size).toBe(count);
      expect(await outbox.countUndispatched(database.db)).toBe(count);
    });

    it('lists undispatched events oldest first, pages by cursor, and marks them dispatched once', async () => {
      await outbox.append(database.db, [paymentEvent({ type: 'payment.created' }), paymentEvent({ type: 'payment.started' })]);
      clock.advance(1_000);
      await outbox.append(database.db, [paymentEvent({ type: 'payment.confirmed' })]);
      clock.advance(4_000);

      expect(await outbox.oldestUndispatchedAgeMs(database.db)).toBe(5_000);
      const all = await outbox.listUndispatched(database.db, { limit: 10 });
      expect(all.map((e) => e.type)).toEqual(['payment.created', 'payment.started', 'payment.confirmed']);

      const firstPage = await outbox.listUndispatched(database.db, { limit: 1 });
      expect(firstPage.map((e) => e.id)).toEqual(['evt_0000000000000001']);
      const byPair = await outbox.listUndispatched(database.db, { limit: 10, afterCreatedAt: T0, afterId: 'evt_0000000000000001' });
      expect(byPair.map((e) => e.id)).toEqual(['evt_0000000000000002', 'evt_0000000000000003']);
      const byTime = await outbox.listUndispatched(database.db, { limit: 10, afterCreatedAt: T0 });
      expect(byTime.map((e) => e.id)).toEqual(['evt_0000000000000003']);
      expect(await outbox.listUndispatched(database.db, { limit: 0 })).toEqual([]);

      const marked = await database.db
        .transaction()
        .execute((trx) => outbox.markDispatched(trx, ['evt_0000000000000001', 'evt_0000000000000002']));
      expect(marked).toBe(2);
      expect(await outbox.markDispatched(database.db, ['evt_0000000000000002', 'evt_0000000000000003'])).toBe(1);
      expect(await outbox.markDispatched(database.db, [])).toBe(0);
      expect(await outbox.countUndispatched(database.db)).toBe(0);
      expect(await outbox.oldestUndispatchedAgeMs(database.db)).toBe(0);
      const stored = await database.db.selectFrom('outbox').select('dispatched_at').execute();
      expect(stored.map((row) => Number(row.dispatched_at))).toEqual([T0 + 5_000, T0 + 5_000, T0 + 5_000]);
    });

    it('a rolled-back markDispatched leaves the events pending', async () => {
      const ids = await outbox.append(database.db, [paymentEvent()]);
      await expect(
        database.db.transaction().execute(async (trx) => {
          await outbox.markDispatched(trx, ids);
          throw new Error('delivery insert failed');
        }),
      ).rejects.toThrow('delivery insert failed');
      expect(await outbox.countUndispatched(database.db)).toBe(1);
    });
  });
}

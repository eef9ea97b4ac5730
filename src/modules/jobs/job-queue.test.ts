import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/db-harness.js';
import { fixedClock } from '../../shared/clock.js';
import { sequentialIds } from '../../shared/ids.js';
import { ENQUEUE_CHUNK_SIZE, JobQueue } from './job-queue.js';

const T0 = Date.UTC(2025, 0, 1);
const LEASE = 30_000;

for (const engine of ENGINES) {
  describe(`JobQueue on ${engine}`, () => {
    let database: TestDatabase;
    let clock: ReturnType<typeof fixedClock>;
    let queue: JobQueue;

    beforeAll(async () => {
      database = await openTestDatabase(engine);
    });

    afterAll(async () => {
      await database?.destroy();
    });

    beforeEach(async () => {
      await database.db.deleteFrom('jobs').execute();
      clock = fixedClock(T0);
      queue = new JobQueue({ db: database.db, engine, clock, ids: sequentialIds() });
    });

    const claim = (workerId = 'w1', limit = 10, types = ['t']) => queue.claim({ types, limit, workerId, leaseMs: LEASE });

    it('enqueues inside the caller transaction: a rollback leaves no job', async () => {
      await expect(
        database.db.transaction().execute(async (trx) => {
          await queue.enqueue(trx, [{ type: 't', payload: { paymentId: 'pay_1' } }]);
          throw new Error('state change failed');
        }),
      ).rejects.toThrow('state change failed');
      expect(await database.db.selectFrom('jobs').selectAll().execute()).toEqual([]);

      await database.db.transaction().execute((trx) => queue.enqueue(trx, [{ type: 't', payload: { paymentId: 'pay_2' } }]));
      const [job] = await claim();
      expect(job?.payload).toEqual({ paymentId: 'pay_2' });
    });

    it('stores defaults and hands back the parsed payload', async () => {
      await queue.enqueue(database.db, [{ type: 't', payload: { amount: '1000000', nested: [1, { a: null }] } }]);
      const [job] = await claim();
      expect(job).toEqual({
        id: 'job_0000000000000001',
        type: 't',
        payload: { amount: '1000000', nested: [1, { a: null }] },
        attempts: 1,
        maxAttempts: 10,
        priority: 100,
        runAt: T0,
        createdAt: T0,
        lastError: null,
      });
      const stored = await queue.get(job!.id);
      expect(stored).toMatchObject({ status: 'running', lockedBy: 'w1', lockedUntil: T0 + LEASE, dedupeKey: null, finishedAt: null });
    });

    it('skips a job whose dedupe key exists, across calls and within one call', async () => {
      expect(await queue.enqueue(database.db, [{ type: 't', payload: 1, dedupeKey: 'expire:pay_1' }])).toBe(1);
      expect(await queue.enqueue(database.db, [{ type: 't', payload: 2, dedupeKey: 'expire:pay_1' }])).toBe(0);
      expect(
        await queue.enqueue(database.db, [
          { type: 't', payload: 3, dedupeKey: 'expire:pay_2' },
          { type: 't', payload: 4, dedupeKey: 'expire:pay_2' },
          { type: 't', payload: 5 },
          { type: 't', payload: 6 },
        ]),
      ).toBe(3);
      const rows = await database.db.selectFrom('jobs').select(['payload', 'dedupe_key']).orderBy('payload').execute();
      expect(rows).toEqual([
        { payload: '1', dedupe_key: 'expire:pay_1' },
        { payload: '3', dedupe_key: 'expire:pay_2' },
        { payload: '5', dedupe_key: null },
        { payload: '6', dedupe_key: null },
      ]);
    });

    it('inserts large batches in chunks', async () => {
      const count = ENQUEUE_CHUNK_SIZE * 2 + 37;
      const jobs = Array.from({ length: count }, (_, i) => ({ type: 't', payload: { i }, dedupeKey: `k${i}` }));
      expect(await database.db.transaction().execute((trx) => queue.enqueue(trx, jobs))).toBe(count);
      const row = await database.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(count);
    });

    it('rejects bigints in the payload with a clear error, and bad numbers', async () => {
      await expect(queue.enqueue(database.db, [{ type: 'payout.send', payload: { amount: 5n } }])).rejects.toThrow(
        /payout\.send: payload has a bigint at "amount"; convert bigints to strings/,
      );
      await expect(queue.enqueue(database.db, [{ type: 't', payload: {}, priority: -1 }])).rejects.toThrow(RangeError);
      await expect(queue.enqueue(database.db, [{ type: 't', payload: {}, maxAttempts: 0 }])).rejects.toThrow(RangeError);
      await expect(queue.enqueue(database.db, [{ type: 't', payload: {}, runAt: 1.5 }])).rejects.toThrow(RangeError);
      await expect(queue.enqueue(database.db, [{ type: '', payload: {} }])).rejects.toThrow(TypeError);
      expect(await database.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
    });

    it('claims by priority, then run_at, and only the requested types and count', async () => {
      await queue.enqueue(database.db, [
        { type: 't', payload: 'p100-late', priority: 100, runAt: T0 - 10 },
        { type: 't', payload: 'p100-early', priority: 100, runAt: T0 - 20 },
        { type: 't', payload: 'p0', priority: 0, runAt: T0 },
        { type: 'other', payload: 'other', priority: 0, runAt: T0 - 100 },
        { type: 't', payload: 'p50', priority: 50, runAt: T0 - 5 },
      ]);
      const first = await claim('w1', 3);
      expect(first.map((j) => j.payload)).toEqual(['p0', 'p50', 'p100-early']);
      const second = await claim('w1', 3);
      expect(second.map((j) => j.payload)).toEqual(['p100-late']);
      expect(await claim('w1', 3)).toEqual([]);
      expect((await claim('w1', 3, ['other', 't'])).map((j) => j.payload)).toEqual(['other']);
      expect(await claim('w1', 0, ['t'])).toEqual([]);
      expect(await claim('w1', 5, [])).toEqual([]);
    });

    it('does not claim a job before its run_at', async () => {
      await queue.enqueue(database.db, [{ type: 't', payload: 'later', runAt: T0 + 60_000 }]);
      expect(await claim()).toEqual([]);
      clock.advance(59_999);
      expect(await claim()).toEqual([]);
      clock.advance(1);
      expect((await claim()).map((j) => j.payload)).toEqual(['later']);
    });

    it('reclaims a job whose lease expired; the old worker can no longer record a result', async () => {
      await queue.enqueue(database.db, [{ type: 't', payload: 'x' }]);
      const [old] = await claim('crashed');
      expect(old?.attempts).toBe(1);

      clock.advance(LEASE - 1);
      expect(await claim('w2')).toEqual([]);
      clock.advance(2);
      const [taken] = await claim('w2');
      expect(taken?.id).toBe(old?.id);
      expect(taken?.attempts).toBe(2);

      expect(await queue.complete(old!, 'crashed')).toBe(false);
      expect(await queue.fail(old!, 'crashed', 'late')).toBe(false);
      expect(await queue.retry(old!, 'crashed', { error: 'late', runAt: T0 })).toBe(false);
      expect(await queue.extendLease(old!, 'crashed', LEASE)).toBe(false);
      expect(await queue.complete(taken!, 'w2')).toBe(true);
      expect(await queue.get(taken!.id)).toMatchObject({ status: 'completed', lockedBy: null, lockedUntil: null, finishedAt: clock.now() });
      expect(await queue.complete(taken!, 'w2')).toBe(false);
    });

    it('fences a stale claim of the same worker id by its attempt number', async () => {
      await queue.enqueue(database.db, [{ type: 't', payload: 'x' }]);
      const [first] = await claim('w1');
      clock.advance(LEASE + 1);
      const [second] = await claim('w1');
      expect(second?.attempts).toBe(2);
      expect(await queue.complete(first!, 'w1')).toBe(false);
      expect(await queue.complete(second!, 'w1')).toBe(true);
    });

    it('extends a lease so that the job is not taken over', async () => {
      await queue.enqueue(database.db, [{ type: 't', payload: 'x' }]);
      const [job] = await claim('w1');
      clock.advance(LEASE - 1_000);
      expect(await queue.extendLease(job!, 'w1', LEASE)).toBe(true);
      clock.advance(2_000);
      expect(await claim('w2')).toEqual([]);
      expect((await queue.get(job!.id))?.lockedUntil).toBe(T0 + LEASE - 1_000 + LEASE);
    });

    it('retry puts the job back in the queue at run_at with the error; it runs again then', async () => {
      await queue.enqueue(database.db, [{ type: 't', payload: 'x' }]);
      const [job] = await claim('w1');
      expect(await queue.retry(job!, 'w1', { error: 'node timed out', runAt: T0 + 5_000 })).toBe(true);
      expect(await queue.get(job!.id)).toMatchObject({
        status: 'queued',
        runAt: T0 + 5_000,
        lastError: 'node timed out',
        lockedBy: null,
        lockedUntil: null,
        attempts: 1,
        maxAttempts: 10,
      });
      clock.advance(4_999);
      expect(await claim('w1')).toEqual([]);
      clock.advance(1);
      const [again] = await claim('w1');
      expect(again).toMatchObject({ id: job!.id, attempts: 2, lastError: 'node timed out' });
    });

    it('a retry that does not count as an attempt refunds it by raising max_attempts', async () => {
      await queue.enqueue(database.db, [{ type: 't', payload: 'x', maxAttempts: 2 }]);
      const [job] = await claim('w1');
      expect(await queue.retry(job!, 'w1', { error: 'waiting for confirmations', runAt: T0, countsAsAttempt: false })).toBe(true);
      const [again] = await claim('w1');
      expect(again).toMatchObject({ attempts: 2, maxAttempts: 3 });
    });

    it('fail ends the job with the message', async () => {
      await queue.enqueue(database.db, [{ type: 't', payload: 'x' }]);
      const [job] = await claim('w1');
      clock.advance(10);
      expect(await queue.fail(job!, 'w1', 'x'.repeat(5_000))).toBe(true);
      const stored = await queue.get(job!.id);
      expect(stored).toMatchObject({ status: 'failed', finishedAt: T0 + 10, lockedBy: null });
      expect(stored?.lastError).toHaveLength(2_000);
      clock.advance(LEASE * 2);
      expect(await claim('w2')).toEqual([]);
    });

    it('cancels a queued job by dedupe key in the caller transaction, not a running one', async () => {
      await queue.enqueue(database.db, [
        { type: 't', payload: 'a', dedupeKey: 'expire:pay_a', runAt: T0 + 1_000 },
        { type: 't', payload: 'b', dedupeKey: 'expire:pay_b' },
      ]);
      const [running] = await claim('w1');
      expect(running?.payload).toBe('b');

      await expect(
        database.db.transaction().execute(async (trx) => {
          expect(await queue.cancelByDedupeKey(trx, 'expire:pay_a')).toBe(true);
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(
        (await database.db.selectFrom('jobs').select('status').where('dedupe_key', '=', 'expire:pay_a').executeTakeFirst())?.status,
      ).toBe('queued');

      expect(await database.db.transaction().execute((trx) => queue.cancelByDedupeKey(trx, 'expire:pay_a'))).toBe(true);
      expect(await queue.cancelByDedupeKey(database.db, 'expire:pay_a')).toBe(false);
      expect(await queue.cancelByDedupeKey(database.db, 'expire:pay_b')).toBe(false);
      expect(await queue.cancelByDedupeKey(database.db, 'missing')).toBe(false);
      clock.advance(5_000);
      expect(await claim('w2')).toEqual([]);
      expect(await queue.enqueue(database.db, [{ type: 't', payload: 'again', dedupeKey: 'expire:pay_a' }])).toBe(0);
    });

    it('reports depth per type and status (queued and running only), and the age of the oldest due job', async () => {
      expect(await queue.depth()).toEqual([]);
      expect(await queue.oldestQueuedAgeMs()).toBe(0);
      await queue.enqueue(database.db, [
        { type: 'c', payload: 'done' },
        { type: 'c', payload: 'dropped', dedupeKey: 'drop-me', runAt: T0 + 1 },
      ]);
      const [done] = await claim('w1', 1, ['c']);
      await queue.complete(done!, 'w1');
      await queue.cancelByDedupeKey(database.db, 'drop-me');
      await queue.enqueue(database.db, [
        { type: 'a', payload: 1, runAt: T0 - 7_000 },
        { type: 'a', payload: 2, runAt: T0 - 1_000 },
        { type: 'a', payload: 3, runAt: T0 + 60_000 },
        { type: 'b', payload: 4 },
      ]);
      await claim('w1', 1, ['b']);
      // finished jobs are history, not queue depth
      expect(await queue.depth()).toEqual([
        { type: 'a', status: 'queued', count: 3 },
        { type: 'b', status: 'running', count: 1 },
      ]);
      expect(await queue.oldestQueuedAgeMs()).toBe(7_000);
      clock.advance(500);
      expect(await queue.oldestQueuedAgeMs()).toBe(7_500);
    });

    it('deletes finished jobs past retention, freeing their dedupe keys', async () => {
      await queue.enqueue(database.db, [
        { type: 't', payload: 1, dedupeKey: 'k1' },
        { type: 't', payload: 2, dedupeKey: 'k2', runAt: T0 + 1 },
      ]);
      const [job] = await claim('w1');
      await queue.complete(job!, 'w1');
      clock.advance(10);
      expect(await queue.deleteFinished(T0)).toBe(0);
      expect(await queue.deleteFinished(T0 + 1)).toBe(1);
      expect(await queue.enqueue(database.db, [{ type: 't', payload: 3, dedupeKey: 'k1' }])).toBe(1);
      expect(await queue.enqueue(database.db, [{ type: 't', payload: 4, dedupeKey: 'k2' }])).toBe(0);
    });
  });
}

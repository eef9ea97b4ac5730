/**
 * Several workers claiming at the same time never get the same job. On PostgreSQL this is a real race:
 * two pools (two "processes"), several claimers each, on separate connections, many rounds, relying on
 * FOR UPDATE SKIP LOCKED. On SQLite the second connection is a second handle on the same file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.js';
import { JobQueue } from '../src/modules/jobs/job-queue.js';
import { fixedClock } from '../src/shared/clock.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './db-harness.js';

const T0 = Date.UTC(2025, 0, 1);
const LEASE = 30_000;
const JOBS_PER_ROUND = 200;
const ROUNDS = 5;
const CLAIMERS_PER_POOL = 3;

/** Small deterministic PRNG so that batch sizes vary the same way on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

for (const engine of ENGINES) {
  describe(`concurrent claims on ${engine}`, () => {
    let database: TestDatabase;
    let second: Database;
    const clock = fixedClock(T0);
    let queues: JobQueue[];

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      second = openDatabase({ ...database.connection, poolSize: 10 });
      queues = [new JobQueue({ db: database.db, engine, clock }), new JobQueue({ db: second.db, engine, clock })];
    });

    afterAll(async () => {
      await second?.close();
      await database?.destroy();
    });

    /** Every claimer loops until it finds nothing; returns the ids each worker got. */
    async function race(type: string, round: number): Promise<string[][]> {
      const random = seeded(round + 1);
      const workers = queues.flatMap((queue, pool) =>
        Array.from({ length: CLAIMERS_PER_POOL }, (_, i) => ({
          queue,
          workerId: `pool${pool}-claimer${i}`,
          limit: 1 + Math.floor(random() * 9),
        })),
      );
      return Promise.all(
        workers.map(async ({ queue, workerId, limit }) => {
          const got: string[] = [];
          for (;;) {
            const jobs = await queue.claim({ types: [type], limit, workerId, leaseMs: LEASE });
            if (jobs.length === 0) return got;
            got.push(...jobs.map((job) => job.id));
          }
        }),
      );
    }

    function expectPartition(perWorker: string[][], all: string[]): void {
      const claimed = perWorker.flat();
      expect(claimed.length).toBe(all.length); // no job claimed twice …
      expect(new Set(claimed)).toEqual(new Set(all)); // … and none left behind
    }

    async function idsOf(type: string): Promise<string[]> {
      const rows = await database.db.selectFrom('jobs').select('id').where('type', '=', type).execute();
      return rows.map((row) => row.id);
    }

    it(`${ROUNDS} rounds of ${JOBS_PER_ROUND} jobs raced by ${2 * CLAIMERS_PER_POOL} claimers on two pools`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const type = `race.${round}`;
        await database.db.transaction().execute((trx) =>
          queues[0]!.enqueue(
            trx,
            Array.from({ length: JOBS_PER_ROUND }, (_, i) => ({ type, payload: { i }, priority: i % 3 })),
          ),
        );
        const perWorker = await race(type, round);
        expectPartition(perWorker, await idsOf(type));
        // the race was real: more than one worker got work
        expect(perWorker.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
      }
    });

    it('expired leases are taken over by exactly one claimer each', async () => {
      const type = 'race.expired';
      await queues[0]!.enqueue(
        database.db,
        Array.from({ length: JOBS_PER_ROUND }, (_, i) => ({ type, payload: { i } })),
      );
      const crashed = await queues[1]!.claim({ types: [type], limit: JOBS_PER_ROUND, workerId: 'crashed', leaseMs: LEASE });
      expect(crashed).toHaveLength(JOBS_PER_ROUND);
      clock.advance(LEASE + 1);

      const perWorker = await race(type, 99);
      expectPartition(perWorker, await idsOf(type));
      const rows = await database.db.selectFrom('jobs').select(['attempts', 'locked_by']).where('type', '=', type).execute();
      expect(new Set(rows.map((row) => Number(row.attempts)))).toEqual(new Set([2]));
      expect(rows.some((row) => row.locked_by === 'crashed')).toBe(false);
    });
  });
}

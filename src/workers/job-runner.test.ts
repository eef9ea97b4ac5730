import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test/db-harness.js';
import { type ClaimedJob, type ClaimOptions, JobQueue, type JobRecord } from '../modules/jobs/job-queue.js';
import { fixedClock } from '../shared/clock.js';
import { sequentialIds } from '../shared/ids.js';
import {
  type JobHandler,
  JobRunner,
  type JobRunnerOptions,
  LeaseLostError,
  type RunnerErrorContext,
  RunnerStoppingError,
} from './job-runner.js';

const T0 = Date.UTC(2025, 0, 1);
const LEASE = 30_000;
const RETRY = { baseMs: 1_000, maxMs: 60_000 };

interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

function collectingLogger() {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (obj: object, msg: string) => {
    entries.push({ level, obj: obj as Record<string, unknown>, msg });
  };
  return { entries, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const engine of ENGINES) {
  describe(`JobRunner on ${engine}`, () => {
    let database: TestDatabase;
    let clock: ReturnType<typeof fixedClock>;
    let queue: JobQueue;
    let log: ReturnType<typeof collectingLogger>;
    const runners: JobRunner[] = [];

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
      log = collectingLogger();
    });

    afterEach(async () => {
      await Promise.all(runners.splice(0).map((runner) => runner.stop({ graceMs: 1_000 })));
    });

    function makeRunner(handlers: Record<string, JobHandler>, options: Partial<JobRunnerOptions> = {}): JobRunner {
      const runner = new JobRunner({
        queue,
        handlers,
        workerId: 'worker-1',
        clock,
        logger: log.logger,
        leaseMs: LEASE,
        retry: RETRY,
        random: () => 0.5,
        pollIntervalMs: 10,
        ...options,
      });
      runners.push(runner);
      return runner;
    }

    async function job(id: string): Promise<JobRecord> {
      const record = await queue.get(id);
      if (!record) throw new Error(`job ${id} not found`);
      return record;
    }

    async function statuses(): Promise<string[]> {
      const rows = await database.db.selectFrom('jobs').select('status').orderBy('id').execute();
      return rows.map((row) => row.status);
    }

    it('runs the handler with the parsed payload and completes the job', async () => {
      await queue.enqueue(database.db, [
        { type: 'a', payload: { n: 1 } },
        { type: 'a', payload: { n: 2 } },
      ]);
      const seen: unknown[] = [];
      const runner = makeRunner({
        a: async (claimed) => {
          seen.push(claimed.payload);
        },
      });
      expect(await runner.runOnce()).toBe(2);
      expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
      expect(await statuses()).toEqual(['completed', 'completed']);
      expect(await runner.runOnce()).toBe(0);
    });

    it('retries a throwing handler with backoff, storing the message but not the stack', async () => {
      await queue.enqueue(database.db, [{ type: 'a', payload: {} }]);
      let calls = 0;
      const errors: RunnerErrorContext[] = [];
      const runner = makeRunner(
        {
          a: async () => {
            calls += 1;
            if (calls === 1) throw new Error('node unreachable');
          },
        },
        { onError: (_error, context) => errors.push(context) },
      );
      expect(await runner.runOnce()).toBe(1);
      const afterFailure = await job('job_0000000000000001');
      // attempt 1: cap 1,000 ms, full jitter with random 0.5 → 500 ms
      expect(afterFailure).toMatchObject({ status: 'queued', runAt: T0 + 500, attempts: 1, lastError: 'node unreachable' });
      const warning = log.entries.find((e) => e.level === 'warn');
      expect(warning?.obj.err).toBeInstanceOf(Error);
      expect(warning?.obj).toMatchObject({ jobId: 'job_0000000000000001', retryInMs: 500 });
      expect(errors).toEqual([{ phase: 'handler', job: expect.objectContaining({ id: 'job_0000000000000001' }) }]);

      clock.advance(499);
      expect(await runner.runOnce()).toBe(0);
      clock.advance(1);
      expect(await runner.runOnce()).toBe(1);
      expect(await job('job_0000000000000001')).toMatchObject({ status: 'completed', attempts: 2 });
    });

    it('fails the job with the error message once maxAttempts is used up', async () => {
      await queue.enqueue(database.db, [{ type: 'a', payload: {}, maxAttempts: 3 }]);
      const runner = makeRunner({
        a: async (claimed) => {
          throw new Error(`boom ${claimed.attempts}`);
        },
      });
      for (let attempt = 1; attempt <= 3; attempt++) {
        expect(await runner.runOnce()).toBe(1);
        clock.advance(60_000);
      }
      const failed = await job('job_0000000000000001');
      expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: 'boom 3', finishedAt: T0 + 2 * 60_000 });
      expect(failed.lastError).not.toContain(' at ');
      expect(log.entries.filter((e) => e.level === 'error').map((e) => e.msg)).toEqual(['job failed after 3 attempts']);
      expect(await runner.runOnce()).toBe(0);
    });

    it('honours the outcomes a handler returns', async () => {
      await queue.enqueue(database.db, [
        { type: 'give-up', payload: {} },
        { type: 'poll', payload: {}, maxAttempts: 1 },
        { type: 'later', payload: {}, maxAttempts: 1 },
      ]);
      const runner = makeRunner({
        'give-up': async () => ({ fail: 'payee address is blacklisted' }),
        poll: async () => ({ retryAt: clock.now() + 3_000, reason: '5 of 19 confirmations', countsAsAttempt: false }),
        later: async () => ({ retryAt: clock.now() + 3_000, reason: 'receiver answered 429' }),
      });
      expect(await runner.runOnce()).toBe(3);
      expect(await job('job_0000000000000001')).toMatchObject({ status: 'failed', lastError: 'payee address is blacklisted' });
      expect(await job('job_0000000000000002')).toMatchObject({
        status: 'queued',
        runAt: T0 + 3_000,
        lastError: '5 of 19 confirmations',
        attempts: 1,
        maxAttempts: 2,
      });
      // a counted retry on the last allowed attempt ends the job
      expect(await job('job_0000000000000003')).toMatchObject({ status: 'failed', lastError: 'receiver answered 429' });
    });

    it('claims only the types it has handlers for', async () => {
      await queue.enqueue(database.db, [
        { type: 'payout.send', payload: { payoutId: 'p1' } },
        { type: 'a', payload: {} },
      ]);
      const runner = makeRunner({ a: async () => {} });
      expect(await runner.runOnce()).toBe(1);
      expect(await job('job_0000000000000001')).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null });
    });

    it('runs at most `concurrency` handlers at once', async () => {
      await queue.enqueue(
        database.db,
        Array.from({ length: 10 }, (_, i) => ({ type: 'a', payload: { i } })),
      );
      let active = 0;
      let maxActive = 0;
      const runner = makeRunner(
        {
          a: async () => {
            active += 1;
            maxActive = Math.max(maxActive, active);
            await sleep(5);
            active -= 1;
          },
        },
        { concurrency: 3 },
      );
      expect(await runner.runOnce()).toBe(3);
      runner.start();
      await vi.waitFor(async () => expect(await statuses()).toEqual(Array(10).fill('completed')), { timeout: 5_000, interval: 10 });
      expect(maxActive).toBe(3);
    });

    it('stop() stops claiming and waits for a running handler to finish', async () => {
      await queue.enqueue(database.db, [{ type: 'a', payload: {} }]);
      const release = deferred();
      const started = deferred();
      const runner = makeRunner({
        a: async () => {
          started.resolve();
          await release.promise;
        },
      });
      runner.start();
      await started.promise;
      let stopped = false;
      const stopping = runner.stop({ graceMs: 5_000 }).then(() => {
        stopped = true;
      });
      await sleep(30);
      expect(stopped).toBe(false);
      expect(runner.activeCount).toBe(1);
      release.resolve();
      await stopping;
      expect(await statuses()).toEqual(['completed']);

      await queue.enqueue(database.db, [{ type: 'a', payload: {} }]);
      runner.wake();
      await sleep(30);
      expect(await statuses()).toEqual(['completed', 'queued']);
    });

    it('stop() aborts handlers still running after the grace period and hands their jobs back', async () => {
      await queue.enqueue(database.db, [{ type: 'a', payload: {}, maxAttempts: 1 }]);
      const started = deferred();
      let reason: unknown;
      const runner = makeRunner({
        a: (_job, { signal }) =>
          new Promise<void>((_resolve, reject) => {
            started.resolve();
            signal.addEventListener('abort', () => {
              reason = signal.reason;
              reject(signal.reason);
            });
          }),
      });
      runner.start();
      await started.promise;
      clock.advance(1_000);
      await runner.stop({ graceMs: 20 });
      expect(reason).toBeInstanceOf(RunnerStoppingError);
      // back in the queue at once, without using up its only attempt
      expect(await job('job_0000000000000001')).toMatchObject({
        status: 'queued',
        runAt: T0 + 1_000,
        attempts: 1,
        maxAttempts: 2,
        lastError: 'the job runner is stopping',
      });
    });

    it('wake() polls at once instead of waiting for the next tick', async () => {
      const runner = makeRunner({ a: async () => {} }, { pollIntervalMs: 60_000 });
      runner.start();
      await sleep(20); // the first poll found nothing; the next one is a minute away
      await queue.enqueue(database.db, [{ type: 'a', payload: {} }]);
      runner.wake();
      await vi.waitFor(async () => expect(await statuses()).toEqual(['completed']), { timeout: 2_000, interval: 10 });
    });

    it('survives database errors while polling, logging them and trying again', async () => {
      let failuresLeft = 2;
      class FlakyQueue extends JobQueue {
        override async claim(options: ClaimOptions): Promise<ClaimedJob[]> {
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            throw new Error('connection terminated unexpectedly');
          }
          return super.claim(options);
        }
      }
      const flaky = new FlakyQueue({ db: database.db, engine, clock, ids: sequentialIds() });
      await flaky.enqueue(database.db, [{ type: 'a', payload: {} }]);
      const phases: string[] = [];
      const runner = makeRunner(
        { a: async () => {} },
        { queue: flaky, pollIntervalMs: 5, onError: (_e, context) => phases.push(context.phase) },
      );
      runner.start();
      await vi.waitFor(async () => expect(await statuses()).toEqual(['completed']), { timeout: 2_000, interval: 10 });
      const errors = log.entries.filter((e) => e.level === 'error');
      expect(errors.map((e) => [e.msg, e.obj.consecutiveFailures, e.obj.retryInMs])).toEqual([
        ['job runner could not claim jobs', 1, 5],
        ['job runner could not claim jobs', 2, 10],
      ]);
      expect(phases).toEqual(['claim', 'claim']);
    });

    it('never runs two polls at once, however often it is woken', async () => {
      let inClaim = 0;
      let maxInClaim = 0;
      let claims = 0;
      class SlowQueue extends JobQueue {
        override async claim(options: ClaimOptions): Promise<ClaimedJob[]> {
          inClaim += 1;
          claims += 1;
          maxInClaim = Math.max(maxInClaim, inClaim);
          try {
            await sleep(5);
            return await super.claim(options);
          } finally {
            inClaim -= 1;
          }
        }
      }
      const slow = new SlowQueue({ db: database.db, engine, clock, ids: sequentialIds() });
      const runner = makeRunner({ a: async () => {} }, { queue: slow, pollIntervalMs: 1_000 });
      runner.start();
      for (let i = 0; i < 20; i++) {
        runner.wake();
        await sleep(1);
      }
      await Promise.all([runner.runOnce(), runner.runOnce()]);
      expect(maxInClaim).toBe(1);
      expect(claims).toBeGreaterThan(2);
    });

    it('a handler whose job was taken over learns it from extendLease, and its result is discarded', async () => {
      await queue.enqueue(database.db, [{ type: 'a', payload: {} }]);
      let extendError: unknown;
      let abortedWith: unknown;
      const runner = makeRunner({
        a: async (_job, context) => {
          clock.advance(LEASE + 1);
          const [taken] = await queue.claim({ types: ['a'], limit: 1, workerId: 'worker-2', leaseMs: LEASE });
          expect(taken?.attempts).toBe(2);
          await context.extendLease().catch((error: unknown) => {
            extendError = error;
          });
          abortedWith = context.signal.reason;
        },
      });
      expect(await runner.runOnce()).toBe(1);
      expect(extendError).toBeInstanceOf(LeaseLostError);
      expect(abortedWith).toBe(extendError);
      expect(await job('job_0000000000000001')).toMatchObject({ status: 'running', lockedBy: 'worker-2', attempts: 2 });
      expect(log.entries.some((e) => e.level === 'warn' && e.msg.includes('lease was lost'))).toBe(true);
    });

    it('extendLease keeps the job from being taken over', async () => {
      await queue.enqueue(database.db, [{ type: 'a', payload: {} }]);
      const runner = makeRunner({
        a: async (_job, context) => {
          clock.advance(LEASE - 1);
          await context.extendLease(LEASE);
          clock.advance(LEASE - 1);
          expect(await queue.claim({ types: ['a'], limit: 1, workerId: 'worker-2', leaseMs: LEASE })).toEqual([]);
        },
      });
      expect(await runner.runOnce()).toBe(1);
      expect(await job('job_0000000000000001')).toMatchObject({ status: 'completed', attempts: 1 });
    });

    it('fails, without running it, a job whose last attempt lost its lease', async () => {
      await queue.enqueue(database.db, [{ type: 'a', payload: {}, maxAttempts: 1 }]);
      await queue.claim({ types: ['a'], limit: 1, workerId: 'crashed', leaseMs: LEASE });
      clock.advance(LEASE + 1);
      const handler = vi.fn(async () => {});
      const runner = makeRunner({ a: handler });
      expect(await runner.runOnce()).toBe(1);
      expect(handler).not.toHaveBeenCalled();
      const failed = await job('job_0000000000000001');
      expect(failed.status).toBe('failed');
      expect(failed.lastError).toMatch(/gave up after 1 attempts: the lease of the last attempt expired/);
    });

    it('rejects nonsensical options', () => {
      expect(() => makeRunner({}, { concurrency: 0 })).toThrow(RangeError);
      expect(() => makeRunner({}, { retry: { baseMs: 10, maxMs: 1 } })).toThrow(RangeError);
      expect(() => makeRunner({}, { workerId: '' })).toThrow(TypeError);
    });
  });
}

/**
 * Runs durable jobs: claims due jobs of the types it has handlers for, runs up to `concurrency` of them at
 * once, and records each outcome — done, retry with backoff, or failed for good (ARCHITECTURE habit 10).
 *
 * - Handler returns nothing → completed. Returns `{ retryAt, reason }` → queued again at `retryAt`.
 *   Returns `{ fail }` → failed now. Throws → transient: retried with exponential backoff and full jitter
 *   until `maxAttempts`, then failed with the error message (the stack goes to the log, never the table).
 * - Jobs of other types (handlers not written yet, or run by another role) are never claimed.
 * - The poll loop never overlaps itself; a database error is logged and retried on a later tick with a
 *   growing delay, never thrown out of the loop. `wake()` polls now (call it after enqueueing).
 * - Each handler gets an AbortSignal: aborted when its lease runs out (another worker may take the job
 *   over), when `extendLease` finds the lease lost, or when `stop()`'s grace period ends.
 * - Handlers must be idempotent: a job can run again after a crash, an expired lease or a lost write.
 */
import type { ClaimedJob, JobQueue } from '../modules/jobs/job-queue.js';
import { nextRetryDelayMs, type RetryJitter } from '../modules/jobs/retry-policy.js';
import type { Clock } from '../shared/clock.js';

export type JobOutcome =
  | {
      /** epoch ms of the next attempt */
      retryAt: number;
      reason: string;
      /**
       * Default true: this attempt counts against maxAttempts (e.g. a webhook answered 429). Pass false
       * when the handler is only polling for something that is not ready yet (confirmations).
       */
      countsAsAttempt?: boolean;
    }
  | { fail: string };

export interface JobContext {
  /** aborted when the lease runs out or is lost, or when the runner stops after its grace period */
  signal: AbortSignal;
  /** pushes the lease to now + ms (default: the runner's leaseMs); throws LeaseLostError if taken over */
  extendLease(ms?: number): Promise<void>;
}

/** Nothing (success), or an outcome. */
// biome-ignore lint/suspicious/noConfusingVoidType: lets a plain `async (job) => { … }` (Promise<void>) be a handler
export type JobHandlerResult = JobOutcome | undefined | void;

export type JobHandler = (job: ClaimedJob, context: JobContext) => Promise<JobHandlerResult>;

/** The subset of pino the runner uses. */
export interface RunnerLogger {
  debug?(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type RunnerErrorContext = { phase: 'claim' } | { phase: 'handler' | 'settle'; job: ClaimedJob };

export interface JobRunnerOptions {
  queue: JobQueue;
  handlers: Readonly<Record<string, JobHandler>>;
  /** unique per process and runner, e.g. `${hostname}:${pid}:workers` */
  workerId: string;
  clock: Clock;
  logger: RunnerLogger;
  /** handlers running at once; default 4 */
  concurrency?: number;
  /** delay between polls when nothing was due; default 250 ms */
  pollIntervalMs?: number;
  /** how long a claim is held before another worker may take the job over; default 30 s */
  leaseMs?: number;
  retry: { baseMs: number; maxMs: number; jitter?: RetryJitter };
  /** [0, 1) source for jitter; default Math.random */
  random?: () => number;
  /** called for every claim error, handler error and failed outcome write (metrics, alerting) */
  onError?: (error: unknown, context: RunnerErrorContext) => void;
}

export interface StopOptions {
  /** how long running handlers may take to finish before their signals are aborted; default 30 s */
  graceMs?: number;
}

/** A handler's signal reason when the runner is shutting down. */
export class RunnerStoppingError extends Error {
  constructor() {
    super('the job runner is stopping');
    this.name = 'RunnerStoppingError';
  }
}

/** A handler's signal reason when its lease ran out before it finished or extended it. */
export class LeaseExpiredError extends Error {
  constructor(readonly jobId: string) {
    super(`the lease on job ${jobId} expired; another worker may take it over`);
    this.name = 'LeaseExpiredError';
  }
}

/** Thrown by `extendLease` (and the signal reason) when the job was taken over by another claim. */
export class LeaseLostError extends Error {
  constructor(readonly jobId: string) {
    super(`the lease on job ${jobId} was lost to another claim`);
    this.name = 'LeaseLostError';
  }
}

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_POLL_INTERVAL_MS = 250;
export const DEFAULT_LEASE_MS = 30_000;
export const DEFAULT_STOP_GRACE_MS = 30_000;
/** after aborting, how long stop() still waits for handlers to record their outcome */
const ABORT_SETTLE_MS = 1_000;
/** ceiling of the delay between polls while the database keeps failing */
const MAX_POLL_BACKOFF_MS = 5_000;

interface ActiveJob {
  job: ClaimedJob;
  controller: AbortController;
  watchdog: ReturnType<typeof setTimeout> | undefined;
  done: Promise<void>;
}

type RunnerState = 'idle' | 'running' | 'stopping' | 'stopped';

export class JobRunner {
  private readonly queue: JobQueue;
  private readonly handlers: Readonly<Record<string, JobHandler>>;
  private readonly types: string[];
  private readonly workerId: string;
  private readonly clock: Clock;
  private readonly logger: RunnerLogger;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly retryPolicy: { baseMs: number; maxMs: number; jitter: RetryJitter };
  private readonly random: () => number;
  private readonly onError: JobRunnerOptions['onError'];

  private state: RunnerState = 'idle';
  private readonly active = new Set<ActiveJob>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticking: Promise<void> | undefined;
  private wakeRequested = false;
  private pollFailures = 0;
  /** serialises claims between the loop and runOnce(), so the free-slot count is never stale */
  private claimChain: Promise<unknown> = Promise.resolve();

  constructor(options: JobRunnerOptions) {
    this.queue = options.queue;
    this.handlers = options.handlers;
    this.types = Object.keys(options.handlers).sort();
    this.workerId = options.workerId;
    this.clock = options.clock;
    this.logger = options.logger;
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.retryPolicy = { baseMs: options.retry.baseMs, maxMs: options.retry.maxMs, jitter: options.retry.jitter ?? 'full' };
    this.random = options.random ?? Math.random;
    this.onError = options.onError;
    if (!this.workerId) throw new TypeError('JobRunner needs a workerId');
    requirePositiveInteger(this.concurrency, 'concurrency');
    requirePositiveInteger(this.pollIntervalMs, 'pollIntervalMs');
    requirePositiveInteger(this.leaseMs, 'leaseMs');
    // fail fast on a bad policy rather than at the first failing job
    nextRetryDelayMs(1, this.retryPolicy, () => 0);
  }

  /** handlers running right now */
  get activeCount(): number {
    return this.active.size;
  }

  get isRunning(): boolean {
    return this.state === 'running';
  }

  /** Starts the poll loop (idempotent). */
  start(): void {
    if (this.state === 'running') return;
    if (this.state === 'stopping') throw new Error('JobRunner.start() while stop() is under way');
    this.state = 'running';
    this.logger.info({ workerId: this.workerId, types: this.types, concurrency: this.concurrency }, 'job runner started');
    this.schedule(0);
  }

  /** Polls now instead of at the next tick (cuts latency after an enqueue). No-op unless started. */
  wake(): void {
    if (this.state !== 'running') return;
    if (this.ticking) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * Claims one round (as many jobs as there are free slots) and runs it to the end; returns how many
   * ran. For tests and one-shot use; database errors propagate.
   */
  async runOnce(): Promise<number> {
    if (this.state === 'stopping') return 0;
    const { launched } = await this.claimAndLaunch();
    await Promise.all(launched);
    return launched.length;
  }

  /**
   * Stops claiming, waits up to `graceMs` for running handlers, then aborts their signals and waits a
   * moment more for them to record an outcome. A handler that ignores its signal is left behind; its
   * lease expires and another worker retries the job.
   */
  async stop(options: StopOptions = {}): Promise<void> {
    const graceMs = options.graceMs ?? DEFAULT_STOP_GRACE_MS;
    const wasRunning = this.state === 'running';
    this.state = 'stopping';
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking;
    await this.claimChain;
    if (this.active.size > 0 && !(await settlesWithin(this.allDone(), graceMs))) {
      this.logger.warn(
        { workerId: this.workerId, running: this.active.size, graceMs },
        'job runner stop: grace period over, aborting running handlers',
      );
      for (const entry of this.active) entry.controller.abort(new RunnerStoppingError());
      if (!(await settlesWithin(this.allDone(), ABORT_SETTLE_MS))) {
        this.logger.warn(
          { workerId: this.workerId, running: this.active.size, jobIds: [...this.active].map((e) => e.job.id) },
          'job runner stop: handlers ignored the abort; their jobs will be retried when their leases expire',
        );
      }
    }
    this.state = 'stopped';
    if (wasRunning) this.logger.info({ workerId: this.workerId }, 'job runner stopped');
  }

  private allDone(): Promise<unknown> {
    return Promise.all([...this.active].map((entry) => entry.done));
  }

  private schedule(delayMs: number): void {
    if (this.state !== 'running') return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tick();
    }, delayMs);
  }

  private tick(): void {
    if (this.state !== 'running' || this.ticking) return;
    this.wakeRequested = false;
    this.ticking = this.poll();
  }

  /** One turn of the loop; never rejects. */
  private async poll(): Promise<void> {
    let next: number;
    try {
      const { requested, launched } = await this.claimAndLaunch();
      this.pollFailures = 0;
      // A full round: more may be due right now. With every slot busy a finishing handler wakes the loop
      // sooner; the timer is only a safety net then (a claim with no free slot never reaches the database).
      next = requested > 0 && launched.length === requested ? 0 : this.pollIntervalMs;
    } catch (error) {
      this.pollFailures += 1;
      next = nextRetryDelayMs(
        this.pollFailures,
        { baseMs: this.pollIntervalMs, maxMs: Math.max(this.pollIntervalMs, MAX_POLL_BACKOFF_MS), jitter: 'none' },
        this.random,
      );
      this.logger.error(
        { err: error, workerId: this.workerId, consecutiveFailures: this.pollFailures, retryInMs: next },
        'job runner could not claim jobs',
      );
      this.report(error, { phase: 'claim' });
    }
    // Cleared in the same synchronous step as the wake check, so a wake() can never fall in between.
    this.ticking = undefined;
    if (this.wakeRequested) {
      this.wakeRequested = false;
      next = 0;
    }
    this.schedule(next);
  }

  private claimAndLaunch(): Promise<{ requested: number; launched: Promise<void>[] }> {
    const run = this.claimChain.then(async () => {
      const free = this.concurrency - this.active.size;
      if (free <= 0 || this.types.length === 0) return { requested: 0, launched: [] };
      const jobs = await this.queue.claim({ types: this.types, limit: free, workerId: this.workerId, leaseMs: this.leaseMs });
      return { requested: free, launched: jobs.map((job) => this.launch(job)) };
    });
    this.claimChain = run.catch(() => undefined);
    return run;
  }

  private launch(job: ClaimedJob): Promise<void> {
    const entry: ActiveJob = { job, controller: new AbortController(), watchdog: undefined, done: Promise.resolve() };
    this.active.add(entry);
    entry.done = this.execute(entry).finally(() => {
      clearTimeout(entry.watchdog);
      this.active.delete(entry);
      this.wake();
    });
    return entry.done;
  }

  /** Runs one claimed job and records its outcome; never rejects. */
  private async execute(entry: ActiveJob): Promise<void> {
    const { job } = entry;
    try {
      const handler = this.handlers[job.type];
      if (job.attempts > job.maxAttempts || !handler) {
        // Only reachable when the last allowed attempt's lease expired (its worker died or hung) and the
        // job was claimed again: running it once more would exceed the budget.
        const message = handler
          ? `gave up after ${job.maxAttempts} attempts: the lease of the last attempt expired before it finished`
          : `no handler for job type ${job.type}`;
        this.logger.error(this.describe(job), `job failed: ${message}`);
        await this.recordWrite(job, 'fail', this.queue.fail(job, this.workerId, message));
        return;
      }
      this.armWatchdog(entry, this.leaseMs);
      let outcome: JobHandlerResult;
      try {
        outcome = await handler(job, this.contextFor(entry));
      } catch (error) {
        clearTimeout(entry.watchdog);
        await this.settleThrown(entry, error);
        return;
      }
      clearTimeout(entry.watchdog);
      await this.settleOutcome(job, outcome);
    } catch (error) {
      this.logger.error(
        { ...this.describe(job), err: error },
        'could not record the outcome of a job; it will run again when its lease expires',
      );
      this.report(error, { phase: 'settle', job });
    }
  }

  private contextFor(entry: ActiveJob): JobContext {
    return {
      signal: entry.controller.signal,
      extendLease: async (ms?: number) => {
        const leaseMs = ms ?? this.leaseMs;
        const extended = await this.queue.extendLease(entry.job, this.workerId, leaseMs);
        if (!extended) {
          const lost = new LeaseLostError(entry.job.id);
          entry.controller.abort(lost);
          throw lost;
        }
        this.armWatchdog(entry, leaseMs);
      },
    };
  }

  /** Aborts the handler's signal when its lease runs out in real time (another worker may take over). */
  private armWatchdog(entry: ActiveJob, leaseMs: number): void {
    clearTimeout(entry.watchdog);
    entry.watchdog = setTimeout(() => {
      if (!entry.controller.signal.aborted) entry.controller.abort(new LeaseExpiredError(entry.job.id));
    }, leaseMs);
    entry.watchdog.unref?.();
  }

  private async settleOutcome(job: ClaimedJob, outcome: JobHandlerResult): Promise<void> {
    if (!outcome) {
      await this.recordWrite(job, 'complete', this.queue.complete(job, this.workerId));
      this.logger.debug?.(this.describe(job), 'job completed');
      return;
    }
    if ('fail' in outcome) {
      this.logger.warn({ ...this.describe(job), reason: outcome.fail }, 'job failed: the handler gave up');
      await this.recordWrite(job, 'fail', this.queue.fail(job, this.workerId, outcome.fail));
      return;
    }
    const countsAsAttempt = outcome.countsAsAttempt !== false;
    if (countsAsAttempt && job.attempts >= job.maxAttempts) {
      this.logger.warn({ ...this.describe(job), reason: outcome.reason }, `job failed after ${job.attempts} attempts`);
      await this.recordWrite(job, 'fail', this.queue.fail(job, this.workerId, outcome.reason));
      return;
    }
    this.logger.debug?.({ ...this.describe(job), reason: outcome.reason, runAt: outcome.retryAt }, 'job rescheduled by its handler');
    await this.recordWrite(
      job,
      'retry',
      this.queue.retry(job, this.workerId, { error: outcome.reason, runAt: outcome.retryAt, countsAsAttempt }),
    );
  }

  private async settleThrown(entry: ActiveJob, error: unknown): Promise<void> {
    const { job } = entry;
    const message = errorMessage(error);
    this.report(error, { phase: 'handler', job });
    const reason: unknown = entry.controller.signal.aborted ? entry.controller.signal.reason : undefined;
    if (reason instanceof RunnerStoppingError) {
      // Interrupted by shutdown, not by a fault of its own: hand it back at once without using up an attempt.
      this.logger.warn({ ...this.describe(job), err: error }, 'job interrupted by shutdown; returned to the queue');
      await this.recordWrite(
        job,
        'retry',
        this.queue.retry(job, this.workerId, { error: message, runAt: this.clock.now(), countsAsAttempt: false }),
      );
      return;
    }
    if (job.attempts >= job.maxAttempts) {
      this.logger.error({ ...this.describe(job), err: error }, `job failed after ${job.attempts} attempts`);
      await this.recordWrite(job, 'fail', this.queue.fail(job, this.workerId, message));
      return;
    }
    const delayMs = nextRetryDelayMs(job.attempts, this.retryPolicy, this.random);
    this.logger.warn({ ...this.describe(job), err: error, retryInMs: delayMs }, 'job attempt failed; will retry');
    await this.recordWrite(job, 'retry', this.queue.retry(job, this.workerId, { error: message, runAt: this.clock.now() + delayMs }));
  }

  /** Awaits an outcome write; `false` means another claim owns the job now and this result is dropped. */
  private async recordWrite(job: ClaimedJob, action: 'complete' | 'retry' | 'fail', write: Promise<boolean>): Promise<void> {
    if (!(await write)) {
      this.logger.warn({ ...this.describe(job), action }, 'job outcome discarded: the lease was lost to another claim');
    }
  }

  private describe(job: ClaimedJob): Record<string, unknown> {
    return { jobId: job.id, type: job.type, attempt: job.attempts, maxAttempts: job.maxAttempts, workerId: this.workerId };
  }

  private report(error: unknown, context: RunnerErrorContext): void {
    if (!this.onError) return;
    try {
      this.onError(error, context);
    } catch (hookError) {
      this.logger.error({ err: hookError }, 'job runner onError hook threw');
    }
  }
}

/** The message of a thrown value, without its stack (the table keeps messages; logs keep stacks). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** Resolves true if `promise` settles within `ms`, false otherwise; leaves no timer behind. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function requirePositiveInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`JobRunner ${what} must be an integer >= 1, got ${value}`);
}

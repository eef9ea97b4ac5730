/**
 * The durable job queue (SPEC §6, ARCHITECTURE habit 10): jobs live in the `jobs` table, are enqueued in
 * the caller's transaction together with the state change that needs them, and are claimed with a lease.
 *
 * Claiming is one statement on both engines. PostgreSQL: a CTE selecting due rows `FOR UPDATE SKIP
 * LOCKED` feeding an `UPDATE … RETURNING`, so several processes never take the same job. SQLite:
 * `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING`, atomic because SQLite runs one writer at a time.
 *
 * A claim increments `attempts`; that number is the fencing token of the claim. Every later write for
 * the job (complete, retry, fail, extendLease) only applies while the row is still `running`, locked by
 * the same worker and at the same attempt, so a worker whose lease expired and was taken over — even by
 * another loop of the same worker id — cannot overwrite the new owner's result; it gets `false`.
 */

import { type ExpressionBuilder, type Kysely, type Selectable, sql, type Transaction, type UpdateObject } from 'kysely';
import { type InsertTarget, insertRows } from '../../db/bulk-insert.js';
import type { Engine } from '../../db/database.js';
import type { DB, JobsTable } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { type IdGenerator, newId } from '../../shared/ids.js';

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled'];

/** Where a write runs: the caller's transaction (the point of a transactional queue) or the database. */
export type Executor = Kysely<DB> | Transaction<DB>;

export const DEFAULT_JOB_PRIORITY = 100;
export const DEFAULT_MAX_ATTEMPTS = 10;
/** Rows per INSERT: 11 parameters each, far below SQLite's 32,766 and PostgreSQL's 65,535 limits. */
export const ENQUEUE_CHUNK_SIZE = 64;
/** Longest error text kept in `jobs.last_error` (the message only; stacks belong in the logs). */
export const MAX_ERROR_LENGTH = 2000;

export interface NewJob {
  /** handler name, e.g. `payment.expire`, `payout.send`, `webhook.deliver` */
  type: string;
  /** JSON-serialisable; bigints must be converted to strings by the caller (they are rejected) */
  payload: unknown;
  /** epoch ms; default now */
  runAt?: number;
  /** 0 = most urgent; default 100 */
  priority?: number;
  /** default 10; a job whose last allowed attempt fails ends `failed` */
  maxAttempts?: number;
  /** unique across the table for the row's lifetime: enqueueing the same key again is a silent no-op */
  dedupeKey?: string;
}

export interface ClaimedJob {
  id: string;
  type: string;
  payload: unknown;
  /** number of this attempt, 1-based (also the fencing token of the claim) */
  attempts: number;
  maxAttempts: number;
  priority: number;
  runAt: number;
  createdAt: number;
  /** error (or retry reason) recorded by the previous attempt, if any */
  lastError: string | null;
}

/** What complete/retry/fail/extendLease need to know about a claim. */
export type JobClaim = Pick<ClaimedJob, 'id' | 'attempts'>;

export interface ClaimOptions {
  types: readonly string[];
  limit: number;
  workerId: string;
  leaseMs: number;
}

export interface RetryOptions {
  /** why: an error message or a handler's reason; stored in `last_error` */
  error: string;
  /** epoch ms of the next attempt */
  runAt: number;
  /**
   * Whether the attempt that is ending counts against `maxAttempts` (default true). A handler that is
   * merely polling ("not confirmed yet, look again in 30 s") passes false: the attempt is refunded by
   * raising `max_attempts` by one, which keeps `attempts` — the fencing token — strictly increasing.
   */
  countsAsAttempt?: boolean;
}

export interface JobDepth {
  type: string;
  status: string;
  count: number;
}

export interface JobRecord extends ClaimedJob {
  status: JobStatus;
  lockedBy: string | null;
  lockedUntil: number | null;
  dedupeKey: string | null;
  updatedAt: number;
  finishedAt: number | null;
}

export interface JobQueueOptions {
  db: Kysely<DB>;
  engine: Engine;
  clock: Clock;
  ids?: IdGenerator;
}

type JobRow = Selectable<JobsTable>;

export class JobQueue {
  private readonly db: Kysely<DB>;
  private readonly engine: Engine;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;

  constructor(options: JobQueueOptions) {
    this.db = options.db;
    this.engine = options.engine;
    this.clock = options.clock;
    this.ids = options.ids ?? newId;
  }

  /**
   * Inserts jobs through `executor` — pass the transaction that makes the state change, so that the job
   * exists exactly when the change committed. Jobs whose `dedupeKey` already exists (or repeats within
   * `jobs`) are skipped silently. Returns how many rows were inserted.
   */
  async enqueue(executor: InsertTarget, jobs: readonly NewJob[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const now = this.clock.now();
    const rows = jobs.map((job, index) => {
      validateNewJob(job, index);
      return {
        id: this.ids('job'),
        type: job.type,
        payload: serializePayload(job.payload, job.type),
        status: 'queued' satisfies JobStatus,
        priority: job.priority ?? DEFAULT_JOB_PRIORITY,
        run_at: job.runAt ?? now,
        attempts: 0,
        max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        dedupe_key: job.dedupeKey ?? null,
        created_at: now,
        updated_at: now,
      };
    });
    return insertRows(executor, 'jobs', rows, { chunk: ENQUEUE_CHUNK_SIZE, onConflictDoNothing: 'dedupe_key' });
  }

  /**
   * Atomically takes up to `limit` due jobs of the given types — queued with `run_at <= now`, or running
   * with an expired lease (a crashed or stuck worker) — by priority, then run_at; marks them running,
   * locked by `workerId` until now + leaseMs, and increments `attempts`.
   */
  async claim(options: ClaimOptions): Promise<ClaimedJob[]> {
    const { types, workerId, leaseMs } = options;
    const limit = Math.floor(options.limit);
    if (types.length === 0 || !(limit > 0)) return [];
    if (!workerId) throw new TypeError('claim needs a workerId');
    assertPositiveInteger(leaseMs, 'leaseMs');
    const now = this.clock.now();
    const changes = {
      status: 'running' satisfies JobStatus,
      locked_by: workerId,
      locked_until: now + leaseMs,
      updated_at: now,
    };
    const rows: JobRow[] =
      this.engine === 'postgres'
        ? await this.db
            .with('due', (qb) =>
              qb
                .selectFrom('jobs')
                .select('id')
                .where(dueFilter(types, now))
                .orderBy('priority')
                .orderBy('run_at')
                .orderBy('id')
                .limit(limit)
                .forUpdate()
                .skipLocked(),
            )
            .updateTable('jobs')
            .from('due')
            .set((eb) => ({ ...changes, attempts: eb('jobs.attempts', '+', 1n) }))
            .whereRef('jobs.id', '=', 'due.id')
            .returningAll('jobs')
            .execute()
        : await this.db
            .updateTable('jobs')
            .set((eb) => ({ ...changes, attempts: eb('attempts', '+', 1n) }))
            .where('id', 'in', (eb) =>
              eb
                .selectFrom('jobs')
                .select('id')
                .where(dueFilter(types, now))
                .orderBy('priority')
                .orderBy('run_at')
                .orderBy('id')
                .limit(limit),
            )
            .returningAll()
            .execute();
    return rows.map(toClaimedJob).sort(byClaimOrder);
  }

  /** Marks a claimed job done. False when the claim is no longer this worker's. */
  async complete(job: JobClaim, workerId: string): Promise<boolean> {
    const now = this.clock.now();
    return this.updateOwned(job, workerId, {
      status: 'completed',
      locked_by: null,
      locked_until: null,
      updated_at: now,
      finished_at: now,
    });
  }

  /** Returns a claimed job to the queue for another attempt at `runAt`. False when the claim was lost. */
  async retry(job: JobClaim, workerId: string, options: RetryOptions): Promise<boolean> {
    assertSafeInteger(options.runAt, 'runAt');
    const now = this.clock.now();
    const refund = options.countsAsAttempt === false;
    return this.updateOwned(job, workerId, {
      status: 'queued',
      run_at: options.runAt,
      last_error: truncateError(options.error),
      locked_by: null,
      locked_until: null,
      updated_at: now,
      ...(refund ? { max_attempts: sql<bigint>`max_attempts + 1` } : {}),
    });
  }

  /** Ends a claimed job as `failed` for good. False when the claim was lost. */
  async fail(job: JobClaim, workerId: string, error: string): Promise<boolean> {
    const now = this.clock.now();
    return this.updateOwned(job, workerId, {
      status: 'failed',
      last_error: truncateError(error),
      locked_by: null,
      locked_until: null,
      updated_at: now,
      finished_at: now,
    });
  }

  /** Pushes the lease of a claimed job to now + leaseMs. False when the claim was lost. */
  async extendLease(job: JobClaim, workerId: string, leaseMs: number): Promise<boolean> {
    assertPositiveInteger(leaseMs, 'leaseMs');
    const now = this.clock.now();
    return this.updateOwned(job, workerId, { locked_until: now + leaseMs, updated_at: now });
  }

  /**
   * Cancels the queued job with this dedupe key (in the caller's transaction, e.g. the payment that no
   * longer needs its expiry job). A job already running, finished or absent is left alone: false.
   * The key stays taken, so the same key cannot be enqueued again.
   */
  async cancelByDedupeKey(executor: Executor, dedupeKey: string): Promise<boolean> {
    const now = this.clock.now();
    const result = await executor
      .updateTable('jobs')
      .set({ status: 'cancelled', updated_at: now, finished_at: now })
      .where('dedupe_key', '=', dedupeKey)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Marks queued jobs done without running them: their work was done by another job in the caller's
   * transaction (a payout job that queued the sends of other pending payouts). Returns how many.
   */
  async completeQueuedByDedupeKeys(executor: Executor, dedupeKeys: readonly string[]): Promise<number> {
    const now = this.clock.now();
    let done = 0;
    for (let i = 0; i < dedupeKeys.length; i += 500) {
      const result = await executor
        .updateTable('jobs')
        .set({ status: 'completed', updated_at: now, finished_at: now })
        .where('dedupe_key', 'in', dedupeKeys.slice(i, i + 500))
        .where('status', '=', 'queued')
        .executeTakeFirst();
      done += Number(result.numUpdatedRows);
    }
    return done;
  }

  /**
   * Jobs waiting or being worked on, per type and status, for metrics and /status. Finished jobs
   * (completed, failed, cancelled) are history, not queue depth; leaving them out also keeps the count
   * on the two partial indexes of open jobs instead of the whole table.
   */
  async depth(): Promise<JobDepth[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select((eb) => ['type', 'status', eb.fn.countAll().as('count')])
      .where('status', 'in', ['queued', 'running'])
      .groupBy(['type', 'status'])
      .orderBy('type')
      .orderBy('status')
      .execute();
    return rows.map((row) => ({ type: row.type, status: row.status, count: Number(row.count) }));
  }

  /** How long the longest-waiting due job has been waiting (now − run_at); 0 when none is due. */
  async oldestQueuedAgeMs(): Promise<number> {
    const now = this.clock.now();
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('run_at').as('oldest'))
      .where('status', '=', 'queued')
      .where('run_at', '<=', BigInt(now))
      .executeTakeFirst();
    const oldest = row?.oldest;
    return oldest === null || oldest === undefined ? 0 : Math.max(0, now - Number(oldest));
  }

  /** One job as stored (for operators, tests and the CLI); undefined when absent. */
  async get(id: string): Promise<JobRecord | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toJobRecord(row) : undefined;
  }

  /**
   * Deletes finished jobs (completed, failed, cancelled) that finished before `before`, at most `limit`
   * per call, freeing their dedupe keys. Returns how many were deleted.
   */
  async deleteFinished(before: number, limit = 1000): Promise<number> {
    const result = await this.db
      .deleteFrom('jobs')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('status', 'in', ['completed', 'failed', 'cancelled'])
          .where('finished_at', '<', BigInt(before))
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async updateOwned(job: JobClaim, workerId: string, changes: UpdateObject<DB, 'jobs'>): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set(changes)
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .where('attempts', '=', BigInt(job.attempts))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

/** Due: queued and run_at reached, or running with a lease that has run out (its worker died or hung). */
function dueFilter(types: readonly string[], now: number) {
  const at = BigInt(now);
  return (eb: ExpressionBuilder<DB, 'jobs'>) =>
    eb.and([
      eb('type', 'in', [...types]),
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', at)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', at)]),
      ]),
    ]);
}

function toClaimedJob(row: JobRow): ClaimedJob {
  return {
    id: row.id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    priority: Number(row.priority),
    runAt: Number(row.run_at),
    createdAt: Number(row.created_at),
    lastError: row.last_error,
  };
}

function toJobRecord(row: JobRow): JobRecord {
  return {
    ...toClaimedJob(row),
    status: row.status as JobStatus,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    dedupeKey: row.dedupe_key,
    updatedAt: Number(row.updated_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}

function byClaimOrder(a: ClaimedJob, b: ClaimedJob): number {
  return a.priority - b.priority || a.runAt - b.runAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function validateNewJob(job: NewJob, index: number): void {
  const where = `job ${index} (${String(job.type)})`;
  if (typeof job.type !== 'string' || job.type.length === 0) throw new TypeError(`${where}: type must be a non-empty string`);
  if (job.runAt !== undefined) assertSafeInteger(job.runAt, `${where}: runAt`);
  if (job.priority !== undefined) assertNonNegativeInteger(job.priority, `${where}: priority`);
  if (job.maxAttempts !== undefined) assertPositiveInteger(job.maxAttempts, `${where}: maxAttempts`);
  if (job.dedupeKey !== undefined && (typeof job.dedupeKey !== 'string' || job.dedupeKey.length === 0)) {
    throw new TypeError(`${where}: dedupeKey must be a non-empty string when given`);
  }
}

/** JSON text of a payload; bigints are refused with the path where they sit (JSON has no bigint). */
export function serializePayload(payload: unknown, type: string): string {
  const text = JSON.stringify(payload ?? null, function (this: unknown, key: string, value: unknown) {
    if (typeof value === 'bigint') {
      throw new TypeError(`job ${type}: payload has a bigint at "${key}"; convert bigints to strings before enqueueing`);
    }
    return value;
  });
  // JSON.stringify returns undefined for a bare function or symbol
  return text ?? 'null';
}

function truncateError(error: string): string {
  const text = String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer, got ${value}`);
}

function assertNonNegativeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be an integer >= 0, got ${value}`);
}

function assertPositiveInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${what} must be an integer >= 1, got ${value}`);
}

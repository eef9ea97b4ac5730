/**
 * Group commit for payment creation. Requests that arrive while a transaction is being written wait
 * and are then written together in one transaction: each still gets its own limit check, rows, outbox
 * events, jobs, idempotency record and audit record, and its own answer, but the group shares one commit (one fsync
 * on SQLite, one round of row locks on PostgreSQL). A unit that a limit refuses stores nothing. If the
 * group's transaction fails, every unit is retried alone so that one bad unit cannot sink the others.
 * docs/adr/0007 explains the choice.
 */
import { type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import { type InsertTarget, insertRows, WriteBatch } from '../../db/bulk-insert.js';
import type { DB } from '../../db/schema.js';
import { CommitOutcomeUnknown, TransactionChain } from '../../db/transaction-chain.js';
import type { IdempotencyClaim } from '../../http/ports.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { IdGenerator } from '../../shared/ids.js';
import { type AuditTrail, isAuditSeqConflict } from '../audit/audit-trail.js';
import type { BatchesRepository } from '../batches/batches.repository.js';
import { inFlight, isIdempotencyKeyConflict } from '../idempotency/claimed-answer.js';
import type { MerchantUsage } from '../limits/limit-rules.js';
import type { UsageRepository } from '../limits/usage.repository.js';
import type { DepositAddressPool } from '../wallets/deposit-pool.js';
import {
  activityBefore,
  addressActivityOf,
  auditRecordsNeeded,
  batchesPerMerchant,
  type CreationRequest,
  demandOf,
  depositsNeeded,
  type PlannedEvent,
  type PlannedJob,
  planCreation,
  uniqueAmountKeys,
} from './creation-plan.js';
import type { Rendered } from './payment-responses.js';
import type { PaymentsRepository } from './payments.repository.js';

/** The transactional outbox, as this module needs it. */
export interface OutboxWriter {
  append(executor: InsertTarget, events: PlannedEvent[]): Promise<unknown>;
}

/** The durable job queue, as this module needs it. */
export interface JobWriter {
  enqueue(executor: InsertTarget, jobs: PlannedJob[]): Promise<unknown>;
}

export { EXPIRE_JOB, PAYOUT_JOB } from './creation-plan.js';

/** Drafts written per group transaction at most; a 1000-item batch goes alone. */
const MAX_GROUP_DRAFTS = 1000;

/** A create request as submitted: the plan's request, and what the commit stores with it. */
export interface CreateUnit extends CreationRequest {
  /** store the answer for this Idempotency-Key in the same transaction */
  idempotency?: IdempotencyClaim;
}

/**
 * What a committed unit answers: only its rendered response, exactly as stored for an Idempotency-Key.
 * The payments themselves stay in the pipeline's thread; copying a 1000-item batch back would cost
 * the HTTP thread a structured clone of every row for nothing.
 */
export interface CreatedUnit {
  rendered: Rendered;
}

export type UnitOutcome = { ok: true; value: CreatedUnit } | { ok: false; error: AppError };

interface Pending {
  unit: CreateUnit;
  resolve(outcome: UnitOutcome): void;
}

export interface CreatePipelineDeps {
  db: Kysely<DB>;
  config: GatewayConfig;
  clock: Clock;
  ids: IdGenerator;
  payments: PaymentsRepository;
  batches: BatchesRepository;
  usage: UsageRepository;
  depositPool: Pick<DepositAddressPool, 'takeInto'>;
  outbox: OutboxWriter;
  jobs: JobWriter;
  /** one audit record per create request (one per batch, not per item), appended last in the group's transaction */
  audit: Pick<AuditTrail, 'reserveInto' | 'appendInto' | 'peekInto' | 'appendIfUnmovedInto'>;
  idempotencyTtlMs: number;
  /**
   * groups written at once (default 1). On PostgreSQL a second group can insert its rows while the first
   * commits; counters are locked in one order (addresses sorted, then rate, then volume), so they cannot deadlock.
   */
  concurrency?: number;
  /** how long the first request of a group waits for others (default 1 ms; 0 writes at once) */
  lingerMs?: number;
  /** called after a group commits (lets the job runner wake up) */
  onCommitted?(units: number, jobsDueNow: number): void;
  /** infrastructure failures (database down, bugs): logged by the caller, answered as internal errors */
  onError?(error: unknown): void;
}

/** Where create units go: the pipeline itself, or a client of the pipeline's worker thread. */
export interface CreateSubmitter {
  submit(unit: CreateUnit): Promise<UnitOutcome>;
}

/** Runs work in a transaction and commits it. */
type RunInTransaction = <T>(work: (trx: Transaction<DB>) => Promise<T>) => Promise<T>;

/** Another appender moved the audit head between the group's read of it and its write. */
class AuditHeadMoved extends Error {
  constructor() {
    super('the audit head moved while the group was written');
  }
}

/**
 * How a transaction chains its audit records: `peek` reads the head with the claims and writes the
 * records with the rows, moving the head only if it has not moved (one round trip fewer); `lock` takes
 * the head's row lock with the rows and writes the records after.
 */
type AuditMode = 'peek' | 'lock';

/** What a transaction of units wrote: each unit's outcome, and a payment id to look for if its commit is in doubt. */
interface Written {
  outcomes: UnitOutcome[];
  jobsDueNow: number;
  /** the first payment written; null when nothing was */
  probePaymentId: string | null;
}

/** A commit's outcome is unknown and its payments were not found: its units must not be written again. */
class CommitUnresolved extends Error {
  constructor(cause: unknown) {
    super('a create transaction may or may not have committed; its units are answered with an error, not written again', { cause });
  }
}

/** A limit refuses a unit written on its own: its transaction is rolled back and the refusal is its answer. */
class UnitRefused extends Error {
  constructor(readonly refusal: AppError) {
    super(refusal.message);
  }
}

/** A group would cross a merchant limit: roll it back and write its units one by one. */
class GroupOverLimit extends Error {
  constructor() {
    super('a limit would be crossed by this group');
  }
}

export class CreatePipeline implements CreateSubmitter {
  private queue: Pending[] = [];
  /** writer loops running (PostgreSQL may overlap several groups; SQLite has one writer) */
  private writers = 0;
  private starting = false;
  private lastSubmit = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: CreatePipelineDeps) {}

  submit(unit: CreateUnit): Promise<UnitOutcome> {
    this.lastSubmit = performance.now();
    return new Promise((resolve) => {
      this.queue.push({ unit, resolve });
      this.kick();
    });
  }

  /**
   * Starts a writer after `lingerMs` if fewer than `concurrency` are running, so that requests arriving
   * together share a commit (one fsync and one round of counter updates for the group).
   */
  private kick(): void {
    if (this.starting || this.writers >= (this.deps.concurrency ?? 1) || this.queue.length === 0) return;
    this.starting = true;
    const start = () => {
      this.starting = false;
      if (this.queue.length === 0 || this.writers >= (this.deps.concurrency ?? 1)) return;
      this.writers++;
      void this.writeLoop().finally(() => {
        this.writers--;
        this.kick();
      });
    };
    const linger = this.deps.lingerMs ?? 1;
    if (linger > 0) setTimeout(start, linger);
    else setImmediate(start);
  }

  /** Nothing queued and nothing being written: background work may use the thread. */
  idle(): boolean {
    return this.writers === 0 && !this.starting && this.queue.length === 0;
  }

  /** Idle, and no payment submitted for `ms`: background work will not delay a burst in progress. */
  quietFor(ms: number): boolean {
    return this.idle() && performance.now() - this.lastSubmit >= ms;
  }

  /** Resolves once everything submitted so far has been written (used before shutting down). */
  async drain(): Promise<void> {
    while (!this.idle()) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private async writeLoop(): Promise<void> {
    const { db } = this.deps;
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
      await this.writeQueued((work) => db.transaction().execute(work));
      return;
    }
    // PostgreSQL: one held connection while the queue lasts, each COMMIT sent with the next BEGIN.
    // A connection that failed is given back (the pool drops it) and the next group starts on another.
    try {
      await db.connection().execute(async (connection) => {
        const chain = new TransactionChain(connection);
        try {
          await this.writeQueued(
            (work) => chain.run(work, () => this.queue.length > 0),
            () => chain.broken,
          );
        } finally {
          if (!chain.broken) await chain.close();
        }
      });
    } catch {
      // No connection to hold (the database is unreachable): each group then fails on its own and
      // answers its units, rather than leaving them waiting.
      await this.writeQueued((work) => db.transaction().execute(work));
    }
  }

  private async writeQueued(transaction: RunInTransaction, stop: () => boolean = () => false): Promise<void> {
    while (this.queue.length > 0 && !stop()) {
      const group: Pending[] = [];
      let drafts = 0;
      while (this.queue.length > 0) {
        const next = this.queue[0] as Pending;
        if (group.length > 0 && drafts + next.unit.drafts.length > MAX_GROUP_DRAFTS) break;
        group.push(next);
        drafts += next.unit.drafts.length;
        this.queue.shift();
      }
      // Let another writer start on what arrives meanwhile.
      this.kick();
      await this.writeGroup(group, transaction);
    }
  }

  /**
   * Writes a group in one transaction whose limit check is a conditional increment of the counters at
   * the end (rows locked only from there to the commit). If a limit would be crossed, or anything else
   * fails, the group is rolled back and each unit is written on its own with an exact, locked check.
   */
  private async writeGroup(group: Pending[], transaction: RunInTransaction): Promise<void> {
    const units = group.map((p) => p.unit);
    const attempt = (audit: AuditMode) => this.settled(() => transaction((trx) => this.writeUnits(trx, units, 'group', audit)));
    try {
      // Another audit appender in between is rare: then the group is written again with the head locked.
      const { outcomes, jobsDueNow } = await retryTransientConflicts(() =>
        attempt('peek').catch((error: unknown) => {
          if (error instanceof AuditHeadMoved || isAuditSeqConflict(error)) return attempt('lock');
          throw error;
        }),
      );
      group.forEach((p, i) => {
        p.resolve(outcomes[i] as UnitOutcome);
      });
      this.deps.onCommitted?.(group.length, jobsDueNow);
      return;
    } catch (groupError) {
      if (groupError instanceof CommitUnresolved || (group.length === 1 && !(groupError instanceof GroupOverLimit))) {
        for (const pending of group) pending.resolve({ ok: false, error: this.asAppError(groupError, pending.unit) });
        return;
      }
    }
    for (const pending of group) {
      const write = () => this.settled(() => transaction((trx) => this.writeUnits(trx, [pending.unit], 'exact', 'lock')));
      try {
        const { outcomes, jobsDueNow } = await retryTransientConflicts(write);
        const [outcome] = outcomes;
        pending.resolve(outcome as UnitOutcome);
        if (outcome?.ok) this.deps.onCommitted?.(1, jobsDueNow);
      } catch (error) {
        pending.resolve({ ok: false, error: error instanceof UnitRefused ? error.refusal : this.asAppError(error, pending.unit) });
      }
    }
  }

  /**
   * Runs a write whose COMMIT may end with its outcome unknown (the connection failed during it). Then
   * the database is asked for the first payment it wrote: there, the write committed and its outcomes
   * stand. Absent (or the database cannot be asked), the units are answered with an error and never
   * written again: PostgreSQL may still finish a COMMIT its client gave up on, and a second write would
   * create the payments twice, a payout's included. A client that retries with its Idempotency-Key gets
   * the original answer if the first write did commit.
   */
  private async settled(write: () => Promise<Written>): Promise<Written> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof CommitOutcomeUnknown)) throw error;
      const written = error.result as Written;
      if (written.probePaymentId === null) return written;
      const found = await this.deps.db
        .selectFrom('payments')
        .select('id')
        .where('id', '=', written.probePaymentId)
        .executeTakeFirst()
        .catch((probeError: unknown) => {
          throw new CommitUnresolved(probeError);
        });
      if (found) return written;
      throw new CommitUnresolved(error);
    }
  }

  /**
   * Writes units inside one transaction: makes the claims (address activity, deposit addresses, the
   * audit head), has planCreation decide everything else, and writes what the plan says. `exact` (one
   * unit): the merchant's usage is read and locked for the plan, which refuses precisely (UnitRefused,
   * so that nothing is written). `group`: the plan's consumption is added with conditional increments,
   * and GroupOverLimit is thrown if any limit would be crossed.
   */
  private async writeUnits(trx: Transaction<DB>, units: CreateUnit[], mode: 'group' | 'exact', auditMode: AuditMode): Promise<Written> {
    const { config, clock, ids } = this.deps;
    const now = clock.now();

    // Group: batches in flight are read before the counters are touched; the plan judges them.
    let batchesInFlight: Map<string, number> | undefined;
    if (mode === 'group') {
      batchesInFlight = new Map();
      for (const merchantId of batchesPerMerchant(units).keys()) {
        batchesInFlight.set(merchantId, await this.deps.batches.countInFlight(trx, merchantId));
      }
    }
    const activity = addressActivityOf(units);
    // Round trips are what a group waits on with PostgreSQL: everything known in advance goes in two
    // batches (claims and the audit head; rows, counters and audit records), each one statement there.
    // With the head locked instead, the audit records need a third.
    const claims = new WriteBatch();
    const activityCountsOf = this.deps.usage.countAddressActivityInto(claims, activity, now);
    const depositsOf = this.deps.depositPool.takeInto(claims, depositsNeeded(units));
    const auditCount = auditRecordsNeeded(units);
    const peekedHead = auditMode === 'peek' && auditCount > 0 ? this.deps.audit.peekInto(claims, auditCount) : null;
    await claims.write(trx);
    const activityCounts = activityCountsOf();
    const deposits = await depositsOf(trx);
    // read after the address counters: a concurrent create to the same payee has committed its claims by then
    const uniqueKeys = uniqueAmountKeys(units);
    const claimedAmounts = uniqueKeys.length > 0 ? await this.deps.payments.claimedAmounts(trx, uniqueKeys) : undefined;
    // The merchant's counters are locked after the address counters, in the order the group path
    // takes them, so that an exact write and another process's group cannot deadlock.
    let usage: Map<string, MerchantUsage> | undefined;
    if (mode === 'exact') {
      const unit = units[0] as CreateUnit;
      const loaded = await this.deps.usage.load(trx, unit.merchantId, [...demandOf(unit).totals.keys()], now);
      if (unit.batch) loaded.batchesInFlight = await this.deps.batches.countInFlight(trx, unit.merchantId);
      usage = new Map([[unit.merchantId, loaded]]);
    }
    const plan = planCreation({
      requests: units,
      config,
      now,
      ids,
      deposits,
      addressActivityBefore: activityBefore(activityCounts, activity),
      ...(usage ? { usage } : {}),
      ...(batchesInFlight ? { batchesInFlight } : {}),
      ...(claimedAmounts ? { claimedAmounts } : {}),
    });
    // thrown, so that the claims above are rolled back
    if (!plan.ok) throw plan.refusal ? new UnitRefused(plan.refusal) : new GroupOverLimit();

    const outcomes: UnitOutcome[] = [];
    const idempotencyRows: Array<{ claim: IdempotencyClaim; statusCode: number; body: string }> = [];
    for (let u = 0; u < units.length; u++) {
      const rendered = plan.rendered[u] as Rendered;
      const claim = (units[u] as CreateUnit).idempotency;
      if (claim) idempotencyRows.push({ claim, ...rendered });
      outcomes.push({ ok: true, value: { rendered } });
    }

    const writes = new WriteBatch();
    await this.deps.batches.insert(writes, plan.batches);
    await this.deps.payments.insert(writes, plan.payments);
    await this.deps.payments.appendHistory(writes, plan.history);
    if (plan.uniqueAmountClaims.length > 0) await this.deps.payments.claimUniqueAmounts(writes, plan.uniqueAmountClaims, now);
    await this.deps.outbox.append(writes, plan.events);
    if (plan.jobs.length > 0) await this.deps.jobs.enqueue(writes, plan.jobs);
    await insertRows(
      writes,
      'idempotency_keys',
      idempotencyRows.map((r) => ({
        merchant_id: r.claim.merchantId,
        key: r.claim.key,
        request_hash: r.claim.requestHash,
        method: r.claim.method,
        path: r.claim.path,
        status_code: r.statusCode,
        response_body: r.body,
        created_at: now,
        expires_at: now + this.deps.idempotencyTtlMs,
      })),
    );
    // Group: the plan's consumption is added with conditional increments, the guard against another
    // process admitting the same headroom; an exact write holds the counters' locks and writes them back.
    const withinLimits =
      mode === 'group'
        ? plan.consumption.map((c) => this.deps.usage.consumeInto(writes, c.merchantId, c, config.limits, config.assets, now))
        : [];
    const headUnmoved = peekedHead ? this.deps.audit.appendIfUnmovedInto(writes, peekedHead(), plan.audit) : null;
    // Last: the audit head's row lock is held only from here to the commit, and always after the counters.
    const auditHead = auditMode === 'lock' && plan.audit.length > 0 ? this.deps.audit.reserveInto(writes, plan.audit.length) : null;
    await writes.write(trx);
    if (!withinLimits.every((holds) => holds())) throw new GroupOverLimit();
    if (headUnmoved && !headUnmoved()) throw new AuditHeadMoved();
    for (const [merchantId, after] of plan.usageAfter) await this.deps.usage.save(trx, merchantId, after, now);
    if (auditHead) {
      const records = new WriteBatch();
      this.deps.audit.appendInto(records, auditHead(), plan.audit);
      await records.write(trx);
    }
    return { outcomes, jobsDueNow: plan.jobsDueNow, probePaymentId: plan.payments[0]?.id ?? null };
  }

  /**
   * Expected refusals pass through. A duplicate Idempotency-Key row means another process answered the
   * same key a moment ago: the client retries and gets that answer. Anything else is a fault.
   */
  private asAppError(error: unknown, unit: CreateUnit): AppError {
    if (error instanceof AppError) return error;
    if (unit.idempotency && isIdempotencyKeyConflict(error)) return inFlight();
    this.deps.onError?.(error);
    return new AppError('internal', 'internal error');
  }
}

/** Attempts of a write (a group, or a unit on its own) that PostgreSQL aborts to break a deadlock or a serialization conflict. */
const TRANSIENT_ATTEMPTS = 3;

/**
 * Runs a write again when PostgreSQL rolled it back to break a deadlock (40P01) or a serialization
 * conflict (40001), or when another process claimed one of its unique amounts first: it wrote nothing,
 * so another attempt is safe (and reads the other claim, so picks another amount).
 */
async function retryTransientConflicts<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= TRANSIENT_ATTEMPTS || (code !== '40P01' && code !== '40001' && !isUniqueAmountConflict(error))) throw error;
    }
  }
}

function isUniqueAmountConflict(error: unknown): boolean {
  return isUniqueViolationOf(error, 'unique_amount_claims');
}

function isUniqueViolationOf(error: unknown, table: string): boolean {
  const e = error as { code?: string; message?: string; table?: string; constraint?: string };
  const unique = e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
  return unique && [e.table, e.constraint, e.message].some((text) => typeof text === 'string' && text.includes(table));
}

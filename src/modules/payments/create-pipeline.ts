/**
 * Group commit for payment creation. Requests that arrive while a transaction is being written wait
 * and are then written together in one transaction: each still gets its own limit check, rows, outbox
 * events, jobs and idempotency record, and its own answer, but the group shares one commit (one fsync
 * on SQLite, one round of row locks on PostgreSQL). A unit that a limit refuses stores nothing. If the
 * group's transaction fails, every unit is retried alone so that one bad unit cannot sink the others.
 * docs/adr/0007 explains the choice.
 */
import type { Kysely, Transaction } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import type { IdempotencyClaim } from '../../http/ports.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { IdGenerator } from '../../shared/ids.js';
import { type Asset, formatAmount } from '../../shared/money.js';
import type { Batch } from '../batches/batch.js';
import type { BatchesRepository } from '../batches/batches.repository.js';
import { admitUnit, type MerchantUsage } from '../limits/limit-rules.js';
import type { UsageRepository } from '../limits/usage.repository.js';
import type { WalletAddresses } from '../wallets/wallet-addresses.js';
import { isCollection, type Payment } from './payment.js';
import type { PaymentDraft } from './payment-draft.js';
import type { Executor, NewHistoryEntry, PaymentsRepository } from './payments.repository.js';
import { toPaymentView } from './payment.view.js';

/** The transactional outbox, as this module needs it. */
export interface OutboxWriter {
  append(
    executor: Executor,
    events: Array<{ merchantId: string; type: string; aggregateType: 'payment' | 'batch'; aggregateId: string; object: unknown }>,
  ): Promise<unknown>;
}

/** The durable job queue, as this module needs it. */
export interface JobWriter {
  enqueue(
    executor: Executor,
    jobs: Array<{ type: string; payload: unknown; runAt?: number; priority?: number; maxAttempts?: number; dedupeKey?: string }>,
  ): Promise<unknown>;
}

export const PAYOUT_JOB = 'payout.send';
export const EXPIRE_JOB = 'payment.expire';
export const DEPOSIT_COUNTER = 'deposit';

const PRIORITY_ORDER = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
/** Drafts written per group transaction at most; a 1000-item batch goes alone. */
const MAX_GROUP_DRAFTS = 1000;

export interface CreateUnit {
  merchantId: string;
  actor: string;
  drafts: PaymentDraft[];
  batch?: { reference: string | null; atomic: boolean; itemCount: number; rejectedCount: number };
  idempotency?: { claim: IdempotencyClaim; render(result: CreatedUnit): { statusCode: number; body: string } };
}

export interface CreatedUnit {
  payments: Payment[];
  batch: Batch | null;
  /** the response stored for the Idempotency-Key, when the unit had one */
  rendered: { statusCode: number; body: string } | null;
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
  wallets: WalletAddresses;
  outbox: OutboxWriter;
  jobs: JobWriter;
  idempotencyTtlMs: number;
  /** called after a group commits (lets the job runner wake up) */
  onCommitted?(units: number): void;
  /** infrastructure failures (database down, bugs): logged by the caller, answered as internal errors */
  onError?(error: unknown): void;
}

export class CreatePipeline {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly deps: CreatePipelineDeps) {}

  submit(unit: CreateUnit): Promise<UnitOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ unit, resolve });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const group: Pending[] = [];
        let drafts = 0;
        while (this.queue.length > 0) {
          const next = this.queue[0] as Pending;
          if (group.length > 0 && drafts + next.unit.drafts.length > MAX_GROUP_DRAFTS) break;
          group.push(next);
          drafts += next.unit.drafts.length;
          this.queue.shift();
        }
        await this.writeGroup(group);
      }
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    }
  }

  private async writeGroup(group: Pending[]): Promise<void> {
    try {
      const outcomes = await this.deps.db.transaction().execute((trx) => this.writeUnits(trx, group.map((p) => p.unit)));
      group.forEach((p, i) => p.resolve(outcomes[i] as UnitOutcome));
      this.deps.onCommitted?.(group.length);
    } catch (groupError) {
      if (group.length === 1) {
        (group[0] as Pending).resolve({ ok: false, error: this.asAppError(groupError) });
        return;
      }
      for (const pending of group) {
        try {
          const [outcome] = await this.deps.db.transaction().execute((trx) => this.writeUnits(trx, [pending.unit]));
          pending.resolve(outcome as UnitOutcome);
          this.deps.onCommitted?.(1);
        } catch (error) {
          pending.resolve({ ok: false, error: this.asAppError(error) });
        }
      }
    }
  }

  /** Admits and writes units inside one transaction; refused units write nothing. */
  private async writeUnits(trx: Transaction<DB>, units: CreateUnit[]): Promise<UnitOutcome[]> {
    const { config, clock, ids } = this.deps;
    const now = clock.now();

    const usageByMerchant = new Map<string, MerchantUsage>();
    for (const merchantId of new Set(units.map((u) => u.merchantId))) {
      const mine = units.filter((u) => u.merchantId === merchantId);
      const assets = [...new Set(mine.flatMap((u) => u.drafts.map((d) => d.currency)))];
      const withBatches = mine.some((u) => u.batch !== undefined);
      usageByMerchant.set(merchantId, await this.deps.usage.load(trx, merchantId, assets, now, withBatches));
    }

    const outcomes: UnitOutcome[] = [];
    const admitted: CreateUnit[] = [];
    for (const unit of units) {
      const totals = new Map<Asset, bigint>();
      for (const d of unit.drafts) totals.set(d.currency, (totals.get(d.currency) ?? 0n) + d.quote.amount);
      const refusal = admitUnit(
        usageByMerchant.get(unit.merchantId) as MerchantUsage,
        { count: unit.drafts.length, totals, isBatch: unit.batch !== undefined },
        config.limits,
        config.raw.batch_processing.max_concurrent_batches,
        now,
      );
      outcomes.push(refusal ? { ok: false, error: refusal } : { ok: true, value: { payments: [], batch: null, rendered: null } });
      if (!refusal) admitted.push(unit);
    }
    if (admitted.length === 0) return outcomes;

    const depositCount = admitted.reduce((n, u) => n + u.drafts.filter((d) => d.needsDepositAddress).length, 0);
    let nextDeposit = depositCount > 0 ? await this.deps.usage.allocateIndices(trx, DEPOSIT_COUNTER, depositCount) : 0;

    const activity = new Map<string, number>();
    for (const unit of admitted) {
      for (const d of unit.drafts) {
        for (const address of new Set([d.payerAddress, d.payeeAddress])) if (address) activity.set(address, (activity.get(address) ?? 0) + 1);
      }
    }
    const activityCounts = await this.deps.usage.countAddressActivity(trx, activity, now);
    const activityLimit = config.limits.addressActivityPerMinute;

    const payments: Payment[] = [];
    const batches: Batch[] = [];
    const events: Parameters<OutboxWriter['append']>[1] = [];
    const jobs: Parameters<JobWriter['enqueue']>[1] = [];
    const idempotencyRows: Array<{ claim: IdempotencyClaim; statusCode: number; body: string }> = [];
    const history: NewHistoryEntry[] = [];

    let admittedIndex = 0;
    for (let u = 0; u < units.length; u++) {
      if (!(outcomes[u] as UnitOutcome).ok) continue;
      const unit = admitted[admittedIndex++] as CreateUnit;
      let batch: Batch | null = null;
      if (unit.batch) {
        const totals: Partial<Record<Asset, bigint>> = {};
        for (const d of unit.drafts) totals[d.currency] = (totals[d.currency] ?? 0n) + d.quote.amount;
        batch = {
          id: ids('batch'),
          merchantId: unit.merchantId,
          reference: unit.batch.reference,
          atomic: unit.batch.atomic,
          status: 'pending',
          itemCount: unit.batch.itemCount,
          createdCount: unit.drafts.length,
          rejectedCount: unit.batch.rejectedCount,
          totals,
          createdAt: now,
          updatedAt: now,
          completedAt: null,
        };
        batches.push(batch);
      }
      const created: Payment[] = unit.drafts.map((d, i) => {
        let depositIndex: number | null = null;
        if (d.needsDepositAddress) depositIndex = nextDeposit++;
        const flags = [...d.flags];
        for (const address of new Set([d.payerAddress, d.payeeAddress])) {
          const count = address ? (activityCounts.get(address) ?? 0) : 0;
          if (address && count > activityLimit) {
            flags.push({ code: 'high_address_activity', detail: `${address} is involved in ${count} payments this minute (limit ${activityLimit})` });
          }
        }
        return {
          id: ids('pay'),
          merchantId: unit.merchantId,
          batchId: batch?.id ?? null,
          batchIndex: batch ? i : null,
          status: 'pending',
          method: d.method,
          priority: d.priority,
          currency: d.currency,
          amount: d.quote.amount,
          fee: d.quote.fee,
          netAmount: d.quote.netAmount,
          feeRatePpb: d.quote.ratePpb,
          discountPpb: d.quote.discountPpb,
          networkFeeEstimate: d.networkFeeEstimate,
          payerAddress: d.payerAddress,
          payeeAddress: d.payeeAddress,
          depositAddress: depositIndex === null ? null : this.deps.wallets.depositAddress(depositIndex),
          depositIndex,
          referenceId: d.referenceId,
          description: d.description,
          metadata: d.metadata,
          expiresAt: d.expiresInMs === null ? null : now + d.expiresInMs,
          amountReceived: 0n,
          exception: null,
          confirmations: 0,
          finalized: false,
          transactionId: null,
          networkFee: null,
          flags,
          approvalStatus: d.approvalRequired ? 'required' : null,
          approvedAt: null,
          approvedBy: null,
          failureReason: null,
          cancelReason: null,
          createdAt: now,
          updatedAt: now,
          processingAt: null,
          confirmedAt: null,
          completedAt: null,
          failedAt: null,
          cancelledAt: null,
          version: 1,
        };
      });
      payments.push(...created);
      for (const p of created) {
        history.push({ paymentId: p.id, seq: 1, from: null, to: 'pending', reason: 'created', actor: unit.actor, at: now });
        events.push({ merchantId: p.merchantId, type: 'payment.created', aggregateType: 'payment', aggregateId: p.id, object: toPaymentView(p, config.priorities) });
        if (p.method === 'route' && p.approvalStatus === null) {
          jobs.push({ type: PAYOUT_JOB, payload: { payment_id: p.id }, priority: PRIORITY_ORDER[p.priority], dedupeKey: `payout:${p.id}`, runAt: now });
        } else if (isCollection(p.method) && p.expiresAt !== null) {
          jobs.push({ type: EXPIRE_JOB, payload: { payment_id: p.id }, runAt: p.expiresAt, priority: 50, dedupeKey: `expire:${p.id}` });
        }
      }
      if (batch) {
        events.push({ merchantId: batch.merchantId, type: 'batch.created', aggregateType: 'batch', aggregateId: batch.id, object: batchEventObject(batch) });
      }
      const value: CreatedUnit = { payments: created, batch, rendered: null };
      if (unit.idempotency) {
        value.rendered = unit.idempotency.render(value);
        idempotencyRows.push({ claim: unit.idempotency.claim, ...value.rendered });
      }
      outcomes[u] = { ok: true, value };
    }

    await this.deps.batches.insert(trx, batches);
    await this.deps.payments.insert(trx, payments);
    await this.deps.payments.appendHistory(trx, history);
    await this.deps.outbox.append(trx, events);
    if (jobs.length > 0) await this.deps.jobs.enqueue(trx, jobs);
    if (idempotencyRows.length > 0) {
      await trx
        .insertInto('idempotency_keys')
        .values(
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
        )
        .execute();
    }
    for (const [merchantId, usage] of usageByMerchant) await this.deps.usage.save(trx, merchantId, usage, now);
    return outcomes;
  }

  private asAppError(error: unknown): AppError {
    if (error instanceof AppError) return error;
    if (isUniqueViolation(error)) {
      return new AppError('idempotency_in_flight', 'a concurrent request with the same Idempotency-Key was just completed; retry to get its response');
    }
    this.deps.onError?.(error);
    return new AppError('internal', 'internal error');
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function batchEventObject(batch: Batch) {
  return {
    batch_id: batch.id,
    object: 'batch' as const,
    status: batch.status,
    batch_reference: batch.reference,
    atomic: batch.atomic,
    total_items: batch.itemCount,
    created_count: batch.createdCount,
    rejected_count: batch.rejectedCount,
    totals: Object.fromEntries(Object.entries(batch.totals).map(([k, v]) => [k, formatAmount(v)])),
    created_at: new Date(batch.createdAt).toISOString(),
  };
}

/**
 * Settling (SPEC §3.7): finds due balances, starts settlements, sweeps deposit addresses into the
 * merchant's hot wallet and pays the payee — every transfer through the chain sender (send-contract).
 *
 * A settlement's life:
 * 1. `runDue` — for each due (merchant, payee, asset) without an open settlement, ONE transaction locks the
 *    ledger balance, debits min(balance, max) (kind `settlement`), creates the sweeps (status `pending`),
 *    queues `settlement.advance` and writes the settlement (`settlement.initiated`, audit last).
 * 2. `advance` — reads the chain (deposit TRX, prices) outside any transaction, then per pending sweep:
 *    a token with too little TRX → `fueling` + a `sweep_fuel` send from the hot wallet; otherwise `sweeping` +
 *    the `sweep` send from the deposit key to the hot wallet.
 * 3. Send handlers: fuel confirmed → the sweep send; sweep completed/failed → terminal; once every sweep
 *    is terminal the payee transfer (`settlement` send, amount = settlement amount) is queued.
 *    A failed sweep does not stop the settlement: its address stays unswept for the next one, and the hot
 *    wallet may hold enough anyway (if not, the payee transfer fails and the balance is restored).
 * 4. Payee transfer completed → `completeSettlement`; failed → ledger `settlement_reversal` + `failed`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { Engine } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Asset } from '../../shared/money.js';
import type { AuditContext } from '../audit/audit-trail.js';
import type { SendFailureReason, SendHandler, SendPurpose, SendQueue, SendRecord } from '../chain/send-contract.js';
import type { TransfersRepository } from '../collections/transfers.repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Ledger, LedgerPosting } from '../ledger/ledger.js';
import type { KeyRef } from '../wallets/signer.js';
import { DelegatedSweeps, type DelegationPlan } from './delegated-sweeps.js';
import * as settlementLifecycle from './settlement-lifecycle.js';
import {
  completeSettlement,
  failSettlement,
  initiateSettlement,
  type SettlementEventWriter,
  type SettlementRecordsDeps,
  type SettlementTrigger,
} from './settlement-records.js';
import { effectiveFrequency, settlementAmount, settlementDue } from './settlement-schedule.js';
import type { SettlementsRepository } from './settlements.repository.js';
import { sweepEntry } from './sweep-audit.js';
import type { SweepEnergy } from './sweep-energy.js';
import { addSweepFee } from './sweep-fees.js';
import * as sweepLifecycle from './sweep-lifecycle.js';
import { fuelRequired, fuelToSend, receivedByAddress, type SweepCandidate, unswept } from './sweep-plan.js';

export const SETTLEMENT_RUN_JOB = 'settlement.run';
export const SETTLEMENT_KICK_JOB = 'settlement.kick';
export const SETTLEMENT_ADVANCE_JOB = 'settlement.advance';

/** Sends of settlements and sweeps: after payouts (0–3 by payment priority), before nothing urgent. */
const SEND_PRIORITY = 2;
const SEND_MAX_RETRIES = 5;
const CONTEXT: AuditContext = { actor: 'system:settlement', requestId: null };

/** What settling reads from the chain (outside transactions). */
export interface SettlementChain {
  trxBalance(address: string): Promise<bigint>;
  energyPriceSun(): Promise<bigint>;
  bandwidthPriceSun(): Promise<bigint>;
}

/** How the sender takes the owners' handlers (core.sends). */
export interface SendHandlerRegistry {
  registerHandler(purpose: SendPurpose, handler: SendHandler): void;
}

export interface SettlementWorkerDeps {
  db: Kysely<DB>;
  engine: Engine;
  config: GatewayConfig;
  clock: Clock;
  ids: IdGenerator;
  outbox: SettlementEventWriter;
  audit: SettlementRecordsDeps['audit'];
  ledger: Ledger;
  /** settlements and sweeps (this module's tables) */
  settlements: SettlementsRepository;
  /** collected transfers (collections' table), read to plan sweeps */
  transfers: TransfersRepository;
  jobs: JobQueue;
  sends: SendQueue;
  chain: SettlementChain;
  hotWalletAddress(merchantIndex: number): string;
  /** called after a transaction that queued sends committed (wakes the sender) */
  onQueued?: () => void;
  /**
   * Sweeps on delegated energy under the `stake` strategy (issue 19): the strategy, the margin and the chain
   * reads, and each token's contract on this chain. Without it every token sweep is fuelled and burns.
   */
  energy?: SweepEnergy & { contractOf(asset: string): string };
}

export interface BalanceKey {
  merchantId: string;
  payeeAddress: string;
  currency: Asset;
}

export class SettlementWorker {
  private readonly records: SettlementRecordsDeps;
  private readonly delegated: DelegatedSweeps | null;

  constructor(private readonly deps: SettlementWorkerDeps) {
    this.records = { clock: deps.clock, ids: deps.ids, outbox: deps.outbox, audit: deps.audit, assets: deps.config.assets };
    const energy = deps.energy;
    this.delegated = energy
      ? new DelegatedSweeps({
          db: deps.db,
          clock: deps.clock,
          ids: deps.ids,
          sends: deps.sends,
          energy,
          audit: deps.audit,
          assets: deps.config.assets,
          context: CONTEXT,
          contractOf: (asset) => energy.contractOf(asset),
          priority: SEND_PRIORITY,
          maxRetries: SEND_MAX_RETRIES,
          enqueueSweep: (trx, sweepId) => this.enqueueSweep(trx, sweepId),
          failSweep: (trx, sweepId, event, failure) => this.finishSweepById(trx, sweepId, event, failure, 0n),
          onStepOrphaned: (trx, sweepId, send) => this.auditOrphanedStep(trx, sweepId, send),
        })
      : null;
  }

  /** Queues a one-off look for due balances (e.g. after a ledger credit, for `instant` merchants), in the caller's transaction. */
  async kick(trx: Transaction<DB> | Kysely<DB>): Promise<void> {
    await this.deps.jobs.enqueue(trx, [{ type: SETTLEMENT_KICK_JOB, payload: {}, priority: 50 }]);
  }

  /**
   * In a ledger credit's transaction (collections' credited handler): queues the one-off look for due
   * balances when this credit makes its balance due at once — an `instant` merchant, or a balance at or
   * above the asset's `min_settlement_amount` — instead of waiting for the periodic job.
   */
  async kickIfDue(trx: Transaction<DB>, credit: Omit<LedgerPosting, 'kind' | 'referenceId' | 'amount'>): Promise<boolean> {
    const asset = this.deps.config.assets.find(credit.currency);
    if (!asset) return false;
    const { balance, settlementFrequency } = await this.deps.ledger.balanceAndFrequency(trx, credit);
    const frequency = effectiveFrequency(settlementFrequency, this.deps.config.raw.settlement.frequency);
    if (balance <= 0n || (frequency !== 'instant' && balance < asset.settlement.minAmount)) return false;
    await this.kick(trx);
    return true;
  }

  /** The periodic job: settle what is due, push open settlements on, archive old records. */
  async tick(): Promise<{ started: string[]; archived: number }> {
    const started = await this.runDue();
    for (const id of await this.deps.settlements.openIds(this.deps.db)) await this.advance(id);
    const archived = await this.archive();
    return { started, archived };
  }

  /** Starts a settlement for every due balance; returns the new settlement ids. */
  async runDue(): Promise<string[]> {
    const { db, config, clock } = this.deps;
    const s = config.raw.settlement;
    const now = clock.now();
    const rows = await this.deps.ledger.settleableBalances(db);
    const started: string[] = [];
    for (const row of rows) {
      const key: BalanceKey = { merchantId: row.merchantId, payeeAddress: row.payeeAddress, currency: row.currency };
      // a balance in an asset no longer configured waits until the asset is configured again
      const asset = config.assets.find(key.currency);
      if (!asset) continue;
      const last = await this.deps.settlements.lastFor(db, key);
      if (last?.status === 'initiated') continue;
      const since = await this.waitingSince(key, last ? last.createdAt : null);
      const reason = settlementDue({
        frequency: effectiveFrequency(row.settlementFrequency, s.frequency),
        timeUtc: s.settlement_time_utc,
        weeklyDay: s.weekly_day,
        balance: row.balance,
        minAmount: asset.settlement.minAmount,
        since,
        now,
        ...(last?.status === 'failed' ? { retryNotBefore: (last.updatedAt ?? last.createdAt) + s.failed_retry_minutes * 60_000 } : {}),
      });
      if (reason === null) continue;
      const id = await this.start(key, reason);
      if (id !== null) started.push(id);
    }
    return started;
  }

  /**
   * When the balance started waiting: the first ledger entry after the last settlement (a new credit, or
   * a failed settlement's reversal), else the last settlement itself (a capped remainder), else the first entry.
   */
  private async waitingSince(key: BalanceKey, lastSettlementAt: number | null): Promise<number> {
    const first = await this.deps.ledger.firstCreditAt(this.deps.db, key, lastSettlementAt);
    return first ?? lastSettlementAt ?? this.deps.clock.now();
  }

  /** ONE transaction: lock the balance, debit it, plan the sweeps, queue the advance job, write the settlement. */
  async start(key: BalanceKey, trigger: SettlementTrigger): Promise<string | null> {
    const { db, engine, ledger, ids, jobs, config } = this.deps;
    return db.transaction().execute(async (trx) => {
      const balance = await ledger.lockedBalance(trx, key, engine);
      if (await this.deps.settlements.hasOpen(trx, key)) return null;
      const amount = settlementAmount(balance, config.assets.get(key.currency).settlement.maxAmount);
      if (amount <= 0n) return null;
      const id = ids('stl');
      const now = this.deps.clock.now();
      const candidates = await this.unsweptFor(trx, key);
      if (candidates.length > 0) {
        await trx
          .insertInto('sweeps')
          .values(
            candidates.map((c) => ({
              id: ids('swp'),
              merchant_id: key.merchantId,
              settlement_id: id,
              deposit_address: c.depositAddress,
              deposit_index: c.depositIndex,
              asset: key.currency,
              amount: c.amount,
              status: 'pending',
              fuel_amount: null,
              network_fee: null,
              failure_reason: null,
              created_at: now,
              updated_at: now,
              completed_at: null,
            })),
          )
          .execute();
      }
      await ledger.post(trx, { ...key, kind: 'settlement', referenceId: id, amount: -amount });
      await jobs.enqueue(trx, [
        { type: SETTLEMENT_ADVANCE_JOB, payload: { settlement_id: id }, dedupeKey: `settlement.advance:${id}`, priority: 50 },
      ]);
      await initiateSettlement(trx, this.records, { ...key, amount, id, trigger }, CONTEXT);
      return id;
    });
  }

  /** Deposit addresses holding unswept collected funds of this balance, oldest index first (sweep-plan.ts). */
  private async unsweptFor(trx: Transaction<DB>, key: BalanceKey): Promise<SweepCandidate[]> {
    const received = receivedByAddress(await this.deps.transfers.collectedOnDepositAddresses(trx, key));
    if (received.size === 0) return [];
    return unswept(received, await this.deps.settlements.sweptFrom(trx, [...received.keys()], key));
  }

  /** Pushes a settlement on: queues the first transfer of each pending sweep, then the payee transfer when ready. */
  async advance(settlementId: string): Promise<void> {
    const { db, chain, config } = this.deps;
    const settlement = await db
      .selectFrom('settlements as s')
      .innerJoin('merchants as m', 'm.id', 's.merchant_id')
      .select(['s.id', 's.status', 's.merchant_id', 'm.hd_index'])
      .where('s.id', '=', settlementId)
      .executeTakeFirst();
    if (settlement?.status !== 'initiated') return;
    const hotIndex = Number(settlement.hd_index);
    const pending = await db
      .selectFrom('sweeps')
      .selectAll()
      .where('settlement_id', '=', settlementId)
      .where('status', 'in', sweepLifecycle.allowedFrom('started'))
      .execute();
    const plans = await this.delegationPlans(settlement.merchant_id, hotIndex, pending);
    let prices: { energyPriceSun: bigint; bandwidthPriceSun: bigint } | null = null;
    for (const sweep of pending) {
      const plan = plans.get(sweep.id);
      if (plan && this.delegated) {
        const delegated = this.delegated;
        const hotAddress = this.deps.hotWalletAddress(hotIndex);
        await db.transaction().execute((trx) => delegated.start(trx, sweep, plan, hotAddress));
        continue;
      }
      let fuel = 0n;
      const asset = config.assets.get(sweep.asset);
      // a token sweep burns TRX from the deposit address, which holds none of its own: send it "fuel"
      if (asset.kind === 'trc20') {
        if (prices === null) {
          const [energyPriceSun, bandwidthPriceSun] = await Promise.all([chain.energyPriceSun(), chain.bandwidthPriceSun()]);
          prices = { energyPriceSun, bandwidthPriceSun };
        }
        const required = fuelRequired({
          ...prices,
          energy: Number(asset.transferEnergy.newHolder),
          bandwidthBytes: Number(asset.transferBytes),
        });
        fuel = fuelToSend(required, await chain.trxBalance(sweep.deposit_address));
      }
      await db.transaction().execute(async (trx) => {
        const now = this.deps.clock.now();
        const step = sweepLifecycle.compareAndSet({ type: 'started', fuel });
        const set = { status: step.to, fuel_amount: fuel > 0n ? fuel : null, updated_at: now };
        const moved = await trx
          .updateTable('sweeps')
          .set(set)
          .where('id', '=', sweep.id)
          .where('status', 'in', step.from)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) return;
        if (step.to === 'fueling') {
          await this.deps.sends.enqueue(trx, {
            purpose: 'sweep_fuel',
            ownerId: sweep.id,
            merchantId: sweep.merchant_id,
            signer: { kind: 'hot', merchantIndex: hotIndex },
            toAddress: sweep.deposit_address,
            asset: 'TRX',
            amount: fuel,
            priority: SEND_PRIORITY,
            maxRetries: SEND_MAX_RETRIES,
          });
        } else {
          await this.enqueueSweep(trx, sweep.id);
        }
        await this.deps.audit.record(trx, [sweepEntry('sweep.started', sweep, { ...sweep, ...set }, config.assets, CONTEXT)]);
      });
    }
    await db.transaction().execute((trx) => this.payWhenSwept(trx, settlementId));
    this.deps.onQueued?.();
  }

  /**
   * Under `stake`, the token sweeps that go on delegated energy; a chain read that fails leaves them to the
   * burn path (dearer, never stuck).
   */
  private async delegationPlans(
    merchantId: string,
    hotIndex: number,
    pending: ReadonlyArray<{ id: string; merchant_id: string; deposit_address: string; asset: string; amount: bigint | number | string }>,
  ): Promise<Map<string, DelegationPlan>> {
    if (!this.delegated) return new Map();
    const tokens = pending.filter((w) => this.deps.config.assets.get(w.asset).kind === 'trc20');
    try {
      return await this.delegated.plan(merchantId, this.deps.hotWalletAddress(hotIndex), tokens);
    } catch {
      return new Map();
    }
  }

  /** The sweep transfer itself: everything unswept, from the deposit key to the merchant's hot wallet. */
  private async enqueueSweep(trx: Transaction<DB>, sweepId: string): Promise<void> {
    const sweep = await trx
      .selectFrom('sweeps as w')
      .innerJoin('merchants as m', 'm.id', 'w.merchant_id')
      .select(['w.id', 'w.merchant_id', 'w.deposit_address', 'w.deposit_index', 'w.asset', 'w.amount', 'm.hd_index'])
      .where('w.id', '=', sweepId)
      .executeTakeFirstOrThrow();
    const signer: KeyRef = { kind: 'deposit', index: Number(sweep.deposit_index) };
    await this.deps.sends.enqueue(trx, {
      purpose: 'sweep',
      ownerId: sweep.id,
      merchantId: sweep.merchant_id,
      signer,
      toAddress: this.deps.hotWalletAddress(Number(sweep.hd_index)),
      asset: sweep.asset as Asset,
      amount: BigInt(sweep.amount),
      priority: SEND_PRIORITY,
      maxRetries: SEND_MAX_RETRIES,
    });
  }

  /**
   * Queues the payee transfer once every sweep of the settlement is terminal (or it had none), and records
   * what the sweeps cost. The settlement row is locked first (PostgreSQL) so that two sweeps finishing at
   * once cannot both miss the moment; enqueueing is idempotent per owner anyway.
   */
  private async payWhenSwept(trx: Transaction<DB>, settlementId: string): Promise<void> {
    const settlement = await this.deps.settlements.lockedForPayeeTransfer(trx, settlementId);
    if (!settlement) return;
    const status = settlement.status as settlementLifecycle.SettlementStatus;
    if (!settlementLifecycle.transition(status, { type: 'payee_transfer_queued' }).ok) return;
    const sweeps = await trx.selectFrom('sweeps').select(['status', 'network_fee']).where('settlement_id', '=', settlementId).execute();
    if (sweeps.some((w) => !sweepLifecycle.isFinal(w.status as sweepLifecycle.SweepStatus))) return;
    const cost = sweeps.reduce((sum, w) => sum + (w.network_fee === null ? 0n : BigInt(w.network_fee)), 0n);
    await trx
      .updateTable('settlements')
      .set({ sweep_cost: cost, updated_at: this.deps.clock.now() })
      .where('id', '=', settlementId)
      .execute();
    await this.deps.sends.enqueue(trx, {
      purpose: 'settlement',
      ownerId: settlement.id,
      merchantId: settlement.merchantId,
      signer: { kind: 'hot', merchantIndex: settlement.hdIndex },
      toAddress: settlement.payeeAddress,
      asset: settlement.currency,
      amount: settlement.amount,
      priority: SEND_PRIORITY,
      maxRetries: SEND_MAX_RETRIES,
    });
  }

  /** The handlers to register with the sender, by purpose. */
  handlers(): Partial<Record<SendPurpose, SendHandler>> & Record<'settlement' | 'sweep' | 'sweep_fuel', SendHandler> {
    return {
      ...(this.delegated ? this.delegated.handlers() : {}),
      sweep_fuel: {
        onConfirmed: async (trx, send) => {
          const step = sweepLifecycle.compareAndSet({ type: 'fuel_confirmed' });
          // each landing adds its fee, each orphaning takes it back (sweep-fees.ts); the step happens once
          await addSweepFee(trx, send.ownerId, send.networkFee ?? 0n, this.deps.clock.now());
          const before = await trx.selectFrom('sweeps').selectAll().where('id', '=', send.ownerId).executeTakeFirst();
          if (!before) return;
          const set = { status: step.to, updated_at: this.deps.clock.now() };
          const moved = await trx
            .updateTable('sweeps')
            .set(set)
            .where('id', '=', send.ownerId)
            .where('status', 'in', step.from)
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) === 0) return;
          await this.enqueueSweep(trx, send.ownerId);
          const after = { ...before, ...set };
          await this.deps.audit.record(trx, [sweepEntry('sweep_fuel.sent', before, after, this.deps.config.assets, CONTEXT, send)]);
        },
        // its TRX left the chain with the block: the fee is taken back; the same bytes go out again
        onOrphaned: async (trx, send) => {
          await addSweepFee(trx, send.ownerId, -(send.networkFee ?? 0n), this.deps.clock.now());
          await this.auditOrphanedStep(trx, send.ownerId, send);
        },
        onFailed: async (trx, send, reason) => this.finishSweep(trx, send, { type: 'fuel_failed' }, `fuel_${reason}`),
      },
      sweep: {
        // lent energy goes back once the sweep is final: a reorganisation may still send the same bytes again
        onCompleted: async (trx, send) => {
          await this.finishSweep(trx, send, { type: 'sweep_completed' }, null);
          await this.delegated?.reclaim(trx, send.ownerId, send.id);
        },
        onOrphaned: (trx, send) => this.auditOrphanedStep(trx, send.ownerId, send),
        onFailed: async (trx, send, reason) => {
          await this.finishSweep(trx, send, { type: 'sweep_failed' }, reason);
          await this.delegated?.reclaim(trx, send.ownerId, send.id);
        },
      },
      settlement: {
        onCompleted: async (trx, send) => {
          await completeSettlement(
            trx,
            this.records,
            {
              settlementId: send.ownerId,
              transactionId: send.txId ?? '',
              ...(send.networkFee !== null ? { networkFee: send.networkFee } : {}),
            },
            CONTEXT,
          );
        },
        onFailed: async (trx, send, reason) => this.failPayeeTransfer(trx, send, reason),
      },
    };
  }

  /** Registers the handlers with the sender. */
  register(registry: SendHandlerRegistry): void {
    for (const [purpose, handler] of Object.entries(this.handlers()) as Array<[SendPurpose, SendHandler]>) {
      registry.registerHandler(purpose, handler);
    }
  }

  /** A reorganisation took one of the sweep's landed transactions off the chain: recorded, it is broadcast again. */
  private async auditOrphanedStep(trx: Transaction<DB>, sweepId: string, send: SendRecord): Promise<void> {
    const sweep = await trx.selectFrom('sweeps').selectAll().where('id', '=', sweepId).executeTakeFirst();
    if (!sweep) return;
    await this.deps.audit.record(trx, [sweepEntry('sweep.step_orphaned', null, sweep, this.deps.config.assets, CONTEXT, send)]);
  }

  /** A sweep ends (`failure` says why it failed); its cost adds the sweep transfer's burn to the fuel transfer's fee. */
  private async finishSweep(
    trx: Transaction<DB>,
    send: SendRecord,
    event: Extract<sweepLifecycle.SweepEvent, { type: 'fuel_failed' | 'sweep_completed' | 'sweep_failed' }>,
    failure: string | null,
  ): Promise<void> {
    // the send is the sweep transfer itself unless the fuel transfer failed (its fee is not the sweep's)
    const burned = event.type === 'fuel_failed' ? 0n : (send.networkFee ?? 0n);
    await this.finishSweepById(trx, send.ownerId, event, failure, burned, send);
  }

  private async finishSweepById(
    trx: Transaction<DB>,
    sweepId: string,
    event: Extract<sweepLifecycle.SweepEvent, { type: 'fuel_failed' | 'delegation_failed' | 'sweep_completed' | 'sweep_failed' }>,
    failure: string | null,
    burned: bigint,
    /** the send that ended it, named in the audit record (none when a delegation failed: its own record names it) */
    send?: SendRecord,
  ): Promise<void> {
    const sweep = await trx.selectFrom('sweeps').selectAll().where('id', '=', sweepId).executeTakeFirst();
    if (!sweep) return;
    const now = this.deps.clock.now();
    const step = sweepLifecycle.compareAndSet(event);
    const fee = (sweep.network_fee === null ? 0n : BigInt(sweep.network_fee)) + burned;
    const set = {
      status: step.to,
      network_fee: fee,
      failure_reason: failure,
      updated_at: now,
      completed_at: step.to === 'completed' ? now : null,
    };
    const moved = await trx.updateTable('sweeps').set(set).where('id', '=', sweepId).where('status', 'in', step.from).executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return;
    if (sweep.settlement_id !== null) await this.payWhenSwept(trx, sweep.settlement_id);
    const action = step.to === 'completed' ? 'sweep.completed' : 'sweep.failed';
    await this.deps.audit.record(trx, [sweepEntry(action, sweep, { ...sweep, ...set }, this.deps.config.assets, CONTEXT, send)]);
  }

  /** The payee transfer failed for good: the debit goes back to the balance (settled again later), then the record. */
  private async failPayeeTransfer(trx: Transaction<DB>, send: SendRecord, reason: SendFailureReason): Promise<void> {
    const row = await trx.selectFrom('settlements').selectAll().where('id', '=', send.ownerId).executeTakeFirst();
    if (!row) return;
    const failed = settlementLifecycle.transition(row.status as settlementLifecycle.SettlementStatus, { type: 'payee_transfer_failed' });
    if (!failed.ok) return;
    await this.deps.ledger.post(trx, {
      merchantId: row.merchant_id,
      payeeAddress: row.payee_address,
      currency: row.currency as Asset,
      kind: 'settlement_reversal',
      referenceId: row.id,
      amount: BigInt(row.amount),
    });
    await failSettlement(trx, this.records, { settlementId: row.id, reason }, CONTEXT);
  }

  /** Retention (settlement.retention_period_days): finished settlements older than it are archived, not deleted. */
  async archive(): Promise<number> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    const cutoff = now - config.raw.settlement.retention_period_days * 86_400_000;
    return this.deps.settlements.archiveBefore(
      db,
      cutoff,
      settlementLifecycle.SETTLEMENT_STATUSES.filter(settlementLifecycle.isFinal),
      now,
    );
  }
}

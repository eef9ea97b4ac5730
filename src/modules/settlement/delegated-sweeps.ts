/**
 * Sweeps on delegated energy (issue 19, docs/adr/0032-energy-for-sweeps.md). Under the `stake` strategy a
 * token sweep goes: activate the deposit address if it does not exist (AccountCreateContract from the hot
 * wallet), delegate the energy the sweep needs from the hot wallet's stake, sweep (the deposit address pays
 * bandwidth from its free daily allowance), and take the delegation back once the sweep is in a block (or
 * failed). Each step is a chain send owned by the sweep's `energy_delegations` row and queued in the
 * transaction that records the previous step, so a process that dies between any two steps resumes where
 * it stopped and, sends being idempotent per (purpose, owner), never sends a step twice.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, EnergyDelegationsTable } from '../../db/schema.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-trail.js';
import type { SendHandler, SendQueue, SendRecord } from '../chain/send-contract.js';
import { type DelegationAuditAction, delegationEntry, sweepEntry } from './sweep-audit.js';
import { delegationSun, type SweepEnergy, withMargin } from './sweep-energy.js';
import { addSweepFee } from './sweep-fees.js';
import * as sweepLifecycle from './sweep-lifecycle.js';

export const DELEGATION_STATUSES = ['activating', 'delegating', 'sweeping', 'reclaiming', 'reclaimed', 'failed'] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

/** Reclaim transactions tried before a delegation is left lent and marked failed. */
export const RECLAIM_ATTEMPTS = 8;

/** 1 min after the first failure, doubling, at most 1 h: a node or a hot wallet short of TRX has time to come back. */
function reclaimBackoffMs(failures: number): number {
  return Math.min(60_000 * 2 ** (failures - 1), 3_600_000);
}

/** Delegations whose stake is lent out or about to be (counted against what the hot wallet can still lend). */
const LENDING: readonly DelegationStatus[] = ['activating', 'delegating'];

export interface DelegationPlan {
  energy: bigint;
  sun: bigint;
  needsActivation: boolean;
}

export interface PendingSweep {
  id: string;
  merchant_id: string;
  deposit_address: string;
  asset: string;
  amount: bigint | number | string;
}

type DelegationRow = Selectable<EnergyDelegationsTable> & { hotIndex: number };
type DelegationExtra = Partial<
  Record<'activation_send_id' | 'delegate_send_id' | 'sweep_send_id' | 'reclaim_send_id' | 'failure_reason', string | null>
>;

export interface DelegatedSweepsDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: IdGenerator;
  sends: SendQueue;
  energy: SweepEnergy;
  /** every step that moves stake or TRX is audited in its transaction (sweep-audit.ts) */
  audit: AuditRecorder;
  assets: AssetCatalog;
  context: AuditContext;
  /** the token contract of an asset on this chain (base58) */
  contractOf(asset: string): string;
  priority: number;
  maxRetries: number;
  /** queues the sweep transfer itself (the settlement worker's) */
  enqueueSweep(trx: Transaction<DB>, sweepId: string): Promise<void>;
  /** ends a sweep that will not be swept (the settlement worker's, which also pays once all are final) */
  failSweep(trx: Transaction<DB>, sweepId: string, event: { type: 'delegation_failed' }, failure: string): Promise<void>;
  /** records, for the sweep, that a reorganisation took one of its steps off the chain (audit) */
  onStepOrphaned(trx: Transaction<DB>, sweepId: string, send: SendRecord): Promise<void>;
}

export class DelegatedSweeps {
  constructor(private readonly deps: DelegatedSweepsDeps) {}

  /**
   * Which of a merchant's pending token sweeps go on delegated energy, and how much: none under `burn`;
   * under `stake` each one the hot wallet's lendable stake still covers (the rest burn, as before).
   */
  async plan(merchantId: string, hotAddress: string, sweeps: readonly PendingSweep[]): Promise<Map<string, DelegationPlan>> {
    const plans = new Map<string, DelegationPlan>();
    if (sweeps.length === 0 || (await this.deps.energy.strategy.strategyFor(merchantId)) !== 'stake') return plans;
    const { chain, marginPercent } = this.deps.energy;
    const [lendable, lent, totals] = await Promise.all([
      chain.delegatableSun(hotAddress),
      this.lendingSun(hotAddress),
      chain.energyTotals(hotAddress),
    ]);
    let available = lendable - lent;
    for (const sweep of sweeps) {
      const estimate = await chain.transferEnergy(
        this.deps.contractOf(sweep.asset),
        sweep.deposit_address,
        hotAddress,
        BigInt(sweep.amount),
      );
      const energy = withMargin(estimate, marginPercent);
      const sun = delegationSun(energy, totals);
      if (sun > available) continue;
      available -= sun;
      plans.set(sweep.id, { energy, sun, needsActivation: !(await chain.accountExists(sweep.deposit_address)) });
    }
    return plans;
  }

  /** In the caller's transaction: the sweep starts delegating, its delegation is recorded, its first send queued. */
  async start(trx: Transaction<DB>, sweep: PendingSweep, plan: DelegationPlan, hotAddress: string): Promise<boolean> {
    const now = this.deps.clock.now();
    const step = sweepLifecycle.compareAndSet({ type: 'delegation_started' });
    const before = await trx.selectFrom('sweeps').selectAll().where('id', '=', sweep.id).executeTakeFirstOrThrow();
    const moved = await trx
      .updateTable('sweeps')
      .set({ status: step.to, updated_at: now })
      .where('id', '=', sweep.id)
      .where('status', 'in', step.from)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return false;
    const id = this.deps.ids('edl');
    await trx
      .insertInto('energy_delegations')
      .values({
        id,
        sweep_id: sweep.id,
        merchant_id: sweep.merchant_id,
        hot_address: hotAddress,
        receiver_address: sweep.deposit_address,
        energy: plan.energy,
        sun: plan.sun,
        needs_activation: plan.needsActivation ? 1 : 0,
        status: plan.needsActivation ? 'activating' : 'delegating',
        activation_send_id: null,
        delegate_send_id: null,
        sweep_send_id: null,
        reclaim_send_id: null,
        failure_reason: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const delegation = await this.find(trx, id);
    await this.send(trx, delegation, plan.needsActivation ? 'activation' : 'delegate');
    const after = { ...before, status: step.to, updated_at: now };
    await this.deps.audit.record(trx, [sweepEntry('sweep.started', before, after, this.deps.assets, this.deps.context)]);
    return true;
  }

  /** The sweep is in a block, or failed for good: the energy comes back (once; nothing if it was never lent). */
  async reclaim(trx: Transaction<DB>, sweepId: string, sweepSendId: string | null): Promise<void> {
    const row = await this.findWhere(trx, 'd.sweep_id', sweepId);
    if (row?.status !== 'sweeping') return;
    const moved = await this.move(trx, row.id, ['sweeping'], 'reclaiming', { sweep_send_id: sweepSendId });
    if (moved) await this.send(trx, row, 'reclaim');
  }

  /** The handlers of the activation, delegation and reclaim sends. */
  handlers(): Record<'activation' | 'delegate' | 'reclaim', SendHandler> {
    return {
      activation: {
        onConfirmed: async (trx, send) => {
          const row = await this.find(trx, send.ownerId);
          await this.addFee(trx, row.sweep_id, send);
          const extra = { activation_send_id: send.id };
          if (await this.move(trx, row.id, ['activating'], 'delegating', extra)) {
            await this.send(trx, row, 'delegate');
            await this.audit(trx, 'account.activated', row, 'delegating', extra, send);
          }
        },
        onOrphaned: (trx, send) => this.orphaned(trx, send),
        onFailed: async (trx, send, reason) => this.fail(trx, send, `activation_${reason}`),
      },
      delegate: {
        onConfirmed: async (trx, send) => {
          const row = await this.find(trx, send.ownerId);
          await this.addFee(trx, row.sweep_id, send);
          const extra = { delegate_send_id: send.id };
          if (!(await this.move(trx, row.id, ['delegating'], 'sweeping', extra))) return;
          const step = sweepLifecycle.compareAndSet({ type: 'delegation_confirmed' });
          const moved = await trx
            .updateTable('sweeps')
            .set({ status: step.to, updated_at: this.deps.clock.now() })
            .where('id', '=', row.sweep_id)
            .where('status', 'in', step.from)
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) > 0) await this.deps.enqueueSweep(trx, row.sweep_id);
          await this.audit(trx, 'energy.delegated', row, 'sweeping', extra, send);
        },
        onOrphaned: (trx, send) => this.orphaned(trx, send),
        onFailed: async (trx, send, reason) => this.fail(trx, send, `delegate_${reason}`),
      },
      reclaim: {
        onConfirmed: async (trx, send) => {
          const row = await this.find(trx, send.ownerId);
          await this.addFee(trx, row.sweep_id, send);
          const extra = { reclaim_send_id: send.id, failure_reason: null };
          if (await this.move(trx, row.id, ['reclaiming'], 'reclaimed', extra)) {
            await this.audit(trx, 'energy.reclaimed', row, 'reclaimed', extra, send);
          }
        },
        onOrphaned: (trx, send) => this.orphaned(trx, send),
        // the energy is still lent: try again later with a new transaction; after RECLAIM_ATTEMPTS it stays
        // lent, recorded for the operator (the wallet view shows it delegated out)
        onFailed: async (trx, send, reason) => {
          const retry =
            send.sequence < RECLAIM_ATTEMPTS &&
            (await this.deps.sends.retryFailed?.(trx, 'reclaim', send.ownerId, this.deps.clock.now() + reclaimBackoffMs(send.sequence)));
          if (retry) {
            await this.move(trx, send.ownerId, ['reclaiming'], 'reclaiming', { failure_reason: `reclaim_${reason}; retrying` });
            return;
          }
          const row = await this.find(trx, send.ownerId);
          const extra = { reclaim_send_id: send.id, failure_reason: `reclaim_${reason}` };
          if (await this.move(trx, row.id, ['reclaiming'], 'failed', extra)) {
            await this.audit(trx, 'energy.reclaim_failed', row, 'failed', extra, send);
          }
        },
      },
    };
  }

  /** Sun lent out or about to be by this hot wallet's open delegations whose delegation is not yet in a block. */
  private async lendingSun(hotAddress: string): Promise<bigint> {
    const rows = await this.deps.db
      .selectFrom('energy_delegations')
      .select('sun')
      .where('hot_address', '=', hotAddress)
      .where('status', 'in', LENDING)
      .execute();
    return rows.reduce((sum, r) => sum + BigInt(r.sun), 0n);
  }

  private async send(trx: Transaction<DB>, row: DelegationRow, purpose: 'activation' | 'delegate' | 'reclaim'): Promise<void> {
    await this.deps.sends.enqueue(trx, {
      purpose,
      ownerId: row.id,
      merchantId: row.merchant_id,
      signer: { kind: 'hot', merchantIndex: row.hotIndex },
      toAddress: row.receiver_address,
      asset: 'TRX',
      amount: purpose === 'activation' ? 0n : BigInt(row.sun),
      ...(purpose === 'activation' ? {} : { resource: 'ENERGY' as const }),
      priority: this.deps.priority,
      maxRetries: this.deps.maxRetries,
    });
  }

  /** The activation or the delegation failed for good: no energy was lent, the sweep fails (its address stays unswept). */
  private async fail(trx: Transaction<DB>, send: SendRecord, failure: string): Promise<void> {
    const row = await this.find(trx, send.ownerId);
    if (!(await this.move(trx, row.id, ['activating', 'delegating'], 'failed', { failure_reason: failure }))) return;
    await this.audit(trx, 'energy.delegation_failed', row, 'failed', { failure_reason: failure }, send);
    await this.deps.failSweep(trx, row.sweep_id, { type: 'delegation_failed' }, failure);
  }

  /** The audit record of a step that moved the delegation from `row` to `to` (with the send that made it). */
  private async audit(
    trx: Transaction<DB>,
    action: DelegationAuditAction,
    row: DelegationRow,
    to: DelegationStatus,
    extra: DelegationExtra,
    send: SendRecord,
  ): Promise<void> {
    const after = { ...row, ...extra, status: to, updated_at: this.deps.clock.now() };
    await this.deps.audit.record(trx, [delegationEntry(action, row, after, send, this.deps.assets, this.deps.context)]);
  }

  /** What a step's transaction burned counts to its sweep's network cost (each landing once: sweep-fees.ts). */
  private async addFee(trx: Transaction<DB>, sweepId: string, send: SendRecord): Promise<void> {
    await addSweepFee(trx, sweepId, send.networkFee ?? 0n, this.deps.clock.now());
  }

  /**
   * A reorganisation took a landed step off the chain; its bytes go out again. What it burned there is
   * taken back (the landing that stays adds its own), and the step stays where it is: the delegation's
   * status only ever moves forward, and a sweep broadcast meanwhile without the energy fails and is swept again.
   */
  private async orphaned(trx: Transaction<DB>, send: SendRecord): Promise<void> {
    const row = await this.find(trx, send.ownerId);
    await addSweepFee(trx, row.sweep_id, -(send.networkFee ?? 0n), this.deps.clock.now());
    await this.deps.onStepOrphaned(trx, row.sweep_id, send);
  }

  private async move(
    trx: Transaction<DB>,
    id: string,
    from: readonly DelegationStatus[],
    to: DelegationStatus,
    extra: DelegationExtra = {},
  ): Promise<boolean> {
    const moved = await trx
      .updateTable('energy_delegations')
      .set({ status: to, ...extra, updated_at: this.deps.clock.now() })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(moved.numUpdatedRows) > 0;
  }

  /** A delegation with its merchant's hot-wallet index (the key that signs every step). */
  private async find(trx: Transaction<DB>, id: string): Promise<DelegationRow> {
    return this.findWhere(trx, 'd.id', id) as Promise<DelegationRow>;
  }

  private async findWhere(trx: Transaction<DB>, column: 'd.id' | 'd.sweep_id', value: string): Promise<DelegationRow | undefined> {
    const row = await trx
      .selectFrom('energy_delegations as d')
      .innerJoin('merchants as m', 'm.id', 'd.merchant_id')
      .selectAll('d')
      .select('m.hd_index')
      .where(column, '=', value)
      .executeTakeFirst();
    if (!row && column === 'd.id') throw new Error(`energy delegation ${value} not found`);
    return row ? { ...row, hotIndex: Number(row.hd_index) } : undefined;
  }
}

/**
 * Settlement rows and their events (SPEC §3.7, §3.10): a settlement is `initiated` when the payout to
 * the payee is decided and `completed` once its transfer is on chain. Each step writes the row, the
 * webhook event (`settlement.initiated` / `settlement.completed`) and the audit record through the
 * caller's transaction, so the settlement worker's own writes (sweeps, the transfer job) commit with them.
 */
import type { Selectable } from 'kysely';
import type { SettlementsTable } from '../../db/schema.js';
import { type AssetCatalog, NATIVE_SYMBOL } from '../../shared/catalogues/asset-catalog.js';
import type { WebhookEventType } from '../../shared/catalogues/webhook-events.js';
import { type Clock, toIso } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Asset } from '../../shared/money.js';
import type { AuditContext, AuditExecutor, AuditRecorder } from '../audit/audit-trail.js';
import { compareAndSet, type SettlementStatus } from './settlement-lifecycle.js';

export type { SettlementStatus };

export interface Settlement {
  /** `stl_` + 32 hex (16 in ids made before the ids carried random bits) */
  id: string;
  merchantId: string;
  status: SettlementStatus;
  currency: Asset;
  amount: bigint;
  payeeAddress: string;
  transactionId: string | null;
  networkFee: bigint | null;
  createdAt: number;
  completedAt: number | null;
}

/** The outbox, as settlements need it. */
export interface SettlementEventWriter {
  append(
    executor: AuditExecutor,
    events: Array<{ merchantId: string; type: WebhookEventType; aggregateType: 'settlement'; aggregateId: string; object: unknown }>,
  ): Promise<unknown>;
}

export interface SettlementRecordsDeps {
  clock: Clock;
  ids: IdGenerator;
  outbox: SettlementEventWriter;
  audit: AuditRecorder;
  assets: AssetCatalog;
}

/** The API representation (also the settlement events' `data.object`): amounts as decimal strings. */
export function toSettlementView(s: Settlement, assets: AssetCatalog) {
  return {
    settlement_id: s.id,
    object: 'settlement' as const,
    status: s.status,
    currency: s.currency,
    amount: assets.format(s.currency, s.amount),
    payee_address: s.payeeAddress,
    transaction_id: s.transactionId,
    network_fee: assets.formatOptional(NATIVE_SYMBOL, s.networkFee),
    created_at: toIso(s.createdAt),
    completed_at: s.completedAt === null ? null : toIso(s.completedAt),
  };
}

export interface InitiateSettlementInput {
  merchantId: string;
  currency: Asset;
  amount: bigint;
  payeeAddress: string;
  /** an id chosen by the caller (so that ledger entries and sweeps written before it can name it) */
  id?: string;
  /** schedule | threshold | manual */
  trigger?: SettlementTrigger;
}

export type SettlementTrigger = 'schedule' | 'threshold' | 'manual';

export async function initiateSettlement(
  trx: AuditExecutor,
  deps: SettlementRecordsDeps,
  input: InitiateSettlementInput,
  context: AuditContext,
): Promise<Settlement> {
  if (input.amount <= 0n) throw new RangeError(`a settlement moves a positive amount, not ${input.amount}`);
  const settlement: Settlement = {
    id: input.id ?? deps.ids('stl'),
    merchantId: input.merchantId,
    status: 'initiated',
    currency: input.currency,
    amount: input.amount,
    payeeAddress: input.payeeAddress,
    transactionId: null,
    networkFee: null,
    createdAt: deps.clock.now(),
    completedAt: null,
  };
  await trx
    .insertInto('settlements')
    .values({
      id: settlement.id,
      merchant_id: settlement.merchantId,
      status: settlement.status,
      currency: settlement.currency,
      amount: settlement.amount,
      payee_address: settlement.payeeAddress,
      transaction_id: null,
      network_fee: null,
      created_at: settlement.createdAt,
      completed_at: null,
      trigger: input.trigger ?? null,
      updated_at: settlement.createdAt,
    })
    .execute();
  await emit(trx, deps, 'settlement.initiated', null, settlement, context);
  return settlement;
}

export interface CompleteSettlementInput {
  settlementId: string;
  transactionId: string;
  /** TRX burned by the transfer, when known */
  networkFee?: bigint;
}

/** Marks an initiated settlement completed; null when it is unknown or no longer `initiated`. */
export async function completeSettlement(
  trx: AuditExecutor,
  deps: SettlementRecordsDeps,
  input: CompleteSettlementInput,
  context: AuditContext,
): Promise<Settlement | null> {
  const step = compareAndSet({ type: 'payee_transfer_completed' });
  const row = await trx
    .updateTable('settlements')
    .set({
      status: step.to,
      transaction_id: input.transactionId,
      network_fee: input.networkFee ?? null,
      completed_at: deps.clock.now(),
      updated_at: deps.clock.now(),
    })
    .where('id', '=', input.settlementId)
    .where('status', 'in', step.from)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  const after = toSettlement(row);
  const before: Settlement = { ...after, status: 'initiated', transactionId: null, networkFee: null, completedAt: null };
  await emit(trx, deps, 'settlement.completed', before, after, context);
  return after;
}

export interface FailSettlementInput {
  settlementId: string;
  /** a SendFailureReason, or why the gateway gave up */
  reason: string;
}

/**
 * Marks an initiated settlement failed; null when it is unknown or no longer `initiated`. No webhook event
 * (SPEC §3.10 has none for it); the audit record says what happened. The caller gives the ledger its
 * debit back first (the audit record must come last).
 */
export async function failSettlement(
  trx: AuditExecutor,
  deps: SettlementRecordsDeps,
  input: FailSettlementInput,
  context: AuditContext,
): Promise<Settlement | null> {
  const now = deps.clock.now();
  const step = compareAndSet({ type: 'payee_transfer_failed' });
  const row = await trx
    .updateTable('settlements')
    .set({ status: step.to, failure_reason: input.reason, updated_at: now })
    .where('id', '=', input.settlementId)
    .where('status', 'in', step.from)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  const after = toSettlement(row);
  await deps.audit.record(trx, [
    {
      merchantId: after.merchantId,
      actor: context.actor,
      action: 'settlement.failed',
      entityType: 'settlement',
      entityId: after.id,
      requestId: context.requestId,
      before: toSettlementView({ ...after, status: 'initiated' }, deps.assets),
      after: { ...toSettlementView(after, deps.assets), failure_reason: input.reason },
    },
  ]);
  return after;
}

/** The event and the audit record of one step; the audit record last (it holds the chain's head lock to the commit). */
async function emit(
  trx: AuditExecutor,
  deps: SettlementRecordsDeps,
  type: Extract<WebhookEventType, `settlement.${string}`>,
  before: Settlement | null,
  after: Settlement,
  context: AuditContext,
): Promise<void> {
  const view = toSettlementView(after, deps.assets);
  await deps.outbox.append(trx, [{ merchantId: after.merchantId, type, aggregateType: 'settlement', aggregateId: after.id, object: view }]);
  await deps.audit.record(trx, [
    {
      merchantId: after.merchantId,
      actor: context.actor,
      action: type,
      entityType: 'settlement',
      entityId: after.id,
      requestId: context.requestId,
      before: before === null ? null : toSettlementView(before, deps.assets),
      after: view,
    },
  ]);
}

export function toSettlement(row: Selectable<SettlementsTable>): Settlement {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    status: row.status as SettlementStatus,
    currency: row.currency as Asset,
    amount: BigInt(row.amount),
    payeeAddress: row.payee_address,
    transactionId: row.transaction_id,
    networkFee: row.network_fee === null ? null : BigInt(row.network_fee),
    createdAt: Number(row.created_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
  };
}

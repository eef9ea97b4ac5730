/**
 * Audit records of the money a settlement moves before the payee transfer (issue 20): sweeps (`sweep.started`,
 * `sweep.completed`, `sweep.failed`, `sweep.step_orphaned`), their fuel transfers (`sweep_fuel.sent`) and, for sweeps on delegated
 * energy, the activation, delegation and reclaim (`account.activated`, `energy.delegated`,
 * `energy.delegation_failed`, `energy.reclaimed`, `energy.reclaim_failed`). Each is written by the caller in
 * the transaction that records the step; amounts are decimal strings (TRX for fuel, energy stake and fees).
 */
import type { Selectable } from 'kysely';
import type { EnergyDelegationsTable, SweepsTable } from '../../db/schema.js';
import { type AssetCatalog, NATIVE_SYMBOL } from '../../shared/catalogues/asset-catalog.js';
import type { AuditContext, AuditEntry } from '../audit/audit-trail.js';
import type { SendRecord } from '../chain/send-contract.js';

/** `sweep.step_orphaned`: a reorganisation took one of its landed transactions off the chain (broadcast again) */
export type SweepAuditAction = 'sweep.started' | 'sweep.completed' | 'sweep.failed' | 'sweep_fuel.sent' | 'sweep.step_orphaned';
export type DelegationAuditAction =
  | 'account.activated'
  | 'energy.delegated'
  | 'energy.delegation_failed'
  | 'energy.reclaimed'
  | 'energy.reclaim_failed';

type SweepRow = Selectable<SweepsTable>;
type DelegationRow = Selectable<EnergyDelegationsTable>;

/** What an audit record says of a sweep (no keys: the deposit index names a key, not the key). */
export function sweepAuditView(row: SweepRow, assets: AssetCatalog) {
  const trx = (v: bigint | number | string | null) => (v === null ? null : assets.format(NATIVE_SYMBOL, BigInt(v)));
  return {
    sweep_id: row.id,
    settlement_id: row.settlement_id,
    status: row.status,
    deposit_address: row.deposit_address,
    asset: row.asset,
    amount: assets.format(row.asset, BigInt(row.amount)),
    fuel_amount: trx(row.fuel_amount),
    network_fee: trx(row.network_fee),
    failure_reason: row.failure_reason,
  };
}

/** A sweep's step: `before`/`after` are its rows around the step (`before` null when only `after` matters). */
export function sweepEntry(
  action: SweepAuditAction,
  before: SweepRow | null,
  after: SweepRow,
  assets: AssetCatalog,
  context: AuditContext,
  send?: SendRecord,
): AuditEntry {
  return {
    merchantId: after.merchant_id,
    actor: context.actor,
    action,
    entityType: 'sweep',
    entityId: after.id,
    requestId: context.requestId,
    before: before === null ? null : sweepAuditView(before, assets),
    after: { ...sweepAuditView(after, assets), ...(send ? sendFacts(send, assets) : {}) },
  };
}

/** A delegated sweep's chain step (activation, delegation, reclaim), with the send that made it. */
export function delegationEntry(
  action: DelegationAuditAction,
  before: DelegationRow,
  after: DelegationRow,
  send: SendRecord,
  assets: AssetCatalog,
  context: AuditContext,
): AuditEntry {
  return {
    merchantId: after.merchant_id,
    actor: context.actor,
    action,
    entityType: 'energy_delegation',
    entityId: after.id,
    requestId: context.requestId,
    before: delegationView(before, assets),
    after: { ...delegationView(after, assets), ...sendFacts(send, assets) },
  };
}

function delegationView(row: DelegationRow, assets: AssetCatalog) {
  return {
    delegation_id: row.id,
    sweep_id: row.sweep_id,
    status: row.status,
    hot_address: row.hot_address,
    receiver_address: row.receiver_address,
    energy: String(row.energy),
    staked_trx: assets.format(NATIVE_SYMBOL, BigInt(row.sun)),
    failure_reason: row.failure_reason,
  };
}

function sendFacts(send: SendRecord, assets: AssetCatalog) {
  return {
    send_id: send.id,
    send_purpose: send.purpose,
    transaction_id: send.txId,
    send_amount: assets.format(send.asset, send.amount),
    send_network_fee: send.networkFee === null ? null : assets.format(NATIVE_SYMBOL, send.networkFee),
  };
}

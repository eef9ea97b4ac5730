/** chain_sends rows as SendRecords, and the statuses the sender and the tracker work on. */
import type { Insertable, Selectable } from 'kysely';
import type { ChainSendsTable } from '../../db/schema.js';
import type { Asset } from '../../shared/money.js';
import type { EnergyDecisionState } from './energy-wait.js';
import type { SendPurpose, SendRecord, SendStatus } from './send-contract.js';
import type { SendCost } from './send-cost.js';
import { allowedFrom, isFinal, SEND_STATUSES } from './send-lifecycle.js';

export type SendRow = Selectable<ChainSendsTable>;

/** Statuses in which a transaction of the owner may still land (or has landed but is not final). */
export const OPEN_SEND_STATUSES: readonly SendStatus[] = SEND_STATUSES.filter((status) => !isFinal(status));
/** Signed bytes exist and may be in a node's pool: the statuses a send can be seen in a block from. */
export const IN_FLIGHT_STATUSES: readonly SendStatus[] = allowedFrom('landed');

/** Every column of a send but the signed bytes (what the tracker and step reports read). */
export const RECORD_COLUMNS = [
  'id',
  'purpose',
  'owner_id',
  'merchant_id',
  'sequence',
  'signer',
  'from_address',
  'to_address',
  'asset',
  'amount',
  'fee_limit',
  'priority',
  'max_retries',
  'status',
  'tx_id',
  'expiration',
  'attempts',
  'next_attempt_at',
  'locked_by',
  'locked_until',
  'last_error',
  'block_number',
  'energy_used',
  'network_fee',
  'energy_delegated',
  'energy_burned_trx',
  'bandwidth_used',
  'bandwidth_burned_trx',
  'activation_trx',
  'trx_burned',
  'energy_decision',
  'energy_wait_ms',
  'failure_reason',
  'created_at',
  'updated_at',
  'broadcast_at',
  'confirmed_at',
  'completed_at',
  'resource',
] as const;

const num = (v: bigint | number): number => Number(v);
const numOrNull = (v: bigint | number | null): number | null => (v === null ? null : Number(v));
const bigOrNull = (v: bigint | number | null): bigint | null => (v === null ? null : BigInt(v));

export function toSendRecord(row: SendRow): SendRecord {
  return {
    id: row.id,
    purpose: row.purpose as SendPurpose,
    ownerId: row.owner_id,
    merchantId: row.merchant_id,
    sequence: num(row.sequence),
    signer: row.signer,
    fromAddress: row.from_address,
    toAddress: row.to_address,
    asset: row.asset as Asset,
    amount: BigInt(row.amount),
    resource: row.resource === 'ENERGY' || row.resource === 'BANDWIDTH' ? row.resource : null,
    feeLimit: BigInt(row.fee_limit),
    priority: num(row.priority),
    maxRetries: num(row.max_retries),
    status: row.status as SendStatus,
    txId: row.tx_id,
    expiration: numOrNull(row.expiration),
    attempts: num(row.attempts),
    lastError: row.last_error,
    blockNumber: numOrNull(row.block_number),
    energyUsed: bigOrNull(row.energy_used),
    networkFee: bigOrNull(row.network_fee),
    cost: sendCostOf(row),
    energyDecision: row.energy_decision as EnergyDecisionState | null,
    energyWaitMs: numOrNull(row.energy_wait_ms),
    failureReason: row.failure_reason,
    createdAt: num(row.created_at),
    broadcastAt: numOrNull(row.broadcast_at),
    confirmedAt: numOrNull(row.confirmed_at),
    completedAt: numOrNull(row.completed_at),
  };
}

/** What a new send row carries about the transfer; the rest is the state of a send not yet signed. */
export type SendIdentity = Pick<
  Insertable<ChainSendsTable>,
  | 'id'
  | 'purpose'
  | 'owner_id'
  | 'merchant_id'
  | 'sequence'
  | 'signer'
  | 'from_address'
  | 'to_address'
  | 'asset'
  | 'amount'
  | 'fee_limit'
  | 'priority'
  | 'max_retries'
  | 'resource'
>;

/** The identity of the transaction that follows `row` for the same owner (sequence + 1), under a new id. */
export function nextSequenceIdentity(row: Omit<SendRow, 'signed_tx'>, id: string): SendIdentity {
  return {
    id,
    purpose: row.purpose,
    owner_id: row.owner_id,
    merchant_id: row.merchant_id,
    sequence: Number(row.sequence) + 1,
    signer: row.signer,
    from_address: row.from_address,
    to_address: row.to_address,
    asset: row.asset,
    amount: row.amount,
    fee_limit: row.fee_limit,
    priority: row.priority,
    max_retries: row.max_retries,
    resource: row.resource,
  };
}

/** A `queued` send: sequence 1 from the queue, or the successor the tracker queues after a provable expiry. */
export function queuedSendRow(identity: SendIdentity, now: number, attempts = 0): Insertable<ChainSendsTable> {
  return {
    ...identity,
    status: 'queued',
    tx_id: null,
    signed_tx: null,
    expiration: null,
    attempts,
    next_attempt_at: now,
    locked_by: null,
    locked_until: null,
    last_error: null,
    block_number: null,
    energy_used: null,
    network_fee: null,
    ...NO_COST,
    energy_decision: null,
    energy_wait_ms: null,
    failure_reason: null,
    created_at: now,
    updated_at: now,
    broadcast_at: null,
    confirmed_at: null,
    completed_at: null,
  };
}

/** The cost columns of a send not yet seen in a block. */
const NO_COST = {
  energy_delegated: null,
  energy_burned_trx: null,
  bandwidth_used: null,
  bandwidth_burned_trx: null,
  activation_trx: null,
  trx_burned: null,
} as const;

/** The columns that store a send's cost (written by the tracker from the receipt). */
export function sendCostColumns(cost: SendCost) {
  return {
    energy_used: cost.energyUsed,
    energy_delegated: cost.energyDelegated,
    energy_burned_trx: cost.energyBurnedTrx,
    bandwidth_used: cost.bandwidthUsed,
    bandwidth_burned_trx: cost.bandwidthBurnedTrx,
    activation_trx: cost.activationTrx,
    trx_burned: cost.trxBurned,
  };
}

type CostRow = Pick<SendRow, 'energy_used' | keyof typeof NO_COST>;

export function sendCostOf(row: CostRow): SendCost | null {
  if (row.trx_burned === null) return null;
  const big = (v: bigint | number | null) => (v === null ? 0n : BigInt(v));
  return {
    energyUsed: big(row.energy_used),
    energyDelegated: big(row.energy_delegated),
    energyBurnedTrx: big(row.energy_burned_trx),
    bandwidthUsed: big(row.bandwidth_used),
    bandwidthBurnedTrx: big(row.bandwidth_burned_trx),
    activationTrx: big(row.activation_trx),
    trxBurned: big(row.trx_burned),
  };
}

/**
 * What the modules that move money (payouts, refunds, settlements, sweeps) and the chain sender agree on.
 * An owner asks for a transfer by enqueueing a SendRequest inside its own transaction (so the request
 * commits with the state change that caused it); the sender signs it once, stores the signed bytes,
 * broadcasts, follows it to solidification, and reports every step back to the owner's handler — also
 * inside the transaction that records the step.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Asset } from '../../shared/money.js';
import type { ResourceCode } from '../../tron/resource-contracts.js';
import type { KeyRef } from '../wallets/signer.js';
import type { EnergyDecisionState } from './energy-wait.js';
import type { SendCost } from './send-cost.js';
import type { SendStatus } from './send-lifecycle.js';

/** The statuses are the send lifecycle's (send-lifecycle.ts). */
export { SEND_STATUSES, type SendStatus } from './send-lifecycle.js';

/** Sends that move an asset (a TransferContract or a token's TriggerSmartContract). */
export type TransferPurpose = 'payout' | 'refund' | 'settlement' | 'sweep' | 'sweep_fuel';
/**
 * Sends that carry a Stake 2.0 or account contract (issue 19), one contract per purpose:
 * stake = FreezeBalanceV2, unstake = UnfreezeBalanceV2, withdraw_unstaked = WithdrawExpireUnfreeze,
 * delegate = DelegateResource, reclaim = UnDelegateResource, activation = AccountCreate.
 */
export type ResourcePurpose = 'stake' | 'unstake' | 'withdraw_unstaked' | 'delegate' | 'reclaim' | 'activation';
export type SendPurpose = TransferPurpose | ResourcePurpose;
export const RESOURCE_PURPOSES: readonly ResourcePurpose[] = ['stake', 'unstake', 'withdraw_unstaked', 'delegate', 'reclaim', 'activation'];
export const SEND_PURPOSES: readonly SendPurpose[] = ['payout', 'refund', 'settlement', 'sweep', 'sweep_fuel', ...RESOURCE_PURPOSES];

export function isResourcePurpose(purpose: string): purpose is ResourcePurpose {
  return (RESOURCE_PURPOSES as readonly string[]).includes(purpose);
}

/** The purposes whose contract moves no amount: their sends carry amount 0. */
export const AMOUNTLESS_PURPOSES: readonly SendPurpose[] = ['withdraw_unstaked', 'activation'];
/**
 * Sends that serve collections (their cost is what collecting cost): the sweep, its fuel (whose first TRX
 * also activates the deposit address), an activation, and the energy delegated for a sweep and reclaimed.
 */
export const COLLECTION_SEND_PURPOSES: readonly SendPurpose[] = ['sweep', 'sweep_fuel', 'activation', 'delegate', 'reclaim'];

/** Why a send failed for good (SPEC §3.3: reverted, out of energy, insufficient funds, recipient blacklisted, retries exhausted). */
export type SendFailureReason =
  | 'insufficient_funds'
  | 'insufficient_trx_for_fees'
  | 'recipient_blacklisted'
  | 'sender_blacklisted'
  | 'reverted'
  | 'out_of_energy'
  | 'rejected_by_node'
  | 'retries_exhausted';

export interface SendRequest {
  purpose: SendPurpose;
  /** the payment, refund, settlement or sweep this transfer serves; one live transaction per owner */
  ownerId: string;
  merchantId: string;
  /** whose key signs: the merchant's hot wallet, or a deposit address (sweeps) */
  signer: KeyRef;
  toAddress: string;
  asset: Asset;
  /**
   * base units of the send's asset (sun for TRX); for stake, unstake, delegate and reclaim the sun staked,
   * unstaked, delegated or taken back; 0 for the amountless purposes (withdraw_unstaked, activation). For a
   * delegation `toAddress` is the receiver; for an activation, the account created.
   */
  amount: bigint;
  /** the resource a stake, unstake, delegate or reclaim is about */
  resource?: ResourceCode;
  /** 0 = urgent … 3 = low: the order sends are taken in */
  priority: number;
  /** broadcast retries for transient failures (SPEC §3.4) */
  maxRetries: number;
}

/** A send as stored (chain_sends), typed. */
export interface SendRecord {
  id: string;
  purpose: SendPurpose;
  ownerId: string;
  merchantId: string;
  sequence: number;
  signer: string;
  fromAddress: string;
  toAddress: string;
  asset: Asset;
  amount: bigint;
  resource: ResourceCode | null;
  feeLimit: bigint;
  priority: number;
  maxRetries: number;
  status: SendStatus;
  txId: string | null;
  expiration: number | null;
  attempts: number;
  lastError: string | null;
  blockNumber: number | null;
  energyUsed: bigint | null;
  /** sun burned, from the receipt */
  networkFee: bigint | null;
  /** what the send cost by resource, from its receipt; null until it is seen in a block */
  cost: SendCost | null;
  /** how a hot-wallet token send paid for energy, or `waiting` while it waits for staked energy (energy-wait.ts) */
  energyDecision: EnergyDecisionState | null;
  /** how long it had waited for energy when it was signed */
  energyWaitMs: number | null;
  failureReason: string | null;
  createdAt: number;
  broadcastAt: number | null;
  confirmedAt: number | null;
  completedAt: number | null;
}

export type SendTransaction = Transaction<DB>;

/**
 * An owner's reaction to its sends' steps. Each runs inside the transaction that stores the step; an
 * error rolls the step back (and it is tried again). All optional.
 */
export interface SendHandler {
  /**
   * Called first in a transaction that will report steps of several sends of this purpose (their owners
   * sorted by id): lock the owners' rows here, in that order, so that two such transactions never wait for
   * each other in a cycle (PostgreSQL would abort one as a deadlock).
   */
  lockOwners?(trx: SendTransaction, ownerIds: readonly string[]): Promise<void>;
  /** accepted by the node: `txId` is known */
  onBroadcast?(trx: SendTransaction, send: SendRecord): Promise<void>;
  /** in a block with a successful receipt; `networkFee` and `blockNumber` are set */
  onConfirmed?(trx: SendTransaction, send: SendRecord): Promise<void>;
  /** its block is solidified: final */
  onCompleted?(trx: SendTransaction, send: SendRecord): Promise<void>;
  /** a reorganisation took its confirmed transaction off the chain: it is broadcast again (`signed`), confirmed again later */
  onOrphaned?(trx: SendTransaction, send: SendRecord): Promise<void>;
  /** failed for good; no transaction of this owner will land */
  onFailed?(trx: SendTransaction, send: SendRecord, reason: SendFailureReason, detail: string): Promise<void>;
  /**
   * The same steps for all sends of this purpose that took it in one transaction (the sender and the
   * tracker report a whole batch at once). When a batch method is given it is called instead of the
   * per-send one; owners with a bulk path (payouts) use it to change all their rows in a few statements.
   */
  onBroadcastMany?(trx: SendTransaction, sends: readonly SendRecord[]): Promise<void>;
  onConfirmedMany?(trx: SendTransaction, sends: readonly SendRecord[]): Promise<void>;
  onCompletedMany?(trx: SendTransaction, sends: readonly SendRecord[]): Promise<void>;
  onFailedMany?(trx: SendTransaction, failures: readonly SendFailure[]): Promise<void>;
}

export interface SendFailure {
  send: SendRecord;
  reason: SendFailureReason;
  detail: string;
}

/** A step of one send, as the sender and the tracker report it to the owner's handler. */
export type SendEvent =
  | { kind: 'broadcast' | 'confirmed' | 'completed' | 'orphaned'; send: SendRecord }
  | { kind: 'failed'; send: SendRecord; reason: SendFailureReason; detail: string };

/** How owners hand work to the sender. */
export interface SendQueue {
  /**
   * Queues a transfer inside the caller's transaction. Idempotent per (purpose, ownerId): asking again
   * returns the send already there and queues nothing.
   */
  enqueue(trx: SendTransaction, request: SendRequest): Promise<SendRecord>;
  /** enqueue() for many owners in a few statements; one record per request, in order */
  enqueueMany?(trx: SendTransaction, requests: readonly SendRequest[]): Promise<SendRecord[]>;
  /** after the owner's latest send failed without landing: its next sequence, due at `notBefore` (null if none was queued) */
  retryFailed?(trx: SendTransaction, purpose: SendPurpose, ownerId: string, notBefore: number): Promise<SendRecord | null>;
  /** the sends of an owner, newest sequence first */
  forOwner(executor: SendTransaction | import('kysely').Kysely<DB>, purpose: SendPurpose, ownerId: string): Promise<SendRecord[]>;
}

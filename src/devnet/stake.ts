/**
 * Stake 2.0 system contracts (types 54–59) as java-tron's actuators validate and execute them
 * (actuator/src/main/java/org/tron/core/actuator/{FreezeBalanceV2,UnfreezeBalanceV2,WithdrawExpireUnfreeze,
 * DelegateResource,UnDelegateResource,CancelAllUnfreezeV2}Actuator.java), with their validation messages.
 * `now` is the time the transaction executes at; delegation locks count in 3 s blocks as on mainnet.
 */

import { bytesToHex } from '../tron/bytes.js';
import type {
  CancelAllUnfreezeV2Contract,
  DelegateResourceContract,
  FreezeBalanceV2Contract,
  ResourceCode,
  UnDelegateResourceContract,
  UnfreezeBalanceV2Contract,
  WithdrawExpireUnfreezeContract,
} from '../tron/resource-contracts.js';
import type { ChainParams } from './params.js';
import {
  delegatableStake,
  delegateTransactionBytes,
  networkTotals,
  RESOURCE_FIELDS,
  SUN_PER_TRX,
  stakedUsage,
  unfreezingCount,
  withdrawableAt,
} from './resources.js';
import type { AccountState, Delegation, WorldState } from './state.js';

export type StakeContract =
  | FreezeBalanceV2Contract
  | UnfreezeBalanceV2Contract
  | WithdrawExpireUnfreezeContract
  | DelegateResourceContract
  | UnDelegateResourceContract
  | CancelAllUnfreezeV2Contract;

export const STAKE_CONTRACT_TYPES: ReadonlySet<string> = new Set([
  'FreezeBalanceV2Contract',
  'UnfreezeBalanceV2Contract',
  'WithdrawExpireUnfreezeContract',
  'DelegateResourceContract',
  'UnDelegateResourceContract',
  'CancelAllUnfreezeV2Contract',
]);

export function isStakeContract(c: { type: string }): c is StakeContract {
  return STAKE_CONTRACT_TYPES.has(c.type);
}

/** UnfreezeBalanceV2Actuator.UNFREEZE_MAX_TIMES */
export const UNFREEZE_MAX_TIMES = 32;
/** java-tron's BLOCK_PRODUCED_INTERVAL: delegation lock periods count in these, whatever the devnet's block time */
const LOCK_BLOCK_MS = 3000n;
/** DELEGATE_PERIOD / BLOCK_PRODUCED_INTERVAL: the lock a delegation gets when `lock` is set without a period */
const DEFAULT_LOCK_PERIOD = 86_400n;

/** What a stake contract adds to its transaction info. */
export interface StakeResult {
  /** TransactionInfo.withdraw_expire_amount */
  withdrawExpireAmount?: bigint;
  /** TransactionInfo.cancel_unfreezeV2_amount */
  cancelUnfreezeV2Amount?: { BANDWIDTH: bigint; ENERGY: bigint; TRON_POWER: bigint };
}

function isAddress(bytes: Uint8Array): boolean {
  return bytes.length === 21 && bytes[0] === 0x41;
}

/** ActuatorConstant.ACCOUNT_EXCEPTION_STR + hex + NOT_EXIST_STR */
function accountMissing(hex: string): string {
  return `Account[${hex}] not exists`;
}

/** FreezeV2 + delegated-out sun of a resource, in whole TRX: the account's weight in the network totals. */
function weightOf(acc: AccountState, resource: ResourceCode): bigint {
  const f = RESOURCE_FIELDS[resource];
  return (acc[f.frozen] + acc[f.delegated]) / SUN_PER_TRX;
}

/** Adds `delta` sun to the account's stake of `resource` and moves the network's weight with it. */
function addFrozen(state: WorldState, acc: AccountState, resource: ResourceCode, delta: bigint): void {
  const before = weightOf(acc, resource);
  acc[RESOURCE_FIELDS[resource].frozen] += delta;
  const change = weightOf(acc, resource) - before;
  if (resource === 'ENERGY') state.addTotals(0n, change);
  else state.addTotals(change, 0n);
}

function lockPeriodOf(c: DelegateResourceContract): bigint {
  return c.lockPeriod === 0n ? DEFAULT_LOCK_PERIOD : c.lockPeriod;
}

function emptyDelegation(from: string, to: string, lock: boolean): Delegation {
  return { from, to, lock, bandwidth: 0n, bandwidthExpire: 0n, energy: 0n, energyExpire: 0n };
}

/** DelegatedResourceStore.unLockExpireResource: moves the expired part of the locked record into the unlocked one. */
function unlockExpired(state: WorldState, from: string, to: string, now: bigint): void {
  const locked = state.delegation(from, to, true);
  if (!locked || (locked.energyExpire >= now && locked.bandwidthExpire >= now)) return;
  const free = { ...(state.delegation(from, to, false) ?? emptyDelegation(from, to, false)) };
  const rest = { ...locked };
  for (const { amount, expire } of Object.values(RESOURCE_FIELDS)) {
    if (rest[expire] >= now) continue;
    free[amount] += rest[amount];
    rest[amount] = 0n;
    rest[expire] = 0n;
  }
  state.setDelegation(from, to, true, rest.bandwidth === 0n && rest.energy === 0n ? undefined : rest);
  state.setDelegation(from, to, false, free);
}

/**
 * java-tron's validate() for a stake contract; the message as the actuator throws it, or undefined when valid.
 * `balance` is the owner's balance after the transaction's bandwidth was paid (java-tron validates after consuming it).
 */
export function validateStake(
  state: WorldState,
  params: ChainParams,
  c: StakeContract,
  balance: bigint,
  now: bigint,
  building = false,
): string | undefined {
  if (!isAddress(c.ownerAddress)) return 'Invalid address';
  const owner = bytesToHex(c.ownerAddress);
  const acc = state.account(owner);
  if (!acc)
    return c.type === 'UnfreezeBalanceV2Contract' || c.type === 'UnDelegateResourceContract'
      ? `Account[${owner}] does not exist`
      : accountMissing(owner);
  switch (c.type) {
    case 'FreezeBalanceV2Contract':
      if (c.frozenBalance <= 0n) return 'frozenBalance must be positive';
      if (c.frozenBalance < SUN_PER_TRX) return 'frozenBalance must be greater than or equal to 1 TRX';
      if (c.frozenBalance > balance) return 'frozenBalance must be less than or equal to accountBalance';
      if (c.resource !== 'BANDWIDTH' && c.resource !== 'ENERGY') return 'ResourceCode error, valid ResourceCode[BANDWIDTH、ENERGY]';
      return undefined;
    case 'UnfreezeBalanceV2Contract': {
      if (c.resource === 'ENERGY' && acc.frozenV2Energy <= 0n) return 'no frozenBalance(Energy)';
      if (c.resource === 'BANDWIDTH' && acc.frozenV2Bandwidth <= 0n) return 'no frozenBalance(BANDWIDTH)';
      if (c.resource !== 'BANDWIDTH' && c.resource !== 'ENERGY') return 'ResourceCode error.valid ResourceCode[BANDWIDTH、Energy]';
      const frozen = c.resource === 'ENERGY' ? acc.frozenV2Energy : acc.frozenV2Bandwidth;
      if (c.unfreezeBalance <= 0n || c.unfreezeBalance > frozen) return `Invalid unfreeze_balance, [${c.unfreezeBalance}] is error`;
      if (unfreezingCount(acc, now) >= UNFREEZE_MAX_TIMES) return 'Invalid unfreeze operation, unfreezing times is over limit';
      return undefined;
    }
    case 'WithdrawExpireUnfreezeContract':
      if (withdrawableAt(acc, now) <= 0n) return 'no unFreeze balance to withdraw ';
      return undefined;
    case 'CancelAllUnfreezeV2Contract':
      if (acc.unfrozenV2.length === 0) return 'No unfreezeV2 list to cancel';
      return undefined;
    case 'DelegateResourceContract':
      return validateDelegate(state, params, c, acc, now, building);
    case 'UnDelegateResourceContract':
      return validateUnDelegate(state, c, owner, now);
  }
}

/** `building`: the node builds the transaction, so (as with isTransactionCreate) its own bytes count against the bandwidth stake. */
function validateDelegate(
  state: WorldState,
  params: ChainParams,
  c: DelegateResourceContract,
  acc: AccountState,
  now: bigint,
  building: boolean,
): string | undefined {
  if (c.balance < SUN_PER_TRX) return 'delegateBalance must be greater than or equal to 1 TRX';
  if (c.resource !== 'BANDWIDTH' && c.resource !== 'ENERGY') return 'ResourceCode error, valid ResourceCode[BANDWIDTH、ENERGY]';
  const ownBytes =
    building && c.resource === 'BANDWIDTH' ? delegateTransactionBytes(acc.frozenV2Bandwidth, params.maxDelegateLockPeriod) : 0n;
  if (delegatableStake(acc, c.resource, params, state.totals, now, ownBytes) < c.balance) {
    const stake = c.resource === 'ENERGY' ? 'FreezeEnergyV2' : 'FreezeBandwidthV2';
    return `delegateBalance must be less than or equal to available ${stake} balance`;
  }
  if (!isAddress(c.receiverAddress)) return 'Invalid receiverAddress';
  const owner = acc.address;
  const receiver = bytesToHex(c.receiverAddress);
  if (receiver === owner) return 'receiverAddress must not be the same as ownerAddress';
  const receiverAcc = state.account(receiver);
  if (!receiverAcc) return accountMissing(receiver);
  if (c.lock) {
    const period = lockPeriodOf(c);
    if (period < 0n || period > params.maxDelegateLockPeriod) {
      return `The lock period of delegate resource cannot be less than 0 and cannot exceed ${params.maxDelegateLockPeriod}!`;
    }
    const locked = state.delegation(owner, receiver, true);
    if (locked) {
      const expire = c.resource === 'ENERGY' ? locked.energyExpire : locked.bandwidthExpire;
      const remain = expire - now;
      if (period * LOCK_BLOCK_MS < remain) {
        return (
          `The lock period for ${c.resource} this time cannot be less than the remaining time[${remain}ms] of the last ` +
          `lock period for ${c.resource}!`
        );
      }
    }
  }
  if (receiverAcc.isContract) return 'Do not allow delegate resources to contract addresses';
  return undefined;
}

function validateUnDelegate(state: WorldState, c: UnDelegateResourceContract, owner: string, now: bigint): string | undefined {
  if (!isAddress(c.receiverAddress)) return 'Invalid receiverAddress';
  const receiver = bytesToHex(c.receiverAddress);
  if (receiver === owner) return 'receiverAddress must not be the same as ownerAddress';
  const free = state.delegation(owner, receiver, false);
  const locked = state.delegation(owner, receiver, true);
  if (!free && !locked) return 'delegated Resource does not exist';
  if (c.balance <= 0n) return 'unDelegateBalance must be more than 0 TRX';
  if (c.resource !== 'BANDWIDTH' && c.resource !== 'ENERGY') return 'ResourceCode error.valid ResourceCode[BANDWIDTH、Energy]';
  // A locked delegation counts only once its lock has passed.
  const f = RESOURCE_FIELDS[c.resource];
  let available = free?.[f.amount] ?? 0n;
  if (locked && locked[f.expire] < now) available += locked[f.amount];
  if (available < c.balance) {
    // java-tron's two messages differ in more than the resource name
    const what = c.resource === 'ENERGY' ? 'delegateFrozenBalance(Energy)' : 'delegatedFrozenBalance(BANDWIDTH)';
    return `insufficient ${what}, request=${c.balance}, unlock_balance=${available}`;
  }
  return undefined;
}

/** java-tron's execute() for a validated stake contract, on the head state. */
export function executeStake(state: WorldState, params: ChainParams, c: StakeContract, now: bigint): StakeResult {
  const owner = bytesToHex(c.ownerAddress);
  const acc = state.touchAccount(owner);
  switch (c.type) {
    case 'FreezeBalanceV2Contract':
      addFrozen(state, acc, c.resource, c.frozenBalance);
      acc.balance -= c.frozenBalance;
      return {};
    case 'UnfreezeBalanceV2Contract': {
      // Unstaking first withdraws whatever has already expired (UnfreezeBalanceV2Actuator.unfreezeExpire).
      const withdrawn = withdrawExpired(acc, now);
      acc.unfrozenV2 = [...acc.unfrozenV2, { type: c.resource, amount: c.unfreezeBalance, expireTime: now + params.unfreezeDelayMs }];
      addFrozen(state, acc, c.resource, -c.unfreezeBalance);
      return withdrawn ? { withdrawExpireAmount: withdrawn } : {};
    }
    case 'WithdrawExpireUnfreezeContract':
      return { withdrawExpireAmount: withdrawExpired(acc, now) };
    case 'CancelAllUnfreezeV2Contract': {
      const cancelled = { BANDWIDTH: 0n, ENERGY: 0n, TRON_POWER: 0n };
      let withdrawn = 0n;
      for (const entry of acc.unfrozenV2) {
        if (entry.expireTime <= now) {
          withdrawn += entry.amount;
        } else {
          addFrozen(state, acc, entry.type, entry.amount);
          cancelled[entry.type] += entry.amount;
        }
      }
      acc.unfrozenV2 = [];
      acc.balance += withdrawn;
      return { withdrawExpireAmount: withdrawn, cancelUnfreezeV2Amount: cancelled };
    }
    case 'DelegateResourceContract':
      delegate(state, c, acc, now);
      return {};
    case 'UnDelegateResourceContract':
      unDelegate(state, params, c, acc, now);
      return {};
  }
}

function withdrawExpired(acc: AccountState, now: bigint): bigint {
  const amount = withdrawableAt(acc, now);
  if (amount > 0n) {
    acc.unfrozenV2 = acc.unfrozenV2.filter((u) => u.expireTime > now);
    acc.balance += amount;
  }
  return amount;
}

function delegate(state: WorldState, c: DelegateResourceContract, acc: AccountState, now: bigint): void {
  const owner = acc.address;
  const receiver = bytesToHex(c.receiverAddress);
  unlockExpired(state, owner, receiver, now);
  const expire = c.lock ? now + lockPeriodOf(c) * LOCK_BLOCK_MS : 0n;
  const record = { ...(state.delegation(owner, receiver, c.lock) ?? emptyDelegation(owner, receiver, c.lock)) };
  const f = RESOURCE_FIELDS[c.resource];
  record[f.amount] += c.balance;
  record[f.expire] = expire;
  state.touchAccount(receiver)[f.acquired] += c.balance;
  acc[f.delegated] += c.balance;
  acc[f.frozen] -= c.balance;
  state.setDelegation(owner, receiver, c.lock, record);
  state.setDelegationIndex(owner, receiver, now);
}

/**
 * Takes a delegation back. The receiver keeps its own usage; the share of its usage that the returned stake
 * carried moves to the owner (UnDelegateResourceActuator's transferUsage), so the owner cannot lend the
 * same energy twice in one window.
 */
function unDelegate(state: WorldState, params: ChainParams, c: UnDelegateResourceContract, acc: AccountState, now: bigint): void {
  const owner = acc.address;
  const receiver = bytesToHex(c.receiverAddress);
  const f = RESOURCE_FIELDS[c.resource];
  const receiverAcc = state.account(receiver) ? state.touchAccount(receiver) : undefined;
  let transferUsage = 0n;
  if (receiverAcc) {
    const acquired = receiverAcc[f.acquired];
    const usage = stakedUsage(receiverAcc, c.resource, params, now);
    if (acquired < c.balance) {
      receiverAcc[f.acquired] = 0n; // java-tron: a receiver re-created after a TVM suicide
    } else {
      const { limit, weight } = networkTotals(c.resource, params, state.totals);
      const maxUsage = BigInt(Math.trunc((Number(c.balance) / Number(SUN_PER_TRX)) * (Number(limit) / Number(weight))));
      const share = BigInt(Math.trunc(Number(usage) * (Number(c.balance) / Number(receiverAcc[f.frozen] + acquired))));
      transferUsage = share < maxUsage ? share : maxUsage;
      receiverAcc[f.acquired] -= c.balance;
    }
    receiverAcc[f.usage] = usage - transferUsage;
    receiverAcc[f.consumeTime] = now;
  }

  unlockExpired(state, owner, receiver, now);
  const free = { ...(state.delegation(owner, receiver, false) ?? emptyDelegation(owner, receiver, false)) };
  free[f.amount] -= c.balance;
  acc[f.delegated] -= c.balance;
  acc[f.frozen] += c.balance;
  if (transferUsage > 0n) {
    acc[f.usage] = stakedUsage(acc, c.resource, params, now) + transferUsage;
    acc[f.consumeTime] = now;
  }
  const freeLeft = free.bandwidth !== 0n || free.energy !== 0n;
  state.setDelegation(owner, receiver, false, freeLeft ? { ...free, bandwidthExpire: 0n, energyExpire: 0n } : undefined);
  if (!freeLeft && !state.delegation(owner, receiver, true)) state.setDelegationIndex(owner, receiver, undefined);
}

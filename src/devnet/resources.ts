/**
 * Bandwidth and energy as java-tron's ResourceProcessor, BandwidthProcessor and EnergyProcessor compute them
 * (chainbase/src/main/java/org/tron/core/db/*Processor.java): limits from the staked share of the network totals,
 * usage that recovers linearly over the window, and the order in which a transaction's bytes are paid.
 */
import { ProtoWriter } from '../tron/protobuf.js';
import type { ResourceCode } from '../tron/resource-contracts.js';
import type { ChainParams } from './params.js';
import type { AccountState, StakeTotals } from './state.js';

export const SUN_PER_TRX = 1_000_000n;

/** What an account's resource fields are read against: the chain's parameters, the network totals and the time. */
export interface ResourceView {
  params: ChainParams;
  totals: StakeTotals;
  now: bigint;
}

/** The account and delegation fields of one resource, so one code path serves bandwidth and energy. */
export const RESOURCE_FIELDS = {
  ENERGY: {
    frozen: 'frozenV2Energy',
    delegated: 'delegatedV2Energy',
    acquired: 'acquiredV2Energy',
    usage: 'energyUsage',
    consumeTime: 'latestConsumeTimeForEnergy',
    amount: 'energy',
    expire: 'energyExpire',
  },
  BANDWIDTH: {
    frozen: 'frozenV2Bandwidth',
    delegated: 'delegatedV2Bandwidth',
    acquired: 'acquiredV2Bandwidth',
    usage: 'netUsage',
    consumeTime: 'latestConsumeTime',
    amount: 'bandwidth',
    expire: 'bandwidthExpire',
  },
} as const;

/** The network's limit and staked weight of a resource (TotalEnergyCurrentLimit/Weight, TotalNetLimit/Weight). */
export function networkTotals(resource: ResourceCode, params: ChainParams, totals: StakeTotals): { limit: bigint; weight: bigint } {
  return resource === 'ENERGY'
    ? { limit: params.totalEnergyCurrentLimit, weight: totals.energyWeight }
    : { limit: params.totalNetLimit, weight: totals.netWeight };
}

/** Staked usage of a resource at `now`, after recovery. */
export function stakedUsage(acc: AccountState, resource: ResourceCode, params: ChainParams, now: bigint): bigint {
  const f = RESOURCE_FIELDS[resource];
  return recoveredUsage(acc[f.usage], acc[f.consumeTime], now, params.resourceWindowMs);
}

/** Usage left at `now` of `usage` recorded at `lastTime`: linear recovery over `window` ms, rounded like ResourceProcessor.increase. */
export function recoveredUsage(usage: bigint, lastTime: bigint, now: bigint, window: bigint): bigint {
  if (usage === 0n) return 0n;
  const elapsed = now - lastTime;
  if (elapsed <= 0n) return usage;
  if (elapsed >= window) return 0n;
  return (usage * (window - elapsed) + window / 2n) / window;
}

/**
 * `staked` sun's share of `totalLimit` among `totalWeight` whole TRX: java-tron's calculateGlobal*LimitV2,
 * computed in doubles (JS numbers are the same IEEE doubles) and truncated like Java's (long) cast.
 */
export function shareOfLimit(staked: bigint, totalLimit: bigint, totalWeight: bigint): bigint {
  if (totalWeight === 0n || staked === 0n) return 0n;
  const weight = Number(staked) / Number(SUN_PER_TRX);
  return BigInt(Math.trunc(weight * (Number(totalLimit) / Number(totalWeight))));
}

/** All sun whose energy the account uses: own stake not lent out plus stake lent to it (getAllFrozenBalanceForEnergy). */
export function energyStake(acc: AccountState): bigint {
  return acc.frozenV2Energy + acc.acquiredV2Energy;
}

export function bandwidthStake(acc: AccountState): bigint {
  return acc.frozenV2Bandwidth + acc.acquiredV2Bandwidth;
}

export function energyLimit(acc: AccountState, params: ChainParams, totals: StakeTotals): bigint {
  return shareOfLimit(energyStake(acc), params.totalEnergyCurrentLimit, totals.energyWeight);
}

export function netLimit(acc: AccountState, params: ChainParams, totals: StakeTotals): bigint {
  return shareOfLimit(bandwidthStake(acc), params.totalNetLimit, totals.netWeight);
}

/** Staked energy used at `now` (after recovery). */
export function energyUsed(acc: AccountState, params: ChainParams, now: bigint): bigint {
  return stakedUsage(acc, 'ENERGY', params, now);
}

export function netUsed(acc: AccountState, params: ChainParams, now: bigint): bigint {
  return stakedUsage(acc, 'BANDWIDTH', params, now);
}

export function freeNetUsed(acc: AccountState, params: ChainParams, now: bigint): bigint {
  return recoveredUsage(acc.freeNetUsage, acc.latestConsumeFreeTime, now, params.resourceWindowMs);
}

/** Staked energy still available at `now` (EnergyProcessor.getAccountLeftEnergyFromFreeze). */
export function energyLeft(acc: AccountState, params: ChainParams, totals: StakeTotals, now: bigint): bigint {
  const left = energyLimit(acc, params, totals) - energyUsed(acc, params, now);
  return left > 0n ? left : 0n;
}

export function netLeft(acc: AccountState, params: ChainParams, totals: StakeTotals, now: bigint): bigint {
  const left = netLimit(acc, params, totals) - netUsed(acc, params, now);
  return left > 0n ? left : 0n;
}

export function freeNetLeft(acc: AccountState, params: ChainParams, now: bigint): bigint {
  const left = params.freeNetLimit - freeNetUsed(acc, params, now);
  return left > 0n ? left : 0n;
}

/** Records `amount` more staked energy used at `now` (EnergyProcessor.useEnergy). */
export function useEnergy(acc: AccountState, amount: bigint, params: ChainParams, now: bigint): void {
  if (amount === 0n) return;
  acc.energyUsage = energyUsed(acc, params, now) + amount;
  acc.latestConsumeTimeForEnergy = now;
}

/** How a transaction's bandwidth is paid: `usage` bytes from stake or the free allowance, `fee` sun burned. */
export interface BandwidthBill {
  source: 'stake' | 'free' | 'burn' | 'stake-create' | 'burn-create';
  usage: bigint;
  fee: bigint;
}

/**
 * The bill for `bytes` of bandwidth, in BandwidthProcessor.consume's order. An account-creating transaction
 * (consumeForCreateNewAccount) pays bytes × createNewAccountBandwidthRate of staked bandwidth, else burns
 * createAccountFee; the free allowance never pays for it. Any other transaction uses staked bandwidth first
 * (useAccountNet), then the free 600 a day (useFreeNet), then burns bytes × getTransactionFee (useTransactionFee):
 * java-tron spends the stake before the free allowance. Undefined when the balance cannot pay the burn.
 */
export function bandwidthBill(
  acc: AccountState,
  bytes: bigint,
  createsAccount: boolean,
  params: ChainParams,
  totals: StakeTotals,
  now: bigint,
): BandwidthBill | undefined {
  if (createsAccount) {
    const cost = bytes * params.createNewAccountBandwidthRate;
    if (cost <= netLeft(acc, params, totals, now)) return { source: 'stake-create', usage: cost, fee: 0n };
    return acc.balance >= params.createAccountFee ? { source: 'burn-create', usage: 0n, fee: params.createAccountFee } : undefined;
  }
  if (bytes <= netLeft(acc, params, totals, now)) return { source: 'stake', usage: bytes, fee: 0n };
  if (bytes <= freeNetLeft(acc, params, now)) return { source: 'free', usage: bytes, fee: 0n };
  const fee = bytes * params.transactionFee;
  return acc.balance >= fee ? { source: 'burn', usage: 0n, fee } : undefined;
}

/** Charges a bill computed by `bandwidthBill` to the account. */
export function payBandwidth(acc: AccountState, bill: BandwidthBill, params: ChainParams, now: bigint): void {
  if (bill.source === 'stake' || bill.source === 'stake-create') {
    acc.netUsage = netUsed(acc, params, now) + bill.usage;
    acc.latestConsumeTime = now;
  } else if (bill.source === 'free') {
    acc.freeNetUsage = freeNetUsed(acc, params, now) + bill.usage;
    acc.latestConsumeFreeTime = now;
  }
  acc.balance -= bill.fee;
  acc.latestOperationTime = now;
}

/** Sun of `resource` the account could lend now: its stake minus what its own usage occupies (Wallet.calcCanDelegated*MaxSize). */
export function delegatableStake(
  acc: AccountState,
  resource: ResourceCode,
  params: ChainParams,
  totals: StakeTotals,
  now: bigint,
  extraBytes = 0n,
): bigint {
  // Usage converted back to the sun that backs it, as java-tron does in doubles; the usage first counts
  // against borrowed stake (getV2EnergyUsage / getV2NetUsage subtract the acquired balance).
  const f = RESOURCE_FIELDS[resource];
  const used = stakedUsage(acc, resource, params, now) + extraBytes;
  const { limit, weight } = networkTotals(resource, params, totals);
  const usageSun = limit === 0n ? 0n : BigInt(Math.trunc(Number(used) * Number(SUN_PER_TRX) * (Number(weight) / Number(limit))));
  const ownUsage = usageSun - acc[f.acquired] > 0n ? usageSun - acc[f.acquired] : 0n;
  const max = acc[f.frozen] - ownUsage;
  return max > 0n ? max : 0n;
}

/** Unstakes still waiting for their delay at `now` (AccountCapsule.getUnfreezingV2Count). */
export function unfreezingCount(acc: AccountState, now: bigint): number {
  return acc.unfrozenV2.filter((u) => u.expireTime > now).length;
}

/** Sun whose unstake delay has passed by `at`. */
export function withdrawableAt(acc: AccountState, at: bigint): bigint {
  return acc.unfrozenV2.filter((u) => u.expireTime <= at).reduce((sum, u) => sum + u.amount, 0n);
}

/** The window as java-tron prints it in getaccount (`net_window_size`, `energy_window_size`): 3 s slots × 1000. */
export function windowSizeField(params: ChainParams): number {
  return Number((params.resourceWindowMs / 3000n) * 1000n);
}

/** java-tron's Parameter.ChainConstant.DELEGATE_COST_BASE_SIZE: bytes a DelegateResource transaction is assumed to cost */
const DELEGATE_COST_BASE_SIZE = 275n;

/**
 * TransactionUtil.estimateConsumeBandWidthSize: the bytes a delegation of all `staked` sun would take, which
 * getcandelegatedmaxsize keeps back for the delegating transaction itself.
 */
export function delegateTransactionBytes(staked: bigint, maxLockPeriod: bigint): bigint {
  const full = new ProtoWriter().int64(3, staked).int64(5, 1).int64(6, maxLockPeriod).finish().length;
  const unit = new ProtoWriter().int64(3, SUN_PER_TRX).finish().length;
  return DELEGATE_COST_BASE_SIZE + BigInt(Math.max(full - unit, 0));
}

/**
 * What one chain send cost, read from its receipt (gettransactioninfobyid): which resource paid and how
 * much TRX burned. Pure; the tracker stores it on the send's row when the transaction is seen in a block.
 * java-tron's receipt: `energy_usage` is energy paid by stake (own or delegated to the sender),
 * `energy_fee` the sun burned for the rest, `net_usage` bandwidth paid by free or staked bandwidth,
 * `net_fee` the sun burned for bandwidth (the transaction's bytes at the bandwidth price, or the fixed
 * account-creation fee), and `fee` everything burned, including the fee a transfer pays for creating
 * the receiver's account (which no receipt field names: it is what `fee` has beyond the other two).
 */
import type { TransactionInfo } from '../../tron/node-json.js';

export interface SendCost {
  /** energy the transaction used, however paid (`energy_usage_total`) */
  energyUsed: bigint;
  /** energy paid by staked energy, the sender's own or delegated to it (`energy_usage`) */
  energyDelegated: bigint;
  /** sun burned for energy (`energy_fee`) */
  energyBurnedTrx: bigint;
  /** bytes of bandwidth: `net_usage`, or the transaction's bytes when they were paid in TRX */
  bandwidthUsed: bigint;
  /** sun burned for bandwidth (`net_fee`) */
  bandwidthBurnedTrx: bigint;
  /** sun charged for creating the receiver's account */
  activationTrx: bigint;
  /** every sun the transaction burned (`fee`) */
  trxBurned: bigint;
}

/** `txBytes`: the transaction's bandwidth size (signed bytes + 64, see bandwidthBytes), when known. */
export function sendCostFromReceipt(info: Pick<TransactionInfo, 'fee' | 'receipt'>, txBytes: number | null): SendCost {
  const r = info.receipt;
  const activation = info.fee - r.netFee - r.energyFee;
  const bandwidthUsed = r.netUsage > 0n || r.netFee === 0n || txBytes === null ? r.netUsage : BigInt(txBytes);
  return {
    energyUsed: r.energyUsageTotal,
    energyDelegated: r.energyUsage,
    energyBurnedTrx: r.energyFee,
    bandwidthUsed,
    bandwidthBurnedTrx: r.netFee,
    activationTrx: activation > 0n ? activation : 0n,
    trxBurned: info.fee,
  };
}

/** The sum of several sends' costs (a payment's sweep and activation, a settlement's sweeps and transfer). */
export function addSendCosts(costs: readonly SendCost[]): SendCost {
  const total = zeroSendCost();
  for (const c of costs) for (const key of SEND_COST_KEYS) total[key] += c[key];
  return total;
}

/** What the sends of these owners cost, per owner (SendsRepository.costsByOwner over the gateway's database). */
export type OwnerCosts = (ownerIds: readonly string[]) => Promise<ReadonlyMap<string, SendCost>>;

/** The cost of these owners' sends together (costsByOwner's answer); null when none of them has landed. */
export function costOfOwners(costs: ReadonlyMap<string, SendCost>, ownerIds: readonly string[]): SendCost | null {
  const found = ownerIds.flatMap((id) => costs.get(id) ?? []);
  return found.length > 0 ? addSendCosts(found) : null;
}

export const SEND_COST_KEYS = [
  'energyUsed',
  'energyDelegated',
  'energyBurnedTrx',
  'bandwidthUsed',
  'bandwidthBurnedTrx',
  'activationTrx',
  'trxBurned',
] as const satisfies ReadonlyArray<keyof SendCost>;

export function zeroSendCost(): SendCost {
  return {
    energyUsed: 0n,
    energyDelegated: 0n,
    energyBurnedTrx: 0n,
    bandwidthUsed: 0n,
    bandwidthBurnedTrx: 0n,
    activationTrx: 0n,
    trxBurned: 0n,
  };
}

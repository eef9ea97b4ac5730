/**
 * Sweeps on delegated energy (issue 19, docs/adr/0032-energy-for-sweeps.md): under the `stake` strategy the
 * hot wallet lends a deposit address just the energy its token sweep needs, instead of sending it TRX to
 * burn. This file holds the chain reads that plan it and the arithmetic: the estimate plus a margin, turned
 * into whole staked TRX at the chain's current energy per TRX.
 */

import type { TronClient } from '../../tron/client.js';
import { type AccountInfo, stakedSun } from '../../tron/node-json.js';
import { encodeTransferCall } from '../../tron/trc20.js';
import type { EnergyStrategySource } from '../energy/energy-strategy.js';

const SUN_PER_TRX = 1_000_000n;

/** What planning a delegated sweep reads from the chain (outside any transaction). */
export interface SweepEnergyChain {
  /** whether the address exists on chain (a delegation to a missing account fails) */
  accountExists(address: string): Promise<boolean>;
  /** energy a token transfer of `amount` from `from` to `to` needs, as the node estimates it */
  transferEnergy(contract: string, from: string, to: string, amount: bigint): Promise<bigint>;
  /** TotalEnergyCurrentLimit and TotalEnergyWeight (staked TRX of the whole chain) */
  energyTotals(address: string): Promise<{ limit: bigint; weight: bigint }>;
  /** sun of staked energy the address can delegate now (its own, not delegated out, not in use) */
  delegatableSun(address: string): Promise<bigint>;
}

export interface SweepEnergy {
  strategy: EnergyStrategySource;
  /** `energy.estimate_margin_percent` */
  marginPercent: number;
  chain: SweepEnergyChain;
}

/** The estimate plus the configured margin, rounded up. */
export function withMargin(estimate: bigint, marginPercent: number): bigint {
  const percent = 100n + BigInt(marginPercent);
  return (estimate * percent + 99n) / 100n;
}

/**
 * Sun to delegate for `energy`: java-tron gives a receiver floor(staked sun / 10^6 × limit / weight) energy
 * (whole TRX first), so whole TRX, rounded up, and at least the 1 TRX a delegation needs.
 */
export function delegationSun(energy: bigint, totals: { limit: bigint; weight: bigint }): bigint {
  if (totals.limit <= 0n || totals.weight <= 0n) throw new RangeError('the chain reports no energy limit or no staked TRX');
  let trx = (energy * totals.weight + totals.limit - 1n) / totals.limit;
  // the node's double arithmetic can round one unit down: one TRX more covers it
  if ((trx * totals.limit) / totals.weight < energy + 1n) trx += 1n;
  return (trx < 1n ? 1n : trx) * SUN_PER_TRX;
}

/** The chain reads over a node client. */
export class NodeSweepEnergyChain implements SweepEnergyChain {
  constructor(
    private readonly client: Pick<TronClient, 'getAccount' | 'getAccountResource' | 'estimateEnergy' | 'triggerConstantContract'>,
  ) {}

  async accountExists(address: string): Promise<boolean> {
    return (await this.client.getAccount(address)).exists;
  }

  async transferEnergy(contract: string, from: string, to: string, amount: bigint): Promise<bigint> {
    const call = { owner: from, contract, data: encodeTransferCall(to, amount) };
    try {
      return await this.client.estimateEnergy(call);
    } catch {
      // nodes without estimateenergy: the constant call's energy (what TronWeb falls back to)
      const result = await this.client.triggerConstantContract(call);
      if (!result.ok) throw new Error(`the sweep's transfer would fail: ${result.message ?? result.code ?? 'reverted'}`);
      return result.energyUsed;
    }
  }

  async energyTotals(address: string): Promise<{ limit: bigint; weight: bigint }> {
    const r = await this.client.getAccountResource(address);
    return { limit: r.totalEnergyLimit, weight: r.totalEnergyWeight };
  }

  async delegatableSun(address: string): Promise<bigint> {
    const [account, r] = await Promise.all([this.client.getAccount(address), this.client.getAccountResource(address)]);
    return delegatable(account, r);
  }
}

/**
 * java-tron's getcandelegatedmaxsize for energy: the staked sun not delegated out, less the share of it
 * the account's own used energy stands for.
 */
export function delegatable(account: Pick<AccountInfo, 'frozenV2'>, r: { energyLimit: bigint; energyUsed: bigint }): bigint {
  const staked = stakedSun(account, 'ENERGY');
  if (r.energyLimit <= 0n || r.energyUsed <= 0n) return staked;
  const usedSun = (staked * r.energyUsed + r.energyLimit - 1n) / r.energyLimit;
  return usedSun >= staked ? 0n : staked - usedSun;
}

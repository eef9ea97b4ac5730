/**
 * What a hot wallet has staked (Stake 2.0), from the node's `getaccount`: TRX staked for energy and for
 * bandwidth (its own use plus what it lends), what it lends out, and unstakes waiting out the unfreeze
 * delay. java-tron moves a delegated amount out of `frozenV2` into `delegated_frozenV2_balance_for_*`, so
 * the stake for a resource is the sum of both.
 */
import { stakedSun } from '../../tron/node-json.js';

export type StakeResourceName = 'BANDWIDTH' | 'ENERGY' | 'TRON_POWER';

/** The getaccount fields this needs, named as the TRON client's account answer names them. */
export interface StakeAccountFields {
  frozenV2: ReadonlyArray<{ type: StakeResourceName; amount: bigint }>;
  unfrozenV2: ReadonlyArray<{ type: StakeResourceName; unfreezeAmount: bigint; unfreezeExpireTime: bigint }>;
  delegatedFrozenV2BalanceForEnergy: bigint;
  delegatedFrozenV2BalanceForBandwidth: bigint;
}

export interface WalletStaking {
  /** sun staked for energy, lent out included */
  stakedForEnergy: bigint;
  stakedForBandwidth: bigint;
  /** sun of the energy stake lent to other accounts (deposit addresses during sweeps) */
  energyDelegatedOut: bigint;
  bandwidthDelegatedOut: bigint;
  /** unstaked sun and when it can be withdrawn (ms since epoch) */
  pendingUnstakes: Array<{ resource: StakeResourceName; amount: bigint; withdrawableAt: number }>;
}

export function walletStakingOf(account: StakeAccountFields): WalletStaking {
  return {
    stakedForEnergy: stakedSun(account, 'ENERGY') + account.delegatedFrozenV2BalanceForEnergy,
    stakedForBandwidth: stakedSun(account, 'BANDWIDTH') + account.delegatedFrozenV2BalanceForBandwidth,
    energyDelegatedOut: account.delegatedFrozenV2BalanceForEnergy,
    bandwidthDelegatedOut: account.delegatedFrozenV2BalanceForBandwidth,
    pendingUnstakes: account.unfrozenV2
      .map((u) => ({ resource: u.type, amount: u.unfreezeAmount, withdrawableAt: Number(u.unfreezeExpireTime) }))
      .sort((a, b) => a.withdrawableAt - b.withdrawableAt),
  };
}

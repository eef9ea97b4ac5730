import { describe, expect, it } from 'vitest';
import { walletStakingOf } from './wallet-staking.js';

describe('walletStakingOf', () => {
  it('counts what is lent out as staked, and lists unstakes by when they can be withdrawn', () => {
    const staking = walletStakingOf({
      frozenV2: [
        { type: 'BANDWIDTH', amount: 5_000_000n },
        { type: 'ENERGY', amount: 700_000_000n },
        { type: 'TRON_POWER', amount: 0n },
      ],
      unfrozenV2: [
        { type: 'ENERGY', unfreezeAmount: 300_000_000n, unfreezeExpireTime: 1_777_531_707_000n },
        { type: 'BANDWIDTH', unfreezeAmount: 1_000_000n, unfreezeExpireTime: 1_777_000_000_000n },
      ],
      delegatedFrozenV2BalanceForEnergy: 300_000_000n,
      delegatedFrozenV2BalanceForBandwidth: 0n,
    });
    expect(staking).toEqual({
      stakedForEnergy: 1_000_000_000n,
      stakedForBandwidth: 5_000_000n,
      energyDelegatedOut: 300_000_000n,
      bandwidthDelegatedOut: 0n,
      pendingUnstakes: [
        { resource: 'BANDWIDTH', amount: 1_000_000n, withdrawableAt: 1_777_000_000_000 },
        { resource: 'ENERGY', amount: 300_000_000n, withdrawableAt: 1_777_531_707_000 },
      ],
    });
  });

  it('an account that never staked has nothing staked and nothing pending', () => {
    expect(
      walletStakingOf({ frozenV2: [], unfrozenV2: [], delegatedFrozenV2BalanceForEnergy: 0n, delegatedFrozenV2BalanceForBandwidth: 0n }),
    ).toEqual({
      stakedForEnergy: 0n,
      stakedForBandwidth: 0n,
      energyDelegatedOut: 0n,
      bandwidthDelegatedOut: 0n,
      pendingUnstakes: [],
    });
  });
});

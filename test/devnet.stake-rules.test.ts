/**
 * The Stake 2.0 rules on the devnet's world state, without transactions: java-tron's resource arithmetic
 * (ResourceProcessor, BandwidthProcessor, EnergyProcessor) and the actuators' validation and execution.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../src/devnet/params.js';
import {
  bandwidthBill,
  delegatableStake,
  energyLimit,
  netLimit,
  payBandwidth,
  recoveredUsage,
  shareOfLimit,
  useEnergy,
} from '../src/devnet/resources.js';
import { executeStake, type StakeContract, validateStake } from '../src/devnet/stake.js';
import { WorldState } from '../src/devnet/state.js';
import { hexToBytes } from '../src/tron/bytes.js';
import { newWallet } from './devnet-harness.js';

const TRX = 1_000_000n;
const T0 = 1_700_000_000_000n;
const params = { ...DEFAULT_PARAMS, resourceWindowMs: 100_000n, unfreezeDelayMs: 50_000n };

function world(): { state: WorldState; owner: string; receiver: string } {
  const state = new WorldState({ netWeight: params.backgroundNetWeight, energyWeight: params.backgroundEnergyWeight });
  const owner = newWallet().hex;
  const receiver = newWallet().hex;
  state.touchAccount(owner, T0).balance = 100_000n * TRX;
  state.touchAccount(receiver, T0);
  return { state, owner, receiver };
}

/** Validates then executes, as the chain does; throws the validation message. */
function run(state: WorldState, c: StakeContract, now = T0) {
  const owner = state.account(Buffer.from(c.ownerAddress).toString('hex'));
  const error = validateStake(state, params, c, owner?.balance ?? 0n, now);
  if (error) throw new Error(error);
  return executeStake(state, params, c, now);
}

const freeze = (owner: string, amount: bigint, resource: 'ENERGY' | 'BANDWIDTH' = 'ENERGY'): StakeContract => ({
  type: 'FreezeBalanceV2Contract',
  ownerAddress: hexToBytes(owner),
  frozenBalance: amount,
  resource,
});
const unfreeze = (owner: string, amount: bigint, resource: 'ENERGY' | 'BANDWIDTH' = 'ENERGY'): StakeContract => ({
  type: 'UnfreezeBalanceV2Contract',
  ownerAddress: hexToBytes(owner),
  unfreezeBalance: amount,
  resource,
});
const delegate = (owner: string, to: string, balance: bigint, lock = false, lockPeriod = 0n): StakeContract => ({
  type: 'DelegateResourceContract',
  ownerAddress: hexToBytes(owner),
  receiverAddress: hexToBytes(to),
  resource: 'ENERGY',
  balance,
  lock,
  lockPeriod,
});
const undelegate = (owner: string, to: string, balance: bigint): StakeContract => ({
  type: 'UnDelegateResourceContract',
  ownerAddress: hexToBytes(owner),
  receiverAddress: hexToBytes(to),
  resource: 'ENERGY',
  balance,
});

describe('resource arithmetic', () => {
  it('recovers usage linearly over the window, rounding to nearest', () => {
    expect(recoveredUsage(1000n, T0, T0, 100_000n)).toBe(1000n);
    expect(recoveredUsage(1000n, T0, T0 + 25_000n, 100_000n)).toBe(750n);
    expect(recoveredUsage(3n, T0, T0 + 50_000n, 100_000n)).toBe(2n); // 1.5 rounds up
    expect(recoveredUsage(1000n, T0, T0 + 100_000n, 100_000n)).toBe(0n);
  });

  it("gives a stake its share of the network limit in doubles, truncated like java's (long) cast", () => {
    const weight = 13_369_831_825n + 10_000n;
    expect(shareOfLimit(10_000n * TRX, 180_000_000_000n, weight)).toBe(BigInt(Math.trunc(10_000 * (180_000_000_000 / 13_369_841_825))));
    expect(shareOfLimit(10_000n * TRX, 180_000_000_000n, weight)).toBe(134_631n);
    expect(shareOfLimit(TRX / 2n, 180_000_000_000n, weight)).toBe(6n);
    expect(shareOfLimit(TRX, 180_000_000_000n, 0n)).toBe(0n);
  });

  it('pays bandwidth from stake, then the free allowance, then burns, and creates accounts from stake or for 0.1 TRX', () => {
    const { state, owner } = world();
    run(state, freeze(owner, 1000n * TRX, 'BANDWIDTH'));
    const acc = state.touchAccount(owner);
    const limit = netLimit(acc, params, state.totals);
    expect(limit).toBe(BigInt(Math.trunc(1000 * (43_200_000_000 / (84_687_233_463 + 1000)))));
    expect(limit).toBe(510n);

    const pay = (bytes: bigint, creates = false) => {
      const bill = bandwidthBill(acc, bytes, creates, params, state.totals, T0);
      if (!bill) throw new Error('unpayable');
      payBandwidth(acc, bill, params, T0);
      return bill;
    };
    expect(pay(300n)).toEqual({ source: 'stake', usage: 300n, fee: 0n });
    expect(pay(300n)).toEqual({ source: 'free', usage: 300n, fee: 0n }); // 210 staked left: too few
    expect(pay(200n)).toEqual({ source: 'stake', usage: 200n, fee: 0n }); // fits the 210 left
    expect(pay(301n)).toEqual({ source: 'burn', usage: 0n, fee: 301_000n }); // 10 staked, 300 free left
    expect(pay(10n, true)).toEqual({ source: 'stake-create', usage: 10n, fee: 0n });
    expect(pay(11n, true)).toEqual({ source: 'burn-create', usage: 0n, fee: 100_000n }); // free never pays for creation
    expect(acc.netUsage).toBe(510n);
    expect(acc.freeNetUsage).toBe(300n);
  });
});

describe('Stake 2.0 actuators', () => {
  it('freezes: java-tron messages for amounts below 1 TRX or above the balance; the network weight grows', () => {
    const { state, owner } = world();
    expect(() => run(state, freeze(owner, 0n))).toThrow(/^frozenBalance must be positive$/);
    expect(() => run(state, freeze(owner, TRX - 1n))).toThrow(/^frozenBalance must be greater than or equal to 1 TRX$/);
    expect(() => run(state, freeze(owner, 100_001n * TRX))).toThrow(/^frozenBalance must be less than or equal to accountBalance$/);
    run(state, freeze(owner, 2_500_000n));
    const acc = state.account(owner);
    expect(acc?.frozenV2Energy).toBe(2_500_000n);
    expect(acc?.balance).toBe(100_000n * TRX - 2_500_000n);
    expect(state.totals.energyWeight).toBe(params.backgroundEnergyWeight + 2n);
  });

  it('delegates within the available stake, not to itself, not to a missing account; undelegates what is unlocked', () => {
    const { state, owner, receiver } = world();
    run(state, freeze(owner, 10_000n * TRX));
    expect(() => run(state, delegate(owner, receiver, TRX / 2n))).toThrow(/^delegateBalance must be greater than or equal to 1 TRX$/);
    expect(() => run(state, delegate(owner, receiver, 10_001n * TRX))).toThrow(
      /^delegateBalance must be less than or equal to available FreezeEnergyV2 balance$/,
    );
    expect(() => run(state, delegate(owner, owner, TRX))).toThrow(/^receiverAddress must not be the same as ownerAddress$/);
    const stranger = newWallet().hex;
    expect(() => run(state, delegate(owner, stranger, TRX))).toThrow(`Account[${stranger}] not exists`);

    const weight = state.totals.energyWeight;
    run(state, delegate(owner, receiver, 4_000n * TRX));
    expect(state.totals.energyWeight).toBe(weight); // lending moves no weight
    const ownerAcc = state.account(owner);
    const receiverAcc = state.account(receiver);
    expect([ownerAcc?.frozenV2Energy, ownerAcc?.delegatedV2Energy, receiverAcc?.acquiredV2Energy]).toEqual([
      6_000n * TRX,
      4_000n * TRX,
      4_000n * TRX,
    ]);
    expect(state.delegationIndex.get(`${owner}:${receiver}`)).toBe(T0);

    expect(() => run(state, undelegate(owner, receiver, 4_001n * TRX))).toThrow(
      /^insufficient delegateFrozenBalance\(Energy\), request=4001000000, unlock_balance=4000000000$/,
    );
    run(state, undelegate(owner, receiver, 4_000n * TRX));
    expect(state.account(receiver)?.acquiredV2Energy).toBe(0n);
    expect(state.account(owner)?.frozenV2Energy).toBe(10_000n * TRX);
    expect(state.delegation(owner, receiver, false)).toBeUndefined();
    expect(state.delegationIndex.size).toBe(0);
    expect(() => run(state, undelegate(owner, receiver, TRX))).toThrow(/^delegated Resource does not exist$/);
  });

  it('keeps a locked delegation until its lock period (in 3 s blocks) has passed', () => {
    const { state, owner, receiver } = world();
    run(state, freeze(owner, 10_000n * TRX));
    run(state, delegate(owner, receiver, 1_000n * TRX, true, 10n));
    expect(state.delegation(owner, receiver, true)?.energyExpire).toBe(T0 + 30_000n);
    expect(() => run(state, undelegate(owner, receiver, 1_000n * TRX), T0 + 30_000n)).toThrow(
      /^insufficient delegateFrozenBalance\(Energy\), request=1000000000, unlock_balance=0$/,
    );
    expect(() => run(state, delegate(owner, receiver, TRX, true, 5n), T0 + 1_000n)).toThrow(
      'The lock period for ENERGY this time cannot be less than the remaining time[29000ms] of the last lock period for ENERGY!',
    );
    expect(() => run(state, delegate(owner, receiver, TRX, true, 864_001n))).toThrow(
      'The lock period of delegate resource cannot be less than 0 and cannot exceed 864000!',
    );
    run(state, undelegate(owner, receiver, 1_000n * TRX), T0 + 30_001n);
    expect(state.delegation(owner, receiver, true)).toBeUndefined();
    expect(state.account(receiver)?.acquiredV2Energy).toBe(0n);
  });

  it('cannot lend the stake its own usage occupies, and takes the usage the returned stake carried', () => {
    const { state, owner, receiver } = world();
    run(state, freeze(owner, 10_000n * TRX));
    const ownerAcc = state.touchAccount(owner);
    const limit = energyLimit(ownerAcc, params, state.totals);
    useEnergy(ownerAcc, limit / 2n, params, T0); // half the stake is busy
    const free = delegatableStake(ownerAcc, 'ENERGY', params, state.totals, T0);
    expect(free).toBeGreaterThan(4_999n * TRX);
    expect(free).toBeLessThan(5_001n * TRX);
    expect(() => run(state, delegate(owner, receiver, free + 1n))).toThrow(/available FreezeEnergyV2 balance/);
    run(state, delegate(owner, receiver, free));

    // the receiver spends all it borrowed; taking it back hands that usage to the owner
    const receiverAcc = state.touchAccount(receiver);
    useEnergy(receiverAcc, energyLimit(receiverAcc, params, state.totals), params, T0);
    run(state, undelegate(owner, receiver, free));
    expect(state.account(receiver)?.energyUsage).toBe(0n);
    expect(state.account(owner)?.energyUsage).toBeGreaterThan(limit - 2n);
  });

  it('unfreezes into a pending list of at most 32, withdraws after the delay, cancels the rest back into the stake', () => {
    const { state, owner } = world();
    expect(() => run(state, unfreeze(owner, TRX))).toThrow(/^no frozenBalance\(Energy\)$/);
    run(state, freeze(owner, 100n * TRX));
    expect(() => run(state, unfreeze(owner, 101n * TRX))).toThrow(/^Invalid unfreeze_balance, \[101000000\] is error$/);
    for (let i = 0; i < 32; i++) run(state, unfreeze(owner, TRX), T0 + BigInt(i));
    expect(() => run(state, unfreeze(owner, TRX), T0 + 40n)).toThrow(/^Invalid unfreeze operation, unfreezing times is over limit$/);
    expect(state.totals.energyWeight).toBe(params.backgroundEnergyWeight + 68n);

    expect(() => run(state, { type: 'WithdrawExpireUnfreezeContract', ownerAddress: hexToBytes(owner) }, T0 + 49_999n)).toThrow(
      /^no unFreeze balance to withdraw $/,
    );
    const balance = state.account(owner)?.balance as bigint;
    // the first ten have expired 50 s after they were made
    const withdrawn = run(state, { type: 'WithdrawExpireUnfreezeContract', ownerAddress: hexToBytes(owner) }, T0 + 50_009n);
    expect(withdrawn).toEqual({ withdrawExpireAmount: 10n * TRX });
    expect(state.account(owner)?.balance).toBe(balance + 10n * TRX);
    expect(state.account(owner)?.unfrozenV2).toHaveLength(22);

    const cancelled = run(state, { type: 'CancelAllUnfreezeV2Contract', ownerAddress: hexToBytes(owner) }, T0 + 50_019n);
    expect(cancelled).toEqual({
      withdrawExpireAmount: 10n * TRX,
      cancelUnfreezeV2Amount: { BANDWIDTH: 0n, ENERGY: 12n * TRX, TRON_POWER: 0n },
    });
    expect(state.account(owner)?.frozenV2Energy).toBe(80n * TRX);
    expect(state.totals.energyWeight).toBe(params.backgroundEnergyWeight + 80n);
    expect(() => run(state, { type: 'CancelAllUnfreezeV2Contract', ownerAddress: hexToBytes(owner) })).toThrow(
      /^No unfreezeV2 list to cancel$/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { TransactionReceipt } from '../../tron/node-json.js';
import { addSendCosts, sendCostFromReceipt } from './send-cost.js';

const receipt = (r: Partial<TransactionReceipt>): TransactionReceipt => ({
  energyUsage: 0n,
  energyFee: 0n,
  originEnergyUsage: 0n,
  energyUsageTotal: 0n,
  netUsage: 0n,
  netFee: 0n,
  energyPenaltyTotal: 0n,
  ...r,
});

describe('sendCostFromReceipt', () => {
  it('a USDT sweep that burned for energy and bandwidth: everything burned, nothing delegated', () => {
    const cost = sendCostFromReceipt(
      { fee: 6_773_500n, receipt: receipt({ energyUsageTotal: 64_285n, energyFee: 6_428_500n, netFee: 345_000n }) },
      345,
    );
    expect(cost).toEqual({
      energyUsed: 64_285n,
      energyDelegated: 0n,
      energyBurnedTrx: 6_428_500n,
      bandwidthUsed: 345n,
      bandwidthBurnedTrx: 345_000n,
      activationTrx: 0n,
      trxBurned: 6_773_500n,
    });
  });

  it('a sweep on delegated energy and free bandwidth burns nothing and says which resource paid', () => {
    const cost = sendCostFromReceipt(
      { fee: 0n, receipt: receipt({ energyUsageTotal: 64_285n, energyUsage: 64_285n, netUsage: 345n }) },
      345,
    );
    expect(cost).toMatchObject({ energyDelegated: 64_285n, energyBurnedTrx: 0n, bandwidthUsed: 345n, trxBurned: 0n, activationTrx: 0n });
  });

  it('part staked, part burned: the receipt splits the energy', () => {
    const cost = sendCostFromReceipt(
      { fee: 3_000_000n, receipt: receipt({ energyUsageTotal: 64_285n, energyUsage: 34_285n, energyFee: 3_000_000n, netUsage: 345n }) },
      345,
    );
    expect(cost.energyDelegated + cost.energyBurnedTrx / 100n).toBe(64_285n);
    expect(cost.trxBurned).toBe(3_000_000n);
  });

  it('a TRX transfer that creates the receiver account: the activation is what fee has beyond net_fee and energy_fee', () => {
    const cost = sendCostFromReceipt({ fee: 1_100_000n, receipt: receipt({ netFee: 100_000n }) }, 270);
    expect(cost).toMatchObject({ activationTrx: 1_000_000n, bandwidthBurnedTrx: 100_000n, bandwidthUsed: 270n, trxBurned: 1_100_000n });
  });

  it('without the transaction bytes, bandwidth paid in TRX is counted from net_usage alone', () => {
    expect(sendCostFromReceipt({ fee: 268_000n, receipt: receipt({ netFee: 268_000n }) }, null).bandwidthUsed).toBe(0n);
  });

  it('adds costs field by field', () => {
    const a = sendCostFromReceipt({ fee: 1_100_000n, receipt: receipt({ netFee: 100_000n }) }, 270);
    const b = sendCostFromReceipt({ fee: 0n, receipt: receipt({ energyUsageTotal: 10n, energyUsage: 10n, netUsage: 300n }) }, 300);
    expect(addSendCosts([a, b])).toEqual({
      energyUsed: 10n,
      energyDelegated: 10n,
      energyBurnedTrx: 0n,
      bandwidthUsed: 570n,
      bandwidthBurnedTrx: 100_000n,
      activationTrx: 1_000_000n,
      trxBurned: 1_100_000n,
    });
  });
});

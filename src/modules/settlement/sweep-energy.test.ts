import { describe, expect, it } from 'vitest';
import { delegatable, delegationSun, withMargin } from './sweep-energy.js';

const TRX = 1_000_000n;

describe('energy to delegate for a sweep', () => {
  it('adds the margin and rounds up', () => {
    expect(withMargin(64_895n, 20)).toBe(77_874n);
    expect(withMargin(100n, 0)).toBe(100n);
    expect(withMargin(1n, 1)).toBe(2n);
  });

  it('delegates whole TRX that give at least the energy at the chain’s rate, never under 1 TRX', () => {
    const totals = { limit: 180_000_000_000n, weight: 19_000_000_000n };
    const sun = delegationSun(77_874n, totals);
    expect(sun % TRX).toBe(0n);
    // what java-tron grants for it: floor(staked TRX × limit / weight)
    expect(((sun / TRX) * totals.limit) / totals.weight).toBeGreaterThanOrEqual(77_874n);
    expect((((sun - TRX) / TRX) * totals.limit) / totals.weight).toBeLessThan(77_874n);
    expect(delegationSun(1n, { limit: 1000n, weight: 1n })).toBe(TRX);
    // an exact fit gets one TRX more: the node's double arithmetic may round down
    expect(delegationSun(100n, { limit: 100n, weight: 10n })).toBe(11n * TRX);
    expect(() => delegationSun(5n, { limit: 0n, weight: 1n })).toThrow(/no energy limit/);
  });

  it('lends only the stake not standing for energy the hot wallet used itself', () => {
    const staked = { frozenV2: [{ type: 'ENERGY' as const, amount: 1000n * TRX }] };
    expect(delegatable(staked, { energyLimit: 0n, energyUsed: 0n })).toBe(1000n * TRX);
    expect(delegatable(staked, { energyLimit: 10_000n, energyUsed: 2_500n })).toBe(750n * TRX);
    expect(delegatable(staked, { energyLimit: 10_000n, energyUsed: 10_000n })).toBe(0n);
  });
});

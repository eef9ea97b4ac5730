import { describe, expect, it } from 'vitest';
import { resolveEnergyStrategy } from './energy-strategy.service.js';
import { lowEnergyStep } from './low-energy-watch.js';

describe('resolveEnergyStrategy', () => {
  it('auto stakes while the hot wallet has staked energy, and burns without', () => {
    expect(resolveEnergyStrategy('auto', 1n)).toBe('stake');
    expect(resolveEnergyStrategy('auto', 0n)).toBe('burn');
  });
  it('burn and stake are taken as set, whatever is staked', () => {
    expect(resolveEnergyStrategy('burn', 10n ** 9n)).toBe('burn');
    expect(resolveEnergyStrategy('stake', 0n)).toBe('stake');
  });
});

describe('lowEnergyStep', () => {
  it('raises below the threshold once, and clears only above it', () => {
    expect(lowEnergyStep(false, 199_999n, 200_000n)).toBe('raise');
    expect(lowEnergyStep(true, 10n, 200_000n)).toBeNull();
    expect(lowEnergyStep(true, 200_000n, 200_000n)).toBeNull();
    expect(lowEnergyStep(true, 200_001n, 200_000n)).toBe('clear');
    expect(lowEnergyStep(false, 200_000n, 200_000n)).toBeNull();
  });
});

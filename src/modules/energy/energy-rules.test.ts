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
  const staked = (available: bigint) => ({ available, limit: 1_000_000n });
  it('raises below the threshold once, and clears only above it', () => {
    expect(lowEnergyStep(false, staked(199_999n), 200_000n)).toBe('raise');
    expect(lowEnergyStep(true, staked(10n), 200_000n)).toBeNull();
    expect(lowEnergyStep(true, staked(200_000n), 200_000n)).toBeNull();
    expect(lowEnergyStep(true, staked(200_001n), 200_000n)).toBe('clear');
    expect(lowEnergyStep(false, staked(200_000n), 200_000n)).toBeNull();
  });
  it('a wallet that staked nothing burns: no alert, and a raised one is cleared', () => {
    expect(lowEnergyStep(false, { available: 0n, limit: 0n }, 200_000n)).toBeNull();
    expect(lowEnergyStep(true, { available: 0n, limit: 0n }, 200_000n)).toBe('clear');
  });
});

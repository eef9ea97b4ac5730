import { describe, expect, it } from 'vitest';
import { fuelRequired, fuelToSend } from './sweep-plan.js';

describe('sweep fuel', () => {
  it('covers the worst-case USDT transfer at the chain prices', () => {
    // 130,285 energy at 100 sun + 345 bytes at 1000 sun = 13.0285 + 0.345 TRX
    expect(fuelRequired({ energyPriceSun: 100n, bandwidthPriceSun: 1000n, energy: 130_285, bandwidthBytes: 345 })).toBe(13_373_500n);
    expect(fuelRequired({ energyPriceSun: 210n, bandwidthPriceSun: 1000n, energy: 64_285, bandwidthBytes: 345 })).toBe(13_844_850n);
  });

  it('sends only the shortfall: fuel left on the address from an earlier sweep is used first', () => {
    expect(fuelToSend(13_373_500n, 0n)).toBe(13_373_500n);
    expect(fuelToSend(13_373_500n, 6_944_000n)).toBe(6_429_500n);
    expect(fuelToSend(13_373_500n, 13_373_500n)).toBe(0n);
    expect(fuelToSend(13_373_500n, 50_000_000n)).toBe(0n);
  });
});

import { describe, expect, it } from 'vitest';
import { fuelRequired, fuelToSend, receivedByAddress, unswept } from './sweep-plan.js';

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

describe('unswept deposit addresses', () => {
  const credits = [
    { depositAddress: 'TB', depositIndex: 7, amount: 40n },
    { depositAddress: 'TA', depositIndex: 3, amount: 100n },
    { depositAddress: 'TB', depositIndex: 7, amount: 60n },
    { depositAddress: null, depositIndex: null, amount: 999n },
  ];

  it('sums what each deposit address received, skipping transfers without one', () => {
    expect([...receivedByAddress(credits)]).toEqual([
      ['TB', { index: 7, total: 100n }],
      ['TA', { index: 3, total: 100n }],
    ]);
  });

  it('takes off what earlier sweeps took, drops what is fully swept, oldest index first', () => {
    const received = receivedByAddress(credits);
    expect(unswept(received, [{ depositAddress: 'TB', amount: 30n }])).toEqual([
      { depositAddress: 'TA', depositIndex: 3, amount: 100n },
      { depositAddress: 'TB', depositIndex: 7, amount: 70n },
    ]);
    expect(
      unswept(received, [
        { depositAddress: 'TA', amount: 100n },
        { depositAddress: 'TX', amount: 5n },
      ]),
    ).toEqual([{ depositAddress: 'TB', depositIndex: 7, amount: 100n }]);
    // the received totals are not consumed by a plan
    expect(received.get('TB')?.total).toBe(100n);
  });
});

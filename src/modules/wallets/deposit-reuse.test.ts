import { describe, expect, it } from 'vitest';
import { fullySwept } from './deposit-reuse.service.js';

const a = { address: 'TAddressA', index: 1 };
const b = { address: 'TAddressB', index: 2 };
const c = { address: 'TAddressC', index: 3 };

describe('fullySwept', () => {
  it('keeps the addresses whose every credited amount, per asset, was swept out', () => {
    const credited = [
      { address: a.address, asset: 'USDT', total: 30n },
      { address: b.address, asset: 'USDT', total: 30n },
      { address: b.address, asset: 'TRX', total: 5n },
      { address: c.address, asset: 'USDT', total: 10n },
    ];
    const swept = [
      { address: a.address, asset: 'USDT', total: 30n },
      { address: b.address, asset: 'USDT', total: 30n },
      // C's sweep took less than was credited; B's TRX was never swept
      { address: c.address, asset: 'USDT', total: 9n },
    ];
    expect(fullySwept([a, b, c], credited, swept)).toEqual([a]);
  });

  it('an address credited nothing counts as swept', () => {
    expect(fullySwept([a], [], [])).toEqual([a]);
  });
});

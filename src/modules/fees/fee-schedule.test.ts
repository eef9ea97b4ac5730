import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.js';
import { PRIORITIES, type Priority } from '../../config/schema.js';
import { formatAmount, parseAmount, RATE_SCALE } from '../../shared/money.js';
import { quoteFee, volumeDiscount } from './fee-schedule.js';

/** The shipped defaults: the project's YAML (if present) over the schema defaults, no environment. */
const config = loadConfig({ allowMissingFile: true, env: {} });
const tiers = config.assets.get('USDT').volumeDiscounts;
const rate = (priority: Priority): bigint => config.priorities[priority].feeRate;

function units(text: string): bigint {
  const parsed = parseAmount(text, 6);
  if (!parsed.ok) throw new Error(`bad amount ${text}`);
  return parsed.value;
}

/** Quote for a whole-unit amount at a priority with the shipped USDT tiers, as canonical strings. */
function quote(amount: string | bigint, priority: Priority = 'normal', minimumFee = 0n) {
  const q = quoteFee(typeof amount === 'bigint' ? amount : units(amount), rate(priority), tiers, minimumFee);
  return { ...q, feeText: formatAmount(q.fee, 6), netText: formatAmount(q.netAmount, 6) };
}

/** Exact reference: fee = amount × rate × (1 − discount) as a fraction, rounded half-up by comparing remainders. */
function referenceFee(amount: bigint, ratePpb: bigint, discountPpb: bigint): bigint {
  const numerator = amount * ratePpb * (RATE_SCALE - discountPpb);
  const denominator = RATE_SCALE * RATE_SCALE;
  const floor = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? floor + 1n : floor;
}

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('shipped fee table', () => {
  it('has the seed rates per priority', () => {
    expect(rate('low')).toBe(1_000_000n); // 0.10 %
    expect(rate('normal')).toBe(1_500_000n); // 0.15 %
    expect(rate('high')).toBe(2_000_000n); // 0.20 %
    expect(rate('urgent')).toBe(3_000_000n); // 0.30 %
  });

  it('has the seed volume discounts for USDT and TRX alike', () => {
    const expected = [
      { threshold: 10_000_000_000n, discount: 50_000_000n },
      { threshold: 100_000_000_000n, discount: 100_000_000n },
      { threshold: 1_000_000_000_000n, discount: 150_000_000n },
    ];
    expect(config.assets.get('USDT').volumeDiscounts).toEqual(expected);
    expect(config.assets.get('TRX').volumeDiscounts).toEqual(expected);
  });

  it('charges no minimum fee by default', () => {
    for (const spec of config.assets.specs) expect(spec.minimumFee).toBe(0n);
  });
});

describe('quoteFee at each priority for 100 USDT', () => {
  it.each([
    ['low', '0.1', '99.9'],
    ['normal', '0.15', '99.85'],
    ['high', '0.2', '99.8'],
    ['urgent', '0.3', '99.7'],
  ] as const)('%s → fee %s, net %s', (priority, fee, net) => {
    const q = quote('100', priority);
    expect(q.feeText).toBe(fee);
    expect(q.netText).toBe(net);
    expect(q.amount).toBe(100_000_000n);
    expect(q.ratePpb).toBe(rate(priority));
    expect(q.discountPpb).toBe(0n);
    expect(q.baseFee).toBe(q.fee);
    expect(q.discountAmount).toBe(0n);
  });
});

describe('volumeDiscount', () => {
  it.each([
    ['0.000001', 0n],
    ['9999.999999', 0n],
    ['10000', 50_000_000n],
    ['99999.999999', 50_000_000n],
    ['100000', 100_000_000n],
    ['999999.999999', 100_000_000n],
    ['1000000', 150_000_000n],
    ['1000000000', 150_000_000n],
  ] as const)('%s USDT → %s ppb', (amount, discount) => {
    expect(volumeDiscount(units(amount), tiers)).toBe(discount);
  });

  it('is zero without tiers', () => {
    expect(volumeDiscount(10n ** 20n, [])).toBe(0n);
  });
});

describe('quoteFee at the discount thresholds (normal priority)', () => {
  it.each([
    // amount, discount, fee, net
    ['9999.999999', 0n, '15', '9984.999999'], // 14.9999999985 rounds up
    ['10000', 50_000_000n, '14.25', '9985.75'],
    ['99999.999999', 50_000_000n, '142.5', '99857.499999'], // 142.499999998575 rounds up
    ['100000', 100_000_000n, '135', '99865'],
    ['999999.999999', 100_000_000n, '1350', '998649.999999'], // 1349.99999999865 rounds up
    ['1000000', 150_000_000n, '1275', '998725'],
  ] as const)('%s USDT → discount %s ppb, fee %s, net %s', (amount, discount, fee, net) => {
    const q = quote(amount);
    expect(q.discountPpb).toBe(discount);
    expect(q.feeText).toBe(fee);
    expect(q.netText).toBe(net);
  });

  it('reports the undiscounted fee and the discount amount', () => {
    const q = quote('10000');
    expect(formatAmount(q.baseFee, 6)).toBe('15');
    expect(formatAmount(q.discountAmount, 6)).toBe('0.75');
    expect(q.baseFee - q.discountAmount).toBe(q.fee);

    const top = quote('1000000', 'urgent');
    expect(formatAmount(top.baseFee, 6)).toBe('3000');
    expect(formatAmount(top.fee, 6)).toBe('2550');
    expect(formatAmount(top.discountAmount, 6)).toBe('450');
  });
});

describe('half-up rounding to the base unit', () => {
  it.each([
    // amount in base units, priority, exact fee in base units, charged fee
    [1n, 'normal', '0.0015', 0n],
    [333n, 'normal', '0.4995', 0n],
    [334n, 'normal', '0.501', 1n],
    [999n, 'normal', '1.4985', 1n],
    [1000n, 'normal', '1.5', 2n],
    [3000n, 'normal', '4.5', 5n],
    [499n, 'low', '0.499', 0n],
    [500n, 'low', '0.5', 1n],
    [1500n, 'low', '1.5', 2n],
    [250n, 'high', '0.5', 1n],
    [249n, 'high', '0.498', 0n],
    [166n, 'urgent', '0.498', 0n],
    [167n, 'urgent', '0.501', 1n],
    [500n, 'urgent', '1.5', 2n],
  ] as const)('%s base units at %s: exact %s → %s', (amount, priority, _exact, fee) => {
    const q = quote(amount, priority);
    expect(q.fee).toBe(fee);
    expect(q.netAmount).toBe(amount - fee);
  });

  it('rounds an exact half up and 0.499975 down after a 5 % discount', () => {
    // 10000.02 USDT × 0.0015 × 0.95 = 14.2500285 USDT = 14,250,028.5 base units
    expect(quote(10_000_020_000n).fee).toBe(14_250_029n);
    // 10000.022807 USDT → 14,250,032.499975 base units
    expect(quote(10_000_022_807n).fee).toBe(14_250_032n);
  });

  it('rounds an exact half up after a 15 % discount', () => {
    // 1000000.02 USDT × 0.0015 × 0.85 = 1,275,000,025.5 base units
    expect(quote(1_000_000_020_000n).fee).toBe(1_275_000_026n);
    expect(quote(1_000_000_019_999n).fee).toBe(1_275_000_025n); // …025.498725 rounds down
  });

  it('rounds the discounted fee once, not the base fee and then the discount', () => {
    // 10,000.001 USDT at normal: base fee 15,000,001.5 (→ 15,000,002); rounding that and then taking 5 % off
    // would give 14,250,001.9 → 14,250,002, but the exact discounted fee is 14,250,001.425 → 14,250,001.
    const q = quote(10_000_001_000n);
    expect(q.baseFee).toBe(15_000_002n);
    expect(q.fee).toBe(14_250_001n);
    expect(q.discountAmount).toBe(750_001n);
  });

  it('equals the exact reference on seeded random amounts for every priority', () => {
    const next = prng(1234);
    for (let i = 0; i < 2000; i++) {
      const amount = BigInt(Math.floor(next() * 2 ** 31)) * BigInt(Math.floor(next() * 2 ** 22) + 1) + 1n;
      for (const priority of PRIORITIES) {
        const q = quote(amount, priority);
        expect(q.fee).toBe(referenceFee(amount, rate(priority), volumeDiscount(amount, tiers)));
        expect(q.netAmount).toBe(amount - q.fee);
      }
    }
  });
});

describe('bounds', () => {
  it('net = amount − fee and 0 ≤ fee ≤ amount, whatever the inputs', () => {
    const next = prng(77);
    for (let i = 0; i < 1000; i++) {
      const amount = BigInt(Math.floor(next() * 1e9)) * BigInt(Math.floor(next() * 1e6) + 1);
      const ratePpb = BigInt(Math.floor(next() * 1.2e9)); // up to 120 %, beyond what the loader allows
      const minimumFee = BigInt(Math.floor(next() * 1e7));
      const q = quoteFee(amount, ratePpb, tiers, minimumFee);
      expect(q.fee >= 0n).toBe(true);
      expect(q.fee <= amount).toBe(true);
      expect(q.netAmount).toBe(amount - q.fee);
      expect(q.discountAmount >= 0n).toBe(true);
    }
  });

  it('never charges more than the amount, even at a 100 % rate or with a large minimum fee', () => {
    expect(quoteFee(5n, RATE_SCALE * 2n, [], 0n)).toMatchObject({ fee: 5n, netAmount: 0n });
    expect(quoteFee(5n, rate('normal'), tiers, 1_000_000n)).toMatchObject({ fee: 5n, netAmount: 0n });
  });

  it('charges zero on a tiny amount when there is no minimum fee', () => {
    expect(quote(1n, 'urgent')).toMatchObject({ fee: 0n, netAmount: 1n });
  });
});

describe('minimumFee', () => {
  it('raises a small fee to the minimum', () => {
    const q = quote('1', 'normal', 10_000n); // 0.0015 USDT < 0.01 USDT
    expect(q.baseFee).toBe(1500n);
    expect(q.fee).toBe(10_000n);
    expect(q.netText).toBe('0.99');
    expect(q.discountAmount).toBe(0n);
  });

  it('leaves a fee above the minimum alone', () => {
    expect(quote('100', 'normal', 10_000n).fee).toBe(150_000n);
  });

  it('applies to discounted fees too', () => {
    expect(quote('10000', 'normal', 20_000_000n).fee).toBe(20_000_000n);
  });

  it('is exactly the minimum when the computed fee equals it', () => {
    expect(quote('100', 'normal', 150_000n).fee).toBe(150_000n);
  });
});

describe('large amounts', () => {
  it('1,000,000,000 USDT at normal is exact: fee 1,275,000, net 998,725,000', () => {
    const q = quote('1000000000');
    expect(q.amount).toBe(1_000_000_000_000_000n);
    expect(q.feeText).toBe('1275000');
    expect(q.netText).toBe('998725000');
    expect(formatAmount(q.baseFee, 6)).toBe('1500000');
  });

  it('1,000,000,000.000001 USDT keeps the last base unit', () => {
    const q = quote('1000000000.000001', 'urgent');
    // 1,000,000,000,000,001 × 0.003 × 0.85 = 2,550,000,000,000.00255 → 2,550,000,000,000
    expect(q.fee).toBe(2_550_000_000_000n);
    expect(q.netText).toBe('997450000.000001');
  });

  it('stays exact far beyond 2^64 base units', () => {
    const amount = 10n ** 30n;
    const q = quoteFee(amount, rate('normal'), tiers);
    expect(q.fee).toBe((amount * 1275n) / 1_000_000n);
    expect(q.netAmount + q.fee).toBe(amount);
  });
});

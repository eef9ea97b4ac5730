import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteFee } from '../../modules/fees/fee-schedule.js';
import { formatAmount, parseAmount, RATE_SCALE } from '../money.js';
import { AssetCatalog, type AssetSpec, UNKNOWN_TOKEN_PREFIX, unknownTokenAsset } from './asset-catalog.js';

function spec(symbol: string, decimals: number): AssetSpec {
  const limits = { minAmount: 1n, maxSinglePayment: 10n ** 30n, dailyLimit: 10n ** 30n, monthlyLimit: 10n ** 30n };
  return {
    symbol,
    kind: symbol === 'TRX' ? 'native' : 'trc20',
    decimals,
    contract: symbol === 'TRX' ? null : 'devnet',
    blacklist: false,
    transferEnergy: { existingHolder: 0n, newHolder: 0n },
    transferBytes: 0n,
    volumeDiscounts: [],
    minimumFee: 0n,
    limits: { ...limits, suspiciousAmount: 10n ** 30n, approvalThreshold: 10n ** 30n },
    settlement: { minAmount: 1n, maxAmount: 10n ** 30n },
    devnetFunding: 0n,
  };
}

/** A whole-unit decimal string with up to `decimals` fractional digits. */
const amountText = (decimals: number) =>
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** BigInt(decimals) - 1n }))
    .filter(([whole, fraction]) => whole > 0n || fraction > 0n)
    .map(([whole, fraction]) => (decimals === 0 ? `${whole}` : `${whole}.${fraction.toString().padStart(decimals, '0')}`));

describe('amounts of any asset (0–18 decimals)', () => {
  it('parse → fee → format round-trips exactly, and fee + net is the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 18 }).chain((decimals) => fc.tuple(fc.constant(decimals), amountText(decimals))),
        fc.bigInt({ min: 0n, max: RATE_SCALE / 10n }),
        ([decimals, text], rate) => {
          const catalog = new AssetCatalog([spec('TRX', 6), spec('TKN', decimals)]);
          const parsed = catalog.parse('TKN', text);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          // the canonical form (no trailing zeros) parses back to the same base units
          const formatted = catalog.format('TKN', parsed.value);
          expect(catalog.parse('TKN', formatted)).toEqual({ ok: true, value: parsed.value });
          expect(Number(formatted)).toBeCloseTo(Number(text), 0);
          const quote = quoteFee(parsed.value, rate, []);
          expect(quote.fee + quote.netAmount).toBe(parsed.value);
          for (const part of [quote.fee, quote.netAmount]) {
            const again = parseAmount(catalog.format('TKN', part), decimals, { allowZero: true });
            expect(again).toEqual({ ok: true, value: part });
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses one decimal place more than the asset has', () => {
    const catalog = new AssetCatalog([spec('TRX', 6), spec('USDD', 18), spec('WHOLE', 0)]);
    expect(catalog.parse('USDD', '1.000000000000000001')).toEqual({ ok: true, value: 10n ** 18n + 1n });
    expect(catalog.parse('USDD', '1.0000000000000000001')).toMatchObject({ ok: false, problem: 'precision' });
    expect(catalog.parse('WHOLE', '7')).toEqual({ ok: true, value: 7n });
    expect(catalog.parse('WHOLE', '7.5')).toMatchObject({ ok: false, message: 'must have at most 0 decimal places' });
    expect(formatAmount(10n ** 18n + 1n, 18)).toBe('1.000000000000000001');
  });

  it('an unknown token is shown in base units and is not a configured asset', () => {
    const catalog = new AssetCatalog([spec('TRX', 6), spec('USDT', 6)]);
    const fake = unknownTokenAsset('TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf');
    expect(fake.startsWith(UNKNOWN_TOKEN_PREFIX)).toBe(true);
    expect(catalog.has(fake)).toBe(false);
    expect(catalog.format(fake, 1_500_000n)).toBe('1500000');
    expect(() => catalog.get('USDD')).toThrow(/not configured/);
  });
});

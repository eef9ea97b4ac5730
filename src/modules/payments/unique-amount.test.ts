import { describe, expect, it } from 'vitest';
import type { Asset } from '../../shared/money.js';
import { assignUniqueAmounts, claimKey, uniqueAmountStep } from './unique-amount.js';

const USDT = 'USDT' as Asset;
const WIDE = 'WIDE' as Asset;
const rules = (maxOffset: number) => ({ maxOffset, decimalsOf: (asset: Asset) => (asset === WIDE ? 18 : 6) });
const request = (payeeAddress: string, amount: bigint, currency = USDT) => ({ payeeAddress, currency, amount });

describe('uniqueAmountStep', () => {
  it('is 0.000001 of the asset for 6 or more decimals, one base unit below', () => {
    expect(uniqueAmountStep(6)).toBe(1n);
    expect(uniqueAmountStep(18)).toBe(10n ** 12n);
    expect(uniqueAmountStep(2)).toBe(1n);
    expect(uniqueAmountStep(0)).toBe(1n);
  });
});

describe('assignUniqueAmounts', () => {
  it('gives each request the smallest free offset, starting at one step, never one held in the database or earlier in the list', () => {
    const taken = new Map([[claimKey('TPayee', USDT), new Set([100_000_001n, 100_000_003n])]]);
    const result = assignUniqueAmounts([request('TPayee', 100_000_000n), request('TPayee', 100_000_000n)], taken, rules(10));
    expect(result).toEqual({ ok: true, amountsDue: [100_000_002n, 100_000_004n] });
    // the database's set is left as it was
    expect(taken.get(claimKey('TPayee', USDT))).toEqual(new Set([100_000_001n, 100_000_003n]));
  });

  it('keeps payees and assets apart: the same amount is free for another payee or another asset', () => {
    const result = assignUniqueAmounts(
      [request('TPayeeA', 5_000_000n), request('TPayeeB', 5_000_000n), request('TPayeeA', 5n * 10n ** 18n, WIDE)],
      new Map(),
      rules(10),
    );
    expect(result).toEqual({ ok: true, amountsDue: [5_000_001n, 5_000_001n, 5n * 10n ** 18n + 10n ** 12n] });
  });

  it('refuses the first request whose whole range is held, naming the range', () => {
    const taken = new Map([[claimKey('TPayee', USDT), new Set([1_000_001n, 1_000_002n])]]);
    expect(assignUniqueAmounts([request('TPayee', 1_000_000n)], taken, rules(2))).toEqual({
      ok: false,
      index: 0,
      lowest: 1_000_001n,
      highest: 1_000_002n,
    });
    expect(assignUniqueAmounts([request('TPayee', 1_000_000n), request('TPayee', 1_000_000n)], new Map(), rules(1))).toMatchObject({
      ok: false,
      index: 1,
    });
  });

  it('100 requests to one payee get 100 distinct amounts: the first 100 offsets', () => {
    const result = assignUniqueAmounts(
      Array.from({ length: 100 }, () => request('TPayee', 100_000_000n)),
      new Map(),
      rules(9999),
    );
    if (!result.ok) throw new Error('refused');
    expect(new Set(result.amountsDue).size).toBe(100);
    expect(result.amountsDue).toEqual(Array.from({ length: 100 }, (_, i) => 100_000_000n + BigInt(i + 1)));
  });
});

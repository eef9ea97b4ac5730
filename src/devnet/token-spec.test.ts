import { describe, expect, it } from 'vitest';
import { parseUnits } from './dev-api.js';
import { checkTokenSpec, parseTokenOption } from './token-spec.js';

describe('parseTokenOption (--token)', () => {
  it('reads SYMBOL:DECIMALS and an optional :blacklist, the name defaulting to the symbol', () => {
    expect(parseTokenOption('USDD:18')).toEqual({ ok: true, spec: { symbol: 'USDD', name: 'USDD', decimals: 18, blacklist: false } });
    expect(parseTokenOption('TUSD:18:blacklist')).toEqual({
      ok: true,
      spec: { symbol: 'TUSD', name: 'TUSD', decimals: 18, blacklist: true },
    });
    expect(parseTokenOption('X0:0')).toMatchObject({ ok: true, spec: { decimals: 0 } });
  });

  it('names what is wrong', () => {
    const field = (text: string) => {
      const check = parseTokenOption(text);
      return check.ok ? null : check.field;
    };
    expect(field('USDD')).toBe('token');
    expect(field('USDD:18:blacklist:x')).toBe('token');
    expect(field('USDD:18:black')).toBe('token');
    expect(field('USDD:19')).toBe('decimals');
    expect(field('USDD:-1')).toBe('decimals');
    expect(field('USDD:1.5')).toBe('decimals');
    expect(field('USDD:')).toBe('decimals');
    expect(field(':18')).toBe('symbol');
    expect(field('US-DD:18')).toBe('symbol');
    expect(field(`${'A'.repeat(17)}:6`)).toBe('symbol');
  });
});

describe('checkTokenSpec', () => {
  it('accepts 1–16 letters or digits, a printable name up to 64 characters, 0–18 decimals', () => {
    expect(checkTokenSpec({ symbol: 'A'.repeat(16), name: 'é'.repeat(64), decimals: 18, blacklist: true }).ok).toBe(true);
    expect(checkTokenSpec({ symbol: 'A', name: 'é'.repeat(65), decimals: 0 })).toMatchObject({ ok: false, field: 'name' });
    expect(checkTokenSpec({ symbol: 'A', name: ' ', decimals: 0 })).toMatchObject({ ok: false, field: 'name' });
    expect(checkTokenSpec({ symbol: 'A', name: 'tab\there', decimals: 0 })).toMatchObject({ ok: false, field: 'name' });
    expect(checkTokenSpec({ symbol: 'A', decimals: 0, blacklist: 1 })).toMatchObject({ ok: false, field: 'blacklist' });
    expect(checkTokenSpec(null)).toMatchObject({ ok: false, field: 'symbol' });
  });
});

describe('parseUnits', () => {
  it('is exact to the last of 18 decimals and refuses more decimals than the token has', () => {
    expect(parseUnits('1.000000000000000001', 18)).toBe(10n ** 18n + 1n);
    expect(parseUnits('1.0000000000000000001', 18)).toBeNull();
    expect(parseUnits('250.5', 6)).toBe(250_500_000n);
    expect(parseUnits(12, 6)).toBe(12_000_000n);
    expect(parseUnits('7', 0)).toBe(7n);
    expect(parseUnits('7.0', 0)).toBeNull();
    expect(parseUnits('-1', 6)).toBeNull();
    expect(parseUnits('1e3', 6)).toBeNull();
    expect(parseUnits('1'.repeat(16), 6)).toBeNull();
  });
});

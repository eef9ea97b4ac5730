/**
 * Money is a bigint count of an asset's base unit. Parsing and formatting happen only at the edges
 * (HTTP, config, CLI); everything inside works on base units.
 */

/** An asset's symbol ("TRX", "USDT", …): what exists and its decimals is the asset catalogue's business. */
export type Asset = string;

export type AmountProblem = 'missing' | 'type' | 'format' | 'exponent' | 'negative' | 'zero' | 'precision' | 'too_large';

export type AmountParse = { ok: true; value: bigint } | { ok: false; problem: AmountProblem; message: string };

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
/** Far above any configurable limit; stops absurd inputs before they become huge bigints. */
const MAX_INTEGER_DIGITS = 30;

/**
 * Parses a whole-unit amount ("998.5", 998.5) into base units. Rejects exponents, signs, blanks,
 * more fractional digits than the asset has, and zero unless `allowZero`.
 */
export function parseAmount(input: unknown, decimals: number, options: { allowZero?: boolean } = {}): AmountParse {
  if (input === undefined || input === null) return { ok: false, problem: 'missing', message: 'is required' };
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, problem: 'format', message: 'must be a finite decimal number' };
    text = String(input);
  } else if (typeof input === 'string') {
    text = input;
  } else {
    return { ok: false, problem: 'type', message: 'must be a decimal string such as "12.5"' };
  }
  if (text.length === 0 || text.trim() !== text)
    return { ok: false, problem: 'format', message: 'must be a decimal string such as "12.5"' };
  if (/[eE]/.test(text)) return { ok: false, problem: 'exponent', message: 'must be written without an exponent' };
  if (text.startsWith('-')) return { ok: false, problem: 'negative', message: 'must be greater than zero' };
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, problem: 'format', message: 'must be a decimal string such as "12.5"' };
  const whole = match[1] as string;
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) {
    return { ok: false, problem: 'precision', message: `must have at most ${decimals} decimal places` };
  }
  if (whole.replace(/^0+/, '').length > MAX_INTEGER_DIGITS) return { ok: false, problem: 'too_large', message: 'is too large' };
  const value = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (value === 0n && !options.allowZero) return { ok: false, problem: 'zero', message: 'must be greater than zero' };
  return { ok: true, value };
}

/** Canonical whole-unit decimal string: no trailing zeros, no trailing point ("998.5", "0.000001", "1000"). */
export function formatAmount(baseUnits: bigint, decimals: number): string {
  const negative = baseUnits < 0n;
  const abs = negative ? -baseUnits : baseUnits;
  const sign = negative ? '-' : '';
  // Below 2^53 the arithmetic is exact in doubles and several times faster (every API answer formats
  // amounts; a 1000-item batch formats thousands).
  if (abs <= MAX_SAFE && decimals <= 15) {
    const n = Number(abs);
    const scale = 10 ** decimals;
    const remainder = n % scale;
    const whole = (n - remainder) / scale;
    return remainder === 0 ? `${sign}${whole}` : `${sign}${whole}.${trimZeros(String(remainder).padStart(decimals, '0'))}`;
  }
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  const fraction = trimZeros((abs % scale).toString().padStart(decimals, '0'));
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function trimZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
}

/** A non-negative rate as an exact fraction (parts per `RATE_SCALE`), parsed from "0.0015". */
export const RATE_SCALE = 1_000_000_000n;

export function parseRate(text: string): bigint {
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`rate "${text}" must be a decimal such as "0.0015"`);
  const fraction = match[2] ?? '';
  if (fraction.length > 9) throw new RangeError(`rate "${text}" has more than 9 decimal places`);
  return BigInt(match[1] as string) * RATE_SCALE + BigInt(fraction.padEnd(9, '0') || '0');
}

export function formatRate(rate: bigint): string {
  return formatAmount(rate, 9);
}

/** `amount × numerator / denominator`, rounded half-up to the base unit (amounts are never negative here). */
export function mulDivHalfUp(amount: bigint, numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  if (amount < 0n || numerator < 0n) throw new RangeError('mulDivHalfUp works on non-negative values');
  // floor((2·a·n + d) / 2d) is exact half-up for any positive d, odd or even.
  return (2n * amount * numerator + denominator) / (2n * denominator);
}

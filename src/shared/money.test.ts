import { describe, expect, it } from 'vitest';
import { type AmountProblem, formatAmount, formatRate, mulDivHalfUp, parseAmount, parseRate, RATE_SCALE } from './money.js';

/** mulberry32: a tiny seeded PRNG, so the "random" cases are the same on every run. */
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

/** A random non-negative bigint with between 1 and `maxDigits` decimal digits. */
function randomBigint(next: () => number, maxDigits: number): bigint {
  const digits = 1 + Math.floor(next() * maxDigits);
  let text = '';
  for (let i = 0; i < digits; i++) text += Math.floor(next() * 10).toString();
  return BigInt(text);
}

/** A readable test title for any input, bigints included. */
function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || value === undefined) return String(value);
  return JSON.stringify(value);
}

function parsed(input: unknown, decimals = 6, options: { allowZero?: boolean } = {}): bigint {
  const result = parseAmount(input, decimals, options);
  if (!result.ok) throw new Error(`expected ${String(input)} to parse, got ${result.problem}: ${result.message}`);
  return result.value;
}

function problemOf(input: unknown, decimals = 6, options: { allowZero?: boolean } = {}): AmountProblem | 'ok' {
  const result = parseAmount(input, decimals, options);
  return result.ok ? 'ok' : result.problem;
}

/** Reference half-up division: floor quotient, plus one when the remainder is at least half the divisor. */
function referenceHalfUp(amount: bigint, numerator: bigint, denominator: bigint): bigint {
  const product = amount * numerator;
  const quotient = product / denominator;
  const remainder = product % denominator;
  return 2n * remainder >= denominator ? quotient + 1n : quotient;
}

describe('parseAmount accepts canonical and plain decimal amounts', () => {
  it.each([
    ['998.5', 998_500_000n],
    ['0.000001', 1n],
    ['1000', 1_000_000_000n],
    ['1', 1_000_000n],
    ['0.1', 100_000n],
    ['12.345678', 12_345_678n],
    ['1000000000.000001', 1_000_000_000_000_001n],
    ['1.500000', 1_500_000n],
    ['0001', 1_000_000n],
  ] as const)('string %j → %s base units', (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it.each([
    [12.5, 12_500_000n],
    [1, 1_000_000n],
    [0.000001, 1n],
    [998.5, 998_500_000n],
    [1000000000.000001, 1_000_000_000_000_001n],
  ] as const)('JSON number %s → %s base units', (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it('accepts up to 30 integer digits', () => {
    const thirty = '9'.repeat(30);
    expect(parsed(thirty)).toBe(BigInt(thirty) * 1_000_000n);
    expect(parsed(`${thirty}.999999`)).toBe(BigInt(thirty) * 1_000_000n + 999_999n);
  });

  it('honours the decimals argument', () => {
    expect(parsed('1.5', 2)).toBe(150n);
    expect(parsed('7', 0)).toBe(7n);
    expect(problemOf('1.5', 0)).toBe('precision');
    expect(problemOf('0.001', 2)).toBe('precision');
    expect(parsed('0.000000001', 9)).toBe(1n);
  });
});

describe('parseAmount rejects with the right problem', () => {
  const cases: ReadonlyArray<readonly [unknown, AmountProblem]> = [
    [0, 'zero'],
    ['0', 'zero'],
    ['0.0', 'zero'],
    ['0.000000', 'zero'],
    ['000', 'zero'],
    [-1, 'negative'],
    ['-1', 'negative'],
    ['-0.5', 'negative'],
    ['-0', 'negative'],
    ['1e3', 'exponent'],
    ['1E3', 'exponent'],
    ['1e-3', 'exponent'],
    [1e21, 'exponent'],
    [1e-7, 'exponent'],
    ['1.0000001', 'precision'],
    ['0.0000001', 'precision'],
    [0.1 + 0.2, 'precision'],
    ['abc', 'format'],
    ['', 'format'],
    [' 1', 'format'],
    ['1 ', 'format'],
    ['\t1', 'format'],
    ['1\n', 'format'],
    ['1.', 'format'],
    ['.5', 'format'],
    ['+1', 'format'],
    ['0x10', 'format'],
    ['1,000', 'format'],
    ['1_000', 'format'],
    ['1.2.3', 'format'],
    ['١٢', 'format'],
    ['Infinity', 'format'],
    ['NaN', 'format'],
    [Number.NaN, 'format'],
    [Number.POSITIVE_INFINITY, 'format'],
    [Number.NEGATIVE_INFINITY, 'format'],
    [null, 'missing'],
    [undefined, 'missing'],
    [true, 'type'],
    [false, 'type'],
    [{}, 'type'],
    [[], 'type'],
    [['1'], 'type'],
    [10n, 'type'],
  ];
  it.each(cases.map(([input, problem]) => [show(input), input, problem] as const))('%s → %s', (_title, input, problem) => {
    const result = parseAmount(input, 6);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.message.length).toBeGreaterThan(0);
    }
  });

  it('refuses 31 and more integer digits as too_large, before building a huge bigint', () => {
    expect(problemOf(`1${'0'.repeat(30)}`)).toBe('too_large');
    expect(problemOf('123456789012345678901234567890')).toBe('ok');
    expect(problemOf('1234567890123456789012345678901')).toBe('too_large');
    expect(problemOf(`${'9'.repeat(31)}.5`)).toBe('too_large');
    expect(problemOf('9'.repeat(10_000))).toBe('too_large');
  });

  it('does not count leading zeros towards the digit limit', () => {
    expect(parsed(`${'0'.repeat(40)}1`)).toBe(1_000_000n);
  });

  it('names the precision in its message', () => {
    const result = parseAmount('1.0000001', 6);
    expect(result).toEqual({ ok: false, problem: 'precision', message: 'must have at most 6 decimal places' });
  });

  it('says a value is required when missing', () => {
    expect(parseAmount(undefined, 6)).toEqual({ ok: false, problem: 'missing', message: 'is required' });
  });
});

describe('parseAmount with allowZero', () => {
  it('accepts zero in every spelling', () => {
    expect(parsed(0, 6, { allowZero: true })).toBe(0n);
    expect(parsed('0', 6, { allowZero: true })).toBe(0n);
    expect(parsed('0.000000', 6, { allowZero: true })).toBe(0n);
  });

  it('still rejects negatives and bad formats', () => {
    expect(problemOf('-1', 6, { allowZero: true })).toBe('negative');
    expect(problemOf('-0', 6, { allowZero: true })).toBe('negative');
    expect(problemOf('1e0', 6, { allowZero: true })).toBe('exponent');
    expect(problemOf('', 6, { allowZero: true })).toBe('format');
  });

  it('changes nothing for positive values', () => {
    expect(parsed('2.5', 6, { allowZero: true })).toBe(2_500_000n);
  });
});

describe('formatAmount', () => {
  it.each([
    [998_500_000n, '998.5'],
    [1n, '0.000001'],
    [1_000_000_000n, '1000'],
    [0n, '0'],
    [1_000_000n, '1'],
    [10n, '0.00001'],
    [100_000n, '0.1'],
    [12_345_678n, '12.345678'],
    [1_000_000_000_000_001n, '1000000000.000001'],
    [-1_500_000n, '-1.5'],
    [-1n, '-0.000001'],
    [-1_000_000_000n, '-1000'],
  ] as const)('%s → %j', (value, text) => {
    expect(formatAmount(value, 6)).toBe(text);
  });

  it('never writes trailing zeros, a trailing point, an exponent or a plus sign', () => {
    const next = prng(7);
    for (let i = 0; i < 500; i++) {
      const text = formatAmount(randomBigint(next, 40), 6);
      expect(text).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
    }
  });

  it('honours the decimals argument', () => {
    expect(formatAmount(150n, 2)).toBe('1.5');
    expect(formatAmount(7n, 0)).toBe('7');
    expect(formatAmount(1n, 9)).toBe('0.000000001');
  });

  it('agrees with exact bigint arithmetic on both sides of 2^53, for every decimals value', () => {
    const reference = (value: bigint, decimals: number) => {
      const digits = (value < 0n ? -value : value).toString().padStart(decimals + 1, '0');
      const whole = digits.slice(0, digits.length - decimals);
      const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
      return `${value < 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
    };
    const next = prng(11);
    const edge = 2n ** 53n;
    const values = [edge - 1n, edge, edge + 1n, -(edge - 1n), -edge, 999_999_999_999_999n, 9_007_199_254_740_990n];
    for (let i = 0; i < 300; i++) values.push(randomBigint(next, 16), -randomBigint(next, 17), edge - randomBigint(next, 6));
    for (let decimals = 0; decimals <= 18; decimals++) {
      for (const value of values) expect(formatAmount(value, decimals)).toBe(reference(value, decimals));
    }
  });

  it('is exact beyond 2^64 base units', () => {
    expect(formatAmount(2n ** 70n, 6)).toBe('1180591620717411.303424');
    expect(formatAmount(10n ** 36n - 1n, 6)).toBe(`${'9'.repeat(30)}.999999`);
  });
});

describe('parseAmount ∘ formatAmount round trips', () => {
  it('format then parse gives back every positive value (seeded random, up to 36 digits)', () => {
    const next = prng(20240601);
    for (let i = 0; i < 2000; i++) {
      let value = randomBigint(next, 36);
      if (value === 0n) value = 1n;
      const text = formatAmount(value, 6);
      expect(parsed(text)).toBe(value);
      expect(formatAmount(parsed(text), 6)).toBe(text);
    }
  });

  it('parse then format gives the canonical form of non-canonical input', () => {
    const next = prng(99);
    for (let i = 0; i < 500; i++) {
      const value = randomBigint(next, 30) + 1n;
      const canonical = formatAmount(value, 6);
      const [whole, fraction = ''] = canonical.split('.');
      const padded = `${whole}.${fraction.padEnd(6, '0')}`;
      expect(formatAmount(parsed(padded), 6)).toBe(canonical);
      expect(formatAmount(parsed(`00${canonical}`), 6)).toBe(canonical);
    }
  });

  it('round trips through JSON numbers where a double holds the value exactly', () => {
    for (const value of [1n, 500_000n, 12_500_000n, 998_500_000n, 1_000_000_000_000_001n]) {
      expect(parsed(Number(formatAmount(value, 6)))).toBe(value);
    }
  });
});

describe('parseRate and formatRate', () => {
  it('parses fee rates into parts per billion', () => {
    expect(RATE_SCALE).toBe(1_000_000_000n);
    expect(parseRate('0.0015')).toBe(1_500_000n);
    expect(parseRate('0.001')).toBe(1_000_000n);
    expect(parseRate('0.002')).toBe(2_000_000n);
    expect(parseRate('0.003')).toBe(3_000_000n);
    expect(parseRate('0.05')).toBe(50_000_000n);
    expect(parseRate('0.10')).toBe(100_000_000n);
    expect(parseRate('1')).toBe(RATE_SCALE);
    expect(parseRate('0')).toBe(0n);
    expect(parseRate('0.000000001')).toBe(1n);
    expect(parseRate('2.5')).toBe(2_500_000_000n);
  });

  it.each(['', 'abc', '-0.1', '+0.1', '1e-3', '.5', '1.', ' 0.1', '0.1 ', '0.0000000001'])('rejects %j with a RangeError', (text) => {
    expect(() => parseRate(text)).toThrow(RangeError);
  });

  it('formats canonically and round trips', () => {
    expect(formatRate(1_500_000n)).toBe('0.0015');
    expect(formatRate(150_000_000n)).toBe('0.15');
    expect(formatRate(RATE_SCALE)).toBe('1');
    expect(formatRate(0n)).toBe('0');
    expect(formatRate(1n)).toBe('0.000000001');
    const next = prng(3);
    for (let i = 0; i < 500; i++) {
      const rate = randomBigint(next, 12);
      expect(parseRate(formatRate(rate))).toBe(rate);
    }
  });
});

describe('mulDivHalfUp', () => {
  it.each([
    [5n, 1n, 10n, 1n],
    [4n, 1n, 10n, 0n],
    [15n, 1n, 10n, 2n],
    [25n, 1n, 10n, 3n],
    [35n, 1n, 10n, 4n],
    [14n, 1n, 10n, 1n],
    [16n, 1n, 10n, 2n],
    [0n, 7n, 3n, 0n],
    [7n, 0n, 3n, 0n],
    [10n, 1n, 1n, 10n],
    [1n, 1n, 2n, 1n],
    [1n, 1n, 4n, 0n],
    [3n, 1n, 4n, 1n],
  ] as const)('%s × %s / %s → %s', (amount, numerator, denominator, expected) => {
    expect(mulDivHalfUp(amount, numerator, denominator)).toBe(expected);
  });

  it('rounds odd denominators to the nearest integer (no exact half exists)', () => {
    expect(mulDivHalfUp(1n, 1n, 3n)).toBe(0n); // 0.333…
    expect(mulDivHalfUp(2n, 1n, 3n)).toBe(1n); // 0.666…
    expect(mulDivHalfUp(4n, 1n, 3n)).toBe(1n); // 1.333…
    expect(mulDivHalfUp(5n, 1n, 3n)).toBe(2n); // 1.666…
    expect(mulDivHalfUp(3n, 1n, 7n)).toBe(0n); // 0.428…
    expect(mulDivHalfUp(4n, 1n, 7n)).toBe(1n); // 0.571…
    expect(mulDivHalfUp(10n, 1n, 7n)).toBe(1n); // 1.428…
    expect(mulDivHalfUp(11n, 1n, 7n)).toBe(2n); // 1.571…
    expect(mulDivHalfUp(7n, 1n, 9n)).toBe(1n); // 0.777…
  });

  it('is exact half-up for values far beyond 2^64', () => {
    const big = 2n ** 100n;
    expect(mulDivHalfUp(big, 1n, 1n)).toBe(big);
    expect(mulDivHalfUp(big + 1n, 1n, 2n)).toBe(2n ** 99n + 1n); // …5 rounds up
    expect(mulDivHalfUp(big - 1n, 1n, 2n)).toBe(2n ** 99n); // 2^99 − 0.5 rounds up
    expect(mulDivHalfUp(10n ** 30n + 5n, 1n, 10n)).toBe(10n ** 29n + 1n);
    expect(mulDivHalfUp(10n ** 30n + 4n, 1n, 10n)).toBe(10n ** 29n);
    expect(mulDivHalfUp(2n ** 64n, 2n ** 64n, 2n ** 65n)).toBe(2n ** 63n);
    expect(mulDivHalfUp(2n ** 64n + 1n, 2n ** 64n + 1n, 2n ** 64n)).toBe(2n ** 64n + 2n); // (2^64+1)^2/2^64 = 2^64 + 2 + 2^-64
  });

  it('matches a remainder-based reference on seeded random inputs, odd and even denominators', () => {
    const next = prng(42);
    for (let i = 0; i < 3000; i++) {
      const amount = randomBigint(next, 40);
      const numerator = randomBigint(next, 20);
      const denominator = randomBigint(next, 22) + 1n;
      expect(mulDivHalfUp(amount, numerator, denominator)).toBe(referenceHalfUp(amount, numerator, denominator));
    }
  });

  it('hits exact halves half-up on constructed inputs', () => {
    const next = prng(11);
    for (let i = 0; i < 500; i++) {
      const half = randomBigint(next, 25) + 1n;
      const denominator = 2n * half;
      const quotient = randomBigint(next, 25);
      const amount = quotient * denominator + half; // exactly quotient + 0.5
      expect(mulDivHalfUp(amount, 1n, denominator)).toBe(quotient + 1n);
      expect(mulDivHalfUp(amount - 1n, 1n, denominator)).toBe(quotient);
    }
  });

  it('refuses a non-positive denominator and negative operands', () => {
    expect(() => mulDivHalfUp(1n, 1n, 0n)).toThrow(RangeError);
    expect(() => mulDivHalfUp(1n, 1n, -3n)).toThrow(RangeError);
    expect(() => mulDivHalfUp(-1n, 1n, 3n)).toThrow(RangeError);
    expect(() => mulDivHalfUp(1n, -1n, 3n)).toThrow(RangeError);
  });
});

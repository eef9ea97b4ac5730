import { describe, expect, it } from 'vitest';
import { nextRetryDelayMs } from './retry-policy.js';

const none = { baseMs: 1_000, maxMs: 60_000, jitter: 'none' } as const;
const full = { baseMs: 1_000, maxMs: 60_000, jitter: 'full' } as const;

describe('nextRetryDelayMs', () => {
  it('doubles from baseMs with every attempt and stops at maxMs', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => nextRetryDelayMs(attempt, none, () => 0.5));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('stays at maxMs for huge attempt numbers instead of overflowing', () => {
    expect(nextRetryDelayMs(10_000, none, () => 0.5)).toBe(60_000);
    expect(nextRetryDelayMs(10_000, full, () => 0.999_999)).toBe(60_000);
  });

  it('treats attempt numbers below 1 as the first attempt', () => {
    expect(nextRetryDelayMs(0, none, () => 0)).toBe(1_000);
    expect(nextRetryDelayMs(-3, none, () => 0)).toBe(1_000);
  });

  it('with full jitter draws uniformly between 0 and the capped exponential', () => {
    expect(nextRetryDelayMs(3, full, () => 0)).toBe(0);
    expect(nextRetryDelayMs(3, full, () => 0.5)).toBe(2_000);
    expect(nextRetryDelayMs(3, full, () => 0.999_999_9)).toBe(4_000);
    expect(nextRetryDelayMs(20, full, () => 0.25)).toBe(15_000);
  });

  it('never leaves [0, cap] whatever the random source returns', () => {
    for (const r of [-1, 1, 2, Number.NaN, Number.POSITIVE_INFINITY]) {
      const delay = nextRetryDelayMs(2, full, () => r);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(2_000);
    }
  });

  it('spreads retries of jobs that failed together', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const delays = new Set(Array.from({ length: 50 }, () => nextRetryDelayMs(5, full, random)));
    expect(delays.size).toBeGreaterThan(40);
  });

  it('rejects a policy whose maxMs is below baseMs or that is not finite', () => {
    expect(() => nextRetryDelayMs(1, { baseMs: 10, maxMs: 5, jitter: 'none' }, Math.random)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1, { baseMs: Number.NaN, maxMs: 5, jitter: 'none' }, Math.random)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1, { baseMs: -1, maxMs: 5, jitter: 'none' }, Math.random)).toThrow(RangeError);
  });
});

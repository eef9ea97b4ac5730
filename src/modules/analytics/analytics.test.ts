import { describe, expect, it } from 'vitest';
import { analyticsWindow, averageMs, nearestRank, successRate } from './analytics.js';

describe('nearestRank', () => {
  it('is ⌈p·n/100⌉, at least 1', () => {
    expect(nearestRank(50, 1)).toBe(1);
    expect(nearestRank(50, 4)).toBe(2);
    expect(nearestRank(50, 5)).toBe(3);
    expect(nearestRank(95, 20)).toBe(19);
    expect(nearestRank(95, 21)).toBe(20);
    expect(nearestRank(95, 100)).toBe(95);
  });
});

describe('successRate', () => {
  it('is completed over completed, failed and cancelled, to 4 places; null when nothing finished', () => {
    expect(successRate({ completed: 2, failed: 1, pending: 10 })).toBe(0.6667);
    expect(successRate({ completed: 0, cancelled: 3 })).toBe(0);
    expect(successRate({ pending: 4 })).toBeNull();
  });
});

describe('averageMs', () => {
  it('rounds half up to the millisecond, exactly in bigint', () => {
    expect(averageMs(3n, 2)).toBe(2);
    expect(averageMs(5n, 3)).toBe(2);
    expect(averageMs(10n ** 18n, 1)).toBe(1e18);
    expect(averageMs(0n, 0)).toBeNull();
  });
});

describe('analyticsWindow', () => {
  it('covers today (UTC) so far and the whole days before it', () => {
    const now = Date.UTC(2026, 2, 15, 13, 45);
    expect(analyticsWindow(now, 1)).toEqual({ startAt: Date.UTC(2026, 2, 15), endAt: now + 1 });
    expect(analyticsWindow(now, 7)).toEqual({ startAt: Date.UTC(2026, 2, 9), endAt: now + 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { SETTLEMENT_FREQUENCIES } from '../../config/schema.js';
import { effectiveFrequency, nextSettlementAt, settlementAmount, settlementDue } from './settlement-schedule.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Weekdays as Date#getUTCDay numbers them. */
const SUNDAY = 0;
const WEDNESDAY = 3;
const SATURDAY = 6;

describe('frequencies', () => {
  it('are instant, hourly, daily and weekly', () => {
    expect(SETTLEMENT_FREQUENCIES).toEqual(['instant', 'hourly', 'daily', 'weekly']);
  });
});

describe('instant', () => {
  it('has no scheduled run', () => {
    expect(nextSettlementAt('instant', '23:00', SUNDAY, at('2024-05-20T10:15:00Z'))).toBeNull();
  });
});

describe('hourly', () => {
  it.each([
    ['2024-05-20T10:15:42.123Z', '2024-05-20T11:00:00.000Z'],
    ['2024-05-20T10:00:00.000Z', '2024-05-20T11:00:00.000Z'],
    ['2024-05-20T10:59:59.999Z', '2024-05-20T11:00:00.000Z'],
    ['2024-05-20T23:30:00.000Z', '2024-05-21T00:00:00.000Z'],
    ['2024-05-31T23:59:00.000Z', '2024-06-01T00:00:00.000Z'],
    ['2024-12-31T23:00:00.000Z', '2025-01-01T00:00:00.000Z'],
  ])('from %s → %s', (now, next) => {
    expect(iso(nextSettlementAt('hourly', '23:00', SUNDAY, at(now)))).toBe(next);
  });

  it('ignores the configured time of day', () => {
    expect(nextSettlementAt('hourly', '05:30', SUNDAY, at('2024-05-20T10:15:00Z'))).toBe(at('2024-05-20T11:00:00Z'));
  });
});

describe('daily at 23:00 UTC (the default)', () => {
  it.each([
    ['before the time: the same day', '2024-05-20T10:15:00.000Z', '2024-05-20T23:00:00.000Z'],
    ['one millisecond before: the same day', '2024-05-20T22:59:59.999Z', '2024-05-20T23:00:00.000Z'],
    ['exactly at the time: the next day', '2024-05-20T23:00:00.000Z', '2024-05-21T23:00:00.000Z'],
    ['after the time: the next day', '2024-05-20T23:00:00.001Z', '2024-05-21T23:00:00.000Z'],
    ['at midnight: the same day', '2024-05-21T00:00:00.000Z', '2024-05-21T23:00:00.000Z'],
    ['after the time on the last of the month: the first of the next', '2024-01-31T23:30:00.000Z', '2024-02-01T23:00:00.000Z'],
    ['across a leap day', '2024-02-28T23:30:00.000Z', '2024-02-29T23:00:00.000Z'],
    ['after the leap day', '2024-02-29T23:30:00.000Z', '2024-03-01T23:00:00.000Z'],
    ['february of a common year', '2023-02-28T23:30:00.000Z', '2023-03-01T23:00:00.000Z'],
    ['across the year end', '2024-12-31T23:00:00.000Z', '2025-01-01T23:00:00.000Z'],
  ])('%s (%s → %s)', (_name, now, next) => {
    expect(iso(nextSettlementAt('daily', '23:00', SUNDAY, at(now)))).toBe(next);
  });

  it('honours minutes and other times', () => {
    expect(iso(nextSettlementAt('daily', '00:00', SUNDAY, at('2024-05-20T00:00:00Z')))).toBe('2024-05-21T00:00:00.000Z');
    expect(iso(nextSettlementAt('daily', '00:00', SUNDAY, at('2024-05-20T23:59:59.999Z')))).toBe('2024-05-21T00:00:00.000Z');
    expect(iso(nextSettlementAt('daily', '06:45', SUNDAY, at('2024-05-20T06:44:00Z')))).toBe('2024-05-20T06:45:00.000Z');
    expect(iso(nextSettlementAt('daily', '06:45', SUNDAY, at('2024-05-20T06:46:00Z')))).toBe('2024-05-21T06:45:00.000Z');
    expect(iso(nextSettlementAt('daily', '23:59', SUNDAY, at('2024-06-30T23:59:30Z')))).toBe('2024-07-01T23:59:00.000Z');
  });

  it('ignores the weekly day', () => {
    for (let day = 0; day < 7; day++) {
      expect(nextSettlementAt('daily', '23:00', day, at('2024-05-20T10:15:00Z'))).toBe(at('2024-05-20T23:00:00Z'));
    }
  });
});

describe('weekly', () => {
  // 2024-05-20 is a Monday; 2024-05-26 a Sunday.
  it.each([
    ['Monday morning, settling on Sundays', '2024-05-20T10:00:00.000Z', SUNDAY, '2024-05-26T23:00:00.000Z'],
    ['Sunday before the time: the same day', '2024-05-26T22:00:00.000Z', SUNDAY, '2024-05-26T23:00:00.000Z'],
    ['Sunday exactly at the time: a week later', '2024-05-26T23:00:00.000Z', SUNDAY, '2024-06-02T23:00:00.000Z'],
    ['Sunday after the time: a week later', '2024-05-26T23:30:00.000Z', SUNDAY, '2024-06-02T23:00:00.000Z'],
    ['Monday, settling on Wednesdays', '2024-05-20T10:00:00.000Z', WEDNESDAY, '2024-05-22T23:00:00.000Z'],
    ['across the month end', '2024-05-30T12:00:00.000Z', SATURDAY, '2024-06-01T23:00:00.000Z'],
    ['across the year end', '2024-12-30T12:00:00.000Z', WEDNESDAY, '2025-01-01T23:00:00.000Z'],
    ['across a leap day', '2024-02-27T12:00:00.000Z', 4, '2024-02-29T23:00:00.000Z'],
  ])('%s (%s, day %s → %s)', (_name, now, day, next) => {
    expect(iso(nextSettlementAt('weekly', '23:00', day, at(now)))).toBe(next);
  });
});

describe('invariants', () => {
  it('the next run is strictly later, at the configured time and weekday, and within one period', () => {
    const start = at('2024-01-01T00:00:00Z');
    for (let now = start; now < start + 60 * DAY; now += 7 * HOUR + 13 * 60_000 + 17_000) {
      const hourly = nextSettlementAt('hourly', '23:00', SUNDAY, now) as number;
      expect(hourly).toBeGreaterThan(now);
      expect(hourly - now).toBeLessThanOrEqual(HOUR);
      expect(hourly % HOUR).toBe(0);

      const daily = nextSettlementAt('daily', '23:00', SUNDAY, now) as number;
      expect(daily).toBeGreaterThan(now);
      expect(daily - now).toBeLessThanOrEqual(DAY);
      expect(new Date(daily).toISOString().slice(11)).toBe('23:00:00.000Z');

      for (let day = 0; day < 7; day++) {
        const weekly = nextSettlementAt('weekly', '23:00', day, now) as number;
        expect(weekly).toBeGreaterThan(now);
        expect(weekly - now).toBeLessThanOrEqual(7 * DAY);
        expect(new Date(weekly).getUTCDay()).toBe(day);
        expect(new Date(weekly).toISOString().slice(11)).toBe('23:00:00.000Z');
      }
    }
  });
});

describe('settlementDue', () => {
  const base = {
    timeUtc: '23:00',
    weeklyDay: SUNDAY,
    minAmount: 100_000_000n,
  };
  const due = (
    frequency: 'instant' | 'hourly' | 'daily' | 'weekly',
    balance: bigint,
    since: string,
    now: string,
    retryNotBefore?: string,
  ) =>
    settlementDue({
      ...base,
      frequency,
      balance,
      since: at(since),
      now: at(now),
      ...(retryNotBefore ? { retryNotBefore: at(retryNotBefore) } : {}),
    });

  it('never settles nothing or a debt', () => {
    for (const f of SETTLEMENT_FREQUENCIES) {
      expect(due(f, 0n, '2024-05-01T00:00:00Z', '2024-06-01T00:00:00Z')).toBeNull();
      expect(due(f, -5n, '2024-05-01T00:00:00Z', '2024-06-01T00:00:00Z')).toBeNull();
    }
  });

  it('instant: any balance, at once', () => {
    expect(due('instant', 1n, '2024-05-20T10:15:00Z', '2024-05-20T10:15:00Z')).toBe('schedule');
  });

  it('hourly: once the top of an hour passed since the balance started waiting', () => {
    expect(due('hourly', 5n, '2024-05-20T10:15:00Z', '2024-05-20T10:59:59.999Z')).toBeNull();
    expect(due('hourly', 5n, '2024-05-20T10:15:00Z', '2024-05-20T11:00:00Z')).toBe('schedule');
    expect(due('hourly', 5n, '2024-05-20T10:00:00Z', '2024-05-20T10:30:00Z')).toBeNull();
  });

  it('daily: at the configured time after the balance started waiting, not before', () => {
    expect(due('daily', 5n, '2024-05-20T10:15:00Z', '2024-05-20T22:59:59Z')).toBeNull();
    expect(due('daily', 5n, '2024-05-20T10:15:00Z', '2024-05-20T23:00:00Z')).toBe('schedule');
    // credited after today's run: waits for tomorrow's
    expect(due('daily', 5n, '2024-05-20T23:30:00Z', '2024-05-21T12:00:00Z')).toBeNull();
    expect(due('daily', 5n, '2024-05-20T23:30:00Z', '2024-05-21T23:00:00Z')).toBe('schedule');
    // a run missed while the gateway was down is caught up at once
    expect(due('daily', 5n, '2024-05-10T10:00:00Z', '2024-05-20T09:00:00Z')).toBe('schedule');
  });

  it('weekly: on the configured weekday at the time', () => {
    // 2024-05-20 is a Monday; the next Sunday 23:00 is 2024-05-26
    expect(due('weekly', 5n, '2024-05-20T10:00:00Z', '2024-05-25T23:00:00Z')).toBeNull();
    expect(due('weekly', 5n, '2024-05-20T10:00:00Z', '2024-05-26T22:59:00Z')).toBeNull();
    expect(due('weekly', 5n, '2024-05-20T10:00:00Z', '2024-05-26T23:00:00Z')).toBe('schedule');
  });

  it('threshold: a balance at min_settlement_amount settles at once whatever the schedule', () => {
    for (const f of ['hourly', 'daily', 'weekly'] as const) {
      expect(due(f, 99_999_999n, '2024-05-20T10:15:00Z', '2024-05-20T10:16:00Z')).toBeNull();
      expect(due(f, 100_000_000n, '2024-05-20T10:15:00Z', '2024-05-20T10:16:00Z')).toBe('threshold');
      expect(due(f, 500_000_000n, '2024-05-20T10:15:00Z', '2024-05-20T10:15:00Z')).toBe('threshold');
    }
  });

  it('after a failed settlement, nothing settles before the retry time', () => {
    expect(due('instant', 5n, '2024-05-20T10:00:00Z', '2024-05-20T10:30:00Z', '2024-05-20T11:00:00Z')).toBeNull();
    expect(due('daily', 500_000_000n, '2024-05-19T10:00:00Z', '2024-05-20T10:30:00Z', '2024-05-20T11:00:00Z')).toBeNull();
    expect(due('instant', 5n, '2024-05-20T10:00:00Z', '2024-05-20T11:00:00Z', '2024-05-20T11:00:00Z')).toBe('schedule');
  });
});

describe('settlementAmount', () => {
  it('moves the whole balance up to max, and max when above (the rest waits)', () => {
    expect(settlementAmount(0n, 10n)).toBe(0n);
    expect(settlementAmount(-3n, 10n)).toBe(0n);
    expect(settlementAmount(7n, 10n)).toBe(7n);
    expect(settlementAmount(10n, 10n)).toBe(10n);
    expect(settlementAmount(25n, 10n)).toBe(10n);
    // draining 25 at 10 a time: 10, 10, 5
    let balance = 25n;
    const moved: bigint[] = [];
    while (balance > 0n) {
      const amount = settlementAmount(balance, 10n);
      moved.push(amount);
      balance -= amount;
    }
    expect(moved).toEqual([10n, 10n, 5n]);
  });
});

describe('effectiveFrequency', () => {
  it("prefers the merchant's own frequency, else the configured one", () => {
    expect(effectiveFrequency('hourly', 'daily')).toBe('hourly');
    expect(effectiveFrequency(null, 'weekly')).toBe('weekly');
    expect(effectiveFrequency('bogus', 'daily')).toBe('daily');
  });
});

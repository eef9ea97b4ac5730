import { describe, expect, it } from 'vitest';
import { type Limits, loadConfig } from '../../config/load.js';
import { AssetCatalog, type AssetLimits } from '../../shared/catalogues/asset-catalog.js';
import { AppError } from '../../shared/errors.js';
import type { Asset } from '../../shared/money.js';
import { admitUnit, type MerchantUsage, RATE_WINDOW_MS, type UnitDemand, utcDay, windowStart } from './limit-rules.js';

const config = loadConfig({ allowMissingFile: true, env: {} });
const MAX_BATCHES = config.raw.batch_processing.max_concurrent_batches;
const USDT = (whole: bigint) => whole * 1_000_000n;

/** A minute boundary, plus some seconds into it. */
const MINUTE = Date.UTC(2024, 4, 20, 10, 15, 0);
const NOW = MINUTE + 15_500;

function usage(overrides: Partial<MerchantUsage> = {}): MerchantUsage {
  return { createdThisWindow: 0, dayTotals: new Map(), monthTotals: new Map(), batchesInFlight: 0, ...overrides };
}

function single(asset: Asset, amount: bigint): UnitDemand {
  return { count: 1, totals: new Map([[asset, amount]]), isBatch: false };
}

function batch(count: number, totals: Array<[Asset, bigint]>): UnitDemand {
  return { count, totals: new Map(totals), isBatch: true };
}

/** The shipped limits with `overrides`; amount limits apply to every asset (in its base units). */
function limitsWith(overrides: Partial<Limits & AssetLimits>): [Limits, AssetCatalog] {
  const { dailyLimit, monthlyLimit, ...rest } = overrides;
  const assets = new AssetCatalog(
    config.assets.specs.map((spec) => ({
      ...spec,
      limits: {
        ...spec.limits,
        ...(dailyLimit === undefined ? {} : { dailyLimit }),
        ...(monthlyLimit === undefined ? {} : { monthlyLimit }),
      },
    })),
  );
  return [{ ...config.limits, ...rest }, assets];
}

function snapshot(u: MerchantUsage) {
  return { created: u.createdThisWindow, batches: u.batchesInFlight, day: [...u.dayTotals], month: [...u.monthTotals] };
}

describe('shipped limits', () => {
  it('are the seed’s: 1000 a minute, 10 batches, daily 100,000,000,000 and monthly 1,000,000,000,000', () => {
    expect(config.limits.ratePerMinute).toBe(1000);
    expect(MAX_BATCHES).toBe(10);
    expect(config.assets.get('USDT').limits.dailyLimit).toBe(USDT(100_000_000_000n));
    expect(config.assets.get('USDT').limits.monthlyLimit).toBe(USDT(1_000_000_000_000n));
  });
});

describe('rate limit per minute', () => {
  it('admits up to exactly the limit', () => {
    const u = usage();
    for (let i = 0; i < 1000; i++)
      expect(admitUnit(u, single('USDT', USDT(1n)), config.limits, config.assets, MAX_BATCHES, NOW)).toBeNull();
    expect(u.createdThisWindow).toBe(1000);
  });

  it('refuses one more with rate_limited and the seconds left in the minute', () => {
    const u = usage({ createdThisWindow: 1000 });
    const error = admitUnit(u, single('USDT', USDT(1n)), config.limits, config.assets, MAX_BATCHES, NOW);
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe('rate_limited');
    expect(error?.status).toBe(429);
    expect(error?.retryAfterSeconds).toBe(45); // 44.5 s left, rounded up
    expect(error?.detail).toMatch(/at most 1000 create requests/);
    expect(u.createdThisWindow).toBe(1000);
  });

  it('counts every payment of a batch', () => {
    expect(
      admitUnit(usage({ createdThisWindow: 995 }), batch(5, [['USDT', USDT(5n)]]), config.limits, config.assets, MAX_BATCHES, NOW),
    ).toBeNull();
    const error = admitUnit(
      usage({ createdThisWindow: 995 }),
      batch(6, [['USDT', USDT(6n)]]),
      config.limits,
      config.assets,
      MAX_BATCHES,
      NOW,
    );
    expect(error?.code).toBe('rate_limited');
    expect(error?.detail).toMatch(/5 remain/);
  });

  it.each([
    [0, 60],
    [1, 60],
    [999, 60],
    [1000, 59],
    [15_500, 45],
    [58_999, 2],
    [59_000, 1],
    [59_999, 1],
  ])('Retry-After %s ms into the minute is %s s', (offset, seconds) => {
    const error = admitUnit(
      usage({ createdThisWindow: 1000 }),
      single('USDT', 1n),
      config.limits,
      config.assets,
      MAX_BATCHES,
      MINUTE + offset,
    );
    expect(error?.retryAfterSeconds).toBe(seconds);
  });

  it('Retry-After is always within 1..60 s and reaches the next window', () => {
    for (let offset = 0; offset < RATE_WINDOW_MS; offset += 137) {
      const now = MINUTE + offset;
      const error = admitUnit(usage({ createdThisWindow: 1000 }), single('USDT', 1n), config.limits, config.assets, MAX_BATCHES, now);
      const seconds = error?.retryAfterSeconds ?? -1;
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(now + seconds * 1000).toBeGreaterThanOrEqual(windowStart(now) + RATE_WINDOW_MS);
      expect(now + (seconds - 1) * 1000).toBeLessThan(windowStart(now) + RATE_WINDOW_MS);
    }
  });

  it('follows the configured rate', () => {
    const limits = limitsWith({ ratePerMinute: 2 });
    const u = usage();
    expect(admitUnit(u, single('USDT', 1n), ...limits, MAX_BATCHES, NOW)).toBeNull();
    expect(admitUnit(u, single('TRX', 1n), ...limits, MAX_BATCHES, NOW)).toBeNull();
    expect(admitUnit(u, single('USDT', 1n), ...limits, MAX_BATCHES, NOW)?.code).toBe('rate_limited');
  });
});

describe('batches in flight', () => {
  it('admits a batch while fewer than the maximum are in flight, and counts it', () => {
    const u = usage({ batchesInFlight: MAX_BATCHES - 1 });
    expect(admitUnit(u, batch(3, [['USDT', USDT(3n)]]), config.limits, config.assets, MAX_BATCHES, NOW)).toBeNull();
    expect(u.batchesInFlight).toBe(MAX_BATCHES);
    expect(u.createdThisWindow).toBe(3);
  });

  it('refuses another batch with too_many_batches', () => {
    const u = usage({ batchesInFlight: MAX_BATCHES });
    const error = admitUnit(u, batch(3, [['USDT', USDT(3n)]]), config.limits, config.assets, MAX_BATCHES, NOW);
    expect(error?.code).toBe('too_many_batches');
    expect(error?.status).toBe(429);
    expect(error?.retryAfterSeconds).toBe(60);
    expect(error?.detail).toMatch(/at most 10 batches/);
    expect(u.batchesInFlight).toBe(MAX_BATCHES);
    expect(u.createdThisWindow).toBe(0);
  });

  it('does not hold back single payments', () => {
    const u = usage({ batchesInFlight: MAX_BATCHES });
    expect(admitUnit(u, single('USDT', 1n), config.limits, config.assets, MAX_BATCHES, NOW)).toBeNull();
    expect(u.batchesInFlight).toBe(MAX_BATCHES);
  });

  it('reports the rate limit first when both apply', () => {
    const error = admitUnit(
      usage({ batchesInFlight: MAX_BATCHES, createdThisWindow: 1000 }),
      batch(1, []),
      config.limits,
      config.assets,
      MAX_BATCHES,
      NOW,
    );
    expect(error?.code).toBe('rate_limited');
  });
});

describe('daily and monthly totals per asset', () => {
  const limits = limitsWith({ dailyLimit: USDT(1000n), monthlyLimit: USDT(5000n) });

  it('admits up to exactly the daily limit and refuses one base unit more', () => {
    const u = usage({ dayTotals: new Map([['USDT', USDT(999n)]]) });
    expect(admitUnit(u, single('USDT', USDT(1n)), ...limits, MAX_BATCHES, NOW)).toBeNull();
    expect(u.dayTotals.get('USDT')).toBe(USDT(1000n));
    const before = snapshot(u);
    const error = admitUnit(u, single('USDT', 1n), ...limits, MAX_BATCHES, NOW);
    expect(error?.code).toBe('limit_exceeded');
    expect(error?.status).toBe(422);
    expect(error?.detail).toBe('the daily limit of 1000 USDT would be exceeded');
    expect(error?.errors).toEqual([{ path: 'amount', message: 'daily total would reach 1000.000001 USDT' }]);
    expect(snapshot(u)).toEqual(before);
  });

  it('admits up to exactly the monthly limit and refuses one base unit more', () => {
    const u = usage({ monthTotals: new Map([['USDT', USDT(4999n)]]) });
    expect(admitUnit(u, single('USDT', USDT(1n)), ...limits, MAX_BATCHES, NOW)).toBeNull();
    expect(u.monthTotals.get('USDT')).toBe(USDT(5000n));
    const before = snapshot(u);
    const error = admitUnit(u, single('USDT', 1n), ...limits, MAX_BATCHES, NOW);
    expect(error?.code).toBe('limit_exceeded');
    expect(error?.detail).toBe('the monthly limit of 5000 USDT would be exceeded');
    expect(error?.errors).toEqual([{ path: 'amount', message: 'monthly total would reach 5000.000001 USDT' }]);
    expect(snapshot(u)).toEqual(before);
  });

  it('counts USDT and TRX separately', () => {
    const u = usage({ dayTotals: new Map([['USDT', USDT(1000n)]]), monthTotals: new Map([['USDT', USDT(1000n)]]) });
    expect(admitUnit(u, single('USDT', 1n), ...limits, MAX_BATCHES, NOW)?.code).toBe('limit_exceeded');
    expect(admitUnit(u, single('TRX', USDT(1000n)), ...limits, MAX_BATCHES, NOW)).toBeNull();
    expect(u.dayTotals.get('TRX')).toBe(USDT(1000n));
    expect(u.dayTotals.get('USDT')).toBe(USDT(1000n));
    const error = admitUnit(u, single('TRX', 1n), ...limits, MAX_BATCHES, NOW);
    expect(error?.detail).toBe('the daily limit of 1000 TRX would be exceeded');
  });

  it('adds a batch’s totals per asset when admitted', () => {
    const u = usage();
    expect(
      admitUnit(
        u,
        batch(4, [
          ['USDT', USDT(300n)],
          ['TRX', USDT(200n)],
        ]),
        ...limits,
        MAX_BATCHES,
        NOW,
      ),
    ).toBeNull();
    expect(u.dayTotals).toEqual(
      new Map([
        ['USDT', USDT(300n)],
        ['TRX', USDT(200n)],
      ]),
    );
    expect(u.monthTotals).toEqual(
      new Map([
        ['USDT', USDT(300n)],
        ['TRX', USDT(200n)],
      ]),
    );
    expect(u.createdThisWindow).toBe(4);
    expect(u.batchesInFlight).toBe(1);
  });

  it('changes nothing when one asset of a batch does not fit', () => {
    const u = usage({ dayTotals: new Map([['TRX', USDT(900n)]]) });
    const before = snapshot(u);
    const error = admitUnit(
      u,
      batch(2, [
        ['USDT', USDT(10n)],
        ['TRX', USDT(101n)],
      ]),
      ...limits,
      MAX_BATCHES,
      NOW,
    );
    expect(error?.code).toBe('limit_exceeded');
    expect(error?.detail).toMatch(/TRX/);
    expect(snapshot(u)).toEqual(before);
  });

  it('sums beyond 2^63 and 2^64 base units without overflow', () => {
    const huge = limitsWith({ dailyLimit: 2n ** 70n, monthlyLimit: 2n ** 72n });
    const u = usage({ dayTotals: new Map([['USDT', 2n ** 64n]]), monthTotals: new Map([['USDT', 2n ** 64n]]) });
    expect(admitUnit(u, single('USDT', 2n ** 64n), ...huge, MAX_BATCHES, NOW)).toBeNull();
    expect(u.dayTotals.get('USDT')).toBe(2n ** 65n);
    expect(admitUnit(u, single('USDT', 2n ** 70n), ...huge, MAX_BATCHES, NOW)?.code).toBe('limit_exceeded');
    expect(u.dayTotals.get('USDT')).toBe(2n ** 65n);
  });

  it('with the shipped limits admits a full day of maximum single payments and not one base unit more', () => {
    const u = usage({
      dayTotals: new Map([['USDT', config.assets.get('USDT').limits.dailyLimit - config.assets.get('USDT').limits.maxSinglePayment]]),
    });
    expect(
      admitUnit(u, single('USDT', config.assets.get('USDT').limits.maxSinglePayment), config.limits, config.assets, MAX_BATCHES, NOW),
    ).toBeNull();
    expect(admitUnit(u, single('USDT', 1n), config.limits, config.assets, MAX_BATCHES, NOW)?.code).toBe('limit_exceeded');
  });
});

describe('utcDay', () => {
  it.each([
    [Date.UTC(1970, 0, 1), 19700101],
    [Date.UTC(2024, 0, 31, 23, 59, 59, 999), 20240131],
    [Date.UTC(2024, 1, 1, 0, 0, 0, 0), 20240201],
    [Date.UTC(2024, 1, 29, 12), 20240229],
    [Date.UTC(2024, 2, 1), 20240301],
    [Date.UTC(2023, 1, 28, 23, 59, 59, 999), 20230228],
    [Date.UTC(2023, 2, 1), 20230301],
    [Date.UTC(2023, 11, 31, 23, 59, 59, 999), 20231231],
    [Date.UTC(2024, 0, 1, 0, 0, 0, 0), 20240101],
    [Date.UTC(2024, 3, 30, 23, 59, 59, 999), 20240430],
    [Date.UTC(2024, 4, 1), 20240501],
    [Date.UTC(2099, 11, 31, 12), 20991231],
  ])('%s → %s', (ms, day) => {
    expect(utcDay(ms)).toBe(day);
  });

  it('is the UTC date, not the local one', () => {
    // 2024-01-01T00:30 UTC is still 31 December in the Americas and already 1 January in Asia
    expect(utcDay(Date.parse('2024-01-01T00:30:00Z'))).toBe(20240101);
    expect(utcDay(Date.parse('2023-12-31T23:30:00-05:00'))).toBe(20240101);
    expect(utcDay(Date.parse('2024-01-01T05:00:00+09:00'))).toBe(20231231);
  });

  it('orders days as numbers, also across months and years', () => {
    const days = [Date.UTC(2023, 11, 31), Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 1)].map(utcDay);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    expect(Math.floor(utcDay(Date.UTC(2024, 6, 4)) / 100)).toBe(202407); // month key
  });
});

describe('windowStart', () => {
  it('is the start of the minute', () => {
    expect(windowStart(Date.UTC(2024, 4, 20, 10, 15, 42, 789))).toBe(Date.UTC(2024, 4, 20, 10, 15, 0, 0));
    expect(windowStart(MINUTE)).toBe(MINUTE);
    expect(windowStart(MINUTE + RATE_WINDOW_MS - 1)).toBe(MINUTE);
    expect(windowStart(MINUTE + RATE_WINDOW_MS)).toBe(MINUTE + RATE_WINDOW_MS);
    expect(RATE_WINDOW_MS).toBe(60_000);
  });
});

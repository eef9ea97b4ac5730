/**
 * Merchant limits checked when payments are created (SPEC §3.5): creations per minute, daily and
 * monthly totals per asset, batches in flight. Pure: usage is read and written by the caller.
 */
import type { Limits } from '../../config/load.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import { AppError } from '../../shared/errors.js';
import type { Asset } from '../../shared/money.js';

export const RATE_WINDOW_MS = 60_000;

export interface MerchantUsage {
  /** payments created in the current minute window */
  createdThisWindow: number;
  dayTotals: Map<Asset, bigint>;
  monthTotals: Map<Asset, bigint>;
  batchesInFlight: number;
}

export interface UnitDemand {
  count: number;
  totals: Map<Asset, bigint>;
  isBatch: boolean;
}

/** Checks one creation request against the usage so far and, when it fits, adds it to the usage. */
export function admitUnit(
  usage: MerchantUsage,
  demand: UnitDemand,
  limits: Limits,
  assets: AssetCatalog,
  maxBatchesInFlight: number,
  now: number,
): AppError | null {
  if (usage.createdThisWindow + demand.count > limits.ratePerMinute) {
    const retryAfter = Math.max(1, Math.ceil((RATE_WINDOW_MS - (now % RATE_WINDOW_MS)) / 1000));
    return new AppError(
      'rate_limited',
      `at most ${limits.ratePerMinute} create requests (a batch counts once) are accepted per minute; ${Math.max(0, limits.ratePerMinute - usage.createdThisWindow)} remain in this minute`,
      [],
      retryAfter,
    );
  }
  if (demand.isBatch && !fitsBatchesInFlight(usage.batchesInFlight, 1, maxBatchesInFlight)) {
    return new AppError('too_many_batches', `at most ${maxBatchesInFlight} batches may be in flight at once`, [], 60);
  }
  for (const [asset, amount] of demand.totals) {
    const { dailyLimit, monthlyLimit } = assets.get(asset).limits;
    const money = (units: bigint) => assets.format(asset, units);
    const day = (usage.dayTotals.get(asset) ?? 0n) + amount;
    if (day > dailyLimit) {
      return new AppError('limit_exceeded', `the daily limit of ${money(dailyLimit)} ${asset} would be exceeded`, [
        { path: 'amount', message: `daily total would reach ${money(day)} ${asset}` },
      ]);
    }
    const month = (usage.monthTotals.get(asset) ?? 0n) + amount;
    if (month > monthlyLimit) {
      return new AppError('limit_exceeded', `the monthly limit of ${money(monthlyLimit)} ${asset} would be exceeded`, [
        { path: 'amount', message: `monthly total would reach ${money(month)} ${asset}` },
      ]);
    }
  }
  usage.createdThisWindow += demand.count;
  if (demand.isBatch) usage.batchesInFlight += 1;
  for (const [asset, amount] of demand.totals) {
    usage.dayTotals.set(asset, (usage.dayTotals.get(asset) ?? 0n) + amount);
    usage.monthTotals.set(asset, (usage.monthTotals.get(asset) ?? 0n) + amount);
  }
  return null;
}

/** Whether `adding` new batches fit beside the `inFlight` ones (the one rule for a request alone and for a group). */
export function fitsBatchesInFlight(inFlight: number, adding: number, maxBatchesInFlight: number): boolean {
  return inFlight + adding <= maxBatchesInFlight;
}

/** UTC calendar day as yyyymmdd. */
export function utcDay(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** The month's total is kept in a row of its own, keyed yyyymm00 (a day that never exists). */
export function monthKey(day: number): number {
  return day - (day % 100);
}

export function windowStart(ms: number): number {
  return ms - (ms % RATE_WINDOW_MS);
}

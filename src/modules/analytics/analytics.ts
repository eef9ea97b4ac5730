/**
 * Analytics over a merchant's recent payments (SPEC §3.11), built from the facts the queries return. Pure.
 * Money stays bigint until rendered as decimal strings; ratios and durations are numbers:
 * - success rate = completed / (completed + failed + cancelled), rounded to 4 decimal places;
 * - processing time = completed_at − created_at of completed payments; the average is rounded half-up to
 *   the millisecond; p50/p95 use the nearest-rank method (always an observed value, no interpolation).
 * The seed's service metrics (`total_payments` … `avg_processing_time`) are given beside these, folded from
 * the same facts: volume and fees are those of completed payments (money that moved), per currency.
 */
import { PAYMENT_METHODS, PRIORITIES } from '../../config/schema.js';
import { type AssetCatalog, NATIVE_SYMBOL } from '../../shared/catalogues/asset-catalog.js';
import { toIso } from '../../shared/clock.js';
import type { Asset } from '../../shared/money.js';
import { PAYMENT_STATUSES } from '../payments/payment.js';
import {
  addTo,
  amountsJson,
  entryOf,
  type MoneyTotals,
  type MovementTotals,
  type PaymentGroup,
  totalsJson,
  zeroCounts,
  zeroTotals,
} from '../reports/report-summary.js';
import type { DayGroup } from './analytics.queries.js';

export const MIN_PERIOD_DAYS = 1;
export const MAX_PERIOD_DAYS = 365;
const DAY_MS = 86_400_000;

/** The window of `periodDays`: today (UTC) so far and the `periodDays − 1` whole days before it. */
export function analyticsWindow(now: number, periodDays: number): { startAt: number; endAt: number } {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return { startAt: today - (periodDays - 1) * DAY_MS, endAt: now + 1 };
}

/** 1-based nearest rank of percentile `p` (0 < p ≤ 100) among `n` sorted values: ⌈p·n/100⌉. */
export function nearestRank(p: number, n: number): number {
  return Math.max(1, Math.ceil((p * n) / 100));
}

/** completed / (completed + failed + cancelled), 4 decimal places; null when none of them finished. */
export function successRate(byStatus: Readonly<Record<string, number>>): number | null {
  const completed = byStatus.completed ?? 0;
  const finished = completed + (byStatus.failed ?? 0) + (byStatus.cancelled ?? 0);
  return finished === 0 ? null : Math.round((completed / finished) * 10_000) / 10_000;
}

/** Mean of `count` durations totalling `totalMs`, rounded half-up to the millisecond. */
export function averageMs(totalMs: bigint, count: number): number | null {
  if (count === 0) return null;
  const n = BigInt(count);
  return Number((2n * totalMs + n) / (2n * n));
}

export interface AnalyticsFacts {
  periodDays: number;
  startAt: number;
  endAt: number;
  generatedAt: number;
  payments: readonly PaymentGroup[];
  days: readonly DayGroup[];
  hours: ReadonlyArray<{ hour: number; count: number }>;
  modes: Record<Asset, { amount: bigint; count: number } | null>;
  durations: { count: number; totalMs: bigint; p50Ms: number | null; p95Ms: number | null };
  refunds: MovementTotals;
  /** batches of the window that reached a final status */
  batchesProcessed: number;
  /** collections completed per UTC day, and the sun burned per day by the sends that collected (sweeps, fuel, activation) */
  collectionCosts: { completed: ReadonlyArray<{ day: number; count: number }>; burned: ReadonlyArray<{ day: number; sun: bigint }> };
}

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
const isoDay = (day: number) => toIso(day * DAY_MS).slice(0, 10);

function breakdown(keys: readonly string[], groups: readonly PaymentGroup[], keyOf: (g: PaymentGroup) => string, assets: AssetCatalog) {
  const zeroAmounts = (): Record<string, bigint> => Object.fromEntries(assets.symbols.map((a) => [a, 0n]));
  const out: Record<string, { count: number; volume: Record<string, bigint> }> = Object.fromEntries(
    keys.map((k) => [k, { count: 0, volume: zeroAmounts() }]),
  );
  for (const g of groups) {
    const entry = entryOf(out, keyOf(g), () => ({ count: 0, volume: zeroAmounts() }));
    entry.count += g.count;
    entry.volume[g.currency] = (entry.volume[g.currency] ?? 0n) + g.amount;
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, { count: v.count, volume: amountsJson(v.volume, assets) }]));
}

function dailySeries(facts: AnalyticsFacts, assets: AssetCatalog) {
  const zeroAmounts = (): Record<string, bigint> => Object.fromEntries(assets.symbols.map((a) => [a, 0n]));
  const first = Math.floor(facts.startAt / DAY_MS);
  const last = Math.floor((facts.endAt - 1) / DAY_MS);
  const series = new Map<number, { count: number; volume: Record<string, bigint> }>();
  for (let day = first; day <= last; day++) series.set(day, { count: 0, volume: zeroAmounts() });
  for (const g of facts.days) {
    const entry = series.get(g.day);
    if (entry === undefined) continue;
    entry.count += g.count;
    entry.volume[g.currency] = (entry.volume[g.currency] ?? 0n) + g.amount;
  }
  return [...series].map(([day, v]) => ({ date: isoDay(day), count: v.count, volume: amountsJson(v.volume, assets) }));
}

/** Per day of the window: TRX burned collecting, and that divided by the collections completed that day (null: none). */
function collectionCostSeries(facts: AnalyticsFacts, assets: AssetCatalog) {
  const first = Math.floor(facts.startAt / DAY_MS);
  const last = Math.floor((facts.endAt - 1) / DAY_MS);
  const series = new Map<number, { collections: number; sun: bigint }>();
  for (let day = first; day <= last; day++) series.set(day, { collections: 0, sun: 0n });
  for (const c of facts.collectionCosts.completed) {
    const entry = series.get(c.day);
    if (entry) entry.collections += c.count;
  }
  for (const b of facts.collectionCosts.burned) {
    const entry = series.get(b.day);
    if (entry) entry.sun += b.sun;
  }
  const trx = (sun: bigint) => assets.format(NATIVE_SYMBOL, sun);
  return [...series].map(([day, v]) => ({
    date: isoDay(day),
    completed_collections: v.collections,
    trx_burned: trx(v.sun),
    trx_burned_per_collection: v.collections === 0 ? null : trx(v.sun / BigInt(v.collections)),
  }));
}

export function buildAnalytics(facts: AnalyticsFacts, assets: AssetCatalog) {
  const byStatus = zeroCounts(PAYMENT_STATUSES);
  const volume = Object.fromEntries(assets.symbols.map((a) => [a, zeroTotals()]));
  const completedVolume = Object.fromEntries(assets.symbols.map((a) => [a, zeroTotals()]));
  let total = 0;
  for (const g of facts.payments) {
    total += g.count;
    byStatus[g.status] = (byStatus[g.status] ?? 0) + g.count;
    addTo(entryOf(volume, g.currency, zeroTotals), g);
    if (g.status === 'completed') addTo(entryOf(completedVolume, g.currency, zeroTotals), g);
  }
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const h of facts.hours) byHour[h.hour] = (byHour[h.hour] ?? 0) + h.count;
  // ties go to the earliest hour: the scan keeps the first maximum
  let peak: { hour: number; count: number } | null = null;
  byHour.forEach((count, hour) => {
    if (count > 0 && (peak === null || count > peak.count)) peak = { hour, count };
  });
  const d = facts.durations;
  const averageSeconds = seconds(averageMs(d.totalMs, d.count));
  const completedAmounts = (pick: (t: MoneyTotals) => bigint) =>
    amountsJson(Object.fromEntries(Object.entries(completedVolume).map(([c, t]) => [c, pick(t)])), assets);
  return {
    object: 'analytics' as const,
    period_days: facts.periodDays,
    period_start: toIso(facts.startAt),
    period_end: toIso(facts.endAt),
    generated_at: toIso(facts.generatedAt),
    total_count: total,
    by_status: byStatus,
    volume: Object.fromEntries(Object.entries(volume).map(([c, t]) => [c, totalsJson(c, t, assets)])),
    completed_volume: Object.fromEntries(Object.entries(completedVolume).map(([c, t]) => [c, totalsJson(c, t, assets)])),
    refunds: { count: facts.refunds.count, completed_count: facts.refunds.completedCount },
    refunded_volume: amountsJson(facts.refunds.completedAmount, assets),
    success_rate: successRate(byStatus),
    processing_time_seconds: {
      count: d.count,
      average: averageSeconds,
      p50: seconds(d.p50Ms),
      p95: seconds(d.p95Ms),
    },
    peak_hour: peak as { hour: number; count: number } | null,
    by_hour: byHour,
    most_common_amount: Object.fromEntries(
      assets.symbols.map((a) => {
        const mode = facts.modes[a];
        return [a, mode ? { amount: assets.format(a, mode.amount), count: mode.count } : null];
      }),
    ),
    daily: dailySeries(facts, assets),
    collection_cost_daily: collectionCostSeries(facts, assets),
    by_priority: breakdown(PRIORITIES, facts.payments, (g) => g.priority, assets),
    by_payment_method: breakdown(PAYMENT_METHODS, facts.payments, (g) => g.method, assets),
    // the seed's service metrics (refunded_volume above is one of them)
    total_payments: total,
    successful_payments: byStatus.completed ?? 0,
    failed_payments: byStatus.failed ?? 0,
    total_volume: completedAmounts((t) => t.amount),
    total_fees: completedAmounts((t) => t.fee),
    batches_processed: facts.batchesProcessed,
    // the seed's counter starts at 0: a period with nothing completed averages 0, not null
    avg_processing_time: averageSeconds ?? 0,
  };
}

export type AnalyticsView = ReturnType<typeof buildAnalytics>;

/**
 * `GET /analytics`: computes a merchant's analytics from stored payments and refunds and keeps each answer
 * for `caching.analytics_ttl_seconds` per (merchant, period_days). The cache is per process and in memory:
 * analytics are a dashboard read, a minute of staleness is fine, and `generated_at` says how old it is.
 */

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import type { Clock } from '../../shared/clock.js';
import { type AppError, fieldError } from '../../shared/errors.js';
import { err, ok, type Result } from '../../shared/result.js';
import { foldMovements } from '../reports/report-summary.js';
import { movementGroups, paymentGroups } from '../reports/reports.repository.js';
import { type AnalyticsView, analyticsWindow, buildAnalytics, MAX_PERIOD_DAYS, MIN_PERIOD_DAYS, nearestRank } from './analytics.js';
import {
  type AnalyticsWindow,
  completedCollectionsByDay,
  countsByHour,
  dailyGroups,
  durationAtRank,
  durationTotals,
  modalAmounts,
  processedBatchCount,
} from './analytics.queries.js';

/** Enough for every merchant of a large install asking for a few periods; beyond it the oldest entries go. */
const MAX_CACHE_ENTRIES = 1000;

export interface AnalyticsServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** 0 disables caching */
  ttlMs: number;
  assets: AssetCatalog;
  /** sun a merchant's collecting sends (sweeps, fuel, activation) burned per UTC day in [startAt, endAt) */
  collectionBurns(merchantId: string, startAt: number, endAt: number): Promise<Array<{ day: number; sun: bigint }>>;
}

export class AnalyticsService {
  private readonly cache = new Map<string, { expiresAt: number; view: AnalyticsView }>();

  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async analytics(merchantId: string, periodDays: number): Promise<Result<AnalyticsView, AppError>> {
    if (!Number.isInteger(periodDays) || periodDays < MIN_PERIOD_DAYS || periodDays > MAX_PERIOD_DAYS) {
      return err(fieldError('query.period_days', `must be an integer from ${MIN_PERIOD_DAYS} to ${MAX_PERIOD_DAYS}`));
    }
    const now = this.deps.clock.now();
    const key = `${merchantId}\u0000${periodDays}`;
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > now) return ok(hit.view);
    const view = await this.compute(merchantId, periodDays, now);
    if (this.deps.ttlMs > 0) this.remember(key, { expiresAt: now + this.deps.ttlMs, view }, now);
    return ok(view);
  }

  private remember(key: string, entry: { expiresAt: number; view: AnalyticsView }, now: number): void {
    this.cache.delete(key);
    if (this.cache.size >= MAX_CACHE_ENTRIES) {
      for (const [k, v] of this.cache) if (v.expiresAt <= now) this.cache.delete(k);
      // Maps iterate in insertion order: the first key is the oldest answer.
      const oldest = this.cache.keys().next();
      if (this.cache.size >= MAX_CACHE_ENTRIES && !oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(key, entry);
  }

  private async compute(merchantId: string, periodDays: number, now: number): Promise<AnalyticsView> {
    const { db } = this.deps;
    const w: AnalyticsWindow = { merchantId, ...analyticsWindow(now, periodDays) };
    const [payments, days, hours, modes, totals, refunds, batchesProcessed, collectionsDone, burned] = await Promise.all([
      paymentGroups(db, { ...w, statuses: null }),
      dailyGroups(db, w),
      countsByHour(db, w),
      modalAmounts(db, w, this.deps.assets.symbols),
      durationTotals(db, w),
      movementGroups(db, 'refunds', merchantId, w.startAt, w.endAt),
      processedBatchCount(db, w),
      completedCollectionsByDay(db, w),
      this.deps.collectionBurns(merchantId, w.startAt, w.endAt),
    ]);
    const [p50Ms, p95Ms] =
      totals.count === 0
        ? [null, null]
        : await Promise.all([durationAtRank(db, w, nearestRank(50, totals.count)), durationAtRank(db, w, nearestRank(95, totals.count))]);
    return buildAnalytics(
      {
        periodDays,
        ...w,
        generatedAt: now,
        payments,
        days,
        hours,
        modes,
        durations: { ...totals, p50Ms, p95Ms },
        refunds: foldMovements(refunds, this.deps.assets.symbols),
        batchesProcessed,
        collectionCosts: { completed: collectionsDone, burned },
      },
      this.deps.assets,
    );
  }
}

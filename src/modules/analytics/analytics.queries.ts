/**
 * The SQL behind analytics, portable across SQLite and PostgreSQL: integer arithmetic on epoch-ms columns
 * (hour of day = created_at / 3600000 % 24, UTC day = created_at / 86400000), grouped counts and exact
 * split sums. Percentiles and the mode are single rows picked by ORDER BY … LIMIT 1 [OFFSET k], so nothing
 * proportional to the number of payments is held in memory.
 */
import { sql } from 'kysely';
import { moneySum } from '../../db/money-sql.js';
import { PAYMENT_METHODS } from '../../shared/catalogues/payment-methods.js';
import type { Asset } from '../../shared/money.js';
import { FINAL_BATCH_STATUSES } from '../batches/batch.js';
import { isCollection } from '../payments/payment.js';
import type { Executor } from '../reports/reports.repository.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** A merchant's payments created in [startAt, endAt). */
export interface AnalyticsWindow {
  merchantId: string;
  startAt: number;
  endAt: number;
}

function windowed(executor: Executor, w: AnalyticsWindow) {
  return executor
    .selectFrom('payments')
    .where('merchant_id', '=', w.merchantId)
    .where('created_at', '>=', w.startAt)
    .where('created_at', '<', w.endAt);
}

/** Payments per UTC hour of day; hours without payments are absent. */
export async function countsByHour(executor: Executor, w: AnalyticsWindow): Promise<Array<{ hour: number; count: number }>> {
  const hour = sql<bigint>`(created_at / ${sql.lit(HOUR_MS)}) % 24`;
  const rows = await windowed(executor, w)
    .select((eb) => [hour.as('hour'), eb.fn.countAll<bigint>().as('n')])
    .groupBy(hour)
    .execute();
  return rows.map((r) => ({ hour: Number(r.hour), count: Number(r.n) }));
}

export interface DayGroup {
  /** days since the epoch (UTC) */
  day: number;
  currency: string;
  count: number;
  amount: bigint;
}

/** Count and exact amount per UTC day and currency. */
export async function dailyGroups(executor: Executor, w: AnalyticsWindow): Promise<DayGroup[]> {
  const day = sql<bigint>`created_at / ${sql.lit(DAY_MS)}`;
  const rows = await windowed(executor, w)
    .select((eb) => [day.as('day'), 'currency', eb.fn.countAll<bigint>().as('n'), moneySum('amount').as('amount')])
    .groupBy([day, 'currency'])
    .execute();
  return rows.map((r) => ({ day: Number(r.day), currency: r.currency, count: Number(r.n), amount: BigInt(r.amount) }));
}

/** The most frequent amount of each currency; ties go to the smallest amount. */
export async function modalAmounts(
  executor: Executor,
  w: AnalyticsWindow,
  symbols: readonly Asset[],
): Promise<Record<Asset, { amount: bigint; count: number } | null>> {
  const entries = await Promise.all(
    symbols.map(async (currency) => {
      const row = await windowed(executor, w)
        .select((eb) => ['amount', eb.fn.countAll<bigint>().as('n')])
        .where('currency', '=', currency)
        .groupBy('amount')
        .orderBy('n', 'desc')
        // ties: the smallest amount; on SQLite amounts are text, so the shorter decimal is the smaller
        .orderBy(sql`length(cast(amount as text))`)
        .orderBy('amount', 'asc')
        .limit(1)
        .executeTakeFirst();
      return [currency, row ? { amount: BigInt(row.amount), count: Number(row.n) } : null] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Asset, { amount: bigint; count: number } | null>;
}

function completedDurations(executor: Executor, w: AnalyticsWindow) {
  return windowed(executor, w).where('status', '=', 'completed').where('completed_at', 'is not', null);
}

const DURATION = sql<bigint>`(completed_at - created_at)`;

/** Number and exact total (ms) of the processing times of completed payments. */
export async function durationTotals(executor: Executor, w: AnalyticsWindow): Promise<{ count: number; totalMs: bigint }> {
  const row = await completedDurations(executor, w)
    .select((eb) => [eb.fn.countAll<bigint>().as('n'), sql<string>`cast(coalesce(sum(${DURATION}), 0) as text)`.as('total')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), totalMs: BigInt(row.total) };
}

/** The processing time (ms) at 1-based position `rank` in ascending order. */
export async function durationAtRank(executor: Executor, w: AnalyticsWindow, rank: number): Promise<number | null> {
  const row = await completedDurations(executor, w)
    .select(DURATION.as('duration'))
    .orderBy(DURATION)
    .orderBy('id')
    .limit(1)
    .offset(rank - 1)
    .executeTakeFirst();
  return row ? Number(row.duration) : null;
}

/** Batches created in the window whose items have all reached a final state (the seed's `batches_processed`). */
export async function processedBatchCount(executor: Executor, w: AnalyticsWindow): Promise<number> {
  const row = await executor
    .selectFrom('batches')
    .select((eb) => eb.fn.countAll<bigint>().as('n'))
    .where('merchant_id', '=', w.merchantId)
    .where('created_at', '>=', w.startAt)
    .where('created_at', '<', w.endAt)
    .where('status', 'in', [...FINAL_BATCH_STATUSES])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Collections (payment_gateway, direct_transfer) completed per UTC day of completion in the window. */
export async function completedCollectionsByDay(executor: Executor, w: AnalyticsWindow): Promise<Array<{ day: number; count: number }>> {
  const day = sql<bigint>`completed_at / ${sql.lit(DAY_MS)}`;
  const rows = await executor
    .selectFrom('payments')
    .select((eb) => [day.as('day'), eb.fn.countAll<bigint>().as('n')])
    .where('merchant_id', '=', w.merchantId)
    .where('status', '=', 'completed')
    .where(
      'payment_method',
      'in',
      PAYMENT_METHODS.filter((m) => isCollection(m)),
    )
    .where('completed_at', '>=', w.startAt)
    .where('completed_at', '<', w.endAt)
    .groupBy(day)
    .execute();
  return rows.map((r) => ({ day: Number(r.day), count: Number(r.n) }));
}

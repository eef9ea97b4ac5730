/**
 * Analytics recomputed the slow, obvious way from the seeded rows, for tests to compare the gateway's
 * SQL-built answer with: filter by the window, sort, count, pick. Same definitions as docs/adr/0014
 * (nearest-rank percentiles, success rate to 4 places, ties to the earliest hour and the smallest amount).
 */
import { formatAmount } from '../src/shared/money.js';
import type { SeededPayment, SeedMovement } from './seed-payments.js';

const DAY = 86_400_000;
const CURRENCIES = ['USDT', 'TRX'] as const;

const sum = (values: readonly bigint[]) =>
  formatAmount(
    values.reduce((a, v) => a + v, 0n),
    6,
  );

/** A batch as the seed's `batches_processed` sees it: final once every item is (completed, partial_failure, failed). */
export interface SeedBatch {
  status: string;
  createdAt: number;
}

export function naiveAnalytics(
  payments: readonly SeededPayment[],
  refunds: readonly SeedMovement[],
  now: number,
  periodDays: number,
  batches: readonly SeedBatch[] = [],
) {
  const startAt = Math.floor(now / DAY) * DAY - (periodDays - 1) * DAY;
  const inWindow = payments.filter((p) => p.createdAt >= startAt && p.createdAt <= now);
  const count = (status: string) => inWindow.filter((p) => p.status === status).length;
  const finished = count('completed') + count('failed') + count('cancelled');

  const durations = inWindow
    .filter((p) => p.status === 'completed' && p.completedAt !== null)
    .map((p) => (p.completedAt as number) - p.createdAt)
    .sort((a, b) => a - b);
  const rank = (p: number) => durations[Math.max(1, Math.ceil((p * durations.length) / 100)) - 1] as number;
  const total = durations.reduce((a, d) => a + d, 0);

  const hours = Array.from({ length: 24 }, (_, h) => inWindow.filter((p) => new Date(p.createdAt).getUTCHours() === h).length);
  const peakCount = Math.max(...hours);

  const mode = (currency: string) => {
    const counts = new Map<bigint, number>();
    for (const p of inWindow) if (p.currency === currency) counts.set(p.amount, (counts.get(p.amount) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    return best ? { amount: formatAmount(best[0], 6), count: best[1] } : null;
  };

  const days: Array<{ date: string; count: number; volume: Record<string, string> }> = [];
  for (let d = startAt; d <= now; d += DAY) {
    const mine = inWindow.filter((p) => p.createdAt >= d && p.createdAt < d + DAY);
    days.push({
      date: new Date(d).toISOString().slice(0, 10),
      count: mine.length,
      volume: Object.fromEntries(CURRENCIES.map((c) => [c, sum(mine.filter((p) => p.currency === c).map((p) => p.amount))])),
    });
  }

  const totals = (list: readonly SeededPayment[]) =>
    Object.fromEntries(
      CURRENCIES.map((c) => {
        const mine = list.filter((p) => p.currency === c);
        return [
          c,
          {
            count: mine.length,
            amount: sum(mine.map((p) => p.amount)),
            fee: sum(mine.map((p) => p.fee)),
            net_amount: sum(mine.map((p) => p.netAmount)),
          },
        ];
      }),
    );
  const breakdown = (key: (p: SeededPayment) => string) => {
    const out: Record<string, { count: number; volume: Record<string, string> }> = {};
    for (const k of new Set(inWindow.map(key))) {
      const mine = inWindow.filter((p) => key(p) === k);
      out[k] = {
        count: mine.length,
        volume: Object.fromEntries(CURRENCIES.map((c) => [c, sum(mine.filter((p) => p.currency === c).map((p) => p.amount))])),
      };
    }
    return out;
  };
  const windowRefunds = refunds.filter((r) => r.createdAt >= startAt && r.createdAt <= now);
  const completed = inWindow.filter((p) => p.status === 'completed');
  const perCurrency = (value: (p: SeededPayment) => bigint) =>
    Object.fromEntries(CURRENCIES.map((c) => [c, sum(completed.filter((p) => p.currency === c).map(value))]));
  const average = durations.length === 0 ? null : Math.floor((2 * total + durations.length) / (2 * durations.length)) / 1000;

  return {
    total_count: inWindow.length,
    by_status: Object.fromEntries([...new Set(inWindow.map((p) => p.status))].map((s) => [s, count(s)])),
    volume: totals(inWindow),
    completed_volume: totals(inWindow.filter((p) => p.status === 'completed')),
    refunds: { count: windowRefunds.length, completed_count: windowRefunds.filter((r) => r.status === 'completed').length },
    refunded_volume: Object.fromEntries(
      CURRENCIES.map((c) => [
        c,
        sum(windowRefunds.filter((r) => r.status === 'completed' && (r.currency ?? 'USDT') === c).map((r) => r.amount)),
      ]),
    ),
    success_rate: finished === 0 ? null : Math.round((count('completed') / finished) * 10_000) / 10_000,
    processing_time_seconds: {
      count: durations.length,
      average,
      p50: durations.length === 0 ? null : rank(50) / 1000,
      p95: durations.length === 0 ? null : rank(95) / 1000,
    },
    peak_hour: inWindow.length === 0 ? null : { hour: hours.indexOf(peakCount), count: peakCount },
    by_hour: hours,
    most_common_amount: Object.fromEntries(CURRENCIES.map((c) => [c, mode(c)])),
    daily: days,
    by_priority: breakdown((p) => p.priority),
    by_payment_method: breakdown((p) => p.method),
    // the seed's service metrics
    total_payments: inWindow.length,
    successful_payments: count('completed'),
    failed_payments: count('failed'),
    total_volume: perCurrency((p) => p.amount),
    total_fees: perCurrency((p) => p.fee),
    batches_processed: batches.filter(
      (b) => b.createdAt >= startAt && b.createdAt <= now && ['completed', 'partial_failure', 'failed'].includes(b.status),
    ).length,
    avg_processing_time: average ?? 0,
  };
}

/** Zero entries left out, so that a naive map of what occurs compares with the gateway's zero-filled one. */
export function withoutZeros<T extends Record<string, number | { count: number }>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => (typeof v === 'number' ? v : v.count) > 0)) as Partial<T>;
}

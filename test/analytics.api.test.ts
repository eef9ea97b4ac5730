/**
 * `GET /api/v1/payments/analytics` over a real database (SQLite and PostgreSQL), with a fixed clock:
 * every figure compared with a naive recomputation from the seeded rows and with hand-checked values,
 * the window's edges, period_days validation, the per-merchant cache and its expiry, and isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/shared/clock.js';
import { naiveAnalytics, type SeedBatch, withoutZeros } from './analytics-naive.js';
import { ENGINES } from './db-harness.js';
import { type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';
import { type SeededPayment, type SeedMovement, type SeedPayment, seedPayments, seedRefunds } from './seed-payments.js';

const NOW = Date.UTC(2026, 3, 20, 15, 30, 0);
const TODAY = Date.UTC(2026, 3, 20);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const SECOND = 1000;

type AnalyticsJson = ReturnType<typeof naiveAnalytics> & {
  object: 'analytics';
  period_days: number;
  period_start: string;
  period_end: string;
  generated_at: string;
};

describe.each(ENGINES)('%s', (engine) => {
  const clock = fixedClock(NOW);
  let gw: TestGateway;
  let payments: SeededPayment[];
  const refunds: SeedMovement[] = [
    { amount: 4_000_000n, status: 'completed', createdAt: TODAY - DAY },
    { amount: 1_500_000n, status: 'completed', currency: 'TRX', createdAt: TODAY - 2 * DAY },
    { amount: 9_000_000n, status: 'failed', createdAt: TODAY - DAY },
    { amount: 70_000_000n, status: 'completed', createdAt: TODAY - 40 * DAY },
  ];

  /** Processing times 10 s … 200 s on completed payments; hour 14 is the busiest; 25 USDT is the mode. */
  const seeds: SeedPayment[] = [
    ...Array.from({ length: 20 }, (_, i) => ({
      amount: i % 4 === 0 ? 25_000_000n : BigInt(100 + i) * 1_000_000n,
      createdAt: TODAY - (i % 5) * DAY + 14 * HOUR + i * SECOND,
      completedAt: TODAY - (i % 5) * DAY + 14 * HOUR + i * SECOND + (i + 1) * 10 * SECOND,
      status: 'completed',
      priority: i % 2 === 0 ? 'high' : 'normal',
    })),
    { amount: 25_000_000n, createdAt: TODAY + 2 * HOUR, status: 'failed', method: 'route' },
    { amount: 3_000_000n, createdAt: TODAY - DAY + 3 * HOUR, status: 'cancelled', method: 'direct_transfer' },
    { amount: 3_000_000n, createdAt: TODAY - 3 * DAY + 3 * HOUR, status: 'pending', currency: 'TRX', priority: 'urgent' },
    { amount: 8_000_000n, createdAt: TODAY - 6 * DAY, status: 'processing', currency: 'TRX' },
    // the first instant of the 7-day window, and the last instant before it
    { amount: 11_000_000n, createdAt: TODAY - 6 * DAY, status: 'completed', completedAt: TODAY - 6 * DAY + 500 },
    { amount: 12_000_000n, createdAt: TODAY - 6 * DAY - 1, status: 'completed' },
    { amount: 13_000_000n, createdAt: TODAY - 100 * DAY, status: 'failed' },
    // created after "now" (another process's clock ahead): not counted yet
    { amount: 14_000_000n, createdAt: NOW + 1, status: 'pending' },
    { amount: 15_000_000n, createdAt: NOW, status: 'refunded', priority: 'low' },
  ];

  /** Two of the 7-day window's batches are final; one is still running, one final batch is older. */
  const batches: SeedBatch[] = [
    { status: 'completed', createdAt: TODAY - DAY },
    { status: 'partial_failure', createdAt: TODAY - 6 * DAY },
    { status: 'processing', createdAt: TODAY },
    { status: 'failed', createdAt: TODAY - 20 * DAY },
    { status: 'completed', createdAt: TODAY - 6 * DAY - 1 },
  ];

  beforeAll(async () => {
    gw = await startTestGateway(engine, { clock, config: { caching: { analytics_ttl_seconds: 60 } } });
    payments = await seedPayments(gw.db.db, gw.merchantId, seeds);
    await seedRefunds(gw.db.db, gw.merchantId, payments[0]?.id as string, refunds);
    await gw.db.db
      .insertInto('batches')
      .values(
        batches.map((b, i) => ({
          id: `batch_${String(i + 1).padStart(16, '0')}`,
          merchant_id: gw.merchantId,
          batch_reference: null,
          atomic: 0,
          status: b.status,
          item_count: 1,
          created_count: 1,
          rejected_count: 0,
          totals: '{}',
          created_at: b.createdAt,
          updated_at: b.createdAt,
          completed_at: b.status === 'processing' ? null : b.createdAt + 1,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await gw?.close();
  });

  const analytics = (query: string, key = gw.adminKey) => gw.call<AnalyticsJson>('GET', `/api/v1/payments/analytics${query}`, { key });

  function expectMatchesNaive(answer: AnalyticsJson, periodDays: number, list = payments, movements = refunds) {
    const naive = naiveAnalytics(list, movements, NOW, periodDays, batches);
    expect(answer.total_count).toBe(naive.total_count);
    expect(withoutZeros(answer.by_status)).toEqual(naive.by_status);
    expect(answer.volume).toEqual(naive.volume);
    expect(answer.completed_volume).toEqual(naive.completed_volume);
    expect(answer.refunds).toEqual(naive.refunds);
    expect(answer.refunded_volume).toEqual(naive.refunded_volume);
    expect(answer.success_rate).toBe(naive.success_rate);
    expect(answer.processing_time_seconds).toEqual(naive.processing_time_seconds);
    expect(answer.peak_hour).toEqual(naive.peak_hour);
    expect(answer.by_hour).toEqual(naive.by_hour);
    expect(answer.most_common_amount).toEqual(naive.most_common_amount);
    expect(answer.daily).toEqual(naive.daily);
    expect(withoutZeros(answer.by_priority)).toEqual(naive.by_priority);
    expect(withoutZeros(answer.by_payment_method)).toEqual(naive.by_payment_method);
    for (const metric of [
      'total_payments',
      'successful_payments',
      'failed_payments',
      'total_volume',
      'total_fees',
      'batches_processed',
      'avg_processing_time',
    ] as const) {
      expect(answer[metric], metric).toEqual(naive[metric]);
    }
  }

  it('computes every figure over the last 7 days from the stored rows', async () => {
    const res = await analytics('?period_days=7');
    expect(res.status, res.text).toBe(200);
    const a = res.body;
    expect(a).toMatchObject({
      object: 'analytics',
      period_days: 7,
      period_start: new Date(TODAY - 6 * DAY).toISOString(),
      period_end: new Date(NOW + 1).toISOString(),
      generated_at: new Date(NOW).toISOString(),
    });
    expectMatchesNaive(a, 7);
    // hand-checked: 21 completed (20 + the window's first instant), 1 failed, 1 cancelled
    expect(a.success_rate).toBe(Math.round((21 / 23) * 10_000) / 10_000);
    expect(a.peak_hour).toEqual({ hour: 14, count: 20 });
    expect(a.most_common_amount.USDT).toEqual({ amount: '25', count: 6 });
    expect(a.processing_time_seconds.p50).toBe(100);
    expect(a.processing_time_seconds.p95).toBe(190);
    expect(a.daily).toHaveLength(7);
    expect(a.daily.at(-1)?.date).toBe('2026-04-20');
    expect(a.refunded_volume).toEqual({ USDT: '4', TRX: '1.5' });
    // the seed's metric names, hand-checked: 21 completed USDT payments (20 + the window's first instant)
    const completedUsdt = [...Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? 25 : 100 + i)), 11];
    expect(a).toMatchObject({
      total_payments: a.total_count,
      successful_payments: 21,
      failed_payments: 1,
      total_volume: { USDT: String(completedUsdt.reduce((x, y) => x + y, 0)), TRX: '0' },
      total_fees: { USDT: a.completed_volume.USDT?.fee, TRX: '0' },
      batches_processed: 2,
      avg_processing_time: a.processing_time_seconds.average,
    });
  });

  it('defaults to 30 days and reaches back as far as 365', async () => {
    const thirty = await analytics('');
    expect(thirty.status).toBe(200);
    expect(thirty.body.period_days).toBe(30);
    expect(thirty.body.daily).toHaveLength(30);
    expectMatchesNaive(thirty.body, 30);
    const year = await analytics('?period_days=365');
    expect(year.body.daily).toHaveLength(365);
    expectMatchesNaive(year.body, 365);
    const today = await analytics('?period_days=1');
    expectMatchesNaive(today.body, 1);
  });

  it.each(['0', '366', 'abc', '1.5', '-1', ''])('rejects period_days=%j with a 422 naming it', async (value) => {
    const res = await gw.call<ProblemJson>('GET', `/api/v1/payments/analytics?period_days=${value}`, { key: gw.adminKey });
    expect(res.status, res.text).toBe(422);
    expect(res.body.errors.map((e) => e.path)).toContain('query.period_days');
  });

  it('rejects unknown query parameters', async () => {
    const res = await gw.call<ProblemJson>('GET', '/api/v1/payments/analytics?days=7', { key: gw.adminKey });
    expect(res.status).toBe(422);
  });

  it('answers from its cache for the configured time, then recomputes', async () => {
    const merchant = await gw.createMerchant();
    await seedPayments(gw.db.db, merchant.merchantId, [{ amount: 1_000_000n, createdAt: NOW - HOUR }]);
    const first = await analytics('?period_days=2', merchant.adminKey);
    expect(first.body.total_count).toBe(1);
    await seedPayments(gw.db.db, merchant.merchantId, [{ amount: 2_000_000n, createdAt: NOW - HOUR }]);
    clock.advance(59 * SECOND);
    const cached = await analytics('?period_days=2', merchant.adminKey);
    expect(cached.body.total_count).toBe(1);
    expect(cached.body.generated_at).toBe(first.body.generated_at);
    // another period is its own entry
    expect((await analytics('?period_days=3', merchant.adminKey)).body.total_count).toBe(2);
    clock.advance(2 * SECOND);
    const fresh = await analytics('?period_days=2', merchant.adminKey);
    expect(fresh.body.total_count).toBe(2);
    expect(fresh.body.generated_at).toBe(new Date(NOW + 61 * SECOND).toISOString());
    clock.set(NOW);
  });

  it('shows a merchant only its own payments, and zeros when it has none', async () => {
    const other = await gw.createMerchant();
    const res = await analytics('?period_days=7', other.adminKey);
    expect(res.status).toBe(200);
    expect(res.body.total_count).toBe(0);
    expect(res.body.success_rate).toBeNull();
    expect(res.body.peak_hour).toBeNull();
    expect(res.body.processing_time_seconds).toEqual({ count: 0, average: null, p50: null, p95: null });
    expect(res.body).toMatchObject({
      total_payments: 0,
      successful_payments: 0,
      failed_payments: 0,
      total_volume: { USDT: '0', TRX: '0' },
      total_fees: { USDT: '0', TRX: '0' },
      refunded_volume: { USDT: '0', TRX: '0' },
      batches_processed: 0,
      avg_processing_time: 0,
    });
    expect(res.body.most_common_amount).toEqual({ USDT: null, TRX: null });
    expect(res.body.daily.every((d) => d.count === 0)).toBe(true);
  });

  it('needs the reports:read scope', async () => {
    const key = await gw.key(['payments:write']);
    expect((await analytics('?period_days=7', key)).status).toBe(403);
    expect((await analytics('?period_days=7', await gw.key(['reports:read']))).status).toBe(200);
  });
});

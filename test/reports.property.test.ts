/**
 * Property tests (fast-check) on both engines: for random data sets and random report requests, a report's
 * summary equals what its download's rows add up to, and those rows are exactly the seeded payments the
 * request selects; analytics equal a naive recomputation from the seeded rows. Each run seeds a fresh
 * merchant, so runs do not see each other's data. A failure prints the seed and the shrunk data set.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT_METHODS, PRIORITIES } from '../src/config/schema.js';
import { PAYMENT_STATUSES } from '../src/modules/payments/payment.js';
import { CSV_COLUMNS } from '../src/modules/reports/report-csv.js';
import { fixedClock } from '../src/shared/clock.js';
import { formatAmount, parseAmount } from '../src/shared/money.js';
import { naiveAnalytics, withoutZeros } from './analytics-naive.js';
import { parseCsv } from './csv-reader.js';
import { ENGINES } from './db-harness.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';
import { type SeedMovement, type SeedPayment, seedPayments, seedRefunds } from './seed-payments.js';

const NOW = Date.UTC(2026, 5, 30, 9, 15, 0);
const TODAY = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;
const RUNS = Number(process.env.TPG_PROPERTY_RUNS ?? 25);

const units = (decimal: string): bigint => {
  const parsed = parseAmount(decimal, 6, { allowZero: true });
  if (!parsed.ok) throw new Error(`not an amount: ${decimal}`);
  return parsed.value;
};
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Few distinct amounts often (so modes and ties occur), any amount up to 10^9 units sometimes. */
const amount = fc.oneof(fc.constantFrom(1n, 1_000_000n, 2_500_000n, 25_000_000n), fc.bigInt(1n, 10n ** 15n));

const payment: fc.Arbitrary<SeedPayment> = fc
  .record({
    status: fc.constantFrom(...PAYMENT_STATUSES),
    method: fc.constantFrom(...PAYMENT_METHODS),
    priority: fc.constantFrom(...PRIORITIES),
    currency: fc.constantFrom('USDT', 'TRX'),
    amount,
    // from 70 days before today to a little after now
    createdAt: fc.integer({ min: TODAY - 70 * DAY, max: NOW + 3_600_000 }),
    processingMs: fc.integer({ min: 0, max: 3_600_000 }),
    referenceId: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  })
  .map(({ processingMs, ...p }) => ({ ...p, completedAt: p.status === 'completed' ? p.createdAt + processingMs : null }));

const refund: fc.Arbitrary<SeedMovement> = fc.record({
  currency: fc.constantFrom('USDT', 'TRX'),
  amount: fc.bigInt(1n, 10n ** 12n),
  status: fc.constantFrom('pending', 'completed', 'failed'),
  createdAt: fc.integer({ min: TODAY - 70 * DAY, max: NOW }),
});

const reportRequest = fc.record({
  startDaysAgo: fc.integer({ min: 0, max: 70 }),
  lengthDays: fc.integer({ min: 0, max: 40 }),
  statusFilter: fc.option(fc.uniqueArray(fc.constantFrom(...PAYMENT_STATUSES), { minLength: 1 }), { nil: null }),
  includeFailed: fc.boolean(),
  format: fc.constantFrom('json' as const, 'csv' as const),
});

describe.each(ENGINES)('%s', (engine) => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway(engine, { clock: fixedClock(NOW), config: { caching: { analytics_ttl_seconds: 0 } } });
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('a report’s summary is the sum of the rows its download returns, and those rows are the payments it selects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(payment, { maxLength: 40 }), reportRequest, async (seeds, request) => {
        const merchant = await gw.createMerchant();
        const seeded = await seedPayments(gw.db.db, merchant.merchantId, seeds);
        const startAt = TODAY - request.startDaysAgo * DAY;
        const endAt = startAt + (request.lengthDays + 1) * DAY;
        const body = {
          start_date: isoDay(startAt),
          end_date: isoDay(startAt + request.lengthDays * DAY),
          include_failed: request.includeFailed,
          format: request.format,
          ...(request.statusFilter ? { status_filter: request.statusFilter } : {}),
        };
        const res = await gw.call<{
          row_count: number;
          download_url: string;
          summary: {
            payment_count: number;
            totals: Record<string, { count: number; amount: string; fee: string; net_amount: string }>;
            by_status: Record<string, number>;
          };
        }>('POST', '/api/v1/payments/reports/generate', { key: merchant.adminKey, body });
        expect(res.status, res.text).toBe(201);
        const report = res.body;

        const download = await gw.call<Array<Record<string, string>>>('GET', report.download_url, { key: merchant.adminKey });
        expect(download.status).toBe(200);
        const rows =
          request.format === 'json'
            ? download.body
            : parseCsv(download.text)
                .slice(1)
                .map((cells) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i] ?? ''])));

        // the rows are exactly the selected payments (payments "created" after now are not there yet)
        const wanted = seeded.filter(
          (p) =>
            p.createdAt >= startAt &&
            p.createdAt < Math.min(endAt, NOW + 1) &&
            (request.statusFilter === null || request.statusFilter.includes(p.status as (typeof PAYMENT_STATUSES)[number])) &&
            (request.includeFailed || (p.status !== 'failed' && p.status !== 'cancelled')),
        );
        expect(rows.map((r) => r.id).sort()).toEqual(wanted.map((p) => p.id).sort());

        // and the summary adds them up
        expect(report.row_count).toBe(rows.length);
        expect(report.summary.payment_count).toBe(rows.length);
        for (const currency of ['USDT', 'TRX']) {
          const mine = rows.filter((r) => r.currency === currency);
          const total = (column: string) =>
            formatAmount(
              mine.reduce((a, r) => a + units(r[column] as string), 0n),
              6,
            );
          expect(report.summary.totals[currency]).toEqual({
            count: mine.length,
            amount: total('amount'),
            fee: total('fee'),
            net_amount: total('net_amount'),
          });
        }
        for (const [status, n] of Object.entries(report.summary.by_status)) expect(rows.filter((r) => r.status === status)).toHaveLength(n);
      }),
      { numRuns: RUNS },
    );
  });

  it('analytics equal a naive recomputation from the seeded rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(payment, { maxLength: 40 }),
        fc.array(refund, { maxLength: 6 }),
        fc.integer({ min: 1, max: 75 }),
        async (seeds, refunds, periodDays) => {
          const merchant = await gw.createMerchant();
          const seeded = await seedPayments(gw.db.db, merchant.merchantId, seeds);
          if (refunds.length > 0) {
            const [anchor] = await seedPayments(gw.db.db, merchant.merchantId, [{ amount: 1n, createdAt: TODAY - 400 * DAY }]);
            await seedRefunds(gw.db.db, merchant.merchantId, anchor?.id as string, refunds);
          }
          const res = await gw.call<ReturnType<typeof naiveAnalytics>>('GET', `/api/v1/payments/analytics?period_days=${periodDays}`, {
            key: merchant.adminKey,
          });
          expect(res.status, res.text).toBe(200);
          const a = res.body;
          const naive = naiveAnalytics(seeded, refunds, NOW, periodDays);
          expect(a.total_count).toBe(naive.total_count);
          expect(withoutZeros(a.by_status)).toEqual(naive.by_status);
          expect(a.volume).toEqual(naive.volume);
          expect(a.completed_volume).toEqual(naive.completed_volume);
          expect(a.refunds).toEqual(naive.refunds);
          expect(a.refunded_volume).toEqual(naive.refunded_volume);
          expect(a.success_rate).toBe(naive.success_rate);
          expect(a.processing_time_seconds).toEqual(naive.processing_time_seconds);
          expect(a.peak_hour).toEqual(naive.peak_hour);
          expect(a.by_hour).toEqual(naive.by_hour);
          expect(a.most_common_amount).toEqual(naive.most_common_amount);
          expect(a.daily).toEqual(naive.daily);
          expect(withoutZeros(a.by_priority)).toEqual(naive.by_priority);
          expect(withoutZeros(a.by_payment_method)).toEqual(naive.by_payment_method);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

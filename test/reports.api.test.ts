/**
 * Reports over a real database (SQLite and PostgreSQL): generating from seeded payments, refunds and
 * settlements, date semantics, filters, the stored row and its audit record, reading back, the streamed
 * CSV and JSON downloads, keyset paging through ties, bad input that stores nothing, and other merchants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../src/modules/reports/report-csv.js';
import { reportRows } from '../src/modules/reports/reports.repository.js';
import { fixedClock } from '../src/shared/clock.js';
import { formatAmount, parseAmount } from '../src/shared/money.js';
import { parseCsv } from './csv-reader.js';
import { ENGINES } from './db-harness.js';
import { type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';
import { type SeededPayment, type SeedPayment, seedPayments, seedRefunds, seedSettlements } from './seed-payments.js';

const T0 = Date.UTC(2026, 3, 20, 12, 0, 0);
const MARCH_1 = Date.UTC(2026, 2, 1);
const MARCH_11 = Date.UTC(2026, 2, 11);
const HOUR = 3_600_000;
const REPORT_ID = /^report_[0-9a-f]{32}$/;

interface Totals {
  count: number;
  amount: string;
  fee: string;
  net_amount: string;
}
interface Movements {
  count: number;
  completed_count: number;
  completed_amount: Record<string, string>;
}
interface ReportJson {
  id: string;
  object: 'report';
  status: string;
  start_date: string;
  end_date: string;
  status_filter: string[] | null;
  include_failed: boolean;
  format: 'json' | 'csv';
  summary: {
    payment_count: number;
    totals: Record<string, Totals>;
    by_status: Record<string, number>;
    by_payment_method: Record<string, number>;
    by_priority: Record<string, number>;
    refunds: Movements;
    settlements: Movements;
  };
  row_count: number;
  created_at: string;
  completed_at: string | null;
  download_url: string;
}
type RowJson = Record<(typeof CSV_COLUMNS)[number], string | null>;

const units = (decimal: string | null): bigint => {
  const parsed = parseAmount(decimal, 6, { allowZero: true });
  if (!parsed.ok) throw new Error(`not an amount: ${decimal}`);
  return parsed.value;
};

/** What a summary must say about `payments`, computed the slow, obvious way. */
function expectedTotals(payments: readonly SeededPayment[]): Record<string, Totals> {
  const out: Record<string, Totals> = {};
  for (const currency of ['USDT', 'TRX']) {
    const mine = payments.filter((p) => p.currency === currency);
    const sum = (pick: (p: SeededPayment) => bigint) =>
      formatAmount(
        mine.reduce((a, p) => a + pick(p), 0n),
        6,
      );
    out[currency] = { count: mine.length, amount: sum((p) => p.amount), fee: sum((p) => p.fee), net_amount: sum((p) => p.netAmount) };
  }
  return out;
}

function countBy(payments: readonly SeededPayment[], key: (p: SeededPayment) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of payments) out[key(p)] = (out[key(p)] ?? 0) + 1;
  return out;
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
const byTime = (a: SeededPayment, b: SeededPayment) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe.each(ENGINES)('%s', (engine) => {
  let gw: TestGateway;
  let seeded: SeededPayment[];

  /** In range [1 March, 11 March) unless the name says otherwise; the edges sit on both sides of each bound. */
  const seeds: SeedPayment[] = [
    { amount: 100_000_000n, createdAt: MARCH_1, referenceId: 'first-instant' },
    { amount: 1n, createdAt: MARCH_1 - 1, referenceId: 'before-range' },
    { amount: 250_500_000n, createdAt: MARCH_11 - 1, status: 'failed', referenceId: 'last-instant', priority: 'urgent' },
    { amount: 3n, createdAt: MARCH_11, referenceId: 'after-range' },
    { amount: 7_000_000n, createdAt: MARCH_1 + 5 * HOUR, currency: 'TRX', method: 'route', priority: 'high', status: 'pending' },
    { amount: 12_345_678n, createdAt: MARCH_1 + 30 * HOUR, status: 'cancelled', method: 'direct_transfer', priority: 'low' },
    { amount: 999_999_999n, createdAt: MARCH_1 + 40 * HOUR, status: 'refunded', referenceId: '=HYPERLINK("http://evil")' },
    { amount: 5_000_000n, createdAt: MARCH_1 + 50 * HOUR, currency: 'TRX', status: 'processing', referenceId: 'a "quoted", value' },
    { amount: 42_000_000n, createdAt: MARCH_1 + 60 * HOUR, status: 'completed', payerAddress: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8' },
    { amount: 1_000_000_000_000_000n, createdAt: MARCH_1 + 70 * HOUR, status: 'completed', referenceId: '-10' },
  ];
  const inRange = () => seeded.filter((p) => p.createdAt >= MARCH_1 && p.createdAt < MARCH_11);

  beforeAll(async () => {
    gw = await startTestGateway(engine, { clock: fixedClock(T0) });
    seeded = await seedPayments(gw.db.db, gw.merchantId, seeds);
    const anyPayment = seeded[0]?.id as string;
    await seedRefunds(gw.db.db, gw.merchantId, anyPayment, [
      { amount: 10_000_000n, status: 'completed', createdAt: MARCH_1 + HOUR },
      { amount: 2_000_000n, status: 'failed', createdAt: MARCH_1 + 2 * HOUR },
      { amount: 3_000_000n, status: 'completed', currency: 'TRX', createdAt: MARCH_1 + 3 * HOUR },
      { amount: 99_000_000n, status: 'completed', createdAt: MARCH_11 },
    ]);
    await seedSettlements(gw.db.db, gw.merchantId, [
      { amount: 40_000_000n, status: 'completed', createdAt: MARCH_1 + 4 * HOUR },
      { amount: 41_000_000n, status: 'pending', createdAt: MARCH_1 + 5 * HOUR },
      { amount: 77_000_000n, status: 'completed', createdAt: MARCH_1 - HOUR },
    ]);
  });
  afterAll(async () => {
    await gw?.close();
  });

  const generate = (body: unknown, key = gw.adminKey) => gw.call<ReportJson>('POST', '/api/v1/payments/reports/generate', { key, body });
  const generateOk = async (body: unknown) => {
    const res = await generate(body);
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const download = (report: { download_url: string }, key = gw.adminKey) => gw.call<RowJson[]>('GET', report.download_url, { key });

  describe('generate', () => {
    it('answers 201 with totals, counts and movements computed from the stored rows of the range, both ends of the day included', async () => {
      const res = await generate({ start_date: '2026-03-01', end_date: '2026-03-10' });
      expect(res.status, res.text).toBe(201);
      const report = res.body;
      const expected = inRange();
      expect(report).toMatchObject({
        object: 'report',
        status: 'completed',
        start_date: '2026-03-01T00:00:00.000Z',
        end_date: '2026-03-11T00:00:00.000Z',
        status_filter: null,
        include_failed: true,
        format: 'json',
        row_count: expected.length,
        created_at: new Date(T0).toISOString(),
        download_url: `/api/v1/payments/reports/${report.id}/download`,
      });
      expect(report.id).toMatch(REPORT_ID);
      expect(report.summary.payment_count).toBe(expected.length);
      expect(report.summary.totals).toEqual(expectedTotals(expected));
      expect(nonZero(report.summary.by_status)).toEqual(countBy(expected, (p) => p.status));
      expect(nonZero(report.summary.by_payment_method)).toEqual(countBy(expected, (p) => p.method));
      expect(nonZero(report.summary.by_priority)).toEqual(countBy(expected, (p) => p.priority));
      expect(Object.keys(report.summary.by_status)).toHaveLength(8);
      expect(report.summary.refunds).toEqual({ count: 3, completed_count: 2, completed_amount: { USDT: '10', TRX: '3' } });
      expect(report.summary.settlements).toEqual({ count: 2, completed_count: 1, completed_amount: { USDT: '40', TRX: '0' } });
      // a sum past 2^53 stays exact
      expect(report.summary.totals.USDT?.amount).toBe(
        formatAmount(
          expected.filter((p) => p.currency === 'USDT').reduce((a, p) => a + p.amount, 0n),
          6,
        ),
      );
    });

    it('stores the report with its summary and an audit record naming the key and the request', async () => {
      const before = await gw.count('audit_log');
      const res = await generate({ start_date: '2026-03-01', end_date: '2026-03-10', format: 'csv' });
      expect(res.status).toBe(201);
      const row = await gw.db.db.selectFrom('reports').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
      expect(JSON.parse(row.summary)).toEqual(res.body.summary);
      expect(Number(row.row_count)).toBe(res.body.row_count);
      expect(row.merchant_id).toBe(gw.merchantId);
      expect(await gw.count('audit_log')).toBe(before + 1);
      const audit = await gw.db.db.selectFrom('audit_log').selectAll().where('entity_id', '=', res.body.id).executeTakeFirstOrThrow();
      const keyId = await gw.db.db
        .selectFrom('api_keys')
        .select('id')
        .where('merchant_id', '=', gw.merchantId)
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ action: 'report.generated', entity_type: 'report', merchant_id: gw.merchantId, actor: keyId.id });
      expect(audit.request_id).toBe(res.headers['x-request-id']);
      expect(JSON.parse(audit.after as string)).toMatchObject({ id: res.body.id, row_count: res.body.row_count });
    });

    it('reads instants with an offset exactly, the end instant exclusive', async () => {
      const report = await generateOk({ start_date: '2026-03-01T02:00:00+02:00', end_date: '2026-03-10T23:59:59.999Z' });
      expect(report.start_date).toBe('2026-03-01T00:00:00.000Z');
      // the last instant of 10 March is exclusive here, so the payment created then is out
      expect(report.row_count).toBe(inRange().length - 1);
    });

    it('filters by status; include_failed false leaves out failed and cancelled payments', async () => {
      const only = await generateOk({ start_date: '2026-03-01', end_date: '2026-03-10', status_filter: ['completed', 'failed'] });
      const wanted = inRange().filter((p) => p.status === 'completed' || p.status === 'failed');
      expect(only.status_filter).toEqual(['completed', 'failed']);
      expect(only.row_count).toBe(wanted.length);
      expect(only.summary.totals).toEqual(expectedTotals(wanted));

      const noFailed = await generateOk({ start_date: '2026-03-01', end_date: '2026-03-10', include_failed: false });
      const kept = inRange().filter((p) => p.status !== 'failed' && p.status !== 'cancelled');
      expect(noFailed.include_failed).toBe(false);
      expect(noFailed.row_count).toBe(kept.length);
      expect(noFailed.summary.by_status.failed).toBe(0);
      expect(noFailed.summary.by_status.cancelled).toBe(0);
      expect(noFailed.summary.totals).toEqual(expectedTotals(kept));

      const nothing = await generateOk({
        start_date: '2026-03-01',
        end_date: '2026-03-10',
        status_filter: ['failed'],
        include_failed: false,
      });
      expect(nothing.row_count).toBe(0);
      expect((await download(nothing)).body).toEqual([]);
    });

    it('covers only the merchant that asks', async () => {
      const other = await gw.createMerchant();
      const res = await generate({ start_date: '2026-03-01', end_date: '2026-03-10' }, other.adminKey);
      expect(res.status).toBe(201);
      expect(res.body.row_count).toBe(0);
      expect(res.body.summary.refunds.count).toBe(0);
    });

    it('replays the first answer for a repeated Idempotency-Key and stores one report', async () => {
      const before = await gw.count('reports');
      const body = { start_date: '2026-03-01', end_date: '2026-03-10' };
      const headers = { 'idempotency-key': `report-${engine}` };
      const first = await gw.call<ReportJson>('POST', '/api/v1/payments/reports/generate', { key: gw.adminKey, body, headers });
      const again = await gw.call<ReportJson>('POST', '/api/v1/payments/reports/generate', { key: gw.adminKey, body, headers });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.text).toBe(first.text);
      expect(await gw.count('reports')).toBe(before + 1);
    });

    it('needs the reports:read scope', async () => {
      const key = await gw.key(['payments:read']);
      const res = await generate({ start_date: '2026-03-01', end_date: '2026-03-10' }, key);
      expect(res.status).toBe(403);
      const reader = await gw.key(['reports:read']);
      expect((await generate({ start_date: '2026-03-01', end_date: '2026-03-10' }, reader)).status).toBe(201);
    });
  });

  describe('bad input answers 422 naming the field and stores nothing', () => {
    const cases: Array<[string, unknown, string]> = [
      ['a start date that is not a date', { start_date: 'yesterday', end_date: '2026-03-10' }, 'start_date'],
      ['a day that does not exist', { start_date: '2026-02-30', end_date: '2026-03-10' }, 'start_date'],
      ['an instant without a zone', { start_date: '2026-03-01T00:00:00', end_date: '2026-03-10' }, 'start_date'],
      ['a missing end date', { start_date: '2026-03-01' }, 'end_date'],
      ['an end before the start', { start_date: '2026-03-10', end_date: '2026-03-01' }, 'end_date'],
      ['a range over the maximum', { start_date: '2025-01-01', end_date: '2026-03-01' }, 'end_date'],
      ['an unknown status', { start_date: '2026-03-01', end_date: '2026-03-10', status_filter: ['completed', 'paid'] }, 'status_filter/1'],
      [
        'a status filter that is not an array',
        { start_date: '2026-03-01', end_date: '2026-03-10', status_filter: 'completed' },
        'status_filter',
      ],
      ['an unknown format', { start_date: '2026-03-01', end_date: '2026-03-10', format: 'xml' }, 'format'],
      ['include_failed as text', { start_date: '2026-03-01', end_date: '2026-03-10', include_failed: 'no' }, 'include_failed'],
      ['an unknown field', { start_date: '2026-03-01', end_date: '2026-03-10', currency: 'USDT' }, 'currency'],
      ['a number for a date', { start_date: 20260301, end_date: '2026-03-10' }, 'start_date'],
    ];
    it.each(cases)('%s', async (_name, body, path) => {
      const reports = await gw.count('reports');
      const audit = await gw.count('audit_log');
      const res = await generate(body);
      expect(res.status, res.text).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = res.body as unknown as ProblemJson;
      expect(problem.errors.map((e) => e.path)).toContain(path);
      expect(await gw.count('reports')).toBe(reports);
      expect(await gw.count('audit_log')).toBe(audit);
    });

    it('a body that is not JSON is a 400', async () => {
      const res = await gw.call('POST', '/api/v1/payments/reports/generate', { key: gw.adminKey, raw: '{"start_date":' });
      expect(res.status).toBe(400);
    });
  });

  describe('read and download', () => {
    it('reads a report back as it was generated', async () => {
      const report = await generateOk({ start_date: '2026-03-01', end_date: '2026-03-10', status_filter: ['completed'] });
      const res = await gw.call<ReportJson>('GET', `/api/v1/payments/reports/${report.id}`, { key: gw.adminKey });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(report);
    });

    it('answers 404 for an unknown id and for another merchant’s report, on read and download', async () => {
      const report = await generateOk({ start_date: '2026-03-01', end_date: '2026-03-10' });
      const other = await gw.createMerchant();
      for (const url of [`/api/v1/payments/reports/${report.id}`, report.download_url]) {
        expect((await gw.call('GET', url, { key: other.adminKey })).status).toBe(404);
      }
      for (const url of ['/api/v1/payments/reports/report_0000000000000000', '/api/v1/payments/reports/nope/download']) {
        const res = await gw.call<ProblemJson>('GET', url, { key: gw.adminKey });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
    });

    it('downloads a JSON report as an array of its rows, oldest first, matching the summary', async () => {
      const report = await generateOk({ start_date: '2026-03-01', end_date: '2026-03-10' });
      const res = await download(report);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${report.id}.json"`);
      const expected = [...inRange()].sort(byTime);
      expect(res.body.map((r) => r.id)).toEqual(expected.map((p) => p.id));
      expect(res.body[0]).toMatchObject({ reference_id: 'first-instant', created_at: '2026-03-01T00:00:00.000Z', status: 'completed' });
      for (const currency of ['USDT', 'TRX']) {
        const mine = res.body.filter((r) => r.currency === currency);
        expect(
          formatAmount(
            mine.reduce((a, r) => a + units(r.amount), 0n),
            6,
          ),
        ).toBe(report.summary.totals[currency]?.amount);
        expect(
          formatAmount(
            mine.reduce((a, r) => a + units(r.net_amount), 0n),
            6,
          ),
        ).toBe(report.summary.totals[currency]?.net_amount);
      }
    });

    it('downloads a CSV report: header, one quoted-as-needed line per payment, formulas defused, sums matching the summary', async () => {
      const report = await generateOk({ start_date: '2026-03-01', end_date: '2026-03-10', format: 'csv' });
      const res = await download(report);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${report.id}.csv"`);
      const [header, ...lines] = parseCsv(res.text);
      expect(header).toEqual([...CSV_COLUMNS]);
      expect(lines).toHaveLength(report.row_count);
      const rows = lines.map((cells) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i] ?? ''])) as Record<string, string>);
      const expected = [...inRange()].sort(byTime);
      expect(rows.map((r) => r.id)).toEqual(expected.map((p) => p.id));
      const refs = rows.map((r) => r.reference_id);
      expect(refs).toContain('\'=HYPERLINK("http://evil")');
      expect(refs).toContain('a "quoted", value');
      expect(refs).toContain("'-10");
      for (const currency of ['USDT', 'TRX']) {
        const mine = rows.filter((r) => r.currency === currency);
        expect(
          formatAmount(
            mine.reduce((a, r) => a + units(r.amount as string), 0n),
            6,
          ),
        ).toBe(report.summary.totals[currency]?.amount);
        expect(
          formatAmount(
            mine.reduce((a, r) => a + units(r.fee as string), 0n),
            6,
          ),
        ).toBe(report.summary.totals[currency]?.fee);
      }
    });

    it('streams a few thousand rows and pages through payments created in the same millisecond', async () => {
      const merchant = await gw.createMerchant();
      const base = Date.UTC(2026, 3, 1);
      // groups of 7 share a created_at, so chunk boundaries fall inside ties
      const bulk = await seedPayments(
        gw.db.db,
        merchant.merchantId,
        Array.from({ length: 3000 }, (_, i) => ({
          amount: BigInt(1 + ((i * 7919) % 100_000)) * 1000n,
          createdAt: base + Math.floor(i / 7) * 1000,
          currency: i % 3 === 0 ? 'TRX' : 'USDT',
        })),
      );
      const res = await generate({ start_date: '2026-04-01', end_date: '2026-04-02', format: 'csv' }, merchant.adminKey);
      expect(res.status).toBe(201);
      expect(res.body.row_count).toBe(3000);
      const csv = await download(res.body, merchant.adminKey);
      const [, ...lines] = parseCsv(csv.text);
      expect(lines.map((l) => l[0])).toEqual([...bulk].sort(byTime).map((p) => p.id));
      const usdt = lines.filter((l) => l[5] === 'USDT').reduce((a, l) => a + units(l[6] as string), 0n);
      expect(formatAmount(usdt, 6)).toBe(res.body.summary.totals.USDT?.amount);

      // the row reader on its own, with a chunk size that divides nothing evenly
      const scope = { merchantId: merchant.merchantId, startAt: base, endAt: base + 86_400_000, statuses: null };
      const ids: string[] = [];
      for await (const row of reportRows(gw.db.db, scope, 13)) ids.push(row.id);
      expect(ids).toEqual(lines.map((l) => l[0]));
    });

    it('never lists payments created after the report was generated', async () => {
      const merchant = await gw.createMerchant();
      await seedPayments(gw.db.db, merchant.merchantId, [{ amount: 5_000_000n, createdAt: T0 - HOUR }]);
      const res = await generate({ start_date: '2026-04-20', end_date: '2026-04-20' }, merchant.adminKey);
      expect(res.body.row_count).toBe(1);
      await seedPayments(gw.db.db, merchant.merchantId, [{ amount: 6_000_000n, createdAt: T0 + HOUR }]);
      const rows = await download(res.body, merchant.adminKey);
      expect(rows.body).toHaveLength(1);
    });
  });
});

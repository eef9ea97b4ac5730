/**
 * Reports use cases (SPEC §3.11): generate a report synchronously from SQL aggregates and store it with
 * its audit record in one transaction; read it back; stream its rows. Why synchronous: docs/adr/0014.
 */

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import type { Clock } from '../../shared/clock.js';
import { type AppError, notFound } from '../../shared/errors.js';
import type { IdGenerator } from '../../shared/ids.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { AuditRecorder } from '../audit/audit-trail.js';
import { type ClaimedAnswer, claimed } from '../idempotency/claimed-answer.js';
import { paymentScopeOf, type Report, recordToReport, toReportView } from './report.js';
import { renderRows } from './report-csv.js';
import { parseReportRequest, type ReportFormat, type ReportRequestInput } from './report-request.js';
import { foldSummary, summaryJson } from './report-summary.js';
import { findReport, insertReport, movementGroups, paymentGroups, reportRows } from './reports.repository.js';

/** Who asks: the merchant, the API key (or CLI name) acting for it and the HTTP request id, for the audit log. */
export interface Requester {
  merchantId: string;
  actor: string;
  requestId: string | null;
}

export interface ReportsServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditRecorder;
  assets: AssetCatalog;
}

export interface ReportDownload {
  format: ReportFormat;
  filename: string;
  /** the document in pieces, read from the database chunk by chunk as it is consumed */
  chunks: AsyncIterable<string>;
}

export class ReportsService {
  constructor(private readonly deps: ReportsServiceDeps) {}

  /** With `answer`, the Idempotency-Key is claimed and answered in the report's own transaction (ADR 0033). */
  async generateReport(actor: Requester, input: ReportRequestInput, answer?: ClaimedAnswer<Report>): Promise<Result<Report, AppError>> {
    const parsed = parseReportRequest(input);
    if (!parsed.ok) return parsed;
    const criteria = parsed.value;
    const { db, clock, ids, audit } = this.deps;
    const createdAt = clock.now();
    const scope = paymentScopeOf({ ...criteria, merchantId: actor.merchantId, createdAt });
    // Aggregates are read before the write transaction: they take no locks, and the write stays short.
    const [payments, refunds, settlements] = await Promise.all([
      paymentGroups(db, scope),
      movementGroups(db, 'refunds', actor.merchantId, scope.startAt, scope.endAt),
      movementGroups(db, 'settlements', actor.merchantId, scope.startAt, scope.endAt),
    ]);
    const summary = foldSummary(payments, refunds, settlements, this.deps.assets.symbols);
    const report: Report = {
      id: ids('report'),
      merchantId: actor.merchantId,
      status: 'completed',
      format: criteria.format,
      startAt: criteria.startAt,
      endAt: criteria.endAt,
      statusFilter: criteria.statusFilter,
      includeFailed: criteria.includeFailed,
      summary: summaryJson(summary, this.deps.assets),
      rowCount: summary.paymentCount,
      createdAt,
      completedAt: createdAt,
    };
    return db.transaction().execute((trx) =>
      claimed(trx, answer, createdAt, async () => {
        await insertReport(trx, {
          id: report.id,
          merchant_id: report.merchantId,
          status: report.status,
          format: report.format,
          start_at: report.startAt,
          end_at: report.endAt,
          status_filter: report.statusFilter === null ? null : JSON.stringify(report.statusFilter),
          include_failed: report.includeFailed ? 1 : 0,
          summary: JSON.stringify(report.summary),
          row_count: report.rowCount,
          created_at: report.createdAt,
          completed_at: report.completedAt,
        });
        await audit.record(trx, [
          {
            merchantId: actor.merchantId,
            actor: actor.actor,
            action: 'report.generated',
            entityType: 'report',
            entityId: report.id,
            requestId: actor.requestId,
            after: toReportView(report),
          },
        ]);
        return ok(report);
      }),
    );
  }

  async getReport(actor: Requester, id: string): Promise<Result<Report, AppError>> {
    const row = await findReport(this.deps.db, actor.merchantId, id);
    return row === null ? err(notFound('report', id)) : ok(recordToReport(row));
  }

  /**
   * The report's rows recomputed from its stored range and filters, streamed in its format. `onRow` is
   * told how many rows were read so far (the CLI's export shows progress with it).
   */
  async downloadReport(
    actor: Requester,
    id: string,
    options: { onRow?: (rows: number) => void } = {},
  ): Promise<Result<ReportDownload, AppError>> {
    const found = await this.getReport(actor, id);
    if (!found.ok) return found;
    const report = found.value;
    const scope = paymentScopeOf(report);
    const rows = reportRows(this.deps.db, scope);
    return ok({
      format: report.format,
      filename: `${report.id}.${report.format}`,
      chunks: renderRows(options.onRow ? counted(rows, options.onRow) : rows, report.format, this.deps.assets),
    });
  }
}

async function* counted<T>(rows: AsyncIterable<T>, onRow: (rows: number) => void): AsyncGenerator<T> {
  let n = 0;
  for await (const row of rows) {
    yield row;
    onRow(++n);
  }
}

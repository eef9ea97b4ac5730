/** A generated report as stored (`reports` row) and as the API shows it. */
import { toIso } from '../../shared/clock.js';
import type { PaymentStatus } from '../payments/payment.js';
import { effectiveStatuses, type ReportFormat } from './report-request.js';
import type { ReportSummaryJson } from './report-summary.js';
import type { PaymentScope, ReportRecord } from './reports.repository.js';

export interface Report {
  id: string;
  merchantId: string;
  status: 'completed';
  format: ReportFormat;
  startAt: number;
  endAt: number;
  statusFilter: PaymentStatus[] | null;
  includeFailed: boolean;
  summary: ReportSummaryJson;
  rowCount: number;
  createdAt: number;
  completedAt: number | null;
}

export const REPORTS_PATH = '/api/v1/payments/reports';

/**
 * The rows a report covers end where its range ends, and never after the report was generated: a download
 * shows the payments that existed then (in their current state), not ones created since.
 */
export function rowsEndAt(report: Pick<Report, 'endAt' | 'createdAt'>): number {
  return Math.min(report.endAt, report.createdAt + 1);
}

/** The payments a report covers (its summary and its download read the same scope). */
export function paymentScopeOf(
  report: Pick<Report, 'merchantId' | 'startAt' | 'endAt' | 'createdAt' | 'statusFilter' | 'includeFailed'>,
): PaymentScope {
  return {
    merchantId: report.merchantId,
    startAt: report.startAt,
    endAt: rowsEndAt(report),
    statuses: report.statusFilter === null && report.includeFailed ? null : effectiveStatuses(report),
  };
}

export function recordToReport(row: ReportRecord): Report {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    status: 'completed',
    format: row.format as ReportFormat,
    startAt: Number(row.start_at),
    endAt: Number(row.end_at),
    statusFilter: row.status_filter === null ? null : (JSON.parse(row.status_filter) as PaymentStatus[]),
    includeFailed: Number(row.include_failed) === 1,
    summary: JSON.parse(row.summary) as ReportSummaryJson,
    rowCount: Number(row.row_count),
    createdAt: Number(row.created_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
  };
}

export function toReportView(report: Report) {
  return {
    id: report.id,
    object: 'report' as const,
    status: report.status,
    start_date: toIso(report.startAt),
    end_date: toIso(report.endAt),
    status_filter: report.statusFilter,
    include_failed: report.includeFailed,
    format: report.format,
    summary: report.summary,
    row_count: report.rowCount,
    created_at: toIso(report.createdAt),
    completed_at: report.completedAt === null ? null : toIso(report.completedAt),
    download_url: `${REPORTS_PATH}/${report.id}/download`,
  };
}

export type ReportView = ReturnType<typeof toReportView>;

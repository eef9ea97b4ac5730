/**
 * What a report covers, parsed from the request: a half-open range of creation times [startAt, endAt),
 * the statuses it keeps and its output format. Pure: no clock, no I/O (docs/adr/0014).
 *
 * Dates are either a UTC calendar day, `2026-03-31` (a start date means that day's first instant; an end
 * date includes that whole day), or an ISO 8601 instant with `Z` or an offset (`2026-03-31T18:00:00+02:00`,
 * exact; an end instant is exclusive).
 */

import type { AppError } from '../../shared/errors.js';
import { type FieldError, validationError } from '../../shared/errors.js';
import { err, ok, type Result } from '../../shared/result.js';
import { PAYMENT_STATUSES, type PaymentStatus } from '../payments/payment.js';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const DAY_MS = 86_400_000;
/** A calendar year, leap years included. The summary is SQL aggregates and the download streams, so this bounds query cost, not memory. */
export const MAX_REPORT_DAYS = 366;

/** Statuses that `include_failed: false` leaves out. */
export const FAILED_STATUSES: readonly PaymentStatus[] = ['failed', 'cancelled'];

export interface ReportRequestInput {
  start_date?: unknown;
  end_date?: unknown;
  status_filter?: unknown;
  include_failed?: unknown;
  format?: unknown;
}

export interface ReportCriteria {
  /** inclusive, epoch ms */
  startAt: number;
  /** exclusive, epoch ms */
  endAt: number;
  /** the statuses as the merchant asked for them (deduplicated, in canonical order); null for all */
  statusFilter: PaymentStatus[] | null;
  includeFailed: boolean;
  format: ReportFormat;
}

/** The statuses a report's rows may have: the filter (or every status) minus the failed ones when excluded. */
export function effectiveStatuses(criteria: Pick<ReportCriteria, 'statusFilter' | 'includeFailed'>): PaymentStatus[] {
  const base = criteria.statusFilter ?? [...PAYMENT_STATUSES];
  return criteria.includeFailed ? base : base.filter((s) => !FAILED_STATUSES.includes(s));
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of a real calendar date and time of day, or null for 2026-02-30, 24:00, 12:60 and the like. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const at = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const back = new Date(at);
  // Date.UTC rolls 2026-02-30 over into March; a real date reads back unchanged.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return at;
}

/** Parses one date of the request; `edge` says whether a bare date means its first instant or the day after it. */
export function parseReportDate(value: unknown, edge: 'start' | 'end'): { ok: true; at: number } | { ok: false; message: string } {
  if (value === undefined || value === null) return { ok: false, message: 'is required' };
  const invalid = { ok: false as const, message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with Z or an offset' };
  if (typeof value !== 'string' || value.length > 40) return invalid;
  const day = DATE_ONLY.exec(value);
  if (day) {
    const at = utcMs(Number(day[1]), Number(day[2]), Number(day[3]));
    if (at === null) return invalid;
    return { ok: true, at: edge === 'start' ? at : at + DAY_MS };
  }
  const instant = INSTANT.exec(value);
  if (!instant) return invalid;
  const [, y, mo, d, h, mi, s, fraction, zone] = instant;
  // Sub-millisecond digits are dropped: timestamps are stored in milliseconds.
  const ms = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  const local = utcMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  if (local === null) return invalid;
  if (zone === 'Z') return { ok: true, at: local };
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(zone as string);
  const offsetHours = Number(offset?.[2]);
  const offsetMinutes = Number(offset?.[3]);
  if (offsetHours > 23 || offsetMinutes > 59) return invalid;
  const sign = offset?.[1] === '-' ? -1 : 1;
  return { ok: true, at: local - sign * (offsetHours * 60 + offsetMinutes) * 60_000 };
}

/** Validates a generate-report request; every problem is reported at once, each naming its field. */
export function parseReportRequest(input: ReportRequestInput): Result<ReportCriteria, AppError> {
  const errors: FieldError[] = [];
  const start = parseReportDate(input.start_date, 'start');
  if (!start.ok) errors.push({ path: 'start_date', message: start.message });
  const end = parseReportDate(input.end_date, 'end');
  if (!end.ok) errors.push({ path: 'end_date', message: end.message });
  if (start.ok && end.ok) {
    if (end.at <= start.at) errors.push({ path: 'end_date', message: 'must be after start_date' });
    else if (end.at - start.at > MAX_REPORT_DAYS * DAY_MS)
      errors.push({ path: 'end_date', message: `must be at most ${MAX_REPORT_DAYS} days after start_date` });
  }

  let statusFilter: PaymentStatus[] | null = null;
  if (input.status_filter !== undefined && input.status_filter !== null) {
    if (!Array.isArray(input.status_filter) || input.status_filter.length === 0) {
      errors.push({ path: 'status_filter', message: 'must be a non-empty array of payment statuses' });
    } else {
      const wanted = new Set<PaymentStatus>();
      input.status_filter.forEach((status: unknown, i) => {
        if (typeof status === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(status)) wanted.add(status as PaymentStatus);
        else errors.push({ path: `status_filter/${i}`, message: `must be one of: ${PAYMENT_STATUSES.join(', ')}` });
      });
      statusFilter = PAYMENT_STATUSES.filter((s) => wanted.has(s));
    }
  }

  const includeFailed = input.include_failed ?? true;
  if (typeof includeFailed !== 'boolean') errors.push({ path: 'include_failed', message: 'must be a boolean' });
  const format = input.format ?? 'json';
  if (!(REPORT_FORMATS as readonly unknown[]).includes(format))
    errors.push({ path: 'format', message: `must be one of: ${REPORT_FORMATS.join(', ')}` });

  if (errors.length > 0 || !start.ok || !end.ok) return err(validationError(errors));
  return ok({ startAt: start.at, endAt: end.at, statusFilter, includeFailed: includeFailed as boolean, format: format as ReportFormat });
}

import { describe, expect, it } from 'vitest';
import { effectiveStatuses, MAX_REPORT_DAYS, parseReportDate, parseReportRequest } from './report-request.js';

const DAY = 86_400_000;

describe('parseReportDate', () => {
  it('reads a bare date as the first instant of that UTC day, or as the day after it when it ends a range', () => {
    expect(parseReportDate('2026-03-10', 'start')).toEqual({ ok: true, at: Date.UTC(2026, 2, 10) });
    expect(parseReportDate('2026-03-10', 'end')).toEqual({ ok: true, at: Date.UTC(2026, 2, 11) });
    expect(parseReportDate('2024-02-29', 'end')).toEqual({ ok: true, at: Date.UTC(2024, 2, 1) });
  });

  it('reads an ISO 8601 instant with Z or an offset exactly, dropping sub-millisecond digits', () => {
    expect(parseReportDate('2026-03-10T08:30:00Z', 'start')).toEqual({ ok: true, at: Date.UTC(2026, 2, 10, 8, 30) });
    expect(parseReportDate('2026-03-10T10:30:00+02:00', 'end')).toEqual({ ok: true, at: Date.UTC(2026, 2, 10, 8, 30) });
    expect(parseReportDate('2026-03-10T00:15-05:30', 'start')).toEqual({ ok: true, at: Date.UTC(2026, 2, 10, 5, 45) });
    expect(parseReportDate('2026-03-10T08:30:00.123456Z', 'start')).toEqual({ ok: true, at: Date.UTC(2026, 2, 10, 8, 30, 0, 123) });
  });

  it.each([
    ['2026-02-30'],
    ['2025-02-29'],
    ['2026-13-01'],
    ['2026-3-1'],
    ['2026-03-10T24:00:00Z'],
    ['2026-03-10T12:60:00Z'],
    ['2026-03-10T12:00:00'],
    ['2026-03-10T12:00:00+25:00'],
    ['yesterday'],
    [''],
    [' 2026-03-10'],
    [20260310],
  ])('rejects %j', (value) => {
    const parsed = parseReportDate(value, 'start');
    expect(parsed.ok).toBe(false);
  });
});

describe('parseReportRequest', () => {
  it('defaults to every status, failed ones included, as JSON', () => {
    const parsed = parseReportRequest({ start_date: '2026-03-01', end_date: '2026-03-31' });
    expect(parsed).toEqual({
      ok: true,
      value: { startAt: Date.UTC(2026, 2, 1), endAt: Date.UTC(2026, 3, 1), statusFilter: null, includeFailed: true, format: 'json' },
    });
  });

  it('keeps a status filter deduplicated in canonical order', () => {
    const parsed = parseReportRequest({ start_date: '2026-03-01', end_date: '2026-03-01', status_filter: ['failed', 'pending', 'failed'] });
    expect(parsed.ok && parsed.value.statusFilter).toEqual(['pending', 'failed']);
  });

  it('reports every bad field at once, each by its path', () => {
    const parsed = parseReportRequest({
      start_date: 'soon',
      end_date: '2026-02-30',
      status_filter: ['completed', 'bogus'],
      include_failed: 'yes',
      format: 'xml',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.errors.map((e) => e.path)).toEqual(['start_date', 'end_date', 'status_filter/1', 'include_failed', 'format']);
  });

  it('needs end_date after start_date and within the maximum range', () => {
    const reversed = parseReportRequest({ start_date: '2026-03-10', end_date: '2026-03-09' });
    expect(!reversed.ok && reversed.error.errors).toEqual([{ path: 'end_date', message: 'must be after start_date' }]);
    const empty = parseReportRequest({ start_date: '2026-03-10T00:00:00Z', end_date: '2026-03-10T00:00:00Z' });
    expect(!empty.ok && empty.error.errors[0]?.path).toBe('end_date');
    const longest = parseReportRequest({ start_date: '2024-01-01', end_date: '2024-12-31' });
    expect(longest.ok && longest.value.endAt - longest.value.startAt).toBe(MAX_REPORT_DAYS * DAY);
    const tooLong = parseReportRequest({ start_date: '2024-01-01', end_date: '2025-01-01' });
    expect(!tooLong.ok && tooLong.error.errors[0]?.path).toBe('end_date');
  });

  it('rejects an empty status filter rather than reading it as "everything"', () => {
    const parsed = parseReportRequest({ start_date: '2026-03-01', end_date: '2026-03-02', status_filter: [] });
    expect(!parsed.ok && parsed.error.errors[0]?.path).toBe('status_filter');
  });
});

describe('effectiveStatuses', () => {
  it('drops failed and cancelled when include_failed is false, from the filter or from every status', () => {
    expect(effectiveStatuses({ statusFilter: ['completed', 'failed'], includeFailed: false })).toEqual(['completed']);
    expect(effectiveStatuses({ statusFilter: null, includeFailed: false })).not.toContain('cancelled');
    expect(effectiveStatuses({ statusFilter: ['failed'], includeFailed: false })).toEqual([]);
  });
});

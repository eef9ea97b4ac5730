/**
 * The payments CSV the dashboard exports: every page of the filtered list through the cursor API (the
 * same filters the page shows; the reports API filters by period and status only), with progress
 * against the filtered total the first page brings (include_total). The file has the reports API's
 * columns, amounts as the API's decimal strings, cells CSV-injection safe. No DOM types here.
 */
import { PAYMENT_CSV_COLUMNS } from '../../shared/catalogues/payment-csv-columns.js';
import { csvLine } from '../../shared/csv.js';
import { type Api, type paths, problemText } from './api.js';

export type ListQuery = NonNullable<paths['/api/v1/payments']['get']['parameters']['query']>;
type PaymentView = paths['/api/v1/payments']['get']['responses']['200']['content']['application/json']['data'][number];

export interface ExportProgress {
  done: number;
  total: number;
}

/** Pages small enough for about ten progress steps, and never more than 100 payments a request. */
export function exportPageSize(total: number): number {
  return Math.min(100, Math.max(10, Math.ceil(total / 10)));
}

function row(p: PaymentView): string {
  return csvLine(PAYMENT_CSV_COLUMNS.map((column) => (column === 'id' ? p.payment_id : p[column])));
}

/** The CSV of every payment `filters` keep, newest first; `onProgress` after each page. */
export async function exportPaymentsCsv(
  api: Api,
  filters: Omit<ListQuery, 'limit' | 'starting_after' | 'include_total'>,
  onProgress: (progress: ExportProgress) => void,
): Promise<{ csv: string; count: number }> {
  const counted = await api.GET('/api/v1/payments', { params: { query: { ...filters, limit: 1, include_total: true } } });
  if (counted.data === undefined) throw new Error(problemText(counted.error, counted.response.status));
  const total = counted.data.total_count ?? 0;
  const limit = exportPageSize(total);
  const lines = [csvLine(PAYMENT_CSV_COLUMNS)];
  let cursor: string | undefined;
  onProgress({ done: 0, total });
  do {
    const query = { ...filters, limit, ...(cursor === undefined ? {} : { starting_after: cursor }) };
    const { data, error, response } = await api.GET('/api/v1/payments', { params: { query } });
    if (data === undefined) throw new Error(problemText(error, response.status));
    for (const p of data.data) lines.push(row(p));
    cursor = data.has_more && data.next_cursor !== null ? data.next_cursor : undefined;
    // payments created while it runs can make the list longer than the count it started from
    onProgress({ done: lines.length - 1, total: Math.max(total, lines.length - 1) });
  } while (cursor !== undefined);
  return { csv: lines.join(''), count: lines.length - 1 };
}

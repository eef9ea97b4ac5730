/**
 * The preview of a payout CSV before anything is sent: the file read by the CLI's reader
 * (src/shared/payout-csv.ts), each row then checked by the gateway exactly as the batch would be
 * (POST /api/v1/payments/batch/check), and both kinds of problem put on the row's line, naming the
 * field. No DOM types here: the tests import it too.
 */
import { type PayoutRow, parsePayoutCsv } from '../../shared/payout-csv.js';
import { type Api, problemText } from './api.js';

export interface PreviewRow {
  /** the line of the file the row starts on */
  line: number;
  /** null: the line could not be read as a row */
  row: PayoutRow | null;
  /** `field: message`, or the reader's message; empty: the row is good */
  problems: string[];
}

export type Preview = { rows: PreviewRow[]; good: PayoutRow[] } | { error: string };

/** A batch item of a CSV row: always a payout (`route`). */
export function payoutItem(row: PayoutRow) {
  return {
    payment_method: 'route' as const,
    payee_address: row.payee_address,
    amount: row.amount,
    ...(row.reference_id !== undefined ? { reference_id: row.reference_id } : {}),
  };
}

export async function previewPayoutCsv(api: Api, text: string): Promise<Preview> {
  const { rows, problems } = parsePayoutCsv(text);
  const unread: PreviewRow[] = problems.map((p) => ({ line: p.line, row: null, problems: [p.message] }));
  if (rows.length === 0) return { rows: unread, good: [] };
  const { data, error, response } = await api.POST('/api/v1/payments/batch/check', { body: { payments: rows.map(payoutItem) } });
  if (data === undefined) return { error: problemText(error, response.status) };
  const checked: PreviewRow[] = rows.map((row, index) => {
    const errors = data.results[index]?.errors ?? [];
    // payments/<index>/<field> → "<field>: <message>"
    return { line: row.line, row, problems: errors.map((e) => `${e.path.replace(/^payments\/\d+\/?/, '') || 'row'}: ${e.message}`) };
  });
  return {
    rows: [...checked, ...unread].sort((a, b) => a.line - b.line),
    good: checked.filter((r) => r.problems.length === 0).map((r) => r.row as PayoutRow),
  };
}

/** Statuses after which a payout changes no more. */
export const FINAL_PAYOUT_STATUSES = ['completed', 'failed', 'cancelled', 'refunded'];

/** How many of a batch's payouts are final, from its live counts by status. */
export function finalCount(counts: Readonly<Record<string, number>>): number {
  return FINAL_PAYOUT_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

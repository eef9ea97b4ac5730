/**
 * Report rows as text: CSV (cells and lines from src/shared/csv.ts: RFC 4180, CSV-injection safe) or
 * JSON objects, one row at a time so a download can stream. Only free text such as `reference_id` can
 * start like a formula.
 */

import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import { toIso } from '../../shared/clock.js';
import { csvLine } from '../../shared/csv.js';
import { REPORT_ROW_COLUMNS, type ReportRow } from './reports.repository.js';

export { csvCell, csvLine } from '../../shared/csv.js';

export const CSV_COLUMNS = REPORT_ROW_COLUMNS;

/** A row as the API shows it: amounts as decimal strings, times as ISO 8601 UTC. */
export function rowJson(row: ReportRow, assets: AssetCatalog) {
  const money = (units: bigint) => assets.format(row.currency, units);
  return {
    id: row.id,
    created_at: toIso(row.createdAt),
    status: row.status,
    payment_method: row.method,
    priority: row.priority,
    currency: row.currency,
    amount: money(row.amount),
    fee: money(row.fee),
    net_amount: money(row.netAmount),
    payer_address: row.payerAddress,
    payee_address: row.payeeAddress,
    reference_id: row.referenceId,
    transaction_id: row.transactionId,
    completed_at: row.completedAt === null ? null : toIso(row.completedAt),
  };
}

export function csvHeader(): string {
  return csvLine(CSV_COLUMNS);
}

export function rowCsv(row: ReportRow, assets: AssetCatalog): string {
  const json = rowJson(row, assets);
  return csvLine(CSV_COLUMNS.map((column) => json[column]));
}

/** Streams `rows` as one document: a CSV with its header line, or a JSON array. */
export async function* renderRows(rows: AsyncIterable<ReportRow>, format: 'json' | 'csv', assets: AssetCatalog): AsyncGenerator<string> {
  if (format === 'csv') {
    yield csvHeader();
    for await (const row of rows) yield rowCsv(row, assets);
    return;
  }
  let first = true;
  yield '[';
  for await (const row of rows) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(rowJson(row, assets))}`;
    first = false;
  }
  yield first ? ']' : '\n]';
}

/**
 * Multi-row INSERT without Kysely's query builder: for the create pipeline's hot path (hundreds of rows
 * of 8–43 columns per transaction) building the operation tree costs more than SQLite spends writing
 * the rows. The SQL text depends only on the table, the columns and the row count, so it is cached and
 * its prepared statement reused. Values are always bound parameters.
 */
import { CompiledQuery, type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { DB } from './schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

const texts = new Map<string, string>();
let textChars = 0;
/** A 1000-row text is ~200 KB: the cache is bounded by size rather than by entries. */
const TEXT_CACHE_CHARS = 2_000_000;
/** SQLite row counts besides the full chunk: any remainder is a sum of these (see sqliteSlices). */
const SQLITE_PARTIAL_ROWS = [32, 16, 8, 4, 2, 1];

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function insertText(postgres: boolean, table: string, columns: readonly string[], rowCount: number, suffix: string): string {
  const key = `${postgres ? 'p' : 's'}|${table}|${columns.join(',')}|${rowCount}|${suffix}`;
  let text = texts.get(key);
  if (text === undefined) {
    const rows: string[] = [];
    let n = 0;
    for (let r = 0; r < rowCount; r++) {
      const marks = columns.map(() => (postgres ? `$${++n}` : '?'));
      rows.push(`(${marks.join(', ')})`);
    }
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${rows.join(', ')}${suffix}`;
    if (textChars + text.length > TEXT_CACHE_CHARS) {
      texts.clear();
      textChars = 0;
    }
    texts.set(key, text);
    textChars += text.length;
  }
  return text;
}

/**
 * Inserts `rows` (all with the same keys) in chunks of `chunk`; `onConflictDoNothing` names a unique
 * column whose duplicates are skipped. Returns the number of rows inserted.
 */
export async function insertRows(
  executor: Executor,
  table: keyof DB & string,
  rows: readonly Record<string, unknown>[],
  options: { chunk?: number; onConflictDoNothing?: string } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const postgres = executor.getExecutor().adapter instanceof PostgresAdapter;
  const columns = Object.keys(rows[0] as Record<string, unknown>);
  // SQLite: small fixed chunks, so that a few prepared statements are reused. PostgreSQL: each statement
  // is a round trip, so as many rows as ~30,000 parameters allow (the protocol's limit is 65,535).
  const chunk = postgres ? Math.max(1, Math.floor(30_000 / columns.length)) : (options.chunk ?? 64);
  const suffix = options.onConflictDoNothing ? ` on conflict (${quote(options.onConflictDoNothing)}) do nothing` : '';
  let inserted = 0;
  let start = 0;
  for (const size of postgres ? evenSlices(rows.length, chunk) : sqliteSlices(rows.length, chunk)) {
    const slice = rows.slice(start, start + size);
    start += size;
    const parameters: unknown[] = [];
    for (const row of slice) for (const column of columns) parameters.push(row[column] ?? null);
    const result = await executor.executeQuery(CompiledQuery.raw(insertText(postgres, table, columns, slice.length, suffix), parameters));
    inserted += Number(result.numAffectedRows ?? 0n);
  }
  return inserted;
}

/** PostgreSQL: full chunks and one remainder (every statement is a round trip). */
function evenSlices(total: number, chunk: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0; left -= chunk) sizes.push(Math.min(chunk, left));
  return sizes;
}

/**
 * SQLite: full chunks, then the remainder in power-of-two slices (at most six statements). Each row count is a prepared
 * statement kept by the connection, and a large one holds hundreds of kilobytes: a handful of shapes per
 * table instead of one per possible remainder keeps that memory small; the extra statements cost no round trip.
 */
export function sqliteSlices(total: number, chunk: number): number[] {
  const sizes: number[] = [];
  let left = total;
  for (const size of [chunk, ...SQLITE_PARTIAL_ROWS.filter((n) => n < chunk)]) {
    while (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

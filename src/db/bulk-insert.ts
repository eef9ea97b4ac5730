/**
 * Multi-row INSERT without Kysely's query builder: for the create pipeline's hot path (hundreds of rows
 * of 8–43 columns per transaction) building the operation tree costs more than SQLite spends writing
 * the rows. The SQL text depends only on the table, the columns and the row count, so it is cached and
 * its prepared statement reused. Values are always bound parameters.
 */
import { CompiledQuery, type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { DB } from './schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

interface InsertPart {
  table: keyof DB & string;
  rows: readonly Record<string, unknown>[];
  options: InsertOptions;
}

interface InsertOptions {
  chunk?: number;
  onConflictDoNothing?: string;
}

/** Parameters per statement; PostgreSQL's protocol allows 65,535. */
const PG_STATEMENT_PARAMETERS = 30_000;

/**
 * Inserts gathered and written together by `write`: on PostgreSQL as one statement of data-modifying
 * CTEs (one round trip instead of one per table) while it stays under PG_STATEMENT_PARAMETERS, else
 * one table after another. Foreign keys between the parts hold: they are checked at the statement's end.
 */
export class InsertBatch {
  private readonly parts: InsertPart[] = [];

  add(table: keyof DB & string, rows: readonly Record<string, unknown>[], options: InsertOptions): void {
    if (rows.length > 0) this.parts.push({ table, rows, options });
  }

  async write(executor: Executor): Promise<void> {
    const parts = this.parts.splice(0);
    const postgres = executor.getExecutor().adapter instanceof PostgresAdapter;
    const parameterCount = parts.reduce((n, p) => n + p.rows.length * Object.keys(p.rows[0] as object).length, 0);
    if (!postgres || parts.length < 2 || parameterCount > PG_STATEMENT_PARAMETERS) {
      for (const part of parts) await insertRows(executor, part.table, part.rows, part.options);
      return;
    }
    const parameters: unknown[] = [];
    const ctes = parts.map((part, i) => {
      const columns = Object.keys(part.rows[0] as object);
      const first = parameters.length;
      for (const row of part.rows) for (const column of columns) parameters.push(row[column] ?? null);
      return `i${i} as (${insertText(true, part.table, columns, part.rows.length, conflictSuffix(part.options), first)})`;
    });
    await executor.executeQuery(CompiledQuery.raw(`with ${ctes.join(', ')} select 1`, parameters));
  }
}

/** Where insertRows writes: a query executor, or an InsertBatch that writes later. */
export type InsertTarget = Executor | InsertBatch;

const texts = new Map<string, string>();
let textChars = 0;
/** A 1000-row text is ~200 KB: the cache is bounded by size rather than by entries. */
const TEXT_CACHE_CHARS = 2_000_000;
/** SQLite row counts besides the full chunk: any remainder is a sum of these (see sqliteSlices). */
const SQLITE_PARTIAL_ROWS = [32, 16, 8, 4, 2, 1];

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function insertText(
  postgres: boolean,
  table: string,
  columns: readonly string[],
  rowCount: number,
  suffix: string,
  firstParameter = 0,
): string {
  const key = `${postgres ? 'p' : 's'}|${table}|${columns.join(',')}|${rowCount}|${suffix}|${firstParameter}`;
  let text = texts.get(key);
  if (text === undefined) {
    const rows: string[] = [];
    let n = firstParameter;
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

function conflictSuffix(options: InsertOptions): string {
  return options.onConflictDoNothing ? ` on conflict (${quote(options.onConflictDoNothing)}) do nothing` : '';
}

/**
 * Inserts `rows` (all with the same keys) in chunks of `chunk`; `onConflictDoNothing` names a unique
 * column whose duplicates are skipped. Returns the number of rows inserted; into an InsertBatch, the
 * number of rows given (they are written later).
 */
export async function insertRows(
  target: InsertTarget,
  table: keyof DB & string,
  rows: readonly Record<string, unknown>[],
  options: InsertOptions = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  if (target instanceof InsertBatch) {
    target.add(table, rows, options);
    return rows.length;
  }
  const executor = target;
  const postgres = executor.getExecutor().adapter instanceof PostgresAdapter;
  const columns = Object.keys(rows[0] as Record<string, unknown>);
  // SQLite: small fixed chunks, so that a few prepared statements are reused. PostgreSQL: each statement
  // is a round trip, so as many rows as ~30,000 parameters allow (the protocol's limit is 65,535).
  const chunk = postgres ? Math.max(1, Math.floor(30_000 / columns.length)) : (options.chunk ?? 64);
  const suffix = conflictSuffix(options);
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

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
    if (texts.size > 2000) texts.clear();
    texts.set(key, text);
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
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const parameters: unknown[] = [];
    for (const row of slice) for (const column of columns) parameters.push(row[column] ?? null);
    const result = await executor.executeQuery(CompiledQuery.raw(insertText(postgres, table, columns, slice.length, suffix), parameters));
    inserted += Number(result.numAffectedRows ?? 0n);
  }
  return inserted;
}

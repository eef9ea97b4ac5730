/**
 * Many rows of one table updated with different values in ONE statement on PostgreSQL (each statement
 * is a round trip; hundreds of single-row updates cost more than the writes). The new values travel as
 * one JSON parameter read by `json_populate_recordset(null::<table>, …)`, which types every field by the
 * table's own column type — no casts to keep in step with the schema. SQLite (in-process, no round
 * trips) gets one prepared update per row. Values are always bound parameters.
 */
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import type { DB } from './schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Rows per statement (the JSON parameter grows with it). */
const CHUNK = 500;

export interface BulkUpdateOptions {
  /** the key column (default `id`) */
  key?: string;
  /** the stored row must have one of these values in each column named */
  whereIn?: Record<string, readonly (string | number)[]>;
  /** optimistic lock: each row's `version` is the new one, and the stored row must still have the one before */
  nextVersion?: boolean;
}

function isPostgres(executor: Executor): boolean {
  return executor.getExecutor().adapter instanceof PostgresAdapter;
}

const toJson = (rows: readonly Record<string, unknown>[]): string =>
  JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));

/**
 * Sets `columns` of each row (matched by its key) to the row's values, where the options' conditions
 * hold. Returns the rows changed, as stored now, by key.
 */
export async function updateRows(
  executor: Executor,
  table: keyof DB & string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  options: BulkUpdateOptions = {},
): Promise<Map<string, Record<string, unknown>>> {
  const key = options.key ?? 'id';
  const changed = new Map<string, Record<string, unknown>>();
  if (rows.length === 0 || columns.length === 0) return changed;
  if (isPostgres(executor)) {
    const sets = sql.join(columns.map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`));
    const parts = Object.entries(options.whereIn ?? {}).map(([column, values]) => sql` and t.${sql.ref(column)} in (${sql.join(values)})`);
    if (options.nextVersion) parts.push(sql` and t.version = v.version - 1`);
    const conditions = sql.join(parts, sql``);
    const fields = options.nextVersion && !columns.includes('version') ? [key, 'version', ...columns] : [key, ...columns];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const slice = rows.slice(i, i + CHUNK).map((r) => Object.fromEntries(fields.map((c) => [c, r[c] ?? null])));
      const result = await sql<Record<string, unknown>>`
        update ${sql.table(table)} as t set ${sets}
        from json_populate_recordset(null::${sql.table(table)}, ${toJson(slice)}::json) as v
        where t.${sql.ref(key)} = v.${sql.ref(key)}${conditions}
        returning t.*`.execute(executor);
      for (const row of result.rows) changed.set(row[key] as string, row);
    }
    return changed;
  }
  for (const row of rows) {
    let query = executor
      .updateTable(table as 'payments')
      .set(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])) as never)
      .where(key as 'id', '=', row[key] as string);
    for (const [column, values] of Object.entries(options.whereIn ?? {})) query = query.where(column as 'id', 'in', values as string[]);
    if (options.nextVersion) query = query.where('version', '=', Number(row.version) - 1);
    const stored = await query.returningAll().executeTakeFirst();
    if (stored) changed.set(row[key] as string, stored as Record<string, unknown>);
  }
  return changed;
}

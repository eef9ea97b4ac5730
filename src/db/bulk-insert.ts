/**
 * Multi-row INSERT without Kysely's query builder: for the create pipeline's hot path (hundreds of rows
 * of 8–43 columns per transaction) building the operation tree costs more than SQLite spends writing
 * the rows. Values are always bound parameters. On SQLite the SQL text depends only on the table, the
 * columns and the row count, so it is cached and its prepared statement reused. On PostgreSQL the rows
 * go as one JSON parameter expanded by json_populate_recordset: a 1000-row insert of 43 columns as
 * 43,000 parameters spent more time being bound, parsed and planned than being written (ADR 0020).
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

/**
 * Builds a statement's SQL; `param(value)` binds a value and returns its placeholder, so it must be
 * called in the order the placeholders appear in the text.
 */
export type StepBuilder = (param: (value: unknown) => string) => string;

/** What a step's RETURNING clause gave, once the batch is written (numbers may be bigints on SQLite). */
export class StepResult<Row> {
  rows: Row[] = [];
}

interface Step {
  build: StepBuilder;
  result: StepResult<unknown>;
}

/**
 * Writes gathered and sent together by `write`: inserts into any tables, then steps (data-modifying
 * statements with a RETURNING clause, such as counter upserts). On PostgreSQL they go as one statement
 * of data-modifying CTEs, one round trip, so the steps must not depend on each other or on the inserts
 * (CTEs see one snapshot). On SQLite they run one after another. Foreign keys between the inserts hold:
 * PostgreSQL checks them at the statement's end.
 */
export class WriteBatch {
  private readonly parts: InsertPart[] = [];
  private readonly steps: Step[] = [];

  add(table: keyof DB & string, rows: readonly Record<string, unknown>[], options: InsertOptions): void {
    if (rows.length > 0) this.parts.push({ table, rows, options });
  }

  /** Adds a statement ending in RETURNING; its rows are in the result once `write` resolves. */
  step<Row>(build: StepBuilder): StepResult<Row> {
    const result = new StepResult<Row>();
    this.steps.push({ build, result: result as StepResult<unknown> });
    return result;
  }

  async write(executor: Executor): Promise<void> {
    const parts = this.parts.splice(0);
    const steps = this.steps.splice(0);
    if (executor.getExecutor().adapter instanceof PostgresAdapter) {
      if (parts.length === 0 && steps.length === 0) return;
      const result = await executor.executeQuery(postgresStatement(parts, steps));
      for (const row of result.rows as Array<{ s: number | null; r: unknown }>) if (row.s !== null) steps[row.s]?.result.rows.push(row.r);
      return;
    }
    for (const part of parts) await insertRows(executor, part.table, part.rows, part.options);
    for (const step of steps) {
      const parameters: unknown[] = [];
      const text = step.build((value) => {
        parameters.push(value);
        return '?';
      });
      step.result.rows = (await executor.executeQuery(CompiledQuery.raw(text, parameters))).rows as unknown[];
    }
  }
}

/**
 * One statement: the steps, then one CTE per insert with its rows as a JSON parameter. Each step's rows
 * come back as `(s, r)`: the step's position and the row as JSON (every value a step returns fits a
 * JSON number or string).
 */
function postgresStatement(parts: readonly InsertPart[], steps: readonly Step[]): CompiledQuery {
  const parameters: unknown[] = [];
  const ctes = steps.map(
    (step, i) =>
      `s${i} as (${step.build((value) => {
        parameters.push(value);
        return `$${parameters.length}`;
      })})`,
  );
  for (const [i, part] of parts.entries()) {
    parameters.push(rowsJson(part.rows));
    ctes.push(
      `i${i} as (${postgresInsertText(part.table, Object.keys(part.rows[0] as object), conflictSuffix(part.options), parameters.length)})`,
    );
  }
  const select =
    steps.length > 0 ? steps.map((_, i) => `select ${i} as s, to_jsonb(s${i}) as r from s${i}`).join(' union all ') : 'select null as s';
  return CompiledQuery.raw(`with ${ctes.join(', ')} ${select}`, parameters);
}

/** Where insertRows writes: a query executor, or a WriteBatch that writes later. */
export type InsertTarget = Executor | WriteBatch;

const texts = new Map<string, string>();
let textChars = 0;
/** A 1000-row SQLite text is ~200 KB: the cache is bounded by size rather than by entries. */
const TEXT_CACHE_CHARS = 2_000_000;
/** SQLite row counts besides the full chunk: any remainder is a sum of these (see sqliteSlices). */
const SQLITE_PARTIAL_ROWS = [32, 16, 8, 4, 2, 1];

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function cached(key: string, build: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    text = build();
    if (textChars + text.length > TEXT_CACHE_CHARS) {
      texts.clear();
      textChars = 0;
    }
    texts.set(key, text);
    textChars += text.length;
  }
  return text;
}

function sqliteInsertText(table: string, columns: readonly string[], rowCount: number, suffix: string): string {
  return cached(`s|${table}|${columns.join(',')}|${rowCount}|${suffix}`, () => {
    const row = `(${columns.map(() => '?').join(', ')})`;
    return `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${Array(rowCount).fill(row).join(', ')}${suffix}`;
  });
}

/** Inserts the rows of JSON parameter `$n`: an array of objects keyed by column name (missing keys are null). */
function postgresInsertText(table: string, columns: readonly string[], suffix: string, parameter: number): string {
  return cached(`p|${table}|${columns.join(',')}|${suffix}|${parameter}`, () => {
    const list = columns.map(quote).join(', ');
    return `insert into ${quote(table)} (${list}) select ${list} from json_populate_recordset(null::${quote(table)}, $${parameter})${suffix}`;
  });
}

/**
 * JSON for json_populate_recordset: bigints as strings (PostgreSQL reads them back exactly). Rows are
 * built for their insert alone, so their bigint columns are converted in place: a replacer function
 * would be called for every value and doubled the cost of a 1000-row insert's JSON.
 */
function rowsJson(rows: readonly Record<string, unknown>[]): string {
  for (const row of rows) {
    for (const column in row) {
      const value = row[column];
      if (typeof value === 'bigint') row[column] = value.toString();
    }
  }
  try {
    return JSON.stringify(rows);
  } catch (error) {
    // a bigint nested inside a column's value
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  }
}

function conflictSuffix(options: InsertOptions): string {
  return options.onConflictDoNothing ? ` on conflict (${quote(options.onConflictDoNothing)}) do nothing` : '';
}

/**
 * Inserts `rows` (all with the same keys) in chunks of `chunk`; `onConflictDoNothing` names a unique
 * column whose duplicates are skipped. Returns the number of rows inserted; into a WriteBatch, the
 * number of rows given (they are written later).
 */
export async function insertRows(
  target: InsertTarget,
  table: keyof DB & string,
  rows: readonly Record<string, unknown>[],
  options: InsertOptions = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  if (target instanceof WriteBatch) {
    target.add(table, rows, options);
    return rows.length;
  }
  const executor = target;
  const suffix = conflictSuffix(options);
  if (executor.getExecutor().adapter instanceof PostgresAdapter) {
    const text = postgresInsertText(table, Object.keys(rows[0] as object), suffix, 1);
    return Number((await executor.executeQuery(CompiledQuery.raw(text, [rowsJson(rows)]))).numAffectedRows ?? 0n);
  }
  // SQLite: small fixed chunks, so that a few prepared statements are reused.
  const columns = Object.keys(rows[0] as Record<string, unknown>);
  let inserted = 0;
  let start = 0;
  for (const size of sqliteSlices(rows.length, options.chunk ?? 64)) {
    const slice = rows.slice(start, start + size);
    start += size;
    const parameters: unknown[] = [];
    for (const row of slice) for (const column of columns) parameters.push(row[column] ?? null);
    const result = await executor.executeQuery(CompiledQuery.raw(sqliteInsertText(table, columns, slice.length, suffix), parameters));
    inserted += Number(result.numAffectedRows ?? 0n);
  }
  return inserted;
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

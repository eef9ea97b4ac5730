/**
 * Money columns hold any amount a TRC-20 token can move (docs/adr/0028): an 18-decimal token passes the
 * signed 64-bit limit at about 9.2 tokens. PostgreSQL gets numeric (unbounded, so that even sums of
 * uint256 amounts a hostile token reports cannot overflow; only integers are ever written); SQLite gets
 * the declared type `money_text` (exact decimal strings, src/db/sqlite-money.ts), which means rebuilding
 * each table, the way SQLite documents for changing a column's type. Both engines get money_add,
 * money_cmp and money_sum, so that repositories write one SQL for both.
 */
import { type Kysely, sql } from 'kysely';
import { SQLITE_MONEY_TYPE } from '../sqlite-money.js';

/** Every column that holds an amount of an asset (not TRX fees, counters or times). */
export const MONEY_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  payments: ['amount', 'fee', 'net_amount', 'amount_received'],
  volume_totals: ['total'],
  settlements: ['amount'],
  refunds: ['amount'],
  chain_transfers: ['amount'],
  chain_sends: ['amount'],
  ledger_entries: ['amount'],
  merchant_balances: ['balance'],
  sweeps: ['amount'],
};

const POSTGRES_MONEY_TYPE = 'numeric';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) await widenOnPostgres(db);
  else await widenOnSqlite(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (!(await isPostgres(db))) throw new Error('0007_wide_money cannot be undone on SQLite');
  for (const [table, columns] of Object.entries(MONEY_COLUMNS)) {
    const changes = columns.map((c) => sql`alter column ${sql.id(c)} type bigint`);
    await sql`alter table ${sql.table(table)} ${sql.join(changes)}`.execute(db);
  }
  await sql`drop aggregate money_sum(numeric)`.execute(db);
  await sql`drop function money_cmp(numeric, numeric)`.execute(db);
  await sql`drop function money_add(numeric, numeric)`.execute(db);
}

/** true on PostgreSQL (SQLite knows no schemas); later migrations that type money columns ask the same. */
// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select current_schema()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function widenOnPostgres(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of Object.entries(MONEY_COLUMNS)) {
    const changes = columns.map((c) => sql`alter column ${sql.id(c)} type ${sql.raw(POSTGRES_MONEY_TYPE)}`);
    await sql`alter table ${sql.table(table)} ${sql.join(changes)}`.execute(db);
  }
  // SQL functions marked immutable are inlined by the planner: no call overhead.
  await sql`create function money_add(numeric, numeric) returns numeric language sql immutable parallel safe
    as 'select $1 + $2'`.execute(db);
  await sql`create function money_cmp(numeric, numeric) returns integer language sql immutable parallel safe
    as 'select case when $1 < $2 then -1 when $1 > $2 then 1 else 0 end'`.execute(db);
  await sql`create aggregate money_sum(numeric) (sfunc = numeric_add, stype = numeric, initcond = '0')`.execute(db);
}

/**
 * SQLite cannot change a column's type: each table is created anew from its own definition with the money
 * columns retyped, filled, swapped in, and given back its indexes (https://sqlite.org/lang_altertable.html,
 * "making other kinds of table schema changes"). Foreign keys are off meanwhile, and checked after.
 */
// biome-ignore lint/suspicious/noExplicitAny: see up()
async function widenOnSqlite(db: Kysely<any>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      for (const [table, columns] of Object.entries(MONEY_COLUMNS)) await retypeSqliteTable(trx, table, columns);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`foreign keys broken after widening money columns: ${JSON.stringify(broken.rows[0])}`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function retypeSqliteTable(trx: Kysely<any>, table: string, columns: readonly string[]): Promise<void> {
  const definitions = await sql<{ type: string; sql: string | null }>`
    select type, sql from sqlite_master where tbl_name = ${table} and type in ('table', 'index')`.execute(trx);
  const create = definitions.rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`table ${table} not found`);
  let retyped = create;
  for (const column of columns) {
    const declared = new RegExp(`"${column}" bigint\\b`, 'i');
    if (!declared.test(retyped)) throw new Error(`column ${table}.${column} is not a bigint column`);
    retyped = retyped.replace(declared, `"${column}" ${SQLITE_MONEY_TYPE}`);
  }
  const staging = `${table}__wide_money`;
  retyped = retyped.replace(new RegExp(`^create table "?${table}"?`, 'i'), `create table "${staging}"`);
  await sql.raw(retyped).execute(trx);
  // cast, so that the values are stored as text now (affinity would also do it; this says it)
  const list = (await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(trx)).rows.map(
    (r) => r.name,
  );
  const values = list.map((name) => (columns.includes(name) ? sql`cast(${sql.id(name)} as text)` : sql.id(name)));
  await sql`insert into ${sql.table(staging)} (${sql.join(list.map((n) => sql.id(n)))}) select ${sql.join(values)} from ${sql.table(table)}`.execute(
    trx,
  );
  await sql`drop table ${sql.table(table)}`.execute(trx);
  await sql`alter table ${sql.table(staging)} rename to ${sql.table(table)}`.execute(trx);
  for (const index of definitions.rows.filter((r) => r.type === 'index' && r.sql !== null)) await sql.raw(index.sql as string).execute(trx);
}

/**
 * What every chain send cost (issue 19), from its receipt, on the send's own row; and per merchant the
 * energy strategy chosen at run time and whether its hot wallet's low-energy alert is raised (so the
 * alert fires once per crossing, also across restarts). TRX amounts are money columns (docs/adr/0028):
 * numeric on PostgreSQL, `money_text` on SQLite — added columns take any declared type on SQLite, so no
 * table is rebuilt here.
 */
import { type Kysely, sql } from 'kysely';
import { SQLITE_MONEY_TYPE } from '../sqlite-money.js';
import { isPostgres } from './0007_wide_money.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

/** TRX (sun) amounts this migration adds; money columns like 0007's MONEY_COLUMNS. */
export const SEND_COST_MONEY_COLUMNS = ['energy_burned_trx', 'bandwidth_burned_trx', 'activation_trx', 'trx_burned'] as const;
/** resource units (energy, bytes): plain integers */
const SEND_COST_UNIT_COLUMNS = ['energy_delegated', 'bandwidth_used'] as const;

export async function up(db: AnyDb): Promise<void> {
  const moneyType = (await isPostgres(db)) ? 'numeric' : SQLITE_MONEY_TYPE;
  for (const column of SEND_COST_UNIT_COLUMNS) await db.schema.alterTable('chain_sends').addColumn(column, 'bigint').execute();
  for (const column of SEND_COST_MONEY_COLUMNS) await db.schema.alterTable('chain_sends').addColumn(column, sql.raw(moneyType)).execute();
  // network_cost of a payment, refund or settlement sums its sends by owner (the unique index leads with purpose)
  await db.schema.createIndex('chain_sends_owner').on('chain_sends').columns(['owner_id']).execute();

  await db.schema
    .createTable('merchant_energy')
    .addColumn('merchant_id', 'text', (c) => c.primaryKey().references('merchants.id'))
    .addColumn('strategy', 'text') // auto | burn | stake; null: the configuration's
    .addColumn('energy_low', 'bigint', (c) => c.notNull()) // 1 while the low-energy alert is raised
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('merchant_energy').execute();
  await db.schema.dropIndex('chain_sends_owner').execute();
  for (const column of [...SEND_COST_UNIT_COLUMNS, ...SEND_COST_MONEY_COLUMNS].reverse()) {
    await db.schema.alterTable('chain_sends').dropColumn(column).execute();
  }
}

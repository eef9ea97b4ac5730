/**
 * Issue 19, two ways of collecting for less on chain:
 * - deposit-address reuse: a payment no longer owns its deposit address for ever. The address index on
 *   payments stops being unique; instead at most one OPEN payment may hold an address (a partial unique
 *   index, so the database refuses a second open invoice on it whatever the code does). A swept, quiet
 *   address goes back to `deposit_pool` with `activated_at`; `deposit_activations` keeps that fact for
 *   the sweeps once the address is handed out again.
 * - unique-amount `direct_transfer`: `payments.amount_due` is what the payer must send (the price plus a
 *   small offset); `unique_amount_claims` holds one row per amount in use for a (payee, asset), claimed in
 *   the create transaction, so two open payments can never share one.
 * Money columns follow docs/adr/0028: numeric on PostgreSQL, money_text on SQLite.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { SQLITE_MONEY_TYPE } from '../sqlite-money.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

/** Statuses in which a payment may still receive and be credited (not final). */
const OPEN_STATUSES = "('pending', 'processing', 'confirmed', 'disputed')";

function moneyType(db: AnyDb) {
  return sql.raw(db.getExecutor().adapter instanceof PostgresAdapter ? 'numeric' : SQLITE_MONEY_TYPE);
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('deposit_pool').addColumn('activated_at', 'bigint').execute();
  await db.schema
    .createTable('deposit_activations')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('deposit_index', 'bigint', (c) => c.notNull())
    .addColumn('activated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema.dropIndex('payments_deposit_address').execute();
  await db.schema.createIndex('payments_deposit_address').on('payments').columns(['deposit_address', 'created_at']).execute();
  await db.schema
    .createIndex('payments_open_deposit_address')
    .on('payments')
    .column('deposit_address')
    .unique()
    .where(sql<boolean>`deposit_address is not null and status in ${sql.raw(OPEN_STATUSES)}`)
    .execute();

  await db.schema.alterTable('payments').addColumn('amount_due', moneyType(db)).execute();
  // matching a transfer by (payee, exact amount): only unique-amount payments have one
  await db.schema
    .createIndex('payments_payee_amount_due')
    .on('payments')
    .columns(['payee_address', 'amount_due'])
    .where(sql.ref('amount_due'), 'is not', null)
    .execute();
  await db.schema
    .createTable('unique_amount_claims')
    .addColumn('payee_address', 'text', (c) => c.notNull())
    .addColumn('asset', 'text', (c) => c.notNull())
    .addColumn('amount', moneyType(db), (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull().unique())
    .addColumn('claimed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('unique_amount_claims_pk', ['payee_address', 'asset', 'amount'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('unique_amount_claims').execute();
  await db.schema.dropIndex('payments_payee_amount_due').execute();
  await db.schema.alterTable('payments').dropColumn('amount_due').execute();
  await db.schema.dropIndex('payments_open_deposit_address').execute();
  await db.schema.dropIndex('payments_deposit_address').execute();
  await db.schema.createIndex('payments_deposit_address').on('payments').columns(['deposit_address']).unique().execute();
  await db.schema.dropTable('deposit_activations').execute();
  await db.schema.alterTable('deposit_pool').dropColumn('activated_at').execute();
}

/**
 * Hosted checkout (issue 21): what a payment's checkout page needs rides on the payment's own row —
 * written by the same insert that creates it, so that creating a payment stays one row — and two new
 * tables, payment links and merchant branding. Portable types only (text, bigint); a link's fixed amount
 * is a decimal string of base units in a text column, never an integer column (money columns are being
 * widened separately, and text holds any amount).
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

const PAYMENT_COLUMNS = [
  'checkout_secret_hash',
  'checkout_success_url',
  'checkout_cancel_url',
  'customer_email',
  'payment_link_id',
] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const column of PAYMENT_COLUMNS) {
    await db.schema.alterTable('payments').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('payments').addColumn('checkout_revoked_at', 'bigint').execute();
  // partial: the create path writes no entry for the (many) payments that come through no link
  await db.schema
    .createIndex('payments_payment_link')
    .on('payments')
    .columns(['payment_link_id', 'created_at'])
    .where(sql.ref('payment_link_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('payment_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('payee_address', 'text', (c) => c.notNull())
    .addColumn('amount', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('success_url', 'text')
    .addColumn('expires_at', 'bigint')
    .addColumn('max_uses', 'bigint')
    .addColumn('uses', 'bigint', (c) => c.notNull())
    .addColumn('active', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payment_links_merchant').on('payment_links').columns(['merchant_id', 'created_at']).execute();

  await db.schema
    .createTable('merchant_branding')
    .addColumn('merchant_id', 'text', (c) => c.primaryKey().references('merchants.id'))
    .addColumn('public_id', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text')
    .addColumn('accent_color', 'text')
    .addColumn('support_email', 'text')
    .addColumn('logo_base64', 'text')
    .addColumn('logo_content_type', 'text')
    .addColumn('logo_sha256', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('merchant_branding').execute();
  await db.schema.dropTable('payment_links').execute();
  await db.schema.dropIndex('payments_payment_link').execute();
  await db.schema.alterTable('payments').dropColumn('checkout_revoked_at').execute();
  for (const column of [...PAYMENT_COLUMNS].reverse()) {
    await db.schema.alterTable('payments').dropColumn(column).execute();
  }
}

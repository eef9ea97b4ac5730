/**
 * The gateway core: merchants and keys, payments with history, batches, the transactional outbox,
 * the durable job table, idempotency records, rate windows, volume totals and HD index counters.
 * Written with portable types only (text, bigint) so that the same migration runs on SQLite and PostgreSQL.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('merchants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hd_index', 'bigint', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('settlement_frequency', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_keys_merchant').on('api_keys').columns(['merchant_id']).execute();

  await db.schema
    .createTable('batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('batch_reference', 'text')
    .addColumn('atomic', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('item_count', 'bigint', (c) => c.notNull())
    .addColumn('created_count', 'bigint', (c) => c.notNull())
    .addColumn('rejected_count', 'bigint', (c) => c.notNull())
    .addColumn('totals', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .execute();
  await db.schema.createIndex('batches_merchant_status').on('batches').columns(['merchant_id', 'status']).execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('batch_id', 'text', (c) => c.references('batches.id'))
    .addColumn('batch_index', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payment_method', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('fee', 'bigint', (c) => c.notNull())
    .addColumn('net_amount', 'bigint', (c) => c.notNull())
    .addColumn('fee_rate_ppb', 'bigint', (c) => c.notNull())
    .addColumn('discount_ppb', 'bigint', (c) => c.notNull())
    .addColumn('network_fee_estimate', 'bigint')
    .addColumn('payer_address', 'text')
    .addColumn('payee_address', 'text', (c) => c.notNull())
    .addColumn('deposit_address', 'text')
    .addColumn('deposit_index', 'bigint')
    .addColumn('reference_id', 'text')
    .addColumn('description', 'text')
    .addColumn('metadata', 'text')
    .addColumn('expires_at', 'bigint')
    .addColumn('amount_received', 'bigint', (c) => c.notNull())
    .addColumn('exception', 'text')
    .addColumn('confirmations', 'bigint', (c) => c.notNull())
    .addColumn('finalized', 'bigint', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('network_fee', 'bigint')
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('approval_status', 'text')
    .addColumn('approved_at', 'bigint')
    .addColumn('approved_by', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('processing_at', 'bigint')
    .addColumn('confirmed_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('failed_at', 'bigint')
    .addColumn('cancelled_at', 'bigint')
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_merchant_created').on('payments').columns(['merchant_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('payments_merchant_status').on('payments').columns(['merchant_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('payments_merchant_reference').on('payments').columns(['merchant_id', 'reference_id']).execute();
  await db.schema.createIndex('payments_batch').on('payments').columns(['batch_id', 'batch_index']).execute();
  await db.schema.createIndex('payments_deposit_address').on('payments').columns(['deposit_address']).unique().execute();

  await db.schema
    .createTable('payment_history')
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_history_pk', ['payment_id', 'seq'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('aggregate_type', 'text', (c) => c.notNull())
    .addColumn('aggregate_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('dispatched_at', 'bigint')
    .execute();
  await db.schema.createIndex('outbox_pending').on('outbox').columns(['dispatched_at', 'created_at']).execute();
  await db.schema.createIndex('outbox_aggregate').on('outbox').columns(['aggregate_id', 'created_at']).execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'bigint', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'bigint', (c) => c.notNull())
    .addColumn('max_attempts', 'bigint', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  // Claiming reads queued jobs in priority order and running jobs whose lease expired (a crashed worker's).
  await db.schema
    .createIndex('jobs_claim_queued')
    .on('jobs')
    .columns(['type', 'priority', 'run_at'])
    .where(sql.ref('status'), '=', 'queued')
    .execute();
  await db.schema.createIndex('jobs_claim_expired').on('jobs').columns(['locked_until']).where(sql.ref('status'), '=', 'running').execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('status_code', 'bigint', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['merchant_id', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_expiry').on('idempotency_keys').columns(['expires_at']).execute();

  await db.schema
    .createTable('rate_windows')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_windows_pk', ['scope', 'window_start'])
    .execute();

  await db.schema
    .createTable('volume_totals')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('day', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('volume_totals_pk', ['merchant_id', 'currency', 'day'])
    .execute();

  await db.schema
    .createTable('hd_counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_index', 'bigint', (c) => c.notNull())
    .execute();

  // Deposit addresses derived ahead of need (public data: index and address only).
  await db.schema
    .createTable('deposit_pool')
    .addColumn('deposit_index', 'bigint', (c) => c.primaryKey())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settlements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('payee_address', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('network_fee', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .execute();
  await db.schema.createIndex('settlements_merchant_created').on('settlements').columns(['merchant_id', 'created_at']).execute();

  await db.schema
    .createTable('gateway_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'gateway_meta',
    'settlements',
    'deposit_pool',
    'hd_counters',
    'volume_totals',
    'rate_windows',
    'idempotency_keys',
    'jobs',
    'outbox',
    'payment_history',
    'payments',
    'batches',
    'api_keys',
    'merchants',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

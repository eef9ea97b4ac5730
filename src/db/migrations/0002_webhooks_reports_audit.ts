/**
 * Webhook endpoints, their deliveries and every delivery attempt; refunds (filled by the money-movement
 * work, read by reports now); generated reports; the hash-chained audit log and its head row.
 * Portable types only (text, bigint), like 0001.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

/** sha-256 hex of nothing yet: the `prev_hash` of the first audit record */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export async function up(db: AnyDb): Promise<void> {
  // The dispatcher marks every event dispatched moments after it is written: a partial index of the
  // undispatched ones only loses an entry then, where (dispatched_at, created_at) had to move it.
  await db.schema.dropIndex('outbox_pending').execute();
  await db.schema
    .createIndex('outbox_undispatched')
    .on('outbox')
    .columns(['created_at', 'id'])
    .where(sql.ref('dispatched_at'), 'is', null)
    .execute();

  // ---------------------------------------------------------------- webhooks
  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull()) // JSON array of event names or ["*"]
    .addColumn('headers', 'text', (c) => c.notNull()) // JSON object of custom headers
    .addColumn('description', 'text')
    .addColumn('active', 'bigint', (c) => c.notNull()) // 0/1, set by the merchant
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_expires_at', 'bigint')
    .addColumn('failing_since', 'bigint') // first failed attempt since the last success
    .addColumn('last_success_at', 'bigint')
    .addColumn('last_failure_at', 'bigint')
    .addColumn('disabled_at', 'bigint') // set by the gateway when the endpoint kept failing
    .addColumn('disabled_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema.createIndex('webhooks_merchant').on('webhooks').columns(['merchant_id', 'created_at']).execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull()) // outbox.id; the payload is the outbox row's
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // event | redelivery | test
    .addColumn('redelivery_of', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // pending | succeeded | failed
    .addColumn('attempts', 'bigint', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'bigint')
    .addColumn('last_status_code', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .execute();
  // one delivery per (endpoint, event) from the dispatcher; redeliveries and tests are extra rows
  await db.schema
    .createIndex('webhook_deliveries_event_once')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'event_id'])
    .unique()
    .where(sql.ref('kind'), '=', 'event')
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'created_at']).execute();
  await db.schema.createIndex('webhook_deliveries_event').on('webhook_deliveries').columns(['event_id']).execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'bigint', (c) => c.notNull())
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('latency_ms', 'bigint', (c) => c.notNull())
    .addColumn('status_code', 'bigint')
    .addColumn('outcome', 'text', (c) => c.notNull()) // succeeded | retry | failed
    .addColumn('error', 'text')
    .addColumn('response_excerpt', 'text') // at most 1 KiB
    .addPrimaryKeyConstraint('webhook_attempts_pk', ['delivery_id', 'attempt'])
    .execute();
  await db.schema.createIndex('webhook_attempts_webhook').on('webhook_attempts').columns(['webhook_id', 'started_at']).execute();

  // ---------------------------------------------------------------- refunds
  await db.schema
    .createTable('refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | processing | completed | failed
    .addColumn('reason', 'text')
    .addColumn('refund_address', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('network_fee', 'bigint')
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .execute();
  await db.schema.createIndex('refunds_merchant_created').on('refunds').columns(['merchant_id', 'created_at']).execute();
  await db.schema.createIndex('refunds_payment').on('refunds').columns(['payment_id']).execute();

  // ---------------------------------------------------------------- reports
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // completed (computed synchronously) | failed
    .addColumn('format', 'text', (c) => c.notNull()) // json | csv
    .addColumn('start_at', 'bigint', (c) => c.notNull()) // inclusive, epoch ms
    .addColumn('end_at', 'bigint', (c) => c.notNull()) // exclusive, epoch ms
    .addColumn('status_filter', 'text') // JSON array or null
    .addColumn('include_failed', 'bigint', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull()) // JSON totals
    .addColumn('row_count', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .execute();
  await db.schema.createIndex('reports_merchant_created').on('reports').columns(['merchant_id', 'created_at']).execute();
  // analytics and reports scan payments of a merchant by creation time: payments_merchant_created (0001) serves them

  // ---------------------------------------------------------------- audit log
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('merchant_id', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('before', 'text') // JSON or null
    .addColumn('after', 'text') // JSON or null
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_merchant').on('audit_log').columns(['merchant_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_id']).execute();
  // the chain's head: appenders take this row's lock first, so records get consecutive seqs in commit order
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: AUDIT_GENESIS_HASH }).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('outbox_undispatched').ifExists().execute();
  await db.schema.createIndex('outbox_pending').on('outbox').columns(['dispatched_at', 'created_at']).execute();
  for (const table of ['audit_head', 'audit_log', 'reports', 'refunds', 'webhook_attempts', 'webhook_deliveries', 'webhooks']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

/**
 * Moving money on the chain: the scanner's cursors and the leases that keep one scanner (or tracker)
 * active per database, every transfer seen on chain, every transaction the gateway signs (stored before
 * it is broadcast), the merchants' ledger, deposit sweeps and reconciliation results; settlements and
 * refunds get the columns their workers need. Portable types only (text, bigint), like 0001.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // ---------------------------------------------------------------- scanner cursors and leases
  await db.schema
    .createTable('chain_cursors')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('block_number', 'bigint', (c) => c.notNull()) // the last block fully processed
    .addColumn('block_id', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // A named lease: one holder at a time; `token` grows with every new holder so writes can be fenced.
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('token', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // ---------------------------------------------------------------- transfers seen on chain
  await db.schema
    .createTable('chain_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tx_id', 'text', (c) => c.notNull())
    .addColumn('log_index', 'bigint', (c) => c.notNull()) // -1 for a TRX transfer, else the TRC-20 log's index
    .addColumn('block_number', 'bigint', (c) => c.notNull())
    .addColumn('block_timestamp', 'bigint', (c) => c.notNull())
    .addColumn('asset', 'text', (c) => c.notNull()) // USDT | TRX
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('merchant_id', 'text')
    .addColumn('payment_id', 'text')
    .addColumn('match', 'text', (c) => c.notNull()) // deposit | direct | late | unmatched | internal
    .addColumn('note', 'text') // why it is unmatched (wrong_asset, unknown_payment, …)
    .addColumn('source', 'text', (c) => c.notNull()) // scanner | reconciliation
    .addColumn('status', 'text', (c) => c.notNull()) // seen | confirmed | final | dropped
    .addColumn('confirmations', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chain_transfers_tx_log').on('chain_transfers').columns(['tx_id', 'log_index']).unique().execute();
  await db.schema.createIndex('chain_transfers_payment').on('chain_transfers').columns(['payment_id']).execute();
  await db.schema.createIndex('chain_transfers_merchant').on('chain_transfers').columns(['merchant_id', 'created_at']).execute();
  await db.schema
    .createIndex('chain_transfers_open')
    .on('chain_transfers')
    .columns(['block_number'])
    .where(sql.ref('status'), 'in', ['seen', 'confirmed'])
    .execute();

  // ---------------------------------------------------------------- transactions the gateway signs
  await db.schema
    .createTable('chain_sends')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull()) // payout | refund | settlement | sweep | sweep_fuel
    .addColumn('owner_id', 'text', (c) => c.notNull()) // the payment, refund, settlement or sweep it serves
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('sequence', 'bigint', (c) => c.notNull()) // 1, then +1 only after the previous provably expired
    .addColumn('signer', 'text', (c) => c.notNull()) // key reference: hot:<merchant index> | deposit:<index>
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('asset', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('fee_limit', 'bigint', (c) => c.notNull())
    .addColumn('priority', 'bigint', (c) => c.notNull()) // 0 = urgent … 3 = low
    .addColumn('max_retries', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // queued | signed | broadcast | confirmed | completed | failed | expired
    .addColumn('tx_id', 'text')
    .addColumn('signed_tx', 'text') // hex of the signed protobuf, stored before the first broadcast
    .addColumn('expiration', 'bigint')
    .addColumn('attempts', 'bigint', (c) => c.notNull()) // broadcast attempts that failed transiently
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('block_number', 'bigint')
    .addColumn('energy_used', 'bigint')
    .addColumn('network_fee', 'bigint') // sun burned, from the receipt
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('broadcast_at', 'bigint')
    .addColumn('confirmed_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .execute();
  await db.schema.createIndex('chain_sends_owner_seq').on('chain_sends').columns(['purpose', 'owner_id', 'sequence']).unique().execute();
  await db.schema.createIndex('chain_sends_tx').on('chain_sends').columns(['tx_id']).unique().execute();
  await db.schema
    .createIndex('chain_sends_open')
    .on('chain_sends')
    .columns(['status', 'priority', 'next_attempt_at'])
    .where(sql.ref('status'), 'in', ['queued', 'signed', 'broadcast', 'confirmed'])
    .execute();
  await db.schema.createIndex('chain_sends_merchant').on('chain_sends').columns(['merchant_id', 'created_at']).execute();

  // ---------------------------------------------------------------- the merchants' ledger
  // Signed amounts per merchant, payee and asset (SPEC §3.7: net amounts accrue to the payee's settlement
  // balance): a completed collection credits its net amount, a refund or a settlement debits. One entry
  // per (kind, reference): crediting twice is impossible.
  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('payee_address', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // collection | fee_owed | refund | refund_reversal | settlement | settlement_reversal | adjustment
    .addColumn('reference_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_entries_kind_ref').on('ledger_entries').columns(['kind', 'reference_id']).unique().execute();
  await db.schema.createIndex('ledger_entries_merchant').on('ledger_entries').columns(['merchant_id', 'currency', 'created_at']).execute();
  await db.schema
    .createTable('merchant_balances')
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('payee_address', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('balance', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('merchant_balances_pk', ['merchant_id', 'payee_address', 'currency'])
    .execute();

  // ---------------------------------------------------------------- sweeps of deposit addresses
  await db.schema
    .createTable('sweeps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('settlement_id', 'text')
    .addColumn('deposit_address', 'text', (c) => c.notNull())
    .addColumn('deposit_index', 'bigint', (c) => c.notNull())
    .addColumn('asset', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | fueling | sweeping | completed | failed
    .addColumn('fuel_amount', 'bigint') // TRX sent to the deposit address for the sweep's fee
    .addColumn('network_fee', 'bigint') // TRX burned by the sweep and its fuel transfer
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .execute();
  await db.schema.createIndex('sweeps_settlement').on('sweeps').columns(['settlement_id']).execute();
  await db.schema.createIndex('sweeps_deposit').on('sweeps').columns(['deposit_address', 'created_at']).execute();

  // ---------------------------------------------------------------- reconciliation results
  await db.schema
    .createTable('reconciliations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text') // null for a balance check over every managed address
    .addColumn('payment_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull()) // payment | balances
    .addColumn('trigger', 'text', (c) => c.notNull()) // api | background
    .addColumn('status', 'text', (c) => c.notNull()) // verified | credited | pending | disputed | error | balanced | differences
    .addColumn('external_transaction_id', 'text')
    .addColumn('notes', 'text')
    .addColumn('checks', 'text', (c) => c.notNull()) // JSON: what was checked and found
    .addColumn('discrepancies', 'text', (c) => c.notNull()) // JSON array
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reconciliations_merchant').on('reconciliations').columns(['merchant_id', 'created_at']).execute();
  await db.schema.createIndex('reconciliations_payment').on('reconciliations').columns(['payment_id', 'created_at']).execute();

  // ---------------------------------------------------------------- settlements and refunds
  for (const [name, type] of [
    ['failure_reason', 'text'],
    ['sweep_cost', 'bigint'], // TRX the settlement's sweeps burned
    ['trigger', 'text'], // schedule | threshold | manual
    ['updated_at', 'bigint'],
    ['archived_at', 'bigint'], // set once older than settlement.retention_period_days (kept, out of the default list)
  ] as const) {
    await db.schema.alterTable('settlements').addColumn(name, type).execute();
  }
  await db.schema
    .createIndex('settlements_open')
    .on('settlements')
    .columns(['merchant_id'])
    .where(sql.ref('status'), '=', 'initiated')
    .execute();
  for (const [name, type] of [
    ['origin', 'text'], // api | auto (overpayment)
    ['actor', 'text'],
    ['flagged', 'bigint'], // 1 when it timed out
  ] as const) {
    await db.schema.alterTable('refunds').addColumn(name, type).execute();
  }
  await db.schema
    .createIndex('refunds_open')
    .on('refunds')
    .columns(['created_at'])
    .where(sql.ref('status'), 'in', ['pending', 'processing'])
    .execute();
  // The scanner keeps its watch list current by reading payments created since its last look.
  await db.schema.createIndex('payments_created').on('payments').columns(['created_at']).execute();
  // A direct_transfer is matched by (payer, payee): transfers to a payee address find its payments.
  await db.schema.createIndex('payments_payee').on('payments').columns(['payee_address', 'payer_address']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('payments_payee').ifExists().execute();
  await db.schema.dropIndex('payments_created').ifExists().execute();
  await db.schema.dropIndex('refunds_open').ifExists().execute();
  await db.schema.dropIndex('settlements_open').ifExists().execute();
  for (const name of ['origin', 'actor', 'flagged']) await db.schema.alterTable('refunds').dropColumn(name).execute();
  for (const name of ['failure_reason', 'sweep_cost', 'trigger', 'updated_at', 'archived_at'])
    await db.schema.alterTable('settlements').dropColumn(name).execute();
  for (const table of [
    'reconciliations',
    'sweeps',
    'merchant_balances',
    'ledger_entries',
    'chain_sends',
    'chain_transfers',
    'leases',
    'chain_cursors',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

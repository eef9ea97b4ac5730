/**
 * Staking and delegated energy (issue 19). Sends may now carry a Stake 2.0 or account contract: the
 * resource (ENERGY | BANDWIDTH) a stake, unstake, delegation or reclaim is about rides on the send's row
 * (null for asset transfers). `energy_delegations` records each sweep done on delegated energy step by
 * step — activation, delegation, sweep, reclaim — so that a restart resumes where it stopped and sends
 * nothing twice. Amounts here are TRX sun (at most the TRX supply, ~10^17): plain bigint, not the wide
 * money type of ADR 0028, like the other fee columns.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('chain_sends').addColumn('resource', 'text').execute();

  await db.schema
    .createTable('energy_delegations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // one delegation per sweep: the owner of its activation, delegate and reclaim sends
    .addColumn('sweep_id', 'text', (c) => c.notNull().unique().references('sweeps.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('hot_address', 'text', (c) => c.notNull())
    .addColumn('receiver_address', 'text', (c) => c.notNull())
    /** energy the sweep is estimated to need, margin included */
    .addColumn('energy', 'bigint', (c) => c.notNull())
    /** staked sun delegated for that energy */
    .addColumn('sun', 'bigint', (c) => c.notNull())
    .addColumn('needs_activation', 'bigint', (c) => c.notNull())
    /** activating | delegating | sweeping | reclaiming | reclaimed | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('activation_send_id', 'text')
    .addColumn('delegate_send_id', 'text')
    .addColumn('sweep_send_id', 'text')
    .addColumn('reclaim_send_id', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // the open ones are read on every settlement pass and by the wallet view (energy delegated out)
  await db.schema.createIndex('energy_delegations_status').on('energy_delegations').columns(['status', 'hot_address']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('energy_delegations').execute();
  await db.schema.alterTable('chain_sends').dropColumn('resource').execute();
}

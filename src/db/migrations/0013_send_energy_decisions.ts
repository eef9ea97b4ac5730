/**
 * How a hot-wallet send paid for its energy (issue 19, src/modules/chain/energy-wait.ts): the decision
 * taken before signing (staked, burn_priority, burn_after_wait, burn_strategy) and how long the send had
 * waited for energy by then. The cost itself is the receipt's (0009). No money.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('chain_sends').addColumn('energy_decision', 'text').execute();
  await db.schema.alterTable('chain_sends').addColumn('energy_wait_ms', 'bigint').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('chain_sends').dropColumn('energy_wait_ms').execute();
  await db.schema.alterTable('chain_sends').dropColumn('energy_decision').execute();
}

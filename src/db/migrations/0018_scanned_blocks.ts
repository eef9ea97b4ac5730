/**
 * Issue 20, reorganisations (docs/adr/0034): the scanner keeps the id of every block it processed above the
 * solidified block, so that when a new block's parent is not the block it stored it can walk back to the
 * common ancestor. Blocks at or below the solidified block never change and are pruned. No money.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('scanned_blocks')
    .addColumn('block_number', 'bigint', (c) => c.primaryKey())
    .addColumn('block_id', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('scanned_blocks').execute();
}

/**
 * Issue 20, reorganisations: a send whose receipt failed is `failing` until its block is solidified (a
 * reorganisation may drop it, and its bytes may then succeed), and only then `failed`. The status column
 * is text; the partial index of open sends (the tracker's and the sender's reads) gains the new status.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

async function openSendsIndex(db: AnyDb, statuses: readonly string[]): Promise<void> {
  await db.schema.dropIndex('chain_sends_open').ifExists().execute();
  await db.schema
    .createIndex('chain_sends_open')
    .on('chain_sends')
    .columns(['status', 'priority', 'next_attempt_at'])
    .where(sql.ref('status'), 'in', statuses)
    .execute();
}

export async function up(db: AnyDb): Promise<void> {
  await openSendsIndex(db, ['queued', 'signed', 'broadcast', 'confirmed', 'failing']);
}

export async function down(db: AnyDb): Promise<void> {
  // a send still failing becomes failed: the status before this migration had no waiting for solidification
  await db.updateTable('chain_sends').set({ status: 'failed' }).where('status', '=', 'failing').execute();
  await openSendsIndex(db, ['queued', 'signed', 'broadcast', 'confirmed']);
}

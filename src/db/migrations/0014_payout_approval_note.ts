/**
 * Issue 22, payout approval from the dashboard: the note a person gives when approving or rejecting a
 * held payout (`payments.approval_note`). A rejected payout keeps `approval_status = 'rejected'` (the
 * column is text: no change needed for the new value). No money.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('payments').addColumn('approval_note', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('payments').dropColumn('approval_note').execute();
}

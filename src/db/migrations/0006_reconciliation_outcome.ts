/**
 * Reconciliation `status` takes the seed's ReconciliationStatus values (pending, processing, completed,
 * failed, disputed); what a finished run found — the first build's status values — moves to `outcome`
 * (issue 17). Existing rows keep their finding as the outcome, and their status is derived from it the
 * way the service derives it (`statusOfOutcome` in src/modules/reconciliation/reconciliation.ts).
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

/** outcome → status; written out here so that the migration never changes with the code. */
const STATUS_OF_OUTCOME: ReadonlyArray<readonly [outcome: string, status: string]> = [
  ['verified', 'completed'],
  ['credited', 'completed'],
  ['balanced', 'completed'],
  ['differences', 'completed'],
  ['pending', 'pending'],
  ['disputed', 'disputed'],
  ['error', 'failed'],
];

export async function up(db: AnyDb): Promise<void> {
  // Every row is given its outcome below; the default only lets SQLite add a NOT NULL column.
  await db.schema
    .alterTable('reconciliations')
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db
    .updateTable('reconciliations')
    .set({ outcome: sql.ref('status') })
    .execute();
  for (const [outcome, status] of STATUS_OF_OUTCOME) {
    await db.updateTable('reconciliations').set({ status }).where('outcome', '=', outcome).execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db
    .updateTable('reconciliations')
    .set({ status: sql.ref('outcome') })
    .execute();
  await db.schema.alterTable('reconciliations').dropColumn('outcome').execute();
}

/**
 * A batch not final `batch_processing.batch_timeout_seconds` after its creation is flagged once: the time
 * it was found stalled (`batch.stalled` is sent in the same transaction). The partial index keeps the
 * periodic search for such batches off the finished ones, which are nearly all of them.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('batches').addColumn('stalled_at', 'bigint').execute();
  await db.schema
    .createIndex('batches_open_created')
    .on('batches')
    .columns(['created_at'])
    .where(sql.ref('status'), 'in', ['pending', 'processing'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('batches_open_created').ifExists().execute();
  await db.schema.alterTable('batches').dropColumn('stalled_at').execute();
}

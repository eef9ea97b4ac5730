/** What the idempotency tests read back from the database: the stored answer of a key, and audit records. */
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';

/** The answer stored for an Idempotency-Key (undefined when none is). */
export async function storedAnswer(db: Kysely<DB>, key: string): Promise<{ status_code: number; response_body: string } | undefined> {
  const row = await db.selectFrom('idempotency_keys').select(['status_code', 'response_body']).where('key', '=', key).executeTakeFirst();
  return row && { status_code: Number(row.status_code), response_body: row.response_body };
}

/** How many audit records of `action` name the entity. */
export async function auditCount(db: Kysely<DB>, action: string, entityId: string): Promise<number> {
  return (await db.selectFrom('audit_log').select('seq').where('action', '=', action).where('entity_id', '=', entityId).execute()).length;
}

/**
 * Stored responses for `Idempotency-Key` (SPEC §4), kept for `api.idempotency_ttl_hours`. Creating
 * routes write their record in the same transaction as the payment; other POSTs store it after answering.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { IdempotencyRecord, IdempotencyStore } from '../../http/ports.js';
import type { Clock } from '../../shared/clock.js';

export class DbIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    readonly ttlMs: number,
  ) {}

  async find(merchantId: string, key: string): Promise<IdempotencyRecord | null> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('key', '=', key)
      .where('expires_at', '>', this.clock.now())
      .executeTakeFirst();
    if (!row) return null;
    return {
      requestHash: row.request_hash,
      method: row.method,
      path: row.path,
      statusCode: Number(row.status_code),
      body: row.response_body,
    };
  }

  async save(merchantId: string, key: string, record: IdempotencyRecord): Promise<void> {
    const now = this.clock.now();
    // An expired record with the same key is replaced; a live one is kept as the first answer.
    await this.db
      .deleteFrom('idempotency_keys')
      .where('merchant_id', '=', merchantId)
      .where('key', '=', key)
      .where('expires_at', '<=', now)
      .execute();
    await this.db
      .insertInto('idempotency_keys')
      .values({
        merchant_id: merchantId,
        key,
        request_hash: record.requestHash,
        method: record.method,
        path: record.path,
        status_code: record.statusCode,
        response_body: record.body,
        created_at: now,
        expires_at: now + this.ttlMs,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** Removes expired records; run by the maintenance job. */
  async prune(): Promise<number> {
    const result = await this.db.deleteFrom('idempotency_keys').where('expires_at', '<=', this.clock.now()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

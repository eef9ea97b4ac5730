/** Storage of API keys: only the SHA-256 of a key and a short display prefix are ever written. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ApiKeysTable, DB } from '../../db/schema.js';
import { type ApiKey, isScope } from './merchant.js';

export interface NewApiKeyRow {
  id: string;
  merchantId: string;
  name: string;
  keyHash: string;
  prefix: string;
  scopes: readonly string[];
  now: number;
}

/** A key found by its hash, with the state of its merchant. */
export interface StoredKey extends ApiKey {
  merchantStatus: string;
}

/** Where a write runs: a transaction of the caller's (with its audit record), or the database itself. */
export type KeysExecutor = Kysely<DB> | Transaction<DB>;

export class ApiKeysRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Runs `work` in one transaction (a change and its audit record commit together). */
  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async insert(row: NewApiKeyRow, executor: KeysExecutor = this.db): Promise<void> {
    await executor.insertInto('api_keys').values(toRow(row)).execute();
  }

  /** Inserts unless a key with the same hash exists; true when this call inserted it. */
  async insertIfAbsent(row: NewApiKeyRow, executor: KeysExecutor = this.db): Promise<boolean> {
    const result = await executor
      .insertInto('api_keys')
      .values(toRow(row))
      .onConflict((oc) => oc.column('key_hash').doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async findByHash(keyHash: string): Promise<StoredKey | null> {
    const row = await this.db
      .selectFrom('api_keys')
      .innerJoin('merchants', 'merchants.id', 'api_keys.merchant_id')
      .selectAll('api_keys')
      .select('merchants.status as merchant_status')
      .where('api_keys.key_hash', '=', keyHash)
      .executeTakeFirst();
    return row ? { ...toApiKey(row), merchantStatus: row.merchant_status } : null;
  }

  async findById(merchantId: string, keyId: string, executor: KeysExecutor = this.db): Promise<ApiKey | null> {
    const row = await executor
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', keyId)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    return row ? toApiKey(row) : null;
  }

  /** The merchant's keys, revoked ones included, oldest first. */
  async listByMerchant(merchantId: string): Promise<ApiKey[]> {
    const rows = await this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toApiKey);
  }

  /** Keys the merchant ever had, revoked ones included. */
  async countByMerchant(merchantId: string): Promise<number> {
    const row = await this.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<bigint | number | string>().as('n'))
      .where('merchant_id', '=', merchantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks an active key revoked; false when no active key of this merchant has that id. */
  async revoke(merchantId: string, keyId: string, now: number, executor: KeysExecutor = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('id', '=', keyId)
      .where('merchant_id', '=', merchantId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Records a use unless one was recorded after `notAfter` (so that several processes write it at most once a window). */
  async touch(keyId: string, now: number, notAfter: number): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: now })
      .where('id', '=', keyId)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', notAfter)]))
      .execute();
  }
}

function toRow(row: NewApiKeyRow) {
  return {
    id: row.id,
    merchant_id: row.merchantId,
    name: row.name,
    key_hash: row.keyHash,
    key_prefix: row.prefix,
    scopes: JSON.stringify(row.scopes),
    created_at: row.now,
    last_used_at: null,
    revoked_at: null,
  };
}

function toApiKey(row: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    name: row.name,
    prefix: row.key_prefix,
    scopes: parseScopes(row.scopes),
    createdAt: Number(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

/** Scopes are a JSON array; anything unreadable or unknown grants nothing. */
function parseScopes(text: string): ApiKey['scopes'] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter(isScope) : [];
  } catch {
    return [];
  }
}

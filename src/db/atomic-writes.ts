/**
 * Writes whose statements are all known before the first one runs, committed together. On SQLite's
 * writer thread they run as one message (sqlite-driver.ts), so the write lock is never held while this
 * thread is busy elsewhere; other engines run them in an ordinary transaction.
 */
import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { DB } from './schema.js';

export type AtomicWriter = (queries: readonly CompiledQuery[]) => Promise<QueryResult<unknown>[]>;

export function transactionWriter(db: Kysely<DB>): AtomicWriter {
  return (queries) =>
    db.transaction().execute(async (trx) => {
      const results: QueryResult<unknown>[] = [];
      for (const query of queries) results.push(await trx.executeQuery(query));
      return results;
    });
}

/**
 * Keyset pagination on (created_at, id), the order every list and cursor here uses.
 */
import { type Expression, type SqlBool, sql } from 'kysely';

export interface KeysetCursor {
  createdAt: number | bigint;
  id: string;
}

/**
 * The rows after `cursor` in ascending or descending (created_at, id) order. Written as
 * `created_at >= c and (created_at > c or id > i)` rather than the plain `created_at > c or
 * (created_at = c and id > i)`: with the plain OR, PostgreSQL cannot bound an index scan on created_at
 * and reads the index from its start on every page, so each page costs more than the one before.
 */
export function afterKeyset(order: 'asc' | 'desc', cursor: KeysetCursor): Expression<SqlBool> {
  const [strict, inclusive] = order === 'asc' ? [sql.raw('>'), sql.raw('>=')] : [sql.raw('<'), sql.raw('<=')];
  const createdAt = sql.ref('created_at');
  return sql<SqlBool>`(${createdAt} ${inclusive} ${cursor.createdAt} and (${createdAt} ${strict} ${cursor.createdAt} or ${sql.ref('id')} ${strict} ${cursor.id}))`;
}

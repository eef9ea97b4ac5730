/**
 * Exact arithmetic on money columns, the same SQL on both engines: money_sum, money_add and money_cmp are
 * defined by migration 0007 on PostgreSQL (numeric) and on every SQLite connection (sqlite-money.ts).
 * SQLite's own sum() and + would read 18-decimal amounts as lossy doubles.
 */
import { type Expression, type RawBuilder, sql } from 'kysely';

/** The exact sum of a money column (0 over no rows): a bigint on PostgreSQL, a decimal string on SQLite. */
export function moneySum(column: string): RawBuilder<bigint | string> {
  return sql<bigint | string>`money_sum(${sql.ref(column)})`;
}

/** `a + b` on money values. */
export function moneyAdd(a: Expression<unknown> | bigint, b: Expression<unknown> | bigint): RawBuilder<bigint> {
  return sql<bigint>`money_add(${a}, ${b})`;
}

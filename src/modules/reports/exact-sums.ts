/**
 * Sums of money columns that never overflow on either engine (SPEC §2). SQLite's sum() of integers raises
 * "integer overflow" past 2^63, which a year of large payments can reach; PostgreSQL's sum(int8) is an
 * exact numeric. So each amount is summed in two parts, whole millions and the remainder: neither part
 * sum comes anywhere near 2^63 (that would take billions of rows), and the exact total is rebuilt here in
 * bigint. Both parts are cast to text so that each engine hands back an exact integer string.
 */
import { sql } from 'kysely';

const SPLIT = 1_000_000n;

/** Two select expressions, `<alias>_hi` and `<alias>_lo`, summing `column` (a non-negative int8) exactly. */
export function splitSum<A extends string>(column: string, alias: A) {
  const ref = sql.ref(column);
  const split = sql.lit(Number(SPLIT));
  return [
    sql<string>`cast(coalesce(sum(${ref} / ${split}), 0) as text)`.as(`${alias}_hi` as `${A}_hi`),
    sql<string>`cast(coalesce(sum(${ref} % ${split}), 0) as text)`.as(`${alias}_lo` as `${A}_lo`),
  ] as const;
}

/** The exact total from the two part sums `splitSum` selected. */
export function joinSum(hi: string | bigint | number, lo: string | bigint | number): bigint {
  return BigInt(hi) * SPLIT + BigInt(lo);
}

/**
 * Which addresses are deposit addresses of this gateway: one handed to a payment (any merchant's, any
 * status: funds may still arrive there and be swept) or one derived ahead and waiting in the pool.
 * A payout to one of them would pay the gateway itself, or someone's invoice.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The ones among `addresses` the gateway manages as deposit addresses; one query whatever their number. */
export async function managedDepositAddresses(executor: Kysely<DB> | Transaction<DB>, addresses: readonly string[]): Promise<Set<string>> {
  const distinct = [...new Set(addresses)];
  if (distinct.length === 0) return new Set();
  const rows = await executor
    .selectFrom('payments')
    .select('deposit_address as address')
    .where('deposit_address', 'in', distinct)
    .union(executor.selectFrom('deposit_pool').select('address').where('address', 'in', distinct))
    .execute();
  return new Set(rows.flatMap((r) => (r.address === null ? [] : [r.address])));
}

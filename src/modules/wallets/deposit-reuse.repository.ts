/**
 * The question deposit-address reuse asks of storage (issue 19): which deposit addresses have gone
 * quiet. It reads payments, transfers and sweeps in one query, joined, as a repository may; the
 * pool's own rows (deposit_pool, deposit_activations) are the only ones it writes. Same SQL on both engines.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

export type Executor = Kysely<DB> | Transaction<DB>;

/** Statuses in which a payment can still be paid (migration 0011's partial unique index uses the same). */
const OPEN_STATUSES = ['pending', 'processing', 'confirmed', 'disputed'] as const;
const SWEEP_FINAL = ['completed', 'failed'] as const;

export interface QuietAddress {
  address: string;
  index: number;
}

export class DepositReuseRepository {
  /**
   * Deposit addresses of `payment_gateway` payments with an index above `afterIndex`, lowest index
   * first, at most `limit`, that are out
   * of the pool and quiet since `quietBefore`: every payment on them final, none created, changed or
   * expiring after it; no transfer to them (by block time or by recording time) after it; swept at
   * least once and no sweep of them in progress. Whether every credited amount was swept is
   * checked by the caller (money sums per asset).
   */
  async quietAddresses(executor: Executor, quietBefore: number, afterIndex: number, limit: number): Promise<QuietAddress[]> {
    const rows = await executor
      .selectFrom('payments as p')
      .select((eb) => ['p.deposit_address as address', eb.fn.max('p.deposit_index').as('deposit_index')])
      .where('p.deposit_address', 'is not', null)
      .where('p.deposit_index', '>', afterIndex)
      .where('p.payment_method', '=', 'payment_gateway')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('deposit_pool as dp').select('dp.deposit_index').whereRef('dp.address', '=', 'p.deposit_address'))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('chain_transfers as ct')
              .select('ct.id')
              .whereRef('ct.to_address', '=', 'p.deposit_address')
              .where((eb) => eb.or([eb('ct.block_timestamp', '>', quietBefore), eb('ct.created_at', '>', quietBefore)])),
          ),
        ),
      )
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('sweeps as s')
            .select('s.id')
            .whereRef('s.deposit_address', '=', 'p.deposit_address')
            .where('s.status', '=', 'completed'),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('sweeps as s')
              .select('s.id')
              .whereRef('s.deposit_address', '=', 'p.deposit_address')
              .where('s.status', 'not in', SWEEP_FINAL),
          ),
        ),
      )
      .groupBy('p.deposit_address')
      .having(sql<number>`max(case when p.status in (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))}) then 1 else 0 end)`, '=', 0)
      .having((eb) => eb.fn.max('p.updated_at'), '<=', quietBefore)
      .having(sql<number>`max(coalesce(p.expires_at, 0))`, '<=', quietBefore)
      .orderBy(sql`max(p.deposit_index)`)
      .limit(limit)
      .execute();
    return rows.flatMap((r) =>
      r.address === null || r.deposit_index === null ? [] : [{ address: r.address, index: Number(r.deposit_index) }],
    );
  }

  /** Puts the addresses back in the pool as activated, and records that they exist on chain; twice is harmless. */
  async returnToPool(trx: Transaction<DB>, addresses: readonly QuietAddress[], activatedAt: number): Promise<number> {
    if (addresses.length === 0) return 0;
    const pooled = await trx
      .insertInto('deposit_pool')
      .values(addresses.map((a) => ({ deposit_index: a.index, address: a.address, created_at: activatedAt, activated_at: activatedAt })))
      .onConflict((oc) => oc.column('deposit_index').doNothing())
      .executeTakeFirst();
    await trx
      .insertInto('deposit_activations')
      .values(addresses.map((a) => ({ address: a.address, deposit_index: a.index, activated_at: activatedAt })))
      .onConflict((oc) => oc.column('address').doNothing())
      .execute();
    return Number(pooled.numInsertedOrUpdatedRows ?? 0n);
  }

  /**
   * The deposit-address pool as an operator watches it: addresses derived and never used (`fresh`),
   * reused ones back in the pool already activated (`reusable`), and the merchant's addresses on a
   * payment that can still be paid (`inUse`). The pool is the gateway's, shared by its merchants.
   */
  async levels(executor: Executor, merchantId: string): Promise<{ fresh: number; reusable: number; inUse: number }> {
    const pool = await executor
      .selectFrom('deposit_pool')
      .select((eb) => [
        eb.fn.countAll<bigint | number | string>().as('total'),
        eb.fn.count<bigint | number | string>('activated_at').as('reusable'),
      ])
      .executeTakeFirstOrThrow();
    const used = await executor
      .selectFrom('payments')
      .select((eb) => eb.fn.count<bigint | number | string>('deposit_address').distinct().as('n'))
      .where('merchant_id', '=', merchantId)
      .where('status', 'in', [...OPEN_STATUSES])
      .executeTakeFirstOrThrow();
    const reusable = Number(pool.reusable);
    return { fresh: Number(pool.total) - reusable, reusable, inUse: Number(used.n) };
  }

  /** When each of these deposit addresses was known to exist on chain (absent: not known); sweeps skip activating them. */
  async activatedAt(executor: Executor, addresses: readonly string[]): Promise<Map<string, number>> {
    if (addresses.length === 0) return new Map();
    const rows = await executor
      .selectFrom('deposit_activations')
      .select(['address', 'activated_at'])
      .where('address', 'in', [...addresses])
      .execute();
    return new Map(rows.map((r) => [r.address, Number(r.activated_at)]));
  }
}

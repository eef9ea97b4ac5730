/**
 * Deposit addresses derived ahead of need. Deriving one costs ~100–150 µs of CPU (HMAC-SHA512, a
 * secp256k1 point addition, Keccak, base58); doing it while a payment is created puts that on every
 * create. The pool keeps `target` addresses derived in idle time, stored with their index (public data),
 * and creation claims the lowest ones inside its own transaction — so a rolled-back creation returns
 * them, and no index is ever skipped or used twice, across processes too (SKIP LOCKED on PostgreSQL).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { WriteBatch } from '../../db/bulk-insert.js';
import type { Engine } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { WalletAddresses } from './wallet-addresses.js';

export const DEPOSIT_COUNTER = 'deposit';
/** Addresses derived per refill step; a step holds no lock while it derives. */
const REFILL_STEP = 100;

export interface DepositAddress {
  index: number;
  address: string;
}

export class DepositAddressPool {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly engine: Engine,
    private readonly wallets: WalletAddresses,
    private readonly clock: Clock,
  ) {}

  /**
   * `count` deposit addresses for payments being created in `trx`: the lowest pooled ones, claimed with
   * the batch, and the rest derived by the returned function from indices it allocates in `trx`.
   */
  takeInto(batch: WriteBatch, count: number): (trx: Transaction<DB>) => Promise<DepositAddress[]> {
    if (count <= 0) return async () => [];
    const skipLocked = this.engine === 'postgres' ? ' for update skip locked' : '';
    const taken = batch.step<{ deposit_index: bigint | number; address: string }>(
      (p) =>
        `delete from deposit_pool where deposit_index in (select deposit_index from deposit_pool order by deposit_index limit ${p(count)}${skipLocked}) returning deposit_index, address`,
    );
    return async (trx) => {
      const result = taken.rows.map((r) => ({ index: Number(r.deposit_index), address: r.address })).sort((a, b) => a.index - b.index);
      const missing = count - result.length;
      if (missing > 0) {
        const row = await trx
          .insertInto('hd_counters')
          .values({ name: DEPOSIT_COUNTER, next_index: missing })
          .onConflict((oc) => oc.column('name').doUpdateSet({ next_index: sql`hd_counters.next_index + excluded.next_index` }))
          .returning('next_index')
          .executeTakeFirstOrThrow();
        const first = Number(row.next_index) - missing;
        for (let i = first; i < first + missing; i++) result.push({ index: i, address: this.wallets.depositAddress(i) });
      }
      return result;
    };
  }

  async available(): Promise<number> {
    const row = await this.db
      .selectFrom('deposit_pool')
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Derives one step of addresses if the pool holds fewer than `target`. The indices are derived first
   * and then claimed with a compare-and-set on the counter, so a concurrent claim elsewhere only makes
   * this step start over. Returns how many were added.
   */
  async refillStep(target: number): Promise<number> {
    if ((await this.available()) >= target) return 0;
    const current = await this.db.selectFrom('hd_counters').select('next_index').where('name', '=', DEPOSIT_COUNTER).executeTakeFirst();
    const first = current ? Number(current.next_index) : 0;
    const derived: DepositAddress[] = [];
    for (let i = first; i < first + REFILL_STEP; i++) derived.push({ index: i, address: this.wallets.depositAddress(i) });
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const claimed = current
        ? await trx
            .updateTable('hd_counters')
            .set({ next_index: first + REFILL_STEP })
            .where('name', '=', DEPOSIT_COUNTER)
            .where('next_index', '=', first)
            .executeTakeFirst()
        : await trx
            .insertInto('hd_counters')
            .values({ name: DEPOSIT_COUNTER, next_index: REFILL_STEP })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst();
      const changed = 'numUpdatedRows' in claimed ? claimed.numUpdatedRows : (claimed.numInsertedOrUpdatedRows ?? 0n);
      if (changed !== 1n) return 0;
      await trx
        .insertInto('deposit_pool')
        .values(derived.map((d) => ({ deposit_index: d.index, address: d.address, created_at: now })))
        .execute();
      return derived.length;
    });
  }
}

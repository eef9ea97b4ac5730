/**
 * Counters behind the limits: per-minute creation windows, per-day volume totals, and the HD index
 * allocator. Rows are locked for the rest of the transaction on PostgreSQL so that several processes
 * never both admit the last slot; SQLite has a single writer.
 */
import { sql, type Transaction } from 'kysely';
import type { Engine } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Asset } from '../../shared/money.js';
import { type MerchantUsage, utcDay, windowStart } from './limit-rules.js';

export class UsageRepository {
  constructor(private readonly engine: Engine) {}

  /** Reads (and locks) a merchant's usage for the minute and day of `now`. */
  async load(trx: Transaction<DB>, merchantId: string, assets: readonly Asset[], now: number, withBatches: boolean): Promise<MerchantUsage> {
    const scope = `merchant:${merchantId}`;
    const window = windowStart(now);
    const day = utcDay(now);
    const monthStart = day - (day % 100) + 1;
    await trx.insertInto('rate_windows').values({ scope, window_start: window, count: 0 }).onConflict((oc) => oc.doNothing()).execute();
    let rateQuery = trx.selectFrom('rate_windows').select('count').where('scope', '=', scope).where('window_start', '=', window);
    if (this.engine === 'postgres') rateQuery = rateQuery.forUpdate();
    const rate = await rateQuery.executeTakeFirstOrThrow();

    const dayTotals = new Map<Asset, bigint>();
    const monthTotals = new Map<Asset, bigint>();
    if (assets.length > 0) {
      await trx
        .insertInto('volume_totals')
        .values(assets.map((currency) => ({ merchant_id: merchantId, currency, day, total: 0 })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      let totalsQuery = trx
        .selectFrom('volume_totals')
        .select(['currency', 'day', 'total'])
        .where('merchant_id', '=', merchantId)
        .where('currency', 'in', [...assets])
        .where('day', '>=', monthStart)
        .where('day', '<=', day);
      if (this.engine === 'postgres') totalsQuery = totalsQuery.forUpdate();
      for (const row of await totalsQuery.execute()) {
        const asset = row.currency as Asset;
        const total = BigInt(row.total);
        monthTotals.set(asset, (monthTotals.get(asset) ?? 0n) + total);
        if (Number(row.day) === day) dayTotals.set(asset, total);
      }
    }

    let batchesInFlight = 0;
    if (withBatches) {
      const row = await trx
        .selectFrom('batches')
        .select((eb) => eb.fn.countAll<bigint>().as('count'))
        .where('merchant_id', '=', merchantId)
        .where('status', 'in', ['pending', 'processing'])
        .executeTakeFirstOrThrow();
      batchesInFlight = Number(row.count);
    }
    return { createdThisWindow: Number(rate.count), dayTotals, monthTotals, batchesInFlight };
  }

  /** Writes back what `load` returned after admitting units into it. */
  async save(trx: Transaction<DB>, merchantId: string, usage: MerchantUsage, now: number): Promise<void> {
    await trx
      .updateTable('rate_windows')
      .set({ count: usage.createdThisWindow })
      .where('scope', '=', `merchant:${merchantId}`)
      .where('window_start', '=', windowStart(now))
      .execute();
    const day = utcDay(now);
    for (const [currency, total] of usage.dayTotals) {
      await trx
        .updateTable('volume_totals')
        .set({ total })
        .where('merchant_id', '=', merchantId)
        .where('currency', '=', currency)
        .where('day', '=', day)
        .execute();
    }
  }

  /**
   * Counts payments per address in this minute window and returns the new count per address, for the
   * "many payments involving one address" flag.
   */
  async countAddressActivity(trx: Transaction<DB>, increments: ReadonlyMap<string, number>, now: number): Promise<Map<string, number>> {
    const window = windowStart(now);
    const result = new Map<string, number>();
    const entries = [...increments];
    for (let i = 0; i < entries.length; i += 500) {
      const rows = await trx
        .insertInto('rate_windows')
        .values(entries.slice(i, i + 500).map(([address, count]) => ({ scope: `address:${address}`, window_start: window, count })))
        .onConflict((oc) => oc.columns(['scope', 'window_start']).doUpdateSet({ count: sql`rate_windows.count + excluded.count` }))
        .returning(['scope', 'count'])
        .execute();
      for (const row of rows) result.set(row.scope.slice('address:'.length), Number(row.count));
    }
    return result;
  }

  /** Reserves `count` consecutive indices of a named HD counter and returns the first. */
  async allocateIndices(trx: Transaction<DB>, name: string, count: number): Promise<number> {
    await trx.insertInto('hd_counters').values({ name, next_index: 0 }).onConflict((oc) => oc.doNothing()).execute();
    const row = await trx
      .updateTable('hd_counters')
      .set({ next_index: sql`next_index + ${count}` })
      .where('name', '=', name)
      .returning('next_index')
      .executeTakeFirstOrThrow();
    return Number(row.next_index) - count;
  }

  /** Old rate windows are only needed for a minute; prune them now and then. */
  async pruneWindows(executor: Transaction<DB> | import('kysely').Kysely<DB>, olderThan: number): Promise<number> {
    const result = await executor.deleteFrom('rate_windows').where('window_start', '<', windowStart(olderThan)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

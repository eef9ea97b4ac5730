/**
 * Counters behind the limits: per-minute creation windows, per-day volume totals, and the HD index
 * allocator. Rows are locked for the rest of the transaction on PostgreSQL so that several processes
 * never both admit the last slot; SQLite has a single writer.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { WriteBatch } from '../../db/bulk-insert.js';
import type { Engine } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import type { Asset } from '../../shared/money.js';
import { type MerchantUsage, monthKey, utcDay, windowStart } from './limit-rules.js';

export class UsageRepository {
  constructor(private readonly engine: Engine) {}

  /** Reads (and locks) a merchant's usage for the minute and day of `now`; batches in flight are the caller's to fill in. */
  async load(trx: Transaction<DB>, merchantId: string, assets: readonly Asset[], now: number): Promise<MerchantUsage> {
    const scope = `merchant:${merchantId}`;
    const window = windowStart(now);
    const day = utcDay(now);
    const month = monthKey(day);
    await trx
      .insertInto('rate_windows')
      .values({ scope, window_start: window, count: 0 })
      .onConflict((oc) => oc.doNothing())
      .execute();
    let rateQuery = trx.selectFrom('rate_windows').select('count').where('scope', '=', scope).where('window_start', '=', window);
    if (this.engine === 'postgres') rateQuery = rateQuery.forUpdate();
    const rate = await rateQuery.executeTakeFirstOrThrow();

    const dayTotals = new Map<Asset, bigint>();
    const monthTotals = new Map<Asset, bigint>();
    if (assets.length > 0) {
      await trx
        .insertInto('volume_totals')
        .values(assets.flatMap((currency) => [day, month].map((d) => ({ merchant_id: merchantId, currency, day: d, total: 0 }))))
        .onConflict((oc) => oc.doNothing())
        .execute();
      let totalsQuery = trx
        .selectFrom('volume_totals')
        .select(['currency', 'day', 'total'])
        .where('merchant_id', '=', merchantId)
        .where('currency', 'in', [...assets])
        .where('day', 'in', [day, month]);
      if (this.engine === 'postgres') totalsQuery = totalsQuery.forUpdate();
      for (const row of await totalsQuery.execute()) {
        const asset = row.currency as Asset;
        const total = BigInt(row.total);
        if (Number(row.day) === month) monthTotals.set(asset, total);
        else dayTotals.set(asset, total);
      }
    }

    return { createdThisWindow: Number(rate.count), dayTotals, monthTotals, batchesInFlight: 0 };
  }

  /**
   * Adds a group's demand to the merchant's counters only if every limit still holds: conditional
   * increments written with the batch (the rows stay locked until the transaction ends). The returned
   * check, called after the batch is written, is false when a limit would be crossed; the caller then
   * rolls back and sorts out which request was over.
   */
  consumeInto(
    batch: WriteBatch,
    merchantId: string,
    demand: { count: number; totals: ReadonlyMap<Asset, bigint> },
    limits: { ratePerMinute: number },
    assets: AssetCatalog,
    now: number,
  ): () => boolean {
    if (demand.count > limits.ratePerMinute) return () => false;
    for (const [currency, amount] of demand.totals) {
      const { dailyLimit, monthlyLimit } = assets.get(currency).limits;
      if (amount > dailyLimit || amount > monthlyLimit) return () => false;
    }
    const rate = batch.step((p) =>
      [
        `insert into rate_windows (scope, window_start, "count") values (${p(`merchant:${merchantId}`)}, ${p(windowStart(now))}, ${p(demand.count)})`,
        ' on conflict (scope, window_start) do update set "count" = rate_windows."count" + excluded."count"',
        ` where rate_windows."count" + excluded."count" <= cast(${p(limits.ratePerMinute)} as bigint) returning "count"`,
      ].join(''),
    );
    if (demand.totals.size === 0) return () => rate.rows.length === 1;
    const day = utcDay(now);
    const month = monthKey(day);
    const volume = batch.step((p) => {
      const rows = [...demand.totals].flatMap(([currency, amount]) =>
        [day, month].map((d) => `(${p(merchantId)}, ${p(currency)}, ${p(d)}, ${p(amount)})`),
      );
      // each asset has its own daily and monthly limit (in its base units); PostgreSQL must be told a
      // parameter is numeric, and SQLite keeps it exact only as it is (a cast would make it a double)
      const money = (value: bigint) => (this.engine === 'postgres' ? `cast(${p(value)} as numeric)` : p(value));
      const limitOf = [...demand.totals.keys()].map((currency) => {
        const { dailyLimit, monthlyLimit } = assets.get(currency).limits;
        return ` when ${p(currency)} then case when volume_totals.day % 100 = 0 then ${money(monthlyLimit)} else ${money(dailyLimit)} end`;
      });
      return [
        `insert into volume_totals (merchant_id, currency, day, total) values ${rows.join(', ')}`,
        ' on conflict (merchant_id, currency, day) do update set total = money_add(volume_totals.total, excluded.total)',
        ` where money_cmp(money_add(volume_totals.total, excluded.total), case volume_totals.currency${limitOf.join('')} end) <= 0`,
        ' returning day',
      ].join('');
    });
    return () => rate.rows.length === 1 && volume.rows.length === 2 * demand.totals.size;
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
    for (const [currency, total] of usage.monthTotals) {
      await trx
        .updateTable('volume_totals')
        .set({ total })
        .where('merchant_id', '=', merchantId)
        .where('currency', '=', currency)
        .where('day', '=', monthKey(day))
        .execute();
    }
  }

  /**
   * Counts payments per address in this minute window, for the "many payments involving one address"
   * flag. Written with the batch; the returned function gives the new count per address afterwards.
   */
  countAddressActivityInto(batch: WriteBatch, increments: ReadonlyMap<string, number>, now: number): () => Map<string, number> {
    if (increments.size === 0) return () => new Map();
    const window = windowStart(now);
    // Sorted, so that concurrent transactions lock the rows in the same order.
    const entries = [...increments].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const upsert =
      ' on conflict (scope, window_start) do update set "count" = rate_windows."count" + excluded."count" returning scope, "count"';
    const counted = batch.step<{ scope: string; count: number | bigint }>((p) => {
      // PostgreSQL: two array parameters, not three per address (binding and planning thousands of
      // parameters took longer than the upsert itself for a 1000-item batch).
      if (this.engine === 'postgres') {
        const scopes = p(entries.map(([address]) => `address:${address}`));
        const counts = p(entries.map(([, count]) => count));
        return `insert into rate_windows (scope, window_start, "count") select s, ${p(window)}, c from unnest(${scopes}::text[], ${counts}::bigint[]) as t(s, c)${upsert}`;
      }
      const rows = entries.map(([address, count]) => `(${p(`address:${address}`)}, ${p(window)}, ${p(count)})`);
      return `insert into rate_windows (scope, window_start, "count") values ${rows.join(', ')}${upsert}`;
    });
    return () => new Map(counted.rows.map((row) => [row.scope.slice('address:'.length), Number(row.count)]));
  }

  /** Reserves `count` consecutive indices of a named HD counter and returns the first. */
  /** The merchant's day and month totals per asset at `now`, read without locking (for display). */
  async readTotals(db: Kysely<DB>, merchantId: string, now: number): Promise<{ day: Map<Asset, bigint>; month: Map<Asset, bigint> }> {
    const day = utcDay(now);
    const month = monthKey(day);
    const rows = await db
      .selectFrom('volume_totals')
      .select(['currency', 'day', 'total'])
      .where('merchant_id', '=', merchantId)
      .where('day', 'in', [day, month])
      .execute();
    const totals = { day: new Map<Asset, bigint>(), month: new Map<Asset, bigint>() };
    for (const row of rows) (Number(row.day) === month ? totals.month : totals.day).set(row.currency as Asset, BigInt(row.total));
    return totals;
  }

  async allocateIndices(executor: Transaction<DB> | Kysely<DB>, name: string, count: number): Promise<number> {
    const row = await executor
      .insertInto('hd_counters')
      .values({ name, next_index: count })
      .onConflict((oc) => oc.column('name').doUpdateSet({ next_index: sql`hd_counters.next_index + excluded.next_index` }))
      .returning('next_index')
      .executeTakeFirstOrThrow();
    return Number(row.next_index) - count;
  }

  /** Old rate windows are only needed for a minute; prune them now and then. */
  async pruneWindows(executor: Transaction<DB> | Kysely<DB>, olderThan: number): Promise<number> {
    const result = await executor.deleteFrom('rate_windows').where('window_start', '<', windowStart(olderThan)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/**
 * The scanner's watch set on both engines: payments created since the last look are added, payments that
 * commit late (created before the newest one seen, committed after the last look) are found by the window
 * count, and a full reload drops the ones that left.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WatchSet } from '../src/modules/scanner/watch-set.js';
import { fixedClock } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { toHexAddress } from '../src/tron/address.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './db-harness.js';
import { testAddresses } from './gateway-harness.js';
import { seedPayments } from './seed-payments.js';

const [D1, D2, D3, D4, PAYER, PAYEE] = testAddresses(6, 900) as [string, string, string, string, string, string];
const hex = toHexAddress;

describe.each(ENGINES)('watch set (%s)', (engine) => {
  let database: TestDatabase;
  let merchantId: string;
  const clock = fixedClock(1_800_000_000_000);
  let queries: string[];

  beforeEach(async () => {
    database = await openTestDatabase(engine);
    merchantId = newId('mer');
    await database.db
      .insertInto('merchants')
      .values({
        id: merchantId,
        name: 'm',
        hd_index: 0,
        status: 'active',
        settlement_frequency: null,
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .execute();
  });
  afterEach(async () => database.destroy());

  const seed = (createdAt: number, fields: { deposit?: string; method?: string; payer?: string; status?: string }) =>
    seedPayments(database.db, merchantId, [
      {
        amount: 1_000_000n,
        createdAt,
        status: fields.status ?? 'pending',
        method: fields.method ?? 'payment_gateway',
        depositAddress: fields.deposit ?? null,
        payerAddress: fields.payer ?? null,
        payeeAddress: PAYEE,
      },
    ]);
  /** a watch set whose reads are counted by the table they read rows from */
  const watchSet = () => {
    queries = [];
    const counting = database.db.withPlugin({
      transformQuery: (args) => {
        queries.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    return new WatchSet(counting, clock, { watchDays: 7, reloadMs: 600_000, overlapMs: 60_000 });
  };

  it('adds payments created since the last look, collections only', async () => {
    await seed(clock.now() - 1000, { deposit: D1 });
    const watch = watchSet();
    await watch.refresh();
    expect(watch.hasDeposit(hex(D1))).toBe(true);
    clock.advance(1000);
    await seed(clock.now(), { deposit: D2 });
    await seed(clock.now(), { method: 'direct_transfer', payer: PAYER });
    await seed(clock.now(), { method: 'route' });
    const key = watch.key;
    await watch.refresh();
    expect(watch.hasDeposit(hex(D2))).toBe(true);
    expect(watch.hasPair(hex(PAYER), hex(PAYEE))).toBe(true);
    expect(watch.size).toEqual({ deposits: 2, pairs: 1 });
    expect(watch.key).not.toBe(key);
  });

  it('reads a burst of new payments in pages, ties on created_at included', async () => {
    const watch = watchSet();
    await watch.refresh();
    const burst = testAddresses(2600, 5000);
    // 2,600 payments over 65 ms: pages of 250 end in the middle of a millisecond
    await seedPayments(
      database.db,
      merchantId,
      burst.map((address, i) => ({
        amount: 1n,
        createdAt: clock.now() + 1 + Math.floor(i / 40),
        status: 'pending',
        depositAddress: address,
      })),
    );
    clock.advance(1000);
    queries = [];
    await watch.refresh();
    expect(watch.size.deposits).toBe(2600);
    expect(burst.every((address) => watch.hasDeposit(hex(address)))).toBe(true);
    // eleven pages, the last one partial (nothing had been seen in the window before: no count)
    expect(queries).toHaveLength(11);
  });

  it('finds a payment that committed late: created before the newest one seen, within the overlap', async () => {
    const watch = watchSet();
    await watch.refresh();
    await seed(clock.now() + 5000, { deposit: D1 });
    clock.advance(6000);
    await watch.refresh();
    // created (by another process's clock) before D1, committed only now
    await seed(clock.now() - 4000, { deposit: D2 });
    await watch.refresh();
    expect(watch.hasDeposit(hex(D2))).toBe(true);
    // nothing new: a look reads no rows beyond the count
    queries = [];
    await watch.refresh();
    expect(queries).toEqual(['SelectQueryNode', 'SelectQueryNode']);
    expect(watch.size.deposits).toBe(2);
  });

  it('a late commit older than the overlap waits for the next full reload', async () => {
    const watch = watchSet();
    await watch.refresh();
    clock.advance(120_000);
    await seed(clock.now(), { deposit: D1 });
    await watch.refresh();
    await seed(clock.now() - 90_000, { deposit: D3 });
    await watch.refresh();
    expect(watch.hasDeposit(hex(D3))).toBe(false);
    await watch.refresh(true);
    expect(watch.hasDeposit(hex(D3))).toBe(true);
  });

  it('a full reload drops final payments older than watch_days and keeps open ones', async () => {
    const old = clock.now() - 8 * 86_400_000;
    await seed(old, { deposit: D1, status: 'completed' });
    await seed(old, { deposit: D2, status: 'pending' });
    await seed(clock.now(), { deposit: D4, status: 'completed' });
    const watch = watchSet();
    await watch.refresh();
    expect([D1, D2, D4].map((d) => watch.hasDeposit(hex(d)))).toEqual([false, true, true]);
  });
});

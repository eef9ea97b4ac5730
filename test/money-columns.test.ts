/**
 * Money columns hold amounts beyond 64 bits exactly, on both engines (migration 0007, docs/adr/0028):
 * rows written before the migration keep their values, sums and increments stay exact past 2^64, the
 * limits check compares wide totals, and the columns are typed as the migration says.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrate.js';
import { MONEY_COLUMNS } from '../src/db/migrations/0007_wide_money.js';
import { SEND_COST_MONEY_COLUMNS } from '../src/db/migrations/0009_send_costs.js';
import { moneyAdd, moneySum } from '../src/db/money-sql.js';
import { ENGINES, migrateBefore, openTestDatabase, type TestDatabase } from './db-harness.js';

const HUGE = 10n ** 40n + 7n; // far past 2^64 ≈ 1.8·10^19
const NOW = 1_767_225_600_000;

describe.each(ENGINES)('wide money columns (%s)', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  async function insertMerchant(db: TestDatabase['db']): Promise<void> {
    await db
      .insertInto('merchants')
      .values({
        id: 'mer_wide',
        name: 'Wide',
        hd_index: 77,
        status: 'active',
        settlement_frequency: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }

  it('keeps what was stored before the migration, and types every money column wide', async () => {
    database = await openTestDatabase(engine, { migrate: false });
    const { db } = database;
    await migrateBefore(database, '0007');
    await insertMerchant(db);
    await db
      .insertInto('merchant_balances')
      .values({ merchant_id: 'mer_wide', payee_address: 'TPayee', currency: 'USDT', balance: 2n ** 62n, updated_at: NOW })
      .execute();
    await migrateToLatest(db);

    const kept = await db.selectFrom('merchant_balances').select('balance').executeTakeFirstOrThrow();
    expect(kept.balance).toBe(2n ** 62n);
    for (const [table, columns] of Object.entries({
      ...MONEY_COLUMNS,
      chain_sends: [...(MONEY_COLUMNS.chain_sends ?? []), ...SEND_COST_MONEY_COLUMNS],
    })) {
      for (const column of columns)
        expect(await declaredType(database, table, column), `${table}.${column}`).toBe(engine === 'postgres' ? 'numeric' : 'money_text');
    }
    // indexes and foreign keys survived the rebuild on SQLite
    if (engine === 'sqlite') {
      const indexes = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'payments'`.execute(
        db,
      );
      expect(indexes.rows.length).toBeGreaterThan(1);
      // payment_history references the rebuilt payments table
      await expect(
        db
          .insertInto('payment_history')
          .values({ payment_id: 'pay_nobody', seq: 1, from_status: null, to_status: 'pending', reason: null, actor: null, at: NOW })
          .execute(),
      ).rejects.toThrow(/FOREIGN KEY/);
    }
  });

  it('stores, adds, sums and compares amounts past 2^64 exactly', async () => {
    database = await openTestDatabase(engine);
    const { db } = database;
    await insertMerchant(db);
    const balance = (payee: string, amount: bigint) => ({
      merchant_id: 'mer_wide',
      payee_address: payee,
      currency: 'USDD',
      balance: amount,
      updated_at: NOW,
    });
    await db
      .insertInto('merchant_balances')
      // TD as a JS number: stored as the integer it is ("0", not "0.0")
      .values([balance('TA', HUGE), balance('TB', HUGE + 1n), balance('TC', 5n), { ...balance('TD', 0n), balance: 0 }])
      .execute();
    // an increment the way the ledger posts one
    await db
      .insertInto('merchant_balances')
      .values(balance('TA', HUGE))
      .onConflict((oc) =>
        oc
          .columns(['merchant_id', 'payee_address', 'currency'])
          .doUpdateSet((eb) => ({ balance: moneyAdd(eb.ref('merchant_balances.balance'), HUGE) })),
      )
      .execute();
    const rows = await db.selectFrom('merchant_balances').select(['payee_address', 'balance']).orderBy('payee_address').execute();
    expect(rows).toEqual([
      { payee_address: 'TA', balance: 2n * HUGE },
      { payee_address: 'TB', balance: HUGE + 1n },
      { payee_address: 'TC', balance: 5n },
      { payee_address: 'TD', balance: 0n },
    ]);
    const total = await db.selectFrom('merchant_balances').select(moneySum('balance').as('total')).executeTakeFirstOrThrow();
    expect(BigInt(total.total)).toBe(3n * HUGE + 6n);
    const none = await db
      .selectFrom('merchant_balances')
      .select(moneySum('balance').as('total'))
      .where('currency', '=', 'TRX')
      .executeTakeFirstOrThrow();
    expect(BigInt(none.total)).toBe(0n);
    const positive = await db.selectFrom('merchant_balances').select('payee_address').where('balance', '>', 0).execute();
    expect(positive).toHaveLength(3);
    const cmp = await sql<{ lt: number; eq: number; gt: number }>`select
      money_cmp(${HUGE}, ${HUGE + 1n}) as lt, money_cmp(${HUGE}, ${HUGE}) as eq, money_cmp(${HUGE + 1n}, ${5n}) as gt`.execute(db);
    const [row] = cmp.rows;
    expect([Number(row?.lt), Number(row?.eq), Number(row?.gt)]).toEqual([-1, 0, 1]);
  });

  it('money columns added after 0007 are wide too, and a claim keyed by a huge amount is found by it exactly', async () => {
    database = await openTestDatabase(engine);
    const { db } = database;
    const wide = engine === 'postgres' ? 'numeric' : 'money_text';
    expect(await declaredType(database, 'payments', 'amount_due')).toBe(wide);
    expect(await declaredType(database, 'unique_amount_claims', 'amount')).toBe(wide);
    await db
      .insertInto('unique_amount_claims')
      .values([
        { payee_address: 'TPayee', asset: 'USDD', amount: HUGE, payment_id: 'pay_a', claimed_at: NOW },
        { payee_address: 'TPayee', asset: 'USDD', amount: HUGE + 1n, payment_id: 'pay_b', claimed_at: NOW },
      ])
      .execute();
    const found = await db
      .selectFrom('unique_amount_claims')
      .select(['payment_id', 'amount'])
      .where('amount', '=', HUGE + 1n)
      .execute();
    expect(found).toEqual([{ payment_id: 'pay_b', amount: HUGE + 1n }]);
  });
});

async function declaredType(database: TestDatabase, table: string, column: string): Promise<string> {
  if (database.engine === 'postgres') {
    const result = await sql<{ data_type: string }>`select data_type from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(database.db);
    return result.rows[0]?.data_type ?? 'missing';
  }
  const result = await sql<{ name: string; type: string }>`select name, type from pragma_table_info(${table})`.execute(database.db);
  return result.rows.find((r) => r.name === column)?.type ?? 'missing';
}

/**
 * `instant` settlement and `min_settlement_amount` act on the ledger credit itself (ADR 0033): the
 * transaction that credits a collection also queues the settlement look (`settlement.kick`) when the
 * credit makes its balance due, so the settlement starts at the next job run, not at the periodic one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools, USDT } from './refunds-harness.js';

describe.each(ENGINES)('settlement queued by the credit (%s)', (engine) => {
  let gw: MoneyGateway;
  const t = moneyTools(() => gw);
  beforeAll(async () => {
    // daily by default, with a threshold of 10 USDT; the periodic job would not look for an hour
    gw = await startMoneyGateway(engine, {
      config: { settlement: { frequency: 'daily', min_settlement_amount: '10', check_interval_seconds: 3600 } },
    });
    await t.scanner().scanOnce();
  });
  afterAll(async () => gw?.close());

  const kicks = async () =>
    Number(
      (
        await gw.db.db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<bigint>().as('n'))
          .where('type', '=', 'settlement.kick')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const settlementsOf = (payee: string) =>
    gw.db.db.selectFrom('settlements').select(['id', 'status']).where('payee_address', '=', payee).execute();

  it('a credit below the threshold queues nothing; the one that reaches it queues the settlement', async () => {
    const payer = await t.payer();
    const payee = gw.addresses[0] as string;
    const before = await kicks();
    await t.collect(payer, { amount: '6', payee_address: payee, payment_method: 'payment_gateway' }, 6n * USDT);
    expect(await kicks()).toBe(before);
    await t.collect(payer, { amount: '6', payee_address: payee, payment_method: 'payment_gateway' }, 6n * USDT);
    expect(await kicks()).toBe(before + 1);
    await gw.core.runner.runOnce();
    expect((await settlementsOf(payee)).map((s) => s.status)).toEqual(['initiated']);
  });

  it('an instant merchant’s credit queues the settlement whatever the amount', async () => {
    await gw.db.db.updateTable('merchants').set({ settlement_frequency: 'instant' }).where('id', '=', gw.merchantId).execute();
    const payer = await t.payer();
    const payee = gw.addresses[1] as string;
    const before = await kicks();
    await t.collect(payer, { amount: '2', payee_address: payee, payment_method: 'payment_gateway' }, 2n * USDT);
    expect(await kicks()).toBe(before + 1);
    await gw.core.runner.runOnce();
    expect((await settlementsOf(payee)).map((s) => s.status)).toEqual(['initiated']);
  });
});

/**
 * Refunds end to end on the in-process devnet (SPEC §3.8): a payer pays an invoice, the merchant refunds
 * part of it and then the rest; each refund is sent from the hot wallet, lands at the payer's address and
 * emits `payment.refunded`; the full one moves the payment to `refunded`. Overpayments are refunded
 * automatically when configured, and a refund the hot wallet cannot cover fails and gives its ledger
 * debit back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { usdtBalance } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools, type RefundJson, USDT } from './refunds-harness.js';

describe.each(ENGINES)('refunds on the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  const t = moneyTools(() => gw);
  beforeAll(async () => {
    gw = await startMoneyGateway(engine, { config: { refunds: { auto_refund: true } } });
    await t.scanner().scanOnce(); // the first pass starts the cursor at the head
  });
  afterAll(async () => gw?.close());

  const refundOf = async (id: string, key = gw.adminKey) =>
    (await gw.call<RefundJson>('GET', `/api/v1/payments/refunds/${id}`, { key })).body;
  const refundedEvents = async (paymentId: string) =>
    (
      await gw.db.db
        .selectFrom('outbox')
        .select(['type', 'payload'])
        .where('aggregate_id', '=', paymentId)
        .where('type', '=', 'payment.refunded')
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((r) => (JSON.parse(r.payload) as { data: { object: PaymentJson & { refund: RefundJson } } }).data.object);
  const ledgerOf = async (paymentPayee: string) =>
    (await gw.core.ledger.balances(gw.db.db, gw.merchantId)).find((b) => b.payeeAddress === paymentPayee && b.currency === 'USDT')
      ?.balance ?? 0n;

  it('a partial and then a full refund land at the payer; the payment ends refunded with two payment.refunded events', async () => {
    const payer = await t.payer();
    const payee = gw.addresses[0] as string;
    const { payment } = await t.collect(payer, { amount: '40', payee_address: payee, payer_address: payer.base58 }, 40n * USDT);
    const before = await usdtBalance(gw.devnet, payer.base58);
    const credited = await ledgerOf(payee);

    const partial = await t.refund({ payment_id: payment.payment_id, amount: '15', reason: 'user_request' });
    expect(partial.status, partial.text).toBe(201);
    expect(partial.body).toMatchObject({ status: 'pending', amount: '15', refund_address: payer.base58, origin: 'api' });
    expect(await ledgerOf(payee)).toBe(credited - 15n * USDT);
    await t.settleSends();
    const done = await refundOf(partial.body.refund_id);
    expect(done).toMatchObject({ status: 'completed', amount: '15' });
    expect(done.transaction_id).toMatch(/^[0-9a-f]{64}$/);
    expect(done.network_fee).not.toBeNull();
    expect(await usdtBalance(gw.devnet, payer.base58)).toBe(before + 15n * USDT);
    expect((await t.get(payment.payment_id)).status).toBe('completed');

    // the rest, by default amount and address
    const rest = await t.refund({ payment_id: payment.payment_id, reason: 'user_request' });
    expect(rest.status, rest.text).toBe(201);
    expect(rest.body.amount).toBe('25');
    await t.settleSends();
    expect((await refundOf(rest.body.refund_id)).status).toBe('completed');
    expect(await usdtBalance(gw.devnet, payer.base58)).toBe(before + 40n * USDT);
    expect((await t.get(payment.payment_id)).status).toBe('refunded');

    const events = await refundedEvents(payment.payment_id);
    expect(events.map((e) => [e.status, e.refund.refund_id, e.refund.status])).toEqual([
      ['completed', partial.body.refund_id, 'completed'],
      ['refunded', rest.body.refund_id, 'completed'],
    ]);
    // nothing is left to refund
    const more = await t.refund({ payment_id: payment.payment_id, amount: '1' });
    expect(more.status).toBe(409);
  });

  it('refunds to the sender seen on chain when the payment has no payer_address', async () => {
    const payer = await t.payer();
    const { payment } = await t.collect(payer, { amount: '5', payee_address: gw.addresses[1] }, 5n * USDT);
    expect(payment.payer_address).toBeNull();
    const res = await t.refund({ payment_id: payment.payment_id, amount: '2', reason: 'merchant_initiated' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.refund_address).toBe(payer.base58);
  });

  it('refunds an overpayment automatically (refunds.auto_refund) to the payer, reason duplicate_payment', async () => {
    const payer = await t.payer();
    const payee = gw.addresses[2] as string;
    const { payment } = await t.collect(payer, { amount: '10', payee_address: payee }, 13n * USDT);
    expect(payment.exception).toBe('overpaid');
    const credited = await ledgerOf(payee);
    const before = await usdtBalance(gw.devnet, payer.base58);
    await t.settleSends(); // the refund.auto job creates the refund, the sender sends it
    const rows = await gw.db.db.selectFrom('refunds').selectAll().where('payment_id', '=', payment.payment_id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ origin: 'auto', reason: 'duplicate_payment', refund_address: payer.base58, status: 'completed' });
    expect(BigInt(rows[0]?.amount ?? 0)).toBe(3n * USDT);
    expect(await usdtBalance(gw.devnet, payer.base58)).toBe(before + 3n * USDT);
    // the excess was never credited to the merchant, so refunding it takes nothing from the ledger
    expect(await ledgerOf(payee)).toBe(credited);
    expect((await t.get(payment.payment_id)).status).toBe('completed');
    expect((await refundedEvents(payment.payment_id)).map((e) => e.refund.amount)).toEqual(['3']);
    // running the job again refunds nothing more
    await gw.core.refunds.runAutoRefund({ payment_id: payment.payment_id, excess: (3n * USDT).toString(), sender: payer.base58 });
    expect(await gw.count('refunds')).toBeGreaterThan(0);
    expect(await gw.db.db.selectFrom('refunds').select('id').where('payment_id', '=', payment.payment_id).execute()).toHaveLength(1);
  });

  it('a refund the hot wallet cannot cover fails and gives its ledger debit back', async () => {
    const poor = await gw.createMerchant('poor refunder');
    await gw.fund(poor.hotWalletAddress, { trx: '100' });
    gw.mine(1);
    const payer = await t.payer();
    const payee = gw.addresses[3] as string;
    const { payment } = await t.collect(
      payer,
      { amount: '20', payee_address: payee, payer_address: payer.base58 },
      20n * USDT,
      poor.adminKey,
    );
    const balance = async () =>
      (await gw.core.ledger.balances(gw.db.db, poor.merchantId)).find((b) => b.payeeAddress === payee)?.balance ?? 0n;
    const credited = await balance();
    const res = await t.refund({ payment_id: payment.payment_id, amount: '20', reason: 'user_request' }, poor.adminKey);
    expect(res.status, res.text).toBe(201);
    expect(await balance()).toBe(credited - 20n * USDT);
    await t.settleSends();
    const failed = await refundOf(res.body.refund_id, poor.adminKey);
    expect(failed.status).toBe('failed');
    expect(failed.failure_reason).toMatch(/^insufficient_funds/);
    expect(await balance()).toBe(credited);
    // the failed refund no longer counts: the whole amount can be asked again
    const again = await t.refund({ payment_id: payment.payment_id, amount: '20', reason: 'user_request' }, poor.adminKey);
    expect(again.status, again.text).toBe(201);
  });
});

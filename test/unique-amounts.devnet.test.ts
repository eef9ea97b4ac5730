/**
 * `direct_transfer` without a payer (issue 19): the gateway gives each payment a unique amount among the
 * payee's open ones, the payer sends exactly that straight to the payee (TronWeb on the devnet), and the
 * scanner matches it by payee and exact amount. Both engines.
 */
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { newWallet, type TestWallet } from './devnet-harness.js';
import type { PaymentJson, ProblemJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

const MAX_OFFSET = 120;
const units = (text: string): bigint => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole ?? '0') * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
};

describe.each(ENGINES)('unique-amount direct transfers (%s)', (engine) => {
  let gw: MoneyGateway;
  let payer: TestWallet;
  let payee: string;
  const overpaid: string[] = [];
  const open: PaymentJson[] = [];

  beforeAll(async () => {
    gw = await startMoneyGateway(engine, { config: { payment_processing: { unique_amount_max_offset: MAX_OFFSET } } });
    gw.core.collections?.setOverpaidHandler(async (_trx, payment) => {
      overpaid.push(payment.id);
    });
    payer = newWallet();
    payee = gw.addresses[0] as string;
    await gw.fund(payer.base58, { trx: '1000', usdt: '10000' });
    gw.mine(1);
    await scan(); // the first pass starts the cursor at the head
  });
  afterAll(async () => gw?.close());

  const scan = async () => {
    if (!gw.core.scanner) throw new Error('no scanner');
    await gw.core.scanner.scanOnce();
  };
  const createDirect = (amount = '100') =>
    gw.call<PaymentJson & ProblemJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payment_method: 'direct_transfer', amount, payee_address: payee },
    });
  const get = async (id: string): Promise<PaymentJson & { amount_due: string | null }> =>
    (await gw.call<PaymentJson & { amount_due: string | null }>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body;
  const amountDue = (p: PaymentJson) => (p as PaymentJson & { amount_due: string | null }).amount_due;
  const claims = () => gw.db.db.selectFrom('unique_amount_claims').selectAll().execute();
  const statuses = async () => new Set(await Promise.all(open.map(async (p) => (await get(p.payment_id)).status)));

  it('100 concurrent creates to one payee get 100 distinct amounts due: the price plus the 100 smallest offsets', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => createDirect()));
    for (const a of answers) expect(a.status, a.text).toBe(201);
    const created = answers.map((a) => a.body);
    open.push(...created);
    const dues = created.map((p) => amountDue(p) as string);
    expect(new Set(dues).size).toBe(100);
    expect(dues.map(units).sort((a, b) => (a < b ? -1 : 1))).toEqual(Array.from({ length: 100 }, (_, i) => 100_000_000n + BigInt(i + 1)));
    // the price, fee and net amount are the merchant's, as for any other payment of 100
    for (const p of created)
      expect([p.amount, p.payment_method, p.deposit_address, p.payer_address]).toEqual(['100', 'direct_transfer', null, null]);
    expect(new Set(created.map((p) => p.fee)).size).toBe(1);
    const held = await claims();
    expect(held).toHaveLength(100);
    expect(new Set(held.map((c) => c.payment_id))).toEqual(new Set(created.map((p) => p.payment_id)));
  });

  it('the database refuses a second claim of an amount in use, whatever the code does', async () => {
    const [first] = await claims();
    if (!first) throw new Error('no claim');
    await expect(
      gw.db.db
        .insertInto('unique_amount_claims')
        .values({ ...first, payment_id: 'pay_intruder' })
        .execute(),
    ).rejects.toThrow();
  });

  it('when every amount of the range is held, a create answers 409 naming amount', async () => {
    const more = await Promise.all(Array.from({ length: MAX_OFFSET - 100 }, () => createDirect()));
    for (const a of more) expect(a.status, a.text).toBe(201);
    open.push(...more.map((a) => a.body));
    const refused = await createDirect();
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.code).toBe('conflict');
    expect(refused.body.errors[0]?.path).toBe('amount');
    expect(refused.body.errors[0]?.message).toContain('100.000001 to 100.00012');
    // another price is another range
    const other = await createDirect('7');
    expect(other.status, other.text).toBe(201);
    expect(amountDue(other.body)).toBe('7.000001');
    open.push(other.body);
  });

  it('TronWeb pays one exact amount to the payee: that payment alone completes, not overpaid', async () => {
    const target = open[36] as PaymentJson;
    const due = units(amountDue(target) as string);
    const tronWeb = new TronWeb({ fullHost: gw.devnet.url, privateKey: payer.privateKey });
    const usdt = await tronWeb.contract().at(gw.devnet.usdtAddress);
    const txid = await usdt.transfer(payee, due.toString()).send({ feeLimit: 30_000_000 });
    gw.mine(1);
    await scan();
    expect(['processing', 'confirmed']).toContain((await get(target.payment_id)).status);
    gw.mineUntilSolid();
    await scan();
    await scan();
    const paid = await get(target.payment_id);
    expect([paid.status, paid.amount_received, paid.exception, paid.transaction_id]).toEqual(['completed', amountDue(target), null, txid]);
    const others = open.filter((p) => p.payment_id !== target.payment_id);
    for (const p of others) expect((await get(p.payment_id)).status).toBe('pending');
    const recorded = await gw.db.db.selectFrom('chain_transfers').selectAll().where('tx_id', '=', txid).execute();
    expect(recorded.map((r) => [r.payment_id, r.match])).toEqual([[target.payment_id, 'direct']]);
    expect(overpaid).toEqual([]);
    // completion freed its amount
    expect((await claims()).some((c) => c.payment_id === target.payment_id)).toBe(false);
  });

  it('a transfer of an amount no payment is due matches none', async () => {
    const tronWeb = new TronWeb({ fullHost: gw.devnet.url, privateKey: payer.privateKey });
    const usdt = await tronWeb.contract().at(gw.devnet.usdtAddress);
    const txid = await usdt.transfer(payee, units('100.5').toString()).send({ feeLimit: 30_000_000 });
    gw.mine(1);
    await scan();
    const recorded = await gw.db.db.selectFrom('chain_transfers').selectAll().where('tx_id', '=', txid).execute();
    expect(recorded.map((r) => [r.payment_id, r.match, r.note])).toEqual([[null, 'unmatched', 'unknown_payment']]);
    const target = open[36] as PaymentJson;
    expect(await statuses()).toEqual(new Set(['pending', 'completed']));
    expect((await get(target.payment_id)).status).toBe('completed');
  });

  it('reconciliation expects exactly the amount due: the paying transaction verifies, another amount is a discrepancy', async () => {
    const reconcile = (paymentId: string, txId: string) =>
      gw.call<{ outcome: string; discrepancies: Array<{ code: string }> }>('POST', '/api/v1/payments/reconcile', {
        key: gw.adminKey,
        body: { payment_id: paymentId, external_transaction_id: txId },
      });
    const target = open[36] as PaymentJson;
    const paid = await get(target.payment_id);
    const verified = await reconcile(target.payment_id, paid.transaction_id as string);
    expect(verified.body.outcome, verified.text).toBe('verified');
    const [wrong] = await gw.db.db.selectFrom('chain_transfers').select('tx_id').where('match', '=', 'unmatched').execute();
    const pending = open[50] as PaymentJson;
    const refused = await reconcile(pending.payment_id, wrong?.tx_id as string);
    expect(
      refused.body.discrepancies.map((d) => d.code),
      refused.text,
    ).toEqual(['wrong_amount']);
    expect([(await get(pending.payment_id)).status, (await get(pending.payment_id)).amount_received]).toEqual(['pending', '0']);
  });

  it('expiry frees the amount: the next create gets the smallest free one, then the completed one', async () => {
    const first = open.find((p) => amountDue(p) === '100.000001') as PaymentJson;
    await gw.db.db
      .updateTable('payments')
      .set({ expires_at: Date.now() - 1000 })
      .where('id', '=', first.payment_id)
      .execute();
    expect(await gw.core.payments.expirePayment(first.payment_id)).toBe('expired');
    expect((await claims()).some((c) => c.payment_id === first.payment_id)).toBe(false);
    const again = await createDirect();
    expect(again.status, again.text).toBe(201);
    expect(amountDue(again.body)).toBe('100.000001');
    const next = await createDirect();
    expect(next.status, next.text).toBe(201);
    expect(amountDue(next.body)).toBe(amountDue(open[36] as PaymentJson));
  });

  it('cancelling frees the amount too', async () => {
    const second = open.find((p) => amountDue(p) === '100.000002') as PaymentJson;
    const cancelled = await gw.call('POST', `/api/v1/payments/${second.payment_id}/cancel`, { key: gw.adminKey, body: {} });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect((await claims()).some((c) => c.payment_id === second.payment_id)).toBe(false);
    const again = await createDirect();
    expect(again.status, again.text).toBe(201);
    expect(amountDue(again.body)).toBe('100.000002');
  });

  it('an expired payment is still paid late by its exact amount, when no open payment holds that amount', async () => {
    const created = await createDirect('9');
    expect(created.status, created.text).toBe(201);
    const due = amountDue(created.body) as string;
    expect(due).toBe('9.000001');
    await gw.db.db
      .updateTable('payments')
      .set({ expires_at: Date.now() - 1000 })
      .where('id', '=', created.body.payment_id)
      .execute();
    expect(await gw.core.payments.expirePayment(created.body.payment_id)).toBe('expired');
    const tronWeb = new TronWeb({ fullHost: gw.devnet.url, privateKey: payer.privateKey });
    const usdt = await tronWeb.contract().at(gw.devnet.usdtAddress);
    const txid = await usdt.transfer(payee, units(due).toString()).send({ feeLimit: 30_000_000 });
    gw.mine(1);
    await scan();
    gw.mineUntilSolid();
    await scan();
    await scan();
    const paid = await get(created.body.payment_id);
    expect([paid.status, paid.exception, paid.amount_received, paid.transaction_id]).toEqual(['completed', 'paid_late', due, txid]);
  });
});

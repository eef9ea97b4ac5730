/**
 * Collections on the devnet (SPEC §3.2, §3.3): test wallets pay invoices with real signed transfers, the
 * scanner (driven pass by pass) finds them and the payments move pending → processing → confirmed →
 * completed, with their webhook events in order and the ledger credited once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment } from '../src/modules/payments/payment.js';
import { ENGINES } from './db-harness.js';
import { broadcast, newWallet, signedTransfer, signedUsdtTransfer, type TestWallet } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

const USDT = 1_000_000n;
/** "12.5" → base units */
const units = (text: string): bigint => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole ?? '0') * USDT + BigInt(fraction.padEnd(6, '0'));
};

describe.each(ENGINES)('collections on the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  let payer: TestWallet;
  const overpaid: Array<{ paymentId: string; excess: bigint; sender: string }> = [];

  beforeAll(async () => {
    // two confirmations for normal priority, so processing and confirmed are separate passes
    gw = await startMoneyGateway(engine, {
      config: { payment_processing: { priorities: { normal: { confirmations: 2 } }, underpayment_tolerance: '0.01' } },
    });
    gw.core.collections?.setOverpaidHandler(async (_trx, payment, excess, sender) => {
      overpaid.push({ paymentId: payment.id, excess, sender });
    });
    payer = newWallet();
    await gw.fund(payer.base58, { trx: '1000', usdt: '10000' });
    gw.mine(1);
    await scan(); // the first pass starts the cursor at the head
  });
  afterAll(async () => gw?.close());

  const scanner = () => {
    if (!gw.core.scanner) throw new Error('no scanner');
    return gw.core.scanner;
  };
  const scan = () => scanner().scanOnce();
  const create = async (body: Record<string, unknown>): Promise<PaymentJson> => {
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key: gw.adminKey, body });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const get = async (id: string): Promise<PaymentJson> =>
    (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body;
  const payUsdt = async (to: string, amount: bigint, from = payer) => {
    const res = await broadcast(gw.devnet, signedUsdtTransfer(gw.devnet, from, to, amount));
    expect(res.json.result, JSON.stringify(res.json)).toBe(true);
  };
  const payTrx = async (to: string, amount: bigint, from = payer) => {
    const res = await broadcast(gw.devnet, signedTransfer(gw.devnet, from, to, amount));
    expect(res.json.result, JSON.stringify(res.json)).toBe(true);
  };
  const events = async (id: string) =>
    (await gw.db.db.selectFrom('outbox').select('type').where('aggregate_id', '=', id).orderBy('created_at').orderBy('id').execute()).map(
      (r) => r.type,
    );
  /** The payment's `payment.flagged` audit records: [exception before, exception after, actor]. */
  const flagsAudited = async (id: string) =>
    (
      await gw.db.db
        .selectFrom('audit_log')
        .select(['before', 'after', 'actor'])
        .where('entity_id', '=', id)
        .where('action', '=', 'payment.flagged')
        .orderBy('seq')
        .execute()
    ).map((r) => [JSON.parse(r.before ?? 'null').exception, JSON.parse(r.after ?? 'null').exception, r.actor]);
  const transfersOf = (id: string) => gw.db.db.selectFrom('chain_transfers').selectAll().where('payment_id', '=', id).execute();
  const expireNow = async (id: string) => {
    await gw.db.db
      .updateTable('payments')
      .set({ expires_at: Date.now() - 1000 })
      .where('id', '=', id)
      .execute();
    return gw.core.payments.expirePayment(id);
  };

  it('a USDT invoice paid in full: processing → confirmed → completed, events in order, ledger credited', async () => {
    const p = await create({ amount: '25', payee_address: gw.addresses[0] });
    expect(p.deposit_address).toBeTruthy();
    await payUsdt(p.deposit_address as string, 25n * USDT);
    gw.mine(1);
    await scan();
    let now = await get(p.payment_id);
    expect(now.status).toBe('processing');
    expect(now.amount_received).toBe('25');
    expect(now.confirmations).toBe(1);
    expect(now.transaction_id).toMatch(/^[0-9a-f]{64}$/);
    gw.mine(1);
    await scan();
    now = await get(p.payment_id);
    expect(now.status).toBe('confirmed');
    gw.mineUntilSolid();
    await scan();
    now = await get(p.payment_id);
    expect(now.status).toBe('completed');
    expect(now.finalized).toBe(true);
    expect(await events(p.payment_id)).toEqual(['payment.created', 'payment.started', 'payment.confirmed', 'payment.completed']);
    const balances = await gw.core.ledger.balances(gw.db.db, gw.merchantId);
    expect(balances.find((b) => b.payeeAddress === gw.addresses[0])?.balance).toBe(units(now.net_amount));
    const [transfer] = await transfersOf(p.payment_id);
    expect(transfer?.status).toBe('final');
    expect(await gw.core.collections?.senderOf(p.payment_id)).toBe(payer.base58);
  });

  it('two partial transfers add up; the first leaves it processing as underpaid', async () => {
    const p = await create({ amount: '10', payee_address: gw.addresses[1] });
    await payUsdt(p.deposit_address as string, 4n * USDT);
    gw.mine(2);
    await scan();
    let now = await get(p.payment_id);
    expect([now.status, now.amount_received, now.exception]).toEqual(['processing', '4', 'underpaid']);
    await payUsdt(p.deposit_address as string, 6n * USDT);
    gw.mine(2);
    await scan();
    gw.mineUntilSolid();
    await scan();
    now = await get(p.payment_id);
    expect([now.status, now.amount_received, now.exception]).toEqual(['completed', '10', null]);
    expect(await transfersOf(p.payment_id)).toHaveLength(2);
    // flagged once when it became underpaid; clearing the flag is in the step's own record
    expect(await flagsAudited(p.payment_id)).toEqual([[null, 'underpaid', 'system:scanner']]);
  });

  it('within the underpayment tolerance counts as paid', async () => {
    const p = await create({ amount: '100', payee_address: gw.addresses[1] });
    await payUsdt(p.deposit_address as string, 99n * USDT + 500_000n); // 0.5 % short, tolerance 1 %
    gw.mine(2);
    await scan();
    gw.mineUntilSolid();
    await scan();
    const now = await get(p.payment_id);
    expect([now.status, now.amount_received, now.exception]).toEqual(['completed', '99.5', null]);
  });

  it('underpaid at expiry fails with reason underpaid', async () => {
    const p = await create({ amount: '10', payee_address: gw.addresses[2] });
    await payUsdt(p.deposit_address as string, 3n * USDT);
    gw.mine(1);
    await scan();
    expect(await expireNow(p.payment_id)).toBe('expired');
    const now = await get(p.payment_id);
    expect([now.status, now.failure_reason, now.amount_received]).toEqual(['failed', 'underpaid', '3']);
    expect(await events(p.payment_id)).toEqual(['payment.created', 'payment.started', 'payment.failed']);
  });

  it('overpaid: completed with exception overpaid, the hook gets the excess and the sender', async () => {
    const p = await create({ amount: '10', payee_address: gw.addresses[3] });
    await payUsdt(p.deposit_address as string, 12n * USDT);
    gw.mine(2);
    await scan();
    gw.mineUntilSolid();
    await scan();
    const now = await get(p.payment_id);
    expect([now.status, now.exception, now.amount_received]).toEqual(['completed', 'overpaid', '12']);
    expect(overpaid).toContainEqual({ paymentId: p.payment_id, excess: 2n * USDT, sender: payer.base58 });
    expect(await flagsAudited(p.payment_id)).toEqual([[null, 'overpaid', 'system:scanner']]);
    // the payee is credited the net amount only; the excess stays refundable
    const entry = await gw.db.db.selectFrom('ledger_entries').selectAll().where('reference_id', '=', p.payment_id).executeTakeFirst();
    expect(entry?.kind).toBe('collection');
    expect(BigInt(entry?.amount ?? 0)).toBe(units(now.net_amount));
  });

  it('paid after expiry: the cancelled payment comes back as processing with paid_late and completes', async () => {
    const p = await create({ amount: '5', payee_address: gw.addresses[4] });
    expect(await expireNow(p.payment_id)).toBe('expired');
    expect((await get(p.payment_id)).status).toBe('cancelled');
    await payUsdt(p.deposit_address as string, 5n * USDT);
    gw.mine(1);
    await scan();
    let now = await get(p.payment_id);
    expect([now.status, now.exception]).toEqual(['processing', 'paid_late']);
    gw.mine(1);
    await scan();
    gw.mineUntilSolid();
    await scan();
    now = await get(p.payment_id);
    expect([now.status, now.exception]).toEqual(['completed', 'paid_late']);
    expect((await transfersOf(p.payment_id))[0]?.match).toBe('late');
    expect(await flagsAudited(p.payment_id)).toEqual([[null, 'paid_late', 'system:scanner']]);
  });

  it('a TRX invoice paid with TRX completes', async () => {
    const p = await create({ amount: '7', currency: 'TRX', payee_address: gw.addresses[5] });
    await payTrx(p.deposit_address as string, 7n * USDT);
    gw.mine(2);
    await scan();
    gw.mineUntilSolid();
    await scan();
    const now = await get(p.payment_id);
    expect([now.status, now.amount_received]).toEqual(['completed', '7']);
    expect((await transfersOf(p.payment_id))[0]?.log_index).toBe(-1n);
  });

  it('the wrong asset is recorded unmatched with a note, and the payment stays pending', async () => {
    const p = await create({ amount: '8', payee_address: gw.addresses[5] });
    await payTrx(p.deposit_address as string, 8n * USDT);
    gw.mine(1);
    await scan();
    expect((await get(p.payment_id)).status).toBe('pending');
    const [row] = await transfersOf(p.payment_id);
    expect([row?.match, row?.note, row?.asset]).toEqual(['unmatched', 'wrong_asset', 'TRX']);
  });

  it('direct_transfer: matched only from the payer and only after its creation', async () => {
    const payee = newWallet().base58;
    const stranger = newWallet();
    await gw.fund(stranger.base58, { usdt: '100', trx: '100' });
    gw.mine(1);
    // before the payment exists: the payer already paid the payee once
    await payUsdt(payee, 9n * USDT);
    gw.mine(1);
    await scan();
    const early = Number((await gw.tronChain.client.getNowBlock()).number);
    const p = await create({ amount: '9', payment_method: 'direct_transfer', payer_address: payer.base58, payee_address: payee });
    await payUsdt(payee, 9n * USDT, stranger);
    gw.mine(2);
    await scan();
    expect((await get(p.payment_id)).status).toBe('pending');
    // a rescan over the earlier block sees the payer → payee transfer, but before created_at: not credited
    await scanner().rescan(early, early);
    expect((await get(p.payment_id)).status).toBe('pending');
    const before = await transfersOf(p.payment_id);
    expect(before.map((r) => [r.match, r.note])).toEqual([['unmatched', 'before_created_at']]);
    await payUsdt(payee, 9n * USDT);
    gw.mine(2);
    await scan();
    gw.mineUntilSolid();
    await scan();
    const now = await get(p.payment_id);
    expect([now.status, now.amount_received]).toEqual(['completed', '9']);
    const fee = await gw.db.db.selectFrom('ledger_entries').selectAll().where('reference_id', '=', p.payment_id).executeTakeFirst();
    expect(fee?.kind).toBe('fee_owed');
    expect(BigInt(fee?.amount ?? 0)).toBeLessThan(0n);
  });

  it('records a range in one transaction; when one transfer fails, the ones before it are still recorded', async () => {
    const collections = gw.core.collections;
    if (!collections) throw new Error('no collections');
    const [a, b] = [
      await create({ amount: '2', payee_address: gw.addresses[6] }),
      await create({ amount: '2', payee_address: gw.addresses[6] }),
    ];
    const head = Number((await gw.tronChain.client.getNowBlock()).number);
    const observed = (to: string, n: number, amount: bigint) => ({
      txId: (0xfeed00 + n).toString(16).padStart(64, '0'),
      logIndex: 0,
      blockNumber: head,
      blockTimestamp: Date.now(),
      asset: 'USDT' as const,
      from: payer.base58,
      to,
      amount,
    });
    const tip = { head, solid: head - 1 };
    // a row that no engine stores (its NOT NULL block number is missing): that transfer alone fails
    const toA = observed(a.deposit_address as string, 1, 2n * USDT);
    const unstorable = { ...observed(gw.addresses[7] as string, 2, 2n * USDT), blockNumber: Number.NaN };
    const toB = observed(b.deposit_address as string, 3, 2n * USDT);
    await expect(collections.recordTransfers([toA, unstorable, toB], tip, 'scanner')).rejects.toThrow();
    expect((await get(a.payment_id)).amount_received).toBe('2');
    expect(await transfersOf(b.payment_id)).toHaveLength(0);
    const [second, third] = await collections.recordTransfers([toA, toB], tip, 'scanner');
    expect([second?.outcome, third?.outcome]).toEqual(['duplicate', 'credited']);
    expect((await get(b.payment_id)).amount_received).toBe('2');
  });

  it('the recorder credits a transfer at most once, whoever reports it', async () => {
    const p = await create({ amount: '3', payee_address: gw.addresses[6] });
    await payUsdt(p.deposit_address as string, 3n * USDT);
    gw.mine(1);
    await scan();
    const [row] = await transfersOf(p.payment_id);
    const collections = gw.core.collections;
    if (!row || !collections) throw new Error('not recorded');
    const again = await collections.recordTransfer(
      {
        txId: row.tx_id,
        logIndex: Number(row.log_index),
        blockNumber: Number(row.block_number),
        blockTimestamp: Number(row.block_timestamp),
        asset: 'USDT',
        from: row.from_address,
        to: row.to_address,
        amount: BigInt(row.amount),
      },
      { head: Number(row.block_number) + 5, solid: Number(row.block_number) },
      'reconciliation',
    );
    expect(again.outcome).toBe('duplicate');
    expect(again.paymentId).toBe(p.payment_id);
    expect((await get(p.payment_id)).amount_received).toBe('3');
    const stored = (await gw.core.payments.getStatus({ merchantId: gw.merchantId, actor: 'test' }, p.payment_id)) as {
      ok: true;
      value: Payment;
    };
    expect(stored.value.amountReceived).toBe(3n * USDT);
  });
});

/**
 * Payouts end to end on the in-process devnet: the `payout.send` job queues a send, the chain sender
 * checks, signs, stores and broadcasts it, the tracker follows it to completion — and every refusal
 * (insufficient funds, blacklisted recipient, deny-list, approval hold) leaves the chain untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { newWallet, postJson, trxBalance, usdtBalance } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

describe.each(ENGINES)('payouts on the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  const deniedAtStart = newWallet().base58;
  beforeAll(async () => {
    gw = await startMoneyGateway(engine, { config: { transaction_limits: { approval_threshold: '500', deny_list: [deniedAtStart] } } });
  });
  afterAll(async () => gw?.close());

  const create = async (body: Record<string, unknown>, key = gw.adminKey): Promise<PaymentJson> => {
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key, body: { payment_method: 'route', ...body } });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const get = async (id: string): Promise<PaymentJson> =>
    (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}?include=history`, { key: gw.adminKey })).body;
  const sender = () => gw.core.sender as NonNullable<typeof gw.core.sender>;
  const tracker = () => gw.core.tracker as NonNullable<typeof gw.core.tracker>;
  /** job → sign + broadcast → block → confirmed → solidified → completed */
  const settle = async () => {
    await gw.core.runner.runOnce();
    await sender().runOnce();
    gw.mine(1);
    await tracker().runOnce();
    gw.mineUntilSolid();
    await tracker().runOnce();
  };
  const sendsOf = async (paymentId: string) =>
    gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', paymentId).orderBy('sequence').execute();

  it('pays out USDT: the payee receives exactly net_amount, the payment completes with the TRX burned recorded', async () => {
    const payee = newWallet().base58;
    const payment = await create({ payee_address: payee, amount: '100', currency: 'USDT' });
    expect(payment.status).toBe('pending');

    await gw.core.runner.runOnce();
    const counts = await sender().runOnce();
    expect(counts).toMatchObject({ signed: 1, broadcast: 1, failed: 0 });
    const processing = await get(payment.payment_id);
    expect(processing.status).toBe('processing');
    const [send] = await sendsOf(payment.payment_id);
    expect(processing.transaction_id).toBe(send?.tx_id);
    expect(send?.signed_tx).toMatch(/^[0-9a-f]+$/);

    gw.mine(1);
    expect(await tracker().runOnce()).toMatchObject({ confirmed: 1 });
    const confirmed = await get(payment.payment_id);
    expect(confirmed.status).toBe('confirmed');
    expect(BigInt(confirmed.network_fee?.replace('.', '') ?? '0')).toBeGreaterThan(0n);

    gw.mineUntilSolid();
    expect(await tracker().runOnce()).toMatchObject({ completed: 1 });
    const completed = await get(payment.payment_id);
    expect(completed).toMatchObject({ status: 'completed', finalized: true, transaction_id: send?.tx_id });
    expect(completed.history?.map((h) => h.to)).toEqual(['pending', 'processing', 'confirmed', 'completed']);
    expect(await usdtBalance(gw.devnet, payee)).toBe(units(completed.net_amount));
    const [done] = await sendsOf(payment.payment_id);
    expect(done).toMatchObject({ status: 'completed' });
    expect(BigInt(done?.network_fee ?? 0)).toBeGreaterThan(0n);
    expect(BigInt(done?.energy_used ?? 0)).toBeGreaterThan(60_000n);
  });

  it('pays out TRX', async () => {
    const payee = newWallet().base58;
    const payment = await create({ payee_address: payee, amount: '25', currency: 'TRX' });
    await settle();
    const done = await get(payment.payment_id);
    expect(done.status).toBe('completed');
    expect(await trxBalance(gw.devnet, payee)).toBe(units(done.net_amount));
    expect(done.network_fee).not.toBeNull();
  });

  it('fails a USDT payout the hot wallet cannot cover with insufficient_funds, and sends nothing', async () => {
    const poor = await gw.createMerchant('poor merchant');
    await gw.fund(poor.hotWalletAddress, { trx: '100', usdt: '5' });
    gw.mine(1);
    const payee = newWallet().base58;
    const payment = await create({ payee_address: payee, amount: '50', currency: 'USDT' }, poor.adminKey);
    await settle();
    const failed = (await gw.call<PaymentJson>('GET', `/api/v1/payments/${payment.payment_id}`, { key: poor.adminKey })).body;
    expect(failed).toMatchObject({ status: 'failed', failure_reason: 'insufficient_funds' });
    expect(await usdtBalance(gw.devnet, payee)).toBe(0n);
    expect((await sendsOf(payment.payment_id)).map((s) => s.tx_id)).toEqual([null]);
  });

  it('fails a payout to a USDT-blacklisted recipient with recipient_blacklisted', async () => {
    const payee = newWallet().base58;
    expect((await postJson(`${gw.devnet.url}/devnet/blacklist`, { address: payee })).status).toBe(200);
    gw.mine(1);
    const payment = await create({ payee_address: payee, amount: '10', currency: 'USDT' });
    await settle();
    expect(await get(payment.payment_id)).toMatchObject({ status: 'failed', failure_reason: 'recipient_blacklisted' });
    expect(await usdtBalance(gw.devnet, payee)).toBe(0n);
  });

  it('refuses a deny-listed payee at creation, and fails a queued payout whose payee was deny-listed since', async () => {
    const denied = newWallet().base58;
    const payment = await create({ payee_address: denied, amount: '10' });
    const denyList = gw.config.raw.transaction_limits.deny_list;
    denyList.push(denied);
    try {
      const refused = await gw.call('POST', '/api/v1/payments/create', {
        key: gw.adminKey,
        body: { payment_method: 'route', payee_address: deniedAtStart, amount: '10' },
      });
      expect(refused.status).toBe(422);
      await settle();
      expect(await get(payment.payment_id)).toMatchObject({ status: 'failed', failure_reason: 'payee_denied' });
      expect(await sendsOf(payment.payment_id)).toEqual([]);
      expect(await usdtBalance(gw.devnet, denied)).toBe(0n);
    } finally {
      denyList.splice(denyList.indexOf(denied), 1);
    }
  });

  it('holds a payout at or above the approval threshold until it is approved', async () => {
    const payee = newWallet().base58;
    const payment = await create({ payee_address: payee, amount: '600' });
    expect(payment.approval_status).toBe('required');
    await settle();
    expect((await get(payment.payment_id)).status).toBe('pending');
    expect(await sendsOf(payment.payment_id)).toEqual([]);

    const approved = await gw.call('POST', `/api/v1/payments/${payment.payment_id}/approve`, { key: gw.adminKey });
    expect(approved.status).toBe(200);
    await settle();
    const done = await get(payment.payment_id);
    expect(done.status).toBe('completed');
    expect(await usdtBalance(gw.devnet, payee)).toBe(units(done.net_amount));
  });
});

/** "99.85" → 99_850_000n */
function units(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole as string) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

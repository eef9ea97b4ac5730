/**
 * Deposit-address reuse on the devnet (issue 19, `wallets.deposit_address_reuse: after_quiet_period`):
 * an invoice's address is paid (late, within the window), swept, left quiet for the quiet period, and
 * goes back to the pool already activated; the next invoice gets it, is paid and swept, and every
 * transfer goes to the invoice that held the address at its block time. The gateway's clock and the
 * devnet's blocks move together through the quiet period. Both engines.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPOSIT_REUSE_JOB } from '../src/modules/wallets/deposit-reuse.service.js';
import { ENGINES } from './db-harness.js';
import { newWallet, usdtBalance } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const units = (s: string) => {
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole as string) * 1_000_000n + BigInt(frac.padEnd(6, '0') || '0');
};

interface SettlementJson {
  settlement_id: string;
  status: string;
  sweeps?: Array<{ status: string; deposit_address: string; amount: string }>;
}

describe.each(ENGINES)('deposit-address reuse on the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  // the gateway's clock: real time shifted by `offset`; blocks are produced at this time too
  let offset = 0;
  const clock = { now: () => Date.now() + offset };
  const payee = newWallet().base58;
  let p1: PaymentJson;
  let p2: PaymentJson;
  let reused: string;

  beforeAll(async () => {
    gw = await startMoneyGateway(engine, {
      clock,
      config: {
        wallets: { deposit_address_reuse: 'after_quiet_period', quiet_period_days: 30 },
        payment_processing: { late_payment_window_days: 7 },
        settlement: { frequency: 'instant', min_settlement_amount: '100000', max_settlement_amount: '1000000' },
      },
    });
    mine(1);
    await scanner().scanOnce(); // the first pass starts the cursor at the head
  });
  afterAll(async () => gw?.close());

  const scanner = () => gw.core.scanner as NonNullable<typeof gw.core.scanner>;
  const mine = (n = 1) => {
    for (let i = 0; i < n; i++) gw.devnet.chain.produceBlock(BigInt(clock.now()));
  };
  const get = async (id: string): Promise<PaymentJson> =>
    (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body;
  const create = async (amount: string): Promise<PaymentJson> => {
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payee_address: payee, amount, currency: 'USDT', payment_method: 'payment_gateway' },
    });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  /** pays `amount` USDT to the address from the faucet and follows it until the payment completes */
  const payAndComplete = async (payment: PaymentJson, amount: string): Promise<PaymentJson> => {
    await gw.fund(payment.deposit_address as string, { usdt: amount });
    for (let i = 0; i < 12; i++) {
      mine(1);
      await scanner().scanOnce();
      const now = await get(payment.payment_id);
      if (now.status === 'completed') return now;
      await gw.core.runner.runOnce();
    }
    throw new Error(`${payment.payment_id} did not complete: ${(await get(payment.payment_id)).status}`);
  };
  const settle = async (key = gw.adminKey): Promise<SettlementJson> => {
    const settlement = gw.core.settlement as NonNullable<typeof gw.core.settlement>;
    const [id] = await settlement.runDue();
    expect(id).toBeTruthy();
    for (let i = 0; i < 30; i++) {
      await gw.core.runner.runOnce();
      await gw.core.sender?.runOnce();
      mine(1);
      await gw.core.tracker?.runOnce();
      const res = await gw.call<SettlementJson>('GET', `/api/v1/payments/settlements/${id}`, { key });
      if (res.body.status !== 'initiated') return res.body;
    }
    throw new Error(`settlement ${id} did not finish`);
  };
  const tipNow = () => {
    const head = Number(gw.devnet.chain.head.number);
    return { head, solid: head - 3 };
  };
  /** a USDT transfer found behind the scanner's back (as reconciliation records one), stamped `blockTimestamp` */
  const recordFound = (to: string, blockTimestamp: number, amount: bigint) => {
    const collections = gw.core.collections as NonNullable<typeof gw.core.collections>;
    const transfer = { txId: randomBytes(32).toString('hex'), logIndex: 0, blockNumber: 1, blockTimestamp, asset: 'USDT' };
    return collections.recordTransfer({ ...transfer, from: newWallet().base58, to, amount }, tipNow(), 'reconciliation');
  };
  const returnQuiet = () => gw.core.depositReuse.returnQuietAddresses();
  const transfersOfTx = (txId: string) => gw.db.db.selectFrom('chain_transfers').selectAll().where('tx_id', '=', txId).execute();

  it('an expired invoice paid within the late window is credited to it, and its address is swept', async () => {
    p1 = await create('30');
    reused = p1.deposit_address as string;
    offset += 2 * HOUR;
    expect(await gw.core.payments.expirePayment(p1.payment_id)).toBe('expired');
    const paid = await payAndComplete(p1, '30');
    expect([paid.status, paid.exception, paid.amount_received]).toEqual(['completed', 'paid_late', '30']);
    const done = await settle();
    expect(done.status).toBe('completed');
    expect(done.sweeps?.map((w) => [w.deposit_address, w.status, w.amount])).toEqual([[reused, 'completed', '30']]);
  });

  it('is not returned to the pool before the quiet period has passed', async () => {
    expect(await returnQuiet()).toBe(0);
    offset += 29 * DAY;
    mine(1);
    expect(await returnQuiet()).toBe(0);
  });

  it('an incoming transfer starts the quiet period again, even one that pays nothing', async () => {
    // the scanner no longer watches a payment final for watch_days: reconciliation records such a transfer
    const dust = await recordFound(reused, clock.now(), 1n);
    expect([dust.paymentId, dust.match, dust.note]).toEqual([p1.payment_id, 'unmatched', 'payment_final']);
    offset += 2 * DAY; // 31 days after the invoice, 2 after the transfer
    mine(1);
    expect(await returnQuiet()).toBe(0);
  });

  it('goes back to the pool after the quiet period, marked activated, once (the periodic job)', async () => {
    offset += 29 * DAY;
    mine(1);
    await gw.core.jobs.enqueue(gw.db.db, [{ type: DEPOSIT_REUSE_JOB, payload: {}, dedupeKey: DEPOSIT_REUSE_JOB }]);
    await gw.core.runner.runOnce();
    // it runs again later, not now
    const job = await gw.db.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', DEPOSIT_REUSE_JOB).executeTakeFirstOrThrow();
    expect(Number(job.run_at)).toBeGreaterThan(clock.now() + 60_000);
    const pooled = await gw.db.db.selectFrom('deposit_pool').selectAll().where('address', '=', reused).executeTakeFirstOrThrow();
    expect(Number(pooled.activated_at)).toBeGreaterThan(Date.parse(p1.created_at) + 30 * DAY);
    const known = await gw.core.depositReuse.activatedAt([reused, p1.payee_address]);
    expect([...known.keys()]).toEqual([reused]);
    expect(known.get(reused)).toBe(Number(pooled.activated_at));
    expect(await returnQuiet()).toBe(0);
  });

  it('the next invoice gets the reused address; a transfer from the old invoice’s time still goes to the old invoice', async () => {
    p2 = await create('50');
    expect(p2.deposit_address).toBe(reused);
    expect(await gw.db.db.selectFrom('deposit_pool').selectAll().where('address', '=', reused).execute()).toEqual([]);
    // recorded now (a late scan, a reconciliation), stamped within the old invoice's late window
    const old = await recordFound(reused, Date.parse(p1.created_at) + 3 * HOUR, 1_000_000n);
    expect([old.paymentId, old.match, old.note]).toEqual([p1.payment_id, 'unmatched', 'payment_final']);
    expect((await get(p2.payment_id)).status).toBe('pending');
  });

  it('is never returned while a payment on it is open, however old', async () => {
    offset += 31 * DAY;
    mine(1);
    expect((await get(p2.payment_id)).status).toBe('pending');
    expect(await returnQuiet()).toBe(0);
  });

  it('a payment after reuse goes to the new invoice only, and the second sweep takes just its amount', async () => {
    const paid = await payAndComplete(p2, '50');
    expect([paid.status, paid.exception, paid.amount_received]).toEqual(['completed', null, '50']);
    const before = await get(p1.payment_id);
    expect([before.status, before.amount_received]).toEqual(['completed', '30']);
    const credited = await transfersOfTx(paid.transaction_id as string);
    expect(credited.map((t) => [t.payment_id, t.match])).toEqual([[p2.payment_id, 'deposit']]);
    const done = await settle();
    expect(done.status).toBe('completed');
    expect(done.sweeps?.map((w) => [w.deposit_address, w.status, w.amount])).toEqual([[reused, 'completed', '50']]);
    expect(await usdtBalance(gw.devnet, reused)).toBe(0n);
    expect(await usdtBalance(gw.devnet, payee)).toBe(units('80') - units(p1.fee) - units(p2.fee));
  });

  it('reused by another merchant: its settlement sweeps its own payment, not counting the other balance’s sweeps', async () => {
    offset += 31 * DAY;
    mine(1);
    expect(await returnQuiet()).toBe(1);
    const other = await gw.createMerchant('Other shop');
    await gw.fund(other.hotWalletAddress, { trx: '1000' });
    const otherPayee = newWallet().base58;
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: other.adminKey,
      body: { payee_address: otherPayee, amount: '20', currency: 'USDT', payment_method: 'payment_gateway' },
    });
    expect(res.status, res.text).toBe(201);
    const p4 = res.body;
    expect(p4.deposit_address).toBe(reused);
    await gw.fund(reused, { usdt: '20' });
    for (
      let i = 0;
      i < 12 &&
      (await gw.call<PaymentJson>('GET', `/api/v1/payments/${p4.payment_id}`, { key: other.adminKey })).body.status !== 'completed';
      i++
    ) {
      mine(1);
      await scanner().scanOnce();
    }
    const done = await settle(other.adminKey);
    expect(done.status).toBe('completed');
    expect(done.sweeps?.map((w) => [w.deposit_address, w.status, w.amount])).toEqual([[reused, 'completed', '20']]);
    expect(await usdtBalance(gw.devnet, otherPayee)).toBe(units('20') - units(p4.fee));
  });

  it('an expired invoice is not paid by a transfer stamped after its late window', async () => {
    const p3 = await create('5');
    offset += 2 * HOUR;
    expect(await gw.core.payments.expirePayment(p3.payment_id)).toBe('expired');
    const expired = await get(p3.payment_id);
    const late = await recordFound(p3.deposit_address as string, Date.parse(expired.expires_at as string) + 8 * DAY, 5_000_000n);
    expect([late.paymentId, late.match, late.note]).toEqual([p3.payment_id, 'unmatched', 'late_window_passed']);
    expect((await get(p3.payment_id)).status).toBe('cancelled');
  });
});

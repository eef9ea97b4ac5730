/**
 * Hot-wallet sends when staked energy runs short (issue 19), on the devnet: the hot wallet stakes enough
 * energy for about one and a half USDT payouts; four payouts (urgent, high, normal, low) go out in one
 * batch. The urgent one spends staked energy, the high one burns TRX for what is missing at once, normal
 * and low wait. Once the energy has recovered the normal one goes on staked energy; the low one is still
 * short and burns when its wait (its priority's processing time) is over. Each decision is recorded on
 * its send and shown on the payment, and the recorded cost equals the receipt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/shared/clock.js';
import { ENGINES } from './db-harness.js';
import { newWallet, postJson } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

const HOLDER_TRANSFER_ENERGY = 64_285n;
const DAY_MS = 86_400_000;

interface Receipt {
  fee?: number;
  receipt: { energy_usage?: number; energy_fee?: number; result?: string };
}

describe.each(ENGINES)('burn or wait for energy by priority (%s)', (engine) => {
  let gw: MoneyGateway;
  const clock = fixedClock(Date.now());
  beforeAll(async () => {
    gw = await startMoneyGateway(engine, {
      clock,
      config: {
        energy: { strategy: 'stake', wait_recheck_seconds: 3 },
        payment_processing: { priorities: { normal: { processing_time_seconds: 60 }, low: { processing_time_seconds: 120 } } },
      },
      fundHotWallet: { trx: '100000', usdt: '1000' },
    });
  });
  afterAll(async () => gw?.close());

  const sender = () => gw.core.sender as NonNullable<typeof gw.core.sender>;
  const tracker = () => gw.core.tracker as NonNullable<typeof gw.core.tracker>;
  const sendOf = (ownerId: string) =>
    gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', ownerId).orderBy('sequence', 'desc').executeTakeFirstOrThrow();
  const receiptOf = async (txId: string | null) =>
    (await postJson(`${gw.devnet.url}/wallet/gettransactioninfobyid`, { value: txId })).json as unknown as Receipt;
  const land = async () => {
    gw.mine(1);
    await tracker().runOnce();
  };

  /** TRX to stake for `energy` at the devnet's current ratio (TotalEnergyLimit per TotalEnergyWeight TRX) */
  const trxFor = async (energy: bigint): Promise<bigint> => {
    const r = (await postJson(`${gw.devnet.url}/wallet/getaccountresource`, { address: gw.hotWalletAddress, visible: true })).json as {
      TotalEnergyLimit: number;
      TotalEnergyWeight: number;
    };
    return (energy * BigInt(r.TotalEnergyWeight)) / BigInt(r.TotalEnergyLimit) + 1n;
  };
  const energyLeft = async (): Promise<bigint> => {
    const r = (await postJson(`${gw.devnet.url}/wallet/getaccountresource`, { address: gw.hotWalletAddress, visible: true })).json as {
      EnergyLimit?: number;
      EnergyUsed?: number;
    };
    return BigInt(r.EnergyLimit ?? 0) - BigInt(r.EnergyUsed ?? 0);
  };

  it('urgent spends stake, high burns at once, normal waits for recovery, low burns after its wait', async () => {
    const trx = await trxFor((HOLDER_TRANSFER_ENERGY * 3n) / 2n);
    const staked = await gw.call<{ operation_id: string }>('POST', '/api/v1/wallet/stake', {
      key: gw.adminKey,
      body: { trx: trx.toString(), resource: 'ENERGY' },
    });
    expect(staked.status, staked.text).toBe(202);
    await gw.core.runner.runOnce();
    await sender().runOnce();
    await land();
    expect((await sendOf(staked.body.operation_id)).status).toBe('confirmed');
    const limit = await energyLeft();
    expect(limit).toBeGreaterThanOrEqual(HOLDER_TRANSFER_ENERGY);
    expect(limit).toBeLessThan(2n * HOLDER_TRANSFER_ENERGY);

    // payees that already hold USDT: each transfer needs the holder's 64,285 energy
    const payees = ['urgent', 'high', 'normal', 'low'].map((priority) => ({ priority, address: newWallet().base58 }));
    for (const p of payees) await gw.fund(p.address, { usdt: '1' });
    const ids: Record<string, string> = {};
    for (const p of payees) {
      const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
        key: gw.adminKey,
        body: { payment_method: 'route', payee_address: p.address, amount: '10', currency: 'USDT', priority: p.priority },
      });
      expect(res.status, res.text).toBe(201);
      ids[p.priority] = res.body.payment_id;
    }
    await gw.core.runner.runOnce();
    expect(await sender().runOnce()).toMatchObject({ claimed: 4, waiting: 2, signed: 2, failed: 0 });
    expect(await sendOf(ids.urgent as string)).toMatchObject({ status: 'broadcast', energy_decision: 'staked' });
    expect(await sendOf(ids.high as string)).toMatchObject({ status: 'broadcast', energy_decision: 'burn_priority' });
    for (const priority of ['normal', 'low']) {
      const send = await sendOf(ids[priority] as string);
      expect(send).toMatchObject({ status: 'queued', energy_decision: 'waiting', tx_id: null });
      expect(send.last_error).toMatch(/^waiting for energy: needs 64285, \d+ staked energy left; burns TRX from /);
      expect(Number(send.next_attempt_at)).toBe(clock.now() + 3_000);
    }
    // the sender does not take them again before they are due
    expect(await sender().runOnce()).toMatchObject({ claimed: 0 });
    await land();
    const urgent = await receiptOf((await sendOf(ids.urgent as string)).tx_id);
    expect(urgent.receipt).toMatchObject({ result: 'SUCCESS', energy_usage: Number(HOLDER_TRANSFER_ENERGY) });
    expect(urgent.receipt.energy_fee ?? 0).toBe(0);
    const high = await receiptOf((await sendOf(ids.high as string)).tx_id);
    expect(high.receipt.energy_fee ?? 0).toBeGreaterThan(0);
    expect(await sendOf(ids.high as string)).toMatchObject({ trx_burned: BigInt(high.fee ?? 0) });

    // a day later on chain the stake has recovered: the normal payout goes on staked energy, the low one still waits
    gw.devnet.advanceTime(DAY_MS);
    gw.mine(1);
    clock.advance(10_000);
    expect(await sender().runOnce()).toMatchObject({ claimed: 2, waiting: 1, signed: 1 });
    const normal = await sendOf(ids.normal as string);
    expect(normal).toMatchObject({ status: 'broadcast', energy_decision: 'staked', energy_wait_ms: 10_000n });
    expect((await sendOf(ids.low as string)).energy_decision).toBe('waiting');
    await land();
    expect((await receiptOf(normal.tx_id)).receipt.energy_fee ?? 0).toBe(0);

    // low's wait (120 s) runs out while energy is short: it burns
    clock.advance(120_000);
    expect(await sender().runOnce()).toMatchObject({ claimed: 1, waiting: 0, signed: 1 });
    const low = await sendOf(ids.low as string);
    expect(low).toMatchObject({ status: 'broadcast', energy_decision: 'burn_after_wait', energy_wait_ms: 130_000n });
    await land();
    const lowReceipt = await receiptOf(low.tx_id);
    expect(lowReceipt.receipt.energy_fee ?? 0).toBeGreaterThan(0);
    expect(await sendOf(ids.low as string)).toMatchObject({ status: 'confirmed', trx_burned: BigInt(lowReceipt.fee ?? 0) });

    // the payments say how their energy was paid
    const views = await Promise.all(
      Object.entries(ids).map(async ([priority, id]) => [
        priority,
        (await gw.call<PaymentJson & { energy_decision: unknown }>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body
          .energy_decision,
      ]),
    );
    expect(Object.fromEntries(views)).toEqual({
      urgent: { decision: 'staked', waited_seconds: 0 },
      high: { decision: 'burn_priority', waited_seconds: 0 },
      normal: { decision: 'staked', waited_seconds: 10 },
      low: { decision: 'burn_after_wait', waited_seconds: 130 },
    });
  });

  it('a signed send not yet broadcast has its energy spoken for: the next one waits instead of counting it twice', async () => {
    gw.devnet.advanceTime(DAY_MS);
    gw.mine(1);
    const left = await energyLeft();
    expect(left).toBeGreaterThanOrEqual(HOLDER_TRANSFER_ENERGY);
    expect(left).toBeLessThan(2n * HOLDER_TRANSFER_ENERGY);
    const payout = async (priority: string) => {
      const payee = newWallet().base58;
      await gw.fund(payee, { usdt: '1' });
      const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
        key: gw.adminKey,
        body: { payment_method: 'route', payee_address: payee, amount: '10', currency: 'USDT', priority },
      });
      expect(res.status, res.text).toBe(201);
      await gw.core.runner.runOnce();
      return res.body.payment_id;
    };
    // signed on staked energy, its bytes stored but not broadcast yet (the node's figure does not know it)
    const first = await payout('urgent');
    expect(await sender().runOnce({ signOnly: true })).toMatchObject({ signed: 1 });
    expect(await sendOf(first)).toMatchObject({ status: 'signed', energy_decision: 'staked' });
    const second = await payout('normal');
    expect(await sender().runOnce()).toMatchObject({ waiting: 1, broadcast: 1 });
    expect(await sendOf(first)).toMatchObject({ status: 'broadcast' });
    expect(await sendOf(second)).toMatchObject({ status: 'queued', energy_decision: 'waiting' });
    await land();
    expect((await receiptOf((await sendOf(first)).tx_id)).receipt.energy_fee ?? 0).toBe(0);
  });
});

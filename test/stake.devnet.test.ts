/**
 * Staking and a sweep on delegated energy end to end on the devnet (issue 19): the operator stakes hot-wallet
 * TRX through the API, a collection is swept under the `stake` strategy — the deposit address is activated,
 * the hot wallet delegates it energy (TronWeb sees the delegation), the sweep's receipt burns no TRX for
 * energy, and the delegation is gone once the reclaim lands.
 */
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { newWallet, postJson, usdtBalance } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, openSettlements, startMoneyGateway } from './money-harness.js';

const TRX = 1_000_000n;

describe.each(ENGINES)('staking and delegated sweeps on the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  let tw: TronWeb;
  beforeAll(async () => {
    gw = await startMoneyGateway(engine, {
      config: {
        energy: { strategy: 'stake', estimate_margin_percent: 10 },
        settlement: { frequency: 'instant', min_settlement_amount: '100000', max_settlement_amount: '1000000' },
      },
      fundHotWallet: { trx: '200000', usdt: '1000' },
    });
    tw = new TronWeb({ fullHost: gw.devnet.url });
  });
  afterAll(async () => gw?.close());

  const core = () => ({
    scanner: gw.core.scanner as NonNullable<typeof gw.core.scanner>,
    sender: gw.core.sender as NonNullable<typeof gw.core.sender>,
    tracker: gw.core.tracker as NonNullable<typeof gw.core.tracker>,
    settlement: gw.core.settlement as NonNullable<typeof gw.core.settlement>,
  });
  /** one round of the workers: jobs, sender, a block, tracker */
  const round = async () => {
    await gw.core.runner.runOnce();
    await core().sender.runOnce();
    gw.mine(1);
    await core().tracker.runOnce();
  };
  const sendOf = (ownerId: string) => gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', ownerId).executeTakeFirst();

  it('stakes through the API, then sweeps on delegated energy and takes it back', async () => {
    const staked = await gw.call<{ operation_id: string }>('POST', '/api/v1/wallet/stake', {
      key: gw.adminKey,
      body: { trx: '150000', resource: 'ENERGY' },
    });
    expect(staked.status, staked.text).toBe(202);
    for (let i = 0; i < 30 && (await sendOf(staked.body.operation_id))?.status !== 'completed'; i++) {
      await round();
      gw.mineUntilSolid();
      await core().tracker.runOnce();
    }
    expect(await sendOf(staked.body.operation_id)).toMatchObject({ status: 'completed', purpose: 'stake' });
    const account = await tw.trx.getAccount(gw.hotWalletAddress);
    expect(account.frozenV2?.find((f) => f.type === 'ENERGY')?.amount).toBe(Number(150_000n * TRX));

    // a collection to a fresh deposit address
    const payee = newWallet().base58;
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payee_address: payee, amount: '40', currency: 'USDT', payment_method: 'payment_gateway' },
    });
    expect(res.status, res.text).toBe(201);
    const deposit = res.body.deposit_address as string;
    await gw.fund(deposit, { usdt: '40' });
    for (let i = 0; i < 12; i++) {
      gw.mine(1);
      await core().scanner.scanOnce();
      await gw.core.runner.runOnce();
      const p = await gw.call<PaymentJson>('GET', `/api/v1/payments/${res.body.payment_id}`, { key: gw.adminKey });
      if (p.body.status === 'completed') break;
    }
    const [settlementId] = await openSettlements(gw);
    expect(settlementId).toBeTruthy();

    // follow the steps; while the sweep runs, TronWeb sees the energy lent to the deposit address
    let lent: unknown = null;
    for (let i = 0; i < 40; i++) {
      await round();
      const delegation = await gw.db.db
        .selectFrom('energy_delegations')
        .selectAll()
        .where('receiver_address', '=', deposit)
        .executeTakeFirst();
      if (delegation?.status === 'sweeping' && lent === null) {
        lent = await tw.trx.getDelegatedResourceV2(gw.hotWalletAddress, deposit, { confirmed: false });
      }
      if (delegation?.status === 'reclaimed') {
        const s = await gw.db.db
          .selectFrom('settlements')
          .select('status')
          .where('id', '=', settlementId as string)
          .executeTakeFirst();
        if (s?.status !== 'initiated') break;
      }
      if (i % 5 === 4) gw.mineUntilSolid();
    }
    const delegation = await gw.db.db
      .selectFrom('energy_delegations')
      .selectAll()
      .where('receiver_address', '=', deposit)
      .executeTakeFirstOrThrow();
    expect(delegation.status).toBe('reclaimed');
    expect(Number(delegation.needs_activation)).toBe(1);
    expect(lent).toMatchObject({
      delegatedResource: [
        {
          from: TronWeb.address.toHex(gw.hotWalletAddress),
          to: TronWeb.address.toHex(deposit),
          frozen_balance_for_energy: Number(delegation.sun),
        },
      ],
    });
    // gone after the reclaim
    expect(await tw.trx.getDelegatedResourceV2(gw.hotWalletAddress, deposit, { confirmed: false })).toEqual({});

    // the sweep: no fuel, its energy was the delegated one (energy_fee 0), the USDT is in the hot wallet
    const sweep = await gw.db.db.selectFrom('sweeps').selectAll().where('deposit_address', '=', deposit).executeTakeFirstOrThrow();
    expect(sweep, `${sweep.failure_reason}`).toMatchObject({ status: 'completed', fuel_amount: null });
    const sweepSend = await sendOf(sweep.id);
    expect(delegation.sweep_send_id).toBe(sweepSend?.id);
    const info = (await postJson(`${gw.devnet.url}/wallet/gettransactioninfobyid`, { value: sweepSend?.tx_id })).json as {
      receipt: { energy_usage?: number; energy_fee?: number; result?: string };
    };
    expect(info.receipt.result).toBe('SUCCESS');
    expect(info.receipt.energy_usage ?? 0).toBeGreaterThan(0);
    expect(info.receipt.energy_fee ?? 0).toBe(0);
    expect(await usdtBalance(gw.devnet, deposit)).toBe(0n);
    const purposes = (
      await gw.db.db
        .selectFrom('chain_sends')
        .select('purpose')
        .where('owner_id', 'in', [delegation.id, sweep.id])
        .orderBy('created_at')
        .execute()
    ).map((s) => s.purpose);
    expect(purposes).toEqual(['activation', 'delegate', 'sweep', 'reclaim']);
  });
});

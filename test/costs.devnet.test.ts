/**
 * What chain sends cost, recorded from their receipts, on the in-process devnet (both engines): a
 * collection fuelled (activating its deposit address) and swept into the hot wallet, and a payout. Each
 * send's recorded cost equals what the node's receipt says, field by field, and the API answers of the
 * payment, the settlement with its sweep and the payout show the sums as `network_cost`; /metrics counts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendCostFromReceipt } from '../src/modules/chain/send-cost.js';
import { sendCostOf } from '../src/modules/chain/send-records.js';
import type { TransactionInfo } from '../src/tron/node-json.js';
import { ENGINES } from './db-harness.js';
import { newWallet } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, openSettlements, startMoneyGateway } from './money-harness.js';

interface NetworkCostJson {
  energy_used: number;
  energy_delegated: number;
  energy_burned_trx: string;
  bandwidth_used: number;
  bandwidth_burned_trx: string;
  activation_trx: string;
  trx_burned: string;
}

const trx = (sun: bigint) => {
  const whole = sun / 1_000_000n;
  const frac = (sun % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
};

describe.each(ENGINES)('network cost of chain sends (%s)', (engine) => {
  let gw: MoneyGateway;
  beforeAll(async () => {
    gw = await startMoneyGateway(engine, {
      config: { settlement: { frequency: 'instant', min_settlement_amount: '100000', max_settlement_amount: '1000000' } },
    });
  });
  afterAll(async () => gw?.close());

  const workers = () => ({
    scanner: gw.core.scanner as NonNullable<typeof gw.core.scanner>,
    sender: gw.core.sender as NonNullable<typeof gw.core.sender>,
    tracker: gw.core.tracker as NonNullable<typeof gw.core.tracker>,
    settlement: gw.core.settlement as NonNullable<typeof gw.core.settlement>,
  });
  const receipt = async (txId: string): Promise<TransactionInfo> => {
    const info = await gw.tronChain.client.getTransactionInfoById(txId);
    if (!info) throw new Error(`no receipt for ${txId}`);
    return info;
  };
  /** every landed send of this owner: its recorded cost equals the cost read from the node's receipt */
  const expectRecordedAsReceipts = async (ownerIds: string[]) => {
    const rows = await gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', 'in', ownerIds).execute();
    expect(rows.length).toBeGreaterThan(0);
    let total = 0n;
    for (const row of rows) {
      const info = await receipt(row.tx_id as string);
      const bytes = (row.signed_tx as string).length / 2 + 64;
      expect(sendCostOf(row), `${row.purpose} ${row.tx_id}`).toEqual(sendCostFromReceipt(info, bytes));
      expect(BigInt(row.trx_burned as bigint)).toBe(info.fee);
      total += info.fee;
    }
    return { rows, total };
  };

  it('a fuelled, activated and swept collection: each send records its receipt; payment and settlement show the sums', async () => {
    const payee = newWallet().base58;
    const created = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payee_address: payee, amount: '40', currency: 'USDT', payment_method: 'payment_gateway' },
    });
    expect(created.status, created.text).toBe(201);
    const paymentId = created.body.payment_id;
    await gw.fund(created.body.deposit_address as string, { usdt: '40' });
    for (let i = 0; i < 12; i++) {
      gw.mine(1);
      await workers().scanner.scanOnce();
      await gw.core.runner.runOnce();
    }
    const [settlementId] = await openSettlements(gw);
    expect(settlementId).toBeDefined();
    for (let i = 0; i < 30; i++) {
      await gw.core.runner.runOnce();
      await workers().sender.runOnce();
      gw.mine(1);
      await workers().tracker.runOnce();
    }
    const settled = await gw.call<{
      status: string;
      network_cost: NetworkCostJson;
      sweeps: Array<{ sweep_id: string; network_cost: NetworkCostJson }>;
    }>('GET', `/api/v1/payments/settlements/${settlementId}`, { key: gw.adminKey });
    expect(settled.body.status).toBe('completed');
    const sweep = settled.body.sweeps[0] as { sweep_id: string; network_cost: NetworkCostJson };

    const swept = await expectRecordedAsReceipts([sweep.sweep_id]);
    // the fuel transfer created the deposit address's account; the sweep burned TRX for its energy (devnet burns)
    const fuel = swept.rows.find((r) => r.purpose === 'sweep_fuel');
    const sweepSend = swept.rows.find((r) => r.purpose === 'sweep');
    expect(BigInt(fuel?.activation_trx as bigint)).toBeGreaterThan(0n);
    expect(BigInt(sweepSend?.energy_used as bigint)).toBeGreaterThan(0n);
    expect(BigInt(sweepSend?.energy_burned_trx as bigint)).toBeGreaterThan(0n);
    expect(sweep.network_cost.trx_burned).toBe(trx(swept.total));
    expect(sweep.network_cost.activation_trx).toBe(trx(BigInt(fuel?.activation_trx as bigint)));
    expect(sweep.network_cost.energy_used).toBe(Number(sweepSend?.energy_used));

    // the payment shows what collecting it cost: its sweep and fuel
    const payment = await gw.call<PaymentJson & { network_cost: NetworkCostJson }>('GET', `/api/v1/payments/${paymentId}`, {
      key: gw.adminKey,
    });
    expect(payment.body.network_cost).toEqual(sweep.network_cost);
    const listed = await gw.call<{ data: Array<{ payment_id: string; network_cost: NetworkCostJson | null }> }>(
      'GET',
      '/api/v1/payments?limit=100',
      { key: gw.adminKey },
    );
    expect(listed.body.data.find((p) => p.payment_id === paymentId)?.network_cost).toEqual(sweep.network_cost);

    // analytics: today's TRX burned collecting, per completed collection (this gateway's only one)
    const analytics = await gw.call<{
      collection_cost_daily: Array<{
        date: string;
        completed_collections: number;
        trx_burned: string;
        trx_burned_per_collection: string | null;
      }>;
    }>('GET', '/api/v1/payments/analytics?period_days=1', { key: gw.adminKey });
    expect(analytics.status, analytics.text).toBe(200);
    expect(analytics.body.collection_cost_daily).toEqual([
      {
        date: new Date().toISOString().slice(0, 10),
        completed_collections: 1,
        trx_burned: trx(swept.total),
        trx_burned_per_collection: trx(swept.total),
      },
    ]);

    // the settlement: its sweeps and the payee transfer
    const all = await expectRecordedAsReceipts([settlementId as string, sweep.sweep_id]);
    expect(settled.body.network_cost.trx_burned).toBe(trx(all.total));
  });

  it('a payout records its receipt and shows it as network_cost', async () => {
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payment_method: 'route', payee_address: newWallet().base58, amount: '15', currency: 'USDT' },
    });
    expect(res.status, res.text).toBe(201);
    const before = await gw.call<PaymentJson & { network_cost: NetworkCostJson | null }>('GET', `/api/v1/payments/${res.body.payment_id}`, {
      key: gw.adminKey,
    });
    expect(before.body.network_cost).toBeNull();
    for (let i = 0; i < 4; i++) {
      await gw.core.runner.runOnce();
      await workers().sender.runOnce();
      gw.mine(1);
      await workers().tracker.runOnce();
    }
    const { total } = await expectRecordedAsReceipts([res.body.payment_id]);
    const after = await gw.call<PaymentJson & { network_cost: NetworkCostJson }>('GET', `/api/v1/payments/${res.body.payment_id}`, {
      key: gw.adminKey,
    });
    expect(after.body.network_cost.trx_burned).toBe(trx(total));
    expect(after.body.network_cost.energy_delegated).toBe(0);
    expect(after.body.network_cost.energy_used).toBeGreaterThan(0);

    // /metrics counts the same receipts: this gateway's only payout
    const metrics = (await gw.call('GET', '/metrics')).text;
    const line = metrics.split('\n').find((l) => l.startsWith('tpg_trx_burned_total{purpose="payout"} '));
    expect(Number(line?.split(' ')[1])).toBeCloseTo(Number(total) / 1e6, 6);
  });

  it('GET /api/v1/wallet reads the hot wallet’s stake from the node: nothing staked on a fresh devnet wallet', async () => {
    const res = await gw.call<{ staking: Record<string, unknown> | null; energy: { limit: string } }>('GET', '/api/v1/wallet', {
      key: gw.adminKey,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.staking).toEqual({
      energy_trx: '0',
      bandwidth_trx: '0',
      energy_delegated_out_trx: '0',
      bandwidth_delegated_out_trx: '0',
      pending_unstakes: [],
    });
  });
});

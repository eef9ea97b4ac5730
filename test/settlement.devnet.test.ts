/**
 * Settlement end to end on the in-process devnet: collected USDT sits on two deposit addresses (paid by
 * the faucet, found by the real scanner, completed by collections, credited to the ledger); a settlement
 * fuels and sweeps both into the hot wallet, then pays the payee exactly the settled amount — with the
 * costs recorded, the events in the outbox and the ledger at zero. A payee on the USDT blacklist fails
 * the settlement and gives the balance back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit-verify.js';
import { ENGINES } from './db-harness.js';
import { newWallet, postJson, trxBalance, usdtBalance } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

interface SettlementJson {
  settlement_id: string;
  status: string;
  amount: string;
  currency: string;
  payee_address: string;
  transaction_id: string | null;
  network_fee: string | null;
  failure_reason: string | null;
  trigger: string | null;
  sweep_cost: string;
  sweeps_summary: { count: number; completed: number; failed: number; amount_swept: string; fuel_sent: string };
  sweeps?: Array<{ status: string; deposit_address: string; amount: string; fuel_amount: string | null; network_fee: string | null }>;
}

const units = (s: string) => {
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole as string) * 1_000_000n + BigInt(frac.padEnd(6, '0') || '0');
};

describe.each(ENGINES)('settlement on the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  beforeAll(async () => {
    // instant settlement, a threshold far above the test amounts, and a cap that splits nothing here
    gw = await startMoneyGateway(engine, {
      config: {
        settlement: { frequency: 'instant', min_settlement_amount: '100000', max_settlement_amount: '1000000' },
      },
    });
  });
  afterAll(async () => gw?.close());

  const core = () => ({
    scanner: gw.core.scanner as NonNullable<typeof gw.core.scanner>,
    sender: gw.core.sender as NonNullable<typeof gw.core.sender>,
    tracker: gw.core.tracker as NonNullable<typeof gw.core.tracker>,
    settlement: gw.core.settlement as NonNullable<typeof gw.core.settlement>,
  });

  const get = async (id: string): Promise<PaymentJson> =>
    (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body;

  /** Collections paid from the faucet, followed by the real scanner until completed (ledger credited). */
  const collect = async (payee: string, amounts: string[]): Promise<PaymentJson[]> => {
    const created: PaymentJson[] = [];
    for (const amount of amounts) {
      const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
        key: gw.adminKey,
        body: { payee_address: payee, amount, currency: 'USDT', payment_method: 'payment_gateway' },
      });
      expect(res.status, res.text).toBe(201);
      created.push(res.body);
      await gw.fund(res.body.deposit_address as string, { usdt: amount });
    }
    for (let i = 0; i < 12; i++) {
      gw.mine(1);
      // the scanner alone: the credit queues the instant settlement's job (ADR 0033), which the tests start themselves
      await core().scanner.scanOnce();
      const statuses = await Promise.all(created.map(async (p) => (await get(p.payment_id)).status));
      if (statuses.every((s) => s === 'completed')) return Promise.all(created.map((p) => get(p.payment_id)));
    }
    const last = await Promise.all(
      created.map(async (p) => {
        const g = await get(p.payment_id);
        return `${g.status}/${g.amount_received}/${g.exception}`;
      }),
    );
    throw new Error(`collections did not complete: ${last.join(', ')}`);
  };

  /** Runs jobs, the sender and the tracker, one block at a time, until the settlement is no longer initiated. */
  const drive = async (settlementId: string): Promise<SettlementJson> => {
    for (let i = 0; i < 30; i++) {
      await gw.core.runner.runOnce();
      await core().sender.runOnce();
      gw.mine(1);
      await core().tracker.runOnce();
      const s = await settlement(settlementId);
      if (s.status !== 'initiated') return s;
    }
    throw new Error(`settlement ${settlementId} did not finish`);
  };

  const settlement = async (id: string): Promise<SettlementJson> => {
    const res = await gw.call<SettlementJson>('GET', `/api/v1/payments/settlements/${id}`, { key: gw.adminKey });
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  const balanceOf = async (payee: string): Promise<bigint> => {
    const row = await gw.db.db
      .selectFrom('merchant_balances')
      .select('balance')
      .where('merchant_id', '=', gw.merchantId)
      .where('payee_address', '=', payee)
      .where('currency', '=', 'USDT')
      .executeTakeFirst();
    return row ? BigInt(row.balance) : 0n;
  };

  it('sweeps both deposit addresses (fuel, then sweep, costs recorded) and pays the payee exactly the settled amount', async () => {
    const payee = newWallet().base58;
    const payments = await collect(payee, ['30', '50']);
    const net = payments.reduce((sum, p) => sum + units(p.net_amount), 0n);
    expect(await balanceOf(payee)).toBe(net);
    const hotBefore = await usdtBalance(gw.devnet, gw.hotWalletAddress);

    const started = await core().settlement.runDue();
    expect(started).toHaveLength(1);
    const id = started[0] as string;
    // the debit is taken at once, in the settlement's transaction
    expect(await balanceOf(payee)).toBe(0n);
    // a second look finds the open settlement and starts nothing
    expect(await core().settlement.runDue()).toEqual([]);

    const done = await drive(id);
    expect(done).toMatchObject({ status: 'completed', currency: 'USDT', payee_address: payee, trigger: 'schedule' });
    expect(units(done.amount)).toBe(net);
    expect(done.transaction_id).toMatch(/^[0-9a-f]{64}$/);
    expect(await usdtBalance(gw.devnet, payee)).toBe(net);

    // both deposit addresses swept in full into the hot wallet, each fuelled first, with its cost recorded
    expect(done.sweeps).toHaveLength(2);
    const deposits = payments.map((p) => p.deposit_address).sort();
    expect(done.sweeps?.map((w) => w.deposit_address).sort()).toEqual(deposits);
    for (const w of done.sweeps ?? []) {
      expect(w.status).toBe('completed');
      expect(units(w.fuel_amount ?? '0')).toBeGreaterThan(0n);
      // fuel transfer's own fee (account activation) + the sweep's energy burn
      expect(units(w.network_fee ?? '0')).toBeGreaterThan(1_000_000n);
      expect(await usdtBalance(gw.devnet, w.deposit_address)).toBe(0n);
    }
    expect(units(done.sweeps?.[0]?.amount ?? '0') + units(done.sweeps?.[1]?.amount ?? '0')).toBe(units('80'));
    const sweepFees = (done.sweeps ?? []).reduce((s, w) => s + units(w.network_fee ?? '0'), 0n);
    expect(units(done.sweep_cost)).toBe(sweepFees);
    expect(done.sweeps_summary).toMatchObject({ count: 2, completed: 2, failed: 0, amount_swept: '80' });
    // the gross amounts came in, the net went out: the fees stay in the hot wallet
    expect((await usdtBalance(gw.devnet, gw.hotWalletAddress)) - hotBefore).toBe(units('80') - net);

    // the sends behind it: two fuel transfers, two sweeps, one payee transfer, all completed
    const sends = await gw.db.db
      .selectFrom('chain_sends')
      .select(['purpose', 'status', 'signer'])
      .where('merchant_id', '=', gw.merchantId)
      .execute();
    const mine = sends.filter((s) => s.purpose !== 'payout');
    expect(mine.filter((s) => s.purpose === 'sweep_fuel').map((s) => [s.status, s.signer.split(':')[0]])).toEqual([
      ['completed', 'hot'],
      ['completed', 'hot'],
    ]);
    expect(mine.filter((s) => s.purpose === 'sweep').map((s) => [s.status, s.signer.split(':')[0]])).toEqual([
      ['completed', 'deposit'],
      ['completed', 'deposit'],
    ]);
    expect(mine.filter((s) => s.purpose === 'settlement').map((s) => s.status)).toEqual(['completed']);

    // each sweep's start, fuel transfer and completion audited once, in that order, and the chain holds
    const sweepIds = (await gw.db.db.selectFrom('sweeps').select('id').where('settlement_id', '=', id).execute()).map((w) => w.id);
    for (const sweepId of sweepIds) {
      const audit = await gw.db.db
        .selectFrom('audit_log')
        .select(['action', 'actor'])
        .where('entity_id', '=', sweepId)
        .orderBy('seq')
        .execute();
      expect(audit).toEqual(
        ['sweep.started', 'sweep_fuel.sent', 'sweep.completed'].map((action) => ({ action, actor: 'system:settlement' })),
      );
    }
    expect(await verifyAuditChain(gw.db.db)).toMatchObject({ ok: true });

    // events in order, ledger at zero, API views
    const events = await gw.db.db
      .selectFrom('outbox')
      .select('type')
      .where('aggregate_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['settlement.initiated', 'settlement.completed']);
    expect(await balanceOf(payee)).toBe(0n);
    const list = await gw.call<{ data: SettlementJson[] }>('GET', '/api/v1/payments/settlements', { key: gw.adminKey });
    expect(list.body.data[0]).toMatchObject({ settlement_id: id, status: 'completed', sweeps_summary: { count: 2 } });
    const info = await gw.call<{ pending_amount: Record<string, string>; last_settlement: { settlement_id: string; status: string } }>(
      'GET',
      '/api/v1/payments/settlement/info',
      { key: gw.adminKey },
    );
    expect(info.body.last_settlement).toMatchObject({ settlement_id: id, status: 'completed' });
    expect(info.body.pending_amount.USDT).toBe('0');

    // settling again finds nothing: no balance, and no unswept address
    expect(await core().settlement.runDue()).toEqual([]);
  });

  it('fails the settlement when the payee is blacklisted, and restores the balance', async () => {
    const payee = newWallet().base58;
    const [payment] = await collect(payee, ['20']);
    const net = units((payment as PaymentJson).net_amount);
    expect((await postJson(`${gw.devnet.url}/devnet/blacklist`, { address: payee })).status).toBe(200);

    const [id] = await core().settlement.runDue();
    expect(await balanceOf(payee)).toBe(0n);
    const failed = await drive(id as string);
    expect(failed).toMatchObject({ status: 'failed', failure_reason: 'recipient_blacklisted', transaction_id: null });
    // the sweep itself went through: the money is in the hot wallet, owed to the payee again
    expect(failed.sweeps_summary).toMatchObject({ count: 1, completed: 1 });
    expect(await balanceOf(payee)).toBe(net);
    expect(await usdtBalance(gw.devnet, payee)).toBe(0n);
    const entries = await gw.db.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount'])
      .where('reference_id', '=', id as string)
      .orderBy('created_at')
      .execute();
    expect(entries.map((e) => [e.kind, BigInt(e.amount)])).toEqual([
      ['settlement', -net],
      ['settlement_reversal', net],
    ]);
    const events = await gw.db.db
      .selectFrom('outbox')
      .select('type')
      .where('aggregate_id', '=', id as string)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['settlement.initiated']);
    const audit = await gw.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id as string)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['settlement.initiated', 'settlement.failed']);
    // not retried at once (failed_retry_minutes)
    expect(await core().settlement.runDue()).toEqual([]);
    // the deposit address kept the fuel it did not burn
    expect(await trxBalance(gw.devnet, (payment as PaymentJson).deposit_address as string)).toBeGreaterThan(0n);
  });
});

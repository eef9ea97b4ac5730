/**
 * Balance reconciliation over every managed address (issue 20 part 4), on the devnet with both engines:
 * a deposit address whose payment is older than `lookback_hours` and still holds unswept funds is
 * compared (money sent to it behind the gateway's back is found), an address with nothing received and
 * no open payment is not, every merchant's hot wallet is, and a run over more addresses than one page
 * compares them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILE_JOB } from '../src/modules/reconciliation/reconciliation.service.js';
import { ENGINES } from './db-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools, USDT } from './refunds-harness.js';

interface Row {
  address: string;
  role: string;
  merchant_id: string;
  payment_id?: string;
  asset?: string;
  expected?: string;
}

const DAY_MS = 86_400_000;

describe.each(ENGINES)('balance reconciliation over every managed address (%s)', (engine) => {
  let gw: MoneyGateway;
  const t = moneyTools(() => gw);
  let old: PaymentJson;
  let open: PaymentJson;
  let cancelled: PaymentJson;
  let otherHotWallet: string;

  beforeAll(async () => {
    gw = await startMoneyGateway(engine, { config: { reconciliation: { lookback_hours: 24 } } });
    await t.scanner().scanOnce();
    const other = await gw.createMerchant('Second shop');
    otherHotWallet = other.hotWalletAddress;
    const payer = await t.payer();
    // collected, never swept, and (as far as the lookback window knows) three days old
    ({ payment: old } = await t.collect(payer, { amount: '8', payee_address: gw.addresses[0] }, 8n * USDT));
    const threeDaysAgo = BigInt(Date.now() - 3 * DAY_MS);
    await gw.db.db
      .updateTable('payments')
      .set({ created_at: threeDaysAgo, completed_at: threeDaysAgo })
      .where('id', '=', old.payment_id)
      .execute();
    open = await t.create({ amount: '2', payee_address: gw.addresses[1] });
    cancelled = await t.create({ amount: '3', payee_address: gw.addresses[2] });
    const cancel = await gw.call('POST', `/api/v1/payments/${cancelled.payment_id}/cancel`, { key: gw.adminKey, body: {} });
    expect(cancel.status, cancel.text).toBe(200);
  });
  afterAll(async () => gw?.close());

  const compare = async (pageSize?: number) => {
    const run = await gw.core.reconciliation.compareBalances(pageSize === undefined ? {} : { pageSize });
    if (!run) throw new Error('no balance run');
    return { run, rows: run.checks.addresses as Row[] };
  };

  it('compares an old unswept deposit address, open payments and every hot wallet, not an empty closed one', async () => {
    const { run, rows } = await compare();
    expect(run.outcome, JSON.stringify(run.discrepancies)).toBe('balanced');
    expect(rows).toContainEqual(
      expect.objectContaining({ address: old.deposit_address, role: 'deposit', payment_id: old.payment_id, asset: 'USDT', expected: '8' }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ address: open.deposit_address, role: 'deposit', expected: '0' }));
    expect(rows.map((r) => r.address)).not.toContain(cancelled.deposit_address);
    const hot = rows.filter((r) => r.role === 'hot_wallet').map((r) => r.address);
    expect(hot).toEqual(expect.arrayContaining([gw.hotWalletAddress, otherHotWallet]));
    expect(run.checks).toMatchObject({ addresses_compared: rows.length, differences: 0, rows_omitted: 0 });
  });

  it('finds money sent straight to the old payment’s deposit address', async () => {
    await gw.fund(old.deposit_address as string, { usdt: '1' }); // from the faucet; the gateway never saw it
    gw.mine(1);
    const { run } = await compare();
    expect(run.outcome).toBe('differences');
    expect(run.discrepancies).toEqual([
      expect.objectContaining({
        code: 'balance_mismatch',
        address: old.deposit_address,
        asset: 'USDT',
        expected: '8',
        actual: '9',
        merchant_id: gw.merchantId,
      }),
    ]);
    const status = await gw.call<{ reconciliation: { last_balances: { outcome: string; addresses_checked: number } } }>('GET', '/status', {
      key: gw.adminKey,
    });
    // its hot wallet and its two deposit addresses that may hold funds
    expect(status.body.reconciliation.last_balances).toMatchObject({ outcome: 'differences', addresses_checked: 3 });
  });

  it('walks more addresses than one page and compares them all', async () => {
    // a few more open payments, so the deposit addresses alone span several pages of two
    for (const amount of ['4', '5', '6']) await t.create({ amount, payee_address: gw.addresses[3] });
    const whole = await compare();
    const paged = await compare(2);
    expect(whole.run.checks.pages).toBe(2); // one page of hot wallets, one of deposit addresses
    expect(paged.run.checks.pages).toBeGreaterThanOrEqual(4);
    expect(paged.run.checks.addresses_compared).toBe(whole.run.checks.addresses_compared);
    expect(paged.run.checks.addresses_compared).toBe(7); // two hot wallets and five deposit addresses
    const key = (r: Row) => `${r.role}|${r.address}|${r.asset ?? ''}`;
    expect(paged.rows.map(key).sort()).toEqual(whole.rows.map(key).sort());
    expect(paged.run.discrepancies.map((d) => d.address)).toEqual([old.deposit_address]);
  });

  it('the background job compares every page, keeping its lease, and stores one result', async () => {
    const before = await gw.db.db.selectFrom('reconciliations').select('id').where('kind', '=', 'balances').execute();
    await gw.core.jobs.enqueue(gw.db.db, [{ type: RECONCILE_JOB, payload: {}, dedupeKey: RECONCILE_JOB }]);
    await gw.core.runner.runOnce();
    const runs = await gw.db.db
      .selectFrom('reconciliations')
      .select(['id', 'trigger', 'outcome', 'checks'])
      .where('kind', '=', 'balances')
      .where(
        'id',
        'not in',
        before.map((r) => r.id),
      )
      .execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'background', outcome: 'differences' });
    expect(JSON.parse(runs[0]?.checks as string)).toMatchObject({ addresses_compared: 7, differences: 1 });
  });
});

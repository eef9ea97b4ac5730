/**
 * Any configured TRC-20 token, end to end on the devnet and both engines: a gateway configured with USDT,
 * USDD (18 decimals), USDC (6) and a fourth token, TUSD — added by configuration only — collects invoices
 * paid with TronWeb, pays out a batch mixing assets, refunds part of a USDD payment and settles each asset
 * separately. A token the configuration does not name is never credited, whatever symbol it claims.
 */
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevnetToken } from '../src/devnet/devnet.js';
import { ENGINES } from './db-harness.js';
import { newWallet, startTestDevnet, type TestWallet, trc20Balance, trxBalance } from './devnet-harness.js';
import type { BatchJson, PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, openSettlements, startMoneyGateway } from './money-harness.js';
import { moneyTools, type RefundJson } from './refunds-harness.js';

const ASSETS = [
  { symbol: 'USDT', contract: 'devnet', decimals: 6, blacklist: true },
  { symbol: 'USDD', contract: 'devnet', decimals: 18 },
  { symbol: 'USDC', contract: 'devnet', decimals: 6, volume_discounts: [{ threshold: '10', discount: '0.5' }] },
  // the fourth token: nothing but this entry
  { symbol: 'TUSD', contract: 'devnet', decimals: 18, blacklist: true, limits: { min_amount: '0.000000000000000001' } },
];

/** Sends `amount` base units of the token at `contract` with TronWeb, as a customer's wallet would. */
async function payWithTronWeb(devnetUrl: string, from: TestWallet, contract: string, to: string, amount: bigint): Promise<string> {
  const tronWeb = new TronWeb({ fullHost: devnetUrl, privateKey: from.privateKey });
  const token = await tronWeb.contract().at(contract);
  return (await token.transfer(to, amount.toString()).send({ feeLimit: 100_000_000 })) as string;
}

describe.each(ENGINES)('any configured TRC-20 token (%s)', (engine) => {
  let gw: MoneyGateway;
  let payer: TestWallet;
  const tools = moneyTools(() => gw);
  const token = (symbol: string) => gw.devnet.findToken(symbol) as DevnetToken;

  beforeAll(async () => {
    gw = await startMoneyGateway(engine, {
      config: { assets: ASSETS, settlement: { frequency: 'instant' }, caching: { analytics_ttl_seconds: 0 } },
      fundHotWallet: { trx: '10000', usdt: '100000', tokens: { USDD: '4', USDC: '1000', TUSD: '4' } },
    });
    payer = newWallet();
    await gw.fund(payer.base58, { trx: '1000', tokens: { USDD: '2000000', USDC: '1000', TUSD: '4' } });
    gw.mine(1);
    await tools.scanner().scanOnce();
  });
  afterAll(async () => gw?.close());

  /** pays an invoice with TronWeb and follows the scanner until it completes */
  const payInvoice = async (symbol: string, amount: string, units: bigint): Promise<PaymentJson> => {
    const created = await tools.create({ amount, currency: symbol, payee_address: gw.addresses[0] });
    expect(created).toMatchObject({ currency: symbol, amount });
    await payWithTronWeb(gw.devnet.url, payer, token(symbol).contractAddress, created.deposit_address as string, units);
    gw.mine(1);
    await tools.scanner().scanOnce();
    gw.mineUntilSolid();
    await tools.scanner().scanOnce();
    return tools.get(created.payment_id);
  };

  it('GET /api/v1/assets lists TRX and every configured token with its contract and decimals', async () => {
    const res = await gw.call<{ data: Array<Record<string, unknown>> }>('GET', '/api/v1/assets', { key: gw.adminKey });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toEqual([
      { symbol: 'TRX', kind: 'native', contract: null, decimals: 6, blacklist: false },
      { symbol: 'USDT', kind: 'trc20', contract: gw.devnet.usdtAddress, decimals: 6, blacklist: true },
      { symbol: 'USDD', kind: 'trc20', contract: token('USDD').contractAddress, decimals: 18, blacklist: false },
      { symbol: 'USDC', kind: 'trc20', contract: token('USDC').contractAddress, decimals: 6, blacklist: false },
      { symbol: 'TUSD', kind: 'trc20', contract: token('TUSD').contractAddress, decimals: 18, blacklist: true },
    ]);
  });

  it('a USDD invoice of 1.000000000000000001 completes, exact in the API, the fee and the webhook', async () => {
    const paid = await payInvoice('USDD', '1.000000000000000001', 1_000_000_000_000_000_001n);
    expect(paid).toMatchObject({
      status: 'completed',
      amount: '1.000000000000000001',
      amount_received: '1.000000000000000001',
      // 0.15 % of 10^18 + 1 base units, rounded half-up: 1.5·10^15
      fee: '0.0015',
      net_amount: '0.998500000000000001',
    });
    const completed = await gw.db.db
      .selectFrom('outbox')
      .select('payload')
      .where('aggregate_id', '=', paid.payment_id)
      .where('type', '=', 'payment.completed')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(completed.payload).data.object).toMatchObject({ currency: 'USDD', amount: '1.000000000000000001', fee: '0.0015' });
  });

  it('a USDC invoice completes, with the USDC discount tiers (not USDT’s)', async () => {
    const paid = await payInvoice('USDC', '12.5', 12_500_000n);
    // 0.15 % of 12.5 = 0.01875, half of it off from 10 USDC up
    expect(paid).toMatchObject({ status: 'completed', fee: '0.009375', discount_rate: '0.5', net_amount: '12.490625' });
    const usdt = await gw.call<{ fee: string; discount_rate: string }>('GET', '/api/v1/payments/fees/calculate?amount=12.5&currency=USDT', {
      key: gw.adminKey,
    });
    expect(usdt.body).toMatchObject({ fee: '0.01875', discount_rate: '0' });
  });

  it('a TUSD invoice (the token added by configuration only) completes', async () => {
    const paid = await payInvoice('TUSD', '0.25', 250_000_000_000_000_000n);
    expect(paid).toMatchObject({ status: 'completed', currency: 'TUSD', amount_received: '0.25' });
  });

  it('refuses an unknown currency and more decimals than the asset has, naming the field', async () => {
    const bad = await gw.call<{ errors: Array<{ path: string; message: string }> }>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { amount: '1', currency: 'DOGE', payee_address: gw.addresses[0] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toContainEqual({ path: 'currency', message: 'must be one of: TRX, USDT, USDD, USDC, TUSD' });
    const precise = await gw.call<{ errors: Array<{ path: string; message: string }> }>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { amount: '1.0000001', currency: 'USDC', payee_address: gw.addresses[0] },
    });
    expect(precise.status).toBe(422);
    expect(precise.body.errors).toContainEqual({ path: 'amount', message: 'must have at most 6 decimal places' });
  });

  it('a payout batch mixing USDT, USDC, TUSD and TRX completes, each payee paid in its asset', async () => {
    const payees = [newWallet(), newWallet(), newWallet(), newWallet()];
    const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
      key: gw.adminKey,
      body: {
        payments: [
          { payee_address: payees[0]?.base58, amount: '3', currency: 'USDT', payment_method: 'route' },
          { payee_address: payees[1]?.base58, amount: '4.5', currency: 'USDC', payment_method: 'route' },
          { payee_address: payees[2]?.base58, amount: '0.000000000000000123', currency: 'TUSD', payment_method: 'route' },
          { payee_address: payees[3]?.base58, amount: '7', currency: 'TRX', payment_method: 'route' },
        ],
      },
    });
    expect(res.status, res.text).toBe(201);
    for (let i = 0; i < 3; i++) await tools.settleSends();
    const ids = (res.body.results as Array<{ payment_id: string }>).map((r) => r.payment_id);
    const statuses = await Promise.all(ids.map(async (id) => (await tools.get(id)).status));
    expect(statuses).toEqual(['completed', 'completed', 'completed', 'completed']);
    const [usdtPayee, usdcPayee, tusdPayee, trxPayee] = payees.map((p) => p.base58) as [string, string, string, string];
    expect(await trc20Balance(gw.devnet, gw.devnet.usdtAddress, usdtPayee)).toBeGreaterThan(0n);
    expect(await trc20Balance(gw.devnet, token('USDC').contractAddress, usdcPayee)).toBeGreaterThan(0n);
    expect(await trc20Balance(gw.devnet, token('TUSD').contractAddress, tusdPayee)).toBe(123n);
    expect(await trxBalance(gw.devnet, trxPayee)).toBeGreaterThan(6_000_000n);
    // no asset leaked into another's payee
    expect(await trc20Balance(gw.devnet, gw.devnet.usdtAddress, usdcPayee)).toBe(0n);
    expect(await trc20Balance(gw.devnet, token('USDC').contractAddress, usdtPayee)).toBe(0n);
  });

  it('refunds part of a USDD payment in USDD, exactly', async () => {
    const paid = await payInvoice('USDD', '2', 2_000_000_000_000_000_000n);
    expect(paid.status).toBe('completed');
    const before = await trc20Balance(gw.devnet, token('USDD').contractAddress, payer.base58);
    const res = await tools.refund({ payment_id: paid.payment_id, amount: '0.500000000000000007', reason: 'user_request' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ currency: 'USDD', amount: '0.500000000000000007', refund_address: payer.base58 });
    for (let i = 0; i < 2; i++) await tools.settleSends();
    const done = await gw.call<RefundJson>('GET', `/api/v1/payments/refunds/${res.body.refund_id}`, { key: gw.adminKey });
    expect(done.body.status).toBe('completed');
    expect(await trc20Balance(gw.devnet, token('USDD').contractAddress, payer.base58)).toBe(before + 500_000_000_000_000_007n);
    const tooPrecise = await tools.refund({ payment_id: paid.payment_id, amount: '0.0000000000000000001', reason: 'user_request' });
    expect(tooPrecise.status).toBe(422);
  });

  it('reports and analytics total each asset exactly, in its own decimals', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const report = await gw.call<{ summary: { totals: Record<string, { amount: string; count: number }> } }>(
      'POST',
      '/api/v1/payments/reports/generate',
      { key: gw.adminKey, body: { start_date: today, end_date: today } },
    );
    expect(report.status, report.text).toBe(201);
    // USDD: the 1.000000000000000001 invoice and the 2 USDD one
    expect(report.body.summary.totals.USDD).toMatchObject({ count: 2, amount: '3.000000000000000001' });
    expect(report.body.summary.totals.TUSD).toMatchObject({ amount: '0.250000000000000123' });
    const analytics = await gw.call<{ completed_volume: Record<string, { amount: string }> }>('GET', '/api/v1/payments/analytics', {
      key: gw.adminKey,
    });
    expect(analytics.status, analytics.text).toBe(200);
    expect(analytics.body.completed_volume.USDD?.amount).toBe('3.000000000000000001');
    expect(analytics.body.completed_volume.USDC?.amount).toBe('17');
  });

  it('a USDD invoice far beyond 64-bit base units completes exactly, in the ledger, analytics and the report', async () => {
    const usddBalance = async () => {
      const rows = await gw.db.db.selectFrom('merchant_balances').select('balance').where('currency', '=', 'USDD').execute();
      return rows.reduce((sum, r) => sum + BigInt(r.balance), 0n);
    };
    const volume = async () =>
      (await gw.call<{ completed_volume: Record<string, { amount: string }> }>('GET', '/api/v1/payments/analytics', { key: gw.adminKey }))
        .body.completed_volume.USDD?.amount;
    const balanceBefore = await usddBalance();
    expect(await volume()).toBe('3.000000000000000001');
    // 1.23·10^24 base units: 2^63 is about 9.2·10^18
    const units = 1_234_567_000_000_000_000_000_001n;
    const paid = await payInvoice('USDD', '1234567.000000000000000001', units);
    expect(paid).toMatchObject({
      status: 'completed',
      amount: '1234567.000000000000000001',
      amount_received: '1234567.000000000000000001',
    });
    const usddUnits = (text: string) => {
      const [whole, fraction = ''] = text.split('.');
      return BigInt(`${whole}${fraction.padEnd(18, '0')}`);
    };
    const fee = usddUnits(paid.fee as string);
    expect(fee).toBeGreaterThan(0n);
    expect(usddUnits(paid.net_amount as string)).toBe(units - fee);
    expect((await usddBalance()) - balanceBefore).toBe(units - fee);
    expect(await volume()).toBe('1234570.000000000000000002');
    const today = new Date().toISOString().slice(0, 10);
    const report = await gw.call<{ summary: { totals: Record<string, { amount: string; net_amount: string; count: number }> } }>(
      'POST',
      '/api/v1/payments/reports/generate',
      { key: gw.adminKey, body: { start_date: today, end_date: today } },
    );
    expect(report.body.summary.totals.USDD).toMatchObject({ count: 3, amount: '1234570.000000000000000002' });
  });

  it('settles each asset separately, in its own asset', async () => {
    // started now, or already by the credits' own settlement jobs (instant settlement, ADR 0033)
    await openSettlements(gw);
    expect(await gw.count('settlements')).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 12; i++) await tools.settleSends();
    const settlements = await gw.db.db.selectFrom('settlements').select(['currency', 'status', 'amount']).execute();
    // a credit may start its own settlement before the next one arrives: the payee gets the sum, in each asset
    const byCurrency = new Map<string, bigint>();
    for (const row of settlements) byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0n) + BigInt(row.amount));
    expect([...byCurrency.keys()].sort()).toEqual(['TUSD', 'USDC', 'USDD']);
    for (const row of settlements) expect(row.status).toBe('completed');
    const payee = gw.addresses[0] as string;
    for (const symbol of ['USDD', 'USDC', 'TUSD']) {
      expect(await trc20Balance(gw.devnet, token(symbol).contractAddress, payee)).toBe(byCurrency.get(symbol));
    }
  });
});

describe.each(ENGINES)('a counterfeit token (%s)', (engine) => {
  let gw: MoneyGateway;

  beforeAll(async () => {
    // The gateway's USDT is the token deployed as TETHER; the devnet's own USDT — whose symbol() says
    // "USDT" — is, for this gateway, a token anyone could have deployed.
    const devnet = await startTestDevnet({ tokens: [{ symbol: 'TETHER', decimals: 6 }] });
    const real = devnet.findToken('TETHER') as DevnetToken;
    gw = await startMoneyGateway(engine, {
      devnet,
      config: { assets: [{ symbol: 'USDT', contract: real.contractAddress, decimals: 6 }] },
      fundHotWallet: false,
    });
  });
  afterAll(async () => {
    await gw?.close();
    await gw?.devnet.stop();
  });

  it('is recorded as an unmatched deposit of an unknown token, never as USDT', async () => {
    const tools = moneyTools(() => gw);
    await tools.scanner().scanOnce();
    const payer = newWallet();
    await gw.fund(payer.base58, { trx: '100', tokens: { USDT: '50', TETHER: '50' } });
    gw.mine(1);
    const invoice = await tools.create({ amount: '5', currency: 'USDT', payee_address: gw.addresses[0] });
    const fake = gw.devnet.usdtAddress;
    await payWithTronWeb(gw.devnet.url, payer, fake, invoice.deposit_address as string, 5_000_000n);
    gw.mine(1);
    await tools.scanner().scanOnce();
    gw.mineUntilSolid();
    await tools.scanner().scanOnce();
    expect(await tools.get(invoice.payment_id)).toMatchObject({ status: 'pending', amount_received: '0' });
    const recorded = await gw.db.db
      .selectFrom('chain_transfers')
      .select(['asset', 'match', 'note', 'payment_id'])
      .where('to_address', '=', invoice.deposit_address as string)
      .execute();
    expect(recorded).toEqual([{ asset: `trc20:${fake}`, match: 'unmatched', note: 'unknown_token', payment_id: invoice.payment_id }]);

    // the configured contract pays it
    const real = gw.devnet.findToken('TETHER') as DevnetToken;
    await payWithTronWeb(gw.devnet.url, payer, real.contractAddress, invoice.deposit_address as string, 5_000_000n);
    gw.mine(1);
    await tools.scanner().scanOnce();
    gw.mineUntilSolid();
    await tools.scanner().scanOnce();
    expect(await tools.get(invoice.payment_id)).toMatchObject({ status: 'completed', amount_received: '5' });
  });
});

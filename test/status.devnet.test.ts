/**
 * /status with two merchants and a balance reconciliation that found differences at both (SQLite and
 * PostgreSQL, a real devnet): without a key nothing merchant-specific, and no host name or process id;
 * each merchant's admin key sees only that merchant's differences. /metrics counts the gateway's node
 * calls and shows each hot wallet as the chain reports it.
 */
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import type { TestMerchant } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools } from './refunds-harness.js';

interface LastBalances {
  reconciliation_id: string;
  status: string;
  /** this merchant's: differences | balanced */
  outcome: string;
  addresses_checked: number;
  differences: Array<{ code: string; address?: string; actual?: string }>;
}
interface StatusJson {
  scanner?: Record<string, unknown>;
  reconciliation?: { last_balances: LastBalances | null };
}

describe.each(ENGINES)('status on the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  let other: TestMerchant;
  const t = moneyTools(() => gw);
  /** per merchant: a collection whose deposit address got money the gateway never saw */
  const strays: Record<string, { paymentId: string; address: string }> = {};
  let reconciliationId: string;

  beforeAll(async () => {
    gw = await startMoneyGateway(engine);
    other = await gw.createMerchant('Other shop');
    await t.scanner().scanOnce(); // takes the scanner lease (its holder names this host and process)
    for (const [merchant, key, usdt] of [
      [gw.merchantId, gw.adminKey, '5'],
      [other.merchantId, other.adminKey, '7'],
    ] as const) {
      const p = await t.create({ amount: usdt, payee_address: gw.addresses[0] }, key);
      await gw.fund(p.deposit_address as string, { usdt }); // straight from the faucet; never scanned
      strays[merchant] = { paymentId: p.payment_id, address: p.deposit_address as string };
    }
    gw.mine(1);
    const run = await gw.core.reconciliation.compareBalances();
    reconciliationId = run?.id as string;
    expect(run?.discrepancies.map((d) => d.address)).toEqual(
      expect.arrayContaining([strays[gw.merchantId]?.address, strays[other.merchantId]?.address]),
    );
  });
  afterAll(async () => gw?.close());

  it('shows nothing merchant-specific, and neither host nor process, without a key', async () => {
    const res = await gw.call<StatusJson>('GET', '/status');
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('reconciliation');
    expect(res.body.scanner).toEqual({
      cursor: expect.any(Number),
      head: expect.any(Number),
      lag: expect.any(Number),
      max_lag_blocks: gw.config.raw.health_check.max_scanner_lag_blocks,
    });
    for (const merchant of [gw.merchantId, other.merchantId]) {
      const stray = strays[merchant] as { paymentId: string; address: string };
      expect(res.text).not.toContain(merchant);
      expect(res.text).not.toContain(stray.paymentId);
      expect(res.text).not.toContain(stray.address);
    }
    expect(res.text).not.toContain(hostname());
    expect(res.text).not.toContain(`:${process.pid}`);
  });

  it('shows each merchant’s admin only its own reconciliation differences', async () => {
    for (const [merchant, key, otherMerchant] of [
      [gw.merchantId, gw.adminKey, other.merchantId],
      [other.merchantId, other.adminKey, gw.merchantId],
    ] as const) {
      const res = await gw.call<StatusJson>('GET', '/status', { key });
      expect(res.status).toBe(200);
      const own = strays[merchant] as { paymentId: string; address: string };
      const foreign = strays[otherMerchant] as { paymentId: string; address: string };
      const last = res.body.reconciliation?.last_balances as LastBalances;
      expect(last).toMatchObject({ reconciliation_id: reconciliationId, outcome: 'differences' });
      expect(last.differences.map((d) => d.address)).toEqual([own.address]);
      // its hot wallet and its deposit address of this window
      expect(last.addresses_checked).toBe(2);
      expect(res.text).not.toContain(foreign.address);
      expect(res.text).not.toContain(foreign.paymentId);
      expect(res.text).not.toContain(otherMerchant);
      expect(res.body.scanner).toMatchObject({ holder: expect.stringContaining(hostname()) });
    }
  });

  it('counts the node calls it made and shows each hot wallet as the chain reports it', async () => {
    const res = await gw.call('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^tpg_node_requests_total\{endpoint="\/wallet\/getnowblock",outcome="ok"\} [1-9]\d*$/m);
    expect(res.text).toMatch(/^tpg_node_requests_total\{endpoint="\/wallet\/getnowblock",outcome="error"\} 0$/m);
    expect(res.text).toMatch(/^tpg_node_request_duration_seconds_count\{endpoint="\/wallet\/triggerconstantcontract"\} [1-9]\d*$/m);
    // the default merchant's hot wallet was funded with 10,000 TRX and 100,000 USDT; the other one is empty
    expect(res.text).toContain(`tpg_hot_wallet_balance{merchant="${gw.merchantId}",asset="USDT"} 100000`);
    expect(res.text).toContain(`tpg_hot_wallet_balance{merchant="${other.merchantId}",asset="TRX"} 0`);
    expect(res.text).toMatch(new RegExp(`^tpg_hot_wallet_energy\\{merchant="${gw.merchantId}"\\} \\d+$`, 'm'));
  });
});

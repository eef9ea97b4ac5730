/**
 * The energy strategy per merchant over a real database (SQLite and PostgreSQL): the configuration's by
 * default, `auto` following the hot wallet's staked energy, a run-time switch (admin scope, audited,
 * Idempotency-Key replayed) that the strategy source sees at once, one merchant's choice not another's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';

const URL = '/api/v1/wallet/energy-strategy';

interface StrategyJson {
  object: 'energy_strategy';
  strategy: string;
  source: string;
  effective: string;
}

describe.each(ENGINES)('energy strategy API (%s)', (engine) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(engine);
  });
  afterAll(async () => gw?.close());

  const read = async (key = gw.adminKey) => (await gw.call<StrategyJson>('GET', URL, { key })).body;

  it('follows the configuration until set: auto is stake while the hot wallet has staked energy', async () => {
    expect(await read()).toEqual({ object: 'energy_strategy', strategy: 'auto', source: 'config', effective: 'stake' });
    expect(await gw.core.energyStrategy.strategyFor(gw.merchantId)).toBe('stake');
  });

  it('switches at run time: the strategy source answers the new strategy at once, and the change is audited', async () => {
    const put = await gw.call<StrategyJson>('PUT', URL, { key: gw.adminKey, body: { strategy: 'burn' } });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toEqual({ object: 'energy_strategy', strategy: 'burn', source: 'merchant', effective: 'burn' });
    expect(await gw.core.energyStrategy.strategyFor(gw.merchantId)).toBe('burn');

    const back = await gw.call<StrategyJson>('PUT', URL, { key: gw.adminKey, body: { strategy: 'stake' } });
    expect(back.body.effective).toBe('stake');
    expect(await gw.core.energyStrategy.strategyFor(gw.merchantId)).toBe('stake');

    const audit = await gw.db.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'actor'])
      .where('action', '=', 'wallet.energy_strategy_set')
      .orderBy('seq')
      .execute();
    expect(audit.map((r) => [JSON.parse(r.before ?? 'null'), JSON.parse(r.after ?? 'null')])).toEqual([
      [
        { strategy: 'auto', source: 'config' },
        { strategy: 'burn', source: 'merchant' },
      ],
      [
        { strategy: 'burn', source: 'merchant' },
        { strategy: 'stake', source: 'merchant' },
      ],
    ]);
    expect(audit[0]?.actor).toMatch(/^key_/);
  });

  it('auto burns once the hot wallet has no staked energy left', async () => {
    gw.chain.energyLimit = 0n;
    try {
      // another merchant's wallet is read fresh (the cache is per merchant)
      const third = await gw.createMerchant();
      expect(await gw.core.energyStrategy.strategyFor(third.merchantId)).toBe('burn');
      expect((await read(third.adminKey)).effective).toBe('burn');
    } finally {
      gw.chain.energyLimit = 100_000n;
    }
  });

  it('one merchant’s choice is not another’s', async () => {
    const other = await gw.createMerchant();
    await gw.call('PUT', URL, { key: other.adminKey, body: { strategy: 'burn' } });
    expect((await read(other.adminKey)).strategy).toBe('burn');
    expect((await read()).strategy).toBe('stake');
  });

  it('replays the answer for a repeated Idempotency-Key, and refuses the key with another body', async () => {
    const headers = { 'idempotency-key': 'energy-switch-1' };
    const first = await gw.call<StrategyJson>('PUT', URL, { key: gw.adminKey, body: { strategy: 'auto' }, headers });
    expect(first.status).toBe(200);
    const again = await gw.call<StrategyJson>('PUT', URL, { key: gw.adminKey, body: { strategy: 'auto' }, headers });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    const other = await gw.call<ProblemJson>('PUT', URL, { key: gw.adminKey, body: { strategy: 'burn' }, headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect((await read()).strategy).toBe('auto');
  });

  it('refuses an unknown strategy naming the field, and needs the admin scope to set it', async () => {
    const bad = await gw.call<ProblemJson>('PUT', URL, { key: gw.adminKey, body: { strategy: 'free' } });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect(JSON.stringify(bad.body)).toContain('strategy');
    const reader = await gw.key(['payments:read']);
    expect((await gw.call('GET', URL, { key: reader })).status).toBe(200);
    const refused = await gw.call<ProblemJson>('PUT', URL, { key: reader, body: { strategy: 'burn' } });
    expect(refused.status).toBe(403);
    expect((await gw.call('PUT', URL, { body: { strategy: 'burn' } })).status).toBe(401);
  });

  it('sends wallet.energy_low once when energy falls below the threshold, and again only after it recovered', async () => {
    const alerts = async () =>
      (
        await gw.db.db
          .selectFrom('outbox')
          .select(['type', 'aggregate_type', 'aggregate_id', 'payload'])
          .where('merchant_id', '=', gw.merchantId)
          .where('type', '=', 'wallet.energy_low')
          .execute()
      ).map((r) => ({ ...r, payload: JSON.parse(r.payload as string) }));
    // the fake hot wallet: 100,000 energy, 35,715 used, so 64,285 available, below the default 200,000
    expect((await gw.core.lowEnergy.checkOnce()).raised).toContain(gw.merchantId);
    expect((await gw.core.lowEnergy.checkOnce()).raised).not.toContain(gw.merchantId);
    const first = await alerts();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ aggregate_type: 'wallet', aggregate_id: gw.hotWalletAddress });
    expect(first[0]?.payload.data.object).toEqual({
      object: 'wallet_energy',
      address: gw.hotWalletAddress,
      energy_available: '64285',
      threshold: '200000',
    });
    gw.chain.energyLimit = 400_000n;
    try {
      expect((await gw.core.lowEnergy.checkOnce()).cleared).toContain(gw.merchantId);
      expect(await alerts()).toHaveLength(1);
    } finally {
      gw.chain.energyLimit = 100_000n;
    }
    expect((await gw.core.lowEnergy.checkOnce()).raised).toContain(gw.merchantId);
    expect(await alerts()).toHaveLength(2);
  });

  it('GET /fees/calculate estimates the network cost under the strategy in force, with which resource pays', async () => {
    const quote = async (method: string) =>
      (
        await gw.call<{ network_cost: Record<string, unknown> | null }>(
          'GET',
          `/api/v1/payments/fees/calculate?amount=250&currency=USDT&payment_method=${method}`,
          { key: gw.adminKey },
        )
      ).body.network_cost;
    await gw.call('PUT', URL, { key: gw.adminKey, body: { strategy: 'burn' } });
    // the fake chain: 100 sun per energy, 1,000 per byte; 1.1 TRX to create an account
    expect(await quote('route')).toEqual({
      strategy: 'burn',
      send: 'payout_transfer',
      trx: '6.7735',
      energy: 64285,
      bandwidth_bytes: 345,
      activation_trx: '0',
      energy_paid_by: 'burned_trx',
      bandwidth_paid_by: 'burned_trx',
    });
    expect(await quote('payment_gateway')).toMatchObject({ strategy: 'burn', send: 'sweep', trx: '7.8735', activation_trx: '1.1' });

    await gw.call('PUT', URL, { key: gw.adminKey, body: { strategy: 'stake' } });
    expect(await quote('route')).toMatchObject({
      strategy: 'stake',
      trx: '0',
      energy: 64285,
      energy_paid_by: 'staked_energy',
      bandwidth_paid_by: 'free_or_staked_bandwidth',
    });
    expect(await quote('payment_gateway')).toMatchObject({
      strategy: 'stake',
      trx: '1.1',
      activation_trx: '1.1',
      energy_paid_by: 'staked_energy',
    });
    // a direct transfer needs no send of the gateway
    expect(await quote('direct_transfer')).toBeNull();
  });
});

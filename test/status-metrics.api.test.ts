/**
 * /status, /metrics and readiness over a whole gateway core (SQLite and PostgreSQL, a fake chain):
 * what /status shows without a key and to an admin; gauges that query the database computed at most once
 * per few seconds; hot-wallet balances per merchant read from the chain at most once per TTL; queue
 * depth counting only open jobs; series known up front starting at 0; `health_check.max_webhook_backlog`
 * and `monitoring.metrics_enabled` doing what they say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/shared/clock.js';
import { ENGINES } from './db-harness.js';
import { FakeChain, type PaymentJson, startTestGateway, type TestGateway, type TestMerchant, testAddresses } from './gateway-harness.js';

const T0 = Date.UTC(2026, 4, 7, 10, 0, 0);
const [PAYEE] = testAddresses(1, 950) as [string];

/** The fake chain, counting balance reads. */
class CountingChain extends FakeChain {
  reads = 0;
  override async balances(): Promise<Record<string, bigint>> {
    this.reads++;
    return super.balances();
  }
}

/** The value of one sample line of the exposition, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

for (const engine of ENGINES) {
  describe(`status and metrics (${engine})`, () => {
    const clock = fixedClock(T0);
    const chain = new CountingChain();
    const queries: string[] = [];
    let gw: TestGateway;
    let other: TestMerchant;
    beforeAll(async () => {
      gw = await startTestGateway(engine, { clock, chain, onQuery: (sql) => queries.push(sql) });
      other = await gw.createMerchant('Other shop');
    });
    afterAll(async () => {
      await gw?.close();
    });

    const create = async (key = gw.adminKey) => {
      const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key, body: { payee_address: PAYEE, amount: '12.5' } });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    const scrape = async () => {
      const res = await gw.call('GET', '/metrics');
      expect(res.status).toBe(200);
      return res.text;
    };

    it('without a key (or with a key lacking admin) shows service-level facts only', async () => {
      const payment = await create(other.adminKey);
      const readOnly = await other.key(['payments:read']);
      for (const key of [undefined, readOnly]) {
        const res = await gw.call<Record<string, unknown>>('GET', '/status', key ? { key } : {});
        expect(res.status).toBe(200);
        expect(Object.keys(res.body).sort()).toEqual(
          ['jobs', 'network', 'ready', 'roles', 'started_at', 'uptime_seconds', 'version', 'webhooks'].sort(),
        );
        expect(res.body).toMatchObject({ version: '0.0.0-test', ready: true, network: 'devnet', roles: ['api', 'workers', 'scanner'] });
        expect(res.text).not.toContain(payment.payment_id);
        expect(res.text).not.toContain(payment.deposit_address as string);
        expect(res.text).not.toContain(other.merchantId);
        expect(res.text).not.toContain(gw.merchantId);
      }
      expect((await gw.call('GET', '/status', { key: 'tpg_ThisKeyDoesNotExist0000000000000000000000000' })).status).toBe(401);
    });

    it('with an admin key adds the runtime detail', async () => {
      const res = await gw.call<Record<string, unknown>>('GET', '/status', { key: gw.adminKey });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ database: engine, deposit_pool: { target: 10_000 }, memory_mb: { rss: expect.any(Number) } });
    });

    it('computes the database gauges at most once per 5 s: two scrapes in that time run one query', async () => {
      clock.advance(60_000);
      await create();
      const before = queries.length;
      const first = await scrape();
      const pending = sample(first, 'tpg_payments{status="pending",method="payment_gateway"}') ?? 0;
      expect(pending).toBeGreaterThan(0);
      await create();
      const second = await scrape();
      expect(sample(second, 'tpg_payments{status="pending",method="payment_gateway"}')).toBe(pending);
      if (engine === 'postgres') {
        const counts = queries.slice(before).filter((q) => /from "payments"/.test(q) && /group by "status", "payment_method"/.test(q));
        expect(counts).toHaveLength(1);
      }
      clock.advance(5_000);
      expect(sample(await scrape(), 'tpg_payments{status="pending",method="payment_gateway"}')).toBe(pending + 1);
    });

    it('shows every known label set, at 0 when nothing has it', async () => {
      const text = await scrape();
      expect(sample(text, 'tpg_payments{status="disputed",method="swap"}')).toBe(0);
      expect(sample(text, 'tpg_jobs{type="maintenance.prune",status="running"}')).toBe(0);
      expect(sample(text, 'tpg_jobs{type="batch.stall_check",status="queued"}')).toBe(0);
      expect(sample(text, 'tpg_webhook_deliveries_total{outcome="failed"}')).toBe(0);
      expect(sample(text, 'tpg_metrics_collect_errors_total{gauge="tpg_payments"}')).toBe(0);
      // nothing sent yet: every purpose is there, at 0
      expect(sample(text, 'tpg_trx_burned_total{purpose="sweep"}')).toBe(0);
      expect(sample(text, 'tpg_trx_burned_total{purpose="payout"}')).toBe(0);
      expect(text).toMatch(/^tpg_build_info\{version="0\.0\.0-test",node="v\d+\.\d+\.\d+"\} 1$/m);
    });

    it('tpg_jobs counts what is queued or running, never finished jobs', async () => {
      const payment = await create();
      const cancelled = await gw.call('POST', `/api/v1/payments/${payment.payment_id}/cancel`, { key: gw.adminKey });
      expect(cancelled.status, cancelled.text).toBe(200);
      const finished = await gw.db.db.selectFrom('jobs').select('id').where('status', '=', 'cancelled').execute();
      expect(finished.length).toBeGreaterThan(0);
      clock.advance(5_000);
      const text = await scrape();
      const queued = await gw.db.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', 'queued')
        .where('type', '=', 'payment.expire')
        .executeTakeFirstOrThrow();
      expect(sample(text, 'tpg_jobs{type="payment.expire",status="queued"}')).toBe(Number(queued.n));
      expect(text).not.toMatch(/^tpg_jobs\{[^}]*status="(completed|failed|cancelled)"/m);
    });

    it('shows each active merchant’s hot-wallet balances and energy, read from the chain at most once per TTL', async () => {
      const settled = async (reads: number, waitMs = 5_000) => {
        const deadline = Date.now() + waitMs;
        while (chain.reads < reads && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        await new Promise((resolve) => setTimeout(resolve, 20)); // the reading is stored after its reads
      };
      // earlier scrapes left a reading: once it is older than caching.ttl_seconds (30 s), a scrape still gets
      // it at once while one refresh reads each merchant's wallet (one balances read each)
      clock.advance(60_000);
      let reads = chain.reads;
      await scrape();
      await settled(reads + 2);
      expect(chain.reads - reads).toBe(2);
      const text = await scrape();
      for (const merchant of [gw.merchantId, other.merchantId]) {
        expect(sample(text, `tpg_hot_wallet_balance{merchant="${merchant}",asset="TRX"}`)).toBe(1234.5);
        expect(sample(text, `tpg_hot_wallet_balance{merchant="${merchant}",asset="USDT"}`)).toBe(98765.4321);
        expect(sample(text, `tpg_hot_wallet_energy{merchant="${merchant}"}`)).toBe(64285);
      }
      // the resource gauges, per hot wallet address (the fake chain: limit 100,000, 35,715 used; 5,000 bytes, 600 used)
      const wallet = `merchant="${gw.merchantId}",address="${gw.hotWalletAddress}"`;
      expect(sample(text, `tpg_energy_available{${wallet}}`)).toBe(64285);
      expect(sample(text, `tpg_energy_limit{${wallet}}`)).toBe(100000);
      expect(sample(text, `tpg_bandwidth_available{${wallet}}`)).toBe(4400);
      reads = chain.reads;
      chain.trx = 2_000_000n;
      clock.advance(10_000);
      await scrape();
      await settled(reads + 1, 200);
      expect(chain.reads).toBe(reads); // within the TTL: no chain call
      clock.advance(25_000);
      const trx = async () => sample(await scrape(), `tpg_hot_wallet_balance{merchant="${gw.merchantId}",asset="TRX"}`);
      expect(await trx()).toBe(1234.5); // past it: the last reading, while one refresh runs
      await settled(reads + 2);
      expect(await trx()).toBe(2);
      expect(chain.reads - reads).toBe(2); // one refresh, however many scrapes came meanwhile
    });
  });

  describe(`readiness and switches (${engine})`, () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway(engine, {
        config: { health_check: { max_webhook_backlog: 2 }, monitoring: { metrics_enabled: false } },
      });
    });
    afterAll(async () => {
      await gw?.close();
    });

    it('is not ready while the webhook backlog is over health_check.max_webhook_backlog, and says why', async () => {
      const ready = await gw.call<{ checks: Record<string, { ok: boolean; detail: string }> }>('GET', '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.checks.webhook_backlog?.ok).toBe(true);
      // the delivery workers are not started here: every payment.created event waits in the outbox
      for (let i = 0; i < 3; i++) {
        const res = await gw.call('POST', '/api/v1/payments/create', { key: gw.adminKey, body: { payee_address: PAYEE, amount: '1' } });
        expect(res.status, res.text).toBe(201);
      }
      const over = await gw.call<{ status: string; checks: Record<string, { ok: boolean; detail: string }> }>('GET', '/health/ready');
      expect(over.status).toBe(503);
      expect(over.body.status).toBe('unhealthy');
      expect(over.body.checks.webhook_backlog).toEqual({
        ok: false,
        detail: '0 deliveries pending and 3 events undispatched (at most 2 in all)',
      });
      expect((await gw.call<{ ready: boolean }>('GET', '/status')).body.ready).toBe(false);
    });

    it('has no /metrics when monitoring.metrics_enabled is false', async () => {
      const res = await gw.call('GET', '/metrics');
      expect(res.status).toBe(404);
      expect((await gw.call<{ links: Record<string, string> }>('GET', '/')).body.links).not.toHaveProperty('metrics');
    });
  });
}

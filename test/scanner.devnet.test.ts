/**
 * The scanner on the devnet: idempotent rescans, one active scanner per database (lease, stand-by,
 * take-over), catch-up after downtime, a node that fails, its lag on /metrics and /health/ready, and the
 * fetching threads of a catch-up (started only for one, matching what the scanner's own thread matches).
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetRegistry } from '../src/modules/assets/asset-registry.js';
import { LeaseStore } from '../src/modules/chain/lease.js';
import { BlockFetchPool } from '../src/modules/scanner/block-fetch-pool.js';
import { scanBlockRange } from '../src/modules/scanner/range-scan.js';
import { createScanner } from '../src/modules/scanner/scanner.module.js';
import { WatchSet } from '../src/modules/scanner/watch-set.js';
import { fixedClock, systemClock } from '../src/shared/clock.js';
import { toHexAddress } from '../src/tron/address.js';
import { ENGINES } from './db-harness.js';
import { broadcast, newWallet, signedTransfer, signedUsdtTransfer, type TestWallet } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

const USDT = 1_000_000n;

describe.each(ENGINES)('scanner on the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  let payer: TestWallet;

  beforeAll(async () => {
    gw = await startMoneyGateway(engine, { config: { health_check: { max_scanner_lag_blocks: 50 } } });
    payer = newWallet();
    await gw.fund(payer.base58, { trx: '1000', usdt: '10000' });
    gw.mine(1);
    await scanner().scanOnce();
  });
  afterAll(async () => gw?.close());

  function scanner() {
    if (!gw.core.scanner || !gw.core.collections) throw new Error('no scanner');
    return gw.core.scanner;
  }
  const invoice = async (amount: string): Promise<PaymentJson> => {
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { amount, payee_address: gw.addresses[0] },
    });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const pay = async (to: string, amount: bigint) => {
    const res = await broadcast(gw.devnet, signedUsdtTransfer(gw.devnet, payer, to, amount));
    expect(res.json.result, JSON.stringify(res.json)).toBe(true);
  };
  const status = async (id: string) => (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body;
  const cursor = async () =>
    Number(
      (await gw.db.db.selectFrom('chain_cursors').select('block_number').where('name', '=', 'scanner').executeTakeFirstOrThrow())
        .block_number,
    );

  it('a rescan of scanned blocks credits nothing twice; the live cursor stays where it was', async () => {
    const p = await invoice('6');
    await pay(p.deposit_address as string, 6n * USDT);
    gw.mine(1);
    const from = Number(gw.devnet.chain.head.number);
    gw.mineUntilSolid();
    await scanner().scanOnce();
    expect((await status(p.payment_id)).status).toBe('completed');
    const at = await cursor();
    const result = await scanner().rescan(from - 2, null);
    expect(result.outcomes.credited).toBe(0);
    expect(result.outcomes.duplicate).toBeGreaterThanOrEqual(1);
    expect(await cursor()).toBe(at);
    const again = await status(p.payment_id);
    expect([again.amount_received, again.status]).toEqual(['6', 'completed']);
    expect(await gw.db.db.selectFrom('ledger_entries').select('id').where('reference_id', '=', p.payment_id).execute()).toHaveLength(1);
  });

  it('a second scanner stands by while the first holds the lease and takes over once it lapses', async () => {
    const clock = fixedClock(Date.now());
    const leases = new LeaseStore(gw.db.db, clock);
    const config = {
      ...gw.config,
      raw: { ...gw.config.raw, network: { ...gw.config.raw.network, scanner: { ...gw.config.raw.network.scanner, lease_ttl_seconds: 5 } } },
    };
    const make = (holder: string) =>
      createScanner({
        db: gw.db.db,
        clock,
        config,
        client: gw.tronChain.client,
        assets: gw.tronChain.assets as AssetRegistry,
        leases,
        recorder: gw.core.collections as NonNullable<typeof gw.core.collections>,
        holder,
      }).scanner;
    // the core's own scanner holds the lease under the real clock: free it first
    await scanner().stop();
    await gw.db.db.deleteFrom('leases').where('name', '=', 'scanner').execute();
    const a = make('a');
    const b = make('b');
    try {
      gw.mine(3);
      expect(await a.scanOnce()).toBe(3);
      gw.mine(2);
      expect(await b.scanOnce()).toBe(0);
      expect(b.active).toBe(false);
      expect((await b.status()).holder).toBe('a');
      clock.advance(6000); // a stops renewing; its lease lapses
      const p = await invoice('2');
      await pay(p.deposit_address as string, 2n * USDT);
      gw.mine(1);
      expect(await b.scanOnce()).toBe(3);
      expect(b.active).toBe(true);
      expect(['processing', 'confirmed']).toContain((await status(p.payment_id)).status);
      gw.mine(1);
      expect(await a.scanOnce()).toBe(0); // a comes back and stands by
      expect(await b.scanOnce()).toBe(1);
    } finally {
      await b.stop();
      await a.stop();
    }
  });

  it('catches up after downtime: 200 blocks mined while stopped, nothing missed', async () => {
    const p = await invoice('4');
    gw.mine(100);
    await pay(p.deposit_address as string, 4n * USDT);
    gw.mine(100);
    const before = await cursor();
    const scanned = await scanner().scanOnce();
    expect(scanned).toBeGreaterThanOrEqual(200);
    expect(await cursor()).toBe(Number(gw.devnet.chain.head.number));
    expect(await cursor()).toBe(before + scanned);
    expect((await status(p.payment_id)).status).toBe('completed');
  });

  it('node down: passes fail and are retried; nothing is lost after recovery', async () => {
    const p = await invoice('5');
    await pay(p.deposit_address as string, 5n * USDT);
    gw.mine(2);
    gw.devnet.faults.errorRate = 1;
    try {
      await expect(scanner().scanOnce()).rejects.toThrow();
      await expect(scanner().scanOnce()).rejects.toThrow();
    } finally {
      gw.devnet.faults.errorRate = 0;
    }
    expect((await status(p.payment_id)).status).toBe('pending');
    gw.mineUntilSolid();
    await scanner().scanOnce();
    expect((await status(p.payment_id)).status).toBe('completed');
  });

  it('the loop retries after a failure and keeps going (start/stop)', async () => {
    const p = await invoice('1');
    await pay(p.deposit_address as string, USDT);
    gw.mine(1);
    gw.devnet.faults.errorRate = 1;
    scanner().start();
    await new Promise((r) => setTimeout(r, 300));
    gw.devnet.faults.errorRate = 0;
    gw.mineUntilSolid();
    const deadline = Date.now() + 10_000;
    while ((await status(p.payment_id)).status !== 'completed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await scanner().stop();
    expect((await status(p.payment_id)).status).toBe('completed');
  });

  it('reports its lag on /metrics, /status and /health/ready', async () => {
    await scanner().scanOnce();
    let ready = await gw.call<{ checks: Record<string, { ok: boolean; detail: string }> }>('GET', '/health/ready');
    expect(ready.body.checks.scanner?.ok).toBe(true);
    gw.mine(60);
    await new Promise((r) => setTimeout(r, 1100)); // the head is cached for a second
    ready = await gw.call('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.scanner).toMatchObject({ ok: false, detail: '60 blocks behind the head (at most 50)' });
    const metrics = await gw.call('GET', '/metrics');
    expect(metrics.text).toMatch(/tpg_scanner_lag_blocks 60/);
    const shown = await gw.call<{ scanner: { cursor: number; head: number; lag: number; holder: string } }>('GET', '/status');
    expect(shown.body.scanner).toMatchObject({ lag: 60, head: Number(gw.devnet.chain.head.number) });
    await scanner().scanOnce();
    await new Promise((r) => setTimeout(r, 1100));
    ready = await gw.call('GET', '/health/ready');
    expect(ready.body.checks.scanner?.ok).toBe(true);
  });
  it('fetching threads: none at the head; a catch-up over 200+ blocks starts them, matches there, and they end when idle', async () => {
    const config = {
      ...gw.config,
      raw: { ...gw.config.raw, network: { ...gw.config.raw.network, scanner: { ...gw.config.raw.network.scanner, fetch_threads: 2 } } },
    };
    await scanner().stop();
    await gw.db.db.deleteFrom('leases').where('name', '=', 'scanner').execute();
    const threadCalls: string[] = [];
    const built = createScanner({
      db: gw.db.db,
      clock: systemClock,
      config,
      client: gw.tronChain.client,
      assets: gw.tronChain.assets as AssetRegistry,
      leases: new LeaseStore(gw.db.db, systemClock),
      recorder: gw.core.collections as NonNullable<typeof gw.core.collections>,
      holder: 'pooled',
      // the threads' node calls come back to the observer here (the scanner's own go through `client`)
      clientOptions: { ...gw.tronChain.clientOptions, onCall: (call) => threadCalls.push(call.endpoint) },
      fetchIdleMs: 1500,
    });
    const pooled = built.scanner;
    try {
      await pooled.scanOnce();
      gw.mine(1);
      expect(await pooled.scanOnce()).toBe(1);
      expect(built.fetchThreads().running).toBe(0); // at the head: read on the scanner's own thread
      gw.mine(250);
      expect(await pooled.scanOnce()).toBe(250);
      expect(built.fetchThreads().running).toBe(2); // behind: the threads start (this pass may not wait for them)
      const loaded = Date.now() + 10_000;
      while (built.fetchThreads().ready < 2 && Date.now() < loaded) await new Promise((r) => setTimeout(r, 20));
      gw.mine(250);
      expect(await pooled.scanOnce()).toBe(250);
      expect(built.fetchThreads().ranges).toBeGreaterThanOrEqual(2); // the threads now hold the watch set
      expect(threadCalls).toContain('/wallet/getblockbylimitnext');

      // a deposit (USDT), a TRX invoice and a direct transfer (payer → payee pair), created after the
      // threads got their watch set, paid mid catch-up: the pass sends them the set as it is now
      const usdt = await invoice('3');
      const trx = (
        await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
          key: gw.adminKey,
          body: { amount: '7', currency: 'TRX', payee_address: gw.addresses[0] },
        })
      ).body;
      const direct = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
        key: gw.adminKey,
        body: { amount: '2', payment_method: 'direct_transfer', payer_address: payer.base58, payee_address: gw.addresses[0] },
      });
      expect(direct.status, direct.text).toBe(201);
      gw.mine(120);
      await pay(usdt.deposit_address as string, 3n * USDT);
      expect(
        (await broadcast(gw.devnet, signedTransfer(gw.devnet, payer, trx.deposit_address as string, 7n * 1_000_000n))).json.result,
      ).toBe(true);
      await pay(gw.addresses[0] as string, 2n * USDT);
      gw.mine(130);
      gw.mineUntilSolid();
      const before = built.fetchThreads().ranges;
      expect(await pooled.scanOnce()).toBeGreaterThanOrEqual(250);
      expect(built.fetchThreads().ranges - before).toBeGreaterThanOrEqual(2); // matched on the threads
      for (const p of [usdt, trx, direct.body]) expect((await status(p.payment_id)).status, p.payment_id).toBe('completed');

      const deadline = Date.now() + 8000;
      while (built.fetchThreads().running > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(built.fetchThreads().running).toBe(0); // idle: the threads ended
    } finally {
      await pooled.stop();
      await built.close();
    }
  });

  it('a range scanned on a fetching thread (blocks, matching, receipts) equals the same range scanned on this thread', async () => {
    const watch = new WatchSet(gw.db.db, systemClock, { watchDays: 7, reloadMs: 600_000 });
    await watch.refresh();
    const { fetch: _f, sleep: _s, random: _r, now: _n, onCall: _o, ...endpoints } = gw.tronChain.clientOptions;
    const pool = new BlockFetchPool(endpoints, 1, 1000);
    const tokens = { [toHexAddress(gw.devnet.usdtAddress)]: 'USDT' };
    try {
      const head = Number(gw.devnet.chain.head.number);
      const from = Math.max(1, head - 700);
      let hits = 0;
      for (let n = from; n <= head; n += 100) {
        const to = Math.min(head + 1, n + 100);
        const here = await scanBlockRange(gw.tronChain.client, n, to, watch, tokens);
        const there = await pool.scanBlocks(n, to, watch, tokens);
        expect(there).toEqual(here);
        hits += here.reduce((sum, b) => sum + b.transfers.length, 0);
      }
      expect(hits).toBeGreaterThanOrEqual(3); // the USDT (from receipts), TRX and direct transfers of the test before
    } finally {
      await pool.close();
    }
  });
});

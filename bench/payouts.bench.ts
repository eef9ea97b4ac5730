/**
 * Payout throughput (SPEC §5 payout sender): one batch of 1000 payouts (1000 distinct payees) created
 * through the API on a gateway whose workers role runs (job runner, chain sender, send tracker).
 *
 * The chain is the devnet in a worker thread (bench/devnet.worker.ts) producing a block every 3 s with a
 * solidification lag of 19 blocks — mainnet's rhythm — so, like a real node in another process, it does
 * not share the gateway's event loop. TPG_BENCH_BLOCK_MS / TPG_BENCH_SOLIDIFY_LAG change the rhythm,
 * TPG_BENCH_ENGINES=sqlite|postgres runs one engine.
 *
 * (a) seconds from the batch request until every payout is broadcast (payment `processing` or later),
 *     target ≤ 10 s;
 * (b) seconds until every payout is completed (solidified), target ≤ solidification delay + 10 s.
 * On SQLite and on PostgreSQL.
 */

import { GatewayChain } from '../src/app/chain.js';
import type { Engine } from '../src/db/database.js';
import { AssetRegistry } from '../src/modules/assets/asset-registry.js';
import { HdSigner } from '../src/modules/wallets/signer.js';
import { generateMnemonic } from '../src/tron/hd.js';
import { type BatchJson, startTestGateway, testAddresses, testConfig } from '../test/gateway-harness.js';
import { DevnetWorker } from './devnet.bench.js';
import { type BenchResult, result } from './harness.js';

const PAYOUTS = 1000;
const BLOCK_MS = Number(process.env.TPG_BENCH_BLOCK_MS ?? 3000);
const SOLIDIFY_LAG = Number(process.env.TPG_BENCH_SOLIDIFY_LAG ?? 19);
const ENGINES = (process.env.TPG_BENCH_ENGINES?.split(',') ?? ['sqlite', 'postgres']) as Engine[];
const SOLID_DELAY_S = (SOLIDIFY_LAG * BLOCK_MS) / 1000;
const DEADLINE_MS = Math.max(150_000, SOLID_DELAY_S * 2000);
const SETTING = `${BLOCK_MS / 1000} s blocks, lag ${SOLIDIFY_LAG}, devnet in a worker thread`;

async function runEngine(engine: Engine, log: (line: string) => void): Promise<BenchResult[]> {
  const devnet = await DevnetWorker.start({ manual: false, blockTimeMs: BLOCK_MS, solidifyLag: SOLIDIFY_LAG });
  const mnemonic = generateMnemonic();
  const chain = new GatewayChain(
    { fullNodeUrls: [devnet.url], solidityUrls: [], eventUrls: [], apiKey: '', timeoutMs: 5000, maxAttempts: 2 },
    new AssetRegistry(testConfig().assets, { USDT: devnet.usdt }),
  );
  const signer = HdSigner.fromMnemonic(mnemonic, '', { deposit: 0, hotWallet: 1 });
  const gw = await startTestGateway(engine, {
    chain,
    tron: { client: chain.client, assets: chain.assets as AssetRegistry, signer },
    mnemonic,
    config: { server: { roles: ['workers'] }, payment_processing: { payouts: { poll_interval_ms: 100 } } },
  });
  try {
    // funded and solidified (the worker mines lag + 1 blocks at once) before the clock starts
    await devnet.call('fund', { addresses: [gw.hotWalletAddress], trx: 40_000_000_000n, usdt: 100_000_000_000n });
    gw.core.startWorkers();
    const payees = testAddresses(PAYOUTS, 50_000);
    const started = performance.now();
    const created = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
      key: gw.adminKey,
      body: { payments: payees.map((payee, i) => ({ payment_method: 'route', payee_address: payee, amount: String(10 + (i % 13)) })) },
    });
    if (created.status !== 201) throw new Error(`batch failed: ${created.status} ${created.text}`);
    const createdS = (performance.now() - started) / 1000;
    let broadcastS = Number.NaN;
    let completedS = Number.NaN;
    while (performance.now() - started < DEADLINE_MS) {
      const rows = await gw.db.db
        .selectFrom('payments')
        .select((eb) => ['status', eb.fn.countAll<bigint>().as('n')])
        .where('payment_method', '=', 'route')
        .groupBy('status')
        .execute();
      const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
      const sent = count('processing') + count('confirmed') + count('completed');
      const seconds = (performance.now() - started) / 1000;
      if (Number.isNaN(broadcastS) && sent >= PAYOUTS) broadcastS = seconds;
      if (count('completed') >= PAYOUTS) {
        completedS = seconds;
        break;
      }
      if (count('failed') > 0) throw new Error(`${count('failed')} payouts failed`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    log(
      `payouts (${engine}, ${SETTING}): batch created after ${createdS.toFixed(1)} s, all broadcast after ${broadcastS.toFixed(1)} s, ` +
        `all completed after ${completedS.toFixed(1)} s (target ${SOLID_DELAY_S + 10} s)`,
    );
    const details = {
      payouts: PAYOUTS,
      block_ms: BLOCK_MS,
      solidify_lag: SOLIDIFY_LAG,
      devnet: 'worker thread',
      batch_created_s: createdS,
    };
    return [
      result(`${engine}: 1000 payouts broadcast (${SETTING})`, Number(broadcastS.toFixed(2)), 's', {
        target: { op: '<=', value: 10 },
        details,
      }),
      result(`${engine}: 1000 payouts completed (${SETTING})`, Number(completedS.toFixed(2)), 's', {
        target: { op: '<=', value: SOLID_DELAY_S + 10 },
        details,
      }),
    ];
  } finally {
    await gw.close();
    await devnet.stop();
  }
}

export async function runPayouts(log: (line: string) => void): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const engine of ENGINES) out.push(...(await runEngine(engine, log)));
  return out;
}

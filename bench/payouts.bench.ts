/**
 * Payout throughput (SPEC §5 payout sender): one batch of 1000 payouts (1000 distinct payees) created
 * through the API on a gateway whose workers role runs (job runner, chain sender, send tracker), against
 * an in-process devnet producing a block every second with a solidification lag of 19 blocks (mainnet's).
 *
 * (a) seconds from the batch request until every payout is broadcast (payment `processing` or later),
 *     target ≤ 10 s;
 * (b) seconds until every payout is completed (solidified), target ≤ solidification delay + 10 s.
 * On SQLite and on PostgreSQL.
 */
import type { Engine } from '../src/db/database.js';
import { Devnet } from '../src/devnet/devnet.js';
import { type BatchJson, testAddresses } from '../test/gateway-harness.js';
import { startMoneyGateway } from '../test/money-harness.js';
import { type BenchResult, result } from './harness.js';

const PAYOUTS = 1000;
const BLOCK_MS = 1000;
const SOLIDIFY_LAG = 19;
const DEADLINE_MS = 150_000;

async function runEngine(engine: Engine, log: (line: string) => void): Promise<BenchResult[]> {
  const devnet = await Devnet.start({ port: 0, blockTimeMs: BLOCK_MS, solidifyLag: SOLIDIFY_LAG });
  const gw = await startMoneyGateway(engine, {
    devnet,
    fundHotWallet: { trx: '40000', usdt: '100000' },
    config: { server: { roles: ['workers'] }, payment_processing: { payouts: { poll_interval_ms: 100 } } },
  });
  try {
    // the faucet's funding must be solid before the clock starts
    gw.mineUntilSolid();
    gw.core.startWorkers();
    const payees = testAddresses(PAYOUTS, 50_000);
    const started = performance.now();
    const created = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
      key: gw.adminKey,
      body: { payments: payees.map((payee, i) => ({ payment_method: 'route', payee_address: payee, amount: String(10 + (i % 13)) })) },
    });
    if (created.status !== 201) throw new Error(`batch failed: ${created.status} ${created.text}`);
    gw.core.wakeJobs();
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
    const solidDelayS = (SOLIDIFY_LAG * BLOCK_MS) / 1000;
    log(`payouts (${engine}): all broadcast after ${broadcastS.toFixed(1)} s, all completed after ${completedS.toFixed(1)} s`);
    const details = { payouts: PAYOUTS, block_ms: BLOCK_MS, solidify_lag: SOLIDIFY_LAG };
    return [
      result(`${engine}: 1000 payouts broadcast`, Number(broadcastS.toFixed(2)), 's', { target: { op: '<=', value: 10 }, details }),
      result(`${engine}: 1000 payouts completed`, Number(completedS.toFixed(2)), 's', {
        target: { op: '<=', value: solidDelayS + 10 },
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
  for (const engine of ['sqlite', 'postgres'] as const) out.push(...(await runEngine(engine, log)));
  return out;
}

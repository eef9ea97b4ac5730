/**
 * No payout is ever sent twice, also across crashes and several processes (SPEC §5): 1000 payouts to 1000
 * payees are processed by worker child processes that are killed with SIGKILL at random points and
 * restarted (on PostgreSQL two workers run at once), while the devnet produces a block every 200 ms.
 * At the end the chain itself is read: every payee holds exactly its net amount, received in exactly one
 * USDT Transfer, and every payment is completed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { forEachBounded } from '../src/modules/chain/chain-sender.js';
import { toHexAddress } from '../src/tron/address.js';
import { decodeTransferLog } from '../src/tron/trc20.js';
import { ENGINES } from './db-harness.js';
import { startTestDevnet } from './devnet-harness.js';
import type { PayoutWorkerSettings } from './fixtures/payout-worker.js';
import { type BatchJson, testAddresses } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

const ROOT = join(import.meta.dirname, '..');
const WORKER = join(ROOT, 'test', 'fixtures', 'payout-worker.ts');
const PAYOUTS = 1000;
const KILLS = Number(process.env.TPG_CRASH_KILLS ?? 3);
const DEADLINE_MS = 100_000;

const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

/** Starts a worker process and resolves once it prints "ready". */
function startWorker(settings: PayoutWorkerSettings): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: { ...process.env, TPG_PAYOUT_WORKER: JSON.stringify(settings) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  if (process.env.TPG_TEST_LOG) child.stderr?.on('data', (chunk: Buffer) => traceLine(chunk.toString()));
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`payout worker exited (${code}) before it was ready`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** USDT Transfer events per recipient (41… hex), read from every block's receipts. */
function usdtTransfersOnChain(devnet: Devnet): Map<string, bigint[]> {
  const out = new Map<string, bigint[]>();
  for (const block of devnet.chain.blocks) {
    for (const tx of block.txs) {
      if (tx.receipt.vmResult !== 'SUCCESS') continue;
      for (const log of tx.receipt.logs) {
        const transfer = decodeTransferLog(log);
        if (!transfer || transfer.contract !== devnet.chain.token.address) continue;
        const list = out.get(transfer.to) ?? [];
        list.push(transfer.value);
        out.set(transfer.to, list);
      }
    }
  }
  return out;
}

function traceLine(text: string): void {
  // with TPG_TEST_LOG set, the workers' traces and the progress of the run go to TPG_TEST_LOG_FILE
  appendFileSync(process.env.TPG_TEST_LOG_FILE ?? '/tmp/payouts-crash.log', text);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ENGINES)('payouts survive SIGKILL (%s)', (engine) => {
  it(`pays ${PAYOUTS} payees exactly once while workers are killed and restarted`, { timeout: 150_000 }, async () => {
    const devnet = await startTestDevnet({ manual: false, blockTimeMs: 200 });
    let gw: MoneyGateway | undefined;
    try {
      gw = await startMoneyGateway(engine, { devnet, fundHotWallet: { trx: '40000', usdt: '100000' } });
      const payees = testAddresses(PAYOUTS, 10_000);
      const created = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
        key: gw.adminKey,
        body: {
          payments: payees.map((payee, i) => ({ payment_method: 'route', payee_address: payee, amount: String(10 + (i % 13)) })),
        },
      });
      expect(created.status, created.text).toBe(201);
      const ids = (created.body.results ?? []).map((r) => r.payment_id as string);
      expect(ids).toHaveLength(PAYOUTS);

      const settings = (instance: string): PayoutWorkerSettings => ({
        connection: gw?.db.connection ?? {},
        devnetUrl: devnet.url,
        usdtContract: devnet.usdtAddress,
        mnemonic: gw?.mnemonic ?? '',
        instance,
        config: { payment_processing: { payouts: { poll_interval_ms: 50, claim_lease_seconds: 2 } } },
      });
      const instances = engine === 'postgres' ? ['worker-a', 'worker-b'] : ['worker-a'];
      const running = new Map<string, ChildProcess>();
      await Promise.all(instances.map(async (name) => running.set(name, await startWorker(settings(name)))));

      const completed = async () =>
        Number(
          (
            await gw!.db.db
              .selectFrom('payments')
              .select((eb) => eb.fn.countAll<bigint>().as('n'))
              .where('status', '=', 'completed')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const started = Date.now();
      let kills = 0;
      while (kills < KILLS && Date.now() - started < DEADLINE_MS) {
        await sleep(300 + Math.floor(Math.random() * 1200));
        if ((await completed()) === PAYOUTS) break;
        // SIGKILL one worker at a random point and start it again (same instance id, as a restarted process)
        const name = instances[Math.floor(Math.random() * instances.length)] as string;
        await kill(running.get(name) as ChildProcess);
        kills += 1;
        running.set(name, await startWorker(settings(name)));
      }
      while ((await completed()) < PAYOUTS && Date.now() - started < DEADLINE_MS) {
        await sleep(250);
        if (process.env.TPG_TEST_LOG) {
          const byStatus = await gw.db.db
            .selectFrom('chain_sends')
            .select((eb) => ['status', eb.fn.countAll<bigint>().as('n')])
            .groupBy('status')
            .execute();
          traceLine(`${Date.now() - started} ms: ${JSON.stringify(byStatus.map((s) => [s.status, Number(s.n)]))}\n`);
        }
      }
      expect(await completed()).toBe(PAYOUTS);
      for (const child of running.values()) await kill(child);

      // the chain's word: one transfer of the net amount per payee, and that balance
      const onChain = usdtTransfersOnChain(devnet);
      const payments = await gw.db.db
        .selectFrom('payments')
        .select(['id', 'payee_address', 'net_amount', 'status', 'transaction_id'])
        .where('id', 'in', ids)
        .execute();
      const wrong: string[] = [];
      for (const p of payments) {
        const transfers = onChain.get(toHexAddress(p.payee_address)) ?? [];
        if (transfers.length !== 1 || transfers[0] !== BigInt(p.net_amount)) wrong.push(`${p.payee_address}: ${transfers.join(',')}`);
      }
      expect(wrong).toEqual([]);
      const balances: bigint[] = [];
      await forEachBounded(payments, 16, async (p) => {
        const balance = (await gw!.tronChain.balances(p.payee_address)).USDT ?? 0n;
        if (balance !== BigInt(p.net_amount)) balances.push(balance);
      });
      expect(balances).toEqual([]);
      const sends = await gw.db.db
        .selectFrom('chain_sends')
        .select((eb) => ['status', eb.fn.countAll<bigint>().as('n')])
        .groupBy('status')
        .execute();
      expect(Object.fromEntries(sends.map((s) => [s.status, Number(s.n)]))).toMatchObject({ completed: PAYOUTS });
      expect(kills).toBeGreaterThan(0);
    } finally {
      for (const child of children) child.kill('SIGKILL');
      await gw?.close();
      await devnet.stop();
    }
  });
});

/**
 * Devnet benchmarks. Threads: the devnet (chain + HTTP server) runs in a worker thread
 * (bench/devnet.worker.ts); the load generator (pre-signing and the HTTP client) runs on the main
 * thread, so each side has its own event loop and, on a 2-core machine, its own core.
 *
 *  (a) broadcast throughput: pre-signed TRX and USDT transfers POSTed to /wallet/broadcasttransaction
 *      over keep-alive connections with CONCURRENCY requests in flight; only `{result:true}` counts.
 *  (b) block production: 1,000 pending transactions sealed by chain.produceBlock (timed on the devnet
 *      thread), then /wallet/getblockbynum for that block over HTTP (first, uncached render; then cached).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { addressToBytes } from '../src/tron/address.js';
import { generatePrivateKey, privateKeyToAccount, privateKeyToAddressBytes } from '../src/tron/keys.js';
import {
  buildTransfer,
  buildTriggerSmartContract,
  refBlockFields,
  signTransaction,
  type Transaction,
  transactionToJson,
} from '../src/tron/transaction.js';
import { encodeTransferCall } from '../src/tron/trc20.js';
import type { Command, Commands, HeadInfo, LoopUsage, WorkerOptions, WorkerReady, WorkerReply, WorkerRequest } from './devnet.worker.js';
import { type BenchResult, type Details, median, result, summarize } from './harness.js';

const BLOCK_TIME_MS = 3000;
const SENDERS = 50;
const CONCURRENCY = 48;
const WARMUP_TXS = 400;
/** the throughput run stops when this pool is used up or after THROUGHPUT_MS, whichever comes first */
const THROUGHPUT_POOL = 20_000;
const THROUGHPUT_MS = 5000;
const BLOCK_TXS = 1000;
const BLOCK_ROUNDS = 3;
const TRX = 1_000_000n;

interface Sender {
  key: Uint8Array;
  bytes: Uint8Array;
  base58: string;
}

// ------------------------------------------------------------------ worker plumbing

class DevnetWorker {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  private constructor(
    private readonly worker: Worker,
    readonly url: string,
    readonly usdt: string,
  ) {
    worker.on('message', (msg: WorkerReply) => {
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if (msg.ok) w.resolve(msg.value);
      else w.reject(new Error(`devnet worker: ${msg.error}`));
    });
    const fail = (err: Error) => {
      this.failure = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`devnet worker exited with code ${code}`)));
  }

  static start(opts: WorkerOptions): Promise<DevnetWorker> {
    // Loader hooks from `--import tsx` reach a worker too late for a .ts entry point on Node 20, so the
    // worker starts as a tiny script that loads bench/devnet.worker.ts through tsx's own tsImport.
    const api = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./devnet.worker.ts', import.meta.url).href;
    const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
    const worker = new Worker(code, { eval: true, workerData: opts, execArgv: [] });
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      worker.once('error', onError);
      worker.once('message', (msg: WorkerReady) => {
        worker.off('error', onError);
        resolve(new DevnetWorker(worker, msg.url, msg.usdt));
      });
    });
  }

  call<K extends Command>(cmd: K, arg: Commands[K][0]): Promise<Commands[K][1]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: (v) => resolve(v as Commands[K][1]), reject });
      this.worker.postMessage({ id, cmd, arg } as WorkerRequest);
    });
  }

  async stop(): Promise<void> {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.race([this.call('stop', null).catch(() => undefined), timeout]);
    await this.worker.terminate();
  }
}

// ------------------------------------------------------------------ HTTP client

interface HttpReply {
  status: number;
  text: string;
}

function post(agent: Agent, base: URL, path: string, body: string): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error(`${path} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

interface LoadStats {
  sent: number;
  accepted: number;
  rejected: Record<string, number>;
  latenciesMs: number[];
  elapsedMs: number;
}

/** Sends `bodies` with `concurrency` requests in flight until they run out or `deadlineMs` passes. */
async function broadcastAll(
  agent: Agent,
  base: URL,
  bodies: string[],
  concurrency: number,
  deadlineMs = Number.POSITIVE_INFINITY,
): Promise<LoadStats> {
  const stats: LoadStats = { sent: 0, accepted: 0, rejected: {}, latenciesMs: [], elapsedMs: 0 };
  let next = 0;
  const start = performance.now();
  const end = start + deadlineMs;
  const lane = async (): Promise<void> => {
    while (next < bodies.length && performance.now() < end) {
      const body = bodies[next++] as string;
      const t = performance.now();
      stats.sent++;
      let code: string;
      try {
        const reply = await post(agent, base, '/wallet/broadcasttransaction', body);
        const json = JSON.parse(reply.text) as { result?: boolean; code?: string; Error?: string };
        stats.latenciesMs.push(performance.now() - t);
        if (reply.status === 200 && json.result === true) {
          stats.accepted++;
          continue;
        }
        code = json.code ?? (json.Error ? 'Error' : `HTTP ${reply.status}`);
      } catch (err) {
        code = `client: ${(err as Error).message}`;
      }
      stats.rejected[code] = (stats.rejected[code] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  stats.elapsedMs = performance.now() - start;
  return stats;
}

// ------------------------------------------------------------------ transactions

/** A mix of TRX transfers and USDT transfers between the funded senders, each with its own timestamp (unique txID). */
function presign(senders: Sender[], usdtBytes: Uint8Array, head: HeadInfo, count: number, seq: { next: number }): string[] {
  const ref = refBlockFields(head.number, head.id);
  const expiration = head.timestamp + 600_000n;
  const base = BigInt(Date.now());
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const i = seq.next++;
    const from = senders[i % senders.length] as Sender;
    const to = senders[(i + 1 + (i % 7)) % senders.length] as Sender;
    const timestamp = base + BigInt(i);
    let tx: Transaction;
    if (i % 2 === 0) {
      tx = buildTransfer({ ref, timestamp, expiration, from: from.bytes, to: to.bytes, amount: BigInt(1 + (i % 997)) });
    } else {
      tx = buildTriggerSmartContract({
        ref,
        timestamp,
        expiration,
        from: from.bytes,
        contract: usdtBytes,
        data: encodeTransferCall(to.base58, BigInt(1 + (i % 991))),
        feeLimit: 100n * TRX,
      });
    }
    out.push(JSON.stringify(transactionToJson(signTransaction(tx, from.key))));
  }
  return out;
}

function loopShare(before: LoopUsage, after: LoopUsage): number {
  const active = after.active - before.active;
  const idle = after.idle - before.idle;
  return active + idle > 0 ? active / (active + idle) : 0;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

// ------------------------------------------------------------------ the suite

export async function runDevnet(log: (line: string) => void = console.log): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const devnet = await DevnetWorker.start({ solidifyLag: 1, blockTimeMs: BLOCK_TIME_MS });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const base = new URL(devnet.url);
    log(`devnet: worker thread serving ${devnet.url}; load generator on the main thread`);

    const senders: Sender[] = Array.from({ length: SENDERS }, () => {
      const key = generatePrivateKey();
      return { key, bytes: privateKeyToAddressBytes(key), base58: privateKeyToAccount(key).base58 };
    });
    const usdtBytes = addressToBytes(devnet.usdt);
    const head = await devnet.call('fund', { addresses: senders.map((s) => s.base58), trx: 100_000n * TRX, usdt: 1_000_000n * 1_000_000n });
    log(`devnet: funded ${SENDERS} senders with 100,000 TRX and 1,000,000 USDT each (head ${head.number}, solid ${head.solidNumber})`);

    const seq = { next: 0 };
    const t = performance.now();
    const warmup = presign(senders, usdtBytes, head, WARMUP_TXS, seq);
    const pool = presign(senders, usdtBytes, head, THROUGHPUT_POOL, seq);
    const rounds = Array.from({ length: BLOCK_ROUNDS }, () => presign(senders, usdtBytes, head, BLOCK_TXS, seq));
    log(`devnet: pre-signed ${seq.next} transactions in ${Math.round(performance.now() - t)} ms (50% TRX, 50% USDT)`);

    // (a) broadcast throughput
    const warm = await broadcastAll(agent, base, warmup, CONCURRENCY);
    if (warm.accepted !== warm.sent) log(`devnet: warm-up rejections ${JSON.stringify(warm.rejected)}`);
    log(`devnet: broadcasting up to ${THROUGHPUT_POOL} transactions for at most ${THROUGHPUT_MS} ms, ${CONCURRENCY} in flight …`);
    const eluDevnet0 = await devnet.call('elu', null);
    const eluClient0 = performance.eventLoopUtilization();
    const load = await broadcastAll(agent, base, pool, CONCURRENCY, THROUGHPUT_MS);
    const eluClient = performance.eventLoopUtilization(eluClient0).utilization;
    const eluDevnet = loopShare(eluDevnet0, await devnet.call('elu', null));
    const lat = summarize(load.latenciesMs);
    const acceptedPerSec = (load.accepted * 1000) / load.elapsedMs;
    const loadDetails: Details = {
      thread_model: 'devnet in worker thread, HTTP client on main thread',
      concurrency: CONCURRENCY,
      keep_alive: true,
      sent: load.sent,
      accepted: load.accepted,
      rejected: JSON.stringify(load.rejected),
      elapsed_ms: Math.round(load.elapsedMs),
      latency_p50_ms: round2(lat.p50),
      latency_p90_ms: round2(lat.p90),
      latency_p99_ms: round2(lat.p99),
      latency_max_ms: round2(lat.max),
      devnet_event_loop_utilization: round2(eluDevnet),
      client_event_loop_utilization: round2(eluClient),
      mix: '50% TransferContract, 50% USDT transfer (TriggerSmartContract)',
    };
    results.push(
      result('broadcasttransaction accepted over HTTP', Math.round(acceptedPerSec), 'tx/s', {
        target: { op: '>=', value: 500 },
        details: loadDetails,
      }),
    );
    results.push(result('broadcasttransaction latency p50', round2(lat.p50), 'ms', { details: { concurrency: CONCURRENCY } }));
    results.push(result('broadcasttransaction latency p99', round2(lat.p99), 'ms', { details: { concurrency: CONCURRENCY } }));

    // Seal what the throughput run left pending (a big block; informational), so each round starts empty.
    const big = await devnet.call('produce', null);
    log(`devnet: sealed the ${big.txs}-tx throughput block in ${round1(big.ms)} ms`);
    results.push(
      result(`produceBlock, ${big.txs}-tx block (throughput leftovers)`, round1(big.ms), 'ms', {
        details: {
          txs: big.txs,
          succeeded: big.succeeded,
          ms_per_1000_txs: round1((big.ms * 1000) / Math.max(1, big.txs)),
          note: 'informational',
        },
      }),
    );

    // (b) block production: 1,000 pending transactions per block
    const sealMs: number[] = [];
    const slotMs: number[] = [];
    const coldMs: number[] = [];
    const warmMs: number[] = [];
    const problems: string[] = [];
    let blockBytes = 0;
    for (const [r, bodies] of rounds.entries()) {
      const start = performance.now();
      const sent = await broadcastAll(agent, base, bodies, CONCURRENCY);
      const broadcastMs = performance.now() - start;
      const block = await devnet.call('produce', null);
      slotMs.push(broadcastMs + block.ms);
      sealMs.push(block.ms);
      if (block.pendingBefore < BLOCK_TXS || block.txs < BLOCK_TXS) {
        problems.push(`round ${r + 1}: ${block.txs} txs sealed (accepted ${sent.accepted}, rejected ${JSON.stringify(sent.rejected)})`);
      }
      if (block.succeeded !== block.txs) problems.push(`round ${r + 1}: ${block.txs - block.succeeded} txs not SUCCESS`);
      const body = JSON.stringify({ num: Number(block.number) });
      for (const bucket of [coldMs, warmMs]) {
        const t0 = performance.now();
        const reply = await post(agent, base, '/wallet/getblockbynum', body);
        bucket.push(performance.now() - t0);
        const parsed = JSON.parse(reply.text) as { transactions?: unknown[] };
        if ((parsed.transactions?.length ?? 0) !== block.txs)
          problems.push(`round ${r + 1}: getblockbynum returned ${parsed.transactions?.length ?? 0} txs`);
        blockBytes = reply.text.length;
      }
      log(
        `devnet: round ${r + 1}: ${block.txs} txs, broadcast ${Math.round(broadcastMs)} ms, produceBlock ${round1(block.ms)} ms, getblockbynum ${round1(coldMs.at(-1) ?? 0)} ms cold / ${round1(warmMs.at(-1) ?? 0)} ms cached`,
      );
    }
    const seal = median(sealMs);
    results.push(
      result(`produceBlock, ${BLOCK_TXS}-tx block (median of ${BLOCK_ROUNDS})`, round1(seal), 'ms', {
        target: { op: '<=', value: BLOCK_TIME_MS },
        details: {
          block_time_ms: BLOCK_TIME_MS,
          margin_ms: Math.round(BLOCK_TIME_MS - seal),
          share_of_block_time_pct: round1((seal / BLOCK_TIME_MS) * 100),
          rounds_ms: sealMs.map(round1).join(', '),
          thread: 'timed inside the devnet worker (txTrieRoot, witness signature, state diff, indexing)',
          problems: problems.length ? problems.join('; ') : null,
        },
      }),
    );
    if (problems.length)
      results.push(
        result('1,000-tx blocks sealed as expected', 0, 'bool', {
          target: { op: '>=', value: 1 },
          details: { problems: problems.join('; ') },
        }),
      );
    const slot = median(slotMs);
    results.push(
      result(`${BLOCK_TXS} txs: broadcast over HTTP + produceBlock`, Math.round(slot), 'ms', {
        target: { op: '<=', value: BLOCK_TIME_MS },
        details: {
          margin_ms: Math.round(BLOCK_TIME_MS - slot),
          rounds_ms: slotMs.map(Math.round).join(', '),
          note: 'all the devnet work one 3 s slot needs for a 1,000-tx block',
        },
      }),
    );
    results.push(
      result(`getblockbynum, ${BLOCK_TXS}-tx block, first request`, round1(median(coldMs)), 'ms', {
        details: { rounds_ms: coldMs.map(round1).join(', '), response_bytes: blockBytes, note: 'renders the block JSON, then caches it' },
      }),
    );
    results.push(
      result(`getblockbynum, ${BLOCK_TXS}-tx block, cached`, round1(median(warmMs)), 'ms', {
        details: { rounds_ms: warmMs.map(round1).join(', ') },
      }),
    );
  } finally {
    agent.destroy();
    await devnet.stop();
  }
  return results;
}

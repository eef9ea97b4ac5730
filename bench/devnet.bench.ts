/**
 * Devnet benchmarks. Threads: the devnet (chain + HTTP server) runs in a worker thread
 * (bench/devnet.worker.ts); the load generator (pre-signing and the HTTP client) runs on the main
 * thread, so each side has its own event loop and, on a 2-core machine, its own core.
 *
 *  (a) broadcast throughput: pre-signed TRX and USDT transfers POSTed to /wallet/broadcasttransaction
 *      over keep-alive connections with CONCURRENCY requests in flight; only `{result:true}` counts.
 *  (b) block production: 1,000 pending transactions sealed by chain.produceBlock (timed on the devnet
 *      thread), then /wallet/getblockbynum for that block over HTTP (first, uncached render; then cached).
 *  (c) timed mode: a second devnet worker with its own block timer (manual: false, 3 s) while the main
 *      thread offers TIMED_TXS_PER_SLOT transactions per slot as a steady HTTP stream; the sealed blocks'
 *      header timestamps and transaction counts show whether 1,000-tx blocks keep the block time.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
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
import type {
  BlockSummary,
  Command,
  Commands,
  HeadInfo,
  LoopUsage,
  WorkerOptions,
  WorkerReady,
  WorkerReply,
  WorkerRequest,
} from './devnet.worker.js';
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
const SENDER_TRX = 100_000n * TRX;
const SENDER_USDT = 1_000_000n * 1_000_000n;
/** (c): blocks measured in timed mode, all of whose slots were under load from start to end */
const TIMED_BLOCKS = 5;
/** (c): transactions offered per 3 s slot (20% above the 1,000-tx target) */
const TIMED_TXS_PER_SLOT = 1200;
/** (c): the stream is sent in chunks of TIMED_TXS_PER_SLOT · TIMED_TICK_MS / BLOCK_TIME_MS, one per tick */
const TIMED_TICK_MS = 100;
/** (c): how late a timer-driven block may be (setInterval jitter on a busy event loop) */
const JITTER_MS = 150;

interface Sender {
  key: Uint8Array;
  bytes: Uint8Array;
  base58: string;
}

// ------------------------------------------------------------------ worker plumbing

export class DevnetWorker {
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

/** Funds every sender from the faucet with SENDER_TRX and SENDER_USDT and mines until that is solid; returns the head. */
async function fundSenders(devnet: DevnetWorker, senders: Sender[], log: (line: string) => void): Promise<HeadInfo> {
  const head = await devnet.call('fund', { addresses: senders.map((s) => s.base58), trx: SENDER_TRX, usdt: SENDER_USDT });
  log(
    `devnet: funded ${senders.length} senders with ${(SENDER_TRX / TRX).toLocaleString('en-US')} TRX and ${(SENDER_USDT / 1_000_000n).toLocaleString('en-US')} USDT each (head ${head.number}, solid ${head.solidNumber})`,
  );
  return head;
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
  const senders: Sender[] = Array.from({ length: SENDERS }, () => {
    const key = generatePrivateKey();
    return { key, bytes: privateKeyToAddressBytes(key), base58: privateKeyToAccount(key).base58 };
  });
  const seq = { next: 0 };
  const devnet = await DevnetWorker.start({ manual: true, solidifyLag: 1, blockTimeMs: BLOCK_TIME_MS });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const base = new URL(devnet.url);
    log(`devnet: worker thread serving ${devnet.url}; load generator on the main thread`);

    const usdtBytes = addressToBytes(devnet.usdt);
    const head = await fundSenders(devnet, senders, log);

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
  results.push(...(await runTimedSlots(senders, seq, log)));
  return results;
}

// ------------------------------------------------------------------ (c) timed mode

interface PacedLoad {
  stats: LoadStats;
  /** head when the stream started; block startHead + 1 was sealed partway into it */
  startHead: bigint;
  /** head when the stream stopped */
  endHead: bigint;
  /** the pre-signed transactions were used up before the last measured block was sealed */
  ranOut: boolean;
  /** event-loop utilization of the devnet thread while the stream ran */
  devnetElu: number;
}

function addStats(into: LoadStats, from: LoadStats): void {
  into.sent += from.sent;
  into.accepted += from.accepted;
  for (const [code, n] of Object.entries(from.rejected)) into.rejected[code] = (into.rejected[code] ?? 0) + n;
  for (const ms of from.latenciesMs) into.latenciesMs.push(ms);
}

/**
 * Offers `perSlot` transactions per block slot as a steady stream, the way real traffic arrives: every
 * TIMED_TICK_MS one chunk of perSlot · TIMED_TICK_MS / BLOCK_TIME_MS pre-signed transactions goes out
 * through broadcastAll (CONCURRENCY in flight, keep-alive), on a fixed schedule that catches up when a
 * chunk runs late. So the devnet's event loop is busy with HTTP work whenever its block timer fires,
 * not idle between bursts. After every chunk the head is read from the worker; the stream stops once
 * `blocks` more blocks have been sealed after the first one (so `blocks` slots were under load from
 * start to end), when the bodies run out, or after `deadlineMs`.
 */
async function paceBroadcasts(
  devnet: DevnetWorker,
  agent: Agent,
  base: URL,
  bodies: string[],
  perSlot: number,
  blocks: number,
  deadlineMs: number,
): Promise<PacedLoad> {
  const chunk = Math.ceil((perSlot * TIMED_TICK_MS) / BLOCK_TIME_MS);
  const stats: LoadStats = { sent: 0, accepted: 0, rejected: {}, latenciesMs: [], elapsedMs: 0 };
  const elu0 = await devnet.call('elu', null);
  const startHead = (await devnet.call('head', null)).number;
  const lastBlock = startHead + 1n + BigInt(blocks);
  const start = performance.now();
  let endHead = startHead;
  let next = 0;
  for (let tick = 1; endHead < lastBlock && next < bodies.length && performance.now() - start < deadlineMs; tick++) {
    addStats(stats, await broadcastAll(agent, base, bodies.slice(next, next + chunk), CONCURRENCY));
    next += chunk;
    endHead = (await devnet.call('head', null)).number;
    await sleep(Math.max(0, start + tick * TIMED_TICK_MS - performance.now()));
  }
  stats.elapsedMs = performance.now() - start;
  const devnetElu = loopShare(elu0, await devnet.call('elu', null));
  return { stats, startHead, endHead, ranOut: endHead < lastBlock && next >= bodies.length, devnetElu };
}

interface SlotStats {
  /** the measured blocks: startHead + 2 … startHead + 1 + TIMED_BLOCKS, those sealed */
  blocks: BlockSummary[];
  /** header timestamp of each measured block minus that of the block before it */
  intervalsMs: number[];
  /** slots with no block: intervals ≥ 2 × block time, plus measured blocks never sealed */
  missedSlots: number;
  /** measured block timestamp span minus TIMED_BLOCKS × block time (how far the timer slipped) */
  driftMs: number;
}

/**
 * Measures the slots that were under load from start to end: block startHead + 1 was sealed partway into
 * the stream, so the measured blocks are the TIMED_BLOCKS after it. Each block's interval is its header
 * timestamp (set by the devnet's block timer when it sealed the block) minus its parent's; a gap of two
 * block times or more means a slot went by without a block.
 */
function slotStats(chain: BlockSummary[], startHead: bigint): SlotStats {
  const first = startHead + 2n;
  const last = startHead + 1n + BigInt(TIMED_BLOCKS);
  const blocks = chain.filter((b) => b.number >= first && b.number <= last);
  const timestamp = new Map(chain.map((b) => [b.number, b.timestamp]));
  const intervalsMs = blocks.map((b) => Number(b.timestamp - (timestamp.get(b.number - 1n) ?? b.timestamp)));
  const gaps = intervalsMs.filter((ms) => ms >= 2 * BLOCK_TIME_MS).length;
  const parent = timestamp.get(first - 1n);
  const end = blocks.at(-1)?.timestamp;
  const driftMs = parent !== undefined && end !== undefined ? Number(end - parent) - blocks.length * BLOCK_TIME_MS : 0;
  return { blocks, intervalsMs, missedSlots: gaps + (TIMED_BLOCKS - blocks.length), driftMs };
}

/** The timed-mode rows: transactions per block, block interval (max, mean) and missed slots, with targets. */
function timedRows(slots: SlotStats, load: PacedLoad): BenchResult[] {
  const txs = slots.blocks.map((b) => b.txs);
  const problems: string[] = [];
  if (slots.blocks.length < TIMED_BLOCKS) problems.push(`only ${slots.blocks.length} of ${TIMED_BLOCKS} measured blocks were sealed`);
  if (load.ranOut) problems.push('the pre-signed transactions ran out before the last measured block');
  for (const b of slots.blocks) if (b.succeeded !== b.txs) problems.push(`block ${b.number}: ${b.txs - b.succeeded} txs not SUCCESS`);
  if (load.stats.accepted !== load.stats.sent) problems.push(`broadcast rejections ${JSON.stringify(load.stats.rejected)}`);
  const intervals = summarize(slots.intervalsMs);
  const lat = summarize(load.stats.latenciesMs);
  const common: Details = {
    mode: `timed (manual: false, blockTimeMs ${BLOCK_TIME_MS}), devnet in worker thread`,
    blocks: slots.blocks.map((b) => String(b.number)).join(', '),
    txs_per_block: txs.join(', '),
    intervals_ms: slots.intervalsMs.join(', '),
  };
  const rows = [
    result(`timed 3 s blocks: txs per block (min of ${TIMED_BLOCKS})`, txs.length ? Math.min(...txs) : 0, 'txs', {
      target: { op: '>=', value: 1000 },
      details: {
        ...common,
        offered_per_slot: TIMED_TXS_PER_SLOT,
        offered_tx_per_s: Math.round((TIMED_TXS_PER_SLOT * 1000) / BLOCK_TIME_MS),
        sent: load.stats.sent,
        accepted: load.stats.accepted,
        rejected: JSON.stringify(load.stats.rejected),
        load_ms: Math.round(load.stats.elapsedMs),
        latency_p50_ms: round2(lat.p50),
        latency_p99_ms: round2(lat.p99),
        devnet_event_loop_utilization: round2(load.devnetElu),
        succeeded: slots.blocks.reduce((n, b) => n + b.succeeded, 0),
      },
    }),
    result(`timed 3 s blocks: interval max (<= 3 s + ${JITTER_MS} ms timer jitter)`, intervals.max, 'ms', {
      target: { op: '<=', value: BLOCK_TIME_MS + JITTER_MS },
      details: { ...common, tolerance_ms: JITTER_MS, min_ms: Math.min(...slots.intervalsMs), drift_ms: slots.driftMs },
    }),
    result(`timed 3 s blocks: interval mean (of ${TIMED_BLOCKS})`, round1(intervals.mean), 'ms', {
      target: { op: '<=', value: BLOCK_TIME_MS + JITTER_MS },
      details: common,
    }),
    result(`timed 3 s blocks: missed slots (gap >= ${2 * BLOCK_TIME_MS} ms)`, slots.missedSlots, 'slots', {
      target: { op: '<=', value: 0 },
      details: common,
    }),
  ];
  if (problems.length)
    rows.push(
      result('timed 3 s blocks: load and blocks as expected', 0, 'bool', {
        target: { op: '>=', value: 1 },
        details: { problems: problems.join('; ') },
      }),
    );
  return rows;
}

/**
 * (c) A devnet in timed mode (its own 3 s block timer, in a fresh worker thread) under a steady stream of
 * TIMED_TXS_PER_SLOT transactions per slot over HTTP: are the blocks ≥ 1,000 transactions and on time?
 * Everything is pre-signed before the stream starts (expiration head + 10 min), for TIMED_BLOCKS + 3
 * slots: the partly loaded first slot, the measured ones and spare.
 */
async function runTimedSlots(senders: Sender[], seq: { next: number }, log: (line: string) => void): Promise<BenchResult[]> {
  const devnet = await DevnetWorker.start({ manual: false, solidifyLag: 1, blockTimeMs: BLOCK_TIME_MS });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const base = new URL(devnet.url);
    log(`devnet: timed mode (a block every ${BLOCK_TIME_MS} ms) in a new worker thread serving ${devnet.url}`);
    const head = await fundSenders(devnet, senders, log);
    const usdtBytes = addressToBytes(devnet.usdt);
    const t = performance.now();
    const warmup = presign(senders, usdtBytes, head, WARMUP_TXS, seq);
    const bodies = presign(senders, usdtBytes, head, (TIMED_BLOCKS + 3) * TIMED_TXS_PER_SLOT, seq);
    log(`devnet: pre-signed ${warmup.length + bodies.length} transactions in ${Math.round(performance.now() - t)} ms`);
    await broadcastAll(agent, base, warmup, CONCURRENCY);

    log(`devnet: offering ${TIMED_TXS_PER_SLOT} txs per ${BLOCK_TIME_MS} ms slot until ${TIMED_BLOCKS} fully loaded blocks are sealed …`);
    const load = await paceBroadcasts(devnet, agent, base, bodies, TIMED_TXS_PER_SLOT, TIMED_BLOCKS, (TIMED_BLOCKS + 3) * BLOCK_TIME_MS);
    const slots = slotStats(await devnet.call('blocks', { from: load.startHead }), load.startHead);
    for (const [i, b] of slots.blocks.entries())
      log(`devnet: timed block ${b.number}: ${b.txs} txs (${b.succeeded} SUCCESS), ${slots.intervalsMs[i]} ms after its parent`);
    return timedRows(slots, load);
  } finally {
    agent.destroy();
    await devnet.stop();
  }
}

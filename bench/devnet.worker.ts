/**
 * Runs an in-process devnet (random port) inside a worker thread, so the HTTP load generator on the
 * main thread does not share its event loop. Commands arrive as messages. With `manual: true` blocks
 * are produced only by the `produce` command and timed here, on the devnet's own thread; with
 * `manual: false` the devnet's own block timer seals a block every `blockTimeMs`, as in real use, and
 * `blocks` reports what it sealed.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Devnet } from '../src/devnet/devnet.js';
import { CONTRACT_RESULT } from '../src/tron/transaction.js';
import { type BuiltScanBlocks, buildScanBlocks, type ScanBlocksSpec } from './scan-blocks.js';

export interface WorkerOptions {
  /** true: blocks only on the `produce` command; false: the devnet's timer seals one every `blockTimeMs` */
  manual: boolean;
  solidifyLag: number;
  blockTimeMs: number;
}

export interface HeadInfo {
  number: bigint;
  id: string;
  timestamp: bigint;
  solidNumber: bigint;
  pending: number;
}

export interface ProducedBlock {
  /** wall time of chain.produceBlock on the devnet thread */
  ms: number;
  number: bigint;
  txs: number;
  /** transactions whose contractRet is SUCCESS */
  succeeded: number;
  pendingBefore: number;
}

/** A sealed block as the chain holds it: its header timestamp and what it contains. */
export interface BlockSummary {
  number: bigint;
  /** header timestamp (ms), set by the producer when it sealed the block */
  timestamp: bigint;
  txs: number;
  /** transactions whose contractRet is SUCCESS */
  succeeded: number;
}

export interface LoopUsage {
  idle: number;
  active: number;
}

/** Command name → [argument, result]. */
export interface Commands {
  fund: [{ addresses: string[]; trx: bigint; usdt: bigint }, HeadInfo];
  head: [null, HeadInfo];
  produce: [null, ProducedBlock];
  /** blocks from number `from` up to the head */
  blocks: [{ from: bigint }, BlockSummary[]];
  elu: [null, LoopUsage];
  /** the scanner benchmark's blocks (bench/scan-blocks.ts) */
  buildScanBlocks: [ScanBlocksSpec, BuiltScanBlocks];
  /**
   * Renders the blocks' JSON once, as a node serves blocks from its store: the scanner benchmark then
   * measures the scanner, not the devnet's first rendering.
   */
  warm: [{ from: number; to: number }, null];
  stop: [null, null];
}

export type Command = keyof Commands;
export type WorkerRequest = { [K in Command]: { id: number; cmd: K; arg: Commands[K][0] } }[Command];
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
export type WorkerReady = { ready: true; url: string; usdt: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('devnet.worker.ts must run as a worker thread');
  const opts = workerData as WorkerOptions;
  const devnet = await Devnet.start({ port: 0, manual: opts.manual, solidifyLag: opts.solidifyLag, blockTimeMs: opts.blockTimeMs });
  const chain = devnet.chain;

  const head = (): HeadInfo => ({
    number: chain.head.number,
    id: chain.head.id,
    timestamp: chain.head.header.timestamp,
    solidNumber: chain.solidNumber,
    pending: chain.pending.length,
  });

  const handlers: { [K in Command]: (arg: Commands[K][0]) => Commands[K][1] | Promise<Commands[K][1]> } = {
    fund({ addresses, trx, usdt }) {
      for (const address of addresses) devnet.fund(address, { trx, usdt });
      devnet.mine(1);
      devnet.mine(chain.solidifyLag + 1);
      return head();
    },
    head,
    produce() {
      const pendingBefore = chain.pending.length;
      const start = performance.now();
      const block = chain.produceBlock(BigInt(Date.now()));
      const ms = performance.now() - start;
      const succeeded = block.txs.filter((t) => t.receipt.contractRet === CONTRACT_RESULT.SUCCESS).length;
      return { ms, number: block.number, txs: block.txs.length, succeeded, pendingBefore };
    },
    blocks({ from }) {
      return chain.blocks.slice(Number(from)).map((block) => ({
        number: block.number,
        timestamp: block.header.timestamp,
        txs: block.txs.length,
        succeeded: block.txs.filter((t) => t.receipt.contractRet === CONTRACT_RESULT.SUCCESS).length,
      }));
    },
    buildScanBlocks(spec) {
      return buildScanBlocks(devnet, spec);
    },
    async warm({ from, to }) {
      for (let n = from; n <= to; n += 100) {
        const response = await fetch(`${devnet.url}/wallet/getblockbylimitnext`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ startNum: n, endNum: Math.min(n + 100, to + 1) }),
        });
        await response.text();
      }
      return null;
    },
    elu() {
      const { idle, active } = performance.eventLoopUtilization();
      return { idle, active };
    },
    async stop() {
      await devnet.stop();
      setImmediate(() => port.close());
      return null;
    },
  };

  port.on('message', (msg: WorkerRequest) => {
    const handler = handlers[msg.cmd] as (arg: unknown) => unknown;
    Promise.resolve()
      .then(() => handler(msg.arg))
      .then(
        (value) => port.postMessage({ id: msg.id, ok: true, value } satisfies WorkerReply),
        (err: unknown) =>
          port.postMessage({
            id: msg.id,
            ok: false,
            error: err instanceof Error ? (err.stack ?? err.message) : String(err),
          } satisfies WorkerReply),
      );
  });
  port.postMessage({ ready: true, url: devnet.url, usdt: devnet.usdtAddress } satisfies WorkerReady);
}

// A failure surfaces as the Worker's 'error' event on the main thread.
await main();

/**
 * A block-fetching thread of the scanner (block-fetch-pool.ts): reads block ranges from the node, matches
 * them against the watch set and reads the receipts they need here (range-scan.ts), so that turning ~1 KB
 * of JSON per transaction into values uses another core than the one recording transfers. Only each
 * block's header and its transfers touching watched addresses travel back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createTronClient, type NodeCall, type TronClientOptions } from '../../tron/client.js';
import type { ScannedBlock, TokenIndex } from './block-matcher.js';
import { scanBlockRange } from './range-scan.js';
import { type WatchSnapshot, type WatchView, watchViewOf } from './watch-set.js';

export interface FetchRequest {
  id: number;
  from: number;
  /** exclusive */
  to: number;
  /** configured token contracts ("41…" hex) → symbol */
  tokens: TokenIndex;
  /** the watch set, when it changed since this thread's last request (messages arrive in order) */
  watch?: WatchSnapshot;
}

/** `calls`: the node calls this thread made since its last reply, for the gateway's node metrics */
export type FetchReply = ({ id: number; ok: true; blocks: ScannedBlock[] } | { id: number; ok: false; error: string }) & {
  calls?: NodeCall[];
};
/** sent once, when the thread has loaded */
export type FetchReady = { ready: true };

const port = parentPort;
if (!port) throw new Error('block-fetch.worker.ts must run as a worker thread');
const calls: NodeCall[] = [];
const client = createTronClient({ ...(workerData as TronClientOptions), onCall: (call) => calls.push(call) });
let watch: WatchView | null = null;

port.on('message', (request: FetchRequest) => {
  if (request.watch) watch = watchViewOf(request.watch);
  const view = watch;
  if (!view) {
    port.postMessage({ id: request.id, ok: false, error: 'block fetch thread has no watch set' } satisfies FetchReply);
    return;
  }
  scanBlockRange(client, request.from, request.to, view, request.tokens).then(
    (blocks) => port.postMessage({ id: request.id, ok: true, blocks, calls: calls.splice(0) } satisfies FetchReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        calls: calls.splice(0),
      } satisfies FetchReply),
  );
});
port.postMessage({ ready: true } satisfies FetchReady);

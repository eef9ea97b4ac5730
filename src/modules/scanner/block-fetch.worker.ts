/**
 * A block-fetching thread of the scanner (block-fetch-pool.ts): reads block ranges from the node and
 * parses them here, so that turning ~1 KB of JSON per transaction into values uses another core than the
 * one matching and recording transfers. Only TRX transfers and contract calls travel back (the only
 * transactions that can credit a watched address), with their summaries.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createTronClient, type TronClientOptions } from '../../tron/client.js';
import type { BlockWithTransactions } from '../../tron/node-json.js';

export interface FetchRequest {
  id: number;
  from: number;
  /** exclusive */
  to: number;
}

export type FetchReply = { id: number; ok: true; blocks: BlockWithTransactions[] } | { id: number; ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('block-fetch.worker.ts must run as a worker thread');
const client = createTronClient(workerData as TronClientOptions);

port.on('message', (request: FetchRequest) => {
  client.getBlockRange(request.from, request.to, { verify: false }).then(
    (blocks) => {
      for (const block of blocks) {
        block.transactions = block.transactions.filter(
          (t) => t.contractType === 'TransferContract' || t.contractType === 'TriggerSmartContract',
        );
      }
      port.postMessage({ id: request.id, ok: true, blocks } satisfies FetchReply);
    },
    (error: unknown) =>
      port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies FetchReply),
  );
});

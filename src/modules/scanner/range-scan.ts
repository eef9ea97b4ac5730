/**
 * One block range as the scanner needs it, read from a node client: the blocks, matched against the watch
 * set (block-matcher.ts), and the receipts of the blocks that need them, whose USDT transfers to watched
 * addresses join the block's TRX ones. The same code runs on the scanner's thread (near the head) and on
 * the fetching threads (a catch-up): a receipt list is ~300 KB of JSON per busy block, worth parsing there.
 */
import type { TronClient } from '../../tron/client.js';
import { type ScannedBlock, scanBlocks, usdtTransfersFromInfos } from './block-matcher.js';
import type { WatchView } from './watch-set.js';

/** Receipts of this many blocks are fetched at once. */
const INFO_CONCURRENCY = 8;

export type RangeClient = Pick<TronClient, 'getBlockRange' | 'getTransactionInfoByBlockNum'>;

/** Blocks `from`…`toExclusive − 1` as the node has them (a prefix when it has not got them all), with their transfers. */
export async function scanBlockRange(
  client: RangeClient,
  from: number,
  toExclusive: number,
  watch: WatchView,
  usdtHex: string,
): Promise<ScannedBlock[]> {
  const blocks = scanBlocks(await client.getBlockRange(from, toExclusive, { verify: false }), watch, usdtHex);
  const needInfos = blocks.filter((b) => b.needsInfos);
  for (let i = 0; i < needInfos.length; i += INFO_CONCURRENCY) {
    const batch = needInfos.slice(i, i + INFO_CONCURRENCY);
    const infos = await Promise.all(batch.map((b) => client.getTransactionInfoByBlockNum(b.number)));
    batch.forEach((block, j) => {
      block.transfers.push(...usdtTransfersFromInfos(infos[j] ?? [], block, watch, usdtHex));
    });
  }
  return blocks;
}

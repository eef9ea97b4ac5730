/**
 * One block range as the scanner needs it, read from a node client: the blocks, matched against the watch
 * set (block-matcher.ts), and the receipts of the blocks that need them, whose token transfers and internal
 * TRX transfers to watched addresses join the block's TRX ones. The same code runs on the scanner's thread (near the head) and on
 * the fetching threads (a catch-up): a receipt list is ~300 KB of JSON per busy block, worth parsing there.
 */
import type { TronClient } from '../../tron/client.js';
import type { TransactionInfo } from '../../tron/node-json.js';
import { internalTransfersFromInfos, type ScannedBlock, scanBlocks, type TokenIndex, tokenTransfersFromInfos } from './block-matcher.js';
import type { WatchView } from './watch-set.js';

/** Receipts of this many blocks are fetched at once. */
const INFO_CONCURRENCY = 8;
/** Up to this many transactions' receipts are read one by one; beyond, the block's list is one call. */
const PER_TX_INFOS = 4;

export type RangeClient = Pick<TronClient, 'getBlockRange' | 'getTransactionInfoByBlockNum' | 'getTransactionInfoById'>;

/** Blocks `from`…`toExclusive − 1` as the node has them (a prefix when it has not got them all), with their transfers. */
export async function scanBlockRange(
  client: RangeClient,
  from: number,
  toExclusive: number,
  watch: WatchView,
  tokens: TokenIndex,
): Promise<ScannedBlock[]> {
  const blocks = scanBlocks(await client.getBlockRange(from, toExclusive, { verify: false }), watch, tokens);
  const needInfos = blocks.filter((b) => b.needsInfos);
  for (let i = 0; i < needInfos.length; i += INFO_CONCURRENCY) {
    const batch = needInfos.slice(i, i + INFO_CONCURRENCY);
    const infos = await Promise.all(batch.map((b) => receiptsOf(client, b)));
    batch.forEach((block, j) => {
      block.transfers.push(...tokenTransfersFromInfos(infos[j] ?? [], block, watch, tokens));
      block.transfers.push(...internalTransfersFromInfos(infos[j] ?? [], block, watch));
    });
  }
  return blocks;
}

/** The receipts a block needs: those of its few flagged transactions, or all of them (also when the node does not find one by id). */
async function receiptsOf(client: RangeClient, block: ScannedBlock): Promise<TransactionInfo[]> {
  const ids = block.infoTxIds;
  if (ids !== null && ids.length <= PER_TX_INFOS) {
    const infos = await Promise.all(ids.map((id) => client.getTransactionInfoById(id)));
    if (infos.every((info) => info !== null && Number(info.blockNumber) === block.number)) return infos as TransactionInfo[];
  }
  return client.getTransactionInfoByBlockNum(block.number);
}

/**
 * What in a block may credit a watched address, pure. TRX transfers are read from the block itself. Token
 * transfers are read from receipts (a `Transfer` log of a SUCCESS receipt, emitted by a configured token
 * contract, is what moved tokens), and receipts cost one node call per block — so a block's receipts are
 * fetched only when one of its transactions could credit a watched address: a configured token's
 * `transfer(to, …)` whose `to` (or payer → to pair) is watched, or any other contract call (it may move
 * tokens internally: `transferFrom`, a multisend, an exchange's contract), whose effect only its logs
 * tell. When only a few token `transfer` calls are the reason, their own receipts are enough
 * (`infoTxIds`): no other transaction of the block can log a transfer then.
 *
 * TRX that contracts forward (internal transactions) is read from the same receipts: such a call is
 * "any other contract call", so its block's receipts are read anyway.
 *
 * `tokens` maps each configured contract ("41…" hex) to its symbol: a `Transfer` log of any other
 * contract is never credited, whatever symbol that contract claims.
 */

import { NATIVE_SYMBOL, unknownTokenAsset } from '../../shared/catalogues/asset-catalog.js';
import { toBase58Address } from '../../tron/address.js';
import type { BlockWithTransactions, TransactionInfo } from '../../tron/node-json.js';
import { decodeTransferLog, transferCallRecipient } from '../../tron/trc20.js';
import { internalLogIndex, type ObservedTransfer } from '../collections/transfer-recorder.js';
import type { WatchView } from './watch-set.js';

/** contract "41…" hex → the configured asset's symbol */
export type TokenIndex = Readonly<Record<string, string>>;

export interface BlockScan {
  /** TRX transfers to watched addresses */
  trx: ObservedTransfer[];
  /** whether receipts must be read for token transfers */
  needsInfos: boolean;
  /** the transactions whose receipts those are, or null for every receipt of the block (another contract call is in it) */
  infoTxIds: string[] | null;
}

/** What the scanner keeps of a block: its header and what in it may credit a watched address. */
export interface ScannedBlock {
  number: number;
  blockId: string;
  timestamp: number;
  parentHash: string;
  /** transfers touching watched addresses: TRX ones from the block, token ones once its receipts were read (range-scan.ts) */
  transfers: ObservedTransfer[];
  /** whether receipts must be read for token transfers */
  needsInfos: boolean;
  /** the transactions whose receipts those are, or null for every receipt of the block */
  infoTxIds: string[] | null;
}

/** Scans each block (scanBlock) and keeps only its header and the result (its TRX transfers so far). */
export function scanBlocks(blocks: readonly BlockWithTransactions[], watch: WatchView, tokens: TokenIndex): ScannedBlock[] {
  return blocks.map((block) => {
    const { trx, needsInfos, infoTxIds } = scanBlock(block, watch, tokens);
    return {
      number: Number(block.number),
      blockId: block.blockId,
      timestamp: Number(block.timestamp),
      parentHash: block.parentHash,
      transfers: trx,
      needsInfos,
      infoTxIds,
    };
  });
}

function watched(watch: WatchView, fromHex: string, toHex: string): boolean {
  return watch.hasDeposit(toHex) || watch.hasPair(fromHex, toHex);
}

/** Scans a block's transactions. */
export function scanBlock(block: BlockWithTransactions, watch: WatchView, tokens: TokenIndex): BlockScan {
  const trx: ObservedTransfer[] = [];
  const infoTxIds: string[] = [];
  let wholeBlock = false;
  for (const tx of block.transactions) {
    const { summary } = tx;
    if (tx.contractType === 'TransferContract') {
      if (summary.ownerHex === undefined || summary.toHex === undefined || summary.amount === undefined) continue;
      if (tx.contractRet !== undefined && tx.contractRet !== 'SUCCESS') continue;
      if (!watched(watch, summary.ownerHex, summary.toHex)) continue;
      trx.push({
        txId: tx.txid,
        logIndex: -1,
        blockNumber: Number(block.number),
        blockTimestamp: Number(block.timestamp),
        asset: NATIVE_SYMBOL,
        from: toBase58Address(summary.ownerHex),
        to: toBase58Address(summary.toHex),
        amount: summary.amount,
      });
    } else if (tx.contractType === 'TriggerSmartContract' && !wholeBlock) {
      if (tx.contractRet !== undefined && tx.contractRet !== 'SUCCESS') continue; // reverted: moved nothing
      if (summary.ownerHex === undefined || summary.contractHex === undefined) {
        wholeBlock = true; // a call whose fields could not be read: only its logs tell
        continue;
      }
      const to = tokens[summary.contractHex] !== undefined && summary.data !== undefined ? transferCallRecipient(summary.data) : null;
      if (to === null) wholeBlock = true;
      else if (watched(watch, summary.ownerHex, to)) infoTxIds.push(tx.txid);
    }
  }
  return { trx, needsInfos: wholeBlock || infoTxIds.length > 0, infoTxIds: wholeBlock ? null : infoTxIds };
}

/** Configured tokens' `Transfer` logs of successful receipts that touch a watched address; log_index is the log's position in its receipt. */
export function tokenTransfersFromInfos(
  infos: readonly TransactionInfo[],
  block: { number: number | bigint; timestamp: number | bigint },
  watch: WatchView,
  tokens: TokenIndex,
): ObservedTransfer[] {
  const out: ObservedTransfer[] = [];
  for (const info of infos) {
    if (info.failed || info.receipt.result !== 'SUCCESS') continue;
    info.logs.forEach((log, index) => {
      const transfer = decodeTransferLog(log);
      if (!transfer || transfer.value === 0n) return;
      if (!watched(watch, transfer.from, transfer.to)) return;
      // a contract that is not configured is never its namesake: recorded (unmatched) under its address
      const asset = tokens[transfer.contract] ?? unknownTokenAsset(toBase58Address(transfer.contract));
      out.push({
        txId: info.id,
        logIndex: index,
        blockNumber: Number(block.number),
        blockTimestamp: Number(block.timestamp),
        asset,
        from: toBase58Address(transfer.from),
        to: toBase58Address(transfer.to),
        amount: transfer.value,
      });
    });
  }
  return out;
}

/** TRX that contracts forwarded to a watched address in successful receipts, one transfer per internal transaction. */
export function internalTransfersFromInfos(
  infos: readonly TransactionInfo[],
  block: { number: number | bigint; timestamp: number | bigint },
  watch: WatchView,
): ObservedTransfer[] {
  const out: ObservedTransfer[] = [];
  for (const info of infos) {
    if (info.failed || info.receipt.result !== 'SUCCESS') continue;
    for (const internal of info.internalTransfers) {
      if (!watched(watch, internal.callerHex, internal.toHex)) continue;
      out.push({
        txId: info.id,
        logIndex: internalLogIndex(internal.index),
        blockNumber: Number(block.number),
        blockTimestamp: Number(block.timestamp),
        asset: NATIVE_SYMBOL,
        from: toBase58Address(internal.callerHex),
        to: toBase58Address(internal.toHex),
        amount: internal.amount,
      });
    }
  }
  return out;
}

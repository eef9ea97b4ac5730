/**
 * What the chain says about one transaction, read from a node: whether it exists and succeeded, its
 * block, and the transfers it made (a TRX TransferContract, configured token contracts' `Transfer` logs, or
 * TRX the called contracts forwarded as internal transactions).
 */

import { NATIVE_SYMBOL } from '../../shared/catalogues/asset-catalog.js';
import { bytesToBase58Address, toBase58Address } from '../../tron/address.js';
import type { TronClient } from '../../tron/client.js';
import type { AssetRegistry } from '../assets/asset-registry.js';
import { internalLogIndex, type ObservedTransfer } from '../collections/transfer-recorder.js';

/** The node calls reconciliation makes (a TronClient has them all). */
export type ReconChain = Pick<
  TronClient,
  'getTransactionById' | 'getTransactionInfoById' | 'getNowBlock' | 'getSolidBlock' | 'getAccount' | 'trc20BalanceOf' | 'isBlackListed'
>;

export interface TxEvidence {
  txId: string;
  /** known to the node and in a block */
  found: boolean;
  /** the contract ran successfully (contractRet / receipt SUCCESS) */
  success: boolean;
  /** contractRet or receipt result as the node printed it */
  result: string | null;
  blockNumber: number | null;
  blockTimestamp: number | null;
  transfers: ObservedTransfer[];
}

export interface Tip {
  head: number;
  solid: number;
}

export async function readTip(chain: ReconChain): Promise<Tip> {
  const [head, solid] = await Promise.all([chain.getNowBlock(), chain.getSolidBlock()]);
  return { head: Number(head.number), solid: Number(solid.number) };
}

/** Reads one transaction; `found: false` when the node does not know it or it is not in a block yet. */
export async function readTransaction(chain: ReconChain, assets: AssetRegistry, txId: string): Promise<TxEvidence> {
  const [tx, info] = await Promise.all([chain.getTransactionById(txId), chain.getTransactionInfoById(txId)]);
  const evidence: TxEvidence = { txId, found: false, success: false, result: null, blockNumber: null, blockTimestamp: null, transfers: [] };
  if (!tx || !info) return evidence;
  evidence.found = true;
  evidence.blockNumber = Number(info.blockNumber);
  evidence.blockTimestamp = Number(info.blockTimestamp);
  const block = { txId, blockNumber: evidence.blockNumber, blockTimestamp: evidence.blockTimestamp };
  const contract = tx.transaction?.raw.contract;
  if (tx.contractType === 'TransferContract') {
    evidence.result = tx.contractRet ?? null;
    evidence.success = tx.contractRet === 'SUCCESS' && !info.failed;
    if (contract?.type === 'TransferContract') {
      evidence.transfers.push({
        ...block,
        logIndex: -1,
        asset: NATIVE_SYMBOL,
        from: bytesToBase58Address(contract.ownerAddress),
        to: bytesToBase58Address(contract.toAddress),
        amount: contract.amount,
      });
    }
    return evidence;
  }
  evidence.result = info.receipt.result ?? tx.contractRet ?? null;
  evidence.success = info.receipt.result === 'SUCCESS' && !info.failed;
  if (!evidence.success) return evidence;
  for (const strategy of assets.all()) {
    for (const t of strategy.transfersInLogs(info.logs)) evidence.transfers.push({ ...block, ...t });
  }
  for (const internal of info.internalTransfers) {
    evidence.transfers.push({
      ...block,
      logIndex: internalLogIndex(internal.index),
      asset: NATIVE_SYMBOL,
      from: toBase58Address(internal.callerHex),
      to: toBase58Address(internal.toHex),
      amount: internal.amount,
    });
  }
  evidence.transfers.sort((a, b) => a.logIndex - b.logIndex);
  return evidence;
}

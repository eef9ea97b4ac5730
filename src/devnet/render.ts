/** java-tron's JSON output: proto3 defaults omitted, hex bytes, addresses in hex or base58 by `visible`. */
import { bytesToBase58Address } from '../tron/address.js';
import { bytesToHex, hexToBytes } from '../tron/bytes.js';
import { transactionRawToJson } from '../tron/transaction.js';
import type { Block, ChainTx, Receipt } from './chain.js';
import type { AccountState } from './state.js';

export type Json = Record<string, unknown>;

const CONTRACT_RET_NAME: Record<number, string> = { 0: 'DEFAULT', 1: 'SUCCESS', 2: 'REVERT', 10: 'OUT_OF_ENERGY' };

export function addressOut(hex: string, visible: boolean): string {
  return visible ? bytesToBase58Address(hexToBytes(hex)) : hex;
}

export function utf8Out(text: string, visible: boolean): string {
  return visible ? text : Buffer.from(text, 'utf8').toString('hex');
}

function num(v: bigint): number {
  return Number(v);
}

export function transactionJson(t: ChainTx, visible: boolean): Json {
  const out: Json = {};
  out.ret = [{ contractRet: CONTRACT_RET_NAME[t.receipt.contractRet] ?? 'DEFAULT' }];
  out.signature = t.tx.signatures.map(bytesToHex);
  out.txID = t.tx.txID;
  out.raw_data = transactionRawToJson(t.tx.raw, visible);
  out.raw_data_hex = bytesToHex(t.tx.rawBytes);
  return out;
}

export function blockJson(block: Block, detail: boolean, visible: boolean): Json {
  const h = block.header;
  const raw: Json = {};
  if (h.number) raw.number = num(h.number);
  raw.txTrieRoot = bytesToHex(h.txTrieRoot);
  raw.witness_address = addressOut(bytesToHex(h.witnessAddress), visible);
  raw.parentHash = bytesToHex(h.parentHash);
  raw.version = h.version;
  if (h.timestamp) raw.timestamp = num(h.timestamp);
  const out: Json = {
    blockID: block.id,
    block_header: { raw_data: raw, witness_signature: bytesToHex(block.witnessSignature) },
  };
  if (detail && block.txs.length > 0) {
    out.transactions = block.txs.map((t) => (visible ? { ...transactionJson(t, true), visible: true } : transactionJson(t, false)));
  }
  return out;
}

function receiptJson(r: Receipt): Json {
  const out: Json = {};
  if (r.energyUsageTotal && !r.energyFee) out.energy_usage = num(r.energyUsageTotal);
  if (r.energyFee) out.energy_fee = num(r.energyFee);
  if (r.energyUsageTotal) out.energy_usage_total = num(r.energyUsageTotal);
  if (r.netUsage) out.net_usage = num(r.netUsage);
  if (r.netFee) out.net_fee = num(r.netFee);
  if (r.vmResult) out.result = r.vmResult;
  if (r.energyPenalty) out.energy_penalty_total = num(r.energyPenalty);
  return out;
}

export function transactionInfoJson(t: ChainTx, visible = false): Json {
  const r = t.receipt;
  const out: Json = { id: t.tx.txID };
  if (r.fee) out.fee = num(r.fee);
  out.blockNumber = num(t.blockNumber ?? 0n);
  out.blockTimeStamp = num(t.blockTimestamp ?? 0n);
  out.contractResult = [r.contractResult];
  if (r.contractAddress) out.contract_address = addressOut(r.contractAddress, visible);
  out.receipt = receiptJson(r);
  if (r.logs.length) {
    out.log = r.logs.map((l) => {
      const log: Json = { address: visible ? addressOut(`41${l.address}`, true) : l.address, topics: l.topics };
      if (l.data) log.data = l.data;
      return log;
    });
  }
  if (r.vmResult && r.vmResult !== 'SUCCESS') {
    out.result = 'FAILED';
    if (r.resMessage) out.resMessage = utf8Out(r.resMessage, visible);
  }
  return out;
}

export function accountJson(acc: AccountState, freeNetUsage: bigint, visible: boolean): Json {
  const out: Json = { address: addressOut(acc.address, visible) };
  if (acc.balance) out.balance = num(acc.balance);
  if (acc.isContract) out.type = 'Contract';
  out.create_time = num(acc.createTime);
  if (acc.latestOperationTime) out.latest_opration_time = num(acc.latestOperationTime);
  if (freeNetUsage) out.free_net_usage = num(freeNetUsage);
  if (acc.latestConsumeFreeTime) out.latest_consume_free_time = num(acc.latestConsumeFreeTime);
  out.net_window_size = 28_800_000;
  out.net_window_optimized = true;
  out.account_resource = { energy_window_size: 28_800_000, energy_window_optimized: true };
  const key = { address: addressOut(acc.address, visible), weight: 1 };
  out.owner_permission = { permission_name: 'owner', threshold: 1, keys: [key] };
  out.active_permission = [
    {
      type: 'Active',
      id: 2,
      permission_name: 'active',
      threshold: 1,
      operations: '7fff1fc0033efb0f000000000000000000000000000000000000000000000000',
      keys: [key],
    },
  ];
  out.frozenV2 = [{}, { type: 'ENERGY' }, { type: 'TRON_POWER' }];
  return out;
}

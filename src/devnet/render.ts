/** java-tron's JSON output: proto3 defaults omitted, hex bytes, addresses in hex or base58 by `visible`. */
import { bytesToBase58Address } from '../tron/address.js';
import { bytesToHex, hexToBytes } from '../tron/bytes.js';
import { transactionRawToJson } from '../tron/transaction.js';
import type { Block, ChainTx, Receipt } from './chain.js';
import type { InternalTransfer } from './multisend.js';
import { energyLimit, energyUsed, freeNetUsed, netLimit, netUsed, type ResourceView, windowSizeField } from './resources.js';
import type { AccountState, Delegation } from './state.js';

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

/** ResourceReceipt: energy_usage is what stake paid, energy_fee what was burned for the rest (origin_energy_usage stays 0: the devnet's tokens charge the caller only). */
function receiptJson(r: Receipt): Json {
  const out: Json = {};
  if (r.energyUsage) out.energy_usage = num(r.energyUsage);
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
  if (r.internal) out.internal_transactions = r.internal.map((i) => internalTransactionJson(i, visible));
  if (r.withdrawExpireAmount) out.withdraw_expire_amount = num(r.withdrawExpireAmount);
  if (r.cancelUnfreezeV2Amount) {
    // a proto map: java-tron prints every entry, zero values included
    out.cancel_unfreezeV2_amount = Object.entries(r.cancelUnfreezeV2Amount).map(([key, value]) => ({ key, value: num(value) }));
  }
  return out;
}

/** java-tron's InternalTransaction of a value CALL (`rejected` false, a proto3 default, is omitted). */
function internalTransactionJson(i: InternalTransfer, visible: boolean): Json {
  return {
    hash: i.hash,
    caller_address: addressOut(i.caller, visible),
    transferTo_address: addressOut(i.to, visible),
    callValueInfo: [i.value ? { callValue: num(i.value) } : {}],
    note: utf8Out('call', visible),
  };
}

/** java-tron's getaccount (Wallet.getAccount): usage after recovery, proto3 defaults omitted, frozenV2 always listing the three resources. */
export function accountJson(acc: AccountState, view: ResourceView, visible: boolean): Json {
  const { params, now } = view;
  const out: Json = { address: addressOut(acc.address, visible) };
  if (acc.balance) out.balance = num(acc.balance);
  if (acc.isContract) out.type = 'Contract';
  const netUsage = netUsed(acc, params, now);
  if (netUsage) out.net_usage = num(netUsage);
  out.create_time = num(acc.createTime);
  if (acc.latestOperationTime) out.latest_opration_time = num(acc.latestOperationTime);
  const freeNetUsage = freeNetUsed(acc, params, now);
  if (freeNetUsage) out.free_net_usage = num(freeNetUsage);
  if (acc.latestConsumeTime) out.latest_consume_time = num(acc.latestConsumeTime);
  if (acc.latestConsumeFreeTime) out.latest_consume_free_time = num(acc.latestConsumeFreeTime);
  out.net_window_size = windowSizeField(params);
  out.net_window_optimized = true;
  const resource: Json = {};
  const energyUsage = energyUsed(acc, params, now);
  if (energyUsage) resource.energy_usage = num(energyUsage);
  if (acc.latestConsumeTimeForEnergy) resource.latest_consume_time_for_energy = num(acc.latestConsumeTimeForEnergy);
  resource.energy_window_size = windowSizeField(params);
  if (acc.delegatedV2Energy) resource.delegated_frozenV2_balance_for_energy = num(acc.delegatedV2Energy);
  if (acc.acquiredV2Energy) resource.acquired_delegated_frozenV2_balance_for_energy = num(acc.acquiredV2Energy);
  resource.energy_window_optimized = true;
  out.account_resource = resource;
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
  // FreezeV2 {type, amount}: BANDWIDTH (0) is the enum default, so its entry prints without a type
  out.frozenV2 = [
    acc.frozenV2Bandwidth ? { amount: num(acc.frozenV2Bandwidth) } : {},
    acc.frozenV2Energy ? { type: 'ENERGY', amount: num(acc.frozenV2Energy) } : { type: 'ENERGY' },
    { type: 'TRON_POWER' },
  ];
  if (acc.unfrozenV2.length) {
    out.unfrozenV2 = acc.unfrozenV2.map((u) => ({
      ...(u.type === 'ENERGY' ? { type: 'ENERGY' } : {}),
      unfreeze_amount: num(u.amount),
      unfreeze_expire_time: num(u.expireTime),
    }));
  }
  if (acc.delegatedV2Bandwidth) out.delegated_frozenV2_balance_for_bandwidth = num(acc.delegatedV2Bandwidth);
  if (acc.acquiredV2Bandwidth) out.acquired_delegated_frozenV2_balance_for_bandwidth = num(acc.acquiredV2Bandwidth);
  return out;
}

/** java-tron's getaccountresource (Wallet.getAccountResource), zero fields omitted. */
export function accountResourceJson(acc: AccountState, view: ResourceView): Json {
  const { params, totals, now } = view;
  const out: Json = {};
  const put = (key: string, value: bigint) => {
    if (value) out[key] = num(value);
  };
  put('freeNetUsed', freeNetUsed(acc, params, now));
  put('freeNetLimit', params.freeNetLimit);
  put('NetUsed', netUsed(acc, params, now));
  put('NetLimit', netLimit(acc, params, totals));
  put('TotalNetLimit', params.totalNetLimit);
  put('TotalNetWeight', totals.netWeight);
  // Tron power (votes) comes from every staked TRX, own and lent out (AccountCapsule.getTronPower).
  const staked = acc.frozenV2Bandwidth + acc.frozenV2Energy + acc.delegatedV2Bandwidth + acc.delegatedV2Energy;
  put('tronPowerLimit', staked / 1_000_000n);
  put('EnergyUsed', energyUsed(acc, params, now));
  put('EnergyLimit', energyLimit(acc, params, totals));
  put('TotalEnergyLimit', params.totalEnergyCurrentLimit);
  put('TotalEnergyWeight', totals.energyWeight);
  return out;
}

/** java-tron's DelegatedResource message. */
export function delegationJson(d: Delegation, visible: boolean): Json {
  const out: Json = { from: addressOut(d.from, visible), to: addressOut(d.to, visible) };
  if (d.bandwidth) out.frozen_balance_for_bandwidth = num(d.bandwidth);
  if (d.energy) out.frozen_balance_for_energy = num(d.energy);
  if (d.bandwidthExpire) out.expire_time_for_bandwidth = num(d.bandwidthExpire);
  if (d.energyExpire) out.expire_time_for_energy = num(d.energyExpire);
  return out;
}

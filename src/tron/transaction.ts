/**
 * TRON transactions carrying one TransferContract, TriggerSmartContract, Stake 2.0 contract (types 54–59) or
 * AccountCreateContract: canonical protobuf encoding and decoding, the node's JSON form, txID = sha256(raw_data
 * bytes), TaPoS fields, signing (r‖s‖v over the txID, no pre-hash) and signer recovery.
 */
import { bytesToBase58Address, checkAddress } from './address.js';
import { be64, bytesToHex, equalBytes, hexToBytes, isHex } from './bytes.js';
import { sha256 } from './hash.js';
import { publicKeyToAddressBytes } from './keys.js';
import { ProtoDecodeError, type ProtoValue, ProtoWriter, readFields } from './protobuf.js';
import type { ResourceCode, ResourceContract } from './resource-contracts.js';
import { secp } from './secp256k1.js';

export const TYPE_URL_PREFIX = 'type.googleapis.com/protocol.';
export const DEFAULT_EXPIRATION_MS = 60_000n;

export interface TransferContract {
  type: 'TransferContract';
  ownerAddress: Uint8Array;
  toAddress: Uint8Array;
  amount: bigint;
  permissionId?: number;
}

export interface TriggerSmartContract {
  type: 'TriggerSmartContract';
  ownerAddress: Uint8Array;
  contractAddress: Uint8Array;
  callValue: bigint;
  data: Uint8Array;
  callTokenValue: bigint;
  tokenId: bigint;
  permissionId?: number;
}

export type Contract = TransferContract | TriggerSmartContract | ResourceContract;
export type ContractTypeName = Contract['type'];

/** `Transaction.Contract.ContractType` numbers (java-tron core/Tron.proto). */
export const CONTRACT_TYPE_NUMBER: Record<ContractTypeName, number> = {
  AccountCreateContract: 0,
  TransferContract: 1,
  TriggerSmartContract: 31,
  FreezeBalanceV2Contract: 54,
  UnfreezeBalanceV2Contract: 55,
  WithdrawExpireUnfreezeContract: 56,
  DelegateResourceContract: 57,
  UnDelegateResourceContract: 58,
  CancelAllUnfreezeV2Contract: 59,
};
export const CONTRACT_TYPE_NAME = new Map<number, ContractTypeName>(
  Object.entries(CONTRACT_TYPE_NUMBER).map(([name, n]) => [n, name as ContractTypeName]),
);

/** `ResourceCode` enum values; TRON_POWER (2) is not supported and is rejected when decoding. */
const RESOURCE_CODE_NUMBER: Record<ResourceCode, number> = { BANDWIDTH: 0, ENERGY: 1 };

function resourceFromNumber(n: bigint, path: string): ResourceCode {
  if (n === 0n) return 'BANDWIDTH';
  if (n === 1n) return 'ENERGY';
  throw new TransactionFormatError(`${path}: unsupported resource ${n}`);
}

export interface TransactionRaw {
  refBlockBytes: Uint8Array;
  refBlockNum?: bigint;
  refBlockHash: Uint8Array;
  expiration: bigint;
  /** memo (raw_data.data) */
  data?: Uint8Array;
  contract: Contract;
  timestamp: bigint;
  feeLimit: bigint;
}

export interface Transaction {
  raw: TransactionRaw;
  rawBytes: Uint8Array;
  txID: string;
  signatures: Uint8Array[];
}

export class TransactionFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransactionFormatError';
  }
}

// ---------------------------------------------------------------- protobuf

/** Field numbers follow java-tron's balance_contract.proto, account_contract.proto and smart_contract.proto. */
export function encodeContractValue(contract: Contract): Uint8Array {
  const w = new ProtoWriter(128).bytes(1, contract.ownerAddress);
  switch (contract.type) {
    case 'TransferContract':
      w.bytes(2, contract.toAddress).int64(3, contract.amount);
      break;
    case 'TriggerSmartContract':
      w.bytes(2, contract.contractAddress)
        .int64(3, contract.callValue)
        .bytes(4, contract.data)
        .int64(5, contract.callTokenValue)
        .int64(6, contract.tokenId);
      break;
    case 'FreezeBalanceV2Contract':
      w.int64(2, contract.frozenBalance).int64(3, RESOURCE_CODE_NUMBER[contract.resource]);
      break;
    case 'UnfreezeBalanceV2Contract':
      w.int64(2, contract.unfreezeBalance).int64(3, RESOURCE_CODE_NUMBER[contract.resource]);
      break;
    case 'DelegateResourceContract':
      w.int64(2, RESOURCE_CODE_NUMBER[contract.resource])
        .int64(3, contract.balance)
        .bytes(4, contract.receiverAddress)
        .int64(5, contract.lock ? 1 : 0)
        .int64(6, contract.lockPeriod);
      break;
    case 'UnDelegateResourceContract':
      w.int64(2, RESOURCE_CODE_NUMBER[contract.resource]).int64(3, contract.balance).bytes(4, contract.receiverAddress);
      break;
    case 'AccountCreateContract':
      // field 3 (AccountType) stays at its default, Normal
      w.bytes(2, contract.accountAddress);
      break;
    case 'WithdrawExpireUnfreezeContract':
    case 'CancelAllUnfreezeV2Contract':
      break;
  }
  return w.finish();
}

function encodeContract(contract: Contract): Uint8Array {
  const any = new ProtoWriter(160)
    .bytes(1, Buffer.from(TYPE_URL_PREFIX + contract.type, 'utf8'))
    .bytes(2, encodeContractValue(contract))
    .finish();
  return new ProtoWriter(any.length + 8)
    .int64(1, CONTRACT_TYPE_NUMBER[contract.type])
    .bytes(2, any)
    .int64(5, contract.permissionId)
    .finish();
}

export function encodeTransactionRaw(raw: TransactionRaw): Uint8Array {
  return new ProtoWriter(256)
    .bytes(1, raw.refBlockBytes)
    .int64(3, raw.refBlockNum)
    .bytes(4, raw.refBlockHash)
    .int64(8, raw.expiration)
    .bytes(10, raw.data)
    .bytesAlways(11, encodeContract(raw.contract))
    .int64(14, raw.timestamp)
    .int64(18, raw.feeLimit)
    .finish();
}

function asBytes(v: { wireType: number; value: unknown }, name: string): Uint8Array {
  if (v.wireType !== 2) throw new TransactionFormatError(`${name} has the wrong wire type`);
  return v.value as Uint8Array;
}

function asInt(v: { wireType: number; value: unknown }, name: string): bigint {
  if (v.wireType !== 0) throw new TransactionFormatError(`${name} has the wrong wire type`);
  return v.value as bigint;
}

function asResource(v: { wireType: number; value: unknown }, name: string): ResourceCode {
  return resourceFromNumber(asInt(v, name), name);
}

/** proto3 bool: only 1 is accepted so that decode → encode stays byte-identical. */
function asBool(v: { wireType: number; value: unknown }, name: string): boolean {
  const n = asInt(v, name);
  if (n !== 1n) throw new TransactionFormatError(`${name} must be encoded as 1`);
  return true;
}

const EMPTY = new Uint8Array(0);

/** An empty contract of each type, in the shape decodeContractValue fills field by field. */
function emptyContract(type: ContractTypeName): Contract {
  switch (type) {
    case 'TransferContract':
      return { type, ownerAddress: EMPTY, toAddress: EMPTY, amount: 0n };
    case 'TriggerSmartContract':
      return { type, ownerAddress: EMPTY, contractAddress: EMPTY, callValue: 0n, data: EMPTY, callTokenValue: 0n, tokenId: 0n };
    case 'FreezeBalanceV2Contract':
      return { type, ownerAddress: EMPTY, frozenBalance: 0n, resource: 'BANDWIDTH' };
    case 'UnfreezeBalanceV2Contract':
      return { type, ownerAddress: EMPTY, unfreezeBalance: 0n, resource: 'BANDWIDTH' };
    case 'DelegateResourceContract':
      return { type, ownerAddress: EMPTY, resource: 'BANDWIDTH', balance: 0n, receiverAddress: EMPTY, lock: false, lockPeriod: 0n };
    case 'UnDelegateResourceContract':
      return { type, ownerAddress: EMPTY, resource: 'BANDWIDTH', balance: 0n, receiverAddress: EMPTY };
    case 'AccountCreateContract':
      return { type, ownerAddress: EMPTY, accountAddress: EMPTY };
    case 'WithdrawExpireUnfreezeContract':
    case 'CancelAllUnfreezeV2Contract':
      return { type, ownerAddress: EMPTY };
  }
}

/** Applies one field to the contract; false when the type has no such field. */
function setContractField(c: Contract, f: ProtoValue): boolean {
  if (f.field === 1) {
    c.ownerAddress = asBytes(f, 'owner_address');
    return true;
  }
  switch (c.type) {
    case 'TransferContract':
      if (f.field === 2) c.toAddress = asBytes(f, 'to_address');
      else if (f.field === 3) c.amount = asInt(f, 'amount');
      else return false;
      return true;
    case 'TriggerSmartContract':
      if (f.field === 2) c.contractAddress = asBytes(f, 'contract_address');
      else if (f.field === 3) c.callValue = asInt(f, 'call_value');
      else if (f.field === 4) c.data = asBytes(f, 'data');
      else if (f.field === 5) c.callTokenValue = asInt(f, 'call_token_value');
      else if (f.field === 6) c.tokenId = asInt(f, 'token_id');
      else return false;
      return true;
    case 'FreezeBalanceV2Contract':
      if (f.field === 2) c.frozenBalance = asInt(f, 'frozen_balance');
      else if (f.field === 3) c.resource = asResource(f, 'resource');
      else return false;
      return true;
    case 'UnfreezeBalanceV2Contract':
      if (f.field === 2) c.unfreezeBalance = asInt(f, 'unfreeze_balance');
      else if (f.field === 3) c.resource = asResource(f, 'resource');
      else return false;
      return true;
    case 'DelegateResourceContract':
      if (f.field === 2) c.resource = asResource(f, 'resource');
      else if (f.field === 3) c.balance = asInt(f, 'balance');
      else if (f.field === 4) c.receiverAddress = asBytes(f, 'receiver_address');
      else if (f.field === 5) c.lock = asBool(f, 'lock');
      else if (f.field === 6) c.lockPeriod = asInt(f, 'lock_period');
      else return false;
      return true;
    case 'UnDelegateResourceContract':
      if (f.field === 2) c.resource = asResource(f, 'resource');
      else if (f.field === 3) c.balance = asInt(f, 'balance');
      else if (f.field === 4) c.receiverAddress = asBytes(f, 'receiver_address');
      else return false;
      return true;
    case 'AccountCreateContract':
      if (f.field === 2) c.accountAddress = asBytes(f, 'account_address');
      else if (f.field === 3) throw new TransactionFormatError(`AccountCreateContract type ${asInt(f, 'type')} is not supported`);
      else return false;
      return true;
    case 'WithdrawExpireUnfreezeContract':
    case 'CancelAllUnfreezeV2Contract':
      return false;
  }
}

function decodeContractValue(type: ContractTypeName, bytes: Uint8Array): Contract {
  const c = emptyContract(type);
  for (const f of readFields(bytes)) {
    if (!setContractField(c, f)) throw new TransactionFormatError(`unknown ${type} field ${f.field}`);
  }
  return c;
}

function decodeContract(bytes: Uint8Array): Contract {
  let typeNumber = 0;
  let any: Uint8Array | undefined;
  let permissionId: number | undefined;
  for (const f of readFields(bytes)) {
    if (f.field === 1) typeNumber = Number(asInt(f, 'contract.type'));
    else if (f.field === 2) any = asBytes(f, 'contract.parameter');
    else if (f.field === 5) permissionId = Number(asInt(f, 'Permission_id'));
    else throw new TransactionFormatError(`unsupported contract field ${f.field}`);
  }
  const type = CONTRACT_TYPE_NAME.get(typeNumber);
  if (!type) throw new TransactionFormatError(`unsupported contract type ${typeNumber}`);
  if (!any) throw new TransactionFormatError('contract has no parameter');
  let typeUrl = '';
  let value: Uint8Array = new Uint8Array(0);
  for (const f of readFields(any)) {
    if (f.field === 1) typeUrl = Buffer.from(asBytes(f, 'type_url')).toString('utf8');
    else if (f.field === 2) value = asBytes(f, 'value');
  }
  if (typeUrl !== TYPE_URL_PREFIX + type) throw new TransactionFormatError(`type_url ${typeUrl} does not match ${type}`);
  const contract = decodeContractValue(type, value);
  if (permissionId !== undefined) contract.permissionId = permissionId;
  return contract;
}

export function decodeTransactionRaw(bytes: Uint8Array): TransactionRaw {
  try {
    const raw: Partial<TransactionRaw> = { expiration: 0n, timestamp: 0n, feeLimit: 0n };
    const empty = new Uint8Array(0);
    raw.refBlockBytes = empty;
    raw.refBlockHash = empty;
    let contracts = 0;
    for (const f of readFields(bytes)) {
      switch (f.field) {
        case 1:
          raw.refBlockBytes = asBytes(f, 'ref_block_bytes');
          break;
        case 3:
          raw.refBlockNum = asInt(f, 'ref_block_num');
          break;
        case 4:
          raw.refBlockHash = asBytes(f, 'ref_block_hash');
          break;
        case 8:
          raw.expiration = asInt(f, 'expiration');
          break;
        case 10:
          raw.data = asBytes(f, 'data');
          break;
        case 11:
          contracts++;
          raw.contract = decodeContract(asBytes(f, 'contract'));
          break;
        case 14:
          raw.timestamp = asInt(f, 'timestamp');
          break;
        case 18:
          raw.feeLimit = asInt(f, 'fee_limit');
          break;
        default:
          throw new TransactionFormatError(`unsupported raw_data field ${f.field}`);
      }
    }
    if (contracts !== 1 || !raw.contract) throw new TransactionFormatError('a transaction must hold exactly one contract');
    return raw as TransactionRaw;
  } catch (err) {
    if (err instanceof ProtoDecodeError) throw new TransactionFormatError(err.message);
    throw err;
  }
}

export function computeTxId(rawBytes: Uint8Array): string {
  return bytesToHex(sha256(rawBytes));
}

export function makeTransaction(raw: TransactionRaw, signatures: Uint8Array[] = []): Transaction {
  const rawBytes = encodeTransactionRaw(raw);
  return { raw, rawBytes, txID: computeTxId(rawBytes), signatures };
}

/** Result codes as stored in a block (`Transaction.Result.contractRet`). */
export const CONTRACT_RESULT = {
  DEFAULT: 0,
  SUCCESS: 1,
  REVERT: 2,
  OUT_OF_ENERGY: 10,
} as const;

/** Signed `Transaction` protobuf: raw_data (1), signature (2, repeated), ret (5, repeated). */
export function encodeSignedTransaction(tx: Pick<Transaction, 'rawBytes' | 'signatures'>, contractRet?: number): Uint8Array {
  const w = new ProtoWriter(tx.rawBytes.length + 80);
  w.bytesAlways(1, tx.rawBytes);
  for (const sig of tx.signatures) w.bytesAlways(2, sig);
  if (contractRet !== undefined) w.bytesAlways(5, new ProtoWriter(4).int64(3, contractRet).finish());
  return w.finish();
}

export function decodeSignedTransaction(bytes: Uint8Array): Transaction {
  let rawBytes: Uint8Array | undefined;
  const signatures: Uint8Array[] = [];
  try {
    for (const f of readFields(bytes)) {
      if (f.field === 1) rawBytes = asBytes(f, 'raw_data');
      else if (f.field === 2) signatures.push(asBytes(f, 'signature'));
      else if (f.field === 5)
        continue; // ret is not part of what is signed
      else throw new TransactionFormatError(`unsupported Transaction field ${f.field}`);
    }
  } catch (err) {
    if (err instanceof ProtoDecodeError) throw new TransactionFormatError(err.message);
    throw err;
  }
  if (!rawBytes) throw new TransactionFormatError('transaction has no raw_data');
  const raw = decodeTransactionRaw(rawBytes);
  return { raw, rawBytes: Uint8Array.from(rawBytes), txID: computeTxId(rawBytes), signatures: signatures.map((s) => Uint8Array.from(s)) };
}

/** Bytes java-tron charges as bandwidth: the signed transaction without `ret`, plus 64. */
export function bandwidthBytes(tx: Pick<Transaction, 'rawBytes' | 'signatures'>): number {
  return signedBandwidthBytes(encodeSignedTransaction(tx).length);
}

/** bandwidthBytes() of a signed transaction (without `ret`) that is `signedLength` bytes long. */
export function signedBandwidthBytes(signedLength: number): number {
  return signedLength + 64;
}

// ---------------------------------------------------------------- TaPoS

export interface RefBlock {
  refBlockBytes: Uint8Array;
  refBlockHash: Uint8Array;
}

/** ref_block_bytes = be64(height)[6..8], ref_block_hash = blockId[8..16] (java-tron TransactionCapsule.setReference). */
export function refBlockFields(blockNumber: bigint | number, blockId: string | Uint8Array): RefBlock {
  const id = typeof blockId === 'string' ? hexToBytes(blockId) : blockId;
  if (id.length !== 32) throw new TypeError('block id must be 32 bytes');
  return { refBlockBytes: be64(BigInt(blockNumber)).slice(6, 8), refBlockHash: id.slice(8, 16) };
}

// ---------------------------------------------------------------- builders

export interface BuildCommon {
  ref: RefBlock;
  /** ms since epoch; defaults to `timestamp` + 60 s, as TronWeb does */
  expiration?: bigint;
  timestamp: bigint;
  memo?: Uint8Array;
  /** the account permission that signs (multi-signature accounts); absent means owner */
  permissionId?: number;
}

function buildWith(args: BuildCommon, contract: Contract, feeLimit = 0n): Transaction {
  if (args.permissionId) contract.permissionId = args.permissionId;
  return makeTransaction({
    refBlockBytes: args.ref.refBlockBytes,
    refBlockHash: args.ref.refBlockHash,
    expiration: args.expiration ?? args.timestamp + DEFAULT_EXPIRATION_MS,
    ...(args.memo ? { data: args.memo } : {}),
    contract,
    timestamp: args.timestamp,
    feeLimit,
  });
}

export function buildTransfer(args: BuildCommon & { from: Uint8Array; to: Uint8Array; amount: bigint }): Transaction {
  return buildWith(args, { type: 'TransferContract', ownerAddress: args.from, toAddress: args.to, amount: args.amount });
}

export function buildTriggerSmartContract(
  args: BuildCommon & { from: Uint8Array; contract: Uint8Array; data: Uint8Array; feeLimit: bigint; callValue?: bigint },
): Transaction {
  return buildWith(
    args,
    {
      type: 'TriggerSmartContract',
      ownerAddress: args.from,
      contractAddress: args.contract,
      callValue: args.callValue ?? 0n,
      data: args.data,
      callTokenValue: 0n,
      tokenId: 0n,
    },
    args.feeLimit,
  );
}

/** Stake `amount` sun for `resource` (type 54). */
export function buildFreezeBalanceV2(args: BuildCommon & { from: Uint8Array; amount: bigint; resource: ResourceCode }): Transaction {
  return buildWith(args, { type: 'FreezeBalanceV2Contract', ownerAddress: args.from, frozenBalance: args.amount, resource: args.resource });
}

/** Start unstaking `amount` sun of `resource` (type 55). */
export function buildUnfreezeBalanceV2(args: BuildCommon & { from: Uint8Array; amount: bigint; resource: ResourceCode }): Transaction {
  return buildWith(args, {
    type: 'UnfreezeBalanceV2Contract',
    ownerAddress: args.from,
    unfreezeBalance: args.amount,
    resource: args.resource,
  });
}

/** Withdraw every unstaked amount whose delay has passed (type 56). */
export function buildWithdrawExpireUnfreeze(args: BuildCommon & { from: Uint8Array }): Transaction {
  return buildWith(args, { type: 'WithdrawExpireUnfreezeContract', ownerAddress: args.from });
}

/**
 * Lend the `resource` of `amount` staked sun to `receiver` (type 57). `lockPeriod` (blocks) only means something
 * with `lock`; java-tron ignores it otherwise, so it is refused here rather than silently signed.
 */
export function buildDelegateResource(
  args: BuildCommon & {
    from: Uint8Array;
    receiver: Uint8Array;
    amount: bigint;
    resource: ResourceCode;
    lock?: boolean;
    lockPeriod?: bigint;
  },
): Transaction {
  const lock = args.lock ?? false;
  const lockPeriod = args.lockPeriod ?? 0n;
  if (!lock && lockPeriod !== 0n) throw new TypeError('lockPeriod is only valid with lock: true');
  return buildWith(args, {
    type: 'DelegateResourceContract',
    ownerAddress: args.from,
    resource: args.resource,
    balance: args.amount,
    receiverAddress: args.receiver,
    lock,
    lockPeriod,
  });
}

/** Take back `amount` sun of delegated `resource` from `receiver` (type 58). */
export function buildUnDelegateResource(
  args: BuildCommon & { from: Uint8Array; receiver: Uint8Array; amount: bigint; resource: ResourceCode },
): Transaction {
  return buildWith(args, {
    type: 'UnDelegateResourceContract',
    ownerAddress: args.from,
    resource: args.resource,
    balance: args.amount,
    receiverAddress: args.receiver,
  });
}

/** Cancel every pending unstake (type 59; TronWeb calls it cancelUnfreezeBalanceV2). */
export function buildCancelAllUnfreezeV2(args: BuildCommon & { from: Uint8Array }): Transaction {
  return buildWith(args, { type: 'CancelAllUnfreezeV2Contract', ownerAddress: args.from });
}

/** Activate `account` without sending it TRX (type 0); the owner pays the account-creation fee. */
export function buildAccountCreate(args: BuildCommon & { from: Uint8Array; account: Uint8Array }): Transaction {
  return buildWith(args, { type: 'AccountCreateContract', ownerAddress: args.from, accountAddress: args.account });
}

// ---------------------------------------------------------------- signatures

export type RecoveryStyle = 'eth' | 'raw';

/**
 * Signs the txID (already a sha256 digest; it is not hashed again). `eth` writes v as 27/28 like
 * TronWeb, `raw` as 0/1 like wallet-cli; java-tron accepts both.
 */
export function signDigest(digest: Uint8Array, privateKey: Uint8Array, style: RecoveryStyle = 'eth'): Uint8Array {
  const { signature, recid } = secp.sign(digest, privateKey);
  const out = new Uint8Array(65);
  out.set(signature, 0);
  out[64] = style === 'eth' ? recid + 27 : recid;
  return out;
}

export function signTransaction(tx: Transaction, privateKey: Uint8Array, style: RecoveryStyle = 'eth'): Transaction {
  const signature = signDigest(hexToBytes(tx.txID), privateKey, style);
  return { ...tx, signatures: [...tx.signatures, signature] };
}

/** Recovers the signer's 21-byte address; v may be 0/1 or 27/28. Returns null for a signature that does not recover. */
export function recoverSigner(digest: Uint8Array, signature: Uint8Array): Uint8Array | null {
  if (signature.length !== 65) return null;
  let v = signature[64] as number;
  if (v >= 27) v -= 27;
  if (v !== 0 && v !== 1) return null;
  const publicKey = secp.recover(digest, signature.subarray(0, 64), v);
  return publicKey ? publicKeyToAddressBytes(publicKey) : null;
}

/** True when the first signature recovers to the contract's owner (single-signature accounts). */
export function isSignedByOwner(tx: Transaction): boolean {
  const sig = tx.signatures[0];
  if (!sig) return false;
  const signer = recoverSigner(hexToBytes(tx.txID), sig);
  return signer !== null && equalBytes(signer, tx.raw.contract.ownerAddress);
}

// ---------------------------------------------------------------- JSON (the node's format)

type Json = Record<string, unknown>;

function addressOut(bytes: Uint8Array, visible: boolean): string {
  if (visible && bytes.length === 21 && bytes[0] === 0x41) return bytesToBase58Address(bytes);
  return bytesToHex(bytes);
}

function num(value: bigint): number {
  return Number(value);
}

/**
 * The contract's `parameter.value` as java-tron's JsonFormat prints it: proto3 defaults omitted (amount 0,
 * resource BANDWIDTH, lock false), enums by name. Keys follow Java HashMap order (what fastjson gives; the
 * TransferContract vectors show it, the other types are not checked against a node); nothing may rely on it.
 */
export function contractValueToJson(contract: Contract, visible = false): Json {
  const v: Json = {};
  const owner = () => {
    if (contract.ownerAddress.length) v.owner_address = addressOut(contract.ownerAddress, visible);
  };
  const resource = (code: ResourceCode) => {
    if (code !== 'BANDWIDTH') v.resource = code;
  };
  switch (contract.type) {
    case 'TransferContract':
      if (contract.amount !== 0n) v.amount = num(contract.amount);
      owner();
      if (contract.toAddress.length) v.to_address = addressOut(contract.toAddress, visible);
      break;
    case 'TriggerSmartContract':
      if (contract.data.length) v.data = bytesToHex(contract.data);
      owner();
      if (contract.contractAddress.length) v.contract_address = addressOut(contract.contractAddress, visible);
      if (contract.callValue !== 0n) v.call_value = num(contract.callValue);
      if (contract.callTokenValue !== 0n) v.call_token_value = num(contract.callTokenValue);
      if (contract.tokenId !== 0n) v.token_id = num(contract.tokenId);
      break;
    case 'FreezeBalanceV2Contract':
      resource(contract.resource);
      if (contract.frozenBalance !== 0n) v.frozen_balance = num(contract.frozenBalance);
      owner();
      break;
    case 'UnfreezeBalanceV2Contract':
      resource(contract.resource);
      owner();
      if (contract.unfreezeBalance !== 0n) v.unfreeze_balance = num(contract.unfreezeBalance);
      break;
    case 'DelegateResourceContract':
      if (contract.balance !== 0n) v.balance = num(contract.balance);
      resource(contract.resource);
      if (contract.receiverAddress.length) v.receiver_address = addressOut(contract.receiverAddress, visible);
      if (contract.lock) v.lock = true;
      owner();
      if (contract.lockPeriod !== 0n) v.lock_period = num(contract.lockPeriod);
      break;
    case 'UnDelegateResourceContract':
      if (contract.balance !== 0n) v.balance = num(contract.balance);
      resource(contract.resource);
      if (contract.receiverAddress.length) v.receiver_address = addressOut(contract.receiverAddress, visible);
      owner();
      break;
    case 'AccountCreateContract':
      owner();
      if (contract.accountAddress.length) v.account_address = addressOut(contract.accountAddress, visible);
      break;
    case 'WithdrawExpireUnfreezeContract':
    case 'CancelAllUnfreezeV2Contract':
      owner();
      break;
  }
  return v;
}

export function transactionRawToJson(raw: TransactionRaw, visible = false): Json {
  const contract: Json = {
    parameter: { value: contractValueToJson(raw.contract, visible), type_url: TYPE_URL_PREFIX + raw.contract.type },
    type: raw.contract.type,
  };
  if (raw.contract.permissionId) contract.Permission_id = raw.contract.permissionId;
  const out: Json = { contract: [contract] };
  if (raw.refBlockBytes.length) out.ref_block_bytes = bytesToHex(raw.refBlockBytes);
  if (raw.refBlockNum) out.ref_block_num = num(raw.refBlockNum);
  if (raw.refBlockHash.length) out.ref_block_hash = bytesToHex(raw.refBlockHash);
  if (raw.expiration) out.expiration = num(raw.expiration);
  if (raw.data?.length) out.data = bytesToHex(raw.data);
  if (raw.timestamp) out.timestamp = num(raw.timestamp);
  if (raw.feeLimit) out.fee_limit = num(raw.feeLimit);
  return out;
}

/** `{visible, txID, raw_data, raw_data_hex[, signature]}` as java-tron prints a transaction. */
export function transactionToJson(tx: Transaction, visible = false): Json {
  const out: Json = {};
  if (tx.signatures.length) out.signature = tx.signatures.map(bytesToHex);
  out.visible = visible;
  out.txID = tx.txID;
  out.raw_data = transactionRawToJson(tx.raw, visible);
  out.raw_data_hex = bytesToHex(tx.rawBytes);
  return out;
}

function fieldError(path: string, message: string): TransactionFormatError {
  return new TransactionFormatError(`${path}: ${message}`);
}

function readInt64(value: unknown, path: string): bigint {
  if (value === undefined || value === null) return 0n;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw fieldError(path, 'must be an integer');
    return BigInt(value);
  }
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? BigInt(value) : typeof value === 'bigint' ? value : undefined;
  if (n === undefined) throw fieldError(path, 'must be an integer');
  // The encoder writes int64 as 64-bit two's complement; a wider value would hash and sign as a different number.
  if (n !== BigInt.asIntN(64, n)) throw fieldError(path, 'must fit in a signed 64-bit integer');
  return n;
}

function readHex(value: unknown, path: string): Uint8Array {
  if (value === undefined || value === null || value === '') return new Uint8Array(0);
  if (typeof value !== 'string' || !isHex(value)) throw fieldError(path, 'must be a hex string');
  return hexToBytes(value);
}

function readAddress(value: unknown, path: string, visible: boolean): Uint8Array {
  if (value === undefined || value === null || value === '') return new Uint8Array(0);
  if (typeof value !== 'string') throw fieldError(path, 'must be a string');
  if (visible || !isHex(value)) {
    const check = checkAddress(value);
    if (!check.ok) throw fieldError(path, check.message);
    return check.bytes;
  }
  return hexToBytes(value);
}

function readResource(value: unknown, path: string): ResourceCode {
  if (value === undefined || value === null || value === 'BANDWIDTH' || value === 0) return 'BANDWIDTH';
  if (value === 'ENERGY' || value === 1) return 'ENERGY';
  throw fieldError(path, 'must be "BANDWIDTH" or "ENERGY"');
}

function readBool(value: unknown, path: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw fieldError(path, 'must be true or false');
  return value;
}

const JSON_VALUE_PATH = 'raw_data.contract[0].parameter.value';

/** `parameter.value` of one contract, hex addresses or base58 when `visible`; every field is checked by name. */
export function contractValueFromJson(type: ContractTypeName, v: Json, visible = false): Contract {
  const address = (key: string) => readAddress(v[key], `${JSON_VALUE_PATH}.${key}`, visible);
  const int = (key: string) => readInt64(v[key], `${JSON_VALUE_PATH}.${key}`);
  const resource = () => readResource(v.resource, `${JSON_VALUE_PATH}.resource`);
  const ownerAddress = address('owner_address');
  switch (type) {
    case 'TransferContract':
      return { type, ownerAddress, toAddress: address('to_address'), amount: int('amount') };
    case 'TriggerSmartContract':
      return {
        type,
        ownerAddress,
        contractAddress: address('contract_address'),
        callValue: int('call_value'),
        data: readHex(v.data, `${JSON_VALUE_PATH}.data`),
        callTokenValue: int('call_token_value'),
        tokenId: int('token_id'),
      };
    case 'FreezeBalanceV2Contract':
      return { type, ownerAddress, frozenBalance: int('frozen_balance'), resource: resource() };
    case 'UnfreezeBalanceV2Contract':
      return { type, ownerAddress, unfreezeBalance: int('unfreeze_balance'), resource: resource() };
    case 'DelegateResourceContract':
      return {
        type,
        ownerAddress,
        resource: resource(),
        balance: int('balance'),
        receiverAddress: address('receiver_address'),
        lock: readBool(v.lock, `${JSON_VALUE_PATH}.lock`),
        lockPeriod: int('lock_period'),
      };
    case 'UnDelegateResourceContract':
      return { type, ownerAddress, resource: resource(), balance: int('balance'), receiverAddress: address('receiver_address') };
    case 'AccountCreateContract':
      if (v.type !== undefined && v.type !== 'Normal' && v.type !== 0)
        throw fieldError(`${JSON_VALUE_PATH}.type`, 'only Normal is supported');
      return { type, ownerAddress, accountAddress: address('account_address') };
    case 'WithdrawExpireUnfreezeContract':
    case 'CancelAllUnfreezeV2Contract':
      return { type, ownerAddress };
  }
}

/** Parses the node's JSON `raw_data` (hex addresses, or base58 when `visible`). */
export function transactionRawFromJson(json: unknown, visible = false): TransactionRaw {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fieldError('raw_data', 'must be an object');
  const r = json as Json;
  if (!Array.isArray(r.contract) || r.contract.length === 0) throw fieldError('raw_data.contract', 'no contract');
  if (r.contract.length > 1) throw fieldError('raw_data.contract', 'exactly one contract is supported');
  const c = r.contract[0] as Json;
  if (typeof c !== 'object' || c === null) throw fieldError('raw_data.contract[0]', 'must be an object');
  const type = c.type;
  if (typeof type !== 'string' || !Object.hasOwn(CONTRACT_TYPE_NUMBER, type)) {
    throw fieldError('raw_data.contract[0].type', `unsupported contract type ${String(type)}`);
  }
  const parameter = c.parameter as Json | undefined;
  const v = (parameter?.value ?? {}) as Json;
  if (typeof v !== 'object' || v === null) throw fieldError('raw_data.contract[0].parameter.value', 'must be an object');
  const contract = contractValueFromJson(type as ContractTypeName, v, visible);
  if (c.Permission_id !== undefined) contract.permissionId = Number(readInt64(c.Permission_id, 'Permission_id'));
  const raw: TransactionRaw = {
    refBlockBytes: readHex(r.ref_block_bytes, 'raw_data.ref_block_bytes'),
    refBlockHash: readHex(r.ref_block_hash, 'raw_data.ref_block_hash'),
    expiration: readInt64(r.expiration, 'raw_data.expiration'),
    contract,
    timestamp: readInt64(r.timestamp, 'raw_data.timestamp'),
    feeLimit: readInt64(r.fee_limit, 'raw_data.fee_limit'),
  };
  if (r.ref_block_num !== undefined) raw.refBlockNum = readInt64(r.ref_block_num, 'raw_data.ref_block_num');
  if (r.data !== undefined) raw.data = readHex(r.data, 'raw_data.data');
  return raw;
}

/** Parses a signed transaction as posted to /wallet/broadcasttransaction; txID is recomputed, never trusted. */
export function transactionFromJson(json: unknown): Transaction {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new TransactionFormatError('transaction must be an object');
  const t = json as Json;
  const visible = t.visible === true || t.visible === 'true';
  const raw = transactionRawFromJson(t.raw_data, visible);
  const sigs = t.signature ?? [];
  if (!Array.isArray(sigs)) throw fieldError('signature', 'must be an array of hex strings');
  const signatures = sigs.map((s, i) => readHex(s, `signature[${i}]`));
  return makeTransaction(raw, signatures);
}

/**
 * Pure parsing of java-tron HTTP API and TronGrid v1 responses into typed values.
 *
 * - `parseJsonExact` keeps int64 values exact (java-tron prints them as JSON numbers).
 * - Every amount, fee, energy and height is a bigint; java-tron omits default values, so a missing
 *   integer field reads as 0n.
 * - Addresses in results are base58 ("T…"), except `EventLog`, which keeps the node's 20-byte hex
 *   form so it can go straight into `decodeTransferLog`.
 *
 * No I/O here: the node client (`client.ts`) fetches through `node-transport.ts` and calls these functions.
 */
import { checkHexAddress, toBase58Address, toHexAddress } from './address.js';
import { bytesToUtf8, hexToBytes, isHex } from './bytes.js';
import { type Transaction, transactionFromJson } from './transaction.js';
import { decodeAbiString, type EventLog } from './trc20.js';

// ---------------------------------------------------------------- exact JSON

/**
 * An integer literal of 16 or more digits somewhere in the text. In JSON a number always follows `:`,
 * `,` or `[` (or starts the text); java-tron prints bytes as hex, so no string holds those characters
 * before a digit run, and a false positive only costs the slower exact parse.
 */
const LONG_INTEGER = /[:,[]\s*-?\d{16}/;
const LONG_INTEGER_FIRST = /^\s*-?\d{16}/;

/**
 * parseJsonExact's result, through the engine's JSON.parse when no integer can lose precision there
 * (15 digits always fit a double): the same values, several times faster on large answers (a block range).
 */
export function parseJsonFast(text: string): JsonValue {
  // two patterns: one leading alternative (^|…) makes V8's scan for the separator several times slower
  return LONG_INTEGER.test(text) || LONG_INTEGER_FIRST.test(text) ? parseJsonExact(text) : (JSON.parse(text) as JsonValue);
}

export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** An answer `{"Error": message}`: java-tron refused the request. */
export class NodeErrorAnswer extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NodeErrorAnswer';
  }
}

export class JsonSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/** Integer literals with more digits than this become bigint; 15 digits always fit a double exactly. */
const MAX_NUMBER_DIGITS = 15;
const NUMBER_RE = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

/**
 * JSON.parse that keeps large integers exact: an integer literal (no fraction, no exponent) with
 * more than 15 digits becomes a `bigint`; every other number is a `number`. Strings, objects and
 * arrays are as JSON.parse returns them. A small recursive-descent parser rather than a regex
 * pre-pass plus reviver, so a string value can never be mistaken for a number.
 */
export function parseJsonExact(text: string): JsonValue {
  let pos = 0;

  const fail = (what: string): JsonSyntaxError => new JsonSyntaxError(`invalid JSON: ${what} at position ${pos}`);

  const skipWhitespace = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
  };

  const parseString = (): string => {
    const start = pos; // at the opening quote
    let end = start;
    for (;;) {
      end = text.indexOf('"', end + 1);
      if (end < 0) throw fail('unterminated string');
      let backslashes = 0;
      for (let i = end - 1; i > start && text.charCodeAt(i) === 0x5c; i--) backslashes++;
      if (backslashes % 2 === 0) break; // an escaped quote has an odd run of backslashes before it
    }
    pos = end + 1;
    const body = text.slice(start + 1, end);
    if (!body.includes('\\')) {
      if (hasControlChar(body)) throw fail('control character in string');
      return body;
    }
    try {
      return JSON.parse(text.slice(start, end + 1)) as string;
    } catch {
      throw fail('bad escape or control character in string');
    }
  };

  const parseNumber = (): number | bigint => {
    NUMBER_RE.lastIndex = pos;
    const m = NUMBER_RE.exec(text);
    if (!m) throw fail('unexpected character');
    const literal = m[0];
    pos += literal.length;
    const isInteger = m[1] === undefined && m[2] === undefined;
    const digits = literal.startsWith('-') ? literal.length - 1 : literal.length;
    return isInteger && digits > MAX_NUMBER_DIGITS ? BigInt(literal) : Number(literal);
  };

  const parseLiteral = <T>(word: string, value: T): T => {
    if (!text.startsWith(word, pos)) throw fail('unexpected character');
    pos += word.length;
    return value;
  };

  const parseValue = (depth: number): JsonValue => {
    if (depth > 256) throw fail('nesting too deep');
    skipWhitespace();
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: JsonObject = {};
      skipWhitespace();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"') throw fail('expected a property name');
        const key = parseString();
        skipWhitespace();
        if (text[pos] !== ':') throw fail("expected ':'");
        pos++;
        const value = parseValue(depth + 1);
        // "__proto__" must become an own property, as JSON.parse makes it, not change the prototype.
        if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
        else obj[key] = value;
        skipWhitespace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return obj;
        }
        throw fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      pos++;
      const arr: JsonValue[] = [];
      skipWhitespace();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        skipWhitespace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return arr;
        }
        throw fail("expected ',' or ']'");
      }
    }
    if (c === '"') return parseString();
    if (c === 't') return parseLiteral('true', true);
    if (c === 'f') return parseLiteral('false', false);
    if (c === 'n') return parseLiteral('null', null);
    if (c === undefined) throw fail('unexpected end of input');
    return parseNumber();
  };

  const value = parseValue(0);
  skipWhitespace();
  if (pos !== text.length) throw fail('unexpected data after the JSON value');
  return value;
}

// ---------------------------------------------------------------- field readers

/** A response did not have the shape the parser expects. The client reports it as a 'bad_response'. */
export class TronResponseFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TronResponseFormatError';
  }
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: JsonValue | undefined, what: string): JsonObject {
  if (!isJsonObject(value)) throw new TronResponseFormatError(`${what} is not a JSON object`);
  return value;
}

function asArray(value: JsonValue | undefined, what: string): JsonValue[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new TronResponseFormatError(`${what} is not an array`);
  return value;
}

function isEmptyObject(value: JsonValue): boolean {
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/** int64 field: missing/null → 0n (proto3 default); number, bigint or decimal string accepted. */
export function readBigInt(value: JsonValue | undefined, what: string): bigint {
  if (value === undefined || value === null) return 0n;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TronResponseFormatError(`${what} is not an exact integer: ${value}`);
    return BigInt(value);
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new TronResponseFormatError(`${what} is not an integer`);
}

function readOptionalBigInt(value: JsonValue | undefined, what: string): bigint | undefined {
  return value === undefined || value === null ? undefined : readBigInt(value, what);
}

function readString(value: JsonValue | undefined, what: string): string {
  if (typeof value !== 'string') throw new TronResponseFormatError(`${what} is missing or not a string`);
  return value;
}

function readOptionalString(value: JsonValue | undefined, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TronResponseFormatError(`${what} is not a string`);
  return value;
}

function readHexString(value: JsonValue | undefined, what: string): string {
  const s = readString(value, what);
  if (!isHex(s)) throw new TronResponseFormatError(`${what} is not hex`);
  return s.toLowerCase();
}

/** "41…" hex (as printed with visible=false) or base58 → base58. */
function readAddress(value: JsonValue | undefined, what: string): string {
  const s = readString(value, what);
  try {
    return toBase58Address(s);
  } catch {
    throw new TronResponseFormatError(`${what} is not a TRON address`);
  }
}

function readSmallInt(value: JsonValue | undefined, what: string): number {
  const n = readBigInt(value, what);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) throw new TronResponseFormatError(`${what} is too large`);
  return Number(n);
}

/**
 * `Return.message` / `resMessage` are bytes: hex-encoded UTF-8 when visible=false, plain UTF-8 from
 * /wallet/broadcasthex. Hex is decoded; anything that is not even-length hex is returned unchanged.
 */
export function decodeNodeMessage(message: string): string {
  if (message.length === 0 || !isHex(message)) return message;
  return bytesToUtf8(hexToBytes(message));
}

// ---------------------------------------------------------------- blocks

export interface BlockInfo {
  number: bigint;
  /** 32-byte block id, lowercase hex */
  blockId: string;
  /** ms since epoch */
  timestamp: bigint;
  parentHash: string;
  /** base58 */
  witnessAddress: string;
  /**
   * Transactions in the block as the node returned it. `null` when the block was fetched with
   * `detail: false`, where java-tron leaves transactions out and the count is unknown.
   */
  txCount: number | null;
}

/** A transaction as printed inside a block or by gettransactionbyid. */
export interface NodeTransaction {
  /** txID as printed by the node */
  txid: string;
  /** e.g. "TransferContract", "TriggerSmartContract", "FreezeBalanceV2Contract" */
  contractType: string;
  /** `ret[0].contractRet`, e.g. "SUCCESS", "REVERT", "OUT_OF_ENERGY"; absent for unconfirmed/pending */
  contractRet?: string;
  /**
   * Parsed with `transactionFromJson`; TransferContract, TriggerSmartContract, the Stake 2.0 contracts
   * (54–59) and AccountCreateContract are modelled.
   * `null` (with `parseError`) for other contract types, or when re-encoding the JSON does not
   * reproduce the node's txID (fields the toolkit does not model).
   */
  transaction: Transaction | null;
  parseError?: string;
  /**
   * The first contract's fields read straight from the JSON (hex addresses "41…"), without re-encoding
   * or hashing: what a block scanner needs, trusting the node's txID.
   */
  summary: TransactionSummary;
}

/** The fields of a TransferContract or TriggerSmartContract that matter for matching transfers; absent for other types. */
export interface TransactionSummary {
  ownerHex?: string;
  /** TransferContract */
  toHex?: string;
  /** TransferContract amount, sun */
  amount?: bigint;
  /** TriggerSmartContract */
  contractHex?: string;
  /** TriggerSmartContract calldata, hex */
  data?: string;
}

export interface ParseTransactionOptions {
  /**
   * Re-encode the JSON with the toolkit and check it hashes to the node's txID (default true). A scanner
   * that only needs `summary` turns it off: that check costs far more than the parse.
   */
  verify?: boolean;
}

export interface BlockWithTransactions extends BlockInfo {
  transactions: NodeTransaction[];
}

/** Block header fields. `null` for `{}` (not found). */
export function parseBlockInfo(json: JsonValue, transactionsIncluded = true): BlockInfo | null {
  if (isEmptyObject(json)) return null;
  const block = asObject(json, 'block');
  const header = asObject(asObject(block.block_header, 'block.block_header').raw_data, 'block.block_header.raw_data');
  const txs = block.transactions;
  let txCount: number | null;
  if (Array.isArray(txs)) txCount = txs.length;
  else if (txs === undefined) txCount = transactionsIncluded ? 0 : null;
  else throw new TronResponseFormatError('block.transactions is not an array');
  const witness = readOptionalString(header.witness_address, 'witness_address') ?? '';
  const witnessCheck = checkHexAddress(witness);
  return {
    number: readBigInt(header.number, 'block number'),
    blockId: readHexString(block.blockID, 'blockID'),
    timestamp: readBigInt(header.timestamp, 'block timestamp'),
    parentHash: header.parentHash === undefined ? '' : readHexString(header.parentHash, 'parentHash'),
    // Genesis has no witness; keep whatever the node printed when it is not a 41… address.
    witnessAddress: witnessCheck.ok ? witnessCheck.base58 : witness,
    txCount,
  };
}

/** Header plus every transaction parsed. `null` for `{}`. */
export function parseBlock(
  json: JsonValue,
  transactionsIncluded = true,
  options: ParseTransactionOptions = {},
): BlockWithTransactions | null {
  const info = parseBlockInfo(json, transactionsIncluded);
  if (!info) return null;
  const block = json as JsonObject;
  const transactions = asArray(block.transactions, 'block.transactions').map((tx) => parseNodeTransaction(tx, options));
  return { ...info, transactions };
}

/** One transaction JSON (`{ret, signature, txID, raw_data, raw_data_hex}`). */
export function parseNodeTransaction(json: JsonValue, options: ParseTransactionOptions = {}): NodeTransaction {
  const tx = asObject(json, 'transaction');
  const txid = readHexString(tx.txID, 'txID');
  const raw = asObject(tx.raw_data, 'raw_data');
  const contract = asArray(raw.contract, 'raw_data.contract')[0];
  const contractType = isJsonObject(contract) ? (readOptionalString(contract.type, 'contract.type') ?? 'Unknown') : 'Unknown';
  const ret = asArray(tx.ret, 'ret')[0];
  const contractRet = isJsonObject(ret) ? readOptionalString(ret.contractRet, 'ret[0].contractRet') : undefined;
  const out: NodeTransaction = { txid, contractType, transaction: null, summary: summarize(contractType, contract) };
  if (contractRet !== undefined) out.contractRet = contractRet;
  if (options.verify === false) return out;
  try {
    const parsed = transactionFromJson(tx);
    if (parsed.txID === txid) out.transaction = parsed;
    else out.parseError = `re-encoded txID ${parsed.txID} differs from the node's (fields the toolkit does not model)`;
  } catch (err) {
    out.parseError = err instanceof Error ? err.message : String(err);
  }
  return out;
}

function summarize(contractType: string, contract: JsonValue | undefined): TransactionSummary {
  if (contractType !== 'TransferContract' && contractType !== 'TriggerSmartContract') return {};
  const parameter = isJsonObject(contract) ? contract.parameter : undefined;
  const value = isJsonObject(parameter) ? parameter.value : undefined;
  if (!isJsonObject(value)) return {};
  const hex = (v: JsonValue | undefined) => (typeof v === 'string' && isHex(v) ? v.toLowerCase() : undefined);
  const summary: TransactionSummary = {};
  const owner = hex(value.owner_address);
  if (owner !== undefined) summary.ownerHex = owner;
  if (contractType === 'TransferContract') {
    const to = hex(value.to_address);
    if (to !== undefined) summary.toHex = to;
    summary.amount = readBigInt(value.amount, 'amount');
  } else {
    const target = hex(value.contract_address);
    if (target !== undefined) summary.contractHex = target;
    const data = hex(value.data);
    if (data !== undefined) summary.data = data;
  }
  return summary;
}

/** gettransactionbyid: `null` for `{}` (not in a block yet, or unknown). */
export function parseTransactionById(json: JsonValue): NodeTransaction | null {
  if (isEmptyObject(json)) return null;
  return parseNodeTransaction(json);
}

/** /wallet/getblockbylimitnext: `{block:[…]}` or `{}`. Sorted by height. */
export function parseBlockList(json: JsonValue, options: ParseTransactionOptions = {}): BlockWithTransactions[] {
  if (isEmptyObject(json)) return [];
  const blocks = asArray(asObject(json, 'block list').block, 'block');
  const out: BlockWithTransactions[] = [];
  for (const b of blocks) {
    const block = parseBlock(b, true, options);
    if (block) out.push(block);
  }
  return out.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

// ---------------------------------------------------------------- transaction info

export interface TransactionReceipt {
  energyUsage: bigint;
  energyFee: bigint;
  originEnergyUsage: bigint;
  energyUsageTotal: bigint;
  netUsage: bigint;
  netFee: bigint;
  energyPenaltyTotal: bigint;
  /** "SUCCESS", "REVERT", "OUT_OF_ENERGY", …; absent for non-VM transactions */
  result?: string;
}

export interface TransactionInfo {
  id: string;
  blockNumber: bigint;
  blockTimestamp: bigint;
  /** total sun burned (0 when omitted) */
  fee: bigint;
  /** hex return values; `[""]` for non-VM transactions, 32 zero bytes for a successful USDT transfer */
  contractResult: string[];
  /** base58 */
  contractAddress?: string;
  receipt: TransactionReceipt;
  /** as printed: `address` 20-byte hex without 41 (feed to `decodeTransferLog`) */
  logs: EventLog[];
  /** top-level `"result":"FAILED"` */
  failed: boolean;
  /** decoded UTF-8 */
  resMessage?: string;
  /** TRX that contracts forwarded during the call (`internal_transactions` with a TRX call value, not rejected) */
  internalTransfers: InternalTrxTransfer[];
}

/** One `internal_transactions` entry that moved TRX. */
export interface InternalTrxTransfer {
  /** position in `internal_transactions` (stable whatever else the list holds) */
  index: number;
  /** "41…" hex of the contract that made the call */
  callerHex: string;
  /** "41…" hex */
  toHex: string;
  /** sun */
  amount: bigint;
}

/** `internal_transactions` entries that moved TRX (a `callValueInfo` without `tokenId`), rejected ones left out. */
function parseInternalTrxTransfers(value: JsonValue | undefined): InternalTrxTransfer[] {
  const out: InternalTrxTransfer[] = [];
  asArray(value, 'internal_transactions').forEach((entry, i) => {
    const what = `internal_transactions[${i}]`;
    const internal = asObject(entry, what);
    if (internal.rejected === true) return;
    let amount = 0n;
    asArray(internal.callValueInfo, `${what}.callValueInfo`).forEach((v, j) => {
      const info = asObject(v, `${what}.callValueInfo[${j}]`);
      if (info.tokenId === undefined || info.tokenId === '') amount += readBigInt(info.callValue, `${what}.callValueInfo[${j}].callValue`);
    });
    if (amount <= 0n) return;
    const callerHex = toHexAddress(readAddress(internal.caller_address, `${what}.caller_address`));
    const toHex = toHexAddress(readAddress(internal.transferTo_address, `${what}.transferTo_address`));
    out.push({ index: i, callerHex, toHex, amount });
  });
  return out;
}

/** gettransactioninfobyid: `null` for `{}` (unknown, or not solidified on /walletsolidity). */
export function parseTransactionInfo(json: JsonValue): TransactionInfo | null {
  if (isEmptyObject(json)) return null;
  const info = asObject(json, 'transaction info');
  const receiptJson = info.receipt === undefined ? {} : asObject(info.receipt, 'receipt');
  const receipt: TransactionReceipt = {
    energyUsage: readBigInt(receiptJson.energy_usage, 'receipt.energy_usage'),
    energyFee: readBigInt(receiptJson.energy_fee, 'receipt.energy_fee'),
    originEnergyUsage: readBigInt(receiptJson.origin_energy_usage, 'receipt.origin_energy_usage'),
    energyUsageTotal: readBigInt(receiptJson.energy_usage_total, 'receipt.energy_usage_total'),
    netUsage: readBigInt(receiptJson.net_usage, 'receipt.net_usage'),
    netFee: readBigInt(receiptJson.net_fee, 'receipt.net_fee'),
    energyPenaltyTotal: readBigInt(receiptJson.energy_penalty_total, 'receipt.energy_penalty_total'),
  };
  const receiptResult = readOptionalString(receiptJson.result, 'receipt.result');
  if (receiptResult !== undefined) receipt.result = receiptResult;
  const logs: EventLog[] = asArray(info.log, 'log').map((entry, i) => {
    const log = asObject(entry, `log[${i}]`);
    const out: EventLog = {
      address: readHexString(log.address, `log[${i}].address`),
      topics: asArray(log.topics, `log[${i}].topics`).map((t, j) => readHexString(t, `log[${i}].topics[${j}]`)),
    };
    if (log.data !== undefined) out.data = readString(log.data, `log[${i}].data`).toLowerCase();
    return out;
  });
  const out: TransactionInfo = {
    id: readHexString(info.id, 'id'),
    blockNumber: readBigInt(info.blockNumber, 'blockNumber'),
    blockTimestamp: readBigInt(info.blockTimeStamp, 'blockTimeStamp'),
    fee: readBigInt(info.fee, 'fee'),
    contractResult: asArray(info.contractResult, 'contractResult').map((r, i) => readString(r, `contractResult[${i}]`)),
    receipt,
    logs,
    failed: info.result === 'FAILED',
    internalTransfers: parseInternalTrxTransfers(info.internal_transactions),
  };
  if (info.contract_address !== undefined) out.contractAddress = readAddress(info.contract_address, 'contract_address');
  const resMessage = readOptionalString(info.resMessage, 'resMessage');
  if (resMessage !== undefined) out.resMessage = decodeNodeMessage(resMessage);
  return out;
}

/** gettransactioninfobyblocknum: an array; `{}` for heights ≤ 0. */
export function parseTransactionInfoList(json: JsonValue): TransactionInfo[] {
  if (isEmptyObject(json)) return [];
  if (!Array.isArray(json)) throw new TronResponseFormatError('transaction info list is not an array');
  const out: TransactionInfo[] = [];
  for (const item of json) {
    const info = parseTransactionInfo(item);
    if (info) out.push(info);
  }
  return out;
}

// ---------------------------------------------------------------- accounts and chain

/** `ResourceCode` as a node prints it; accounts list TRON_POWER stakes too. */
export type StakeResource = 'BANDWIDTH' | 'ENERGY' | 'TRON_POWER';

const STAKE_RESOURCES: readonly StakeResource[] = ['BANDWIDTH', 'ENERGY', 'TRON_POWER'];

/** Enum by name (JsonFormat), or by number; absent is BANDWIDTH (0, the proto3 default). */
function readStakeResource(value: JsonValue | undefined, what: string): StakeResource {
  if (value === undefined || value === null) return 'BANDWIDTH';
  const byNumber = typeof value === 'number' ? STAKE_RESOURCES[value] : undefined;
  const resource = byNumber ?? STAKE_RESOURCES.find((r) => r === value);
  if (resource === undefined) throw new TronResponseFormatError(`${what} is not BANDWIDTH, ENERGY or TRON_POWER`);
  return resource;
}

/** `Account.FreezeV2`: TRX staked for one resource (a node lists an entry per resource, amounts absent when 0). */
export interface FrozenV2 {
  type: StakeResource;
  /** sun */
  amount: bigint;
}

/** `Account.UnFreezeV2`: an unstake waiting for its delay. */
export interface UnfrozenV2 {
  type: StakeResource;
  /** sun */
  unfreezeAmount: bigint;
  /** ms since epoch from which WithdrawExpireUnfreeze pays it out */
  unfreezeExpireTime: bigint;
}

export interface AccountInfo {
  /** false when the node answered `{}` (never activated) */
  exists: boolean;
  /** base58 */
  address: string;
  /** sun; 0n for a missing account */
  balance: bigint;
  /** ms since epoch */
  createTime?: bigint;
  /** Stake 2.0 stakes as listed by the node; [] when none */
  frozenV2: FrozenV2[];
  /** pending Stake 2.0 unstakes; [] when none */
  unfrozenV2: UnfrozenV2[];
  /** sun of this account's bandwidth stake lent to others */
  delegatedFrozenV2BalanceForBandwidth: bigint;
  /** sun of this account's energy stake lent to others (`account_resource.delegated_frozenV2_balance_for_energy`) */
  delegatedFrozenV2BalanceForEnergy: bigint;
  /** sun of bandwidth stake others lend to this account */
  acquiredDelegatedFrozenV2BalanceForBandwidth: bigint;
  /** sun of energy stake others lend to this account (`account_resource.acquired_delegated_frozenV2_balance_for_energy`) */
  acquiredDelegatedFrozenV2BalanceForEnergy: bigint;
}

/** Sun staked for `resource` and not lent out (java-tron moves a delegated amount out of `frozenV2`). */
export function stakedSun(account: { readonly frozenV2: readonly FrozenV2[] }, resource: StakeResource): bigint {
  return account.frozenV2.filter((f) => f.type === resource).reduce((sum, f) => sum + f.amount, 0n);
}

export function parseAccount(json: JsonValue, requestedAddress: string): AccountInfo {
  const account = asObject(json, 'account');
  const exists = Object.keys(account).length > 0;
  const resource = account.account_resource === undefined ? {} : asObject(account.account_resource, 'account_resource');
  const out: AccountInfo = {
    exists,
    address: account.address !== undefined ? readAddress(account.address, 'address') : toBase58Address(requestedAddress),
    balance: readBigInt(account.balance, 'balance'),
    frozenV2: asArray(account.frozenV2, 'frozenV2').map((entry, i) => {
      const f = asObject(entry, `frozenV2[${i}]`);
      return { type: readStakeResource(f.type, `frozenV2[${i}].type`), amount: readBigInt(f.amount, `frozenV2[${i}].amount`) };
    }),
    unfrozenV2: asArray(account.unfrozenV2, 'unfrozenV2').map((entry, i) => {
      const u = asObject(entry, `unfrozenV2[${i}]`);
      return {
        type: readStakeResource(u.type, `unfrozenV2[${i}].type`),
        unfreezeAmount: readBigInt(u.unfreeze_amount, `unfrozenV2[${i}].unfreeze_amount`),
        unfreezeExpireTime: readBigInt(u.unfreeze_expire_time, `unfrozenV2[${i}].unfreeze_expire_time`),
      };
    }),
    delegatedFrozenV2BalanceForBandwidth: readBigInt(
      account.delegated_frozenV2_balance_for_bandwidth,
      'delegated_frozenV2_balance_for_bandwidth',
    ),
    delegatedFrozenV2BalanceForEnergy: readBigInt(
      resource.delegated_frozenV2_balance_for_energy,
      'account_resource.delegated_frozenV2_balance_for_energy',
    ),
    acquiredDelegatedFrozenV2BalanceForBandwidth: readBigInt(
      account.acquired_delegated_frozenV2_balance_for_bandwidth,
      'acquired_delegated_frozenV2_balance_for_bandwidth',
    ),
    acquiredDelegatedFrozenV2BalanceForEnergy: readBigInt(
      resource.acquired_delegated_frozenV2_balance_for_energy,
      'account_resource.acquired_delegated_frozenV2_balance_for_energy',
    ),
  };
  const createTime = readOptionalBigInt(account.create_time, 'create_time');
  if (createTime !== undefined) out.createTime = createTime;
  return out;
}

export interface AccountResource {
  freeNetUsed: bigint;
  freeNetLimit: bigint;
  netUsed: bigint;
  netLimit: bigint;
  energyUsed: bigint;
  energyLimit: bigint;
  totalNetLimit: bigint;
  totalNetWeight: bigint;
  totalEnergyLimit: bigint;
  totalEnergyWeight: bigint;
  /** votes (TRX staked for any resource, in whole TRX) and their use */
  tronPowerLimit: bigint;
  tronPowerUsed: bigint;
  totalTronPowerWeight: bigint;
}

export function parseAccountResource(json: JsonValue): AccountResource {
  const r = asObject(json, 'account resource');
  return {
    freeNetUsed: readBigInt(r.freeNetUsed, 'freeNetUsed'),
    freeNetLimit: readBigInt(r.freeNetLimit, 'freeNetLimit'),
    netUsed: readBigInt(r.NetUsed, 'NetUsed'),
    netLimit: readBigInt(r.NetLimit, 'NetLimit'),
    energyUsed: readBigInt(r.EnergyUsed, 'EnergyUsed'),
    energyLimit: readBigInt(r.EnergyLimit, 'EnergyLimit'),
    totalNetLimit: readBigInt(r.TotalNetLimit, 'TotalNetLimit'),
    totalNetWeight: readBigInt(r.TotalNetWeight, 'TotalNetWeight'),
    totalEnergyLimit: readBigInt(r.TotalEnergyLimit, 'TotalEnergyLimit'),
    totalEnergyWeight: readBigInt(r.TotalEnergyWeight, 'TotalEnergyWeight'),
    tronPowerLimit: readBigInt(r.tronPowerLimit, 'tronPowerLimit'),
    tronPowerUsed: readBigInt(r.tronPowerUsed, 'tronPowerUsed'),
    totalTronPowerWeight: readBigInt(r.TotalTronPowerWeight, 'TotalTronPowerWeight'),
  };
}

/**
 * One Stake 2.0 delegation record (`DelegatedResource`). A pair of accounts has up to two: the unlocked one
 * and the locked one, whose expire times are when the lock ends.
 */
export interface DelegatedResourceV2 {
  /** base58 */
  from: string;
  /** base58 */
  to: string;
  /** sun */
  frozenBalanceForBandwidth: bigint;
  /** sun */
  frozenBalanceForEnergy: bigint;
  /** ms since epoch; 0n when not locked */
  expireTimeForBandwidth: bigint;
  /** ms since epoch; 0n when not locked */
  expireTimeForEnergy: bigint;
}

/** getdelegatedresourcev2: `{delegatedResource:[…]}`, `{}` when the pair has none. */
export function parseDelegatedResourceList(json: JsonValue): DelegatedResourceV2[] {
  const list = asArray(asObject(json, 'delegated resource list').delegatedResource, 'delegatedResource');
  return list.map((entry, i) => {
    const d = asObject(entry, `delegatedResource[${i}]`);
    const what = (key: string) => `delegatedResource[${i}].${key}`;
    return {
      from: readAddress(d.from, what('from')),
      to: readAddress(d.to, what('to')),
      frozenBalanceForBandwidth: readBigInt(d.frozen_balance_for_bandwidth, what('frozen_balance_for_bandwidth')),
      frozenBalanceForEnergy: readBigInt(d.frozen_balance_for_energy, what('frozen_balance_for_energy')),
      expireTimeForBandwidth: readBigInt(d.expire_time_for_bandwidth, what('expire_time_for_bandwidth')),
      expireTimeForEnergy: readBigInt(d.expire_time_for_energy, what('expire_time_for_energy')),
    };
  });
}

/** Who lends Stake 2.0 resources to an account and to whom it lends (`DelegatedResourceAccountIndex`). */
export interface DelegatedResourceAccountIndex {
  /** base58 */
  account: string;
  /** base58 accounts that delegate to `account` */
  fromAccounts: string[];
  /** base58 accounts `account` delegates to */
  toAccounts: string[];
}

/** getdelegatedresourceaccountindexv2; `{}` (no delegations either way) is two empty lists. */
export function parseDelegatedResourceAccountIndex(json: JsonValue, requestedAddress: string): DelegatedResourceAccountIndex {
  const r = asObject(json, 'delegated resource account index');
  const addresses = (key: string) => asArray(r[key], key).map((a, i) => readAddress(a, `${key}[${i}]`));
  return {
    account: r.account !== undefined ? readAddress(r.account, 'account') : toBase58Address(requestedAddress),
    fromAccounts: addresses('fromAccounts'),
    toAccounts: addresses('toAccounts'),
  };
}

/**
 * The single int64 of getcandelegatedmaxsize (`max_size`), getavailableunfreezecount (`count`) and
 * getcanwithdrawunfreezeamount (`amount`); the node leaves it out when it is 0 (also for unknown accounts).
 */
export function parseInt64Answer(json: JsonValue, key: string): bigint {
  return readBigInt(asObject(json, `${key} answer`)[key], key);
}

/** `{chainParameter:[{key, value?}]}`; a missing value is 0 (proto3 default). */
export function parseChainParameters(json: JsonValue): Map<string, bigint> {
  const params = asArray(asObject(json, 'chain parameters').chainParameter, 'chainParameter');
  const out = new Map<string, bigint>();
  params.forEach((entry, i) => {
    const p = asObject(entry, `chainParameter[${i}]`);
    const key = readString(p.key, `chainParameter[${i}].key`);
    out.set(key, readBigInt(p.value, `chainParameter ${key}`));
  });
  return out;
}

export interface BlockRef {
  number: bigint;
  blockId: string;
}

/** getnodeinfo's `"Num:66987565,ID:0000…"`. */
export function parseBlockRef(text: string): BlockRef {
  const m = /^\s*Num:\s*(\d+)\s*,\s*ID:\s*([0-9a-fA-F]*)\s*$/.exec(text);
  if (!m) throw new TronResponseFormatError(`block reference "${text.slice(0, 100)}" is not "Num:…,ID:…"`);
  return { number: BigInt(m[1] as string), blockId: (m[2] as string).toLowerCase() };
}

export interface NodeInfo {
  headBlock: bigint;
  headBlockId: string;
  solidBlock: bigint;
  solidBlockId: string;
  codeVersion?: string;
}

export function parseNodeInfo(json: JsonValue): NodeInfo {
  const info = asObject(json, 'node info');
  const head = parseBlockRef(readString(info.block, 'block'));
  const solid = parseBlockRef(readString(info.solidityBlock, 'solidityBlock'));
  const out: NodeInfo = { headBlock: head.number, headBlockId: head.blockId, solidBlock: solid.number, solidBlockId: solid.blockId };
  if (isJsonObject(info.configNodeInfo)) {
    const codeVersion = readOptionalString(info.configNodeInfo.codeVersion, 'configNodeInfo.codeVersion');
    if (codeVersion !== undefined) out.codeVersion = codeVersion;
  }
  return out;
}

// ---------------------------------------------------------------- broadcast

/** Node-level answers to a broadcast that mean "try again later"; everything else is final for these bytes. */
export const TRANSIENT_BROADCAST_CODES: ReadonlySet<string> = new Set([
  'SERVER_BUSY',
  'NO_CONNECTION',
  'NOT_ENOUGH_EFFECTIVE_CONNECTION',
  'BLOCK_UNSOLIDIFIED',
]);

export type BroadcastResult =
  | { ok: true; txid: string }
  | {
      ok: false;
      txid: string;
      /** e.g. SIGERROR, TAPOS_ERROR, TRANSACTION_EXPIRATION_ERROR, DUP_TRANSACTION_ERROR, BANDWITH_ERROR */
      code: string;
      /** decoded UTF-8 */
      message: string;
      /** the node was busy or not connected: the same bytes may be sent again later */
      transient: boolean;
    };

/**
 * /wallet/broadcasttransaction: success `{result:true, txid}` (no `code`); failure
 * `{code, message(hex), txid}` (no `result`). /wallet/broadcasthex also prints `code:"SUCCESS"`
 * and an empty UTF-8 `message` on success.
 */
export function parseBroadcastResponse(json: JsonValue, txid: string): BroadcastResult {
  const r = asObject(json, 'broadcast response');
  const nodeTxid = readOptionalString(r.txid, 'txid');
  const id = nodeTxid && isHex(nodeTxid) && nodeTxid.length === 64 ? nodeTxid.toLowerCase() : txid;
  const code = readOptionalString(r.code, 'code');
  if (r.result === true && (code === undefined || code === 'SUCCESS')) return { ok: true, txid: id };
  if (code === undefined) throw new TronResponseFormatError('broadcast response has neither result:true nor a code');
  const message = decodeNodeMessage(readOptionalString(r.message, 'message') ?? '');
  return { ok: false, txid: id, code, message, transient: TRANSIENT_BROADCAST_CODES.has(code) };
}

// ---------------------------------------------------------------- contract calls

export interface ConstantCallResult {
  /** the call executed without revert or VM error */
  ok: boolean;
  /** `constant_result` hex words */
  results: string[];
  energyUsed: bigint;
  /** node code when not ok (e.g. CONTRACT_VALIDATE_ERROR, OTHER_ERROR) */
  code?: string;
  /** decoded UTF-8, e.g. "REVERT opcode executed" */
  message?: string;
  /** decoded `Error(string)` revert reason, when the contract gave one */
  revertReason?: string;
}

const ERROR_STRING_SELECTOR = '08c379a0';

/**
 * /wallet/triggerconstantcontract. java-tron answers `result.result: true` even on revert; the
 * revert shows as `transaction.ret[0].ret = "FAILED"` and `result.message`.
 */
export function parseConstantCallResponse(json: JsonValue): ConstantCallResult {
  const r = asObject(json, 'constant call response');
  const result = r.result === undefined ? {} : asObject(r.result, 'result');
  const code = readOptionalString(result.code, 'result.code');
  const rawMessage = readOptionalString(result.message, 'result.message');
  let vmFailed = false;
  if (isJsonObject(r.transaction)) {
    const ret = asArray(r.transaction.ret, 'transaction.ret')[0];
    vmFailed = isJsonObject(ret) && ret.ret === 'FAILED';
  }
  const ok = result.result === true && (code === undefined || code === 'SUCCESS') && !vmFailed;
  const results = asArray(r.constant_result, 'constant_result').map((v, i) => readString(v, `constant_result[${i}]`).toLowerCase());
  const out: ConstantCallResult = { ok, results, energyUsed: readBigInt(r.energy_used, 'energy_used') };
  if (code !== undefined && code !== 'SUCCESS') out.code = code;
  if (rawMessage !== undefined) out.message = decodeNodeMessage(rawMessage);
  const first = results[0];
  if (!ok && first?.startsWith(ERROR_STRING_SELECTOR)) {
    try {
      out.revertReason = decodeAbiString(first.slice(ERROR_STRING_SELECTOR.length));
    } catch {
      // not a well-formed Error(string); leave it out
    }
  }
  return out;
}

export interface EstimateEnergyResult {
  ok: boolean;
  energyRequired: bigint;
  code?: string;
  message?: string;
}

/** /wallet/estimateenergy: `{result:{result:true}, energy_required}`. */
export function parseEstimateEnergyResponse(json: JsonValue): EstimateEnergyResult {
  const r = asObject(json, 'estimate energy response');
  const result = r.result === undefined ? {} : asObject(r.result, 'result');
  const code = readOptionalString(result.code, 'result.code');
  const rawMessage = readOptionalString(result.message, 'result.message');
  const out: EstimateEnergyResult = {
    ok: result.result === true && (code === undefined || code === 'SUCCESS'),
    energyRequired: readBigInt(r.energy_required, 'energy_required'),
  };
  if (code !== undefined && code !== 'SUCCESS') out.code = code;
  if (rawMessage !== undefined) out.message = decodeNodeMessage(rawMessage);
  return out;
}

// ---------------------------------------------------------------- TronGrid v1

export interface Trc20TransferRow {
  txid: string;
  /** base58 */
  from: string;
  /** base58 */
  to: string;
  /** token base units */
  value: bigint;
  blockTimestamp: bigint;
  /** base58 token contract */
  tokenAddress: string;
  tokenDecimals: number;
  tokenSymbol?: string;
}

export interface Trc20TransfersPage {
  transfers: Trc20TransferRow[];
  /** pass back as `fingerprint` (other parameters unchanged) for the next page; absent on the last page */
  fingerprint?: string;
}

function readTronGridEnvelope(json: JsonValue, what: string): { data: JsonValue[]; fingerprint?: string } {
  const r = asObject(json, what);
  if (r.success !== true) {
    const detail = typeof r.error === 'string' ? `: ${r.error}` : typeof r.Error === 'string' ? `: ${r.Error}` : '';
    throw new TronResponseFormatError(`${what} did not report success${detail}`);
  }
  const data = asArray(r.data, `${what}.data`);
  const meta = isJsonObject(r.meta) ? r.meta : {};
  const fingerprint = readOptionalString(meta.fingerprint, 'meta.fingerprint');
  return fingerprint ? { data, fingerprint } : { data };
}

/** GET /v1/accounts/{address}/transactions/trc20 — only `type: "Transfer"` rows are kept. */
export function parseTrc20TransfersPage(json: JsonValue): Trc20TransfersPage {
  const { data, fingerprint } = readTronGridEnvelope(json, 'TRC-20 transfers response');
  const transfers: Trc20TransferRow[] = [];
  data.forEach((entry, i) => {
    const row = asObject(entry, `data[${i}]`);
    if (row.type !== 'Transfer') return;
    const token = asObject(row.token_info, `data[${i}].token_info`);
    const out: Trc20TransferRow = {
      txid: readHexString(row.transaction_id, `data[${i}].transaction_id`),
      from: readAddress(row.from, `data[${i}].from`),
      to: readAddress(row.to, `data[${i}].to`),
      value: readBigInt(row.value, `data[${i}].value`),
      blockTimestamp: readBigInt(row.block_timestamp, `data[${i}].block_timestamp`),
      tokenAddress: readAddress(token.address, `data[${i}].token_info.address`),
      tokenDecimals: readSmallInt(token.decimals, `data[${i}].token_info.decimals`),
    };
    const symbol = readOptionalString(token.symbol, `data[${i}].token_info.symbol`);
    if (symbol !== undefined) out.tokenSymbol = symbol;
    transfers.push(out);
  });
  return fingerprint ? { transfers, fingerprint } : { transfers };
}

export interface ContractEvent {
  txid: string;
  blockNumber: bigint;
  blockTimestamp: bigint;
  /** base58 */
  contractAddress: string;
  /** base58, when TronGrid gives it */
  callerContractAddress?: string;
  eventIndex: number;
  eventName: string;
  /** e.g. "Transfer(address indexed from, address indexed to, uint256 value)" */
  eventSignature?: string;
  /** decoded arguments by name and position; addresses are "0x" + 20-byte hex, numbers decimal strings */
  result: Record<string, string>;
  resultType: Record<string, string>;
  /** TronGrid `_unconfirmed` */
  unconfirmed: boolean;
}

export interface ContractEventsPage {
  events: ContractEvent[];
  fingerprint?: string;
}

function readStringMap(value: JsonValue | undefined, what: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  const obj = asObject(value, what);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') out[k] = String(v);
    else throw new TronResponseFormatError(`${what}.${k} is not a scalar`);
  }
  return out;
}

/** GET /v1/contracts/{address}/events */
export function parseContractEventsPage(json: JsonValue): ContractEventsPage {
  const { data, fingerprint } = readTronGridEnvelope(json, 'contract events response');
  const events = data.map((entry, i): ContractEvent => {
    const row = asObject(entry, `data[${i}]`);
    const out: ContractEvent = {
      txid: readHexString(row.transaction_id, `data[${i}].transaction_id`),
      blockNumber: readBigInt(row.block_number, `data[${i}].block_number`),
      blockTimestamp: readBigInt(row.block_timestamp, `data[${i}].block_timestamp`),
      contractAddress: readAddress(row.contract_address, `data[${i}].contract_address`),
      eventIndex: readSmallInt(row.event_index, `data[${i}].event_index`),
      eventName: readString(row.event_name, `data[${i}].event_name`),
      result: readStringMap(row.result, `data[${i}].result`),
      resultType: readStringMap(row.result_type, `data[${i}].result_type`),
      unconfirmed: row._unconfirmed === true,
    };
    if (typeof row.caller_contract_address === 'string' && row.caller_contract_address !== '') {
      out.callerContractAddress = readAddress(row.caller_contract_address, `data[${i}].caller_contract_address`);
    }
    const signature = readOptionalString(row.event, `data[${i}].event`);
    if (signature !== undefined) out.eventSignature = signature;
    return out;
  });
  return fingerprint ? { events, fingerprint } : { events };
}

// ---------------------------------------------------------------- HTTP headers

/**
 * `Retry-After`: delta-seconds or an HTTP-date. Returns milliseconds from `nowMs` (never negative),
 * or undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * The node client's API: one typed method per java-tron `/wallet/*` / `/walletsolidity/*` endpoint
 * and TronGrid v1 listing the gateway uses, plus TronGrid paging. Each method checks its arguments,
 * builds the request and hands it to `NodeTransport` (`node-transport.ts`: URL pools, failover,
 * retries, timeouts, API key, errors); the answers are parsed by `node-json.ts`.
 *
 * - Requests follow tron/PROTOCOL.md §4 with `visible: false`: addresses go out as "41…" hex and
 *   come back that way; results are converted to base58 by the parsers.
 * - Money, heights, energy and fees are bigint, read exactly from the node's int64 values.
 * - Arguments are checked before any request: a bad one rejects with TypeError, RangeError or
 *   InvalidAddressError; a failed call rejects with `TronNodeError`.
 */
import { toBase58Address, toHexAddress } from './address.js';
import { parseBlockListBytes } from './block-list-bytes.js';
import { bytesToHex, hexToBytes, isHex } from './bytes.js';
import {
  type AccountInfo,
  type AccountResource,
  type BlockInfo,
  type BlockWithTransactions,
  type BroadcastResult,
  type ConstantCallResult,
  type ContractEvent,
  type ContractEventsPage,
  type DelegatedResourceAccountIndex,
  type DelegatedResourceV2,
  type NodeInfo,
  type NodeTransaction,
  type ParseTransactionOptions,
  parseAccount,
  parseAccountResource,
  parseBlock,
  parseBlockInfo,
  parseBlockList,
  parseBroadcastResponse,
  parseChainParameters,
  parseConstantCallResponse,
  parseContractEventsPage,
  parseDelegatedResourceAccountIndex,
  parseDelegatedResourceList,
  parseEstimateEnergyResponse,
  parseInt64Answer,
  parseNodeInfo,
  parseTransactionById,
  parseTransactionInfo,
  parseTransactionInfoList,
  parseTrc20TransfersPage,
  type TransactionInfo,
  type Trc20TransferRow,
  type Trc20TransfersPage,
} from './node-json.js';
import {
  ESTIMATE_ENERGY_UNSUPPORTED,
  type NodeResponse,
  NodeTransport,
  type NodeTransportOptions,
  type RequestSpec,
  TronNodeError,
} from './node-transport.js';
import { ProtoDecodeError, readFields } from './protobuf.js';
import type { ResourceCode } from './resource-contracts.js';
import { computeTxId, type Transaction, transactionToJson } from './transaction.js';
import { decodeUint256, encodeAddressWord } from './trc20.js';

// The transport's errors and options are part of the client's API.
export {
  type BackoffOptions,
  ESTIMATE_ENERGY_UNSUPPORTED,
  type NodeCall,
  TronNodeError,
  type TronNodeErrorInit,
  type TronNodeErrorKind,
} from './node-transport.js';

// ---------------------------------------------------------------- options

/** Everything the client is configured with belongs to the transport: URLs, API key, timeouts, retries. */
export type TronClientOptions = NodeTransportOptions;

/**
 * A contract call. Either `data` (full calldata: selector ‖ arguments; needs java-tron ≥ 4.7, which
 * TronGrid runs) or `functionSelector` + `parameter` (the form TronWeb sends, accepted by every
 * java-tron version and by the devnet; the node computes the selector from the signature).
 */
export type ContractCall = {
  /** caller; any address form */
  owner: string;
  /** contract; any address form */
  contract: string;
  /** sun sent with the call; default 0 */
  callValue?: bigint;
} & ({ data: Uint8Array | string } | { functionSelector: string; parameter?: string });

export interface SolidOption {
  /** read the solidified state via /walletsolidity/* */
  solid?: boolean;
}

export interface Trc20TransfersQuery {
  onlyConfirmed?: boolean;
  onlyUnconfirmed?: boolean;
  onlyTo?: boolean;
  onlyFrom?: boolean;
  /** 1…200, TronGrid default 20 */
  limit?: number;
  minTimestamp?: bigint | number;
  maxTimestamp?: bigint | number;
  /** token contract, any address form */
  contractAddress?: string;
  fingerprint?: string;
  /** by block_timestamp; TronGrid default 'desc' */
  orderBy?: 'asc' | 'desc';
}

export interface ContractEventsQuery {
  eventName?: string;
  onlyConfirmed?: boolean;
  onlyUnconfirmed?: boolean;
  minBlockTimestamp?: bigint | number;
  maxBlockTimestamp?: bigint | number;
  blockNumber?: bigint | number;
  /** 1…200 */
  limit?: number;
  fingerprint?: string;
  /** by block_timestamp */
  orderBy?: 'asc' | 'desc';
}

export interface PagingOption {
  /** stop after this many pages even if TronGrid offers more; default 50 */
  maxPages?: number;
}

// ---------------------------------------------------------------- helpers

const DEFAULT_MAX_PAGES = 50;
/** java-tron's BLOCK_LIMIT_NUM for getblockbylimitnext */
export const BLOCK_RANGE_LIMIT = 100n;

function toBlockNumber(value: bigint | number, what: string): bigint {
  const n = typeof value === 'bigint' ? value : Number.isSafeInteger(value) ? BigInt(value) : -1n;
  if (n < 0n) throw new RangeError(`${what} must be a non-negative integer`);
  return n;
}

function toJsonInteger(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`${what} is too large`);
  return Number(value);
}

/** `ResourceCode` number the node's resource queries take as `type`. */
function resourceNumber(resource: ResourceCode): number {
  if (resource !== 'BANDWIDTH' && resource !== 'ENERGY') throw new TypeError('resource must be "BANDWIDTH" or "ENERGY"');
  return resource === 'ENERGY' ? 1 : 0;
}

function checkTxid(txid: string): string {
  if (txid.length !== 64 || !isHex(txid)) throw new TypeError('txid must be 32 bytes of hex');
  return txid.toLowerCase();
}

function checkLimit(limit: number | undefined): string | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new RangeError('limit must be an integer from 1 to 200');
  return String(limit);
}

function flag(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function optionalString(value: bigint | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** txID of a signed Transaction protobuf: sha256 of field 1 (raw_data). */
function txidOfSignedHex(signedHex: string): string {
  if (!isHex(signedHex) || signedHex.length === 0) throw new TypeError('signed transaction must be hex');
  try {
    for (const f of readFields(hexToBytes(signedHex))) {
      if (f.field === 1 && f.wireType === 2) return computeTxId(f.value);
    }
  } catch (err) {
    if (err instanceof ProtoDecodeError) throw new TypeError(`signed transaction is not a protobuf Transaction: ${err.message}`);
    throw err;
  }
  throw new TypeError('signed transaction has no raw_data');
}

/**
 * Yields every item of a TronGrid listing, following `fingerprint` until the last page, at most
 * `maxPages` pages (it also stops if TronGrid repeats a fingerprint).
 */
export async function* followFingerprints<T>(
  fetchPage: (fingerprint: string | undefined) => Promise<{ items: T[]; fingerprint?: string }>,
  maxPages: number,
  firstFingerprint?: string,
): AsyncGenerator<T, void, undefined> {
  let fingerprint = firstFingerprint;
  const seen = new Set<string>();
  for (let page = 0; page < maxPages; page++) {
    const { items, fingerprint: next } = await fetchPage(fingerprint);
    yield* items;
    if (!next || seen.has(next)) return;
    seen.add(next);
    fingerprint = next;
  }
}

// ---------------------------------------------------------------- client

export class TronClient {
  private readonly transport: NodeTransport;

  constructor(options: TronClientOptions) {
    this.transport = new NodeTransport(options);
  }

  // -------------------------------------------------------------- blocks

  /** Head block: POST /wallet/getnowblock. */
  async getNowBlock(): Promise<BlockInfo> {
    return this.transport.call({ pool: 'full', method: 'POST', path: '/wallet/getnowblock', body: {} }, (json) =>
      must(parseBlockInfo(json), 'block'),
    );
  }

  /** Latest solidified block: POST /walletsolidity/getnowblock. */
  async getSolidBlock(): Promise<BlockInfo> {
    return this.transport.call({ pool: 'solidity', method: 'POST', path: '/walletsolidity/getnowblock', body: {} }, (json) =>
      must(parseBlockInfo(json), 'block'),
    );
  }

  /**
   * POST /wallet/getblock `{id_or_num, detail}`; `null` when the node has no such block. With
   * `detail: true` the transactions are parsed (see `NodeTransaction`).
   */
  getBlockByNumber(n: bigint | number, options: { detail: true } & SolidOption): Promise<BlockWithTransactions | null>;
  getBlockByNumber(n: bigint | number, options?: { detail?: false } & SolidOption): Promise<BlockInfo | null>;
  getBlockByNumber(n: bigint | number, options?: { detail?: boolean } & SolidOption): Promise<BlockInfo | BlockWithTransactions | null>;
  async getBlockByNumber(
    n: bigint | number,
    options: { detail?: boolean } & SolidOption = {},
  ): Promise<BlockInfo | BlockWithTransactions | null> {
    const num = toBlockNumber(n, 'block number');
    const detail = options.detail === true;
    const spec = this.read(options.solid, '/getblock', { id_or_num: num.toString(), detail });
    return this.transport.call(spec, (json) => (detail ? parseBlock(json, true) : parseBlockInfo(json, false)));
  }

  /**
   * Blocks `start` ≤ n < `endExclusive` with their transactions, via /wallet/getblockbylimitnext in
   * chunks of at most 100. Blocks the node does not have (beyond its head) are simply absent. With
   * `verify: false` the answer is read straight from its bytes (block-list-bytes.ts): the same blocks
   * as parseBlockList returns, several times cheaper.
   */
  async getBlockRange(
    start: bigint | number,
    endExclusive: bigint | number,
    options: ParseTransactionOptions = {},
  ): Promise<BlockWithTransactions[]> {
    const from = toBlockNumber(start, 'start');
    const to = toBlockNumber(endExclusive, 'endExclusive');
    const out: BlockWithTransactions[] = [];
    for (let s = from; s < to; s += BLOCK_RANGE_LIMIT) {
      const e = s + BLOCK_RANGE_LIMIT < to ? s + BLOCK_RANGE_LIMIT : to;
      const body = { startNum: toJsonInteger(s, 'start'), endNum: toJsonInteger(e, 'end') };
      const spec: RequestSpec = { pool: 'full', method: 'POST', path: '/wallet/getblockbylimitnext', body };
      const blocks =
        options.verify === false
          ? await this.transport.callBytes(spec, parseBlockListBytes)
          : await this.transport.call(spec, (json) => parseBlockList(json, options));
      out.push(...blocks.filter((b) => b.number >= s && b.number < e));
    }
    return out;
  }

  /** Receipts of every transaction in block `n` (POST gettransactioninfobyblocknum `{num}`). */
  async getTransactionInfoByBlockNum(n: bigint | number, options: SolidOption = {}): Promise<TransactionInfo[]> {
    const num = toBlockNumber(n, 'block number');
    return this.transport.call(
      this.read(options.solid, '/gettransactioninfobyblocknum', { num: toJsonInteger(num, 'block number') }),
      parseTransactionInfoList,
    );
  }

  // -------------------------------------------------------------- accounts and chain

  /** POST getaccount `{address}`; a never-activated account is `{exists:false, balance:0n}`. */
  async getAccount(address: string, options: SolidOption = {}): Promise<AccountInfo> {
    const hex = toHexAddress(address);
    return this.transport.call(this.read(options.solid, '/getaccount', { address: hex }), (json) => parseAccount(json, hex));
  }

  /** POST /wallet/getaccountresource (no solidity twin). Missing fields are 0n. */
  async getAccountResource(address: string): Promise<AccountResource> {
    const hex = toHexAddress(address);
    return this.transport.call(
      { pool: 'full', method: 'POST', path: '/wallet/getaccountresource', body: { address: hex } },
      parseAccountResource,
    );
  }

  // -------------------------------------------------------------- Stake 2.0

  /** POST getdelegatedresourcev2 `{fromAddress, toAddress}`: the unlocked and/or locked record of one pair; [] when none. */
  async getDelegatedResourceV2(from: string, to: string, options: SolidOption = {}): Promise<DelegatedResourceV2[]> {
    const body = { fromAddress: toHexAddress(from), toAddress: toHexAddress(to) };
    return this.transport.call(this.read(options.solid, '/getdelegatedresourcev2', body), parseDelegatedResourceList);
  }

  /** POST getdelegatedresourceaccountindexv2 `{value}`: the accounts lending to `address` and those it lends to. */
  async getDelegatedResourceAccountIndexV2(address: string, options: SolidOption = {}): Promise<DelegatedResourceAccountIndex> {
    const hex = toHexAddress(address);
    return this.transport.call(this.read(options.solid, '/getdelegatedresourceaccountindexv2', { value: hex }), (json) =>
      parseDelegatedResourceAccountIndex(json, hex),
    );
  }

  /** POST getcandelegatedmaxsize `{owner_address, type}` → sun of staked `resource` the owner can delegate now (0 below 1 TRX). */
  async getCanDelegatedMaxSize(owner: string, resource: ResourceCode, options: SolidOption = {}): Promise<bigint> {
    const body = { owner_address: toHexAddress(owner), type: resourceNumber(resource) };
    return this.transport.call(this.read(options.solid, '/getcandelegatedmaxsize', body), (json) => parseInt64Answer(json, 'max_size'));
  }

  /** POST getavailableunfreezecount `{owner_address}` → how many more UnfreezeBalanceV2 the owner may start (at most 32 pending). */
  async getAvailableUnfreezeCount(owner: string, options: SolidOption = {}): Promise<number> {
    const body = { owner_address: toHexAddress(owner) };
    const count = await this.transport.call(this.read(options.solid, '/getavailableunfreezecount', body), (json) =>
      parseInt64Answer(json, 'count'),
    );
    return Number(count);
  }

  /**
   * POST getcanwithdrawunfreezeamount `{owner_address, timestamp}` → sun of unstakes expired by `timestampMs`
   * (the node uses its head block time when it is 0).
   */
  async getCanWithdrawUnfreezeAmount(owner: string, timestampMs: bigint, options: SolidOption = {}): Promise<bigint> {
    if (timestampMs < 0n) throw new RangeError('timestamp must not be negative');
    const body = { owner_address: toHexAddress(owner), timestamp: toJsonInteger(timestampMs, 'timestamp') };
    return this.transport.call(this.read(options.solid, '/getcanwithdrawunfreezeamount', body), (json) => parseInt64Answer(json, 'amount'));
  }

  /** POST /wallet/getchainparameters → key → value. */
  async getChainParameters(): Promise<Map<string, bigint>> {
    return this.transport.call({ pool: 'full', method: 'POST', path: '/wallet/getchainparameters', body: {} }, parseChainParameters);
  }

  /** Current energy price in sun (`getEnergyFee`; 100 on mainnet since Aug 2025). */
  async getEnergyFee(): Promise<bigint> {
    return this.chainParameter('getEnergyFee');
  }

  /** Bandwidth price in sun per byte when burned (`getTransactionFee`, 1000). */
  async getTransactionFee(): Promise<bigint> {
    return this.chainParameter('getTransactionFee');
  }

  private async chainParameter(key: string): Promise<bigint> {
    return this.transport.call({ pool: 'full', method: 'POST', path: '/wallet/getchainparameters', body: {} }, (json) => {
      const value = parseChainParameters(json).get(key);
      if (value === undefined) throw new Error(`chain parameter ${key} is missing`);
      return value;
    });
  }

  /** GET /wallet/getnodeinfo: head and solid heights from `"Num:…,ID:…"`. */
  async getNodeInfo(): Promise<NodeInfo> {
    return this.transport.call({ pool: 'full', method: 'GET', path: '/wallet/getnodeinfo' }, parseNodeInfo);
  }

  // -------------------------------------------------------------- contracts

  /** POST triggerconstantcontract. Revert and VM errors are `ok: false`, not exceptions. */
  async triggerConstantContract(call: ContractCall, options: SolidOption = {}): Promise<ConstantCallResult> {
    return this.transport.call(this.read(options.solid, '/triggerconstantcontract', contractCallBody(call)), parseConstantCallResponse);
  }

  /** TRC-20 `balanceOf(owner)` in token base units (called with owner as the caller, like TronWeb). */
  async trc20BalanceOf(contract: string, owner: string, options: SolidOption = {}): Promise<bigint> {
    return this.callWord(
      { owner, contract, functionSelector: 'balanceOf(address)', parameter: encodeAddressWord(owner) },
      options,
      'balanceOf',
    );
  }

  /** `isBlackListed(address)` of a token with USDT's blacklist. Throws for tokens without that function (the call reverts). */
  async isBlackListed(contract: string, address: string, options: SolidOption = {}): Promise<boolean> {
    const word = await this.callWord(
      { owner: address, contract, functionSelector: 'isBlackListed(address)', parameter: encodeAddressWord(address) },
      options,
      'isBlackListed',
    );
    return word !== 0n;
  }

  private async callWord(call: ContractCall, options: SolidOption, what: string): Promise<bigint> {
    const result = await this.succeedingConstantCall(call, options, what, true);
    return decodeUint256((result.results[0] as string).slice(0, 64));
  }

  /** triggerconstantcontract that rejects (TronNodeError, `${what} failed: reason`) when the call fails or, with `needsWord`, returns no 32-byte word. */
  private async succeedingConstantCall(
    call: ContractCall,
    options: SolidOption,
    what: string,
    needsWord: boolean,
  ): Promise<ConstantCallResult> {
    const spec = this.read(options.solid, '/triggerconstantcontract', contractCallBody(call));
    const { json, url } = await this.transport.request(spec);
    const result = this.transport.parse(spec, url, json, parseConstantCallResponse);
    const word = result.results[0];
    if (!result.ok || (needsWord && (word === undefined || word.length < 64))) {
      const reason = result.revertReason ?? result.message ?? (result.ok ? 'no return value' : 'call failed');
      throw this.transport.error(spec, {
        kind: 'bad_response',
        retryable: false,
        detail: `${what} failed: ${reason}`,
        url,
        code: result.code,
      });
    }
    return result;
  }

  /**
   * POST /wallet/estimateenergy → energy the call needs. Throws TronNodeError with code
   * ESTIMATE_ENERGY_UNSUPPORTED when the node lacks the endpoint or has `vm.estimateEnergy` off;
   * fall back to `triggerConstantContract(...).energyUsed` then.
   */
  async estimateEnergy(call: ContractCall): Promise<bigint> {
    const spec: RequestSpec = { pool: 'full', method: 'POST', path: '/wallet/estimateenergy', body: contractCallBody(call) };
    let response: NodeResponse;
    try {
      response = await this.transport.request(spec);
    } catch (err) {
      if (err instanceof TronNodeError && err.kind === 'http' && (err.status === 404 || err.status === 405)) {
        throw this.transport.error(spec, {
          kind: 'bad_response',
          retryable: false,
          detail: `estimateenergy is not supported by this node (HTTP ${err.status})`,
          url: err.url,
          status: err.status,
          code: ESTIMATE_ENERGY_UNSUPPORTED,
        });
      }
      throw err;
    }
    const result = this.transport.parse(spec, response.url, response.json, parseEstimateEnergyResponse);
    if (result.ok) return result.energyRequired;
    const unsupported = /not support estimate energy/i.test(result.message ?? '');
    throw this.transport.error(spec, {
      kind: 'bad_response',
      retryable: false,
      detail: unsupported
        ? 'estimateenergy is not supported by this node (vm.estimateEnergy is off)'
        : `estimateenergy failed: ${result.message ?? result.code ?? 'unknown error'}`,
      url: response.url,
      code: unsupported ? ESTIMATE_ENERGY_UNSUPPORTED : result.code,
    });
  }

  /**
   * Energy a call needs: estimateenergy, or, when the node does not support it (ESTIMATE_ENERGY_UNSUPPORTED),
   * triggerconstantcontract's `energy_used`. That fallback can be lower than what the transaction burns (it
   * runs against the head state without the fee-limit checks), so callers keep a margin. A call that reverts
   * rejects with the revert reason.
   */
  async estimateEnergyWithFallback(call: ContractCall): Promise<{ energy: bigint; source: 'estimateenergy' | 'triggerconstantcontract' }> {
    try {
      return { energy: await this.estimateEnergy(call), source: 'estimateenergy' };
    } catch (err) {
      if (!(err instanceof TronNodeError) || err.code !== ESTIMATE_ENERGY_UNSUPPORTED) throw err;
    }
    const result = await this.succeedingConstantCall(call, {}, 'energy estimate', false);
    return { energy: result.energyUsed, source: 'triggerconstantcontract' };
  }

  // -------------------------------------------------------------- broadcast

  /**
   * POST /wallet/broadcasttransaction with the signed transaction JSON. Transport failures are
   * retried with the same bytes (safe: a transaction is identified by its txID); a node answer
   * with a `code` is returned as `{ok:false}`, never thrown. TRANSACTION_EXPIRATION_ERROR etc. are
   * final for these bytes; `transient` marks SERVER_BUSY-like answers.
   */
  async broadcastTransaction(tx: Transaction): Promise<BroadcastResult> {
    if (tx.signatures.length === 0) throw new TypeError('transaction is not signed');
    const body = transactionToJson(tx, false);
    return this.transport.call({ pool: 'full', method: 'POST', path: '/wallet/broadcasttransaction', body }, (json) =>
      parseBroadcastResponse(json, tx.txID),
    );
  }

  /** POST /wallet/broadcasthex `{transaction: hex}` — the signed Transaction protobuf. Same rules as broadcastTransaction. */
  async broadcastHex(signedHex: string): Promise<BroadcastResult> {
    const txid = txidOfSignedHex(signedHex);
    return this.transport.call(
      { pool: 'full', method: 'POST', path: '/wallet/broadcasthex', body: { transaction: signedHex.toLowerCase() } },
      (json) => parseBroadcastResponse(json, txid),
    );
  }

  // -------------------------------------------------------------- transactions

  /** POST gettransactionbyid `{value}`; `null` until the transaction is in a block. */
  async getTransactionById(txid: string, options: SolidOption = {}): Promise<NodeTransaction | null> {
    return this.transport.call(this.read(options.solid, '/gettransactionbyid', { value: checkTxid(txid) }), parseTransactionById);
  }

  /** POST gettransactioninfobyid `{value}`; `null` for `{}` (unknown, or not yet solidified with `solid`). */
  async getTransactionInfoById(txid: string, options: SolidOption = {}): Promise<TransactionInfo | null> {
    return this.transport.call(this.read(options.solid, '/gettransactioninfobyid', { value: checkTxid(txid) }), parseTransactionInfo);
  }

  // -------------------------------------------------------------- TronGrid v1

  /** GET /v1/accounts/{address}/transactions/trc20 — `Transfer` rows only; throws unless `success: true`. */
  async getTrc20Transfers(address: string, query: Trc20TransfersQuery = {}): Promise<Trc20TransfersPage> {
    const path = `/v1/accounts/${toBase58Address(address)}/transactions/trc20`;
    return this.transport.call(
      {
        pool: 'event',
        method: 'GET',
        path,
        endpoint: '/v1/accounts/{address}/transactions/trc20',
        query: {
          only_confirmed: flag(query.onlyConfirmed),
          only_unconfirmed: flag(query.onlyUnconfirmed),
          only_to: flag(query.onlyTo),
          only_from: flag(query.onlyFrom),
          limit: checkLimit(query.limit),
          min_timestamp: optionalString(query.minTimestamp),
          max_timestamp: optionalString(query.maxTimestamp),
          contract_address: query.contractAddress === undefined ? undefined : toBase58Address(query.contractAddress),
          fingerprint: query.fingerprint,
          order_by: query.orderBy === undefined ? undefined : `block_timestamp,${query.orderBy}`,
        },
      },
      parseTrc20TransfersPage,
    );
  }

  /** GET /v1/contracts/{address}/events; throws unless `success: true`. */
  async getContractEvents(contract: string, query: ContractEventsQuery = {}): Promise<ContractEventsPage> {
    const path = `/v1/contracts/${toBase58Address(contract)}/events`;
    return this.transport.call(
      {
        pool: 'event',
        method: 'GET',
        path,
        endpoint: '/v1/contracts/{address}/events',
        query: {
          event_name: query.eventName,
          block_number: optionalString(query.blockNumber),
          only_confirmed: flag(query.onlyConfirmed),
          only_unconfirmed: flag(query.onlyUnconfirmed),
          min_block_timestamp: optionalString(query.minBlockTimestamp),
          max_block_timestamp: optionalString(query.maxBlockTimestamp),
          order_by: query.orderBy === undefined ? undefined : `block_timestamp,${query.orderBy}`,
          limit: checkLimit(query.limit),
          fingerprint: query.fingerprint,
        },
      },
      parseContractEventsPage,
    );
  }

  /** Every TRC-20 transfer matching the query, page after page (at most `maxPages`). */
  iterateTrc20Transfers(
    address: string,
    query: Trc20TransfersQuery & PagingOption = {},
  ): AsyncGenerator<Trc20TransferRow, void, undefined> {
    const { maxPages = DEFAULT_MAX_PAGES, fingerprint, ...rest } = query;
    return followFingerprints(
      async (fp) => {
        const page = await this.getTrc20Transfers(address, fp === undefined ? rest : { ...rest, fingerprint: fp });
        return page.fingerprint ? { items: page.transfers, fingerprint: page.fingerprint } : { items: page.transfers };
      },
      maxPages,
      fingerprint,
    );
  }

  /** Every contract event matching the query, page after page (at most `maxPages`). */
  iterateContractEvents(contract: string, query: ContractEventsQuery & PagingOption = {}): AsyncGenerator<ContractEvent, void, undefined> {
    const { maxPages = DEFAULT_MAX_PAGES, fingerprint, ...rest } = query;
    return followFingerprints(
      async (fp) => {
        const page = await this.getContractEvents(contract, fp === undefined ? rest : { ...rest, fingerprint: fp });
        return page.fingerprint ? { items: page.events, fingerprint: page.fingerprint } : { items: page.events };
      },
      maxPages,
      fingerprint,
    );
  }

  // -------------------------------------------------------------- requests

  /** `/wallet<path>` on the full nodes or `/walletsolidity<path>` on the solidity nodes. */
  private read(solid: boolean | undefined, path: string, body: Record<string, unknown>): RequestSpec {
    return solid
      ? { pool: 'solidity', method: 'POST', path: `/walletsolidity${path}`, body }
      : { pool: 'full', method: 'POST', path: `/wallet${path}`, body };
  }
}

export function createTronClient(options: TronClientOptions): TronClient {
  return new TronClient(options);
}

// ---------------------------------------------------------------- small helpers

function must<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`the node returned no ${what}`);
  return value;
}

function contractCallBody(call: ContractCall): Record<string, unknown> {
  const body: Record<string, unknown> = {
    owner_address: toHexAddress(call.owner),
    contract_address: toHexAddress(call.contract),
    call_value: toJsonInteger(call.callValue ?? 0n, 'callValue'),
  };
  if ('data' in call) {
    const data = typeof call.data === 'string' ? call.data.replace(/^0x/i, '') : bytesToHex(call.data);
    if (!isHex(data) || data.length === 0) throw new TypeError('call data must be non-empty hex');
    body.data = data.toLowerCase();
  } else {
    body.function_selector = call.functionSelector;
    const parameter = (call.parameter ?? '').replace(/^0x/i, '');
    if (!isHex(parameter)) throw new TypeError('parameter must be hex');
    body.parameter = parameter.toLowerCase();
  }
  return body;
}

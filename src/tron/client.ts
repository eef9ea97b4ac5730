/**
 * HTTP client for java-tron's `/wallet/*` and `/walletsolidity/*` API and the TronGrid v1 event API.
 *
 * Transport rules (see tron/PROTOCOL.md §4):
 * - POST bodies are JSON with `visible: false`: addresses go out as "41…" hex and come back that way;
 *   results are converted to base58 by the parsers in `node-json.ts`.
 * - Response bodies are parsed with `parseJsonExact`, so int64 values stay exact; money is bigint.
 * - Failover: every call walks its URL list starting at the last URL that answered (sticky). A
 *   network error, a timeout, HTTP 5xx, HTTP 429 or an unparseable body fails the attempt and moves to
 *   the next URL; after a full round of failures the client sleeps (exponential backoff with full
 *   jitter, or the server's `Retry-After` on 429/503, capped at `backoff.maxMs`) and starts another
 *   round, until `maxAttempts` attempts have been made. Other 4xx answers and `{"Error": …}` bodies
 *   are final.
 * - The API key travels only in the `TRON-PRO-API-KEY` header and is redacted from every error.
 */
import { toBase58Address, toHexAddress } from './address.js';
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
  isJsonObject,
  type JsonValue,
  type NodeInfo,
  type NodeTransaction,
  parseAccount,
  parseAccountResource,
  parseBlock,
  parseBlockInfo,
  parseBlockList,
  parseBroadcastResponse,
  parseChainParameters,
  parseConstantCallResponse,
  parseContractEventsPage,
  parseEstimateEnergyResponse,
  parseJsonExact,
  parseNodeInfo,
  parseRetryAfter,
  parseTransactionById,
  parseTransactionInfo,
  parseTransactionInfoList,
  parseTrc20TransfersPage,
  type TransactionInfo,
  type Trc20TransferRow,
  type Trc20TransfersPage,
} from './node-json.js';
import { ProtoDecodeError, readFields } from './protobuf.js';
import { computeTxId, type Transaction, transactionToJson } from './transaction.js';
import { decodeUint256, encodeAddressWord } from './trc20.js';

// ---------------------------------------------------------------- errors

export type TronNodeErrorKind = 'network' | 'timeout' | 'http' | 'rate_limited' | 'bad_response';

export interface TronNodeErrorInit {
  kind: TronNodeErrorKind;
  message: string;
  retryable: boolean;
  url: string;
  status?: number;
  code?: string;
  retryAfterMs?: number;
  attempts?: number;
}

/** Every failure of a node call. `url` never contains the API key, credentials or the query string. */
export class TronNodeError extends Error {
  readonly kind: TronNodeErrorKind;
  /** a later call (possibly to another node) may succeed */
  readonly retryable: boolean;
  readonly url: string;
  /** HTTP status, for kind 'http' and 'rate_limited' */
  readonly status?: number;
  /** node or client code: a java-tron `result.code` (e.g. CONTRACT_VALIDATE_ERROR), or ESTIMATE_ENERGY_UNSUPPORTED */
  readonly code?: string;
  readonly retryAfterMs?: number;
  /** attempts made before giving up */
  readonly attempts: number;

  constructor(init: TronNodeErrorInit) {
    super(init.message);
    this.name = 'TronNodeError';
    this.kind = init.kind;
    this.retryable = init.retryable;
    this.url = init.url;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 1;
  }
}

export const ESTIMATE_ENERGY_UNSUPPORTED = 'ESTIMATE_ENERGY_UNSUPPORTED';

// ---------------------------------------------------------------- options

export interface BackoffOptions {
  /** first round's upper bound for the jittered delay */
  baseMs: number;
  /** cap for any delay, including Retry-After */
  maxMs: number;
}

export interface TronClientOptions {
  /** java-tron full nodes or TronGrid (e.g. https://api.trongrid.io); tried in order, failover to the next */
  fullNodeUrls: string[];
  /** for /walletsolidity/*; defaults to fullNodeUrls (java-tron and TronGrid serve both on one base URL) */
  solidityUrls?: string[];
  /** TronGrid v1 base URLs for /v1/*; defaults to fullNodeUrls */
  eventUrls?: string[];
  /** sent as `TRON-PRO-API-KEY` to every URL */
  apiKey?: string;
  /** per attempt, including reading the body; default 10 000 */
  timeoutMs?: number;
  /** attempts per call across all URLs and rounds; default 4 */
  maxAttempts?: number;
  /** default { baseMs: 250, maxMs: 5000 } */
  backoff?: BackoffOptions;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** [0, 1) for jitter; default Math.random */
  random?: () => number;
  /** ms clock for HTTP-date Retry-After values; default Date.now */
  now?: () => number;
}

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

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 4;
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 5_000 };
const DEFAULT_MAX_PAGES = 50;
/** java-tron's BLOCK_LIMIT_NUM for getblockbylimitnext */
export const BLOCK_RANGE_LIMIT = 100n;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  let out = text.split(secret).join('[redacted]');
  const encoded = encodeURIComponent(secret);
  if (encoded !== secret) out = out.split(encoded).join('[redacted]');
  return out;
}

/** The URL as it may appear in errors and logs: no credentials, query or fragment, API key redacted. */
function describeUrl(url: string, secret: string | undefined): string {
  let out: string;
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    out = u.toString();
  } catch {
    out = '<invalid url>';
  }
  return redact(out, secret);
}

function toBlockNumber(value: bigint | number, what: string): bigint {
  const n = typeof value === 'bigint' ? value : Number.isSafeInteger(value) ? BigInt(value) : -1n;
  if (n < 0n) throw new RangeError(`${what} must be a non-negative integer`);
  return n;
}

function toJsonInteger(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`${what} is too large`);
  return Number(value);
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

interface Pool {
  readonly urls: readonly string[];
  /** index of the last URL that answered */
  current: number;
}

interface RequestSpec {
  pool: Pool;
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, unknown>;
  query?: Record<string, string | undefined>;
}

interface Response200 {
  json: JsonValue;
  url: string;
}

interface AttemptFailure {
  kind: TronNodeErrorKind;
  retryable: boolean;
  detail: string;
  url: string;
  status?: number;
  code?: string;
  retryAfterMs?: number;
}

function makePool(urls: string[], what: string): Pool {
  if (!Array.isArray(urls) || urls.length === 0) throw new TypeError(`${what} must list at least one URL`);
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TypeError(`${what} contains an invalid URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError(`${what} must use http or https`);
  }
  return { urls: urls.map((u) => u.replace(/\/+$/, '')), current: 0 };
}

export class TronClient {
  private readonly full: Pool;
  private readonly solidity: Pool;
  private readonly event: Pool;
  private readonly apiKey: string | undefined;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffOptions;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(options: TronClientOptions) {
    this.full = makePool(options.fullNodeUrls, 'fullNodeUrls');
    // Unset lists share the full-node pool, and with it the sticky "last good URL".
    this.solidity = options.solidityUrls ? makePool(options.solidityUrls, 'solidityUrls') : this.full;
    this.event = options.eventUrls ? makePool(options.eventUrls, 'eventUrls') : this.full;
    this.apiKey = options.apiKey || undefined;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    if (!(this.timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) throw new RangeError('maxAttempts must be an integer ≥ 1');
    if (!(this.backoff.baseMs >= 0) || !(this.backoff.maxMs >= 0)) throw new RangeError('backoff delays must be ≥ 0');
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  // -------------------------------------------------------------- blocks

  /** Head block: POST /wallet/getnowblock. */
  async getNowBlock(): Promise<BlockInfo> {
    return this.call({ pool: this.full, method: 'POST', path: '/wallet/getnowblock', body: {} }, (json) =>
      must(parseBlockInfo(json), 'block'),
    );
  }

  /** Latest solidified block: POST /walletsolidity/getnowblock. */
  async getSolidBlock(): Promise<BlockInfo> {
    return this.call({ pool: this.solidity, method: 'POST', path: '/walletsolidity/getnowblock', body: {} }, (json) =>
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
    return this.call(spec, (json) => (detail ? parseBlock(json, true) : parseBlockInfo(json, false)));
  }

  /**
   * Blocks `start` ≤ n < `endExclusive` with their transactions, via /wallet/getblockbylimitnext in
   * chunks of at most 100. Blocks the node does not have (beyond its head) are simply absent.
   */
  async getBlockRange(start: bigint | number, endExclusive: bigint | number): Promise<BlockWithTransactions[]> {
    const from = toBlockNumber(start, 'start');
    const to = toBlockNumber(endExclusive, 'endExclusive');
    const out: BlockWithTransactions[] = [];
    for (let s = from; s < to; s += BLOCK_RANGE_LIMIT) {
      const e = s + BLOCK_RANGE_LIMIT < to ? s + BLOCK_RANGE_LIMIT : to;
      const body = { startNum: toJsonInteger(s, 'start'), endNum: toJsonInteger(e, 'end') };
      const blocks = await this.call({ pool: this.full, method: 'POST', path: '/wallet/getblockbylimitnext', body }, parseBlockList);
      out.push(...blocks.filter((b) => b.number >= s && b.number < e));
    }
    return out;
  }

  /** Receipts of every transaction in block `n` (POST gettransactioninfobyblocknum `{num}`). */
  async getTransactionInfoByBlockNum(n: bigint | number, options: SolidOption = {}): Promise<TransactionInfo[]> {
    const num = toBlockNumber(n, 'block number');
    return this.call(
      this.read(options.solid, '/gettransactioninfobyblocknum', { num: toJsonInteger(num, 'block number') }),
      parseTransactionInfoList,
    );
  }

  // -------------------------------------------------------------- accounts and chain

  /** POST getaccount `{address}`; a never-activated account is `{exists:false, balance:0n}`. */
  async getAccount(address: string, options: SolidOption = {}): Promise<AccountInfo> {
    const hex = toHexAddress(address);
    return this.call(this.read(options.solid, '/getaccount', { address: hex }), (json) => parseAccount(json, hex));
  }

  /** POST /wallet/getaccountresource (no solidity twin). Missing fields are 0n. */
  async getAccountResource(address: string): Promise<AccountResource> {
    const hex = toHexAddress(address);
    return this.call({ pool: this.full, method: 'POST', path: '/wallet/getaccountresource', body: { address: hex } }, parseAccountResource);
  }

  /** POST /wallet/getchainparameters → key → value. */
  async getChainParameters(): Promise<Map<string, bigint>> {
    return this.call({ pool: this.full, method: 'POST', path: '/wallet/getchainparameters', body: {} }, parseChainParameters);
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
    return this.call({ pool: this.full, method: 'POST', path: '/wallet/getchainparameters', body: {} }, (json) => {
      const value = parseChainParameters(json).get(key);
      if (value === undefined) throw new Error(`chain parameter ${key} is missing`);
      return value;
    });
  }

  /** GET /wallet/getnodeinfo: head and solid heights from `"Num:…,ID:…"`. */
  async getNodeInfo(): Promise<NodeInfo> {
    return this.call({ pool: this.full, method: 'GET', path: '/wallet/getnodeinfo' }, parseNodeInfo);
  }

  // -------------------------------------------------------------- contracts

  /** POST triggerconstantcontract. Revert and VM errors are `ok: false`, not exceptions. */
  async triggerConstantContract(call: ContractCall, options: SolidOption = {}): Promise<ConstantCallResult> {
    return this.call(this.read(options.solid, '/triggerconstantcontract', contractCallBody(call)), parseConstantCallResponse);
  }

  /** TRC-20 `balanceOf(owner)` in token base units (called with owner as the caller, like TronWeb). */
  async trc20BalanceOf(contract: string, owner: string, options: SolidOption = {}): Promise<bigint> {
    return this.callWord(
      { owner, contract, functionSelector: 'balanceOf(address)', parameter: encodeAddressWord(owner) },
      options,
      'balanceOf',
    );
  }

  /** USDT `isBlackListed(address)`. Throws for tokens without that function (the call reverts). */
  async isBlackListed(contract: string, address: string, options: SolidOption = {}): Promise<boolean> {
    const word = await this.callWord(
      { owner: address, contract, functionSelector: 'isBlackListed(address)', parameter: encodeAddressWord(address) },
      options,
      'isBlackListed',
    );
    return word !== 0n;
  }

  private async callWord(call: ContractCall, options: SolidOption, what: string): Promise<bigint> {
    const spec = this.read(options.solid, '/triggerconstantcontract', contractCallBody(call));
    const { json, url } = await this.request(spec);
    const result = this.parse(spec, url, json, parseConstantCallResponse);
    const word = result.results[0];
    if (!result.ok || word === undefined || word.length < 64) {
      const reason = result.revertReason ?? result.message ?? (result.ok ? 'no return value' : 'call failed');
      throw this.error(spec, url, { kind: 'bad_response', retryable: false, detail: `${what} failed: ${reason}`, url, code: result.code });
    }
    return decodeUint256(word.slice(0, 64));
  }

  /**
   * POST /wallet/estimateenergy → energy the call needs. Throws TronNodeError with code
   * ESTIMATE_ENERGY_UNSUPPORTED when the node lacks the endpoint or has `vm.estimateEnergy` off;
   * fall back to `triggerConstantContract(...).energyUsed` then.
   */
  async estimateEnergy(call: ContractCall): Promise<bigint> {
    const spec: RequestSpec = { pool: this.full, method: 'POST', path: '/wallet/estimateenergy', body: contractCallBody(call) };
    let response: Response200;
    try {
      response = await this.request(spec);
    } catch (err) {
      if (err instanceof TronNodeError && err.kind === 'http' && (err.status === 404 || err.status === 405)) {
        throw this.error(spec, err.url, {
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
    const result = this.parse(spec, response.url, response.json, parseEstimateEnergyResponse);
    if (result.ok) return result.energyRequired;
    const unsupported = /not support estimate energy/i.test(result.message ?? '');
    throw this.error(spec, response.url, {
      kind: 'bad_response',
      retryable: false,
      detail: unsupported
        ? 'estimateenergy is not supported by this node (vm.estimateEnergy is off)'
        : `estimateenergy failed: ${result.message ?? result.code ?? 'unknown error'}`,
      url: response.url,
      code: unsupported ? ESTIMATE_ENERGY_UNSUPPORTED : result.code,
    });
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
    return this.call({ pool: this.full, method: 'POST', path: '/wallet/broadcasttransaction', body }, (json) =>
      parseBroadcastResponse(json, tx.txID),
    );
  }

  /** POST /wallet/broadcasthex `{transaction: hex}` — the signed Transaction protobuf. Same rules as broadcastTransaction. */
  async broadcastHex(signedHex: string): Promise<BroadcastResult> {
    const txid = txidOfSignedHex(signedHex);
    return this.call(
      { pool: this.full, method: 'POST', path: '/wallet/broadcasthex', body: { transaction: signedHex.toLowerCase() } },
      (json) => parseBroadcastResponse(json, txid),
    );
  }

  // -------------------------------------------------------------- transactions

  /** POST gettransactionbyid `{value}`; `null` until the transaction is in a block. */
  async getTransactionById(txid: string, options: SolidOption = {}): Promise<NodeTransaction | null> {
    return this.call(this.read(options.solid, '/gettransactionbyid', { value: checkTxid(txid) }), parseTransactionById);
  }

  /** POST gettransactioninfobyid `{value}`; `null` for `{}` (unknown, or not yet solidified with `solid`). */
  async getTransactionInfoById(txid: string, options: SolidOption = {}): Promise<TransactionInfo | null> {
    return this.call(this.read(options.solid, '/gettransactioninfobyid', { value: checkTxid(txid) }), parseTransactionInfo);
  }

  // -------------------------------------------------------------- TronGrid v1

  /** GET /v1/accounts/{address}/transactions/trc20 — `Transfer` rows only; throws unless `success: true`. */
  async getTrc20Transfers(address: string, query: Trc20TransfersQuery = {}): Promise<Trc20TransfersPage> {
    const path = `/v1/accounts/${toBase58Address(address)}/transactions/trc20`;
    return this.call(
      {
        pool: this.event,
        method: 'GET',
        path,
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
    return this.call(
      {
        pool: this.event,
        method: 'GET',
        path,
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

  // -------------------------------------------------------------- transport

  /** `/wallet<path>` on the full nodes or `/walletsolidity<path>` on the solidity nodes. */
  private read(solid: boolean | undefined, path: string, body: Record<string, unknown>): RequestSpec {
    return solid
      ? { pool: this.solidity, method: 'POST', path: `/walletsolidity${path}`, body }
      : { pool: this.full, method: 'POST', path: `/wallet${path}`, body };
  }

  private async call<T>(spec: RequestSpec, parser: (json: JsonValue) => T): Promise<T> {
    const { json, url } = await this.request(spec);
    return this.parse(spec, url, json, parser);
  }

  /** Runs a parser; any exception becomes a non-retryable 'bad_response'. */
  private parse<T>(spec: RequestSpec, url: string, json: JsonValue, parser: (json: JsonValue) => T): T {
    try {
      return parser(json);
    } catch (err) {
      const detail = `unexpected response: ${err instanceof Error ? err.message : String(err)}`;
      throw this.error(spec, url, { kind: 'bad_response', retryable: false, detail, url });
    }
  }

  private error(spec: RequestSpec, url: string, failure: AttemptFailure, attempts = 1): TronNodeError {
    const tail = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
    const init: TronNodeErrorInit = {
      kind: failure.kind,
      retryable: failure.retryable,
      url,
      attempts,
      message: redact(`TRON node ${failure.kind}: ${spec.method} ${spec.path} at ${url}: ${failure.detail}${tail}`, this.apiKey),
    };
    if (failure.status !== undefined) init.status = failure.status;
    if (failure.code !== undefined) init.code = failure.code;
    if (failure.retryAfterMs !== undefined) init.retryAfterMs = failure.retryAfterMs;
    return new TronNodeError(init);
  }

  /** Failover across the pool, rounds with backoff, at most `maxAttempts` attempts. */
  private async request(spec: RequestSpec): Promise<Response200> {
    const { pool } = spec;
    let attempts = 0;
    for (let round = 1; ; round++) {
      const start = pool.current;
      let retryAfterMs: number | undefined;
      for (let i = 0; i < pool.urls.length; i++) {
        const index = (start + i) % pool.urls.length;
        const base = pool.urls[index] as string;
        attempts++;
        const outcome = await this.attempt(spec, base);
        if ('json' in outcome) {
          pool.current = index;
          return outcome;
        }
        if (!outcome.retryable || attempts >= this.maxAttempts) throw this.error(spec, outcome.url, outcome, attempts);
        if (outcome.retryAfterMs !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, outcome.retryAfterMs);
      }
      const { baseMs, maxMs } = this.backoff;
      const delay =
        retryAfterMs !== undefined
          ? Math.min(retryAfterMs, maxMs)
          : Math.floor(this.random() * Math.min(maxMs, baseMs * 2 ** Math.min(round - 1, 30)));
      await this.sleep(delay);
    }
  }

  private buildUrl(base: string, spec: RequestSpec): string {
    let url = base + spec.path;
    if (spec.query) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(spec.query)) if (v !== undefined) params.set(k, v);
      const qs = params.toString();
      if (qs) url += `?${qs}`;
    }
    return url;
  }

  private async attempt(spec: RequestSpec, base: string): Promise<Response200 | AttemptFailure> {
    const target = this.buildUrl(base, spec);
    const url = describeUrl(target, this.apiKey);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.apiKey) headers['TRON-PRO-API-KEY'] = this.apiKey;
    const init: RequestInit = { method: spec.method, headers };
    if (spec.method === 'POST') {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify({ ...spec.body, visible: false });
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    init.signal = controller.signal;

    const transportFailure = (err: unknown): AttemptFailure => {
      if (timedOut) return { kind: 'timeout', retryable: true, detail: `no answer within ${this.timeoutMs} ms`, url };
      return { kind: 'network', retryable: true, detail: `network error: ${describeCause(err)}`, url };
    };

    try {
      let res: Response;
      let text: string;
      try {
        res = await this.fetchImpl(target, init);
        text = await res.text();
      } catch (err) {
        return transportFailure(err);
      }
      const status = res.status;
      if (status === 429 || status >= 500 || status < 200 || status >= 300) {
        const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(res.headers.get('retry-after'), this.now()) : undefined;
        const failure: AttemptFailure = {
          kind: status === 429 ? 'rate_limited' : 'http',
          retryable: status === 429 || status >= 500,
          detail: `HTTP ${status}${snippet(text)}`,
          url,
          status,
        };
        if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
        return failure;
      }
      let json: JsonValue;
      try {
        json = parseJsonExact(text);
      } catch (err) {
        // A proxy's HTML page or a truncated body: another node may answer properly.
        return {
          kind: 'bad_response',
          retryable: true,
          detail: `${err instanceof Error ? err.message : 'invalid JSON'}${snippet(text)}`,
          url,
        };
      }
      if (isJsonObject(json) && typeof json.Error === 'string') {
        return { kind: 'bad_response', retryable: false, detail: `node error: ${json.Error}`, url };
      }
      return { json, url };
    } finally {
      clearTimeout(timer);
    }
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

function snippet(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!trimmed) return '';
  return `: ${trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed}`;
}

/** "fetch failed (ECONNREFUSED)" — the message and code only, never the request. */
function describeCause(err: unknown): string {
  if (!(err instanceof Error)) return 'request failed';
  const cause = (err as Error & { cause?: unknown }).cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
  return code ? `${err.message} (${code})` : err.message;
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

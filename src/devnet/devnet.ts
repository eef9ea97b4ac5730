/**
 * A running devnet: the chain, its block producer (timed or manual), the faucet, persistence and
 * the HTTP server. Start one with `Devnet.start()` in-process, or `tron-payment-gateway devnet`.
 */
import { bytesToBase58Address, checkAddress, toHexAddress } from '../tron/address.js';
import { bytesToHex, concatBytes, hexToBytes } from '../tron/bytes.js';
import { keccak256 } from '../tron/hash.js';
import { generatePrivateKey, privateKeyToAccount } from '../tron/keys.js';
import {
  buildTransfer,
  buildTriggerSmartContract,
  decodeSignedTransaction,
  refBlockFields,
  signTransaction,
  type Transaction,
} from '../tron/transaction.js';
import { encodeAddressWord, encodeTransferCall, SELECTORS } from '../tron/trc20.js';
import { type Block, type BroadcastOutcome, Chain } from './chain.js';
import { type FaultSettings, NO_FAULTS } from './faults.js';
import { createDevnetServer, type DevnetServer } from './http.js';
import { type ChainParams, DEFAULT_PARAMS, TRX } from './params.js';
import { type DevnetKeys, DevnetStore, deploymentFromRecord, type GenesisRecord } from './persistence.js';
import type { TokenInfo } from './token.js';
import { checkTokenSpec, type TokenSpec } from './token-spec.js';

export interface DevnetOptions {
  host?: string;
  /** 0 picks a free port */
  port?: number;
  blockTimeMs?: number;
  solidifyLag?: number;
  /** keep keys and blocks here so a restart resumes the chain */
  dataDir?: string;
  /** produce blocks only on demand (`mine`, `POST /devnet/mine`) */
  manual?: boolean;
  params?: Partial<ChainParams>;
  /** resource usage recovers over this many ms (default 24 h); fixed at genesis for a `dataDir` */
  resourceWindowMs?: number;
  /** unstaked TRX is withdrawable after this many ms (default 14 days); fixed at genesis for a `dataDir` */
  unfreezeDelayMs?: number;
  /** largest request body accepted */
  maxBodyBytes?: number;
  /** TRC-20 tokens to deploy at start, unless a token with the same symbol is already deployed */
  tokens?: readonly TokenSpec[];
  log?: (line: string) => void;
}

/** A TRC-20 token of the devnet (the USDT or one deployed later), as the developer endpoints show it. */
export interface DevnetToken {
  symbol: string;
  name: string;
  decimals: number;
  /** has isBlackListed/getBlackListStatus/addBlackList/removeBlackList */
  blacklist: boolean;
  /** base58 */
  contractAddress: string;
  /** "41…" hex */
  contractHex: string;
}

/** Token amounts for `fund`, in base units, by symbol or contract address (base58 or hex). */
export interface FundAmounts {
  /** sun */
  trx?: bigint;
  /** USDT base units (6 decimals) */
  usdt?: bigint;
  tokens?: Readonly<Record<string, bigint>>;
}

export interface FundTxids {
  trx_txid?: string;
  usdt_txid?: string;
  /** one transfer per token asked for, by the token's symbol */
  token_txids?: Record<string, string>;
}

export interface DevnetInfo {
  usdt_contract: string;
  /** the built-in `multisend(address[],uint256[])` payable contract */
  multisend_contract: string;
  /** USDT first, then in deployment order */
  tokens: { symbol: string; name: string; contract_address: string; decimals: number; blacklist: boolean }[];
  faucet_address: string;
  head_block: number;
  solid_block: number;
  block_time_ms: number;
  solidify_lag: number;
  manual: boolean;
  energy_fee: number;
  resource_window_ms: number;
  unfreeze_delay_ms: number;
  /** reorganisations since start (POST /devnet/reorg, or the reorg fault) */
  reorgs: number;
}

export interface ReorgRequest {
  /** how many of the newest blocks to replace (the solidified block is never replaced) */
  depth: number;
  /** transactions that vanish from the new branch, as if never broadcast */
  dropTxids?: readonly string[];
}

export interface ReorgResult {
  /** the last block both branches share */
  fork_block: number;
  /** ids of the replaced blocks, oldest first */
  orphaned: string[];
  /** ids of the new branch, oldest first (one block longer than the orphaned one) */
  blocks: string[];
  /** txids no longer on the chain: the dropped ones, and any the new branch no longer allows */
  removed_txids: string[];
  head_block: number;
  solid_block: number;
}

/** TRX and USDT the faucet holds at genesis; every token deployed later mints the same number of whole tokens to it. */
const GENESIS_TRX = 1_000_000_000n * TRX;
const GENESIS_WHOLE_TOKENS = 100_000_000_000n;
const GENESIS_USDT = GENESIS_WHOLE_TOKENS * 1_000_000n;
const FAUCET_FEE_LIMIT = 100n * TRX;

export class DevnetError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'DevnetError';
  }
}

export class Devnet {
  faults: FaultSettings = { ...NO_FAULTS };
  private timer: NodeJS.Timeout | undefined;
  private server: DevnetServer | undefined;
  private lastOwnTimestamp = 0n;
  /** added to the wall clock for new blocks: `advanceTime` lets tests pass resource windows and unfreeze delays */
  private clockOffsetMs = 0;
  /** blocks produced since the last reorganisation the `reorg_every_blocks` fault made */
  private blocksSinceReorg = 0;

  private constructor(
    readonly chain: Chain,
    readonly manual: boolean,
    private readonly faucetKey: Uint8Array,
    readonly faucetAddress: string,
    readonly keyLocation: string,
    private readonly log: (line: string) => void,
  ) {}

  static async start(options: DevnetOptions = {}): Promise<Devnet> {
    const devnet = Devnet.create(options);
    await devnet.listen(options.host ?? '127.0.0.1', options.port ?? 8090, options.maxBodyBytes ?? 4 * 1024 * 1024);
    devnet.startProducing();
    return devnet;
  }

  /** Builds the chain (replaying a data directory if given) without serving HTTP or producing blocks. */
  static create(options: DevnetOptions = {}): Devnet {
    const log = options.log ?? (() => {});
    const store = options.dataDir ? new DevnetStore(options.dataDir) : undefined;
    let keys: DevnetKeys | undefined = store?.loadKeys();
    if (!keys) {
      keys = { faucetPrivateKey: bytesToHex(generatePrivateKey()), witnessPrivateKey: bytesToHex(generatePrivateKey()) };
      store?.saveKeys(keys);
    }
    let genesis = store?.loadGenesis();
    if (!genesis) {
      genesis = {
        version: 1,
        genesisTimestamp: String(Date.now()),
        resourceWindowMs: String(options.resourceWindowMs ?? DEFAULT_PARAMS.resourceWindowMs),
        unfreezeDelayMs: String(options.unfreezeDelayMs ?? DEFAULT_PARAMS.unfreezeDelayMs),
      };
      store?.saveGenesis(genesis);
    }
    const timing = genesisTiming(genesis, options, log);
    const faucetKey = hexToBytes(keys.faucetPrivateKey);
    const faucet = privateKeyToAccount(faucetKey);
    const chain = new Chain({
      params: { ...DEFAULT_PARAMS, ...options.params, ...timing },
      blockTimeMs: options.blockTimeMs ?? 3000,
      solidifyLag: options.solidifyLag ?? 19,
      witnessKey: hexToBytes(keys.witnessPrivateKey),
      faucetAddress: faucet.hex,
      token: usdtToken(faucet.hex),
      genesisTimestamp: BigInt(genesis.genesisTimestamp),
      genesisTrx: GENESIS_TRX,
      genesisTokenSupply: GENESIS_USDT,
      multisendAddress: multisendAddress(faucet.hex),
    });
    if (store) {
      const records = store.loadBlocks();
      for (const record of records) {
        chain.replayBlock(
          record.txs.map((hex) => decodeSignedTransaction(hexToBytes(hex))),
          BigInt(record.t),
          (record.deploy ?? []).map(deploymentFromRecord),
        );
      }
      if (records.length) log(`devnet: replayed ${records.length} blocks from ${store.dir}`);
      chain.onBlock((block) => store.appendBlock(block));
      chain.onReorg((fork) => store.truncateAfter(fork));
    }
    const keyLocation = store ? store.keysPath : 'memory only (start with --data-dir to keep it)';
    const devnet = new Devnet(chain, options.manual ?? false, faucetKey, faucet.base58, keyLocation, log);
    for (const spec of options.tokens ?? []) devnet.ensureToken(spec);
    return devnet;
  }

  get url(): string {
    if (!this.server) throw new Error('devnet is not serving HTTP');
    return this.server.url;
  }

  get usdtAddress(): string {
    return bytesToBase58Address(hexToBytes(this.chain.token.address));
  }

  info(): DevnetInfo {
    return {
      usdt_contract: this.usdtAddress,
      multisend_contract: toBase58(this.chain.multisendAddress),
      tokens: this.tokens().map((t) => ({
        symbol: t.symbol,
        name: t.name,
        contract_address: t.contractAddress,
        decimals: t.decimals,
        blacklist: t.blacklist,
      })),
      faucet_address: this.faucetAddress,
      head_block: Number(this.chain.head.number),
      solid_block: Number(this.chain.solidNumber),
      block_time_ms: this.chain.blockTimeMs,
      solidify_lag: this.chain.solidifyLag,
      manual: this.manual,
      energy_fee: Number(this.chain.params.energyFee),
      resource_window_ms: Number(this.chain.params.resourceWindowMs),
      unfreeze_delay_ms: Number(this.chain.params.unfreezeDelayMs),
      reorgs: this.chain.reorgs,
    };
  }

  private async listen(host: string, port: number, maxBodyBytes: number): Promise<void> {
    this.server = await createDevnetServer(this, { host, port, maxBodyBytes });
    this.log(`devnet: listening on ${this.server.url}`);
  }

  private startProducing(): void {
    if (this.manual) return;
    this.timer = setInterval(() => {
      if (!this.faults.pauseBlocks) this.produce();
    }, this.chain.blockTimeMs);
    this.timer.unref?.();
  }

  /** Produces blocks now (any mode). Refused while block production is paused by a fault. */
  mine(blocks = 1): Block[] {
    if (this.faults.pauseBlocks)
      throw new DevnetError('PAUSED', 'block production is paused (POST /devnet/faults {"pause_blocks": false})');
    const out: Block[] = [];
    for (let i = 0; i < blocks; i++) out.push(this.produce());
    return out;
  }

  /** The next block; then, when the `reorg_every_blocks` fault is due, a reorganisation whose head is returned. */
  private produce(): Block {
    const block = this.chain.produceBlock(this.now());
    const { reorgEveryBlocks, reorgDepth, reorgDropRate } = this.faults;
    if (reorgEveryBlocks === 0 || ++this.blocksSinceReorg < reorgEveryBlocks) return block;
    this.blocksSinceReorg = 0;
    const depth = Math.min(reorgDepth, Number(this.chain.head.number - this.chain.solidNumber));
    if (depth < 1) return block;
    const fork = this.chain.head.number - BigInt(depth);
    const replaced = this.chain.blocks.slice(Number(fork) + 1).flatMap((b) => b.txs.map((t) => t.tx.txID));
    const dropTxids = replaced.filter(() => reorgDropRate > 0 && Math.random() < reorgDropRate);
    this.reorg({ depth, dropTxids });
    return this.chain.head;
  }

  /**
   * Replaces the newest `depth` blocks by a new branch of depth + 1 blocks holding the same transactions minus
   * `dropTxids` (see Chain.reorganize). Throws DevnetError `INVALID_REORG` with `path` `depth` when the solidified
   * block would be replaced, or `drop_txids.<i>` when a txid is not in the replaced blocks nor pending.
   */
  reorg(request: ReorgRequest): ReorgResult {
    const { depth } = request;
    const most = Number(this.chain.head.number - this.chain.solidNumber);
    if (!Number.isSafeInteger(depth) || depth < 1 || depth > most) {
      const range = most >= 1 ? `from 1 to ${most}` : 'impossible now: no block above the solidified one (mine first)';
      throw new DevnetError('INVALID_REORG', `depth: must be an integer ${range}; the solidified block is never replaced`, 'depth');
    }
    const fork = this.chain.head.number - BigInt(depth);
    const drop = new Set<string>();
    (request.dropTxids ?? []).forEach((txid, i) => {
      const id = typeof txid === 'string' ? txid.toLowerCase() : '';
      const entry = this.chain.transaction(id);
      if (!this.chain.isPending(id) && !(entry && (entry.blockNumber as bigint) > fork)) {
        throw new DevnetError('INVALID_REORG', `drop_txids.${i}: not a transaction of the replaced blocks nor pending`, `drop_txids.${i}`);
      }
      drop.add(id);
    });
    const result = this.chain.reorganize(depth, drop, this.now());
    this.log(`devnet: reorganisation at block ${fork}: ${depth} blocks replaced by ${result.blocks.length}`);
    return {
      fork_block: Number(fork),
      orphaned: result.orphaned.map((b) => b.id),
      blocks: result.blocks.map((b) => b.id),
      removed_txids: result.removed,
      head_block: Number(this.chain.head.number),
      solid_block: Number(this.chain.solidNumber),
    };
  }

  /**
   * Moves the devnet's clock forward: later blocks are stamped `ms` further ahead, so resource usage recovers and
   * unstake delays and delegation locks pass without waiting. Blocks keep their timestamps, so a restart replays
   * the same chain (the offset itself is not kept: blocks then follow the last one until the wall clock catches up).
   */
  advanceTime(ms: number): void {
    if (!Number.isSafeInteger(ms) || ms < 0)
      throw new DevnetError('INVALID_TIME', 'advance_ms: must be a non-negative integer', 'advance_ms');
    this.clockOffsetMs += ms;
  }

  private now(): bigint {
    return BigInt(Date.now() + this.clockOffsetMs);
  }

  // ------------------------------------------------------------ tokens

  /** Every TRC-20 token: the USDT first, then the others in deployment order. */
  tokens(): DevnetToken[] {
    return [...this.chain.tokens.values()].map(devnetToken);
  }

  /** A token by symbol (case-insensitive) or contract address (base58 or hex); undefined when there is none. */
  findToken(symbolOrAddress: string): DevnetToken | undefined {
    const token = this.tokenInfo(symbolOrAddress);
    return token ? devnetToken(token) : undefined;
  }

  /**
   * Deploys a TRC-20 owned by the faucet, which receives 100,000,000,000 whole tokens. The contract is
   * usable at once (on the head state) and lands in the next block. Throws DevnetError `INVALID_TOKEN`
   * (bad spec; `path` names the field) or `TOKEN_EXISTS` (the symbol is taken; `path` is `symbol`).
   */
  deployToken(spec: TokenSpec): DevnetToken {
    const check = checkTokenSpec(spec);
    if (!check.ok) throw new DevnetError('INVALID_TOKEN', `${check.field}: ${check.message}`, check.field);
    const { symbol, name, decimals, blacklist } = check.spec;
    const taken = this.tokenBySymbol(symbol);
    if (taken) throw new DevnetError('TOKEN_EXISTS', `symbol: ${taken.symbol} is already deployed at ${toBase58(taken.address)}`, 'symbol');
    const owner = this.chain.token.owner;
    const token: TokenInfo = { address: this.freshContractAddress(owner), owner, name, symbol, decimals, blacklist, model: 'TRC20' };
    this.chain.deployToken(token, GENESIS_WHOLE_TOKENS * 10n ** BigInt(decimals));
    this.log(`devnet: deployed ${symbol} (${decimals} decimals) at ${toBase58(token.address)}`);
    return devnetToken(token);
  }

  /**
   * The token with this symbol, deployed first when there is none (what a start with `tokens` does for
   * each). Throws DevnetError `TOKEN_EXISTS` when the symbol is deployed with other decimals or blacklist.
   */
  ensureToken(spec: TokenSpec): DevnetToken {
    const existing = typeof spec.symbol === 'string' ? this.tokenBySymbol(spec.symbol) : undefined;
    if (!existing) return this.deployToken(spec);
    const blacklist = spec.blacklist ?? false;
    if (existing.decimals !== spec.decimals || existing.blacklist !== blacklist) {
      throw new DevnetError(
        'TOKEN_EXISTS',
        `symbol: ${existing.symbol} is already deployed at ${toBase58(existing.address)} with ${existing.decimals} decimals` +
          `${existing.blacklist ? ' and a blacklist' : ' and no blacklist'}`,
        'symbol',
      );
    }
    return devnetToken(existing);
  }

  private tokenBySymbol(symbol: string): TokenInfo | undefined {
    const wanted = symbol.toUpperCase();
    for (const token of this.chain.tokens.values()) if (token.symbol.toUpperCase() === wanted) return token;
    return undefined;
  }

  private tokenInfo(symbolOrAddress: string): TokenInfo | undefined {
    const bySymbol = this.tokenBySymbol(symbolOrAddress);
    if (bySymbol) return bySymbol;
    const address = checkAddress(symbolOrAddress);
    return address.ok ? this.chain.tokens.get(address.hex) : undefined;
  }

  /** CREATE-like: derived from the owner and a nonce, skipping any address that already has an account. */
  private freshContractAddress(owner: string): string {
    for (let nonce = this.chain.tokens.size; ; nonce++) {
      const hash = keccak256(concatBytes(hexToBytes(owner), Buffer.from(`devnet TRC-20 #${nonce}`, 'utf8')));
      const address = `41${bytesToHex(hash.subarray(12))}`;
      if (!this.chain.headState.account(address) && !this.chain.tokens.has(address)) return address;
    }
  }

  // ------------------------------------------------------------ faucet

  /**
   * Sends TRX (sun), USDT and other tokens (base units) from the faucet as real signed transactions. Every
   * token key is resolved before anything is sent: an unknown one, or a second key for the same token, throws
   * DevnetError `UNKNOWN_TOKEN` with `path` `tokens.<key>`.
   */
  fund(address: string, amounts: FundAmounts): FundTxids {
    const to = toHexAddress(address);
    const transfers: [TokenInfo, bigint][] = [];
    for (const [key, amount] of Object.entries(amounts.tokens ?? {})) {
      const token = this.tokenInfo(key);
      if (!token) throw new DevnetError('UNKNOWN_TOKEN', `tokens.${key}: no such token on this devnet`, `tokens.${key}`);
      if (transfers.some(([t]) => t === token)) {
        throw new DevnetError('UNKNOWN_TOKEN', `tokens.${key}: ${token.symbol} is already named by another key`, `tokens.${key}`);
      }
      if (amount > 0n) transfers.push([token, amount]);
    }
    const out: FundTxids = {};
    if (amounts.trx && amounts.trx > 0n) {
      out.trx_txid = this.submitOwn((common) =>
        buildTransfer({ ...common, from: this.faucetBytes, to: hexToBytes(to), amount: amounts.trx as bigint }),
      );
    }
    if (amounts.usdt && amounts.usdt > 0n) out.usdt_txid = this.sendToken(this.chain.token, to, amounts.usdt);
    for (const [token, amount] of transfers) {
      out.token_txids ??= {};
      out.token_txids[token.symbol] = this.sendToken(token, to, amount);
    }
    return out;
  }

  private sendToken(token: TokenInfo, to: string, amount: bigint): string {
    return this.submitOwn((common) =>
      buildTriggerSmartContract({
        ...common,
        from: this.faucetBytes,
        contract: hexToBytes(token.address),
        data: encodeTransferCall(to, amount),
        feeLimit: FAUCET_FEE_LIMIT,
      }),
    );
  }

  /**
   * Adds or removes an address on a token's blacklist (default the USDT) through the owner's
   * `addBlackList`/`removeBlackList`. Throws DevnetError `UNKNOWN_TOKEN` or `NO_BLACKLIST` (path `token`).
   */
  setBlacklisted(address: string, listed: boolean, tokenKey?: string): string {
    const token = tokenKey === undefined ? this.chain.token : this.tokenInfo(tokenKey);
    if (!token) throw new DevnetError('UNKNOWN_TOKEN', `token: no such token on this devnet`, 'token');
    if (!token.blacklist) throw new DevnetError('NO_BLACKLIST', `token: ${token.symbol} has no blacklist functions`, 'token');
    const data = hexToBytes((listed ? SELECTORS.addBlackList : SELECTORS.removeBlackList) + encodeAddressWord(address));
    return this.submitOwn((common) =>
      buildTriggerSmartContract({
        ...common,
        from: this.faucetBytes,
        contract: hexToBytes(token.address),
        data,
        feeLimit: FAUCET_FEE_LIMIT,
      }),
    );
  }

  /** The faucet account is also the token's owner (it holds the genesis supply and may blacklist). */
  private get faucetBytes(): Uint8Array {
    return hexToBytes(this.chain.token.owner);
  }

  private submitOwn(
    build: (common: { ref: ReturnType<typeof refBlockFields>; timestamp: bigint; expiration: bigint }) => Transaction,
  ): string {
    const head = this.chain.head;
    const now = this.now();
    // Unique timestamps keep two identical faucet requests from producing the same txID.
    const timestamp = now > this.lastOwnTimestamp ? now : this.lastOwnTimestamp + 1n;
    this.lastOwnTimestamp = timestamp;
    const ahead = BigInt(Math.max(60_000, this.chain.blockTimeMs * 2));
    const tx = signTransaction(
      build({ ref: refBlockFields(head.number, head.id), timestamp, expiration: head.header.timestamp + ahead }),
      this.faucetKey,
    );
    const outcome: BroadcastOutcome = this.chain.submit(tx);
    if (!outcome.ok) throw new DevnetError(outcome.code, outcome.message);
    return outcome.txid;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.server?.close();
    this.server = undefined;
  }
}

/**
 * The resource window and unfreeze delay a chain was created with: replaying its blocks under other figures would
 * execute them differently, so a data directory keeps its own (and one from before they were kept has the defaults).
 */
function genesisTiming(
  genesis: GenesisRecord,
  options: DevnetOptions,
  log: (line: string) => void,
): Pick<ChainParams, 'resourceWindowMs' | 'unfreezeDelayMs'> {
  const resourceWindowMs = BigInt(genesis.resourceWindowMs ?? DEFAULT_PARAMS.resourceWindowMs);
  const unfreezeDelayMs = BigInt(genesis.unfreezeDelayMs ?? DEFAULT_PARAMS.unfreezeDelayMs);
  const differs =
    (options.resourceWindowMs !== undefined && BigInt(options.resourceWindowMs) !== resourceWindowMs) ||
    (options.unfreezeDelayMs !== undefined && BigInt(options.unfreezeDelayMs) !== unfreezeDelayMs);
  if (differs) log(`devnet: keeping the data directory's resource window ${resourceWindowMs} ms and unfreeze delay ${unfreezeDelayMs} ms`);
  return { resourceWindowMs, unfreezeDelayMs };
}

/** The built-in multisend contract, like the USDT, lives at an address derived from the faucet. */
function multisendAddress(ownerHex: string): string {
  const hash = keccak256(concatBytes(hexToBytes(ownerHex), Buffer.from('devnet Multisend', 'utf8')));
  return `41${bytesToHex(hash.subarray(12))}`;
}

/** The devnet's USDT lives at an address derived from the faucet (its owner), so it differs per devnet. */
function usdtToken(ownerHex: string): TokenInfo {
  const hash = keccak256(concatBytes(hexToBytes(ownerHex), Buffer.from('devnet TetherToken', 'utf8')));
  return {
    address: `41${bytesToHex(hash.subarray(12))}`,
    owner: ownerHex,
    name: 'Tether USD',
    symbol: 'USDT',
    decimals: 6,
    blacklist: true,
    model: 'TetherToken',
  };
}

function toBase58(hex: string): string {
  return bytesToBase58Address(hexToBytes(hex));
}

function devnetToken(token: TokenInfo): DevnetToken {
  return {
    symbol: token.symbol,
    name: token.name,
    decimals: token.decimals,
    blacklist: token.blacklist,
    contractAddress: toBase58(token.address),
    contractHex: token.address,
  };
}

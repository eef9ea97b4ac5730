/**
 * A running devnet: the chain, its block producer (timed or manual), the faucet, persistence and
 * the HTTP server. Start one with `Devnet.start()` in-process, or `tron-payment-gateway devnet`.
 */
import { bytesToBase58Address, toHexAddress } from '../tron/address.js';
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
import { type DevnetKeys, DevnetStore } from './persistence.js';
import type { TokenInfo } from './token.js';

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
  /** largest request body accepted */
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export interface DevnetInfo {
  usdt_contract: string;
  faucet_address: string;
  head_block: number;
  solid_block: number;
  block_time_ms: number;
  solidify_lag: number;
  manual: boolean;
  energy_fee: number;
}

/** TRX and USDT the faucet holds at genesis. */
const GENESIS_TRX = 1_000_000_000n * TRX;
const GENESIS_USDT = 100_000_000_000n * 1_000_000n;
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
      genesis = { version: 1, genesisTimestamp: String(Date.now()) };
      store?.saveGenesis(genesis);
    }
    const faucetKey = hexToBytes(keys.faucetPrivateKey);
    const faucet = privateKeyToAccount(faucetKey);
    const chain = new Chain({
      params: { ...DEFAULT_PARAMS, ...options.params },
      blockTimeMs: options.blockTimeMs ?? 3000,
      solidifyLag: options.solidifyLag ?? 19,
      witnessKey: hexToBytes(keys.witnessPrivateKey),
      faucetAddress: faucet.hex,
      token: usdtToken(faucet.hex),
      genesisTimestamp: BigInt(genesis.genesisTimestamp),
      genesisTrx: GENESIS_TRX,
      genesisTokenSupply: GENESIS_USDT,
    });
    if (store) {
      const records = store.loadBlocks();
      for (const record of records) {
        chain.replayBlock(
          record.txs.map((hex) => decodeSignedTransaction(hexToBytes(hex))),
          BigInt(record.t),
        );
      }
      if (records.length) log(`devnet: replayed ${records.length} blocks from ${store.dir}`);
      chain.onBlock((block) => store.appendBlock(block));
    }
    const keyLocation = store ? store.keysPath : 'memory only (start with --data-dir to keep it)';
    return new Devnet(chain, options.manual ?? false, faucetKey, faucet.base58, keyLocation, log);
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
      faucet_address: this.faucetAddress,
      head_block: Number(this.chain.head.number),
      solid_block: Number(this.chain.solidNumber),
      block_time_ms: this.chain.blockTimeMs,
      solidify_lag: this.chain.solidifyLag,
      manual: this.manual,
      energy_fee: Number(this.chain.params.energyFee),
    };
  }

  private async listen(host: string, port: number, maxBodyBytes: number): Promise<void> {
    this.server = await createDevnetServer(this, { host, port, maxBodyBytes });
    this.log(`devnet: listening on ${this.server.url}`);
  }

  private startProducing(): void {
    if (this.manual) return;
    this.timer = setInterval(() => {
      if (!this.faults.pauseBlocks) this.chain.produceBlock(BigInt(Date.now()));
    }, this.chain.blockTimeMs);
    this.timer.unref?.();
  }

  /** Produces blocks now (any mode). Refused while block production is paused by a fault. */
  mine(blocks = 1): Block[] {
    if (this.faults.pauseBlocks)
      throw new DevnetError('PAUSED', 'block production is paused (POST /devnet/faults {"pause_blocks": false})');
    const out: Block[] = [];
    for (let i = 0; i < blocks; i++) out.push(this.chain.produceBlock(BigInt(Date.now())));
    return out;
  }

  /** Sends TRX (sun) and/or USDT (base units) from the faucet as real signed transactions. */
  fund(address: string, amounts: { trx?: bigint; usdt?: bigint }): { trx_txid?: string; usdt_txid?: string } {
    const to = toHexAddress(address);
    const out: { trx_txid?: string; usdt_txid?: string } = {};
    if (amounts.trx && amounts.trx > 0n) {
      out.trx_txid = this.submitOwn((common) =>
        buildTransfer({ ...common, from: this.faucetBytes, to: hexToBytes(to), amount: amounts.trx as bigint }),
      );
    }
    if (amounts.usdt && amounts.usdt > 0n) {
      out.usdt_txid = this.submitOwn((common) =>
        buildTriggerSmartContract({
          ...common,
          from: this.faucetBytes,
          contract: hexToBytes(this.chain.token.address),
          data: encodeTransferCall(to, amounts.usdt as bigint),
          feeLimit: FAUCET_FEE_LIMIT,
        }),
      );
    }
    return out;
  }

  /** Adds or removes an address on the USDT blacklist through the token owner's `addBlackList`/`removeBlackList`. */
  setBlacklisted(address: string, listed: boolean): string {
    const data = hexToBytes((listed ? SELECTORS.addBlackList : SELECTORS.removeBlackList) + encodeAddressWord(address));
    return this.submitOwn((common) =>
      buildTriggerSmartContract({
        ...common,
        from: this.faucetBytes,
        contract: hexToBytes(this.chain.token.address),
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
    const now = BigInt(Date.now());
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

/** The devnet's USDT lives at an address derived from the faucet (its owner), so it differs per devnet. */
function usdtToken(ownerHex: string): TokenInfo {
  const hash = keccak256(concatBytes(hexToBytes(ownerHex), Buffer.from('devnet TetherToken', 'utf8')));
  return {
    address: `41${bytesToHex(hash.subarray(12))}`,
    owner: ownerHex,
    name: 'Tether USD',
    symbol: 'USDT',
    decimals: 6,
  };
}

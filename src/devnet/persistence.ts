/**
 * Optional on-disk state of a devnet (`--data-dir`): its keys (mode 0600), the genesis record, and
 * an append-only log of blocks (their signed transactions, token deployments and timestamps). On restart
 * the log is replayed, which rebuilds balances, receipts, tokens, block ids and the Stake 2.0 state (stakes,
 * delegations, pending unstakes, resource usage) exactly; the genesis record keeps the resource window and
 * unfreeze delay the blocks were executed under. A reorganisation cuts the log back to its fork point before the
 * new branch is appended.
 */
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex } from '../tron/bytes.js';
import { encodeSignedTransaction } from '../tron/transaction.js';
import type { Block, TokenDeployment } from './chain.js';

export interface DevnetKeys {
  faucetPrivateKey: string;
  witnessPrivateKey: string;
}

export interface GenesisRecord {
  version: 1;
  genesisTimestamp: string;
  /** ms; absent in data directories of older releases (24 h then) */
  resourceWindowMs?: string;
  /** ms; absent in data directories of older releases (14 days then) */
  unfreezeDelayMs?: string;
}

/** A token contract created in a block, before the transaction at index `i` (absent in logs of older releases). */
export interface DeploymentRecord {
  i: number;
  address: string;
  owner: string;
  symbol: string;
  name: string;
  decimals: number;
  blacklist: boolean;
  supply: string;
}

export interface BlockRecord {
  n: number;
  t: string;
  txs: string[];
  deploy?: DeploymentRecord[];
}

export function deploymentRecord(d: TokenDeployment): DeploymentRecord {
  const { token } = d;
  return {
    i: d.index,
    address: token.address,
    owner: token.owner,
    symbol: token.symbol,
    name: token.name,
    decimals: token.decimals,
    blacklist: token.blacklist,
    supply: d.supply.toString(),
  };
}

/** Deployed tokens are plain TRC-20s; only the genesis USDT is a TetherToken. */
export function deploymentFromRecord(r: DeploymentRecord): TokenDeployment {
  return {
    index: r.i,
    token: {
      address: r.address,
      owner: r.owner,
      symbol: r.symbol,
      name: r.name,
      decimals: r.decimals,
      blacklist: r.blacklist,
      model: 'TRC20',
    },
    supply: BigInt(r.supply),
  };
}

export class DevnetStore {
  private readonly blocksPath: string;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.blocksPath = join(dir, 'blocks.jsonl');
  }

  get keysPath(): string {
    return join(this.dir, 'keys.json');
  }

  loadKeys(): DevnetKeys | undefined {
    if (!existsSync(this.keysPath)) return undefined;
    return JSON.parse(readFileSync(this.keysPath, 'utf8')) as DevnetKeys;
  }

  saveKeys(keys: DevnetKeys): void {
    writeFileSync(this.keysPath, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
    chmodSync(this.keysPath, 0o600);
  }

  loadGenesis(): GenesisRecord | undefined {
    const path = join(this.dir, 'genesis.json');
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GenesisRecord) : undefined;
  }

  saveGenesis(record: GenesisRecord): void {
    writeFileSync(join(this.dir, 'genesis.json'), `${JSON.stringify(record, null, 2)}\n`);
  }

  /** Stored blocks in order; a torn last line (a crash mid-write) is cut off. */
  loadBlocks(): BlockRecord[] {
    if (!existsSync(this.blocksPath)) return [];
    const text = readFileSync(this.blocksPath, 'utf8');
    const records: BlockRecord[] = [];
    let offset = 0;
    // Only newline-terminated lines were written completely; an unterminated last line is torn even when it parses,
    // and keeping it would glue the next appended block onto it.
    for (const line of text.split('\n').slice(0, -1)) {
      if (line.length === 0) break;
      try {
        records.push(JSON.parse(line) as BlockRecord);
      } catch {
        break;
      }
      offset += Buffer.byteLength(line) + 1;
    }
    if (offset < Buffer.byteLength(text)) truncateSync(this.blocksPath, offset);
    return records;
  }

  /** Cuts the log after block `n` (a reorganisation replaces the later blocks). */
  truncateAfter(n: bigint): void {
    if (!existsSync(this.blocksPath)) return;
    const text = readFileSync(this.blocksPath, 'utf8');
    let offset = 0;
    for (const line of text.split('\n')) {
      if (line.length === 0 || BigInt((JSON.parse(line) as BlockRecord).n) > n) break;
      offset += Buffer.byteLength(line) + 1;
    }
    truncateSync(this.blocksPath, offset);
  }

  appendBlock(block: Block): void {
    const record: BlockRecord = {
      n: Number(block.number),
      t: block.header.timestamp.toString(),
      txs: block.txs.map((t) => bytesToHex(encodeSignedTransaction(t.tx))),
      ...(block.deployments ? { deploy: block.deployments.map(deploymentRecord) } : {}),
    };
    appendFileSync(this.blocksPath, `${JSON.stringify(record)}\n`);
  }
}

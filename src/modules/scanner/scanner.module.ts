/** Builds the scanner from the configuration (`network.scanner`): its watch set, settings and worker. */

import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { TronClientOptions } from '../../tron/client.js';
import type { AssetRegistry } from '../assets/asset-registry.js';
import type { LeaseStore } from '../chain/lease.js';
import { BlockFetchPool } from './block-fetch-pool.js';
import { type ScannerClient, type ScannerDeps, ScannerWorker } from './scanner.worker.js';
import { WatchSet, type WatchSettings } from './watch-set.js';

/** java-tron's block production interval (BLOCK_PRODUCED_INTERVAL). */
const TRON_BLOCK_INTERVAL_MS = 3000;

export interface ScannerOptions {
  db: Kysely<DB>;
  clock: Clock;
  config: GatewayConfig;
  client: ScannerClient;
  assets: AssetRegistry;
  leases: LeaseStore;
  recorder: ScannerDeps['recorder'];
  holder: string;
  logger?: Logger;
  /** the node endpoints, for block-fetching threads (`network.scanner.fetch_threads`); without them blocks are parsed on this thread */
  clientOptions?: TronClientOptions;
  /** fetching threads end after this long without work (default FETCH_IDLE_MS) */
  fetchIdleMs?: number;
}

/** The scanner and, when it parses blocks on other threads, the pool to close after stopping it. */
export interface BuiltScanner {
  scanner: ScannerWorker;
  /** fetching threads running now (0 near the head, `fetch_threads` during a catch-up), loaded, and ranges they scanned */
  fetchThreads(): { running: number; ready: number; ranges: number };
  close(): Promise<void>;
}

export function createScanner(options: ScannerOptions): BuiltScanner {
  const network = options.config.raw.network;
  const s = network.scanner;
  const { fetch: _fetch, sleep: _sleep, random: _random, now: _now, onCall, ...endpoints } = options.clientOptions ?? { fullNodeUrls: [] };
  const pool =
    options.clientOptions && s.fetch_threads > 0 ? new BlockFetchPool(endpoints, s.fetch_threads, options.fetchIdleMs, onCall) : null;
  const watchSettings: WatchSettings = {
    watchDays: s.watch_days,
    reloadMs: s.watch_reload_seconds * 1000,
  };
  const scanner = new ScannerWorker({
    db: options.db,
    clock: options.clock,
    client: options.client,
    tokens: options.assets.tokenIndex(),
    leases: options.leases,
    recorder: options.recorder,
    watch: new WatchSet(options.db, options.clock, watchSettings),
    fullWatch: () => new WatchSet(options.db, options.clock, { ...watchSettings, all: true }),
    holder: options.holder,
    settings: {
      pollIntervalMs: s.poll_interval_ms,
      blockIntervalMs: network.name === 'devnet' ? network.devnet.block_time_ms : TRON_BLOCK_INTERVAL_MS,
      rangeBlocks: s.range_blocks,
      maxBlocksPerPass: s.max_blocks_per_pass,
      leaseTtlMs: s.lease_ttl_seconds * 1000,
      startBlock: s.start_block,
    },
    ...(options.logger ? { logger: options.logger } : {}),
    ...(pool ? { blocks: pool } : {}),
  });
  return {
    scanner,
    fetchThreads: () => ({ running: pool?.threads ?? 0, ...(pool?.stats ?? { ready: 0, ranges: 0 }) }),
    close: async () => pool?.close(),
  };
}

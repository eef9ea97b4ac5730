/** Builds the scanner from the configuration (`network.scanner`): its watch set, settings and worker. */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { LeaseStore } from '../chain/lease.js';
import { type ScannerClient, type ScannerDeps, ScannerWorker } from './scanner.worker.js';
import { WatchSet, type WatchSettings } from './watch-set.js';

export interface ScannerOptions {
  db: Kysely<DB>;
  clock: Clock;
  config: GatewayConfig;
  client: ScannerClient;
  usdtContract: string;
  leases: LeaseStore;
  recorder: ScannerDeps['recorder'];
  holder: string;
  logger?: Logger;
}

export function createScanner(options: ScannerOptions): ScannerWorker {
  const s = options.config.raw.network.scanner;
  const watchSettings: WatchSettings = {
    watchDays: s.watch_days,
    reloadMs: s.watch_reload_seconds * 1000,
  };
  return new ScannerWorker({
    db: options.db,
    clock: options.clock,
    client: options.client,
    usdtContract: options.usdtContract,
    leases: options.leases,
    recorder: options.recorder,
    watch: new WatchSet(options.db, options.clock, watchSettings),
    fullWatch: () => new WatchSet(options.db, options.clock, { ...watchSettings, all: true }),
    holder: options.holder,
    settings: {
      pollIntervalMs: s.poll_interval_ms,
      rangeBlocks: s.range_blocks,
      maxBlocksPerPass: s.max_blocks_per_pass,
      leaseTtlMs: s.lease_ttl_seconds * 1000,
      startBlock: s.start_block,
    },
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

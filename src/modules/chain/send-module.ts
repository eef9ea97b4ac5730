/**
 * The chain sender as the composition root builds it: the queue owners enqueue into (with their
 * handlers), the sender and the tracker, and the loops that run them in the `workers` role.
 */
import type { Kysely } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { Engine } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { PRIORITIES, PRIORITY_CATALOGUE } from '../../shared/catalogues/priorities.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { TronClient } from '../../tron/client.js';
import type { AssetRegistry } from '../assets/asset-registry.js';
import type { EnergyStrategySource } from '../energy/energy-strategy.js';
import type { TransactionSigner } from '../wallets/signer.js';
import { ChainSender } from './chain-sender.js';
import type { LeaseStore } from './lease.js';
import { PollLoop } from './poll-loop.js';
import { buildResourceTransaction } from './resource-sends.js';
import { ChainSendQueue } from './send-queue.js';
import { SendTracker } from './send-tracker.js';

export interface SendModuleLogger {
  warn(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}

export interface SendModuleOptions {
  db: Kysely<DB>;
  engine: Engine;
  config: GatewayConfig;
  client: TronClient;
  assets: AssetRegistry;
  signer: TransactionSigner;
  leases: LeaseStore;
  clock: Clock;
  ids: IdGenerator;
  instance: string;
  logger: SendModuleLogger;
  /** the chain's energy price in sun if known (cached; used for fee limits on enqueue) */
  energyPriceSun(): bigint | null;
  /** the energy strategy per merchant: with it, hot-wallet sends short of staked energy burn or wait by priority */
  energyStrategy?: EnergyStrategySource;
}

export interface SendModule {
  sends: ChainSendQueue;
  sender: ChainSender;
  tracker: SendTracker;
  start(): void;
  stop(): Promise<void>;
  /** a send was queued or changed: run the sender (and tracker) now */
  wake(): void;
  /** sends by purpose and status (metrics) */
  countByStatus(): Promise<Array<{ purpose: string; status: string; count: number }>>;
}

export function createSendModule(o: SendModuleOptions): SendModule {
  const p = o.config.raw.payment_processing.payouts;
  const sends = new ChainSendQueue({
    signer: o.signer,
    clock: o.clock,
    ids: o.ids,
    feeLimit: {
      isContractCall: (asset) => o.assets.get(asset).asset.kind === 'trc20',
      energy: BigInt(p.fee_limit_energy),
      maxSun: BigInt(p.max_fee_limit_trx) * 1_000_000n,
      energyPriceSun: o.energyPriceSun,
    },
  });
  const sender = new ChainSender({
    db: o.db,
    engine: o.engine,
    client: o.client,
    assets: o.assets,
    signer: o.signer,
    queue: sends,
    clock: o.clock,
    workerId: `${o.instance}:sender`,
    settings: {
      batchSize: p.batch_size,
      maxConcurrent: o.config.raw.transaction_limits.max_concurrent_payouts,
      broadcastConcurrency: p.broadcast_concurrency,
      txExpirationMs: p.tx_expiration_seconds * 1000,
      retryBaseMs: p.retry_base_ms,
      retryMaxMs: p.retry_max_ms,
      claimLeaseMs: p.claim_lease_seconds * 1000,
    },
    logger: o.logger,
    buildResource: buildResourceTransaction,
    ...(o.energyStrategy ? { energy: energyWaitSettings(o.config, o.energyStrategy) } : {}),
  });
  const tracker = new SendTracker({
    db: o.db,
    client: o.client,
    queue: sends,
    leases: o.leases,
    clock: o.clock,
    ids: o.ids,
    holder: `${o.instance}:send-tracker`,
    settings: { blocksPerRun: p.tracker_blocks_per_run, leaseMs: Math.max(10_000, p.poll_interval_ms * 20) },
    logger: o.logger,
  });
  const senderLoop = new PollLoop({
    name: 'sender',
    intervalMs: p.poll_interval_ms,
    runOnce: async () => {
      // overlap: each run broadcasts the previous run's batch while it signs its own
      const c = await sender.runOnce({ overlap: true });
      if (c.broadcast + c.failed > 0) trackerLoop.wake();
      // a batch left for the next run: run again at once
      return c.claimed + (sender.holding ? 1 : 0);
    },
    onError: (error) => o.logger.warn({ err: error }, 'chain sender run failed; retrying'),
  });
  const trackerLoop = new PollLoop({
    name: 'send-tracker',
    intervalMs: p.poll_interval_ms,
    runOnce: async () => {
      const c = await tracker.runOnce();
      // an expired send was queued again: the sender signs it anew
      if (c.requeued > 0) senderLoop.wake();
      // more blocks than one run reads: keep going
      return c.blocks >= p.tracker_blocks_per_run ? 1 : 0;
    },
    onError: (error) => o.logger.warn({ err: error }, 'send tracker run failed; retrying'),
  });
  return {
    sends,
    sender,
    tracker,
    start() {
      senderLoop.start();
      trackerLoop.start();
    },
    async stop() {
      await Promise.all([senderLoop.stop(), trackerLoop.stop()]);
      // a batch signed but not yet broadcast goes out now (else another sender broadcasts it once our claim lapses)
      await sender.flush().catch((error) => o.logger.warn({ err: error }, 'broadcasting the last signed batch failed'));
    },
    wake() {
      senderLoop.wake();
    },
    async countByStatus() {
      const rows = await o.db
        .selectFrom('chain_sends')
        .select((eb) => ['purpose', 'status', eb.fn.countAll<bigint | number>().as('n')])
        .groupBy(['purpose', 'status'])
        .execute();
      return rows.map((r) => ({ purpose: r.purpose, status: r.status, count: Number(r.n) }));
    },
  };
}

/** How long each queue rank may wait for staked energy: the target processing time of the priority of that rank. */
function energyWaitSettings(config: GatewayConfig, strategies: EnergyStrategySource) {
  const waitByRank = new Map(PRIORITIES.map((p) => [PRIORITY_CATALOGUE[p].queueRank, config.priorities[p].processingTimeSeconds * 1000]));
  return {
    strategyFor: (merchantId: string) => strategies.strategyFor(merchantId),
    maxWaitMs: (rank: number) => waitByRank.get(rank) ?? 0,
    recheckMs: config.raw.energy.wait_recheck_seconds * 1000,
  };
}

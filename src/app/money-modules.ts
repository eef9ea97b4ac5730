/**
 * Composition of the modules that move money on the chain (SPEC §3.2–3.9, §5): collections and the
 * scanner, the chain sender with payouts, settlement with sweeps, refunds and reconciliation. The chain
 * parts exist only when the core has a node and a signer (`tron`); refunds and reconciliation are always
 * built so that their routes answer (503 without a chain). gateway-core.ts wires the result into the
 * HTTP app, the job runner, health and metrics.
 */

import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/load.js';
import type { Engine } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { HttpApp } from '../http/app.js';
import type { GatewayMetrics } from '../http/metrics.js';
import type { CheckResult, StatusViewer } from '../http/ports.js';
import type { AssetRegistry } from '../modules/assets/asset-registry.js';
import type { AuditTrail } from '../modules/audit/audit-trail.js';
import type { LeaseStore } from '../modules/chain/lease.js';
import { SEND_PURPOSES, SEND_STATUSES } from '../modules/chain/send-contract.js';
import type { OwnerCosts } from '../modules/chain/send-cost.js';
import { createSendModule, type SendModule } from '../modules/chain/send-module.js';
import { ChainSendQueue } from '../modules/chain/send-queue.js';
import { SendsRepository } from '../modules/chain/sends.repository.js';
import { CollectionsService } from '../modules/collections/collections.service.js';
import { hotWalletSet } from '../modules/collections/hot-wallets.js';
import { TransfersRepository } from '../modules/collections/transfers.repository.js';
import { DisputeHolds } from '../modules/disputes/dispute-holds.js';
import { disputesRoutes } from '../modules/disputes/disputes.routes.js';
import { DisputesService } from '../modules/disputes/disputes.service.js';
import type { EnergyStrategySource } from '../modules/energy/energy-strategy.js';
import { stakingRoutes } from '../modules/energy/staking.routes.js';
import { STAKING_ACTIONS, StakingService } from '../modules/energy/staking.service.js';
import type { ChainPrices, NetworkCostEstimator } from '../modules/fees/network-cost.js';
import type { JobQueue, NewJob } from '../modules/jobs/job-queue.js';
import type { Ledger } from '../modules/ledger/ledger.js';
import type { Outbox } from '../modules/outbox/outbox.js';
import { PAYOUT_JOB } from '../modules/payments/create-pipeline.js';
import type { PaymentsRepository } from '../modules/payments/payments.repository.js';
import type { MerchantDirectory, PaymentsService } from '../modules/payments/payments.service.js';
import { PayoutsService } from '../modules/payouts/payouts.service.js';
import { reconciliationRoutes } from '../modules/reconciliation/reconciliation.routes.js';
import { RECONCILE_JOB, ReconciliationService } from '../modules/reconciliation/reconciliation.service.js';
import { ReconciliationsRepository } from '../modules/reconciliation/reconciliations.repository.js';
import { RefundsRepository } from '../modules/refunds/refunds.repository.js';
import { refundsRoutes } from '../modules/refunds/refunds.routes.js';
import { AUTO_REFUND_JOB, REFUND_TIMEOUT_EVERY_MS, REFUND_TIMEOUT_JOB, RefundsService } from '../modules/refunds/refunds.service.js';
import { createScanner } from '../modules/scanner/scanner.module.js';
import type { ScannerWorker } from '../modules/scanner/scanner.worker.js';
import {
  SETTLEMENT_ADVANCE_JOB,
  SETTLEMENT_KICK_JOB,
  SETTLEMENT_RUN_JOB,
  SettlementWorker,
} from '../modules/settlement/settlement.worker.js';
import { SettlementsRepository } from '../modules/settlement/settlements.repository.js';
import { settlementsRoutes } from '../modules/settlement/settlements.routes.js';
import { SettlementsService } from '../modules/settlement/settlements.service.js';
import { NodeSweepEnergyChain } from '../modules/settlement/sweep-energy.js';
import type { WalletChain } from '../modules/wallets/hot-wallet.service.js';
import type { TransactionSigner } from '../modules/wallets/signer.js';
import type { WalletAddresses } from '../modules/wallets/wallet-addresses.js';
import type { Clock } from '../shared/clock.js';
import type { CrashPoint } from '../shared/crash-point.js';
import type { IdGenerator } from '../shared/ids.js';
import type { TronClient, TronClientOptions } from '../tron/client.js';
import type { AccountInfo } from '../tron/node-json.js';
import type { JobHandler } from '../workers/job-runner.js';

/** The chain as the money-moving workers need it: a node client, the assets on it and the signer. */
export interface MoneyChain {
  client: TronClient;
  assets: AssetRegistry;
  signer: TransactionSigner;
  /** the client's endpoints, for the scanner's block-fetching threads; without them blocks are parsed on the scanner's thread */
  clientOptions?: TronClientOptions;
}

export interface MoneyModulesDeps {
  db: Kysely<DB>;
  /** the test-only crash point (src/shared/crash-point.ts); a no-op off devnet */
  crashPoint: CrashPoint;
  engine: Engine;
  config: GatewayConfig;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** `<host>:<pid>` or the configured instance id: names this process in leases and claims */
  instance: string;
  tron: MoneyChain | undefined;
  /** the energy strategy in force per merchant: under `stake` sweeps go on delegated energy */
  energyStrategy: EnergyStrategySource;
  /** balances and prices (settlement sizes sweep fuel with them); an account's stake when a node is configured */
  chain: WalletChain & ChainPrices & { account?(address: string): Promise<AccountInfo> };
  wallets: WalletAddresses;
  payments: PaymentsService;
  paymentsRepository: PaymentsRepository;
  merchants: MerchantDirectory;
  ledger: Ledger;
  leases: LeaseStore;
  audit: AuditTrail;
  outbox: Outbox;
  jobs: JobQueue;
  networkCost: NetworkCostEstimator;
  /** lets the job runner look for due jobs now */
  wakeJobs(): void;
  /** wraps a database read for gauges and /status so that it runs at most once per few seconds */
  cached<T>(load: () => Promise<T>): () => Promise<T>;
}

export interface MoneyModules {
  collections: CollectionsService | null;
  scanner: ScannerWorker | null;
  chainSends: SendModule | null;
  payouts: PayoutsService | null;
  settlement: SettlementWorker | null;
  refunds: RefundsService;
  /** resolving disputed payments (accept, refund, reject) */
  disputes: DisputesService;
  reconciliation: ReconciliationService;
  /** the operator's staking of hot-wallet TRX (answers 503 without a node) */
  staking: StakingService;
  /** durable job handlers of these modules */
  jobHandlers: Record<string, JobHandler>;
  /** self-rescheduling jobs the workers role keeps alive */
  periodicJobs: NewJob[];
  registerRoutes(app: HttpApp): void;
  registerMetrics(metrics: GatewayMetrics): void;
  readiness(): Promise<Record<string, CheckResult>>;
  /** the scanner's lag for everyone; its lease holder (host and process) and the viewer's reconciliation for an admin */
  status(viewer: StatusViewer): Promise<Record<string, unknown>>;
  /** starts the scanner (scanner role) and the sender (workers role) */
  start(roles: readonly string[]): void;
  stop(): Promise<void>;
}

export function createMoneyModules(d: MoneyModulesDeps): MoneyModules {
  const { db, engine, config, clock, ids, logger, tron } = d;
  const transfers = new TransfersRepository();
  const collections = tron
    ? new CollectionsService({
        db,
        config,
        clock,
        ids,
        payments: d.payments,
        repository: d.paymentsRepository,
        ledger: d.ledger,
        audit: d.audit,
        client: tron.client,
        hotWallets: hotWalletSet(db, d.wallets),
      })
    : null;
  const builtScanner =
    tron && collections
      ? createScanner({
          db,
          clock,
          config,
          client: tron.client,
          assets: tron.assets,
          leases: d.leases,
          recorder: collections,
          holder: `${d.instance}:scanner`,
          logger,
          ...(tron.clientOptions ? { clientOptions: tron.clientOptions } : {}),
        })
      : null;
  const scanner = builtScanner?.scanner ?? null;

  const chainSends: SendModule | null = tron
    ? createSendModule({
        db,
        engine,
        config,
        client: tron.client,
        assets: tron.assets,
        signer: tron.signer,
        leases: d.leases,
        clock,
        ids,
        instance: d.instance,
        logger,
        energyPriceSun: () => d.networkCost.cachedEnergyPriceSun(),
        energyStrategy: d.energyStrategy,
      })
    : null;
  const wakeSender = () => chainSends?.wake();
  const payouts = chainSends
    ? new PayoutsService({
        db,
        config,
        payments: d.payments,
        repository: d.paymentsRepository,
        merchants: d.merchants,
        sends: chainSends.sends,
        jobs: d.jobs,
        logger,
        onQueued: wakeSender,
      })
    : null;
  if (chainSends && payouts) chainSends.sends.registerHandler('payout', payouts.sendHandler());

  // Settlement and sweeps move money through the sender: built with it.
  const settlement = chainSends
    ? new SettlementWorker({
        db,
        engine,
        config,
        clock,
        ids,
        outbox: d.outbox,
        audit: d.audit,
        ledger: d.ledger,
        settlements: new SettlementsRepository(engine),
        transfers,
        jobs: d.jobs,
        sends: chainSends.sends,
        chain: d.chain,
        hotWalletAddress: (index) => d.wallets.hotWalletAddress(index),
        onQueued: wakeSender,
        ...(tron
          ? {
              energy: {
                strategy: d.energyStrategy,
                marginPercent: config.raw.energy.estimate_margin_percent,
                chain: new NodeSweepEnergyChain(tron.client),
                contractOf: (asset: string) => tron.assets.get(asset).asset.contract ?? '',
              },
            }
          : {}),
      })
    : null;
  if (chainSends && settlement) settlement.register(chainSends.sends);

  // Refunds go out through the sender; reconciliation reads the node and credits through collections.
  const disputeHolds = new DisputeHolds(d.ledger);
  const refunds = new RefundsService({
    db,
    config,
    clock,
    ids,
    payments: d.paymentsRepository,
    lifecycle: d.payments,
    refunds: new RefundsRepository(),
    sends: chainSends?.sends ?? null,
    ledger: d.ledger,
    transfers,
    outbox: d.outbox,
    jobs: d.jobs,
    audit: d.audit,
    merchants: d.merchants,
    wallets: d.wallets,
    holds: disputeHolds,
    ...(chainSends ? { onQueued: wakeSender } : {}),
    ...(tron ? { isBlacklisted: (asset: string, address: string) => tron.assets.get(asset).isBlacklisted(tron.client, address) } : {}),
  });
  if (chainSends) chainSends.sends.registerHandler('refund', refunds.sendHandler());
  const disputes = new DisputesService({
    db,
    clock,
    payments: d.paymentsRepository,
    lifecycle: d.payments,
    refunds,
    ledger: d.ledger,
    holds: disputeHolds,
    audit: d.audit,
  });
  if (settlement) {
    const settling = settlement;
    collections?.setCreditedHandler(async (trx, credit) => {
      if (await settling.kickIfDue(trx, credit)) d.wakeJobs();
    });
  }
  collections?.setOverpaidHandler(async (trx, payment, excess, sender) => {
    if (await refunds.onOverpaid(trx, payment, excess, sender === '' ? null : sender)) d.wakeJobs();
  });
  // Staking: queued like any send. Without the signer (the CLI) the queue still names the hot wallet, and
  // the running gateway's sender signs it.
  const account = tron ? (address: string) => tron.client.getAccount(address) : d.chain.account?.bind(d.chain);
  const staking = new StakingService({
    db,
    clock,
    ids,
    audit: d.audit,
    sends:
      chainSends?.sends ??
      new ChainSendQueue({
        signer: {
          address: (ref) => (ref.kind === 'hot' ? d.wallets.hotWalletAddress(ref.merchantIndex) : d.wallets.depositAddress(ref.index)),
        },
        clock,
        ids,
        // staking sends are native: no fee limit
        feeLimit: { isContractCall: () => false, energy: 0n, maxSun: 0n, energyPriceSun: () => null },
      }),
    merchants: d.merchants,
    hotWalletAddress: (index) => d.wallets.hotWalletAddress(index),
    chain: account ? { account } : null,
    onQueued: wakeSender,
  });
  if (chainSends) for (const purpose of STAKING_ACTIONS) chainSends.sends.registerHandler(purpose, staking.sendHandler());

  const reconciliation = new ReconciliationService({
    db,
    config,
    clock,
    ids,
    payments: d.paymentsRepository,
    lifecycle: d.payments,
    holds: disputeHolds,
    records: new ReconciliationsRepository(),
    transfers,
    sends: new SendsRepository(),
    settlements: new SettlementsRepository(engine),
    ledger: d.ledger,
    audit: d.audit,
    merchants: d.merchants,
    wallets: d.wallets,
    chain: tron ? { client: tron.client, assets: tron.assets } : null,
    recorder: collections,
  });

  const reconcileEveryMs = config.raw.reconciliation.reconciliation_interval_seconds * 1000;
  const settlementEveryMs = config.raw.settlement.check_interval_seconds * 1000;
  const jobHandlers: Record<string, JobHandler> = {
    [AUTO_REFUND_JOB]: async (job) => {
      const outcome = await refunds.runAutoRefund(job.payload as { payment_id: string; excess: string; sender: string | null });
      if (outcome === 'waiting') return { retryAt: clock.now() + 30_000, reason: 'payment not final yet', countsAsAttempt: false };
      return undefined;
    },
    [REFUND_TIMEOUT_JOB]: async () => {
      const swept = await refunds.sweepTimeouts();
      if (swept.failed.length + swept.flagged.length > 0) logger.warn(swept, 'refunds not completed in time: failed or flagged');
      return { retryAt: clock.now() + REFUND_TIMEOUT_EVERY_MS, reason: 'periodic', countsAsAttempt: false };
    },
  };
  const periodicJobs: NewJob[] = [{ type: REFUND_TIMEOUT_JOB, payload: {}, dedupeKey: REFUND_TIMEOUT_JOB, priority: 150 }];
  if (tron) {
    jobHandlers[RECONCILE_JOB] = async (_job, context) => {
      if (config.raw.reconciliation.auto_reconcile) {
        // a run walks every page of addresses: each page keeps the job's lease (a lost lease stops it)
        const run = await reconciliation.runBackground({ onPage: () => context.extendLease() });
        if (run.balances?.outcome === 'differences')
          logger.warn({ reconciliation_id: run.balances.id }, 'balance reconciliation found differences');
      }
      return { retryAt: clock.now() + reconcileEveryMs, reason: 'periodic', countsAsAttempt: false };
    };
    periodicJobs.push({ type: RECONCILE_JOB, payload: {}, dedupeKey: RECONCILE_JOB, priority: 180 });
  }
  if (payouts) {
    jobHandlers[PAYOUT_JOB] = async (job) => {
      const outcome = await payouts.sendPayout((job.payload as { payment_id: string }).payment_id);
      if (outcome === 'merchant_inactive') return { retryAt: clock.now() + 60_000, reason: 'merchant is not active' };
      return undefined;
    };
  }
  if (settlement) {
    jobHandlers[SETTLEMENT_RUN_JOB] = async () => {
      await settlement.tick();
      return { retryAt: clock.now() + settlementEveryMs, reason: 'periodic', countsAsAttempt: false };
    };
    jobHandlers[SETTLEMENT_KICK_JOB] = async () => {
      await settlement.runDue();
    };
    jobHandlers[SETTLEMENT_ADVANCE_JOB] = async (job) => {
      await settlement.advance((job.payload as { settlement_id: string }).settlement_id);
    };
    periodicJobs.push({ type: SETTLEMENT_RUN_JOB, payload: {}, dedupeKey: SETTLEMENT_RUN_JOB, priority: 150 });
  }

  // /status and the lag gauge share one reading every few seconds (readiness reads the scanner itself)
  const scannerStatus = scanner ? d.cached(() => scanner.status()) : null;
  return {
    collections,
    scanner,
    chainSends,
    payouts,
    settlement,
    refunds,
    disputes,
    reconciliation,
    staking,
    jobHandlers,
    periodicJobs,
    registerRoutes(app) {
      const sends = new SendsRepository();
      const costs: OwnerCosts = (owners) => sends.costsByOwner(db, owners);
      app.register(settlementsRoutes({ config, settlements: new SettlementsService(db, costs) }), { prefix: '/api/v1/payments' });
      app.register(disputesRoutes({ disputes, assets: config.assets }), { prefix: '/api/v1/payments' });
      app.register(refundsRoutes({ refunds, assets: config.assets, costs, crashPoint: d.crashPoint }), { prefix: '/api/v1/payments' });
      app.register(reconciliationRoutes({ config, reconciliation }), { prefix: '/api/v1/payments' });
      app.register(stakingRoutes({ staking }), { prefix: '/api/v1/wallet' });
    },
    registerMetrics(metrics) {
      if (scannerStatus) {
        metrics.registerCollectedGauge('tpg_scanner_lag_blocks', 'Blocks between the chain head and the scanner cursor', [], async () => {
          const lag = (await scannerStatus()).lag;
          return lag === null ? [] : [{ labels: {}, value: lag }];
        });
      }
      if (scanner) {
        metrics.registerCollectedGauge(
          'tpg_scanner_reorgs',
          'Chain reorganisations the scanner of this process rewound for since it started',
          [],
          async () => [{ labels: {}, value: scanner.reorgs }],
        );
      }
      if (chainSends) {
        const sendCounts = d.cached(() => chainSends.countByStatus());
        metrics.registerCollectedGauge(
          'tpg_chain_sends',
          'Transactions the gateway signs, by purpose and status',
          ['purpose', 'status'],
          async () => (await sendCounts()).map((r) => ({ labels: { purpose: r.purpose, status: r.status }, value: r.count })),
          SEND_PURPOSES.flatMap((purpose) => SEND_STATUSES.map((status) => ({ purpose, status }))),
        );
      }
    },
    async readiness() {
      const checks: Record<string, CheckResult> = {};
      if (scanner) checks.scanner = await scannerLagCheck(scanner, config.raw.health_check.max_scanner_lag_blocks);
      return checks;
    },
    async status(viewer) {
      const out: Record<string, unknown> = {};
      if (scannerStatus) {
        const { holder, active, ...lag } = await scannerStatus();
        // the readiness limit with the lag, so a reader (the dashboard) can tell when it is too far behind
        const shown = { ...lag, max_lag_blocks: config.raw.health_check.max_scanner_lag_blocks };
        out.scanner = viewer ? { ...shown, holder, active } : shown;
      }
      if (viewer) {
        out.reconciliation = {
          auto_reconcile: config.raw.reconciliation.auto_reconcile,
          last_balances: await reconciliation.lastBalances(viewer.merchantId),
        };
      }
      return out;
    },
    start(roles) {
      if (roles.includes('workers')) chainSends?.start();
      if (roles.includes('scanner')) scanner?.start();
    },
    async stop() {
      await scanner?.stop();
      await builtScanner?.close();
      await chainSends?.stop();
    },
  };
}

/** Not ready while the scanner is more than `maxLag` blocks behind the head (an unknown lag does not count). */
async function scannerLagCheck(scanner: ScannerWorker, maxLag: number): Promise<CheckResult> {
  try {
    const status = await scanner.status();
    if (status.lag === null) return { ok: true, detail: status.cursor === null ? 'scanner not started yet' : 'chain head unknown' };
    return { ok: status.lag <= maxLag, detail: `${status.lag} blocks behind the head (at most ${maxLag})` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message.slice(0, 200) : 'failed' };
  }
}

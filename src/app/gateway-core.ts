/**
 * Composition root of the gateway's modules over one database and one chain: repositories, services,
 * the create pipeline, the job runner and the HTTP app. `startGateway` (gateway.ts) adds the network,
 * the database, the listening socket and the devnet niceties; tests build the core directly.
 */
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/load.js';
import type { Database } from '../db/database.js';
import { createHttpApp, type HttpApp } from '../http/app.js';
import { createGatewayMetrics, type GatewayMetrics } from '../http/metrics.js';
import type { CheckResult, HealthChecks } from '../http/ports.js';
import { analyticsRoutes } from '../modules/analytics/analytics.routes.js';
import { AnalyticsService } from '../modules/analytics/analytics.service.js';
import { AuditLogRepository } from '../modules/audit/audit.repository.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { AuditMirror } from '../modules/audit/audit-mirror.js';
import { AuditTrail } from '../modules/audit/audit-trail.js';
import { BatchesRepository } from '../modules/batches/batches.repository.js';
import type { ChainSender } from '../modules/chain/chain-sender.js';
import { LeaseStore } from '../modules/chain/lease.js';
import { createSendModule, type SendModule } from '../modules/chain/send-module.js';
import type { ChainSendQueue } from '../modules/chain/send-queue.js';
import type { SendTracker } from '../modules/chain/send-tracker.js';
import { CollectionsService } from '../modules/collections/collections.service.js';
import { hotWalletSet } from '../modules/collections/hot-wallets.js';
import type { ChainPrices } from '../modules/fees/network-cost.js';
import { NetworkCostEstimator } from '../modules/fees/network-cost.js';
import { DbIdempotencyStore } from '../modules/idempotency/idempotency.store.js';
import { JobQueue } from '../modules/jobs/job-queue.js';
import { Ledger } from '../modules/ledger/ledger.js';
import { UsageRepository } from '../modules/limits/usage.repository.js';
import { apiKeysRoutes } from '../modules/merchants/api-keys.routes.js';
import { createMerchantsModule, type MerchantsModule } from '../modules/merchants/merchants.module.js';
import { Outbox } from '../modules/outbox/outbox.js';
import { CreatePipeline, type CreateSubmitter, EXPIRE_JOB, PAYOUT_JOB } from '../modules/payments/create-pipeline.js';
import { PaymentsRepository } from '../modules/payments/payments.repository.js';
import { paymentsRoutes } from '../modules/payments/payments.routes.js';
import { type MerchantDirectory, PaymentsService } from '../modules/payments/payments.service.js';
import { PayoutsService } from '../modules/payouts/payouts.service.js';
import { reconciliationRoutes } from '../modules/reconciliation/reconciliation.routes.js';
import { RECONCILE_JOB, ReconciliationService } from '../modules/reconciliation/reconciliation.service.js';
import { ReconciliationsRepository } from '../modules/reconciliation/reconciliations.repository.js';
import { RefundsRepository } from '../modules/refunds/refunds.repository.js';
import { refundsRoutes } from '../modules/refunds/refunds.routes.js';
import { AUTO_REFUND_JOB, REFUND_TIMEOUT_EVERY_MS, REFUND_TIMEOUT_JOB, RefundsService } from '../modules/refunds/refunds.service.js';
import { reportsRoutes } from '../modules/reports/reports.routes.js';
import { ReportsService } from '../modules/reports/reports.service.js';
import { createScanner } from '../modules/scanner/scanner.module.js';
import type { ScannerWorker } from '../modules/scanner/scanner.worker.js';
import {
  SETTLEMENT_ADVANCE_JOB,
  SETTLEMENT_KICK_JOB,
  SETTLEMENT_RUN_JOB,
  SettlementWorker,
} from '../modules/settlement/settlement.worker.js';
import { SettlementInfoService } from '../modules/settlement/settlement-info.service.js';
import { settlementsRoutes } from '../modules/settlement/settlements.routes.js';
import { SettlementsService } from '../modules/settlement/settlements.service.js';
import { DepositAddressPool } from '../modules/wallets/deposit-pool.js';
import { HotWalletService, type WalletChain } from '../modules/wallets/hot-wallet.service.js';
import type { TransactionSigner } from '../modules/wallets/signer.js';
import { walletRoutes } from '../modules/wallets/wallet.routes.js';
import type { WalletAddresses } from '../modules/wallets/wallet-addresses.js';
import { createWebhookDelivery } from '../modules/webhooks/webhook-delivery.js';
import { WebhooksRepository } from '../modules/webhooks/webhooks.repository.js';
import { webhooksRoutes } from '../modules/webhooks/webhooks.routes.js';
import { WebhooksService } from '../modules/webhooks/webhooks.service.js';
import { type Clock, systemClock } from '../shared/clock.js';
import { type IdGenerator, randomId } from '../shared/ids.js';
import type { TronClient } from '../tron/client.js';
import { JobRunner } from '../workers/job-runner.js';

export const API_VERSION = '2026-11-01';
export const MAINTENANCE_JOB = 'maintenance.prune';
const MAINTENANCE_EVERY_MS = 10 * 60_000;
/** A revoked key stops working in other processes within this time (at once in the revoking one). */
const PRINCIPAL_CACHE_MS = 5000;

/** The chain as the core needs it; GatewayChain implements it over a TronClient. */
export interface CoreChain extends ChainPrices, WalletChain {}

export interface GatewayCoreOptions {
  config: GatewayConfig;
  database: Database;
  chain: CoreChain;
  wallets: WalletAddresses;
  networkName: string;
  logger: Logger;
  version: string;
  clock?: Clock;
  ids?: IdGenerator;
  /**
   * Where create requests go. Default: a pipeline on this thread. startGateway passes the client of a
   * pipeline worker thread so that group commits, address derivation and row building leave the HTTP thread.
   */
  submitter?: CreateSubmitter;
  /** extra readiness checks (the chain probe lives with the network) */
  readinessChecks?: Record<string, () => Promise<CheckResult>>;
  /**
   * The chain as the money-moving workers need it (scanner, sender, reconciliation, settlement): a node
   * client, the USDT contract and the signer. Without it (tests over a fake chain) those workers are not built.
   */
  tron?: MoneyChain;
}

export interface MoneyChain {
  client: TronClient;
  usdtContract: string;
  signer: TransactionSigner;
}

export interface GatewayCore {
  app: HttpApp;
  metrics: GatewayMetrics;
  merchants: MerchantsModule;
  payments: PaymentsService;
  audit: AuditTrail;
  jobs: JobQueue;
  runner: JobRunner;
  networkCost: NetworkCostEstimator;
  ledger: Ledger;
  leases: LeaseStore;
  /** follows the chain for collections (present when `tron` was given; runs in the `scanner` role) */
  scanner?: ScannerWorker;
  /** records transfers and moves collections along (the scanner's and reconciliation's TransferRecorder) */
  collections?: CollectionsService;
  /**
   * The chain sender's queue (present when `tron` was given): owners enqueue sends in their transaction
   * and register the handler of their purpose (`sends.registerHandler('refund', …)`).
   */
  sends?: ChainSendQueue;
  /** signs and broadcasts queued sends (runOnce in tests; a loop in the workers role) */
  sender?: ChainSender;
  /** follows sent transactions to confirmation, solidification or provable expiry */
  tracker?: SendTracker;
  /** pays out pending `route` payments through the sender */
  payouts?: PayoutsService;
  /** settling due balances, sweeps and payee transfers (present with the chain sender) */
  settlement?: SettlementWorker;
  /** refunds of collections (requests answer 503 without the chain sender) */
  refunds: RefundsService;
  /** payment and balance reconciliation against the chain (503 without a node) */
  reconciliation: ReconciliationService;
  /** starts background work for the configured roles */
  startWorkers(): void;
  /** lets the job runner look for due jobs now (after a group commit enqueued some) */
  wakeJobs(): void;
  stop(): Promise<void>;
}

export function createGatewayCore(options: GatewayCoreOptions): GatewayCore {
  const { config, database, logger } = options;
  const { db, engine } = database;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomId;

  // every service that changes state appends its audit records through this, inside its transaction
  const audit = new AuditTrail(clock);
  const merchants = createMerchantsModule(db, {
    clock,
    ids,
    audit,
    principalCacheMs: PRINCIPAL_CACHE_MS,
    onBackgroundError: (error) => logger.warn({ err: error }, 'api key bookkeeping failed'),
  });
  const directory = merchantDirectory(merchants);
  const paymentsRepository = new PaymentsRepository(engine);
  const batches = new BatchesRepository();
  const usage = new UsageRepository(engine);
  const outbox = new Outbox({ clock, ids, apiVersion: API_VERSION });
  const jobs = new JobQueue({ db, engine, clock, ids });
  const networkCost = new NetworkCostEstimator(options.chain, config, clock);
  const idempotency = new DbIdempotencyStore(db, clock, config.raw.api.idempotency_ttl_hours * 3_600_000);

  const depositPool = new DepositAddressPool(db, engine, options.wallets, clock);
  const ledger = new Ledger(clock, ids);
  const leases = new LeaseStore(db, clock);
  let runner: JobRunner | null = null;
  const pipeline: CreateSubmitter =
    options.submitter ??
    new CreatePipeline({
      db,
      config,
      clock,
      ids,
      payments: paymentsRepository,
      batches,
      usage,
      depositPool,
      outbox,
      jobs,
      audit,
      idempotencyTtlMs: idempotency.ttlMs,
      onCommitted: () => runner?.wake(),
      onError: (error) => logger.error({ err: error }, 'payment creation failed'),
    });
  const payments = new PaymentsService({
    db,
    config,
    clock,
    payments: paymentsRepository,
    batches,
    pipeline,
    merchants: directory,
    wallets: options.wallets,
    networkCost,
    outbox,
    jobs,
    audit,
  });
  const settlement = new SettlementInfoService(db, config, clock);
  const hotWallet = new HotWalletService(options.wallets, options.chain);
  // Collections and the scanner exist when the core has a node (options.tron).
  const collections = options.tron
    ? new CollectionsService({
        db,
        engine,
        config,
        clock,
        ids,
        payments,
        ledger,
        audit,
        client: options.tron.client,
        hotWallets: hotWalletSet(db, options.wallets),
      })
    : null;
  const scanner =
    options.tron && collections
      ? createScanner({
          db,
          clock,
          config,
          client: options.tron.client,
          usdtContract: options.tron.usdtContract,
          leases,
          recorder: collections,
          holder: `${config.raw.server.instance_id || `${hostname()}:${process.pid}`}:scanner`,
          logger,
        })
      : null;

  const health: HealthChecks = {
    ready: async () => {
      const checks: Record<string, CheckResult> = { database: await timed(() => sql`select 1`.execute(db).then(() => database.engine)) };
      for (const [name, check] of Object.entries(options.readinessChecks ?? {})) checks[name] = await check();
      // a merchant's endpoint being disabled is flagged, never a reason to take this instance out of service
      checks.webhooks = await webhookEndpointsCheck();
      if (scanner) checks.scanner = await scannerLagCheck(scanner, config.raw.health_check.max_scanner_lag_blocks);
      return checks;
    },
    status: async () => ({
      network: options.networkName,
      database: database.engine,
      roles: config.raw.server.roles,
      deposit_pool: { available: await depositPool.available(), target: config.raw.wallets.deposit_pool_size },
      memory_mb: memoryMb(),
      jobs: await jobs.depth(),
      webhooks: await webhookDelivery.backlog(),
      ...(scanner ? { scanner: await scanner.status() } : {}),
      reconciliation: { auto_reconcile: config.raw.reconciliation.auto_reconcile, last_balances: await reconciliation.lastBalances() },
    }),
  };

  const metrics = createGatewayMetrics();
  metrics.registerCollectedGauge('tpg_payments', 'Payments by status and method', ['status', 'method'], async () =>
    (await paymentsRepository.countByStatus(db)).map((r) => ({ labels: { status: r.status, method: r.method }, value: r.count })),
  );
  metrics.registerCollectedGauge('tpg_jobs', 'Durable jobs by type and status (queue depth)', ['type', 'status'], async () =>
    (await jobs.depth()).map((d) => ({ labels: { type: d.type, status: d.status }, value: d.count })),
  );
  if (scanner) {
    metrics.registerCollectedGauge('tpg_scanner_lag_blocks', 'Blocks between the chain head and the scanner cursor', [], async () => {
      const lag = (await scanner.status()).lag;
      return lag === null ? [] : [{ labels: {}, value: lag }];
    });
  }
  metrics.registerCollectedGauge('tpg_outbox_undispatched', 'Outbox events not yet handed to webhook delivery', [], async () => [
    { labels: {}, value: await outbox.countUndispatched(db) },
  ]);

  const app = createHttpApp({
    bodyLimitBytes: config.raw.server.body_limit_bytes,
    corsOrigins: config.raw.security.cors_origins,
    docsEnabled: config.raw.api.docs_enabled,
    logger,
    authenticator: merchants.apiKeys,
    idempotency,
    metrics,
    health,
    metricsRequireKey: config.raw.monitoring.metrics_require_key,
    version: options.version,
    requestTimeoutMs: config.raw.server.request_timeout_ms,
    trustProxy: config.raw.server.trust_proxy,
    clock,
  });
  app.register(paymentsRoutes({ config, payments, settlement, networkCost, health }), { prefix: '/api/v1/payments' });
  // reports and analytics read stored payments; generating a report appends an audit record
  const reports = new ReportsService({ db, clock, ids, audit });
  const analytics = new AnalyticsService({ db, clock, ttlMs: config.raw.caching.analytics_ttl_seconds * 1000 });
  app.register(reportsRoutes({ reports }), { prefix: '/api/v1/payments' });
  app.register(analyticsRoutes({ analytics }), { prefix: '/api/v1/payments' });
  app.register(settlementsRoutes({ config, settlements: new SettlementsService(db) }), { prefix: '/api/v1/payments' });
  const webhooks = new WebhooksService({
    db,
    clock,
    ids,
    repository: new WebhooksRepository(),
    outbox,
    audit,
    idempotencyTtlMs: idempotency.ttlMs,
    policy: {
      requireHttps: config.raw.webhooks.require_https,
      allowPrivateTargets: config.raw.webhooks.allow_private_targets,
      maxWebhooks: config.raw.webhooks.max_webhooks,
      events: config.raw.webhooks.events,
    },
  });
  app.register(webhooksRoutes({ config, webhooks }), { prefix: '/api/v1/payments/webhooks' });
  app.register(walletRoutes({ wallet: hotWallet, merchants: directory, network: options.networkName }), { prefix: '/api/v1/wallet' });
  app.register(apiKeysRoutes({ apiKeys: merchants.apiKeys }), { prefix: '/api/v1/keys' });
  app.register(
    auditRoutes({
      reader: new AuditLogRepository(db),
      defaultPageSize: config.raw.api.default_page_size,
      maxPageSize: config.raw.api.max_page_size,
    }),
    { prefix: '/api/v1/audit' },
  );
  // The JSON-lines mirror runs with the workers: background work, one tail per process that writes the file.
  const auditMirror =
    config.raw.logging.audit_log_path && config.raw.server.roles.includes('workers')
      ? new AuditMirror({
          db,
          path: config.raw.logging.audit_log_path,
          onError: (error) => logger.warn({ err: error }, 'audit mirror failed; retrying'),
        })
      : null;

  const instance = config.raw.server.instance_id || `${hostname()}:${process.pid}`;
  const webhookDelivery = createWebhookDelivery({
    db,
    engine,
    outbox,
    clock,
    ids,
    logger,
    settings: config.raw.webhooks,
    workerId: `${instance}:webhooks`,
    version: options.version,
    observe: (outcome, seconds) => metrics.observeWebhookAttempt(outcome, seconds),
  });
  const webhookEndpointsCheck = async (): Promise<CheckResult> => {
    try {
      const disabled = (await webhookDelivery.backlog()).disabled_endpoints;
      return { ok: true, detail: disabled === 0 ? 'no endpoint disabled' : `${disabled} endpoint(s) disabled after failing` };
    } catch {
      return { ok: true, detail: 'webhook backlog unavailable' };
    }
  };
  metrics.registerCollectedGauge(
    'tpg_webhook_backlog',
    'Webhook work waiting: pending deliveries and undispatched outbox events',
    ['kind'],
    async () => {
      const backlog = await webhookDelivery.backlog();
      return [
        { labels: { kind: 'pending_deliveries' }, value: backlog.pending_deliveries },
        { labels: { kind: 'undispatched_events' }, value: backlog.undispatched_events },
      ];
    },
  );
  metrics.registerCollectedGauge('tpg_webhook_oldest_pending_age_seconds', 'Age of the oldest pending webhook delivery', [], async () => [
    { labels: {}, value: (await webhookDelivery.backlog()).oldest_pending_age_seconds },
  ]);
  metrics.registerCollectedGauge(
    'tpg_webhook_endpoints_disabled',
    'Webhook endpoints disabled by the gateway after failing',
    [],
    async () => [{ labels: {}, value: (await webhookDelivery.backlog()).disabled_endpoints }],
  );
  // The chain sender and payouts exist when the core has a node and a signer (options.tron).
  const chainSends: SendModule | null = options.tron
    ? createSendModule({
        db,
        engine,
        config,
        client: options.tron.client,
        usdtContract: options.tron.usdtContract,
        signer: options.tron.signer,
        leases,
        clock,
        ids,
        instance,
        logger,
        energyPriceSun: () => networkCost.cached('USDT')?.energyPriceSun ?? null,
      })
    : null;
  const payouts = chainSends
    ? new PayoutsService({
        db,
        engine,
        config,
        payments,
        repository: paymentsRepository,
        merchants: directory,
        sends: chainSends.sends,
        logger,
        onQueued: () => chainSends.wake(),
      })
    : null;
  if (chainSends && payouts) {
    chainSends.sends.registerHandler('payout', payouts.sendHandler());
    metrics.registerCollectedGauge(
      'tpg_chain_sends',
      'Transactions the gateway signs, by purpose and status',
      ['purpose', 'status'],
      async () => (await chainSends.countByStatus()).map((r) => ({ labels: { purpose: r.purpose, status: r.status }, value: r.count })),
    );
  }
  // Settlement and sweeps move money through the sender: built with it.
  const settlementWorker = chainSends
    ? new SettlementWorker({
        db,
        engine,
        config,
        clock,
        ids,
        outbox,
        audit,
        ledger,
        jobs,
        sends: chainSends.sends,
        chain: options.chain,
        hotWalletAddress: (index) => options.wallets.hotWalletAddress(index),
        onQueued: () => chainSends.wake(),
      })
    : null;
  if (chainSends && settlementWorker) settlementWorker.register(chainSends.sends);
  // Refunds go out through the sender; reconciliation reads the node and credits through collections.
  const refunds = new RefundsService({
    db,
    config,
    clock,
    ids,
    payments: paymentsRepository,
    lifecycle: payments,
    refunds: new RefundsRepository(),
    sends: chainSends?.sends ?? null,
    ledger,
    outbox,
    jobs,
    audit,
    merchants: directory,
    wallets: options.wallets,
    ...(chainSends ? { onQueued: () => chainSends.wake() } : {}),
    ...(options.tron
      ? {
          isBlacklisted: (address: string) =>
            (options.tron as MoneyChain).client.isBlackListed((options.tron as MoneyChain).usdtContract, address),
        }
      : {}),
  });
  if (chainSends) chainSends.sends.registerHandler('refund', refunds.sendHandler());
  collections?.setOverpaidHandler(async (trx, payment, excess, sender) => {
    if (await refunds.onOverpaid(trx, payment, excess, sender === '' ? null : sender)) runner?.wake();
  });
  const reconciliation = new ReconciliationService({
    db,
    config,
    clock,
    ids,
    payments: paymentsRepository,
    lifecycle: payments,
    records: new ReconciliationsRepository(),
    audit,
    merchants: directory,
    wallets: options.wallets,
    chain: options.tron ? { client: options.tron.client, usdtContract: options.tron.usdtContract } : null,
    recorder: collections,
  });
  app.register(refundsRoutes({ refunds }), { prefix: '/api/v1/payments' });
  app.register(reconciliationRoutes({ config, reconciliation }), { prefix: '/api/v1/payments' });
  const reconcileEveryMs = config.raw.reconciliation.reconciliation_interval_seconds * 1000;
  const settlementEveryMs = config.raw.settlement.check_interval_seconds * 1000;
  runner = new JobRunner({
    queue: jobs,
    workerId: `${instance}:workers`,
    clock,
    logger,
    retry: { baseMs: 1000, maxMs: 5 * 60_000 },
    handlers: {
      [EXPIRE_JOB]: async (job) => {
        const paymentId = (job.payload as { payment_id: string }).payment_id;
        const outcome = await payments.expirePayment(paymentId);
        if (outcome === 'not_due') return { retryAt: clock.now() + 1000, reason: 'not yet expired', countsAsAttempt: false };
        return undefined;
      },
      ...(payouts
        ? {
            [PAYOUT_JOB]: async (job: { payload: unknown }) => {
              const outcome = await payouts.sendPayout((job.payload as { payment_id: string }).payment_id);
              if (outcome === 'merchant_inactive') return { retryAt: clock.now() + 60_000, reason: 'merchant is not active' };
              return undefined;
            },
          }
        : {}),
      ...(settlementWorker
        ? {
            [SETTLEMENT_RUN_JOB]: async () => {
              await settlementWorker.tick();
              return { retryAt: clock.now() + settlementEveryMs, reason: 'periodic', countsAsAttempt: false };
            },
            [SETTLEMENT_KICK_JOB]: async () => {
              await settlementWorker.runDue();
            },
            [SETTLEMENT_ADVANCE_JOB]: async (job: { payload: unknown }) => {
              await settlementWorker.advance((job.payload as { settlement_id: string }).settlement_id);
            },
          }
        : {}),
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
      [RECONCILE_JOB]: async () => {
        if (config.raw.reconciliation.auto_reconcile) {
          const run = await reconciliation.runBackground();
          if (run.balances?.status === 'differences')
            logger.warn({ reconciliation_id: run.balances.id }, 'balance reconciliation found differences');
        }
        return { retryAt: clock.now() + reconcileEveryMs, reason: 'periodic', countsAsAttempt: false };
      },
      [MAINTENANCE_JOB]: async () => {
        const windows = await usage.pruneWindows(db, clock.now() - 3_600_000);
        const keys = await idempotency.prune();
        logger.debug({ windows, idempotency_keys: keys }, 'maintenance pruned old records');
        return { retryAt: clock.now() + MAINTENANCE_EVERY_MS, reason: 'periodic', countsAsAttempt: false };
      },
    },
    onError: (error, context) => logger.warn({ err: error, phase: context.phase }, 'job runner error'),
  });
  const activeRunner = runner;
  const sendModule = chainSends;

  let priceTimer: NodeJS.Timeout | undefined;
  return {
    app,
    metrics,
    merchants,
    payments,
    audit,
    jobs,
    runner: activeRunner,
    networkCost,
    ledger,
    leases,
    ...(scanner && collections ? { scanner, collections } : {}),
    ...(sendModule ? { sends: sendModule.sends, sender: sendModule.sender, tracker: sendModule.tracker } : {}),
    ...(payouts ? { payouts } : {}),
    ...(settlementWorker ? { settlement: settlementWorker } : {}),
    refunds,
    reconciliation,
    wakeJobs() {
      activeRunner.wake();
      webhookDelivery.wake();
    },
    startWorkers() {
      if (config.raw.server.roles.includes('workers')) {
        void jobs
          .enqueue(db, [{ type: MAINTENANCE_JOB, payload: {}, dedupeKey: MAINTENANCE_JOB, priority: 200 }])
          .catch((error: unknown) => logger.warn({ err: error }, 'could not schedule maintenance'));
        activeRunner.start();
        webhookDelivery.start();
        sendModule?.start();
        void jobs
          .enqueue(db, [
            { type: REFUND_TIMEOUT_JOB, payload: {}, dedupeKey: REFUND_TIMEOUT_JOB, priority: 150 },
            ...(options.tron ? [{ type: RECONCILE_JOB, payload: {}, dedupeKey: RECONCILE_JOB, priority: 180 }] : []),
          ])
          .catch((error: unknown) => logger.warn({ err: error }, 'could not schedule refund timeouts and reconciliation'));
        if (settlementWorker) {
          void jobs
            .enqueue(db, [{ type: SETTLEMENT_RUN_JOB, payload: {}, dedupeKey: SETTLEMENT_RUN_JOB, priority: 150 }])
            .catch((error: unknown) => logger.warn({ err: error }, 'could not schedule settlement'));
        }
      }
      if (scanner && config.raw.server.roles.includes('scanner')) scanner.start();
      auditMirror?.start();
      void networkCost.refresh().catch(() => {});
      priceTimer = setInterval(() => void networkCost.refresh().catch(() => {}), config.raw.caching.ttl_seconds * 1000);
      priceTimer.unref();
    },
    async stop() {
      if (priceTimer) clearInterval(priceTimer);
      await auditMirror?.stop();
      await scanner?.stop();
      await app.close();
      await activeRunner.stop({ graceMs: config.raw.server.shutdown_grace_ms });
      await sendModule?.stop();
      await webhookDelivery.stop(config.raw.server.shutdown_grace_ms);
      await merchants.apiKeys.flush();
    },
  };
}

function merchantDirectory(module: MerchantsModule): MerchantDirectory {
  // Merchants change rarely; a few seconds of caching keeps a lookup off every request.
  const cache = new Map<string, { index: number | null; until: number }>();
  return {
    async hotWalletIndex(merchantId) {
      const now = Date.now();
      const hit = cache.get(merchantId);
      if (hit && hit.until > now) return hit.index;
      const merchant = await module.merchants.findMerchant(merchantId);
      const index = merchant && merchant.status === 'active' ? merchant.hdIndex : null;
      cache.set(merchantId, { index, until: now + 5000 });
      return index;
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

async function timed(check: () => Promise<string>): Promise<CheckResult> {
  const started = performance.now();
  try {
    const detail = await check();
    return { ok: true, detail, latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      detail: error instanceof Error ? error.message.slice(0, 200) : 'failed',
      latency_ms: Math.round(performance.now() - started),
    };
  }
}

function memoryMb(): Record<string, number> {
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1_048_576);
  return {
    rss: mb(m.rss),
    heap_used: mb(m.heapUsed),
    heap_total: mb(m.heapTotal),
    external: mb(m.external),
    array_buffers: mb(m.arrayBuffers),
  };
}

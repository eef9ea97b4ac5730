/**
 * Composition root of the gateway's modules over one database and one chain: repositories, services,
 * the create pipeline, the job runner and the HTTP app. `startGateway` (gateway.ts) adds the network,
 * the database, the listening socket and the devnet niceties; tests build the core directly.
 */

import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/load.js';
import { registerDashboard } from '../dashboard/dashboard.routes.js';
import { dashboardExplorerTxUrl } from '../dashboard/dashboard-explorer.js';
import type { Database } from '../db/database.js';
import { createHttpApp, type HttpApp } from '../http/app.js';
import { createGatewayMetrics, type GatewayMetrics } from '../http/metrics.js';
import { serverUrlOf } from '../http/openapi.js';
import type { CheckResult, HealthChecks, StatusViewer } from '../http/ports.js';
import { analyticsRoutes } from '../modules/analytics/analytics.routes.js';
import { AnalyticsService } from '../modules/analytics/analytics.service.js';
import { assetsRoutes } from '../modules/assets/assets.routes.js';
import { AuditLogRepository } from '../modules/audit/audit.repository.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { AuditMirror } from '../modules/audit/audit-mirror.js';
import { AuditTrail } from '../modules/audit/audit-trail.js';
import { BATCH_STALL_CHECK_EVERY_MS, BATCH_STALL_JOB, BatchStallWatch } from '../modules/batches/batch-stalls.js';
import { BatchesRepository } from '../modules/batches/batches.repository.js';
import { BrandingRepository } from '../modules/branding/branding.repository.js';
import { brandingRoutes } from '../modules/branding/branding.routes.js';
import { BrandingService } from '../modules/branding/branding.service.js';
import type { ChainSender } from '../modules/chain/chain-sender.js';
import { LeaseStore } from '../modules/chain/lease.js';
import { COLLECTION_SEND_PURPOSES } from '../modules/chain/send-contract.js';
import type { ChainSendQueue } from '../modules/chain/send-queue.js';
import type { SendTracker } from '../modules/chain/send-tracker.js';
import { SendsRepository } from '../modules/chain/sends.repository.js';
import { checkoutRoutes } from '../modules/checkout/checkout.routes.js';
import { CheckoutService } from '../modules/checkout/checkout.service.js';
import { CheckoutStatusHub } from '../modules/checkout/checkout-status-hub.js';
import type { CollectionsService } from '../modules/collections/collections.service.js';
import { TransfersRepository } from '../modules/collections/transfers.repository.js';
import { createDashboardUsersModule, type DashboardUsersModule } from '../modules/dashboard-users/dashboard-users.module.js';
import type { ScryptParams } from '../modules/dashboard-users/password-hash.js';
import { sessionRoutes } from '../modules/dashboard-users/session.routes.js';
import { usersRoutes } from '../modules/dashboard-users/users.routes.js';
import type { DisputesService } from '../modules/disputes/disputes.service.js';
import { MerchantEnergyRepository } from '../modules/energy/energy.repository.js';
import { energyRoutes } from '../modules/energy/energy.routes.js';
import { EnergyStrategyService } from '../modules/energy/energy-strategy.service.js';
import { LowEnergyWatch } from '../modules/energy/low-energy-watch.js';
import type { StakingService } from '../modules/energy/staking.service.js';
import type { ChainPrices } from '../modules/fees/network-cost.js';
import { NetworkCostEstimator } from '../modules/fees/network-cost.js';
import { DbIdempotencyStore } from '../modules/idempotency/idempotency.store.js';
import { JobQueue } from '../modules/jobs/job-queue.js';
import { Ledger } from '../modules/ledger/ledger.js';
import { limitsRoutes } from '../modules/limits/limits.routes.js';
import { UsageRepository } from '../modules/limits/usage.repository.js';
import { apiKeysRoutes } from '../modules/merchants/api-keys.routes.js';
import { createMerchantsModule, type MerchantsModule } from '../modules/merchants/merchants.module.js';
import { Outbox } from '../modules/outbox/outbox.js';
import { PaymentLinksRepository } from '../modules/payment-links/payment-links.repository.js';
import { paymentLinksRoutes } from '../modules/payment-links/payment-links.routes.js';
import { PaymentLinksService } from '../modules/payment-links/payment-links.service.js';
import { CreatePipeline, type CreateSubmitter, EXPIRE_JOB } from '../modules/payments/create-pipeline.js';
import { PaymentCosts } from '../modules/payments/payment-costs.js';
import { PaymentsRepository } from '../modules/payments/payments.repository.js';
import { paymentsRoutes } from '../modules/payments/payments.routes.js';
import { type MerchantDirectory, PaymentsService } from '../modules/payments/payments.service.js';
import type { PayoutsService } from '../modules/payouts/payouts.service.js';
import type { ReconciliationService } from '../modules/reconciliation/reconciliation.service.js';
import type { RefundsService } from '../modules/refunds/refunds.service.js';
import { reportsRoutes } from '../modules/reports/reports.routes.js';
import { ReportsService } from '../modules/reports/reports.service.js';
import type { ScannerWorker } from '../modules/scanner/scanner.worker.js';
import type { SettlementWorker } from '../modules/settlement/settlement.worker.js';
import { SettlementInfoService } from '../modules/settlement/settlement-info.service.js';
import { SettlementsRepository } from '../modules/settlement/settlements.repository.js';
import { DepositAddressPool } from '../modules/wallets/deposit-pool.js';
import { DepositReuseRepository } from '../modules/wallets/deposit-reuse.repository.js';
import { DEPOSIT_REUSE_JOB, DepositReuseService } from '../modules/wallets/deposit-reuse.service.js';
import { HotWalletService, type WalletChain } from '../modules/wallets/hot-wallet.service.js';
import { walletRoutes } from '../modules/wallets/wallet.routes.js';
import type { WalletAddresses } from '../modules/wallets/wallet-addresses.js';
import { webhookUserAgent } from '../modules/webhooks/http-sender.js';
import { createWebhookDelivery } from '../modules/webhooks/webhook-delivery.js';
import { WebhooksRepository } from '../modules/webhooks/webhooks.repository.js';
import { webhooksRoutes } from '../modules/webhooks/webhooks.routes.js';
import { WebhooksService } from '../modules/webhooks/webhooks.service.js';
import { type Clock, systemClock } from '../shared/clock.js';
import { crashPoints } from '../shared/crash-point.js';
import { type IdGenerator, newId } from '../shared/ids.js';
import { LookupCache } from '../shared/lookup-cache.js';
import type { NodeCall } from '../tron/client.js';
import type { AccountInfo } from '../tron/node-json.js';
import { type JobHandler, JobRunner } from '../workers/job-runner.js';
import { knownTokenContracts } from './chain.js';
import { cachedFor, METRICS_CACHE_MS, registerCoreGauges, registerHotWalletGauges, registerTrxBurnedCounter } from './gateway-metrics.js';
import { createMoneyModules, type MoneyChain } from './money-modules.js';

export const API_VERSION = '2026-11-01';
export const MAINTENANCE_JOB = 'maintenance.prune';
/** the periodic low-energy check of every hot wallet (energy.low_energy_check_seconds) */
export const ENERGY_CHECK_JOB = 'wallet.energy_check';
const MAINTENANCE_EVERY_MS = 10 * 60_000;
/** How often quiet deposit addresses are looked for (wallets.deposit_address_reuse: after_quiet_period). */
const DEPOSIT_REUSE_EVERY_MS = 10 * 60_000;
/** A revoked key stops working in other processes within this time (at once in the revoking one). */
const PRINCIPAL_CACHE_MS = 5000;
/** how long a hot wallet's staked energy (what `auto` decides on) is reused: every send asks */
const STAKED_ENERGY_CACHE_MS = 30_000;

/** The chain as the core needs it; GatewayChain implements it over a TronClient. */
export interface CoreChain extends ChainPrices, WalletChain {
  /** an account as the node reports it (balance and stake); staking reads the hot wallet's */
  account?(address: string): Promise<AccountInfo>;
  /** reports every call to the node (GatewayChain does; `tpg_node_requests_total` counts them) */
  observeNodeCalls?(observer: (call: NodeCall) => void): void;
}

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
   * client, the configured assets on the chain and the signer. Without it (tests over a fake chain) those workers are not built.
   */
  tron?: MoneyChain;
  /** scrypt cost of dashboard passwords (tests pass a cheap one; default ADR 0030's) */
  scrypt?: ScryptParams;
}

export type { MoneyChain } from './money-modules.js';

export interface GatewayCore {
  app: HttpApp;
  metrics: GatewayMetrics;
  merchants: MerchantsModule;
  /** dashboard users and their sessions (issue 22) */
  dashboard: DashboardUsersModule;
  payments: PaymentsService;
  /** webhook endpoints and deliveries (the CLI's `webhooks redeliver`) */
  webhooks: WebhooksService;
  /** reports over stored payments (the CLI's `reports export`) */
  reports: ReportsService;
  audit: AuditTrail;
  jobs: JobQueue;
  runner: JobRunner;
  networkCost: NetworkCostEstimator;
  /** the energy strategy in force per merchant (configuration, or the merchant's run-time choice) */
  energyStrategy: EnergyStrategyService;
  /** the low-energy alert (`wallet.energy_low`), checked by a periodic job */
  lowEnergy: LowEnergyWatch;
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
  /** resolving disputed payments (ADR 0033) */
  disputes: DisputesService;
  /** payment and balance reconciliation against the chain (503 without a node) */
  reconciliation: ReconciliationService;
  /** the operator's staking of hot-wallet TRX for energy or bandwidth (503 without a node) */
  staking: StakingService;
  /** payment links (issue 21) */
  paymentLinks: PaymentLinksService;
  /** hosted checkout: tokens, the customer's view, live status */
  checkout: CheckoutService;
  checkoutHub: CheckoutStatusHub;
  /** returns quiet, swept deposit addresses to the pool (the periodic job's work; run directly in tests) */
  depositReuse: DepositReuseService;
  /** starts background work for the configured roles */
  startWorkers(): void;
  /**
   * After a group of creations committed: their events are fanned out now, and the job runner looks
   * for due jobs only if the group enqueued some (an expiry job is not due for minutes; on PostgreSQL
   * a claim query after every commit cost the database a query per group for nothing).
   */
  creationsCommitted(jobsDueNow: number): void;
  stop(): Promise<void>;
}

export function createGatewayCore(options: GatewayCoreOptions): GatewayCore {
  const { config, database, logger } = options;
  const { db, engine } = database;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? newId;

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
  const dashboard = createDashboardUsersModule(db, {
    config,
    merchants: merchants.merchants,
    clock,
    ids,
    audit,
    ...(options.scrypt ? { scrypt: options.scrypt } : {}),
  });
  const paymentsRepository = new PaymentsRepository(engine);
  const batches = new BatchesRepository();
  const usage = new UsageRepository(engine);
  const outbox = new Outbox({ clock, ids, apiVersion: API_VERSION });
  const jobs = new JobQueue({ db, engine, clock, ids });
  const networkCost = new NetworkCostEstimator(options.chain, config, clock);
  const idempotency = new DbIdempotencyStore(db, clock, config.raw.api.idempotency_ttl_hours * 3_600_000);

  const depositPool = new DepositAddressPool(db, engine, options.wallets, clock);
  const depositReuse = new DepositReuseService({
    db,
    clock,
    quietPeriodDays: config.raw.wallets.quiet_period_days,
    repository: new DepositReuseRepository(),
    credited: (executor, addresses) => new TransfersRepository().creditedTotals(executor, addresses),
    swept: (executor, addresses) => new SettlementsRepository(engine).sweptTotals(executor, addresses),
  });
  const reuseAddresses = config.raw.wallets.deposit_address_reuse === 'after_quiet_period';
  const ledger = new Ledger(clock, ids);
  const leases = new LeaseStore(db, clock, database.writeAtomically);
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
      onCommitted: (_units, jobsDueNow) => {
        if (jobsDueNow > 0) runner?.wake();
      },
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
    tokenContracts: knownTokenContracts(config.assets, options.tron?.assets),
  });
  const settlement = new SettlementInfoService(db, config, clock, ledger, merchants.merchants);
  const hotWallet = new HotWalletService(options.wallets, options.chain);
  const energyRepository = new MerchantEnergyRepository();
  const energyStrategy = new EnergyStrategyService({
    db,
    clock,
    repository: energyRepository,
    audit,
    configured: config.raw.energy.strategy,
    stakedEnergyLimit: async (merchantId) => {
      const index = await directory.hotWalletIndex(merchantId);
      return index === null ? 0n : (await options.chain.resources(hotWallet.address(index))).energyLimit;
    },
    cacheMs: STAKED_ENERGY_CACHE_MS,
    onReadError: (error) => logger.warn({ err: error }, 'hot wallet energy unavailable; auto burns until it is read'),
  });

  // what anonymous /status callers and scrapes read from the database: at most once per METRICS_CACHE_MS
  const cached = cachedFor(() => clock.now(), METRICS_CACHE_MS);
  const jobDepth = cached(() => jobs.depth());
  const webhookBacklog = cached(() => webhookDelivery.backlog());
  const health: HealthChecks = {
    ready: async () => {
      const checks: Record<string, CheckResult> = { database: await timed(() => sql`select 1`.execute(db).then(() => database.engine)) };
      for (const [name, check] of Object.entries(options.readinessChecks ?? {})) checks[name] = await check();
      Object.assign(checks, await webhookChecks());
      Object.assign(checks, await money.readiness());
      return checks;
    },
    status: async (viewer: StatusViewer) => {
      const [depth, backlog, moneyStatus] = await Promise.all([jobDepth(), webhookBacklog(), money.status(viewer)]);
      const service = { network: options.networkName, roles: config.raw.server.roles, jobs: depth, webhooks: backlog, ...moneyStatus };
      if (!viewer) return service;
      // the runtime detail, for a merchant's admin; merchant records in it are that merchant's own (money.status)
      return {
        ...service,
        database: database.engine,
        deposit_pool: { available: await depositPool.available(), target: config.raw.wallets.deposit_pool_size },
        memory_mb: memoryMb(),
      };
    },
  };

  const metricsEnabled = config.raw.monitoring.metrics_enabled;
  // without /metrics nothing samples the event loop or the process for it
  const metrics = createGatewayMetrics({ defaultMetrics: metricsEnabled, version: options.version });
  options.chain.observeNodeCalls?.((call) => metrics.observeNodeCall(call.endpoint, call.ok, call.seconds));

  const app = createHttpApp({
    bodyLimitBytes: config.raw.server.body_limit_bytes,
    corsOrigins: config.raw.security.cors_origins,
    docsEnabled: config.raw.api.docs_enabled,
    logger,
    authenticator: merchants.apiKeys,
    sessions: dashboard.authenticator,
    publicUrl: config.raw.server.public_url,
    idempotency,
    metrics,
    health,
    metricsEnabled,
    metricsRequireKey: config.raw.monitoring.metrics_require_key,
    version: options.version,
    requestTimeoutMs: config.raw.server.request_timeout_ms,
    trustProxy: config.raw.server.trust_proxy,
    serverUrl: serverUrlOf(config.raw.server.host, config.raw.server.port),
    clock,
  });
  const sendsRepository = new SendsRepository();
  const settlementsRepository = new SettlementsRepository(engine);
  const paymentCosts = new PaymentCosts(db, {
    costsByOwner: (executor, owners) => sendsRepository.costsByOwner(executor, owners),
    energyDecisionsByOwner: (executor, owners) => sendsRepository.energyDecisionsByOwner(executor, owners),
    sweepsOf: (executor, addresses) => settlementsRepository.sweepsOf(executor, addresses),
  });
  app.register(paymentsRoutes({ config, payments, settlement, networkCost, health, costs: paymentCosts, energy: energyStrategy }), {
    prefix: '/api/v1/payments',
  });
  // reports and analytics read stored payments; generating a report appends an audit record
  const reports = new ReportsService({ db, clock, ids, audit, assets: config.assets });
  const analytics = new AnalyticsService({
    db,
    clock,
    ttlMs: config.raw.caching.analytics_ttl_seconds * 1000,
    assets: config.assets,
    collectionBurns: (merchantId, startAt, endAt) => sendsRepository.burnedByDay(db, merchantId, COLLECTION_SEND_PURPOSES, startAt, endAt),
  });
  app.register(reportsRoutes({ reports }), { prefix: '/api/v1/payments' });
  app.register(analyticsRoutes({ analytics }), { prefix: '/api/v1/payments' });
  const webhooks = new WebhooksService({
    db,
    clock,
    ids,
    repository: new WebhooksRepository(),
    outbox,
    audit,
    userAgent: webhookUserAgent(options.version),
    policy: {
      requireHttps: config.raw.webhooks.require_https,
      allowPrivateTargets: config.raw.webhooks.allow_private_targets,
      maxWebhooks: config.raw.webhooks.max_webhooks,
      events: config.raw.webhooks.events,
    },
  });
  app.register(webhooksRoutes({ config, webhooks }), { prefix: '/api/v1/payments/webhooks' });
  app.register(
    walletRoutes({
      wallet: hotWallet,
      merchants: directory,
      network: options.networkName,
      assets: config.assets,
      depositAddresses: { levels: (merchantId) => depositReuse.levels(merchantId), target: config.raw.wallets.deposit_pool_size },
    }),
    { prefix: '/api/v1/wallet' },
  );
  app.register(energyRoutes({ strategies: energyStrategy }), { prefix: '/api/v1/wallet/energy-strategy' });
  app.register(assetsRoutes({ catalog: config.assets, registry: options.tron?.assets ?? null }), { prefix: '/api/v1/assets' });
  app.register(apiKeysRoutes({ apiKeys: merchants.apiKeys }), { prefix: '/api/v1/keys' });
  app.register(sessionRoutes({ sessions: dashboard.sessions, users: dashboard.users, publicUrl: config.raw.server.public_url }), {
    prefix: '/api/v1',
  });
  app.register(usersRoutes({ users: dashboard.users }), { prefix: '/api/v1/users' });

  // hosted checkout (issue 21): payment links, merchant branding and the public pages
  const branding = new BrandingService({
    db,
    clock,
    repository: new BrandingRepository(),
    audit,
    merchantName: async (merchantId) => (await merchants.merchants.findMerchant(merchantId))?.name ?? null,
  });
  const paymentLinks = new PaymentLinksService({ db, config, clock, ids, repository: new PaymentLinksRepository(), payments, audit });
  const checkout = new CheckoutService({
    config,
    clock,
    payments,
    branding,
    links: paymentLinks,
    tokenContract: (symbol) => {
      const registered = options.tron?.assets.get(symbol).asset.contract;
      if (registered) return registered;
      const spec = config.assets.find(symbol);
      return spec?.contract && spec.contract !== 'devnet' ? spec.contract : null;
    },
  });
  const checkoutHub = new CheckoutStatusHub({
    intervalMs: config.raw.checkout.poll_interval_ms,
    versions: (paymentIds) => payments.paymentVersions(paymentIds),
    load: async (paymentId) => {
      const payment = await payments.findAnyPayment(paymentId);
      return payment ? { data: JSON.stringify(await checkout.stateOf(payment)), final: checkout.isFinal(payment) } : null;
    },
    onError: (error) => logger.warn({ err: error }, 'checkout status poll failed'),
  });
  app.register(paymentLinksRoutes({ config, links: paymentLinks }), { prefix: '/api/v1/payment-links' });
  app.register(brandingRoutes({ branding }), { prefix: '/api/v1/merchant/branding' });
  app.register(limitsRoutes({ config, usedTotals: (merchantId) => usage.readTotals(db, merchantId, clock.now()) }), {
    prefix: '/api/v1/merchant/limits',
  });
  app.register(checkoutRoutes({ config, checkout, links: paymentLinks, branding, hub: checkoutHub }));
  // the operator's dashboard (issue 22): a browser app on the public API above
  const dashboardExplorer = dashboardExplorerTxUrl(config, checkout.explorerTxUrl());
  app.register(async (scope) => registerDashboard(scope, { explorerTxUrl: dashboardExplorer, network: options.networkName }));
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
    writeAtomically: database.writeAtomically,
    outbox,
    clock,
    ids,
    logger,
    settings: config.raw.webhooks,
    workerId: `${instance}:webhooks`,
    version: options.version,
    observe: (outcome, seconds) => metrics.observeWebhookAttempt(outcome, seconds),
  });
  // A merchant's endpoint being disabled is flagged, never a reason to take this instance out of service;
  // a backlog over health_check.max_webhook_backlog is: deliveries would fall further behind.
  const webhookChecks = async (): Promise<Record<string, CheckResult>> => {
    const max = config.raw.health_check.max_webhook_backlog;
    try {
      const backlog = await webhookDelivery.backlog();
      const disabled = backlog.disabled_endpoints;
      const waiting = backlog.pending_deliveries + backlog.undispatched_events;
      return {
        webhooks: { ok: true, detail: disabled === 0 ? 'no endpoint disabled' : `${disabled} endpoint(s) disabled after failing` },
        webhook_backlog: {
          ok: waiting <= max,
          detail: `${backlog.pending_deliveries} deliveries pending and ${backlog.undispatched_events} events undispatched (at most ${max} in all)`,
        },
      };
    } catch {
      return { webhooks: { ok: true, detail: 'webhook backlog unavailable' } };
    }
  };
  const money = createMoneyModules({
    db,
    crashPoint: crashPoints(options.networkName),
    engine,
    config,
    clock,
    ids,
    logger,
    instance,
    tron: options.tron,
    energyStrategy,
    chain: options.chain,
    wallets: options.wallets,
    payments,
    paymentsRepository,
    merchants: directory,
    ledger,
    leases,
    audit,
    outbox,
    jobs,
    networkCost,
    wakeJobs: () => runner?.wake(),
    cached,
  });
  money.registerRoutes(app);
  // a scanner in this process tells the checkout's status hub when payments changed (no wait for its tick)
  money.collections?.setChangeListener(() => checkoutHub.nudge());
  const stalls = new BatchStallWatch({
    db,
    clock,
    batches,
    payments: paymentsRepository,
    outbox,
    audit,
    assets: config.assets,
    timeoutMs: config.raw.batch_processing.batch_timeout_seconds * 1000,
  });
  const lowEnergy = new LowEnergyWatch({
    db,
    clock,
    repository: energyRepository,
    outbox,
    threshold: BigInt(config.raw.energy.low_energy_threshold),
    wallets: async () => {
      const active = (await merchants.merchants.listMerchants()).filter((m) => m.status === 'active');
      const readings: Array<{ merchantId: string; address: string; energyAvailable: bigint; energyLimit: bigint }> = [];
      for (const m of active) {
        try {
          const h = await hotWallet.holdings(m.hdIndex);
          readings.push({ merchantId: m.id, address: h.address, energyAvailable: h.energy.available, energyLimit: h.energy.limit });
        } catch (error) {
          logger.warn({ err: error, merchant_id: m.id }, 'hot wallet energy unavailable for the low-energy check');
        }
      }
      return readings;
    },
  });
  const jobHandlers: Record<string, JobHandler> = {
    [EXPIRE_JOB]: async (job) => {
      const paymentId = (job.payload as { payment_id: string }).payment_id;
      const outcome = await payments.expirePayment(paymentId);
      if (outcome === 'not_due') return { retryAt: clock.now() + 1000, reason: 'not yet expired', countsAsAttempt: false };
      return undefined;
    },
    ...money.jobHandlers,
    [MAINTENANCE_JOB]: async () => {
      const windows = await usage.pruneWindows(db, clock.now() - 3_600_000);
      const keys = await idempotency.prune();
      const dashboardRows = await dashboard.sessions.pruneStale();
      logger.debug({ windows, idempotency_keys: keys, ...dashboardRows }, 'maintenance pruned old records');
      return { retryAt: clock.now() + MAINTENANCE_EVERY_MS, reason: 'periodic', countsAsAttempt: false };
    },
    [DEPOSIT_REUSE_JOB]: async () => {
      // switched off since the job was queued: it ends here
      if (!reuseAddresses) return undefined;
      const returned = await depositReuse.returnQuietAddresses();
      if (returned > 0) logger.info({ returned }, 'quiet deposit addresses went back to the pool, already activated');
      return { retryAt: clock.now() + DEPOSIT_REUSE_EVERY_MS, reason: 'periodic', countsAsAttempt: false };
    },
    [ENERGY_CHECK_JOB]: async () => {
      const { raised } = await lowEnergy.checkOnce();
      if (raised.length > 0) logger.warn({ merchant_ids: raised }, 'hot wallet energy below energy.low_energy_threshold');
      return { retryAt: clock.now() + config.raw.energy.low_energy_check_seconds * 1000, reason: 'periodic', countsAsAttempt: false };
    },
    [BATCH_STALL_JOB]: async () => {
      const flagged = await stalls.flagStalled();
      if (flagged.length > 0) logger.warn({ batch_ids: flagged }, 'batches not final after batch_timeout_seconds: flagged stalled');
      return { retryAt: clock.now() + BATCH_STALL_CHECK_EVERY_MS, reason: 'periodic', countsAsAttempt: false };
    },
  };
  runner = new JobRunner({
    queue: jobs,
    workerId: `${instance}:workers`,
    clock,
    logger,
    retry: { baseMs: 1000, maxMs: 5 * 60_000 },
    handlers: jobHandlers,
    onError: (error, context) => logger.warn({ err: error, phase: context.phase }, 'job runner error'),
  });
  const activeRunner = runner;

  // Scrape-time gauges exist only with /metrics; without it nothing is collected for them.
  if (metricsEnabled) {
    registerCoreGauges(metrics, {
      payments: cached(() => paymentsRepository.countByStatus(db)),
      jobs: jobDepth,
      jobTypes: Object.keys(jobHandlers).sort(),
      outboxUndispatched: cached(() => outbox.countUndispatched(db)),
      webhookBacklog,
    });
    registerHotWalletGauges(metrics, {
      merchants: async () => (await merchants.merchants.listMerchants()).filter((m) => m.status === 'active'),
      wallet: hotWallet,
      assets: config.assets,
      ttlMs: Math.max(METRICS_CACHE_MS, config.raw.caching.ttl_seconds * 1000),
      now: () => clock.now(),
    });
    money.registerMetrics(metrics);
    registerTrxBurnedCounter(
      metrics,
      cached(() => sendsRepository.burnedByPurpose(db)),
    );
  }

  let priceTimer: NodeJS.Timeout | undefined;
  return {
    app,
    metrics,
    merchants,
    dashboard,
    payments,
    webhooks,
    reports,
    audit,
    jobs,
    runner: activeRunner,
    networkCost,
    energyStrategy,
    lowEnergy,
    ledger,
    leases,
    ...(money.scanner && money.collections ? { scanner: money.scanner, collections: money.collections } : {}),
    ...(money.chainSends ? { sends: money.chainSends.sends, sender: money.chainSends.sender, tracker: money.chainSends.tracker } : {}),
    ...(money.payouts ? { payouts: money.payouts } : {}),
    ...(money.settlement ? { settlement: money.settlement } : {}),
    refunds: money.refunds,
    disputes: money.disputes,
    reconciliation: money.reconciliation,
    staking: money.staking,
    paymentLinks,
    checkout,
    checkoutHub,
    depositReuse,
    creationsCommitted(jobsDueNow) {
      if (jobsDueNow > 0) activeRunner.wake();
      webhookDelivery.wake();
    },
    startWorkers() {
      if (config.raw.server.roles.includes('workers')) {
        void jobs
          .enqueue(db, [
            { type: MAINTENANCE_JOB, payload: {}, dedupeKey: MAINTENANCE_JOB, priority: 200 },
            { type: BATCH_STALL_JOB, payload: {}, dedupeKey: BATCH_STALL_JOB, priority: 190 },
            ...(reuseAddresses ? [{ type: DEPOSIT_REUSE_JOB, payload: {}, dedupeKey: DEPOSIT_REUSE_JOB, priority: 190 }] : []),
            { type: ENERGY_CHECK_JOB, payload: {}, dedupeKey: ENERGY_CHECK_JOB, priority: 180 },
          ])
          .catch((error: unknown) => logger.warn({ err: error }, 'could not schedule maintenance and the stalled-batch check'));
        activeRunner.start();
        webhookDelivery.start();
        void jobs
          .enqueue(db, money.periodicJobs)
          .catch((error: unknown) => logger.warn({ err: error }, 'could not schedule refund timeouts, reconciliation and settlement'));
      }
      money.start(config.raw.server.roles);
      auditMirror?.start();
      void networkCost.refresh().catch(() => {});
      priceTimer = setInterval(() => void networkCost.refresh().catch(() => {}), config.raw.caching.ttl_seconds * 1000);
      priceTimer.unref();
    },
    async stop() {
      if (priceTimer) clearInterval(priceTimer);
      checkoutHub.stop();
      await auditMirror?.stop();
      await app.close();
      await activeRunner.stop({ graceMs: config.raw.server.shutdown_grace_ms });
      await money.stop();
      await webhookDelivery.stop(config.raw.server.shutdown_grace_ms);
      await merchants.apiKeys.flush();
    },
  };
}

function merchantDirectory(module: MerchantsModule): MerchantDirectory {
  // Merchants change rarely; a few seconds of caching keeps a lookup off every request.
  const indexes = new LookupCache<{ index: number | null }>({ ttlMs: 5000, now: Date.now });
  return {
    async hotWalletIndex(merchantId) {
      const found = await indexes.get(merchantId, async () => {
        const merchant = await module.merchants.findMerchant(merchantId);
        return { index: merchant && merchant.status === 'active' ? merchant.hdIndex : null };
      });
      return found?.index ?? null;
    },
  };
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

/**
 * The gateway's scrape-time gauges. What they read from the database is computed at most once per
 * METRICS_CACHE_MS however often /metrics is scraped, and the hot wallets are read from the chain at
 * most once per `caching.ttl_seconds` (a scrape after that gets the last reading while a refresh runs),
 * so that neither a busy Prometheus nor an anonymous caller turns scrapes into database or node load.
 * Label sets known up front (statuses, methods, job types, send purposes) are shown with 0.
 */

import { PAYMENT_METHODS } from '../config/schema.js';
import type { GatewayMetrics } from '../http/metrics.js';
import { SEND_PURPOSES } from '../modules/chain/send-contract.js';
import type { JobDepth } from '../modules/jobs/job-queue.js';
import { PAYMENT_STATUSES } from '../modules/payments/payment.js';
import type { HotWalletService } from '../modules/wallets/hot-wallet.service.js';
import type { WebhookBacklog } from '../modules/webhooks/webhook-delivery.js';
import { cachedValue } from '../shared/cached-value.js';
import type { AssetCatalog } from '../shared/catalogues/asset-catalog.js';

/** Longest time a database-backed gauge (or the /status counts) may be old. */
export const METRICS_CACHE_MS = 5000;
/** Hot wallets shown at most: each costs three node calls per refresh. */
export const MAX_HOT_WALLET_MERCHANTS = 200;
/** Hot wallets read from the chain at once. */
const HOT_WALLET_READS_IN_FLIGHT = 4;

export interface CoreGaugeSources {
  payments(): Promise<Array<{ status: string; method: string; count: number }>>;
  jobs(): Promise<JobDepth[]>;
  /** the job types this process has handlers for */
  jobTypes: readonly string[];
  outboxUndispatched(): Promise<number>;
  webhookBacklog(): Promise<WebhookBacklog>;
}

/** Payments, jobs, outbox and webhook backlog; each source should already be cached (see `cachedFor`). */
export function registerCoreGauges(metrics: GatewayMetrics, sources: CoreGaugeSources): void {
  metrics.registerCollectedGauge(
    'tpg_payments',
    'Payments by status and method',
    ['status', 'method'],
    async () => (await sources.payments()).map((r) => ({ labels: { status: r.status, method: r.method }, value: r.count })),
    PAYMENT_STATUSES.flatMap((status) => PAYMENT_METHODS.map((method) => ({ status, method }))),
  );
  metrics.registerCollectedGauge(
    'tpg_jobs',
    'Durable jobs waiting (queued) or being worked on (running), by type',
    ['type', 'status'],
    async () => (await sources.jobs()).map((d) => ({ labels: { type: d.type, status: d.status }, value: d.count })),
    sources.jobTypes.flatMap((type) => ['queued', 'running'].map((status) => ({ type, status }))),
  );
  metrics.registerCollectedGauge('tpg_outbox_undispatched', 'Outbox events not yet handed to webhook delivery', [], async () => [
    { labels: {}, value: await sources.outboxUndispatched() },
  ]);
  metrics.registerCollectedGauge(
    'tpg_webhook_backlog',
    'Webhook work waiting: pending deliveries and undispatched outbox events',
    ['kind'],
    async () => {
      const backlog = await sources.webhookBacklog();
      return [
        { labels: { kind: 'pending_deliveries' }, value: backlog.pending_deliveries },
        { labels: { kind: 'undispatched_events' }, value: backlog.undispatched_events },
      ];
    },
  );
  metrics.registerCollectedGauge('tpg_webhook_oldest_pending_age_seconds', 'Age of the oldest pending webhook delivery', [], async () => [
    { labels: {}, value: (await sources.webhookBacklog()).oldest_pending_age_seconds },
  ]);
  metrics.registerCollectedGauge(
    'tpg_webhook_endpoints_disabled',
    'Webhook endpoints disabled by the gateway after failing',
    [],
    async () => [{ labels: {}, value: (await sources.webhookBacklog()).disabled_endpoints }],
  );
}

export interface HotWalletGaugeOptions {
  /** the active merchants and their hot-wallet indexes */
  merchants(): Promise<Array<{ id: string; hdIndex: number }>>;
  wallet: Pick<HotWalletService, 'holdings'>;
  assets: AssetCatalog;
  /** how long one reading of the chain is served */
  ttlMs: number;
  now(): number;
}

interface HotWalletReading {
  merchant: string;
  address: string;
  /** base units by symbol */
  balances: Record<string, bigint>;
  energy: bigint;
  energyLimit: bigint;
  bandwidth: bigint;
}

/**
 * `tpg_hot_wallet_balance{merchant,asset}` (whole units as a float: exact below about 9·10⁹ units, which a
 * gauge can afford) and `tpg_hot_wallet_energy{merchant}` (energy available now). A wallet the node
 * cannot read is left out of that reading; a reading where none could be read counts as a failed collector.
 */
export function registerHotWalletGauges(metrics: GatewayMetrics, options: HotWalletGaugeOptions): void {
  const read = cachedValue(
    async (): Promise<HotWalletReading[]> => {
      const merchants = (await options.merchants()).slice(0, MAX_HOT_WALLET_MERCHANTS);
      const readings: HotWalletReading[] = [];
      let failed = 0;
      await forEachBounded(merchants, HOT_WALLET_READS_IN_FLIGHT, async (m) => {
        try {
          const h = await options.wallet.holdings(m.hdIndex);
          readings.push({
            merchant: m.id,
            address: h.address,
            balances: h.balances,
            energy: h.energy.available,
            energyLimit: h.energy.limit,
            bandwidth: h.bandwidth.available,
          });
        } catch {
          failed++;
        }
      });
      if (readings.length === 0 && failed > 0) throw new Error('no hot wallet could be read from the node');
      return readings.sort((a, b) => a.merchant.localeCompare(b.merchant));
    },
    { ttlMs: options.ttlMs, now: options.now, serveStale: true },
  );
  const units = (symbol: string, base: bigint) => Number(options.assets.format(symbol, base));
  metrics.registerCollectedGauge(
    'tpg_hot_wallet_balance',
    'Hot wallet balance per merchant and asset, in whole units (float); read from the chain at most once per caching.ttl_seconds',
    ['merchant', 'asset'],
    async () =>
      (await read()).flatMap((r) =>
        Object.entries(r.balances).map(([asset, base]) => ({ labels: { merchant: r.merchant, asset }, value: units(asset, base) })),
      ),
  );
  metrics.registerCollectedGauge('tpg_hot_wallet_energy', 'Energy available to each merchant hot wallet', ['merchant'], async () =>
    (await read()).map((r) => ({ labels: { merchant: r.merchant }, value: Number(r.energy) })),
  );
  // the resources that decide whether sends burn TRX (issue 19), per hot wallet address
  const perWallet = (name: string, help: string, value: (r: HotWalletReading) => bigint) =>
    metrics.registerCollectedGauge(name, help, ['merchant', 'address'], async () =>
      (await read()).map((r) => ({ labels: { merchant: r.merchant, address: r.address }, value: Number(value(r)) })),
    );
  perWallet('tpg_energy_available', 'Energy a hot wallet can spend now (its limit less what recovers)', (r) => r.energy);
  perWallet('tpg_energy_limit', 'Energy limit of a hot wallet: what its staked TRX and energy delegated to it give', (r) => r.energyLimit);
  perWallet('tpg_bandwidth_available', 'Bandwidth bytes a hot wallet can spend now (free and staked)', (r) => r.bandwidth);
}

/**
 * `tpg_trx_burned_total{purpose}`: TRX burned by the gateway's chain sends, from their recorded receipts
 * (the database is the record, so every process reports the same total and restarts lose nothing).
 */
export function registerTrxBurnedCounter(
  metrics: GatewayMetrics,
  burnedSunByPurpose: () => Promise<Array<{ purpose: string; sun: bigint }>>,
): void {
  metrics.registerCollectedCounter(
    'tpg_trx_burned_total',
    'TRX burned by chain sends (energy, bandwidth, activation), by send purpose, from their receipts',
    ['purpose'],
    async () => (await burnedSunByPurpose()).map((r) => ({ labels: { purpose: r.purpose }, value: Number(r.sun) / 1e6 })),
    SEND_PURPOSES.map((purpose) => ({ purpose })),
  );
}

/** `load`, computed at most once per METRICS_CACHE_MS (readers in between share the last result). */
export function cachedFor(now: () => number, ttlMs = METRICS_CACHE_MS) {
  return <T>(load: () => Promise<T>): (() => Promise<T>) => cachedValue(load, { ttlMs, now });
}

async function forEachBounded<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++] as T);
  });
  await Promise.all(lanes);
}

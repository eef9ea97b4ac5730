/**
 * Prometheus metrics on a registry of our own (the global one would collide when tests build several
 * apps). HTTP series are labelled with the route pattern, never the raw URL, so payment ids cannot
 * explode cardinality. Other modules add gauges computed at scrape time (payments by status, queue depth).
 * Series whose labels are known up front start at 0, so that `rate()` and alerts see the first event.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type LabelValues = Record<string, string | number>;

export interface CollectedSample {
  labels: LabelValues;
  value: number;
}

/** Registers a series whose samples `collect` computes at each scrape (label sets in `known` start at 0). */
export type RegisterCollected = (
  name: string,
  help: string,
  labelNames: readonly string[],
  collect: () => Promise<CollectedSample[]>,
  known?: readonly LabelValues[],
) => void;

export interface GatewayMetrics {
  readonly registry: Registry;
  /** `text/plain; version=0.0.4; charset=utf-8` */
  readonly contentType: string;
  observeHttp(method: string, route: string, status: number, seconds: number): void;
  /** one webhook delivery attempt (outcome succeeded | retry | failed, or skipped when no request was made) */
  observeWebhookAttempt(outcome: string, seconds: number): void;
  /** one call to a TRON node (`endpoint` is a path pattern), failover and retries included */
  observeNodeCall(endpoint: string, ok: boolean, seconds: number): void;
  /**
   * A gauge whose samples `collect` computes at each scrape; a failing collector leaves its gauge empty.
   * Label sets in `known` are shown with 0 when `collect` has no sample for them.
   */
  registerCollectedGauge: RegisterCollected;
  /**
   * A counter whose totals `collect` reads at each scrape from a durable record (the database), so that it
   * counts what every process did, survives restarts, and only grows; failures as for collected gauges.
   */
  registerCollectedCounter: RegisterCollected;
  /** the Prometheus text exposition */
  render(): Promise<string>;
}

/** 1 ms to 10 s: API calls are milliseconds, chain-bound ones can take seconds. */
export const HTTP_DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** 5 ms to 30 s: a node answers in milliseconds; failover rounds with backoff take seconds. */
export const NODE_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
export const WEBHOOK_ATTEMPT_OUTCOMES = ['succeeded', 'retry', 'failed', 'skipped'] as const;
export const NODE_CALL_OUTCOMES = ['ok', 'error'] as const;

export interface GatewayMetricsOptions {
  /** Node's process metrics (default true; they sample the event loop, so a gateway without /metrics leaves them out) */
  defaultMetrics?: boolean;
  /** the gateway's version, for `tpg_build_info` */
  version?: string;
}

export function createGatewayMetrics(options: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'tpg_build_info',
    help: 'the running build: gateway version and Node.js version (always 1)',
    labelNames: ['version', 'node'] as const,
    registers: [registry],
  }).set({ version: options.version ?? 'unknown', node: process.version }, 1);

  const requests = new Counter({
    name: 'tpg_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'tpg_http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers: [registry],
  });
  const collectErrors = new Counter({
    name: 'tpg_metrics_collect_errors_total',
    help: 'scrape-time gauge collectors that failed, by gauge',
    labelNames: ['gauge'] as const,
    registers: [registry],
  });

  const webhookAttempts = new Counter({
    name: 'tpg_webhook_deliveries_total',
    help: 'webhook delivery attempts by outcome (succeeded, retry, failed; skipped = ended without a request)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const webhookLatency = new Histogram({
    name: 'tpg_webhook_delivery_duration_seconds',
    help: 'webhook delivery attempt duration in seconds (resolve, connect, answer)',
    buckets: HTTP_DURATION_BUCKETS,
    registers: [registry],
  });
  for (const outcome of WEBHOOK_ATTEMPT_OUTCOMES) webhookAttempts.inc({ outcome }, 0);

  const nodeRequests = new Counter({
    name: 'tpg_node_requests_total',
    help: 'calls to TRON nodes by endpoint and outcome (ok, or error once every attempt failed)',
    labelNames: ['endpoint', 'outcome'] as const,
    registers: [registry],
  });
  const nodeLatency = new Histogram({
    name: 'tpg_node_request_duration_seconds',
    help: 'duration of calls to TRON nodes in seconds, failover and retries included, by endpoint',
    labelNames: ['endpoint'] as const,
    buckets: NODE_DURATION_BUCKETS,
    registers: [registry],
  });
  // Endpoints are known once called: each one's error series starts at 0 with its first call.
  const seenEndpoints = new Set<string>();

  /** Fills a scrape-time series anew; one broken collector must not take the whole scrape down with it. */
  const collectSafely = async (series: { reset(): void }, name: string, fill: () => Promise<void>): Promise<void> => {
    series.reset();
    try {
      await fill();
    } catch {
      series.reset();
      collectErrors.inc({ gauge: name });
    }
  };

  return {
    registry,
    contentType: registry.contentType,
    observeWebhookAttempt(outcome, seconds) {
      webhookAttempts.inc({ outcome });
      if (outcome !== 'skipped') webhookLatency.observe(seconds);
    },
    observeNodeCall(endpoint, ok, seconds) {
      if (!seenEndpoints.has(endpoint)) {
        seenEndpoints.add(endpoint);
        for (const outcome of NODE_CALL_OUTCOMES) nodeRequests.inc({ endpoint, outcome }, 0);
      }
      nodeRequests.inc({ endpoint, outcome: ok ? 'ok' : 'error' });
      nodeLatency.observe({ endpoint }, seconds);
    },
    observeHttp(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
    registerCollectedGauge(name, help, labelNames, collect, known = []) {
      collectErrors.inc({ gauge: name }, 0);
      const keyOf = (labels: LabelValues) => labelNames.map((l) => String(labels[l] ?? '')).join('\u0000');
      new Gauge({
        name,
        help,
        labelNames: [...labelNames],
        registers: [registry],
        async collect() {
          await collectSafely(this, name, async () => {
            const seen = new Set<string>();
            for (const sample of await collect()) {
              this.set(sample.labels, sample.value);
              seen.add(keyOf(sample.labels));
            }
            for (const labels of known) if (!seen.has(keyOf(labels))) this.set(labels, 0);
          });
        },
      });
    },
    registerCollectedCounter(name, help, labelNames, collect, known = []) {
      collectErrors.inc({ gauge: name }, 0);
      new Counter({
        name,
        help,
        labelNames: [...labelNames],
        registers: [registry],
        async collect() {
          await collectSafely(this, name, async () => {
            for (const labels of known) this.inc(labels, 0);
            for (const sample of await collect()) this.inc(sample.labels, sample.value);
          });
        },
      });
    },
    render: () => registry.metrics(),
  };
}

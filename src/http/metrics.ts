/**
 * Prometheus metrics on a registry of our own (the global one would collide when tests build several
 * apps). HTTP series are labelled with the route pattern, never the raw URL, so payment ids cannot
 * explode cardinality. Other modules add gauges computed at scrape time (payments by status, queue depth).
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type LabelValues = Record<string, string | number>;

export interface CollectedSample {
  labels: LabelValues;
  value: number;
}

export interface GatewayMetrics {
  readonly registry: Registry;
  /** `text/plain; version=0.0.4; charset=utf-8` */
  readonly contentType: string;
  observeHttp(method: string, route: string, status: number, seconds: number): void;
  /** one webhook delivery attempt (outcome succeeded | retry | failed, or skipped when no request was made) */
  observeWebhookAttempt(outcome: string, seconds: number): void;
  /** A gauge whose samples `collect` computes at each scrape; a failing collector leaves its gauge empty. */
  registerCollectedGauge(name: string, help: string, labelNames: readonly string[], collect: () => Promise<CollectedSample[]>): void;
  /** the Prometheus text exposition */
  render(): Promise<string>;
}

/** 1 ms to 10 s: API calls are milliseconds, chain-bound ones can take seconds. */
export const HTTP_DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createGatewayMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

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

  return {
    registry,
    contentType: registry.contentType,
    observeWebhookAttempt(outcome, seconds) {
      webhookAttempts.inc({ outcome });
      if (outcome !== 'skipped') webhookLatency.observe(seconds);
    },
    observeHttp(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
    registerCollectedGauge(name, help, labelNames, collect) {
      new Gauge({
        name,
        help,
        labelNames: [...labelNames],
        registers: [registry],
        async collect() {
          this.reset();
          try {
            for (const sample of await collect()) this.set(sample.labels, sample.value);
          } catch {
            // One broken collector must not take the whole scrape down with it.
            this.reset();
            collectErrors.inc({ gauge: name });
          }
        },
      });
    },
    render: () => registry.metrics(),
  };
}

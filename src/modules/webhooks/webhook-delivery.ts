/**
 * The webhook delivery pipeline as the composition root runs it: a dispatch loop fanning the outbox out
 * to deliveries, waking a deliverer that sends them (docs/adr/0013). Built from config; the transport and
 * resolver can be replaced (tests, benchmarks).
 */
import type { Kysely } from 'kysely';
import type { RawConfig } from '../../config/schema.js';
import type { AtomicWriter } from '../../db/atomic-writes.js';
import type { Engine } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Outbox } from '../outbox/outbox.js';
import { Deliverer, type DelivererLogger, type DeliveryObservation } from './deliverer.js';
import { DeliveryStore } from './delivery-store.js';
import { Dispatcher, DispatchLoop } from './dispatcher.js';
import { EndpointHealth } from './endpoint-health.js';
import { type HostResolver, HttpSender, type WebhookTransport, webhookUserAgent } from './http-sender.js';
import { retryPolicyFromConfig } from './retry-schedule.js';

export interface WebhookDeliveryOptions {
  db: Kysely<DB>;
  engine: Engine;
  /** Database.writeAtomically (the dispatcher's SQLite writes) */
  writeAtomically?: AtomicWriter;
  outbox: Outbox;
  clock: Clock;
  ids: IdGenerator;
  logger: DelivererLogger;
  settings: RawConfig['webhooks'];
  /** unique per process */
  workerId: string;
  /** the gateway's version, for the User-Agent */
  version: string;
  observe?: (outcome: DeliveryObservation, seconds: number) => void;
  transport?: WebhookTransport;
  resolver?: HostResolver;
  pollIntervalMs?: number;
}

export interface WebhookBacklog {
  /** deliveries waiting to be sent (first attempt or retry) */
  pending_deliveries: number;
  /** outbox events not yet fanned out */
  undispatched_events: number;
  /** age of the oldest pending delivery */
  oldest_pending_age_seconds: number;
  /** endpoints the gateway disabled because they kept failing */
  disabled_endpoints: number;
}

export interface WebhookDelivery {
  dispatcher: Dispatcher;
  deliverer: Deliverer;
  start(): void;
  /** events were committed: fan them out now rather than at the next poll */
  wake(): void;
  stop(graceMs: number): Promise<void>;
  backlog(): Promise<WebhookBacklog>;
}

export function createWebhookDelivery(options: WebhookDeliveryOptions): WebhookDelivery {
  const { db, engine, outbox, clock, settings } = options;
  const timeoutMs = settings.delivery_timeout_seconds * 1000;
  const userAgent = webhookUserAgent(options.version);
  const store = new DeliveryStore(db, engine);
  const health = new EndpointHealth(db, { disableAfterMs: settings.disable_after_failing_hours * 3_600_000 });
  const transport =
    options.transport ??
    new HttpSender({
      timeoutMs,
      allowPrivateTargets: settings.allow_private_targets,
      userAgent,
      maxSocketsPerHost: settings.per_endpoint_concurrency,
      ...(options.resolver ? { resolver: options.resolver } : {}),
    });
  const deliverer = new Deliverer({
    store,
    health,
    transport,
    clock,
    logger: options.logger,
    workerId: options.workerId,
    userAgent,
    policy: retryPolicyFromConfig(settings),
    timeoutMs,
    concurrency: settings.concurrency,
    perEndpointConcurrency: settings.per_endpoint_concurrency,
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.observe ? { observe: options.observe } : {}),
  });
  const dispatcher = new Dispatcher({
    db,
    engine,
    outbox,
    clock,
    ids: options.ids,
    ...(options.writeAtomically ? { writeAtomically: options.writeAtomically } : {}),
  });
  const loop = new DispatchLoop(dispatcher, {
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    onDispatched: () => deliverer.wake(),
    onError: (error) => options.logger.warn({ err: error }, 'webhook dispatch failed; retrying'),
  });
  let started = false;
  return {
    dispatcher,
    deliverer,
    start() {
      started = true;
      loop.start();
      deliverer.start();
    },
    wake() {
      if (started) loop.wake();
    },
    async stop(graceMs) {
      await loop.stop();
      await deliverer.stop({ graceMs });
    },
    async backlog() {
      const [stats, undispatched, disabled] = await Promise.all([
        store.stats(clock.now()),
        outbox.countUndispatched(db),
        health.countDisabled(),
      ]);
      return {
        pending_deliveries: stats.pending,
        undispatched_events: undispatched,
        oldest_pending_age_seconds: Math.round(stats.oldestPendingAgeMs / 1000),
        disabled_endpoints: disabled,
      };
    },
  };
}

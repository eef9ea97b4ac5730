/**
 * Sends due webhook deliveries (SPEC §3.10, docs/adr/0013).
 *
 * - Claims due deliveries with a lease (DeliveryStore.claimDue), never more than there are free slots,
 *   and never from an endpoint that already holds its share here: a global concurrency limit plus a
 *   per-endpoint one, so a slow or failing receiver cannot take the slots of healthy ones.
 * - Re-reads the endpoint before sending (a short cache): deleted, disabled or inactive → the delivery
 *   fails without a request.
 * - Signs each attempt at send time (current and, during rotation, previous secret), both as
 *   X-TPG-Signature and as Standard Webhooks headers, and posts the stored payload bytes.
 * - Outcomes are recorded in batches (group commit every few ms): each attempt row plus the delivery's
 *   new state, fenced on the claim's lease token, then endpoint health.
 * - stop() lets in-flight attempts finish within the grace period, gives back leases of deliveries not
 *   started, and records what finished; anything else is picked up again when its lease runs out.
 */
import type { Clock } from '../../shared/clock.js';
import type { ClaimedDelivery, DeliveryResult, DeliveryStore, DeliveryTarget } from './delivery-store.js';
import type { EndpointHealth, HealthUpdate } from './endpoint-health.js';
import { deliveryHeaders, type WebhookTransport } from './http-sender.js';
import { decideAfterAttempt, type RetrySchedulePolicy } from './retry-schedule.js';
import { signatureHeader } from './signature.js';
import { standardSignatureHeader } from './standard-webhooks.js';

export type DeliveryObservation = 'succeeded' | 'retry' | 'failed' | 'skipped';

export interface DelivererLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DelivererOptions {
  store: DeliveryStore;
  health: EndpointHealth;
  transport: WebhookTransport;
  clock: Clock;
  logger: DelivererLogger;
  /** unique per process, e.g. `${hostname}:${pid}:webhooks` */
  workerId: string;
  userAgent: string;
  policy: RetrySchedulePolicy;
  /** the transport's per-attempt deadline (the lease covers it) */
  timeoutMs: number;
  /** attempts in flight at once in this process */
  concurrency: number;
  /** attempts in flight at once per endpoint */
  perEndpointConcurrency: number;
  /** delay between polls when nothing was due; default 200 ms */
  pollIntervalMs?: number;
  /** how long finished attempts wait to be recorded together; default 5 ms */
  flushIntervalMs?: number;
  /** a batch this large is recorded at once; default 256 */
  flushMaxBatch?: number;
  /** how long an endpoint read is reused; default 1000 ms (0: read before every claim) */
  targetCacheMs?: number;
  random?: () => number;
  /** every attempt (and every delivery ended without one: `skipped`), for metrics */
  observe?: (outcome: DeliveryObservation, seconds: number) => void;
}

/** Extra lease time beyond the attempt's deadline and one deadline of queueing behind the endpoint's share. */
const LEASE_MARGIN_MS = 5000;
/** Deliveries claimed per statement at most. */
const MAX_CLAIM = 256;
const MAX_POLL_BACKOFF_MS = 5000;

type State = 'idle' | 'running' | 'stopping' | 'stopped';

/** A claimed delivery waiting for a slot of its endpoint, with the payload loaded at claim time. */
interface Waiting {
  delivery: ClaimedDelivery;
  payload: string | undefined;
}

interface Finished {
  result: DeliveryResult;
  endpointOk?: boolean;
}

export class Deliverer {
  private readonly o: Required<Omit<DelivererOptions, 'observe'>> & Pick<DelivererOptions, 'observe'>;
  private readonly leaseMs: number;
  private state: State = 'idle';
  private claimSeq = 0;
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly inFlight = new Map<string, number>();
  private inFlightTotal = 0;
  private waitingTotal = 0;
  private readonly sends = new Set<Promise<void>>();
  private readonly targets = new Map<string, { target: DeliveryTarget | null; until: number }>();
  private results: Finished[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private pollTimer: NodeJS.Timeout | undefined;
  private ticking = false;
  private wakeRequested = false;
  private moreDue = false;
  private pollFailures = 0;

  constructor(options: DelivererOptions) {
    this.o = {
      pollIntervalMs: 200,
      flushIntervalMs: 5,
      flushMaxBatch: 256,
      targetCacheMs: 1000,
      random: Math.random,
      ...options,
    };
    this.leaseMs = 2 * options.timeoutMs + LEASE_MARGIN_MS;
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    this.wake();
  }

  /** Look for due deliveries now (after the dispatcher created some). */
  wake(): void {
    if (this.state !== 'running') return;
    if (this.ticking) {
      this.wakeRequested = true;
      return;
    }
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.tick(), 0);
  }

  /**
   * One round without the loop (tests, the CLI): claims what is due and fits, sends it, waits for every
   * attempt and records the outcomes. Returns how many deliveries were claimed.
   */
  async deliverDue(): Promise<number> {
    const claimed = await this.claimAndStart();
    await Promise.all([...this.sends]);
    await this.flush();
    return claimed;
  }

  async stop(options: { graceMs?: number } = {}): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopping';
    if (this.pollTimer) clearTimeout(this.pollTimer);
    const queued = [...this.waiting.values()].flat().map((w) => w.delivery);
    this.waiting.clear();
    this.waitingTotal = 0;
    if (queued.length) await this.o.store.release(queued, this.o.clock.now()).catch((error) => this.logError(error, 'release'));
    const grace = new Promise<void>((done) => setTimeout(done, options.graceMs ?? 30_000).unref());
    await Promise.race([Promise.all([...this.sends]), grace]);
    await this.flush();
    this.o.transport.close();
    this.state = 'stopped';
  }

  private async tick(): Promise<void> {
    this.pollTimer = undefined;
    if (this.state !== 'running' || this.ticking) return;
    this.ticking = true;
    this.wakeRequested = false;
    let delay = this.o.pollIntervalMs;
    try {
      // keep claiming while claims come back full and slots are free
      for (let round = 0; round < 50 && this.state === 'running'; round++) {
        const claimed = await this.claimAndStart();
        if (!this.moreDue || claimed === 0) break;
      }
      this.pollFailures = 0;
    } catch (error) {
      this.pollFailures++;
      delay = Math.min(MAX_POLL_BACKOFF_MS, this.o.pollIntervalMs * 2 ** this.pollFailures);
      this.logError(error, 'claim');
    } finally {
      this.ticking = false;
    }
    if (this.state !== 'running') return;
    this.pollTimer = setTimeout(() => void this.tick(), this.wakeRequested ? 0 : delay);
  }

  /** Claims as many due deliveries as there are free slots and starts them. */
  private async claimAndStart(): Promise<number> {
    const free = this.o.concurrency - this.inFlightTotal - this.waitingTotal;
    if (free <= 0) {
      this.moreDue = true;
      return 0;
    }
    const saturated: string[] = [];
    for (const [webhookId, count] of this.inFlight) {
      if (count + (this.waiting.get(webhookId)?.length ?? 0) >= this.o.perEndpointConcurrency) saturated.push(webhookId);
    }
    const limit = Math.min(free, MAX_CLAIM);
    const claimed = await this.o.store.claimDue({
      limit,
      perEndpoint: this.o.perEndpointConcurrency,
      token: `${this.o.workerId}:${++this.claimSeq}`,
      leaseMs: this.leaseMs,
      now: this.o.clock.now(),
      excludeWebhooks: saturated,
    });
    // anything claimed: there may be more, so look again as soon as a slot frees up
    this.moreDue = claimed.length > 0;
    if (claimed.length === 0) return 0;
    const payloads = await this.o.store.payloads([...new Set(claimed.map((d) => d.eventId))]);
    await this.loadTargets(claimed);
    for (const delivery of claimed) {
      const item = { delivery, payload: payloads.get(delivery.eventId) };
      const list = this.waiting.get(delivery.webhookId);
      if (list) list.push(item);
      else this.waiting.set(delivery.webhookId, [item]);
      this.waitingTotal++;
    }
    for (const webhookId of new Set(claimed.map((d) => d.webhookId))) this.pump(webhookId);
    return claimed.length;
  }

  private async loadTargets(claimed: readonly ClaimedDelivery[]): Promise<void> {
    const nowMono = performance.now();
    const stale = [...new Set(claimed.map((d) => d.webhookId))].filter((id) => (this.targets.get(id)?.until ?? -1) < nowMono);
    if (stale.length === 0) return;
    const loaded = await this.o.store.targets(stale, this.o.clock.now());
    for (const id of stale) this.targets.set(id, { target: loaded.get(id) ?? null, until: nowMono + this.o.targetCacheMs });
  }

  /** Starts the endpoint's waiting deliveries while its share allows. */
  private pump(webhookId: string): void {
    const list = this.waiting.get(webhookId);
    while (list && list.length > 0 && (this.inFlight.get(webhookId) ?? 0) < this.o.perEndpointConcurrency) {
      const { delivery, payload } = list.shift() as Waiting;
      this.waitingTotal--;
      this.inFlight.set(webhookId, (this.inFlight.get(webhookId) ?? 0) + 1);
      this.inFlightTotal++;
      const send: Promise<void> = this.send(delivery, payload)
        .catch((error: unknown) => this.logError(error, 'send'))
        .finally(() => {
          this.sends.delete(send);
          const left = (this.inFlight.get(webhookId) ?? 1) - 1;
          if (left > 0) this.inFlight.set(webhookId, left);
          else this.inFlight.delete(webhookId);
          this.inFlightTotal--;
          if (this.state === 'running' || this.state === 'idle') this.pump(webhookId);
          if (this.state === 'running' && this.moreDue) this.wake();
        });
      this.sends.add(send);
    }
    if (list && list.length === 0) this.waiting.delete(webhookId);
  }

  private async send(delivery: ClaimedDelivery, payload: string | undefined): Promise<void> {
    const { clock, transport } = this.o;
    const target = this.targets.get(delivery.webhookId)?.target ?? null;
    const unusable = target === null ? 'endpoint deleted' : target.unusable;
    if (unusable !== null || payload === undefined) {
      this.o.observe?.('skipped', 0);
      this.push({
        delivery,
        status: 'failed',
        lastStatusCode: null,
        lastError: unusable ?? `event ${delivery.eventId} is no longer in the outbox`,
      });
      return;
    }
    const live = target as DeliveryTarget;
    // waited so long behind the endpoint's share that the lease could run out mid-attempt: give it back
    if (clock.now() + this.o.timeoutMs > delivery.lockedUntil) {
      await this.o.store.release([delivery], clock.now());
      return;
    }
    const startedAt = clock.now();
    const timestampSeconds = Math.floor(startedAt / 1000);
    const headers = deliveryHeaders({
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      deliveryId: delivery.id,
      signature: signatureHeader(live.secrets, timestampSeconds, payload),
      timestampSeconds,
      standardSignature: standardSignatureHeader(live.secrets, delivery.eventId, timestampSeconds, payload),
      userAgent: this.o.userAgent,
      custom: live.headers,
    });
    const result = await transport.send({ url: live.url, body: payload, headers });
    const attemptNo = delivery.attempts + 1;
    const decision = decideAfterAttempt(attemptNo, result, this.o.policy, this.o.random, clock.now());
    this.o.observe?.(decision.outcome, result.latencyMs / 1000);
    const error = decision.outcome === 'succeeded' ? null : decision.error;
    this.push(
      {
        delivery,
        attempt: {
          startedAt,
          latencyMs: result.latencyMs,
          statusCode: result.statusCode,
          outcome: decision.outcome,
          error,
          excerpt: result.excerpt,
        },
        status: decision.outcome === 'succeeded' ? 'succeeded' : decision.outcome === 'retry' ? 'pending' : 'failed',
        ...(decision.outcome === 'retry' ? { nextAttemptAt: clock.now() + decision.delayMs } : {}),
        lastStatusCode: result.statusCode,
        lastError: error,
      },
      decision.outcome === 'succeeded',
    );
  }

  /** `endpointOk`: how the attempt speaks for the endpoint's health (absent: no request was made) */
  private push(result: DeliveryResult, endpointOk?: boolean): void {
    this.results.push(endpointOk === undefined ? { result } : { result, endpointOk });
    if (this.results.length >= this.o.flushMaxBatch) {
      void this.flush();
    } else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(), this.o.flushIntervalMs);
    }
  }

  /** Records everything finished so far; serial, so batches commit in order. */
  private flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    const batch = this.results;
    this.results = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      const now = this.o.clock.now();
      try {
        const recorded = await this.o.store.record(
          batch.map((b) => b.result),
          now,
        );
        // only attempts that were still this claim's speak for the endpoint's health
        const updates: HealthUpdate[] = [];
        for (const { result, endpointOk } of batch) {
          if (endpointOk !== undefined && recorded.has(result.delivery.id))
            updates.push({ webhookId: result.delivery.webhookId, ok: endpointOk });
        }
        const disabled = await this.o.health.apply(updates, now);
        for (const id of disabled) this.targets.delete(id);
      } catch (error) {
        // the leases stay: these deliveries are attempted again when they run out (at least once)
        this.logError(error, 'record');
      }
    });
    return this.flushing;
  }

  private logError(error: unknown, phase: string): void {
    this.o.logger.warn({ err: error, phase }, 'webhook delivery error');
  }
}

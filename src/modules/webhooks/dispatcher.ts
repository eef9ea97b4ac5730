/**
 * Fans outbox events out to webhook deliveries (SPEC §3.10). One transaction per chunk: take the oldest
 * undispatched events (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so two processes never fan out the same
 * event), create one delivery per subscribed endpoint of the event's merchant (the unique
 * (webhook_id, event_id) index makes a repeat a no-op), and mark the events dispatched. Events nobody
 * subscribes to are just marked. `webhook.test` events are created already dispatched by the API.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Engine } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Outbox } from '../outbox/outbox.js';

export const TEST_EVENT_TYPE = 'webhook.test';
export const DEFAULT_DISPATCH_CHUNK = 500;
const DELIVERY_INSERT_CHUNK = 200;

export interface DispatcherOptions {
  db: Kysely<DB>;
  engine: Engine;
  outbox: Outbox;
  clock: Clock;
  ids: IdGenerator;
  chunk?: number;
}

export interface DispatchResult {
  events: number;
  deliveries: number;
}

const MAX_CHUNKS_PER_RUN = 20;

interface Subscriber {
  id: string;
  events: Set<string>;
  all: boolean;
}

export class Dispatcher {
  /** events per transaction */
  readonly chunk: number;

  constructor(private readonly options: DispatcherOptions) {
    this.chunk = options.chunk ?? DEFAULT_DISPATCH_CHUNK;
  }

  /** Dispatches one chunk; `events < chunk` means the outbox is drained for now. */
  async dispatchOnce(): Promise<DispatchResult> {
    const { db, engine, outbox, clock, ids } = this.options;
    return db.transaction().execute(async (trx) => {
      const events = await this.takeUndispatched(trx, engine);
      if (events.length === 0) return { events: 0, deliveries: 0 };
      const subscribers = await loadSubscribers(trx, [...new Set(events.map((e) => e.merchant_id))]);
      const now = clock.now();
      const rows = [];
      for (const event of events) {
        for (const webhook of subscribers.get(event.merchant_id) ?? []) {
          if (!webhook.all && !webhook.events.has(event.type)) continue;
          rows.push({
            id: ids('whd'),
            webhook_id: webhook.id,
            merchant_id: event.merchant_id,
            event_id: event.id,
            event_type: event.type,
            kind: 'event',
            redelivery_of: null,
            status: 'pending',
            attempts: 0,
            // due since the event happened: first attempts are taken in event order (next_attempt_at, id),
            // so an endpoint sees one payment's events in the order they occurred
            next_attempt_at: Math.min(now, Number(event.created_at)),
            locked_by: null,
            locked_until: null,
            last_status_code: null,
            last_error: null,
            created_at: now,
            updated_at: now,
            completed_at: null,
          });
        }
      }
      let deliveries = 0;
      for (let start = 0; start < rows.length; start += DELIVERY_INSERT_CHUNK) {
        const result = await trx
          .insertInto('webhook_deliveries')
          .values(rows.slice(start, start + DELIVERY_INSERT_CHUNK))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        deliveries += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      await outbox.markDispatched(
        trx,
        events.map((e) => e.id),
      );
      return { events: events.length, deliveries };
    });
  }

  /** Dispatches chunks until the outbox is drained or `maxChunks` ran. */
  async drain(maxChunks = 100): Promise<DispatchResult> {
    const total = { events: 0, deliveries: 0 };
    for (let i = 0; i < maxChunks; i++) {
      const result = await this.dispatchOnce();
      total.events += result.events;
      total.deliveries += result.deliveries;
      if (result.events < this.chunk) break;
    }
    return total;
  }

  private async takeUndispatched(trx: Transaction<DB>, engine: Engine) {
    const query = trx
      .selectFrom('outbox')
      .select(['id', 'merchant_id', 'type', 'created_at'])
      .where('dispatched_at', 'is', null)
      .where('type', '!=', TEST_EVENT_TYPE)
      .orderBy('created_at')
      .orderBy('id')
      .limit(this.chunk);
    return engine === 'postgres' ? query.forUpdate().skipLocked().execute() : query.execute();
  }
}

/** Active, not deleted, not disabled endpoints per merchant, with their subscriptions. */
async function loadSubscribers(trx: Transaction<DB>, merchantIds: string[]): Promise<Map<string, Subscriber[]>> {
  const rows = await trx
    .selectFrom('webhooks')
    .select(['id', 'merchant_id', 'events'])
    .where('merchant_id', 'in', merchantIds)
    .where('active', '=', 1)
    .where('deleted_at', 'is', null)
    .where('disabled_at', 'is', null)
    .orderBy(sql`created_at`)
    .execute();
  const map = new Map<string, Subscriber[]>();
  for (const row of rows) {
    const events = parseEvents(row.events);
    const list = map.get(row.merchant_id) ?? [];
    list.push({ id: row.id, events: new Set(events), all: events.includes('*') });
    map.set(row.merchant_id, list);
  }
  return map;
}

function parseEvents(text: string): string[] {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string') : [];
  } catch {
    return [];
  }
}

export interface DispatchLoopOptions {
  /** delay between polls when the outbox was empty; default 200 ms */
  pollIntervalMs?: number;
  /**
   * least time between two runs even when woken, default 100 ms: under a stream of commits each run then
   * fans out many events in one transaction instead of taking the write lock once per commit (on SQLite
   * that contention stalled payment creation).
   */
  minGapMs?: number;
  /** after deliveries were created (wake the deliverer) */
  onDispatched?: (result: DispatchResult) => void;
  onError?: (error: unknown) => void;
}

/** Runs a Dispatcher in the background: polls, or at once after wake(); never overlaps itself. */
export class DispatchLoop {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private wakeRequested = false;
  private failures = 0;
  private lastRunEndedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly options: DispatchLoopOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Dispatch now (after a commit appended events). */
  wake(): void {
    if (!this.running) return;
    if (this.current) this.wakeRequested = true;
    else if (!this.timer) this.schedule(this.gapLeft());
  }

  private gapLeft(): number {
    return Math.max(0, this.lastRunEndedAt + (this.options.minGapMs ?? 100) - performance.now());
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.current = this.run().finally(() => {
        this.current = undefined;
        this.lastRunEndedAt = performance.now();
      });
    }, ms);
  }

  private async run(): Promise<void> {
    const poll = this.options.pollIntervalMs ?? 200;
    let delay = poll;
    this.wakeRequested = false;
    try {
      const result = await this.dispatcher.drain(MAX_CHUNKS_PER_RUN);
      if (result.deliveries > 0) this.options.onDispatched?.(result);
      this.failures = 0;
      // drain() stops early only when the outbox is empty; having run every chunk means more may be waiting
      if (result.events >= MAX_CHUNKS_PER_RUN * this.dispatcher.chunk) delay = 0;
    } catch (error) {
      this.failures++;
      delay = Math.min(5000, poll * 2 ** this.failures);
      this.options.onError?.(error);
    }
    if (this.running) this.schedule(this.wakeRequested ? Math.max(this.options.minGapMs ?? 100, 0) : delay);
  }
}

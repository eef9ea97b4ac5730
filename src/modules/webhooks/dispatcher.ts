/**
 * Fans outbox events out to webhook deliveries (SPEC §3.10). Per chunk: take the oldest undispatched
 * events (PostgreSQL: `FOR UPDATE SKIP LOCKED` in the chunk's transaction, so two processes never fan out
 * the same event), create one delivery per subscribed endpoint of the event's merchant (the unique
 * (webhook_id, event_id) index makes a repeat a no-op), and mark the events dispatched, atomically. Events nobody
 * subscribes to are just marked. `webhook.test` events are created already dispatched by the API.
 */
import { type Kysely, type QueryResult, sql, type Transaction } from 'kysely';
import { type AtomicWriter, transactionWriter } from '../../db/atomic-writes.js';
import type { Engine } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { TEST_EVENT_TYPE } from '../../shared/catalogues/webhook-events.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Outbox } from '../outbox/outbox.js';

export const DEFAULT_DISPATCH_CHUNK = 500;
const DELIVERY_INSERT_CHUNK = 200;

export interface DispatcherOptions {
  db: Kysely<DB>;
  engine: Engine;
  outbox: Outbox;
  clock: Clock;
  ids: IdGenerator;
  chunk?: number;
  /** how SQLite's batch of writes is committed (Database.writeAtomically); a plain transaction by default */
  writeAtomically?: AtomicWriter;
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

  private readonly writeAtomically: AtomicWriter;

  constructor(private readonly options: DispatcherOptions) {
    this.chunk = options.chunk ?? DEFAULT_DISPATCH_CHUNK;
    this.writeAtomically = options.writeAtomically ?? transactionWriter(options.db);
  }

  /** Dispatches one chunk; `events < chunk` means the outbox is drained for now. */
  dispatchOnce(): Promise<DispatchResult> {
    return this.options.engine === 'postgres' ? this.dispatchLocked() : this.dispatchThenWrite();
  }

  /** PostgreSQL: the chunk's rows stay locked from the read to the commit, so processes never overlap. */
  private dispatchLocked(): Promise<DispatchResult> {
    return this.options.db.transaction().execute(async (trx) => {
      const events = await this.takeUndispatched(trx, 'postgres');
      if (events.length === 0) return { events: 0, deliveries: 0 };
      const writes = this.writesFor(events, await loadSubscribers(trx, merchantsOf(events)));
      const results: QueryResult<unknown>[] = [];
      for (const query of [...writes.inserts, ...writes.marks]) results.push(await trx.executeQuery(query));
      return tally(results, writes.inserts.length);
    });
  }

  /**
   * SQLite: read first, then write the deliveries and the marks in one atomic batch, so the single write
   * lock is held only while they are written (payment creation waits for it). Two dispatchers reading the
   * same events write nothing twice: deliveries are unique per (webhook, event), and marking is idempotent.
   */
  private async dispatchThenWrite(): Promise<DispatchResult> {
    const events = await this.takeUndispatched(this.options.db, 'sqlite');
    if (events.length === 0) return { events: 0, deliveries: 0 };
    const writes = this.writesFor(events, await loadSubscribers(this.options.db, merchantsOf(events)));
    return tally(await this.writeAtomically([...writes.inserts, ...writes.marks]), writes.inserts.length);
  }

  /** The chunk's deliveries (a repeat is skipped) and the marks of its events as dispatched. */
  private writesFor(events: UndispatchedEvent[], subscribers: Map<string, Subscriber[]>) {
    const { db, outbox, clock, ids } = this.options;
    const rows = fanOut(events, subscribers, clock.now(), ids);
    const inserts = chunks(rows, DELIVERY_INSERT_CHUNK).map((chunk) =>
      db
        .insertInto('webhook_deliveries')
        .values(chunk)
        .onConflict((oc) => oc.doNothing())
        .compile(),
    );
    const marks = outbox.compileMarkDispatched(
      db,
      events.map((e) => e.id),
    );
    return { inserts, marks };
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

  private async takeUndispatched(executor: Kysely<DB> | Transaction<DB>, engine: Engine) {
    const query = executor
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

type UndispatchedEvent = { id: string; merchant_id: string; type: string; created_at: bigint | number };

/** Deliveries inserted, and events this dispatcher marked (another one counts those it marked first). */
function tally(results: QueryResult<unknown>[], insertCount: number): DispatchResult {
  const affected = (part: QueryResult<unknown>[]) => part.reduce((n, r) => n + Number(r.numAffectedRows ?? 0n), 0);
  return { events: affected(results.slice(insertCount)), deliveries: affected(results.slice(0, insertCount)) };
}

const merchantsOf = (events: UndispatchedEvent[]) => [...new Set(events.map((e) => e.merchant_id))];

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** One pending delivery per event and subscribed endpoint of its merchant. */
function fanOut(events: UndispatchedEvent[], subscribers: Map<string, Subscriber[]>, now: number, ids: IdGenerator) {
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
  return rows;
}

/** Active, not deleted, not disabled endpoints per merchant, with their subscriptions. */
async function loadSubscribers(executor: Kysely<DB> | Transaction<DB>, merchantIds: string[]): Promise<Map<string, Subscriber[]>> {
  const rows = await executor
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

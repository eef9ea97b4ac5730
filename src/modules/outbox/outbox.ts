/**
 * The transactional outbox (SPEC §3.10): events are written in the same transaction as the change that
 * causes them, already in the exact envelope a webhook receiver gets, so delivery never has to rebuild
 * (or re-read) the object as it was at that moment. A dispatcher reads undispatched rows in order, fans
 * them out to deliveries and marks them dispatched.
 */

import type { CompiledQuery, Kysely, Selectable, Transaction } from 'kysely';
import { type InsertTarget, insertRows } from '../../db/bulk-insert.js';
import { afterKeyset } from '../../db/keyset.js';
import type { DB, OutboxTable } from '../../db/schema.js';
import type { OutboxEventType } from '../../shared/catalogues/webhook-events.js';
import { type Clock, toIso } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';

/** `webhook`: the `webhook.test` event a merchant fires at one endpoint. */
export type OutboxAggregateType = 'payment' | 'batch' | 'settlement' | 'refund' | 'webhook' | 'wallet';
export const OUTBOX_AGGREGATE_TYPES: readonly OutboxAggregateType[] = ['payment', 'batch', 'settlement', 'refund', 'webhook', 'wallet'];

/** Where a write runs: the caller's transaction, or the database itself. */
export type OutboxExecutor = Kysely<DB> | Transaction<DB>;

/** Rows per INSERT: 8 parameters each, far below SQLite's 32,766 and PostgreSQL's 65,535 limits. */
export const OUTBOX_CHUNK_SIZE = 64;
/** ids per `UPDATE … WHERE id IN (…)` when marking events dispatched: one parameter each */
const MARK_CHUNK_SIZE = 500;

/** `<noun>.<verb>` in lower snake case: `payment.created`, `settlement.completed`. */
const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

export interface OutboxEvent {
  merchantId: string;
  /** a webhook event of the catalogue, e.g. `payment.created`, or `webhook.test` */
  type: OutboxEventType;
  aggregateType: OutboxAggregateType;
  aggregateId: string;
  /** the API representation of the object, JSON-serialisable (bigints as strings) */
  object: unknown;
}

/** The body a webhook receiver gets (SPEC §3.10), keys in this order. */
export interface EventEnvelope {
  id: string;
  type: string;
  created_at: string;
  api_version: string;
  data: { object: unknown };
}

export interface EnvelopeInput {
  id: string;
  type: string;
  /** epoch ms */
  createdAt: number;
  apiVersion: string;
  object: unknown;
}

export interface OutboxRecord {
  /** the event id (`evt_…`), also the envelope's `id` */
  id: string;
  merchantId: string;
  type: string;
  aggregateType: OutboxAggregateType;
  aggregateId: string;
  /** the envelope as JSON text, byte for byte what is signed and sent */
  payload: string;
  createdAt: number;
  dispatchedAt: number | null;
}

export interface ListUndispatchedOptions {
  limit: number;
  /**
   * Keyset cursor: only events after this created_at. With `afterId` the cursor is the pair
   * (created_at, id), so events sharing a millisecond are not skipped; without it, strictly later ones.
   */
  afterCreatedAt?: number;
  afterId?: string;
}

export interface OutboxOptions {
  clock: Clock;
  ids: IdGenerator;
  /** the `api_version` stamped on every envelope */
  apiVersion: string;
}

/** Builds the webhook envelope text. Pure; bigints anywhere in `object` are refused with their key. */
export function buildEventEnvelope(input: EnvelopeInput): string {
  const envelope: EventEnvelope = {
    id: input.id,
    type: input.type,
    created_at: toIso(input.createdAt),
    api_version: input.apiVersion,
    data: { object: input.object ?? null },
  };
  try {
    // Without a replacer: JSON.stringify is much faster, and throws on a bigint by itself.
    return JSON.stringify(envelope);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // Find the key for a clearer message.
    JSON.stringify(envelope, (key: string, value: unknown) => {
      if (typeof value === 'bigint') {
        throw new TypeError(`event ${input.type}: object has a bigint at "${key}"; the API representation carries amounts as strings`);
      }
      return value;
    });
    throw error;
  }
}

export class Outbox {
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly apiVersion: string;

  constructor(options: OutboxOptions) {
    this.clock = options.clock;
    this.ids = options.ids;
    this.apiVersion = options.apiVersion;
  }

  /**
   * Appends events through `executor` — the transaction that makes the change — and returns their ids
   * in the order given. Events of one call share a timestamp; their ids keep them apart.
   */
  async append(executor: InsertTarget, events: readonly OutboxEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    const now = this.clock.now();
    const rows = events.map((event, index) => {
      validateEvent(event, index);
      const id = this.ids('evt');
      return {
        id,
        merchant_id: event.merchantId,
        type: event.type,
        aggregate_type: event.aggregateType,
        aggregate_id: event.aggregateId,
        payload: buildEventEnvelope({ id, type: event.type, createdAt: now, apiVersion: this.apiVersion, object: event.object }),
        created_at: now,
        dispatched_at: null,
      };
    });
    await insertRows(executor, 'outbox', rows, { chunk: OUTBOX_CHUNK_SIZE });
    return rows.map((row) => row.id);
  }

  /** The oldest undispatched events first (created_at, then id). */
  async listUndispatched(db: OutboxExecutor, options: ListUndispatchedOptions): Promise<OutboxRecord[]> {
    const limit = Math.floor(options.limit);
    if (!(limit > 0)) return [];
    let query = db.selectFrom('outbox').selectAll().where('dispatched_at', 'is', null);
    if (options.afterCreatedAt !== undefined) {
      const after = BigInt(options.afterCreatedAt);
      const afterId = options.afterId;
      query =
        afterId === undefined ? query.where('created_at', '>', after) : query.where(afterKeyset('asc', { createdAt: after, id: afterId }));
    }
    const rows = await query.orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map(toOutboxRecord);
  }

  /**
   * Marks events dispatched (in the caller's transaction, together with the deliveries created from
   * them). Returns how many were still undispatched: fewer than `ids.length` means another dispatcher
   * got there first.
   */
  async markDispatched(executor: OutboxExecutor, ids: readonly string[]): Promise<number> {
    let updated = 0;
    for (const query of this.markDispatchedQueries(executor, ids)) updated += Number((await query.executeTakeFirst()).numUpdatedRows);
    return updated;
  }

  /** markDispatched as statements for atomic-writes.ts, to run with other writes. */
  compileMarkDispatched(executor: OutboxExecutor, ids: readonly string[]): CompiledQuery[] {
    return this.markDispatchedQueries(executor, ids).map((query) => query.compile());
  }

  private markDispatchedQueries(executor: OutboxExecutor, ids: readonly string[]) {
    const now = this.clock.now();
    const queries = [];
    for (let start = 0; start < ids.length; start += MARK_CHUNK_SIZE) {
      queries.push(
        executor
          .updateTable('outbox')
          .set({ dispatched_at: now })
          .where('id', 'in', ids.slice(start, start + MARK_CHUNK_SIZE))
          .where('dispatched_at', 'is', null),
      );
    }
    return queries;
  }

  async countUndispatched(db: OutboxExecutor): Promise<number> {
    const row = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('dispatched_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** now − created_at of the oldest undispatched event; 0 when there is none (webhook backlog gauge). */
  async oldestUndispatchedAgeMs(db: OutboxExecutor): Promise<number> {
    const now = this.clock.now();
    const row = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('created_at').as('oldest'))
      .where('dispatched_at', 'is', null)
      .executeTakeFirst();
    const oldest = row?.oldest;
    return oldest === null || oldest === undefined ? 0 : Math.max(0, now - Number(oldest));
  }
}

function toOutboxRecord(row: Selectable<OutboxTable>): OutboxRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    type: row.type,
    aggregateType: row.aggregate_type as OutboxAggregateType,
    aggregateId: row.aggregate_id,
    payload: row.payload,
    createdAt: Number(row.created_at),
    dispatchedAt: row.dispatched_at === null ? null : Number(row.dispatched_at),
  };
}

function validateEvent(event: OutboxEvent, index: number): void {
  const where = `event ${index} (${String(event.type)})`;
  if (typeof event.type !== 'string' || !EVENT_TYPE_PATTERN.test(event.type)) {
    throw new TypeError(`${where}: type must look like "payment.created"`);
  }
  if (!OUTBOX_AGGREGATE_TYPES.includes(event.aggregateType)) {
    throw new TypeError(`${where}: aggregateType must be one of ${OUTBOX_AGGREGATE_TYPES.join(', ')}`);
  }
  if (!event.merchantId) throw new TypeError(`${where}: merchantId is required`);
  if (!event.aggregateId) throw new TypeError(`${where}: aggregateId is required`);
}

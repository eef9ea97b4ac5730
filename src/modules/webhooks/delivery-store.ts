/**
 * Storage of webhook deliveries and their attempts: claiming due deliveries with a lease, loading what a
 * send needs, and recording many outcomes in one transaction (group commit).
 *
 * Claiming is one statement on both engines: the oldest due candidates (PostgreSQL: `FOR UPDATE SKIP
 * LOCKED`, so processes never share a delivery), at most `perEndpoint` per endpoint so one endpoint's
 * backlog cannot take every slot, stamped with a lease token unique to the claim. Every result write is
 * fenced on that token and on status `pending`: a delivery whose lease was taken over, or that was ended
 * by someone else (endpoint disabled), is never overwritten, and a finished delivery is never sent again.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { insertRows } from '../../db/bulk-insert.js';
import type { Engine } from '../../db/database.js';
import type { DB, WebhooksTable } from '../../db/schema.js';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';
export type AttemptOutcome = 'succeeded' | 'retry' | 'failed';

export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  merchantId: string;
  eventId: string;
  eventType: string;
  kind: string;
  /** attempts recorded before this claim */
  attempts: number;
  /** the lease token (`locked_by`) of this claim */
  token: string;
  lockedUntil: number;
}

export interface ClaimOptions {
  limit: number;
  /** at most this many deliveries of one endpoint in this claim */
  perEndpoint: number;
  token: string;
  leaseMs: number;
  now: number;
  /** endpoints that already have enough in flight here */
  excludeWebhooks?: readonly string[];
}

/** The endpoint as a send needs it. */
export interface DeliveryTarget {
  id: string;
  url: string;
  headers: Record<string, string>;
  /** current secret first, then the previous one while its grace lasts */
  secrets: string[];
  /** why no request may be made, or null */
  unusable: string | null;
}

export interface AttemptRecord {
  startedAt: number;
  latencyMs: number;
  statusCode: number | null;
  outcome: AttemptOutcome;
  error: string | null;
  excerpt: string | null;
}

export interface DeliveryResult {
  delivery: Pick<ClaimedDelivery, 'id' | 'token' | 'attempts' | 'webhookId'>;
  /** absent when no request was made (endpoint gone or disabled) */
  attempt?: AttemptRecord;
  status: DeliveryStatus;
  /** for status pending: when to try again */
  nextAttemptAt?: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

export interface DeliveryStats {
  pending: number;
  oldestPendingAgeMs: number;
}

/** Longest error text kept per attempt and delivery. */
export const MAX_ERROR_LENGTH = 1000;
const CANDIDATE_FACTOR = 4;

export class DeliveryStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly engine: Engine,
  ) {}

  /** Leases up to `limit` due deliveries (see the file comment). */
  async claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]> {
    const limit = Math.floor(options.limit);
    if (!(limit > 0)) return [];
    const now = BigInt(options.now);
    const lockedUntil = options.now + options.leaseMs;
    const exclude = options.excludeWebhooks ?? [];
    const excludeClause = exclude.length ? sql`and webhook_id not in (${sql.join(exclude)})` : sql``;
    const lockClause = this.engine === 'postgres' ? sql`for update skip locked` : sql``;
    const result = await sql<{
      id: string;
      webhook_id: string;
      merchant_id: string;
      event_id: string;
      event_type: string;
      kind: string;
      attempts: bigint;
    }>`
      with candidates as (
        select id, webhook_id, next_attempt_at from webhook_deliveries
        where status = 'pending' and next_attempt_at <= ${now}
          and (locked_until is null or locked_until < ${now}) ${excludeClause}
        order by next_attempt_at, id
        limit ${limit * CANDIDATE_FACTOR}
        ${lockClause}
      ),
      ranked as (
        select id, next_attempt_at, row_number() over (partition by webhook_id order by next_attempt_at, id) as rn
        from candidates
      )
      update webhook_deliveries
      set locked_by = ${options.token}, locked_until = ${BigInt(lockedUntil)}, updated_at = ${now}
      where id in (select id from ranked where rn <= ${options.perEndpoint} order by next_attempt_at, id limit ${limit})
      returning id, webhook_id, merchant_id, event_id, event_type, kind, attempts`.execute(this.db);
    return result.rows.map((row) => ({
      id: row.id,
      webhookId: row.webhook_id,
      merchantId: row.merchant_id,
      eventId: row.event_id,
      eventType: row.event_type,
      kind: row.kind,
      attempts: Number(row.attempts),
      token: options.token,
      lockedUntil,
    }));
  }

  /** The envelope text of each event id, byte for byte as stored. */
  async payloads(eventIds: readonly string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    if (eventIds.length === 0) return map;
    const rows = await this.db
      .selectFrom('outbox')
      .select(['id', 'payload'])
      .where('id', 'in', [...eventIds])
      .execute();
    for (const row of rows) map.set(row.id, row.payload);
    return map;
  }

  /** The endpoints by id, as a send needs them at `now`. */
  async targets(webhookIds: readonly string[], now: number): Promise<Map<string, DeliveryTarget>> {
    const map = new Map<string, DeliveryTarget>();
    if (webhookIds.length === 0) return map;
    const rows = await this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('id', 'in', [...webhookIds])
      .execute();
    for (const row of rows) map.set(row.id, toTarget(row, now));
    return map;
  }

  /**
   * Records outcomes in one transaction. Each write is fenced on the claim's token and status pending;
   * attempts are only logged for deliveries that were still this claim's. Returns the ids recorded.
   */
  async record(results: readonly DeliveryResult[], now: number): Promise<Set<string>> {
    if (results.length === 0) return new Set();
    return this.db.transaction().execute(async (trx) => {
      const recorded = new Set<string>();
      // successes with the same token and status share one statement (the hot path at high rates)
      const groups = new Map<string, DeliveryResult[]>();
      for (const result of results) {
        if (result.status === 'succeeded') {
          const key = `${result.delivery.token}|${result.lastStatusCode}`;
          const group = groups.get(key);
          if (group) group.push(result);
          else groups.set(key, [result]);
          continue;
        }
        const row = await trx
          .updateTable('webhook_deliveries')
          .set((eb) => ({
            status: result.status,
            attempts: result.attempt ? eb('attempts', '+', 1n) : eb.ref('attempts'),
            next_attempt_at: BigInt(result.nextAttemptAt ?? now),
            last_status_code: result.lastStatusCode,
            last_error: clip(result.lastError),
            locked_by: null,
            locked_until: null,
            updated_at: now,
            completed_at: result.status === 'pending' ? null : now,
          }))
          .where('id', '=', result.delivery.id)
          .where('locked_by', '=', result.delivery.token)
          .where('status', '=', 'pending')
          .returning('id')
          .executeTakeFirst();
        if (row) recorded.add(row.id);
      }
      for (const group of groups.values()) {
        const first = group[0] as DeliveryResult;
        const rows = await trx
          .updateTable('webhook_deliveries')
          .set((eb) => ({
            status: 'succeeded',
            attempts: eb('attempts', '+', 1n),
            last_status_code: first.lastStatusCode,
            last_error: null,
            locked_by: null,
            locked_until: null,
            updated_at: now,
            completed_at: now,
          }))
          .where(
            'id',
            'in',
            group.map((r) => r.delivery.id),
          )
          .where('locked_by', '=', first.delivery.token)
          .where('status', '=', 'pending')
          .returning('id')
          .execute();
        for (const row of rows) recorded.add(row.id);
      }
      const attempts = results
        .filter((r) => r.attempt && recorded.has(r.delivery.id))
        .map((r) => {
          const attempt = r.attempt as AttemptRecord;
          return {
            delivery_id: r.delivery.id,
            attempt: r.delivery.attempts + 1,
            webhook_id: r.delivery.webhookId,
            started_at: attempt.startedAt,
            latency_ms: Math.max(0, Math.round(attempt.latencyMs)),
            status_code: attempt.statusCode,
            outcome: attempt.outcome,
            error: clip(attempt.error),
            response_excerpt: attempt.excerpt,
          };
        });
      await insertRows(trx, 'webhook_attempts', attempts, { chunk: 100 });
      return recorded;
    });
  }

  /** Gives leases back without recording anything (shutdown before sending). */
  async release(deliveries: readonly Pick<ClaimedDelivery, 'id' | 'token'>[], now: number): Promise<void> {
    const byToken = new Map<string, string[]>();
    for (const d of deliveries) byToken.set(d.token, [...(byToken.get(d.token) ?? []), d.id]);
    for (const [token, ids] of byToken) {
      await this.db
        .updateTable('webhook_deliveries')
        .set({ locked_by: null, locked_until: null, updated_at: now })
        .where('id', 'in', ids)
        .where('locked_by', '=', token)
        .where('status', '=', 'pending')
        .execute();
    }
  }

  /** Pending deliveries and how long the oldest has existed (backlog gauges). */
  async stats(now: number): Promise<DeliveryStats> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select((eb) => [eb.fn.countAll().as('pending'), eb.fn.min('created_at').as('oldest')])
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const oldest = row?.oldest;
    return {
      pending: Number(row?.pending ?? 0),
      oldestPendingAgeMs: oldest === null || oldest === undefined ? 0 : Math.max(0, now - Number(oldest)),
    };
  }
}

function toTarget(row: Selectable<WebhooksTable>, now: number): DeliveryTarget {
  const secrets = [row.secret];
  const graceUntil = row.previous_secret_expires_at === null ? null : Number(row.previous_secret_expires_at);
  if (row.previous_secret && graceUntil !== null && graceUntil > now) secrets.push(row.previous_secret);
  let unusable: string | null = null;
  if (row.deleted_at !== null) unusable = 'endpoint deleted';
  else if (row.disabled_at !== null) unusable = `endpoint disabled${row.disabled_reason ? `: ${row.disabled_reason}` : ''}`;
  else if (Number(row.active) !== 1) unusable = 'endpoint inactive';
  return { id: row.id, url: row.url, headers: parseHeaders(row.headers), secrets, unusable };
}

function parseHeaders(text: string): Record<string, string> {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') headers[name] = value;
    return headers;
  } catch {
    return {};
  }
}

function clip(text: string | null): string | null {
  if (text === null) return null;
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/**
 * Storage of webhook endpoints, the deliveries the API creates and reads (redeliveries, test sends) and
 * the merchant's outbox events as the webhook API shows them. Every read is scoped to a merchant.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { afterKeyset } from '../../db/keyset.js';
import type { DB, WebhookAttemptsTable, WebhookDeliveriesTable, WebhooksTable } from '../../db/schema.js';
import type { IdempotencyClaim } from '../../http/ports.js';
import { claimKey, isIdempotencyKeyConflict, storeAnswer } from '../idempotency/claimed-answer.js';
import type { Attempt, Delivery, DeliveryKind, DeliveryStatus, EventSummary, Webhook } from './webhook.js';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

const num = (v: bigint | number): number => Number(v);
const numOrNull = (v: bigint | number | null): number | null => (v === null ? null : Number(v));

function rowToWebhook(row: Selectable<WebhooksTable>): Webhook {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    headers: JSON.parse(row.headers) as Record<string, string>,
    description: row.description,
    active: num(row.active) === 1,
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretExpiresAt: numOrNull(row.previous_secret_expires_at),
    failingSince: numOrNull(row.failing_since),
    lastSuccessAt: numOrNull(row.last_success_at),
    lastFailureAt: numOrNull(row.last_failure_at),
    disabledAt: numOrNull(row.disabled_at),
    disabledReason: row.disabled_reason,
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    deletedAt: numOrNull(row.deleted_at),
  };
}

function webhookToRow(w: Webhook): Selectable<WebhooksTable> {
  return {
    id: w.id,
    merchant_id: w.merchantId,
    url: w.url,
    events: JSON.stringify(w.events),
    headers: JSON.stringify(w.headers),
    description: w.description,
    active: w.active ? 1 : 0,
    secret: w.secret,
    previous_secret: w.previousSecret,
    previous_secret_expires_at: w.previousSecretExpiresAt,
    failing_since: w.failingSince,
    last_success_at: w.lastSuccessAt,
    last_failure_at: w.lastFailureAt,
    disabled_at: w.disabledAt,
    disabled_reason: w.disabledReason,
    created_at: w.createdAt,
    updated_at: w.updatedAt,
    deleted_at: w.deletedAt,
  };
}

function rowToDelivery(row: Selectable<WebhookDeliveriesTable>): Delivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    merchantId: row.merchant_id,
    eventId: row.event_id,
    eventType: row.event_type,
    kind: row.kind as DeliveryKind,
    redeliveryOf: row.redelivery_of,
    status: row.status as DeliveryStatus,
    attempts: num(row.attempts),
    nextAttemptAt: num(row.next_attempt_at),
    lastStatusCode: numOrNull(row.last_status_code),
    lastError: row.last_error,
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    completedAt: numOrNull(row.completed_at),
  };
}

function rowToAttempt(row: Selectable<WebhookAttemptsTable>): Attempt {
  return {
    attempt: num(row.attempt),
    startedAt: num(row.started_at),
    latencyMs: num(row.latency_ms),
    statusCode: numOrNull(row.status_code),
    outcome: row.outcome,
    error: row.error,
    responseExcerpt: row.response_excerpt,
  };
}

export class WebhooksRepository {
  async insert(executor: Executor, webhook: Webhook): Promise<void> {
    await executor.insertInto('webhooks').values(webhookToRow(webhook)).execute();
  }

  /** Not deleted, of this merchant. */
  async find(executor: Executor, merchantId: string, id: string): Promise<Webhook | null> {
    const row = await executor
      .selectFrom('webhooks')
      .selectAll()
      .where('id', '=', id)
      .where('merchant_id', '=', merchantId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? rowToWebhook(row) : null;
  }

  /** Like find, inside a transaction, after a no-op write that takes the row's lock (both engines). */
  async findForUpdate(trx: Executor, merchantId: string, id: string): Promise<Webhook | null> {
    await trx
      .updateTable('webhooks')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', id)
      .where('merchant_id', '=', merchantId)
      .execute();
    return this.find(trx, merchantId, id);
  }

  /** Oldest first: a merchant has few endpoints (webhooks.max_webhooks), so no pagination. */
  async list(executor: Executor, merchantId: string): Promise<Webhook[]> {
    const rows = await executor
      .selectFrom('webhooks')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(rowToWebhook);
  }

  async countLive(executor: Executor, merchantId: string): Promise<number> {
    const row = await executor
      .selectFrom('webhooks')
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .where('merchant_id', '=', merchantId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Serialises registrations of one merchant (the max_webhooks count): a no-op write on the merchant row
   * takes its lock on PostgreSQL; SQLite has one writer anyway.
   */
  async lockMerchant(trx: Executor, merchantId: string): Promise<void> {
    await trx
      .updateTable('merchants')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', merchantId)
      .execute();
  }

  async update(executor: Executor, webhook: Webhook): Promise<void> {
    const { id, merchant_id: _merchant, created_at: _created, ...changes } = webhookToRow(webhook);
    await executor.updateTable('webhooks').set(changes).where('id', '=', id).execute();
  }

  async insertDelivery(executor: Executor, delivery: Delivery): Promise<void> {
    await executor
      .insertInto('webhook_deliveries')
      .values({
        id: delivery.id,
        webhook_id: delivery.webhookId,
        merchant_id: delivery.merchantId,
        event_id: delivery.eventId,
        event_type: delivery.eventType,
        kind: delivery.kind,
        redelivery_of: delivery.redeliveryOf,
        status: delivery.status,
        attempts: delivery.attempts,
        next_attempt_at: delivery.nextAttemptAt,
        locked_by: null,
        locked_until: null,
        last_status_code: delivery.lastStatusCode,
        last_error: delivery.lastError,
        created_at: delivery.createdAt,
        updated_at: delivery.updatedAt,
        completed_at: delivery.completedAt,
      })
      .execute();
  }

  /** A deleted endpoint gets nothing more: its waiting deliveries end as failed. Returns how many. */
  async failPendingDeliveries(executor: Executor, webhookId: string, reason: string, at: number): Promise<number> {
    const result = await executor
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', last_error: reason, completed_at: at, updated_at: at, locked_by: null, locked_until: null })
      .where('webhook_id', '=', webhookId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async findDelivery(executor: Executor, merchantId: string, id: string): Promise<Delivery | null> {
    const row = await executor
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', id)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    return row ? rowToDelivery(row) : null;
  }

  async attempts(executor: Executor, deliveryId: string): Promise<Attempt[]> {
    const rows = await executor
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('delivery_id', '=', deliveryId)
      .orderBy('attempt')
      .execute();
    return rows.map(rowToAttempt);
  }

  /** Newest first; `after` is the last delivery of the previous page. */
  async listDeliveries(
    executor: Executor,
    filter: { merchantId: string; webhookId?: string; eventId?: string; status?: DeliveryStatus },
    limit: number,
    after?: Delivery,
  ): Promise<Page<Delivery>> {
    let query = executor.selectFrom('webhook_deliveries').selectAll().where('merchant_id', '=', filter.merchantId);
    if (filter.webhookId !== undefined) query = query.where('webhook_id', '=', filter.webhookId);
    if (filter.eventId !== undefined) query = query.where('event_id', '=', filter.eventId);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (after) {
      query = query.where(afterKeyset('desc', after));
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return { items: rows.slice(0, limit).map(rowToDelivery), hasMore: rows.length > limit };
  }

  async findEvent(
    executor: Executor,
    merchantId: string,
    eventId: string,
  ): Promise<{ id: string; type: string; createdAt: number } | null> {
    const row = await executor
      .selectFrom('outbox')
      .select(['id', 'type', 'created_at'])
      .where('id', '=', eventId)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    return row ? { id: row.id, type: row.type, createdAt: Number(row.created_at) } : null;
  }

  /** The bytes a delivery of the event posts (the outbox payload), or null when the event is gone. */
  async eventPayload(executor: Executor, merchantId: string, eventId: string): Promise<string | null> {
    const row = await executor
      .selectFrom('outbox')
      .select('payload')
      .where('id', '=', eventId)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    return row?.payload ?? null;
  }

  /**
   * The merchant's events not yet delivered: not handed to deliveries yet, or with a delivery still
   * waiting. Oldest first; `after` is the last event of the previous page.
   */
  async listPendingEvents(
    executor: Executor,
    merchantId: string,
    limit: number,
    after?: { id: string; createdAt: number },
  ): Promise<Page<EventSummary>> {
    let query = executor
      .selectFrom('outbox')
      .select((eb) => [
        'outbox.id',
        'outbox.type',
        'outbox.aggregate_type',
        'outbox.aggregate_id',
        'outbox.created_at',
        'outbox.dispatched_at',
        eb
          .selectFrom('webhook_deliveries as d')
          .select((sub) => sub.fn.countAll<bigint>().as('n'))
          .whereRef('d.event_id', '=', 'outbox.id')
          .where('d.status', '=', 'pending')
          .as('pending_deliveries'),
      ])
      .where('outbox.merchant_id', '=', merchantId)
      .where((eb) =>
        eb.or([
          eb('outbox.dispatched_at', 'is', null),
          eb.exists(
            eb
              .selectFrom('webhook_deliveries as p')
              .select('p.id')
              .whereRef('p.event_id', '=', 'outbox.id')
              .where('p.status', '=', 'pending'),
          ),
        ]),
      );
    if (after) {
      const cursor = after;
      query = query.where((eb) =>
        eb.or([
          eb('outbox.created_at', '>', cursor.createdAt),
          eb.and([eb('outbox.created_at', '=', cursor.createdAt), eb('outbox.id', '>', cursor.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('outbox.created_at')
      .orderBy('outbox.id')
      .limit(limit + 1)
      .execute();
    return {
      items: rows.slice(0, limit).map((row) => ({
        id: row.id,
        type: row.type,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        createdAt: Number(row.created_at),
        dispatchedAt: numOrNull(row.dispatched_at),
        pendingDeliveries: Number(row.pending_deliveries ?? 0),
      })),
      hasMore: rows.length > limit,
    };
  }

  /** The answer of an Idempotency-Key request, stored with the change it made (one commit, like creates). */
  async saveIdempotency(executor: Executor, claim: IdempotencyClaim, statusCode: number, body: string, at: number): Promise<void> {
    await claimKey(executor, claim, at);
    await storeAnswer(executor, claim, { statusCode, body });
  }
}

/** A duplicate Idempotency-Key row: another request with the same key committed first. */
export { isIdempotencyKeyConflict };

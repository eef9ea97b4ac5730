/**
 * Webhook endpoint use cases: register, list, read, update, delete, rotate the secret, fire a test event,
 * redeliver, and read deliveries and undelivered events. Every change commits together with its audit
 * record (and, with an Idempotency-Key, the stored answer). Expected refusals are AppError values.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { IdempotencyClaim } from '../../http/ports.js';
import { expandEvents, TEST_EVENT_TYPE } from '../../shared/catalogues/webhook-events.js';
import type { Clock } from '../../shared/clock.js';
import { AppError, type FieldError, notFound, validationError } from '../../shared/errors.js';
import { type IdGenerator, isId } from '../../shared/ids.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { AuditEntry, AuditRecorder } from '../audit/audit-trail.js';
import { inFlight } from '../idempotency/claimed-answer.js';
import type { OutboxEvent, OutboxExecutor } from '../outbox/outbox.js';
import { deliveryHeaders, SIGNED_AT_EACH_ATTEMPT } from './http-sender.js';
import { checkWebhookTarget, type TargetPolicy } from './target-policy.js';
import {
  type Attempt,
  type Delivery,
  type DeliveryStatus,
  type EventSummary,
  keepMaskedHeaders,
  maskHeaders,
  newDelivery,
  normaliseEvents,
  SECRET_PREFIX,
  toDeliveryView,
  toWebhookView,
  validateHeaders,
  type Webhook,
  webhookStatus,
} from './webhook.js';
import { type Executor, isIdempotencyKeyConflict, type Page, type WebhooksRepository } from './webhooks.repository.js';

export const TEST_EVENT_MESSAGE =
  'A test event from the TRON Payment Gateway; it confirms that this endpoint receives and verifies webhooks.';
export const DEFAULT_ROTATION_GRACE_SECONDS = 86_400;
export const MAX_ROTATION_GRACE_SECONDS = 604_800;

/** Who asks: the merchant, the API key acting for it, and the request (for the audit record). */
export interface WebhookCaller {
  merchantId: string;
  actor: string;
  requestId: string | null;
}

export interface RegisterWebhookInput {
  url: string;
  events: string[];
  headers?: Record<string, string>;
  active?: boolean;
  description?: string | null;
}

export type UpdateWebhookInput = Partial<RegisterWebhookInput>;

/** A POST's answer, rendered inside the transaction so an Idempotency-Key replays the same bytes. */
export interface Rendered {
  statusCode: number;
  body: string;
}

export interface WebhooksPolicy extends TargetPolicy {
  maxWebhooks: number;
  /** the events endpoints may subscribe to, as configured (webhooks.events): names, or ["*"] for every one */
  events: readonly string[];
}

/** The outbox as this module uses it: append the test event and mark it dispatched (no fan-out). */
export interface TestEventOutbox {
  append(executor: OutboxExecutor, events: readonly OutboxEvent[]): Promise<string[]>;
  markDispatched(executor: OutboxExecutor, ids: readonly string[]): Promise<number>;
}

export interface WebhooksServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: IdGenerator;
  repository: WebhooksRepository;
  outbox: TestEventOutbox;
  audit: AuditRecorder;
  policy: WebhooksPolicy;
  /** the deliveries' User-Agent (webhookUserAgent), shown in a delivery's request */
  userAgent: string;
  /** new signing secrets; generateWebhookSecret by default */
  newSecret?: () => string;
}

/** The delivery engine fails deliveries to a disabled or inactive endpoint at once; say so now instead. */
function refuseUnlessActive(webhook: Webhook): AppError | null {
  const status = webhookStatus(webhook);
  if (status === 'active') return null;
  return new AppError('conflict', `webhook ${webhook.id} is ${status}; PATCH it with "active": true before sending to it`);
}

/** `whsec_` + standard base64 (padded) of 32 random bytes: the form Standard Webhooks libraries decode. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** A delivery's HTTP request as the API shows it (WebhooksService.getDelivery). */
export interface DeliveryRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

export class WebhooksService {
  private readonly newSecret: () => string;

  constructor(private readonly deps: WebhooksServiceDeps) {
    this.newSecret = deps.newSecret ?? generateWebhookSecret;
  }

  async register(
    caller: WebhookCaller,
    input: RegisterWebhookInput,
    claim?: IdempotencyClaim,
  ): Promise<Result<{ webhook: Webhook; rendered: Rendered }, AppError>> {
    const checked = this.checkFields(input);
    if (!checked.ok) return checked;
    // nothing is stored yet, so the mask is refused
    const headers = keepMaskedHeaders(checked.value.headers ?? {}, {});
    if (!headers.ok) return err(validationError(headers.error));
    const { policy } = this.deps;
    return this.write(claim, async (trx, now) => {
      await this.deps.repository.lockMerchant(trx, caller.merchantId);
      const live = await this.deps.repository.countLive(trx, caller.merchantId);
      if (live >= policy.maxWebhooks) {
        return err(
          new AppError(
            'limit_exceeded',
            `a merchant may have at most ${policy.maxWebhooks} webhooks (webhooks.max_webhooks); delete one first`,
            [{ path: 'url', message: `the limit of ${policy.maxWebhooks} webhooks (webhooks.max_webhooks) is reached` }],
          ),
        );
      }
      const webhook: Webhook = {
        id: this.deps.ids('webhook'),
        merchantId: caller.merchantId,
        url: checked.value.url as string,
        events: checked.value.events as string[],
        headers: headers.value,
        description: input.description ?? null,
        active: input.active ?? true,
        secret: this.newSecret(),
        previousSecret: null,
        previousSecretExpiresAt: null,
        failingSince: null,
        lastSuccessAt: null,
        lastFailureAt: null,
        disabledAt: null,
        disabledReason: null,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      await this.deps.repository.insert(trx, webhook);
      await this.audit(trx, caller, 'webhook.created', 'webhook', webhook.id, null, toWebhookView(webhook));
      // the one time the secret is shown (and replayed for the same Idempotency-Key); header values stay masked
      return ok({ webhook, rendered: { statusCode: 201, body: JSON.stringify({ ...toWebhookView(webhook), secret: webhook.secret }) } });
    });
  }

  async list(caller: WebhookCaller): Promise<Webhook[]> {
    return this.deps.repository.list(this.deps.db, caller.merchantId);
  }

  async get(caller: WebhookCaller, id: string): Promise<Result<Webhook, AppError>> {
    const webhook = isId('webhook', id) ? await this.deps.repository.find(this.deps.db, caller.merchantId, id) : null;
    return webhook ? ok(webhook) : err(notFound('webhook', id));
  }

  /** Changes the given fields; `active: true` also re-enables an endpoint the gateway disabled. */
  async update(caller: WebhookCaller, id: string, input: UpdateWebhookInput): Promise<Result<Webhook, AppError>> {
    if (!isId('webhook', id)) return err(notFound('webhook', id));
    const checked = this.checkFields(input);
    if (!checked.ok) return checked;
    return this.write(undefined, async (trx, now) => {
      const before = await this.deps.repository.findForUpdate(trx, caller.merchantId, id);
      if (!before) return err(notFound('webhook', id));
      const after: Webhook = { ...before, updatedAt: now };
      if (checked.value.url !== undefined) after.url = checked.value.url;
      if (checked.value.events !== undefined) after.events = checked.value.events;
      if (checked.value.headers !== undefined) {
        const headers = keepMaskedHeaders(checked.value.headers, before.headers);
        if (!headers.ok) return err(validationError(headers.error));
        after.headers = headers.value;
      }
      if (input.description !== undefined) after.description = input.description;
      if (input.active !== undefined) after.active = input.active;
      if (input.active === true && before.disabledAt !== null) {
        after.disabledAt = null;
        after.disabledReason = null;
        after.failingSince = null;
      }
      await this.deps.repository.update(trx, after);
      await this.audit(trx, caller, 'webhook.updated', 'webhook', id, toWebhookView(before), toWebhookView(after));
      return ok(after);
    });
  }

  /** Soft delete: the row stays for the delivery history; waiting deliveries end as failed. */
  async delete(caller: WebhookCaller, id: string): Promise<Result<Webhook, AppError>> {
    if (!isId('webhook', id)) return err(notFound('webhook', id));
    return this.write(undefined, async (trx, now) => {
      const before = await this.deps.repository.findForUpdate(trx, caller.merchantId, id);
      if (!before) return err(notFound('webhook', id));
      const after: Webhook = { ...before, deletedAt: now, updatedAt: now };
      await this.deps.repository.update(trx, after);
      await this.deps.repository.failPendingDeliveries(trx, id, 'webhook deleted', now);
      await this.audit(trx, caller, 'webhook.deleted', 'webhook', id, toWebhookView(before), toWebhookView(after));
      return ok(after);
    });
  }

  /**
   * A new secret; the old one keeps signing (alongside) for `graceSeconds` so receivers can switch over.
   * A rotation during a grace period replaces the older secret: only the one just retired stays valid.
   */
  async rotateSecret(
    caller: WebhookCaller,
    id: string,
    graceSeconds: number = DEFAULT_ROTATION_GRACE_SECONDS,
    claim?: IdempotencyClaim,
  ): Promise<Result<{ webhook: Webhook; rendered: Rendered }, AppError>> {
    if (!isId('webhook', id)) return err(notFound('webhook', id));
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > MAX_ROTATION_GRACE_SECONDS) {
      return err(
        validationError([{ path: 'grace_period_seconds', message: `must be an integer from 0 to ${MAX_ROTATION_GRACE_SECONDS}` }]),
      );
    }
    return this.write(claim, async (trx, now) => {
      const before = await this.deps.repository.findForUpdate(trx, caller.merchantId, id);
      if (!before) return err(notFound('webhook', id));
      const keepOld = graceSeconds > 0;
      const after: Webhook = {
        ...before,
        secret: this.newSecret(),
        previousSecret: keepOld ? before.secret : null,
        previousSecretExpiresAt: keepOld ? now + graceSeconds * 1000 : null,
        updatedAt: now,
      };
      await this.deps.repository.update(trx, after);
      await this.audit(trx, caller, 'webhook.secret_rotated', 'webhook', id, toWebhookView(before), toWebhookView(after));
      const body = {
        id: after.id,
        object: 'webhook_secret' as const,
        secret: after.secret,
        previous_secret_expires_at: toWebhookView(after).previous_secret_expires_at,
      };
      return ok({ webhook: after, rendered: { statusCode: 200, body: JSON.stringify(body) } });
    });
  }

  /**
   * Sends a `webhook.test` event to this endpoint only: the event is written to the outbox and marked
   * dispatched at once (the dispatcher must not fan it out to the merchant's other endpoints), with one
   * delivery for this webhook.
   */
  async sendTest(
    caller: WebhookCaller,
    id: string,
    claim?: IdempotencyClaim,
  ): Promise<Result<{ delivery: Delivery; rendered: Rendered }, AppError>> {
    if (!isId('webhook', id)) return err(notFound('webhook', id));
    return this.write(claim, async (trx, now) => {
      const webhook = await this.deps.repository.find(trx, caller.merchantId, id);
      if (!webhook) return err(notFound('webhook', id));
      const refused = refuseUnlessActive(webhook);
      if (refused) return err(refused);
      const [eventId] = await this.deps.outbox.append(trx, [
        {
          merchantId: caller.merchantId,
          type: TEST_EVENT_TYPE,
          aggregateType: 'webhook',
          aggregateId: webhook.id,
          object: { webhook_id: webhook.id, message: TEST_EVENT_MESSAGE },
        },
      ]);
      await this.deps.outbox.markDispatched(trx, [eventId as string]);
      const delivery = newDelivery({
        id: this.deps.ids('whd'),
        webhook,
        eventId: eventId as string,
        eventType: TEST_EVENT_TYPE,
        kind: 'test',
        redeliveryOf: null,
        at: now,
      });
      await this.deps.repository.insertDelivery(trx, delivery);
      await this.audit(trx, caller, 'webhook.test_sent', 'webhook', webhook.id, null, toDeliveryView(delivery));
      return ok({ delivery, rendered: { statusCode: 201, body: JSON.stringify(toDeliveryView(delivery)) } });
    });
  }

  /** A fresh delivery of the same event to the same endpoint; the original keeps its history. */
  async redeliver(
    caller: WebhookCaller,
    deliveryId: string,
    claim?: IdempotencyClaim,
  ): Promise<Result<{ delivery: Delivery; rendered: Rendered }, AppError>> {
    if (!isId('whd', deliveryId)) return err(notFound('delivery', deliveryId));
    return this.write(claim, async (trx, now) => {
      const original = await this.deps.repository.findDelivery(trx, caller.merchantId, deliveryId);
      if (!original) return err(notFound('delivery', deliveryId));
      const webhook = await this.deps.repository.find(trx, caller.merchantId, original.webhookId);
      if (!webhook) return err(new AppError('conflict', `webhook ${original.webhookId} was deleted; its deliveries cannot be sent again`));
      const refused = refuseUnlessActive(webhook);
      if (refused) return err(refused);
      const delivery = newDelivery({
        id: this.deps.ids('whd'),
        webhook,
        eventId: original.eventId,
        eventType: original.eventType,
        kind: 'redelivery',
        redeliveryOf: original.id,
        at: now,
      });
      await this.deps.repository.insertDelivery(trx, delivery);
      await this.audit(
        trx,
        caller,
        'webhook_delivery.redelivered',
        'webhook_delivery',
        delivery.id,
        toDeliveryView(original),
        toDeliveryView(delivery),
      );
      return ok({ delivery, rendered: { statusCode: 201, body: JSON.stringify(toDeliveryView(delivery)) } });
    });
  }

  async listDeliveries(
    caller: WebhookCaller,
    webhookId: string,
    options: { limit: number; startingAfter?: string; status?: DeliveryStatus },
  ): Promise<Result<Page<Delivery>, AppError>> {
    const webhook = await this.get(caller, webhookId);
    if (!webhook.ok) return webhook;
    return this.pageOfDeliveries(caller, { webhookId, ...(options.status ? { status: options.status } : {}) }, options);
  }

  async listEventDeliveries(
    caller: WebhookCaller,
    eventId: string,
    options: { limit: number; startingAfter?: string; status?: DeliveryStatus },
  ): Promise<Result<Page<Delivery>, AppError>> {
    const event = isId('evt', eventId) ? await this.deps.repository.findEvent(this.deps.db, caller.merchantId, eventId) : null;
    if (!event) return err(notFound('event', eventId));
    return this.pageOfDeliveries(caller, { eventId, ...(options.status ? { status: options.status } : {}) }, options);
  }

  async getDelivery(
    caller: WebhookCaller,
    deliveryId: string,
  ): Promise<Result<{ delivery: Delivery; attempts: Attempt[]; request: DeliveryRequest | null }, AppError>> {
    const { db, repository } = this.deps;
    const delivery = isId('whd', deliveryId) ? await repository.findDelivery(db, caller.merchantId, deliveryId) : null;
    if (!delivery) return err(notFound('delivery', deliveryId));
    const [attempts, webhook, body] = await Promise.all([
      repository.attempts(db, delivery.id),
      repository.find(db, caller.merchantId, delivery.webhookId),
      repository.eventPayload(db, caller.merchantId, delivery.eventId),
    ]);
    return ok({ delivery, attempts, request: webhook && body !== null ? this.requestOf(delivery, attempts, webhook, body) : null });
  }

  /**
   * The request a delivery sends, as a person may see it: the endpoint's URL, the headers with every
   * custom value masked (they may hold credentials) and the signatures described, and the event's body.
   */
  private requestOf(delivery: Delivery, attempts: readonly Attempt[], webhook: Webhook, body: string): DeliveryRequest {
    const headers = deliveryHeaders({
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      deliveryId: delivery.id,
      signature: SIGNED_AT_EACH_ATTEMPT,
      timestampSeconds: Math.floor((attempts.at(-1)?.startedAt ?? delivery.createdAt) / 1000),
      standardSignature: SIGNED_AT_EACH_ATTEMPT,
      userAgent: this.deps.userAgent,
      custom: maskHeaders(webhook.headers),
    });
    return { method: 'POST', url: webhook.url, headers, body };
  }

  /** Events not yet delivered everywhere, oldest first. */
  async listPendingEvents(
    caller: WebhookCaller,
    options: { limit: number; startingAfter?: string },
  ): Promise<Result<Page<EventSummary>, AppError>> {
    let after: { id: string; createdAt: number } | undefined;
    if (options.startingAfter !== undefined) {
      const cursor = isId('evt', options.startingAfter)
        ? await this.deps.repository.findEvent(this.deps.db, caller.merchantId, options.startingAfter)
        : null;
      if (!cursor) return err(validationError([{ path: 'query.starting_after', message: `event ${options.startingAfter} not found` }]));
      after = cursor;
    }
    return ok(await this.deps.repository.listPendingEvents(this.deps.db, caller.merchantId, options.limit, after));
  }

  private async pageOfDeliveries(
    caller: WebhookCaller,
    filter: { webhookId?: string; eventId?: string; status?: DeliveryStatus },
    options: { limit: number; startingAfter?: string },
  ): Promise<Result<Page<Delivery>, AppError>> {
    let after: Delivery | undefined;
    if (options.startingAfter !== undefined) {
      const cursor = isId('whd', options.startingAfter)
        ? await this.deps.repository.findDelivery(this.deps.db, caller.merchantId, options.startingAfter)
        : null;
      if (!cursor) return err(validationError([{ path: 'query.starting_after', message: `delivery ${options.startingAfter} not found` }]));
      after = cursor;
    }
    return ok(await this.deps.repository.listDeliveries(this.deps.db, { merchantId: caller.merchantId, ...filter }, options.limit, after));
  }

  /** URL, events and headers as given (each optional, for updates), every problem reported. */
  private checkFields(input: UpdateWebhookInput): Result<{ url?: string; events?: string[]; headers?: Record<string, string> }, AppError> {
    const errors: FieldError[] = [];
    const value: { url?: string; events?: string[]; headers?: Record<string, string> } = {};
    if (input.url !== undefined) {
      const target = checkWebhookTarget(input.url, this.deps.policy);
      if (target.ok) value.url = target.value;
      else errors.push(target.error);
    }
    if (input.events !== undefined) {
      const events = normaliseEvents(input.events, expandEvents(this.deps.policy.events));
      if (events.ok) value.events = events.value;
      else errors.push(...events.error);
    }
    if (input.headers !== undefined) {
      const headers = validateHeaders(input.headers);
      if (headers.ok) value.headers = headers.value;
      else errors.push(...headers.error);
    }
    return errors.length > 0 ? err(validationError(errors)) : ok(value);
  }

  /**
   * Runs `change` in a transaction; with a claim, its rendered answer is stored for the Idempotency-Key in
   * the same commit. A duplicate key row means a concurrent request with the key committed first.
   */
  private async write<T>(
    claim: IdempotencyClaim | undefined,
    change: (trx: Executor, now: number) => Promise<Result<T, AppError>>,
  ): Promise<Result<T, AppError>> {
    try {
      return await this.deps.db.transaction().execute(async (trx) => {
        const now = this.deps.clock.now();
        const result = await change(trx, now);
        if (!result.ok) return result;
        const rendered = (result.value as { rendered?: Rendered }).rendered;
        if (claim && rendered) await this.deps.repository.saveIdempotency(trx, claim, rendered.statusCode, rendered.body, now);
        return result;
      });
    } catch (error) {
      if (claim && isIdempotencyKeyConflict(error)) return err(inFlight());
      throw error;
    }
  }

  private async audit(
    trx: Executor,
    caller: WebhookCaller,
    action: string,
    entityType: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    const entry: AuditEntry = {
      merchantId: caller.merchantId,
      actor: caller.actor,
      action,
      entityType,
      entityId,
      requestId: caller.requestId,
      before,
      after,
    };
    await this.deps.audit.record(trx, [entry]);
  }
}

/**
 * Webhook endpoints (SPEC §3.10): the type, the rules on event names and custom headers, and the API
 * views. No I/O, no clock, no randomness here. The URL rules live in target-policy.ts.
 */
import { ALL_EVENTS } from '../../shared/catalogues/webhook-events.js';
import { toIso } from '../../shared/clock.js';
import type { FieldError } from '../../shared/errors.js';
import { err, ok, type Result } from '../../shared/result.js';

export const MAX_DESCRIPTION_LENGTH = 500;
export const MAX_HEADERS = 20;
export const MAX_HEADER_NAME_LENGTH = 256;
export const MAX_HEADER_VALUE_LENGTH = 1024;
export const SECRET_PREFIX = 'whsec_';

export type WebhookStatus = 'active' | 'inactive' | 'disabled' | 'deleted';

export interface Webhook {
  /** `webhook_` + 32 hex (16 in ids made before the ids carried random bits) */
  id: string;
  merchantId: string;
  url: string;
  /** known event names, or exactly ["*"] */
  events: string[];
  /** custom headers sent with every delivery; write-only (views mask the values) */
  headers: Record<string, string>;
  description: string | null;
  /** set by the merchant */
  active: boolean;
  /** plaintext: HMAC signing needs it (ADR 0012) */
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: number | null;
  failingSince: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  /** set by the gateway when the endpoint kept failing */
  disabledAt: number | null;
  disabledReason: string | null;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

/** Deleted wins, then the gateway's disabling, then the merchant's switch. */
export function webhookStatus(webhook: Webhook): WebhookStatus {
  if (webhook.deletedAt !== null) return 'deleted';
  if (webhook.disabledAt !== null) return 'disabled';
  return webhook.active ? 'active' : 'inactive';
}

/**
 * Checks event names against the ones the gateway emits; duplicates are collapsed, order kept.
 * `*` subscribes to everything and must stand alone.
 */
export function normaliseEvents(events: readonly string[], known: readonly string[]): Result<string[], FieldError[]> {
  if (events.length === 0) return err([{ path: 'events', message: 'must name at least one event, or "*" for all' }]);
  const errors: FieldError[] = [];
  const knownSet = new Set(known);
  events.forEach((name, index) => {
    if (name === ALL_EVENTS) {
      if (events.some((other) => other !== ALL_EVENTS)) errors.push({ path: `events/${index}`, message: '"*" must be the only event' });
    } else if (!knownSet.has(name)) {
      errors.push({ path: `events/${index}`, message: `unknown event "${name}"; known events: ${known.join(', ')}` });
    }
  });
  if (errors.length > 0) return err(errors);
  return ok([...new Set(events)]);
}

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Control characters other than tab: CR/LF would split the request, the rest Node refuses to send. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}
/** Headers the gateway sets itself, or that would break the HTTP framing if a merchant could set them. */
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'host',
  'user-agent',
  'connection',
  'transfer-encoding',
  'te',
  'upgrade',
  'keep-alive',
  'expect',
  'trailer',
]);

/** The Standard Webhooks headers every delivery carries (standard-webhooks.ts). */
const STANDARD_WEBHOOK_HEADERS = new Set(['webhook-id', 'webhook-timestamp', 'webhook-signature']);

function reservedHeaderReason(lower: string): string | null {
  if (RESERVED_HEADERS.has(lower)) return 'is set by the gateway and cannot be overridden';
  if (lower.startsWith('proxy-')) return 'proxy headers cannot be set';
  if (lower.startsWith('x-tpg-')) return 'X-TPG-* headers are reserved for the gateway (event id, signature, …)';
  if (STANDARD_WEBHOOK_HEADERS.has(lower)) return 'is a Standard Webhooks header the gateway sets (webhook-id, -timestamp, -signature)';
  return null;
}

/** Custom headers sent with every delivery; names are case-insensitive, so two spellings of one name are refused. */
export function validateHeaders(headers: Readonly<Record<string, unknown>>): Result<Record<string, string>, FieldError[]> {
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADERS) return err([{ path: 'headers', message: `must have at most ${MAX_HEADERS} entries` }]);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    const path = `headers/${name}`;
    const lower = name.toLowerCase();
    if (name.length > MAX_HEADER_NAME_LENGTH || !HEADER_NAME.test(name)) {
      errors.push({
        path,
        message: `is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~, at most ${MAX_HEADER_NAME_LENGTH})`,
      });
      continue;
    }
    const reserved = reservedHeaderReason(lower);
    if (reserved) errors.push({ path, message: reserved });
    else if (seen.has(lower)) errors.push({ path, message: 'is given twice (header names are case-insensitive)' });
    seen.add(lower);
    if (typeof value !== 'string') errors.push({ path, message: 'must be a string' });
    else if (value.length > MAX_HEADER_VALUE_LENGTH)
      errors.push({ path, message: `must be at most ${MAX_HEADER_VALUE_LENGTH} characters long` });
    else if (hasControlCharacter(value)) errors.push({ path, message: 'must not contain line breaks or control characters' });
  }
  return errors.length > 0 ? err(errors) : ok(Object.fromEntries(entries) as Record<string, string>);
}

/**
 * What every read shows instead of a custom header's value. The values are often the receiver's own
 * credentials (`Authorization`), so they are write-only: sent with deliveries, never shown or audited.
 */
export const MASKED_HEADER_VALUE = '********';

/** The header names with every value masked. */
export function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(headers).map((name) => [name, MASKED_HEADER_VALUE]));
}

/**
 * Headers to store from a create or update: a value equal to the mask keeps the stored value of that name
 * (case-insensitively), so a client that PATCHes back what it read does not overwrite the credential with
 * asterisks. The mask for a name that has no stored value is refused.
 */
export function keepMaskedHeaders(
  given: Readonly<Record<string, string>>,
  stored: Readonly<Record<string, string>>,
): Result<Record<string, string>, FieldError[]> {
  const storedByName = new Map(Object.entries(stored).map(([name, value]) => [name.toLowerCase(), value] as const));
  const errors: FieldError[] = [];
  // entries, not assignments: a header named __proto__ must stay a header
  const kept: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(given)) {
    if (value !== MASKED_HEADER_VALUE) {
      kept.push([name, value]);
      continue;
    }
    const previous = storedByName.get(name.toLowerCase());
    if (previous === undefined) {
      errors.push({
        path: `headers/${name}`,
        message: `"${MASKED_HEADER_VALUE}" keeps a stored value, and this header has none; send its value`,
      });
    } else kept.push([name, previous]);
  }
  return errors.length > 0 ? err(errors) : ok(Object.fromEntries(kept));
}

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : toIso(ms));

/** The API representation: never a secret, custom header values masked. Also what audit records hold as before/after. */
export function toWebhookView(webhook: Webhook) {
  return {
    id: webhook.id,
    object: 'webhook' as const,
    url: webhook.url,
    events: [...webhook.events],
    headers: maskHeaders(webhook.headers),
    active: webhook.active,
    description: webhook.description,
    status: webhookStatus(webhook),
    failing_since: isoOrNull(webhook.failingSince),
    last_success_at: isoOrNull(webhook.lastSuccessAt),
    last_failure_at: isoOrNull(webhook.lastFailureAt),
    disabled_at: isoOrNull(webhook.disabledAt),
    disabled_reason: webhook.disabledReason,
    previous_secret_expires_at: isoOrNull(activePreviousSecretExpiry(webhook)),
    created_at: toIso(webhook.createdAt),
    updated_at: toIso(webhook.updatedAt),
    deleted_at: isoOrNull(webhook.deletedAt),
  };
}

export type WebhookView = ReturnType<typeof toWebhookView>;

/** When the previous secret stops being used for signatures; null when there is none (the view cannot know "now"). */
function activePreviousSecretExpiry(webhook: Webhook): number | null {
  return webhook.previousSecret === null ? null : webhook.previousSecretExpiresAt;
}

// ------------------------------------------------------------------ deliveries

export type DeliveryKind = 'event' | 'redelivery' | 'test';
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event on its way to one endpoint (the delivery engine attempts it, retries and completes it). */
export interface Delivery {
  /** `whd_` + 32 hex (16 in ids made before the ids carried random bits) */
  id: string;
  webhookId: string;
  merchantId: string;
  /** the outbox event (`evt_…`) whose envelope is sent */
  eventId: string;
  eventType: string;
  kind: DeliveryKind;
  redeliveryOf: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

export interface Attempt {
  attempt: number;
  startedAt: number;
  latencyMs: number;
  statusCode: number | null;
  /** succeeded | retry | failed */
  outcome: string;
  error: string | null;
  responseExcerpt: string | null;
}

/** An outbox event as the webhook API lists it. */
export interface EventSummary {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  createdAt: number;
  dispatchedAt: number | null;
  /** deliveries of this event still waiting for an attempt or a retry */
  pendingDeliveries: number;
}

/** A delivery that starts from scratch: the engine picks it up at its next poll. */
export function newDelivery(input: {
  id: string;
  webhook: Webhook;
  eventId: string;
  eventType: string;
  kind: DeliveryKind;
  redeliveryOf: string | null;
  at: number;
}): Delivery {
  return {
    id: input.id,
    webhookId: input.webhook.id,
    merchantId: input.webhook.merchantId,
    eventId: input.eventId,
    eventType: input.eventType,
    kind: input.kind,
    redeliveryOf: input.redeliveryOf,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: input.at,
    lastStatusCode: null,
    lastError: null,
    createdAt: input.at,
    updatedAt: input.at,
    completedAt: null,
  };
}

export function toDeliveryView(delivery: Delivery) {
  return {
    id: delivery.id,
    object: 'webhook_delivery' as const,
    webhook_id: delivery.webhookId,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    kind: delivery.kind,
    redelivery_of: delivery.redeliveryOf,
    status: delivery.status,
    attempts: delivery.attempts,
    next_attempt_at: delivery.status === 'pending' ? toIso(delivery.nextAttemptAt) : null,
    last_status_code: delivery.lastStatusCode,
    last_error: delivery.lastError,
    created_at: toIso(delivery.createdAt),
    updated_at: toIso(delivery.updatedAt),
    completed_at: isoOrNull(delivery.completedAt),
  };
}

export type DeliveryView = ReturnType<typeof toDeliveryView>;

export function toAttemptView(attempt: Attempt) {
  return {
    attempt: attempt.attempt,
    started_at: toIso(attempt.startedAt),
    latency_ms: attempt.latencyMs,
    status_code: attempt.statusCode,
    outcome: attempt.outcome,
    error: attempt.error,
    response_excerpt: attempt.responseExcerpt,
  };
}

export function toEventSummaryView(event: EventSummary) {
  return {
    id: event.id,
    object: 'event' as const,
    type: event.type,
    aggregate_type: event.aggregateType,
    aggregate_id: event.aggregateId,
    created_at: toIso(event.createdAt),
    dispatched_at: isoOrNull(event.dispatchedAt),
    pending_deliveries: event.pendingDeliveries,
  };
}

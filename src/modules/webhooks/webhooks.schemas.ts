/** Request and response schemas of the webhooks API; the OpenAPI document is generated from these. */
import { Type } from 'typebox';
import { WEBHOOK_EVENTS } from '../../shared/catalogues/webhook-events.js';
import { MAX_URL_LENGTH } from './target-policy.js';
import { DELIVERY_STATUSES, MASKED_HEADER_VALUE, MAX_DESCRIPTION_LENGTH, MAX_HEADER_VALUE_LENGTH, MAX_HEADERS } from './webhook.js';
import { MAX_ROTATION_GRACE_SECONDS } from './webhooks.service.js';

const Iso = Type.String({ format: 'date-time' });
const NullableIso = Type.Union([Iso, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

const Url = Type.String({
  minLength: 1,
  maxLength: MAX_URL_LENGTH,
  description: 'https URL of your receiver; no credentials, no fragment, no loopback/private/metadata hosts',
  examples: ['https://shop.example.com/hooks/tron'],
});
const Events = Type.Array(Type.String({ maxLength: 100 }), {
  maxItems: 100,
  description: `event names (${WEBHOOK_EVENTS.join(', ')}), or ["*"] for every event, including ones added later`,
  examples: [['payment.completed', 'payment.failed']],
});
const Headers = Type.Record(Type.String(), Type.String({ maxLength: MAX_HEADER_VALUE_LENGTH }), {
  description: `up to ${MAX_HEADERS} custom headers sent with every delivery (e.g. Authorization); Content-Type, Host, X-TPG-*, webhook-* and the like are reserved. Write-only: reads show "${MASKED_HEADER_VALUE}" for every value; on PATCH, "${MASKED_HEADER_VALUE}" keeps a header's stored value`,
});
const Description = Type.Union([Type.String({ maxLength: MAX_DESCRIPTION_LENGTH }), Type.Null()]);

export const RegisterWebhookBody = Type.Object(
  {
    url: Url,
    events: Events,
    headers: Type.Optional(Headers),
    active: Type.Optional(Type.Boolean({ description: 'default true' })),
    description: Type.Optional(Description),
  },
  { additionalProperties: false },
);

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(Url),
    events: Type.Optional(Events),
    headers: Type.Optional(Headers),
    active: Type.Optional(Type.Boolean({ description: 'true also re-enables an endpoint the gateway disabled' })),
    description: Type.Optional(Description),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const RotateSecretBody = Type.Object(
  {
    grace_period_seconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_ROTATION_GRACE_SECONDS,
        description: 'how long the old secret keeps signing alongside the new one; default 86400',
      }),
    ),
  },
  { additionalProperties: false },
);

export const WebhookParams = Type.Object({ webhook_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const DeliveryParams = Type.Object({ delivery_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const EventParams = Type.Object({ event_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

const Limit = Type.Integer({ minimum: 1, maximum: 1000, description: 'page size (capped by api.max_page_size)' });
const StartingAfter = Type.String({ maxLength: 64, description: 'the last id of the previous page' });

export const DeliveriesQuery = Type.Object(
  {
    limit: Type.Optional(Limit),
    starting_after: Type.Optional(StartingAfter),
    status: Type.Optional(Type.Enum(DELIVERY_STATUSES)),
  },
  { additionalProperties: false },
);

export const PageQuery = Type.Object(
  { limit: Type.Optional(Limit), starting_after: Type.Optional(StartingAfter) },
  { additionalProperties: false },
);

export const WebhookViewSchema = Type.Object({
  id: Type.String({ examples: ['webhook_019cd79e4600623ea6b115a1456e1025'] }),
  object: Type.Literal('webhook'),
  url: Type.String(),
  events: Type.Array(Type.String()),
  headers: Type.Record(Type.String(), Type.String(), {
    description: `custom header names; every value shows as "${MASKED_HEADER_VALUE}" (write-only)`,
  }),
  active: Type.Boolean({ description: 'the merchant switch' }),
  description: NullableString,
  status: Type.Enum(['active', 'inactive', 'disabled', 'deleted'], {
    description: 'disabled: the gateway stopped delivering after the endpoint kept failing; PATCH active:true re-enables',
  }),
  failing_since: NullableIso,
  last_success_at: NullableIso,
  last_failure_at: NullableIso,
  disabled_at: NullableIso,
  disabled_reason: NullableString,
  previous_secret_expires_at: Type.Union([Iso, Type.Null()], {
    description: 'until then deliveries are also signed with the previous secret',
  }),
  created_at: Iso,
  updated_at: Iso,
  deleted_at: NullableIso,
});

export const CreatedWebhookSchema = Type.Intersect([
  WebhookViewSchema,
  Type.Object({ secret: Type.String({ description: 'signing secret; shown only here and by rotate-secret' }) }),
]);

export const WebhookListSchema = Type.Object({ object: Type.Literal('list'), data: Type.Array(WebhookViewSchema) });

export const RotatedSecretSchema = Type.Object({
  id: Type.String(),
  object: Type.Literal('webhook_secret'),
  secret: Type.String({ description: 'the new signing secret; shown once' }),
  previous_secret_expires_at: NullableIso,
});

export const DeliveryViewSchema = Type.Object({
  id: Type.String({ examples: ['whd_019cd79e4600e8eeb07a395b4ce7aaf3'] }),
  object: Type.Literal('webhook_delivery'),
  webhook_id: Type.String(),
  event_id: Type.String(),
  event_type: Type.String(),
  kind: Type.Enum(['event', 'redelivery', 'test']),
  redelivery_of: NullableString,
  status: Type.Enum(DELIVERY_STATUSES),
  attempts: Type.Integer(),
  next_attempt_at: Type.Union([Iso, Type.Null()], { description: 'while pending' }),
  last_status_code: Type.Union([Type.Integer(), Type.Null()]),
  last_error: NullableString,
  created_at: Iso,
  updated_at: Iso,
  completed_at: NullableIso,
});

export const AttemptViewSchema = Type.Object({
  attempt: Type.Integer(),
  started_at: Iso,
  latency_ms: Type.Integer(),
  status_code: Type.Union([Type.Integer(), Type.Null()]),
  outcome: Type.String({ description: 'succeeded | retry | failed' }),
  error: NullableString,
  response_excerpt: Type.Union([Type.String({ description: 'at most 1 KiB' }), Type.Null()]),
});

const DeliveryRequestSchema = Type.Object(
  {
    method: Type.Literal('POST'),
    url: Type.String({ description: 'the endpoint’s URL now' }),
    headers: Type.Record(Type.String(), Type.String(), {
      description: `what each attempt sends; custom header values show as "${MASKED_HEADER_VALUE}", the signatures as "(signed at each attempt)"`,
    }),
    body: Type.String({ description: 'the exact JSON bytes posted' }),
  },
  { description: 'null when the endpoint or the event no longer exists' },
);

export const DeliveryDetailSchema = Type.Intersect([
  DeliveryViewSchema,
  Type.Object({ attempt_log: Type.Array(AttemptViewSchema), request: Type.Union([DeliveryRequestSchema, Type.Null()]) }),
]);

const ListOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ object: Type.Literal('list'), data: Type.Array(item), has_more: Type.Boolean(), next_cursor: NullableString });

export const DeliveryListSchema = ListOf(DeliveryViewSchema);

export const EventSummarySchema = Type.Object({
  id: Type.String({ examples: ['evt_019cd79e46004fb7cafb3da32a579294'] }),
  object: Type.Literal('event'),
  type: Type.String(),
  aggregate_type: Type.String(),
  aggregate_id: Type.String(),
  created_at: Iso,
  dispatched_at: Type.Union([Iso, Type.Null()], { description: 'null: not yet handed to deliveries' }),
  pending_deliveries: Type.Integer({ description: 'deliveries still waiting for an attempt or a retry' }),
});

export const EventListSchema = ListOf(EventSummarySchema);

/**
 * `/api/v1/payments/webhooks`: thin handlers that authenticate, call one use case and map its result.
 * Every route needs the `webhooks:manage` scope: reads show receiver URLs and custom header names (their
 * values, often the receiver's credentials, are masked). POSTs send the exact JSON stored for their
 * Idempotency-Key.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { GatewayConfig } from '../../config/load.js';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf, sendAnswer, unwrap } from '../../http/route-helpers.js';
import { type Delivery, toAttemptView, toDeliveryView, toEventSummaryView, toWebhookView } from './webhook.js';
import type { Page } from './webhooks.repository.js';
import {
  CreatedWebhookSchema,
  DeliveriesQuery,
  DeliveryDetailSchema,
  DeliveryListSchema,
  DeliveryParams,
  DeliveryViewSchema,
  EventListSchema,
  EventParams,
  PageQuery,
  RegisterWebhookBody,
  RotatedSecretSchema,
  RotateSecretBody,
  UpdateWebhookBody,
  WebhookListSchema,
  WebhookParams,
  WebhookViewSchema,
} from './webhooks.schemas.js';
import type { WebhooksService } from './webhooks.service.js';

export interface WebhooksRoutesDeps {
  config: GatewayConfig;
  webhooks: WebhooksService;
}

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
};

const scope = { scope: 'webhooks:manage' as const };
/** a POST whose use case stores its Idempotency-Key answer in its own transaction (webhooks.service `write`) */
const claimingScope = { ...scope, claimsIdempotencyKey: true };
const tags = ['webhooks'];

function deliveryPage(page: Page<Delivery>) {
  const data = page.items.map(toDeliveryView);
  return { object: 'list' as const, data, has_more: page.hasMore, next_cursor: page.hasMore ? (data.at(-1)?.id ?? null) : null };
}

export function webhooksRoutes(deps: WebhooksRoutesDeps): FastifyPluginAsyncTypebox {
  const { webhooks } = deps;
  const api = deps.config.raw.api;
  const pageSize = (limit: number | undefined) => Math.min(limit ?? api.default_page_size, api.max_page_size);

  return async (app) => {
    app.post(
      '/register',
      {
        config: claimingScope,
        schema: {
          tags,
          operationId: 'registerWebhook',
          summary: 'Register a webhook endpoint (the secret is shown once)',
          body: RegisterWebhookBody,
          response: { 201: CreatedWebhookSchema, ...errors },
        },
      },
      async (request, reply) => {
        const created = unwrap(await webhooks.register(actorOf(request), request.body, request.idempotency ?? undefined));
        return sendAnswer(request, reply, created.rendered);
      },
    );

    app.get(
      '/',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'listWebhooks',
          summary: "The merchant's webhook endpoints with their health (never secrets)",
          response: { 200: WebhookListSchema, ...errors },
        },
      },
      async (request) => ({ object: 'list' as const, data: (await webhooks.list(actorOf(request))).map(toWebhookView) }),
    );

    app.get(
      '/events/pending',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'listPendingWebhookEvents',
          summary: 'Events not yet delivered to every endpoint, oldest first',
          querystring: PageQuery,
          response: { 200: EventListSchema, ...errors },
        },
      },
      async (request) => {
        const q = request.query;
        const page = unwrap(
          await webhooks.listPendingEvents(actorOf(request), {
            limit: pageSize(q.limit),
            ...(q.starting_after ? { startingAfter: q.starting_after } : {}),
          }),
        );
        const data = page.items.map(toEventSummaryView);
        return { object: 'list' as const, data, has_more: page.hasMore, next_cursor: page.hasMore ? (data.at(-1)?.id ?? null) : null };
      },
    );

    app.get(
      '/events/:event_id/deliveries',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'listEventDeliveries',
          summary: 'Deliveries of one event, newest first',
          params: EventParams,
          querystring: DeliveriesQuery,
          response: { 200: DeliveryListSchema, ...errors },
        },
      },
      async (request) => {
        const q = request.query;
        return deliveryPage(
          unwrap(
            await webhooks.listEventDeliveries(actorOf(request), request.params.event_id, {
              limit: pageSize(q.limit),
              ...(q.starting_after ? { startingAfter: q.starting_after } : {}),
              ...(q.status ? { status: q.status } : {}),
            }),
          ),
        );
      },
    );

    app.get(
      '/deliveries/:delivery_id',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'getWebhookDelivery',
          summary: 'A delivery with every attempt',
          params: DeliveryParams,
          response: { 200: DeliveryDetailSchema, ...errors },
        },
      },
      async (request) => {
        const { delivery, attempts, request: sent } = unwrap(await webhooks.getDelivery(actorOf(request), request.params.delivery_id));
        return { ...toDeliveryView(delivery), attempt_log: attempts.map(toAttemptView), request: sent };
      },
    );

    app.post(
      '/deliveries/:delivery_id/redeliver',
      {
        config: claimingScope,
        schema: {
          tags,
          operationId: 'redeliverWebhookDelivery',
          summary: 'Send a delivery again as a new delivery',
          params: DeliveryParams,
          response: { 201: DeliveryViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const created = unwrap(await webhooks.redeliver(actorOf(request), request.params.delivery_id, request.idempotency ?? undefined));
        return sendAnswer(request, reply, created.rendered);
      },
    );

    app.get(
      '/:webhook_id',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'getWebhook',
          summary: 'A webhook endpoint (never its secret)',
          params: WebhookParams,
          response: { 200: WebhookViewSchema, ...errors },
        },
      },
      async (request) => toWebhookView(unwrap(await webhooks.get(actorOf(request), request.params.webhook_id))),
    );

    app.patch(
      '/:webhook_id',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'updateWebhook',
          summary: 'Change a webhook endpoint',
          params: WebhookParams,
          body: UpdateWebhookBody,
          response: { 200: WebhookViewSchema, ...errors },
        },
      },
      async (request) => toWebhookView(unwrap(await webhooks.update(actorOf(request), request.params.webhook_id, request.body))),
    );

    app.delete(
      '/:webhook_id',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'deleteWebhook',
          summary: 'Delete a webhook endpoint; its waiting deliveries fail. Answers the final view.',
          params: WebhookParams,
          response: { 200: WebhookViewSchema, ...errors },
        },
      },
      async (request) => toWebhookView(unwrap(await webhooks.delete(actorOf(request), request.params.webhook_id))),
    );

    app.post(
      '/:webhook_id/rotate-secret',
      {
        config: claimingScope,
        schema: {
          tags,
          operationId: 'rotateWebhookSecret',
          summary: 'Issue a new signing secret; the old one keeps signing during the grace period',
          params: WebhookParams,
          body: RotateSecretBody,
          response: { 200: RotatedSecretSchema, ...errors },
        },
      },
      async (request, reply) => {
        const rotated = unwrap(
          await webhooks.rotateSecret(
            actorOf(request),
            request.params.webhook_id,
            request.body.grace_period_seconds,
            request.idempotency ?? undefined,
          ),
        );
        return sendAnswer(request, reply, rotated.rendered);
      },
    );

    app.post(
      '/:webhook_id/test',
      {
        config: claimingScope,
        schema: {
          tags,
          operationId: 'testWebhook',
          summary: 'Send a webhook.test event to this endpoint only',
          params: WebhookParams,
          response: { 201: DeliveryViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const created = unwrap(await webhooks.sendTest(actorOf(request), request.params.webhook_id, request.idempotency ?? undefined));
        return sendAnswer(request, reply, created.rendered);
      },
    );

    app.get(
      '/:webhook_id/deliveries',
      {
        config: scope,
        schema: {
          tags,
          operationId: 'listWebhookDeliveries',
          summary: "An endpoint's deliveries, newest first",
          params: WebhookParams,
          querystring: DeliveriesQuery,
          response: { 200: DeliveryListSchema, ...errors },
        },
      },
      async (request) => {
        const q = request.query;
        return deliveryPage(
          unwrap(
            await webhooks.listDeliveries(actorOf(request), request.params.webhook_id, {
              limit: pageSize(q.limit),
              ...(q.starting_after ? { startingAfter: q.starting_after } : {}),
              ...(q.status ? { status: q.status } : {}),
            }),
          ),
        );
      },
    );
  };
}

/** `/api/v1/payment-links`: thin handlers that authenticate, call one use case and map its result. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { GatewayConfig } from '../../config/load.js';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf, claimedAnswer, schemaAnswer, sendAnswer, unwrap } from '../../http/route-helpers.js';
import { toIso } from '../../shared/clock.js';
import { toPaymentView } from '../payments/payment.view.js';
import type { PaymentLink } from './payment-link-rules.js';
import {
  CreateLinkBody,
  LinkListQuery,
  LinkListResponse,
  LinkParams,
  LinkPaymentsResponse,
  PaymentLinkSchema,
} from './payment-links.schemas.js';
import type { CreateLinkInput, PaymentLinksService } from './payment-links.service.js';

export interface PaymentLinksRoutesDeps {
  config: GatewayConfig;
  links: PaymentLinksService;
}

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };
const tags = ['payment-links'];

export function paymentLinksRoutes(deps: PaymentLinksRoutesDeps): FastifyPluginAsyncTypebox {
  const { config, links } = deps;
  const api = config.raw.api;
  const pageSize = (limit: number | undefined) => Math.min(limit ?? api.default_page_size, api.max_page_size);
  const view = (link: PaymentLink) => ({
    id: link.id,
    object: 'payment_link' as const,
    url: links.urlOf(link),
    currency: link.currency,
    payee_address: link.payeeAddress,
    amount: link.amount === null ? null : config.assets.format(link.currency, link.amount),
    description: link.description,
    success_url: link.successUrl,
    expires_at: link.expiresAt === null ? null : toIso(link.expiresAt),
    max_uses: link.maxUses,
    uses: link.uses,
    active: link.active,
    created_at: toIso(link.createdAt),
    updated_at: toIso(link.updatedAt),
  });

  return async (app) => {
    app.post(
      '/',
      {
        config: { scope: 'payments:write', claimsIdempotencyKey: true },
        schema: {
          tags,
          operationId: 'createPaymentLink',
          summary: 'Create a payment link (a page that creates a payment per visit)',
          body: CreateLinkBody,
          response: { 201: PaymentLinkSchema, ...errors },
        },
      },
      async (request, reply) => {
        const render = (link: PaymentLink) => schemaAnswer(reply, 201, view(link));
        const link = unwrap(await links.create(actorOf(request), request.body as CreateLinkInput, claimedAnswer(request, render)));
        return sendAnswer(request, reply, render(link));
      },
    );

    app.get(
      '/',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags,
          operationId: 'listPaymentLinks',
          summary: 'List payment links, newest first',
          querystring: LinkListQuery,
          response: { 200: LinkListResponse, ...errors },
        },
      },
      async (request) => {
        const page = unwrap(await links.list(actorOf(request), pageSize(request.query.limit), request.query.starting_after));
        const data = page.links.map(view);
        return { object: 'list' as const, data, has_more: page.hasMore, next_cursor: page.hasMore ? (data.at(-1)?.id ?? null) : null };
      },
    );

    app.get(
      '/:id',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags,
          operationId: 'getPaymentLink',
          summary: 'A payment link',
          params: LinkParams,
          response: { 200: PaymentLinkSchema, ...errors },
        },
      },
      async (request) => view(unwrap(await links.get(actorOf(request), request.params.id))),
    );

    app.post(
      '/:id/deactivate',
      {
        config: { scope: 'payments:write', claimsIdempotencyKey: true },
        schema: {
          tags,
          operationId: 'deactivatePaymentLink',
          summary: 'Deactivate a payment link (it takes no more payments)',
          params: LinkParams,
          response: { 200: PaymentLinkSchema, ...errors },
        },
      },
      async (request, reply) => {
        const render = (link: PaymentLink) => schemaAnswer(reply, 200, view(link));
        const link = unwrap(await links.deactivate(actorOf(request), request.params.id, claimedAnswer(request, render)));
        return sendAnswer(request, reply, render(link));
      },
    );

    app.get(
      '/:id/payments',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags,
          operationId: 'listPaymentLinkPayments',
          summary: 'Payments made through a payment link, newest first',
          params: LinkParams,
          querystring: LinkListQuery,
          response: { 200: LinkPaymentsResponse, ...errors },
        },
      },
      async (request) => {
        const page = unwrap(
          await links.payments(actorOf(request), request.params.id, pageSize(request.query.limit), request.query.starting_after),
        );
        const data = page.payments.map((p) => toPaymentView(p, config));
        return {
          object: 'list' as const,
          data,
          has_more: page.hasMore,
          next_cursor: page.hasMore ? (data.at(-1)?.payment_id ?? null) : null,
        };
      },
    );
  };
}

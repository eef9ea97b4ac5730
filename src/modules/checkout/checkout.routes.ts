/**
 * The public checkout (issue 21): the page at `checkout_url`, its status as JSON and as Server-Sent
 * Events, cancelling from the page, payment links' pages and the merchant logo. No API key: the checkout
 * token (a payment id and a secret) is the credential. Every answer is rate-limited per client address
 * and carries the page headers (a CSP with a per-response nonce, frame-ancestors from the configuration,
 * nosniff, no referrer, no-store). Every bad token answers the same 404.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { GatewayConfig } from '../../config/load.js';
import { ProblemSchema } from '../../http/problem.js';
import { REQUEST_ID_HEADER } from '../../http/request-id.js';
import { pageSecurityHeaders } from '../../http/static-assets.js';
import { AppError } from '../../shared/errors.js';
import type { BrandingService } from '../branding/branding.service.js';
import type { PaymentLink } from '../payment-links/payment-link-rules.js';
import type { PaymentLinksService } from '../payment-links/payment-links.service.js';
import type { Payment } from '../payments/payment.js';
import type { CheckoutService } from './checkout.service.js';
import type { CheckoutStatusHub } from './checkout-status-hub.js';
import { CHECKOUT_STATUSES, type CheckoutLinkView, type CheckoutState } from './checkout-view.js';
import { IpRateLimiter } from './ip-rate-limiter.js';
import { ASSET_PREFIX, pickLocale, registerCheckoutAssets, renderCheckoutPage, renderLinkPage, renderNotFoundPage } from './page/index.js';

export interface CheckoutRoutesDeps {
  config: GatewayConfig;
  checkout: CheckoutService;
  links: PaymentLinksService;
  branding: Pick<BrandingService, 'logoByPublicId' | 'forCheckout'>;
  hub: CheckoutStatusHub;
  now?: () => number;
}

const TokenParams = Type.Object({ token: Type.String({ maxLength: 128 }) }, { additionalProperties: false });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 16 })) });

/** The customer's view of a payment (GET /checkout/{token}/status); nothing beyond it is ever shown. */
export const CheckoutStateSchema = Type.Object({
  paymentId: Type.String(),
  paymentStatus: Type.String({ description: 'the payment’s own status' }),
  checkoutStatus: Type.Enum(CHECKOUT_STATUSES),
  asset: Type.String(),
  decimals: Type.Integer(),
  network: Type.String(),
  tokenContract: Type.Union([Type.String(), Type.Null()]),
  amount: Type.String(),
  amountReceived: Type.String(),
  amountDue: Type.String(),
  amountDueBaseUnits: Type.String(),
  address: Type.String(),
  confirmations: Type.Integer(),
  confirmationsRequired: Type.Integer(),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  serverTime: Type.String({ format: 'date-time' }),
  successUrl: Type.Union([Type.String(), Type.Null()]),
  cancelUrl: Type.Union([Type.String(), Type.Null()]),
  restartUrl: Type.Union([Type.String(), Type.Null()]),
  overpaymentHandling: Type.Union([Type.Enum(['refund', 'credit']), Type.Null()]),
  txids: Type.Array(Type.String()),
  amountOver: Type.Optional(Type.String()),
  description: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

const notFoundProblem = () => new AppError('not_found', 'checkout not found');

function wantsJson(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '');
  const type = String(request.headers['content-type'] ?? '');
  return accept.includes('application/json') || type.startsWith('application/json');
}

function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function checkoutRoutes(deps: CheckoutRoutesDeps): FastifyPluginAsyncTypebox {
  const { config, checkout, links, hub } = deps;
  const settings = config.raw.checkout;
  const now = deps.now ?? Date.now;
  const limiter = new IpRateLimiter(settings.rate_limit_per_minute, now);
  const visits = new IpRateLimiter(settings.link_visit_limit_per_minute, now);

  const securityHeaders = (nonce: string, formOrigins: readonly (string | null)[] = []): Record<string, string> =>
    pageSecurityHeaders(nonce, { frameAncestors: settings.frame_ancestors, formOrigins });

  const limit = (request: FastifyRequest) => {
    const wait = limiter.take(request.ip);
    if (wait > 0) throw new AppError('rate_limited', 'too many requests from this address; retry later', [], wait);
  };

  const sendNotFound = (request: FastifyRequest, reply: FastifyReply, locale: ReturnType<typeof pickLocale>) => {
    if (wantsJson(request) || request.url.includes('/status') || request.url.includes('/events')) throw notFoundProblem();
    const nonce = newNonce();
    return reply
      .code(404)
      .headers(securityHeaders(nonce))
      .type('text/html; charset=utf-8')
      .send(renderNotFoundPage({ locale, assetBase: ASSET_PREFIX, nonce }));
  };

  const pageOf = async (payment: Payment, state: CheckoutState, token: string, locale: ReturnType<typeof pickLocale>, nonce: string) =>
    renderCheckoutPage(state, {
      token,
      locale,
      nonce,
      branding: await checkout.brandingOf(payment),
      customerEmail: payment.checkout?.customerEmail ?? null,
      assetBase: ASSET_PREFIX,
      explorerTxUrl: checkout.explorerTxUrl(),
      redirectSeconds: settings.redirect_seconds,
    });

  const linkView = (link: PaymentLink, extra: Partial<CheckoutLinkView> = {}): CheckoutLinkView => {
    const spec = config.assets.get(link.currency);
    return {
      description: link.description,
      asset: link.currency,
      amount: link.amount === null ? null : config.assets.format(link.currency, link.amount),
      min: config.assets.format(link.currency, spec.limits.minAmount),
      max: config.assets.format(link.currency, spec.limits.maxSinglePayment),
      ...extra,
    };
  };

  /** open status streams, ended when the server closes (they would otherwise hold app.close() open) */
  const openStreams = new Set<() => void>();

  return async (app) => {
    app.addHook('preClose', (done) => {
      for (const close of [...openStreams]) close();
      done();
    });
    // Forms post url-encoded bodies (this plugin's routes only); JSON is parsed as everywhere else.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    registerCheckoutAssets(app);

    app.get(
      '/checkout/:token',
      { config: { public: true }, schema: { hide: true, params: TokenParams, querystring: LangQuery } },
      async (request, reply) => {
        limit(request);
        const locale = pickLocale(request.headers['accept-language'], request.query.lang);
        const payment = await checkout.open(request.params.token);
        if (!payment) return sendNotFound(request, reply, locale);
        const state = await checkout.stateOf(payment);
        const nonce = newNonce();
        const html = await pageOf(payment, state, request.params.token, locale, nonce);
        return reply
          .headers(securityHeaders(nonce, [originOf(state.successUrl), originOf(state.cancelUrl)]))
          .type('text/html; charset=utf-8')
          .send(html);
      },
    );

    app.get(
      '/checkout/:token/status',
      {
        config: { public: true },
        schema: {
          tags: ['checkout'],
          operationId: 'getCheckoutStatus',
          summary: 'The customer’s view of a payment, by its checkout token (no API key)',
          params: TokenParams,
          response: { 200: CheckoutStateSchema, 404: ProblemSchema, 429: ProblemSchema },
        },
      },
      async (request, reply) => {
        limit(request);
        const payment = await checkout.open(request.params.token);
        if (!payment) throw notFoundProblem();
        reply.headers(securityHeaders(newNonce()));
        return checkout.stateOf(payment);
      },
    );

    app.get(
      '/checkout/:token/events',
      { config: { public: true }, schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        limit(request);
        const payment = await checkout.open(request.params.token);
        if (!payment) throw notFoundProblem();
        if (hub.size >= settings.max_streams) throw new AppError('not_ready', 'too many open status streams; poll /status', [], 2);
        const first = JSON.stringify(await checkout.stateOf(payment));
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          ...securityHeaders(newNonce()),
          'content-type': 'text/event-stream; charset=utf-8',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          [REQUEST_ID_HEADER]: request.id,
        });
        raw.write(`retry: 2000\nevent: status\ndata: ${first}\n\n`);
        if (checkout.isFinal(payment)) {
          raw.end();
          return;
        }
        let closed = false;
        const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), settings.sse_heartbeat_seconds * 1000);
        heartbeat.unref();
        const close = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          unsubscribe();
          raw.end();
        };
        const unsubscribe = hub.subscribe(payment.id, payment.version, (snapshot) => {
          if (closed) return;
          raw.write(`event: status\ndata: ${snapshot.data}\n\n`);
          if (snapshot.final) close();
        });
        request.raw.on('close', close);
        raw.on('error', close);
      },
    );

    app.post(
      '/checkout/:token/cancel',
      { config: { public: true }, schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        limit(request);
        const token = request.params.token;
        const payment = await checkout.open(token);
        if (!payment) {
          if (wantsJson(request)) throw notFoundProblem();
          return sendNotFound(request, reply, pickLocale(request.headers['accept-language']));
        }
        const alreadyCancelled = payment.status === 'cancelled' && payment.checkout?.revokedAt != null;
        const outcome = alreadyCancelled ? null : await checkout.cancel(payment);
        if (outcome && !outcome.ok) {
          if (wantsJson(request)) throw outcome.error;
          return reply
            .code(303)
            .headers(securityHeaders(newNonce()))
            .header('location', `/checkout/${encodeURIComponent(token)}`)
            .send();
        }
        const after = outcome?.value ?? payment;
        const state = await checkout.stateOf(after);
        if (wantsJson(request)) return reply.headers(securityHeaders(newNonce())).send(state);
        const target = state.cancelUrl ?? `/checkout/${encodeURIComponent(token)}`;
        return reply.code(303).headers(securityHeaders(newNonce())).header('location', target).send();
      },
    );

    app.get(
      '/pay/:token',
      { config: { public: true }, schema: { hide: true, params: TokenParams, querystring: LangQuery } },
      async (request, reply) => {
        limit(request);
        const locale = pickLocale(request.headers['accept-language'], request.query.lang);
        const link = await links.findByToken(request.params.token);
        if (!link) return sendNotFound(request, reply, locale);
        const nonce = newNonce();
        const refused = links.refusalOf(link);
        const html = renderLinkPage(linkView(link, refused ? { error: 'unavailable' } : {}), {
          token: request.params.token,
          locale,
          nonce,
          branding: await deps.branding.forCheckout(link.merchantId),
          assetBase: ASSET_PREFIX,
        });
        return reply
          .code(refused ? 410 : 200)
          .headers(securityHeaders(nonce))
          .type('text/html; charset=utf-8')
          .send(html);
      },
    );

    app.post(
      '/pay/:token',
      { config: { public: true }, schema: { hide: true, params: TokenParams, querystring: LangQuery } },
      async (request, reply) => {
        limit(request);
        const locale = pickLocale(request.headers['accept-language'], request.query.lang);
        const link = await links.findByToken(request.params.token);
        if (!link) return sendNotFound(request, reply, locale);
        const wait = visits.take(request.ip);
        if (wait > 0) throw new AppError('rate_limited', 'too many payments from this address; retry later', [], wait);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const outcome = await links.visit(link, body.amount, request.id);
        if (outcome.kind === 'created') {
          if (wantsJson(request)) {
            return reply.code(201).send({ payment_id: outcome.paymentId, checkout_url: outcome.checkoutUrl });
          }
          return reply.code(303).headers(securityHeaders(newNonce())).header('location', outcome.checkoutUrl).send();
        }
        if (wantsJson(request)) {
          if (outcome.kind === 'refused') throw new AppError('conflict', outcome.message);
          throw new AppError('validation_failed', outcome.errors.map((e) => `${e.path} ${e.message}`).join('; '), outcome.errors);
        }
        const error =
          outcome.kind === 'refused'
            ? 'unavailable'
            : outcome.errors.some((e) => /at least|at most/.test(e.message))
              ? 'amount_out_of_range'
              : 'invalid_amount';
        const nonce = newNonce();
        const value = typeof body.amount === 'string' ? body.amount.slice(0, 64) : undefined;
        const html = renderLinkPage(linkView(link, { error, ...(value !== undefined ? { value } : {}) }), {
          token: request.params.token,
          locale,
          nonce,
          branding: await deps.branding.forCheckout(link.merchantId),
          assetBase: ASSET_PREFIX,
        });
        return reply
          .code(outcome.kind === 'refused' ? 410 : 422)
          .headers(securityHeaders(nonce))
          .type('text/html; charset=utf-8')
          .send(html);
      },
    );

    app.get<{ Params: { publicId: string } }>(
      '/checkout/branding/:publicId/logo',
      { config: { public: true }, schema: { hide: true } },
      async (request, reply) => {
        limit(request);
        const logo = await deps.branding.logoByPublicId(request.params.publicId);
        const headers = {
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
          'x-content-type-options': 'nosniff',
          'cross-origin-resource-policy': 'same-origin',
          'referrer-policy': 'no-referrer',
        };
        if (!logo)
          return reply
            .code(404)
            .headers({ ...headers, 'cache-control': 'no-store' })
            .type('text/plain; charset=utf-8')
            .send('not found');
        return reply
          .headers({ ...headers, 'cache-control': 'public, max-age=300', etag: `"${logo.sha256.slice(0, 32)}"` })
          .type(logo.contentType)
          .send(logo.bytes);
      },
    );
  };
}

function newNonce(): string {
  return randomBytes(16).toString('base64');
}

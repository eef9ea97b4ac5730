/**
 * The HTTP application every route module plugs into: JSON bodies parsed without losing digits,
 * problem+json errors, request ids, API-key auth with scopes, Idempotency-Key, CORS, OpenAPI, metrics and
 * the app-level routes. Route modules are Fastify plugins (`HttpPlugin`) registered on the returned app
 * with `app.register(plugin, { prefix })`; they declare TypeBox schemas and `config: { scope }` or
 * `config: { public: true }`. A route added with `app.get` straight on the root, before the plugins have
 * loaded, still gets every hook but is missing from the OpenAPI document.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyContextConfig,
  type FastifyInstance,
  type FastifyPluginOptions,
  type RawServerDefault,
} from 'fastify';
import type { Logger, LoggerOptions } from 'pino';
import { type Clock, systemClock } from '../shared/clock.js';
import { registerAuth } from './auth.js';
import { registerJsonBody } from './body.js';
import { handleError, registerErrorHandler } from './error-handler.js';
import { type HttpIdempotency, registerIdempotency } from './idempotency.js';
import type { GatewayMetrics } from './metrics.js';
import { RouteIndex, registerNotFound } from './not-found.js';
import { DOCS_PREFIX, registerOpenApi } from './openapi.js';
import type { ApiKeyAuthenticator, HealthChecks, SessionAuthenticator } from './ports.js';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id.js';
import { systemRoutes } from './system.routes.js';
import { buildValidatorFactory, formatValidationErrors } from './validation.js';

export type HttpApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;
/** A route module: `export const paymentsRoutes: HttpPlugin<{ service: PaymentsService }> = async (app, { service }) => {…}`. */
export type HttpPlugin<Options extends FastifyPluginOptions = Record<never, never>> = FastifyPluginAsyncTypebox<Options>;

export interface HttpAppOptions {
  bodyLimitBytes: number;
  /** allowed browser origins; empty sends no CORS headers; '*' allows any */
  corsOrigins: readonly string[];
  docsEnabled: boolean;
  /** a pino logger (see createLogger), pino options, or false for none */
  logger: Logger | LoggerOptions | false;
  authenticator: ApiKeyAuthenticator;
  /** dashboard sessions (issue 22); absent: API keys only */
  sessions?: SessionAuthenticator;
  /** `server.public_url`: the origin a session's state changes may come from */
  publicUrl?: string;
  idempotency: HttpIdempotency;
  metrics: GatewayMetrics;
  health: HealthChecks;
  /** serve /metrics (default true) */
  metricsEnabled?: boolean;
  metricsRequireKey: boolean;
  version: string;
  /** longest time to receive a whole request (socket level); 0 or absent: no limit */
  requestTimeoutMs?: number;
  /** take client addresses from X-Forwarded-For */
  trustProxy?: boolean;
  /** the API's base URL as clients reach it, for the OpenAPI document's `servers` (default http://127.0.0.1:8097) */
  serverUrl?: string;
  clock?: Clock;
}

/** A route as registered: its methods, URL pattern and config (auth, scope). */
export interface RegisteredRoute {
  methods: string[];
  url: string;
  config: FastifyContextConfig;
}

const routeTables = new WeakMap<object, RegisteredRoute[]>();

/** Every route registered on the app so far, as registered (tests walk them to check a rule on each). */
export function registeredRoutes(app: HttpApp): readonly RegisteredRoute[] {
  return routeTables.get(app) ?? [];
}

export function createHttpApp(options: HttpAppOptions): HttpApp {
  const app = Fastify({
    ...loggerSetting(options.logger),
    bodyLimit: options.bodyLimitBytes,
    return503OnClosing: true,
    // Our genReqId reads and vets X-Request-Id itself; Fastify's header option would trust it blindly.
    requestIdHeader: false,
    genReqId: requestIdFor,
    requestTimeout: options.requestTimeoutMs ?? 0,
    trustProxy: options.trustProxy ?? false,
    schemaController: { compilersFactory: { buildValidator: buildValidatorFactory() } },
    schemaErrorFormatter: formatValidationErrors,
    // Errors raised before routing (a bad percent-encoding) skip hooks, so the request id is set here.
    frameworkErrors: (error, request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      handleError(error, request, reply);
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as HttpApp;

  // Synchronous registrations first: every plugin registered later inherits them.
  registerJsonBody(app);
  registerErrorHandler(app);
  registerNotFound(app, new RouteIndex());
  const routes: RegisteredRoute[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    // The docs and CORS preflights are public whatever the routes' own config says.
    const isDocs = route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`);
    if (isDocs || route.method === 'OPTIONS') route.config = { ...route.config, public: true };
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    routes.push({ methods, url: route.url, config: (route.config ?? {}) as FastifyContextConfig });
  });
  registerAuth(app, options.authenticator, {
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  registerIdempotency(app, options.idempotency);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    options.metrics.observeHttp(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  if (options.corsOrigins.length > 0) {
    app.register(cors, {
      origin: options.corsOrigins.includes('*') ? '*' : [...options.corsOrigins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'X-API-Key', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Idempotent-Replayed', 'Retry-After', 'Location'],
      maxAge: 600,
    });
  }
  registerOpenApi(app, {
    version: options.version,
    docsEnabled: options.docsEnabled,
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
  });
  app.register(systemRoutes, {
    version: options.version,
    health: options.health,
    metrics: options.metrics,
    metricsEnabled: options.metricsEnabled ?? true,
    metricsRequireKey: options.metricsRequireKey,
    docsEnabled: options.docsEnabled,
    clock: options.clock ?? systemClock,
  });
  return app;
}

function loggerSetting(logger: HttpAppOptions['logger']): { loggerInstance: Logger } | { logger: LoggerOptions | false } {
  if (logger !== false && typeof (logger as Logger).child === 'function') return { loggerInstance: logger as Logger };
  return { logger: logger as LoggerOptions | false };
}

export { generateOpenApiDocument } from './openapi.js';

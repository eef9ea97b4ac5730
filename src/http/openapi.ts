/**
 * OpenAPI 3.0.3 generated from the route schemas (@fastify/swagger) and Swagger UI at /docs, served from
 * node_modules with a strict CSP so the docs page never loads anything from the internet. Each operation
 * carries the operationId its route declares, its security (none for public routes, the required scope
 * otherwise), one canonical path (no trailing slash), examples (openapi-examples.ts) and every error
 * answer it can give as application/problem+json. The result passes swagger-parser and Redocly's
 * recommended rules (test/openapi.validate.test.ts).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { ERROR_CATALOGUE } from '../shared/errors.js';
import { type MediaExample, OPERATION_EXAMPLES } from './openapi-examples.js';
import { finishOpenApiDocument, PROBLEM_MEDIA_TYPE } from './openapi-finish.js';
import { ProblemSchema } from './problem.js';

export const DOCS_PREFIX = '/docs';
/** The default listen port (config `server.port`). */
const DEFAULT_PORT = 8097;
/** Where the document says the API is when the configuration does not tell (the default listen address). */
export const DEFAULT_SERVER_URL = `http://127.0.0.1:${DEFAULT_PORT}`;

export const API_TAGS = [
  { name: 'system', description: 'service information, health, metrics' },
  { name: 'payments', description: 'collections and payouts' },
  { name: 'batches', description: 'batch payouts' },
  { name: 'refunds', description: 'refunds' },
  { name: 'reconciliation', description: 'matching payments against the chain' },
  { name: 'settlement', description: 'settling collected funds to the merchant' },
  { name: 'fees', description: 'fee quotes' },
  { name: 'webhooks', description: 'webhook endpoints and deliveries' },
  { name: 'reports', description: 'reports and analytics' },
  { name: 'wallet', description: "the merchant's hot wallet" },
  { name: 'keys', description: 'API keys' },
  { name: 'audit', description: 'audit log' },
  { name: 'session', description: 'dashboard login, session, password and TOTP' },
  { name: 'users', description: 'dashboard users of the merchant' },
];

export type OpenApiDocument = Exclude<ReturnType<FastifyInstance['swagger']>, string>;

export interface OpenApiOptions {
  version: string;
  docsEnabled: boolean;
  /** the API's base URL as clients reach it (the document's `servers`); default DEFAULT_SERVER_URL */
  serverUrl?: string;
}

export function registerOpenApi(app: FastifyInstance, options: OpenApiOptions): void {
  app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'TRON Payment Gateway',
        version: options.version,
        description: 'Self-hosted TRON payment gateway. Errors are application/problem+json (RFC 9457).',
        license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      },
      servers: [{ url: options.serverUrl ?? DEFAULT_SERVER_URL, description: 'this gateway' }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <api key>' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'tpg_session',
            description: 'a dashboard session (POST /api/v1/session); its POST, PUT, PATCH and DELETE also send X-CSRF-Token',
          },
        },
      },
      security: [{ bearerAuth: [] }, { apiKeyHeader: [] }, { sessionCookie: [] }],
      tags: API_TAGS,
    },
    transform: ({ schema, url, route }) => ({ schema: documentedSchema(schema, route), url: canonicalPath(url) }),
    transformObject: (documentObject) => {
      const document = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
      return finishOpenApiDocument(document as Record<string, unknown>);
    },
  });
  if (options.docsEnabled) {
    app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true, uiConfig: { deepLinking: true } });
  }
}

/**
 * The base URL clients use for a listen address: a wildcard host (0.0.0.0, ::) is reached on loopback,
 * and port 0 (any free port, in tests) leaves the default port.
 */
export function serverUrlOf(host: string, port: number): string {
  const reachable = host === '' || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const hostPart = reachable.includes(':') ? `[${reachable}]` : reachable;
  return `http://${hostPart}:${port === 0 ? DEFAULT_PORT : port}`;
}

/**
 * `/api/v1/payments/` and `/api/v1/payments` are one route (Fastify serves both); the document names it
 * without the slash.
 */
export function canonicalPath(url: string): string {
  return url.length > 1 && url.endsWith('/') ? url.slice(0, -1) : url;
}

/** The route's schema as the document shows it (a copy: the schema Fastify validates with is untouched). */
function documentedSchema(schema: FastifySchema | undefined, route: RouteOptions): FastifySchema {
  const documented: FastifySchema = { ...schema };
  const config = route.config ?? {};
  if (config.public === true) documented.security = [];
  else if (config.session === 'self') {
    documented.security = [{ sessionCookie: [] }];
    documented.description = ['Requires a dashboard session (the tpg_session cookie); an API key answers 403.', schema?.description]
      .filter(Boolean)
      .join('\n\n');
  } else if (config.scope !== undefined) {
    const scope = config.scope === 'admin' ? '`admin`' : `\`${config.scope}\` (or \`admin\`)`;
    documented.description = [`Requires an API key with scope ${scope}.`, schema?.description].filter(Boolean).join('\n\n');
  }
  documented.response = documentedResponses(schema, config.public !== true, route.method);
  return documented;
}

type Responses = Record<string, unknown>;

/**
 * Declared answers, with problem schemas turned into application/problem+json, plus the problems every
 * route of its kind can answer: 401/403 behind a key, 422 for any input, 400/413/415 for a body, 409
 * and 422 for an Idempotency-Key on POST, 404 for an id in the path, and 5xx as `default`.
 */
function documentedResponses(schema: FastifySchema | undefined, needsKey: boolean, method: RouteOptions['method']): Responses {
  const declared = (schema?.response ?? {}) as Responses;
  const responses: Responses = {};
  for (const [status, answer] of Object.entries(declared)) {
    responses[status] = answer === ProblemSchema ? problemResponse(status) : answer;
  }
  const examples = schema?.operationId === undefined ? undefined : OPERATION_EXAMPLES[schema.operationId];
  if (examples !== undefined && Object.values(examples.response).every((media) => media.schema !== undefined)) {
    const success = Object.keys(declared).find((s) => s.startsWith('2')) ?? '200';
    for (const status of examples.statuses ?? [success]) {
      responses[status] = { description: answerDescription(status), content: documentedContent(examples.response) };
    }
  }
  // Without any success answer the document would say nothing of what the route sends.
  if (!Object.keys(responses).some((s) => s.startsWith('2'))) responses['200'] = { description: 'OK', type: 'null' };
  const implied: string[] = [];
  if (needsKey) implied.push('401', '403');
  if (schema?.params !== undefined) implied.push('404');
  if (schema?.params !== undefined || schema?.querystring !== undefined || schema?.body !== undefined) implied.push('422');
  if (schema?.body !== undefined) implied.push('400', '413', '415');
  if (method === 'POST' && needsKey) implied.push('409', '422');
  for (const status of implied) responses[status] ??= problemResponse(status);
  responses.default ??= problemResponse('default');
  return responses;
}

function documentedContent(media: Record<string, MediaExample>): Record<string, { schema: unknown }> {
  return Object.fromEntries(Object.entries(media).map(([type, { schema }]) => [type, { schema }]));
}

function answerDescription(status: string): string {
  return ({ '201': 'Created', '503': 'Not ready: a check failed' } as Record<string, string>)[status] ?? 'OK';
}

/** A problem answer: its description names the catalogue codes the status stands for. */
function problemResponse(status: string): Responses {
  const entries = Object.entries(ERROR_CATALOGUE).filter(([, e]) => (status === 'default' ? e.status >= 500 : String(e.status) === status));
  const titles = entries.map(([code, e]) => `${e.title} (\`${code}\`)`).join('; ');
  return {
    description: status === 'default' ? `Server-side failure: ${titles}` : titles || 'Problem',
    ...(status === '429' ? { headers: { 'Retry-After': { type: 'integer', description: 'seconds to wait before retrying' } } } : {}),
    content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } },
  };
}

/** The OpenAPI document of a built app, for `docs/openapi.json`. */
export async function generateOpenApiDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  await app.ready();
  return app.swagger();
}

/**
 * OpenAPI 3 generated from the route schemas (@fastify/swagger) and Swagger UI at /docs, served from
 * node_modules with a strict CSP so the docs page never loads anything from the internet. Each operation
 * shows its security: none for public routes, the required scope otherwise, and the problem document as
 * the default answer of routes that declare their responses.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { ProblemSchema } from './problem.js';

export const DOCS_PREFIX = '/docs';

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
];

export type OpenApiDocument = Exclude<ReturnType<FastifyInstance['swagger']>, string>;

export function registerOpenApi(app: FastifyInstance, options: { version: string; docsEnabled: boolean }): void {
  app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'TRON Payment Gateway',
        version: options.version,
        description: 'Self-hosted TRON payment gateway. Errors are application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <api key>' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
      tags: API_TAGS,
    },
    transform: ({ schema, url, route }) => ({ schema: documentedSchema(schema, route), url }),
  });
  if (options.docsEnabled) {
    app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true, uiConfig: { deepLinking: true } });
  }
}

/** The route's schema as the document shows it (a copy: the schema Fastify validates with is untouched). */
function documentedSchema(schema: FastifySchema | undefined, route: RouteOptions): FastifySchema {
  const documented: FastifySchema = { ...schema };
  const config = route.config ?? {};
  if (config.public === true) documented.security = [];
  else if (config.scope !== undefined) {
    documented.description = [`Requires an API key with scope \`${config.scope}\` (or \`admin\`).`, schema?.description]
      .filter(Boolean)
      .join('\n\n');
  }
  // Routes without response schemas keep swagger's plain "200 Default Response".
  const responses = schema?.response as Record<string, unknown> | undefined;
  if (responses !== undefined && !('default' in responses)) {
    documented.response = {
      ...responses,
      default: { description: 'Problem', content: { 'application/problem+json': { schema: ProblemSchema } } },
    };
  }
  return documented;
}

/** The OpenAPI document of a built app, for `docs/openapi.json`. */
export async function generateOpenApiDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  await app.ready();
  return app.swagger();
}

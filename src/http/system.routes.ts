/**
 * App-level routes: service index, health (liveness and readiness), status and Prometheus metrics.
 * None needs an API key, except /metrics when `monitoring.metrics_require_key` asks for an admin key.
 * /status shows everyone service-level facts only; a merchant's admin key adds the runtime detail and
 * that merchant's own records. /metrics does not exist when `monitoring.metrics_enabled` is off.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Clock } from '../shared/clock.js';
import { toIso } from '../shared/clock.js';
import { hasScope } from './auth.js';
import type { GatewayMetrics } from './metrics.js';
import type { CheckResult, HealthChecks } from './ports.js';

export interface SystemRoutesOptions {
  version: string;
  health: HealthChecks;
  metrics: GatewayMetrics;
  /** false: no /metrics route (404) and nothing collected for it */
  metricsEnabled: boolean;
  metricsRequireKey: boolean;
  docsEnabled: boolean;
  clock: Clock;
}

const CheckSchema = Type.Object({ ok: Type.Boolean(), detail: Type.String(), latency_ms: Type.Optional(Type.Number()) });
const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('healthy'), Type.Literal('unhealthy')]),
  checks: Type.Record(Type.String(), CheckSchema),
});
const tags = ['system'];

export const systemRoutes: FastifyPluginAsyncTypebox<SystemRoutesOptions> = async (app, options) => {
  const startedAt = options.clock.now();

  const readiness = async () => {
    let checks: Record<string, CheckResult>;
    try {
      checks = await options.health.ready();
    } catch (error) {
      app.log.error({ err: error }, 'health checks failed to run');
      checks = { health: { ok: false, detail: 'health checks failed to run' } };
    }
    const healthy = Object.values(checks).every((c) => c.ok);
    return {
      code: healthy ? (200 as const) : (503 as const),
      body: { status: healthy ? ('healthy' as const) : ('unhealthy' as const), checks },
    };
  };
  const healthSchema = { tags, response: { 200: HealthSchema, 503: HealthSchema } };

  app.get(
    '/',
    {
      config: { public: true },
      schema: {
        tags,
        operationId: 'getServiceIndex',
        summary: 'Service index',
        response: {
          200: Type.Object({ name: Type.String(), version: Type.String(), links: Type.Record(Type.String(), Type.String()) }),
        },
      },
    },
    async () => ({
      name: 'TRON Payment Gateway',
      version: options.version,
      links: {
        ...(options.docsEnabled ? { docs: '/docs' } : {}),
        health: '/health',
        status: '/status',
        ...(options.metricsEnabled ? { metrics: '/metrics' } : {}),
      },
    }),
  );

  app.get(
    '/health',
    { config: { public: true }, schema: { ...healthSchema, operationId: 'getHealth', summary: 'Readiness of every dependency' } },
    async (_req, reply) => {
      const { code, body } = await readiness();
      return reply.code(code).send(body);
    },
  );

  app.get(
    '/health/ready',
    { config: { public: true }, schema: { ...healthSchema, operationId: 'getReadiness', summary: 'Readiness; 503 when any check fails' } },
    async (_req, reply) => {
      const { code, body } = await readiness();
      return reply.code(code).send(body);
    },
  );

  // Liveness must not touch dependencies: a slow database should not get the process restarted.
  app.get(
    '/health/live',
    {
      config: { public: true },
      schema: { tags, operationId: 'getLiveness', summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('alive') }) } },
    },
    async () => ({ status: 'alive' as const }),
  );

  app.get(
    '/status',
    {
      config: { public: true, identify: true },
      schema: {
        tags,
        operationId: 'getServiceStatus',
        summary: 'Version, uptime, readiness, lags and queue counts',
        description:
          'Without a key (or with a key lacking `admin`): service-level facts only. With an admin key: also the runtime detail ' +
          '(database, memory, deposit pool, scanner holder) and the last balance reconciliation of that merchant’s own addresses.',
        response: {
          200: Type.Object(
            { version: Type.String(), started_at: Type.String(), uptime_seconds: Type.Integer(), ready: Type.Boolean() },
            { additionalProperties: true },
          ),
        },
      },
    },
    async (request) => {
      const principal = request.principal;
      const viewer = principal && hasScope(principal, 'admin') ? { merchantId: principal.merchantId } : null;
      const [extra, { code }] = await Promise.all([options.health.status(viewer), readiness()]);
      const now = options.clock.now();
      return {
        ...extra,
        version: options.version,
        started_at: toIso(startedAt),
        uptime_seconds: Math.floor((now - startedAt) / 1000),
        ready: code === 200,
      };
    },
  );

  if (options.metricsEnabled) {
    app.get(
      '/metrics',
      {
        config: options.metricsRequireKey ? { scope: 'admin' } : { public: true },
        schema: { tags, operationId: 'getMetrics', summary: 'Prometheus metrics', produces: ['text/plain'] },
      },
      async (_req, reply) => reply.type(options.metrics.contentType).send(await options.metrics.render()),
    );
  }
};

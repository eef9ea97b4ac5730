/**
 * App-level routes: service index, health (liveness and readiness), status and Prometheus metrics.
 * None needs an API key, except /metrics when `monitoring.metrics_require_key` asks for an admin key.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Clock } from '../shared/clock.js';
import { toIso } from '../shared/clock.js';
import type { GatewayMetrics } from './metrics.js';
import type { CheckResult, HealthChecks } from './ports.js';

export interface SystemRoutesOptions {
  version: string;
  health: HealthChecks;
  metrics: GatewayMetrics;
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
        summary: 'Service index',
        response: {
          200: Type.Object({ name: Type.String(), version: Type.String(), links: Type.Record(Type.String(), Type.String()) }),
        },
      },
    },
    async () => ({
      name: 'TRON Payment Gateway',
      version: options.version,
      links: { ...(options.docsEnabled ? { docs: '/docs' } : {}), health: '/health', status: '/status', metrics: '/metrics' },
    }),
  );

  app.get(
    '/health',
    { config: { public: true }, schema: { ...healthSchema, summary: 'Readiness of every dependency' } },
    async (_req, reply) => {
      const { code, body } = await readiness();
      return reply.code(code).send(body);
    },
  );

  app.get(
    '/health/ready',
    { config: { public: true }, schema: { ...healthSchema, summary: 'Readiness; 503 when any check fails' } },
    async (_req, reply) => {
      const { code, body } = await readiness();
      return reply.code(code).send(body);
    },
  );

  // Liveness must not touch dependencies: a slow database should not get the process restarted.
  app.get(
    '/health/live',
    { config: { public: true }, schema: { tags, summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('alive') }) } } },
    async () => ({ status: 'alive' as const }),
  );

  app.get(
    '/status',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Version, uptime and runtime state',
        response: {
          200: Type.Object(
            { version: Type.String(), started_at: Type.String(), uptime_seconds: Type.Integer() },
            { additionalProperties: true },
          ),
        },
      },
    },
    async () => {
      const extra = await options.health.status();
      const now = options.clock.now();
      return { ...extra, version: options.version, started_at: toIso(startedAt), uptime_seconds: Math.floor((now - startedAt) / 1000) };
    },
  );

  app.get(
    '/metrics',
    {
      config: options.metricsRequireKey ? { scope: 'admin' } : { public: true },
      schema: { tags, summary: 'Prometheus metrics', produces: ['text/plain'] },
    },
    async (_req, reply) => reply.type(options.metrics.contentType).send(await options.metrics.render()),
  );
};

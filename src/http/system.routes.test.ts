import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { createHttpApp, generateOpenApiDocument, type HttpApp } from './app.js';
import { createGatewayMetrics } from './metrics.js';
import { fakeAuthenticator, fakeHealth, testAppOptions } from './testing.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/payments/:payment_id/cancel',
    {
      config: { scope: 'payments:write' },
      schema: {
        tags: ['payments'],
        params: Type.Object({ payment_id: Type.String() }),
        body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Type.String(), status: Type.String() }) },
      },
    },
    async (request) => ({ id: request.params.payment_id, status: 'cancelled' }),
  );
};

let app: HttpApp;
afterEach(async () => {
  await app?.close();
});
function build(overrides: Parameters<typeof testAppOptions>[0] = {}): HttpApp {
  app = createHttpApp(
    testAppOptions({
      authenticator: fakeAuthenticator({ sk_admin: { scopes: ['admin'] }, sk_read: { scopes: ['payments:read'] } }),
      ...overrides,
    }),
  );
  app.register(routes, { prefix: '/api/v1' });
  return app;
}

describe('health', () => {
  it('answers 200 healthy with the checks when every check passes', async () => {
    build({ health: fakeHealth({ database: { ok: true, detail: 'ok', latency_ms: 2 }, chain: { ok: true, detail: 'head 120' } }) });
    for (const url of ['/health', '/health/ready']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        status: 'healthy',
        checks: { database: { ok: true, detail: 'ok', latency_ms: 2 }, chain: { ok: true, detail: 'head 120' } },
      });
    }
  });

  it('answers 503 unhealthy when a check fails', async () => {
    build({ health: fakeHealth({ database: { ok: true, detail: 'ok' }, chain: { ok: false, detail: 'node unreachable' } }) });
    for (const url of ['/health', '/health/ready']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unhealthy', checks: { chain: { ok: false, detail: 'node unreachable' } } });
    }
  });

  it('answers 503 without internals when the checks themselves throw', async () => {
    build({
      health: {
        ready: async () => {
          throw new Error('password=hunter2');
        },
        status: async () => ({}),
      },
    });
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.body).not.toContain('hunter2');
  });

  it('answers liveness without running any check', async () => {
    let ran = false;
    build({
      health: {
        ready: async () => {
          ran = true;
          return {};
        },
        status: async () => ({}),
      },
    });
    const res = await app.inject({ method: 'GET', url: '/health/live' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'alive' });
    expect(ran).toBe(false);
  });

  it('reports version, start time, uptime, readiness and the status extras', async () => {
    const clock = fixedClock(Date.parse('2025-01-01T00:00:00Z'));
    const health = fakeHealth(undefined, { network: 'devnet', roles: ['api'] });
    build({ clock, health });
    await app.ready();
    clock.advance(90_500);
    const res = await app.inject({ method: 'GET', url: '/status' });
    expect(res.json()).toEqual({
      version: '0.0.0-test',
      started_at: '2025-01-01T00:00:00.000Z',
      uptime_seconds: 90,
      ready: true,
      network: 'devnet',
      roles: ['api'],
    });
    health.checks = { database: { ok: false, detail: 'down' } };
    expect((await app.inject({ method: 'GET', url: '/status' })).json()).toMatchObject({ ready: false });
  });

  it('shows the detail only to an admin key, as that key’s merchant; anyone else gets the service-level view', async () => {
    const health = fakeHealth(undefined, { roles: ['api'] }, (merchantId) => ({ detail_for: merchantId }));
    app = createHttpApp(
      testAppOptions({
        health,
        authenticator: fakeAuthenticator({
          sk_admin_a: { scopes: ['admin'], merchantId: 'mer_aaaaaaaaaaaaaaaa' },
          sk_admin_b: { scopes: ['admin'], merchantId: 'mer_bbbbbbbbbbbbbbbb' },
          sk_read: { scopes: ['payments:read'] },
        }),
      }),
    );
    const status = async (headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: '/status', headers });
    expect((await status()).json()).not.toHaveProperty('detail_for');
    expect((await status({ 'x-api-key': 'sk_read' })).json()).not.toHaveProperty('detail_for');
    expect((await status({ 'x-api-key': 'sk_admin_a' })).json()).toMatchObject({ roles: ['api'], detail_for: 'mer_aaaaaaaaaaaaaaaa' });
    expect((await status({ authorization: 'Bearer sk_admin_b' })).json()).toMatchObject({ detail_for: 'mer_bbbbbbbbbbbbbbbb' });
    const unknown = await status({ authorization: 'Bearer sk_nobody' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
  });

  it('lists the service links at /', async () => {
    build();
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.json()).toEqual({
      name: 'TRON Payment Gateway',
      version: '0.0.0-test',
      links: { docs: '/docs', health: '/health', status: '/status', metrics: '/metrics' },
    });
  });
});

describe('metrics', () => {
  it('exposes HTTP counters by route pattern and scrape-time gauges', async () => {
    const metrics = createGatewayMetrics({ defaultMetrics: false });
    metrics.registerCollectedGauge('tpg_payments', 'payments by status', ['status'], async () => [
      { labels: { status: 'pending' }, value: 3 },
      { labels: { status: 'confirmed' }, value: 5 },
    ]);
    metrics.registerCollectedGauge('tpg_broken', 'a collector that fails', [], async () => {
      throw new Error('db down');
    });
    build({ metrics });
    await app.inject({ method: 'POST', url: '/api/v1/payments/pay_0000000000000001/cancel', headers: { 'x-api-key': 'sk_admin' } });
    await app.inject({ method: 'GET', url: '/no/such/thing' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.body).toContain('tpg_http_requests_total{method="POST",route="/api/v1/payments/:payment_id/cancel",status="200"} 1');
    expect(res.body).toContain('tpg_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(res.body).toContain(
      'tpg_http_request_duration_seconds_bucket{le="0.001",method="POST",route="/api/v1/payments/:payment_id/cancel"}',
    );
    expect(res.body).not.toContain('pay_0000000000000001');
    expect(res.body).toContain('tpg_payments{status="pending"} 3');
    expect(res.body).toContain('tpg_payments{status="confirmed"} 5');
    // Failures are counted as they happen, so the count shows from the next scrape on.
    const again = await app.inject({ method: 'GET', url: '/metrics' });
    expect(again.body).toContain('tpg_metrics_collect_errors_total{gauge="tpg_broken"} 1');
  });

  it('includes default process metrics by default', async () => {
    build({ metrics: createGatewayMetrics() });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('exposes the build, and counters whose labels are known up front start at 0', async () => {
    const metrics = createGatewayMetrics({ defaultMetrics: false, version: '9.8.7' });
    metrics.registerCollectedGauge('tpg_things', 'things by colour', ['colour'], async () => [{ labels: { colour: 'red' }, value: 2 }], [
      { colour: 'red' },
      { colour: 'blue' },
    ]);
    build({ metrics });
    const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(body).toContain(`tpg_build_info{version="9.8.7",node="${process.version}"} 1`);
    for (const outcome of ['succeeded', 'retry', 'failed', 'skipped'])
      expect(body).toContain(`tpg_webhook_deliveries_total{outcome="${outcome}"} 0`);
    expect(body).toContain('tpg_things{colour="red"} 2');
    expect(body).toContain('tpg_things{colour="blue"} 0');
    expect(body).toContain('tpg_metrics_collect_errors_total{gauge="tpg_things"} 0');
  });

  it('counts node calls by endpoint and outcome, with a latency histogram; an endpoint’s error series starts at 0', async () => {
    const metrics = createGatewayMetrics({ defaultMetrics: false });
    metrics.observeNodeCall('/wallet/getnowblock', true, 0.012);
    metrics.observeNodeCall('/wallet/getnowblock', true, 0.02);
    metrics.observeNodeCall('/wallet/getaccount', false, 3.5);
    build({ metrics });
    const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(body).toContain('tpg_node_requests_total{endpoint="/wallet/getnowblock",outcome="ok"} 2');
    expect(body).toContain('tpg_node_requests_total{endpoint="/wallet/getnowblock",outcome="error"} 0');
    expect(body).toContain('tpg_node_requests_total{endpoint="/wallet/getaccount",outcome="error"} 1');
    expect(body).toContain('tpg_node_request_duration_seconds_bucket{le="0.025",endpoint="/wallet/getnowblock"} 2');
    expect(body).toContain('tpg_node_request_duration_seconds_count{endpoint="/wallet/getaccount"} 1');
  });

  it('is absent when disabled: 404, no link, nothing collected', async () => {
    let collected = 0;
    const metrics = createGatewayMetrics({ defaultMetrics: false });
    metrics.registerCollectedGauge('tpg_costly', 'a gauge that queries', [], async () => {
      collected++;
      return [];
    });
    build({ metrics, metricsEnabled: false });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect((await app.inject({ method: 'GET', url: '/' })).json().links).not.toHaveProperty('metrics');
    expect(collected).toBe(0);
  });

  it('asks for an admin key when configured', async () => {
    build({ metricsRequireKey: true });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { 'x-api-key': 'sk_read' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { 'x-api-key': 'sk_admin' } })).statusCode).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3 document listing the routes at /docs/json without a key', async () => {
    build();
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.info).toMatchObject({ title: 'TRON Payment Gateway', version: '0.0.0-test' });
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKeyHeader', 'bearerAuth', 'sessionCookie']);
    const cancel = doc.paths['/api/v1/payments/{payment_id}/cancel'].post;
    expect(cancel.tags).toEqual(['payments']);
    expect(cancel.description).toContain('payments:write');
    expect(cancel.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(cancel.responses.default.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(doc.components.schemas.Problem.properties.code).toBeDefined();
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/docs'))).toBe(false);
  });

  it('serves Swagger UI from local assets', async () => {
    build();
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).not.toMatch(/https?:\/\/(?!localhost)[a-z]/i);
    const asset = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(asset.statusCode).toBe(200);
  });

  it('hides /docs when docs are disabled but still generates the document', async () => {
    build({ docsEnabled: false });
    expect((await app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(404);
    const doc = await generateOpenApiDocument(app);
    expect(doc.paths?.['/api/v1/payments/{payment_id}/cancel']).toBeDefined();
  });
});

/**
 * Webhook delivery end to end over a real database (both engines) and local receivers: outbox events →
 * deliveries → signed POSTs, every attempt recorded, retries on their own schedule, failing endpoints
 * isolated and eventually disabled, leases fencing every result write.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../src/db/database.js';
import { Outbox } from '../src/modules/outbox/outbox.js';
import { Deliverer, type DelivererOptions } from '../src/modules/webhooks/deliverer.js';
import { DeliveryStore } from '../src/modules/webhooks/delivery-store.js';
import { Dispatcher } from '../src/modules/webhooks/dispatcher.js';
import { EndpointHealth } from '../src/modules/webhooks/endpoint-health.js';
import { HttpSender } from '../src/modules/webhooks/http-sender.js';
import { retryPolicyFromConfig } from '../src/modules/webhooks/retry-schedule.js';
import { verifyWebhookSignature } from '../src/modules/webhooks/signature.js';
import type { WebhookEventType } from '../src/shared/catalogues/webhook-events.js';
import { type Clock, fixedClock, systemClock } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './db-harness.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

interface Receiver {
  url: string;
  received: Received[];
  respond: (req: IncomingMessage, res: ServerResponse) => void;
  close(): Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(status = 200): Promise<Receiver> {
  const received: Received[] = [];
  const state: Receiver = {
    url: '',
    received,
    respond: (_req, res) => res.writeHead(status).end('{"received":true}'),
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      state.respond(req, res);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  };
  cleanups.push(() => state.close());
  return state;
}

interface Rig {
  db: TestDatabase;
  clock: Clock;
  outbox: Outbox;
  dispatcher: Dispatcher;
  store: DeliveryStore;
  deliverer: Deliverer;
  merchant(): Promise<string>;
  webhook(
    merchantId: string,
    url: string,
    options?: { events?: string[]; active?: boolean; secret?: string },
  ): Promise<{ id: string; secret: string }>;
  emit(merchantId: string, type: WebhookEventType, object?: unknown): Promise<string>;
  deliveries(): Promise<
    Array<{
      id: string;
      webhook_id: string;
      event_id: string;
      status: string;
      attempts: number;
      last_error: string | null;
      last_status_code: number | null;
      next_attempt_at: number;
    }>
  >;
  attempts(deliveryId?: string): Promise<
    Array<{
      delivery_id: string;
      attempt: number;
      outcome: string;
      status_code: number | null;
      error: string | null;
      response_excerpt: string | null;
    }>
  >;
}

let hdIndex = 100;

async function rig(
  engine: Engine,
  options: {
    clock?: Clock;
    deliverer?: Partial<DelivererOptions>;
    maxRetries?: number;
    retryIntervalSeconds?: number;
    disableAfterHours?: number;
  } = {},
): Promise<Rig> {
  const db = await openTestDatabase(engine);
  cleanups.push(() => db.destroy());
  const clock = options.clock ?? systemClock;
  const outbox = new Outbox({ clock, ids: newId, apiVersion: '2026-11-01' });
  const dispatcher = new Dispatcher({ db: db.db, engine, outbox, clock, ids: newId, chunk: 50 });
  const store = new DeliveryStore(db.db, engine);
  const health = new EndpointHealth(db.db, { disableAfterMs: (options.disableAfterHours ?? 72) * HOUR });
  const timeoutMs = options.deliverer?.timeoutMs ?? 2000;
  const deliverer = new Deliverer({
    store,
    health,
    transport: new HttpSender({ timeoutMs, allowPrivateTargets: true, userAgent: 'tron-payment-gateway/test' }),
    clock,
    logger: pino({ level: process.env.TPG_TEST_LOG ?? 'silent' }),
    workerId: `test:${engine}`,
    userAgent: 'tron-payment-gateway/test',
    policy: retryPolicyFromConfig({ max_retries: options.maxRetries ?? 8, retry_interval_seconds: options.retryIntervalSeconds ?? 1 }),
    timeoutMs,
    concurrency: 16,
    perEndpointConcurrency: 4,
    targetCacheMs: 0,
    ...options.deliverer,
  });
  cleanups.push(() => deliverer.stop({ graceMs: 100 }));
  return {
    db,
    clock,
    outbox,
    dispatcher,
    store,
    deliverer,
    async merchant() {
      const id = newId('mer');
      const now = clock.now();
      await db.db
        .insertInto('merchants')
        .values({ id, name: id, hd_index: hdIndex++, status: 'active', settlement_frequency: null, created_at: now, updated_at: now })
        .execute();
      return id;
    },
    async webhook(merchantId, url, webhookOptions = {}) {
      const id = newId('webhook');
      const secret = webhookOptions.secret ?? `whsec_${newId('key').slice(4)}`;
      const now = clock.now();
      await db.db
        .insertInto('webhooks')
        .values({
          id,
          merchant_id: merchantId,
          url,
          events: JSON.stringify(webhookOptions.events ?? ['*']),
          headers: JSON.stringify({ 'X-Shop': 'shop-1' }),
          description: null,
          active: webhookOptions.active === false ? 0 : 1,
          secret,
          previous_secret: null,
          previous_secret_expires_at: null,
          failing_since: null,
          last_success_at: null,
          last_failure_at: null,
          disabled_at: null,
          disabled_reason: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
      return { id, secret };
    },
    async emit(merchantId, type, object = { id: newId('pay'), amount: '12.5' }) {
      const [id] = await outbox.append(db.db, [{ merchantId, type, aggregateType: 'payment', aggregateId: newId('pay'), object }]);
      return id as string;
    },
    async deliveries() {
      const rows = await db.db.selectFrom('webhook_deliveries').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => ({
        id: r.id,
        webhook_id: r.webhook_id,
        event_id: r.event_id,
        status: r.status,
        attempts: Number(r.attempts),
        last_error: r.last_error,
        last_status_code: r.last_status_code === null ? null : Number(r.last_status_code),
        next_attempt_at: Number(r.next_attempt_at),
      }));
    },
    async attempts(deliveryId) {
      let query = db.db.selectFrom('webhook_attempts').selectAll();
      if (deliveryId) query = query.where('delivery_id', '=', deliveryId);
      const rows = await query.orderBy('delivery_id').orderBy('attempt').execute();
      return rows.map((r) => ({
        delivery_id: r.delivery_id,
        attempt: Number(r.attempt),
        outcome: r.outcome,
        status_code: r.status_code === null ? null : Number(r.status_code),
        error: r.error,
        response_excerpt: r.response_excerpt,
      }));
    },
  };
}

describe.each(ENGINES)('webhook delivery (%s)', (engine) => {
  it('fans events out to subscribed endpoints only and delivers each as a signed POST of the exact payload', async () => {
    const clock = fixedClock(T0);
    const r = await rig(engine, { clock });
    const all = await receiver();
    const completedOnly = await receiver();
    const merchant = await r.merchant();
    const other = await r.merchant();
    const hookAll = await r.webhook(merchant, all.url);
    const hookCompleted = await r.webhook(merchant, completedOnly.url, { events: ['payment.completed'] });
    await r.webhook(merchant, all.url, { active: false });
    const created1 = await r.emit(merchant, 'payment.created');
    const created2 = await r.emit(merchant, 'payment.created');
    const completed = await r.emit(merchant, 'payment.completed');
    await r.emit(other, 'payment.created'); // no endpoint: just marked dispatched

    expect(await r.dispatcher.drain()).toEqual({ events: 4, deliveries: 4 });
    expect(await r.outbox.countUndispatched(r.db.db)).toBe(0);
    expect(await r.dispatcher.drain()).toEqual({ events: 0, deliveries: 0 });
    const deliveries = await r.deliveries();
    expect(deliveries.map((d) => `${d.webhook_id === hookAll.id ? 'all' : 'completed'}:${d.event_id}`).sort()).toEqual(
      [`all:${created1}`, `all:${created2}`, `all:${completed}`, `completed:${completed}`].sort(),
    );

    expect(await r.deliverer.deliverDue()).toBe(4);
    expect(all.received).toHaveLength(3);
    expect(completedOnly.received).toHaveLength(1);
    const payloads = new Map(
      (await r.db.db.selectFrom('outbox').select(['id', 'payload']).execute()).map((row) => [row.id, row.payload] as const),
    );
    for (const [hook, got] of [
      [hookAll, all],
      [hookCompleted, completedOnly],
    ] as const) {
      for (const request of got.received) {
        const eventId = request.headers['x-tpg-event-id'] as string;
        expect(request.body).toBe(payloads.get(eventId));
        expect(JSON.parse(request.body)).toMatchObject({
          id: eventId,
          type: request.headers['x-tpg-event-type'],
          api_version: '2026-11-01',
        });
        expect(request.headers['content-type']).toBe('application/json');
        expect(request.headers['user-agent']).toBe('tron-payment-gateway/test');
        expect(request.headers['x-shop']).toBe('shop-1');
        expect(deliveries.map((d) => d.id)).toContain(request.headers['x-tpg-delivery-id']);
        const header = request.headers['x-tpg-signature'] as string;
        expect(header).toMatch(new RegExp(`^t=${Math.floor(T0 / 1000)},v1=[0-9a-f]{64}$`));
        expect(verifyWebhookSignature({ rawBody: request.body, header, secret: hook.secret, nowSeconds: Math.floor(T0 / 1000) })).toEqual({
          ok: true,
        });
        expect(verifyWebhookSignature({ rawBody: request.body, header, secret: 'whsec_wrong', nowSeconds: Math.floor(T0 / 1000) }).ok).toBe(
          false,
        );
      }
    }
    const after = await r.deliveries();
    expect(after.map((d) => [d.status, d.attempts, d.last_status_code])).toEqual(Array(4).fill(['succeeded', 1, 200]));
    const attempts = await r.attempts();
    expect(attempts).toHaveLength(4);
    for (const attempt of attempts)
      expect(attempt).toMatchObject({ attempt: 1, outcome: 'succeeded', status_code: 200, response_excerpt: '{"received":true}' });
    // finished deliveries are never sent again
    expect(await r.deliverer.deliverDue()).toBe(0);
    expect(all.received.length + completedOnly.received.length).toBe(4);
  });

  it('retries a 500 on its own backoff schedule, records every attempt and gives up after max_retries', async () => {
    const clock = fixedClock(T0);
    const r = await rig(engine, { clock, maxRetries: 2, retryIntervalSeconds: 1 });
    const failing = await receiver(500);
    const merchant = await r.merchant();
    await r.webhook(merchant, failing.url);
    await r.emit(merchant, 'payment.created');
    await r.dispatcher.drain();

    expect(await r.deliverer.deliverDue()).toBe(1);
    let [delivery] = await r.deliveries();
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, last_error: 'HTTP 500' });
    const firstDelay = (delivery?.next_attempt_at ?? 0) - T0;
    expect(firstDelay).toBeGreaterThanOrEqual(500);
    expect(firstDelay).toBeLessThanOrEqual(1000);
    // not due yet: nothing is claimed
    expect(await r.deliverer.deliverDue()).toBe(0);

    clock.advance(1000);
    expect(await r.deliverer.deliverDue()).toBe(1);
    [delivery] = await r.deliveries();
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2 });
    const secondDelay = (delivery?.next_attempt_at ?? 0) - clock.now();
    expect(secondDelay).toBeGreaterThanOrEqual(1000);
    expect(secondDelay).toBeLessThanOrEqual(2000);

    clock.advance(2000);
    expect(await r.deliverer.deliverDue()).toBe(1);
    [delivery] = await r.deliveries();
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3, last_error: 'HTTP 500; gave up after 3 attempts' });
    expect((await r.attempts()).map((a) => [a.attempt, a.outcome, a.status_code])).toEqual([
      [1, 'retry', 500],
      [2, 'retry', 500],
      [3, 'failed', 500],
    ]);
    clock.advance(HOUR);
    expect(await r.deliverer.deliverDue()).toBe(0);
    expect(failing.received).toHaveLength(3);
  });

  it('a failing event does not hold back later events of the same endpoint', async () => {
    const clock = fixedClock(T0);
    const r = await rig(engine, { clock });
    const flaky = await receiver();
    let calls = 0;
    flaky.respond = (_req, res) => res.writeHead(++calls === 1 ? 503 : 200).end();
    const merchant = await r.merchant();
    await r.webhook(merchant, flaky.url, {});
    const first = await r.emit(merchant, 'payment.created');
    await r.dispatcher.drain();
    await r.deliverer.deliverDue();
    const second = await r.emit(merchant, 'payment.completed');
    await r.dispatcher.drain();
    expect(await r.deliverer.deliverDue()).toBe(1);
    const byEvent = new Map((await r.deliveries()).map((d) => [d.event_id, d.status] as const));
    expect([byEvent.get(first), byEvent.get(second)]).toEqual(['pending', 'succeeded']);
  });

  it('a receiver that hangs does not starve a healthy one', { timeout: 30_000 }, async () => {
    const r = await rig(engine, { deliverer: { concurrency: 6, perEndpointConcurrency: 2, timeoutMs: 20_000 } });
    const hanging = await receiver();
    hanging.respond = () => {}; // never answers
    const healthy = await receiver();
    const merchant = await r.merchant();
    await r.webhook(merchant, hanging.url);
    await r.webhook(merchant, healthy.url);
    for (let i = 0; i < 30; i++) await r.emit(merchant, 'payment.created');
    await r.dispatcher.drain();
    r.deliverer.start();
    for (let i = 0; i < 200 && healthy.received.length < 30; i++) await new Promise((done) => setTimeout(done, 50));
    expect(healthy.received).toHaveLength(30);
    // the hanging endpoint holds no more than its share
    expect(hanging.received.length).toBeLessThanOrEqual(2);
    await hanging.close();
  });

  it('re-reads the endpoint before sending: a deleted endpoint fails its delivery without a request', async () => {
    const clock = fixedClock(T0);
    const r = await rig(engine, { clock });
    const target = await receiver();
    const merchant = await r.merchant();
    const hook = await r.webhook(merchant, target.url);
    await r.emit(merchant, 'payment.created');
    await r.dispatcher.drain();
    await r.db.db.updateTable('webhooks').set({ deleted_at: clock.now() }).where('id', '=', hook.id).execute();
    expect(await r.deliverer.deliverDue()).toBe(1);
    expect(target.received).toHaveLength(0);
    expect(await r.deliveries()).toMatchObject([{ status: 'failed', attempts: 0, last_error: 'endpoint deleted' }]);
    expect(await r.attempts()).toEqual([]);
  });

  it('signs with the previous secret too while its rotation grace lasts', async () => {
    const clock = fixedClock(T0);
    const r = await rig(engine, { clock });
    const target = await receiver();
    const merchant = await r.merchant();
    const hook = await r.webhook(merchant, target.url, { secret: 'whsec_new' });
    await r.db.db
      .updateTable('webhooks')
      .set({ previous_secret: 'whsec_old', previous_secret_expires_at: T0 + HOUR })
      .where('id', '=', hook.id)
      .execute();
    await r.emit(merchant, 'payment.created');
    await r.dispatcher.drain();
    await r.deliverer.deliverDue();
    const [request] = target.received;
    const header = request?.headers['x-tpg-signature'] as string;
    expect(header.split(',')).toHaveLength(3);
    for (const secret of ['whsec_new', 'whsec_old']) {
      expect(verifyWebhookSignature({ rawBody: request?.body ?? '', header, secret, nowSeconds: T0 / 1000 }).ok).toBe(true);
    }
  });

  it('marks endpoint health, and disables an endpoint failing for disable_after_failing_hours', async () => {
    const clock = fixedClock(T0);
    const r = await rig(engine, { clock, maxRetries: 50, disableAfterHours: 72 });
    const target = await receiver(500);
    const merchant = await r.merchant();
    const hook = await r.webhook(merchant, target.url);
    const endpoint = () => r.db.db.selectFrom('webhooks').selectAll().where('id', '=', hook.id).executeTakeFirstOrThrow();

    await r.emit(merchant, 'payment.created');
    await r.dispatcher.drain();
    await r.deliverer.deliverDue();
    expect(Number((await endpoint()).failing_since)).toBe(T0);

    // a success ends the streak
    target.respond = (_req, res) => res.writeHead(200).end();
    clock.advance(2 * HOUR);
    await r.deliverer.deliverDue();
    expect(await endpoint()).toMatchObject({ failing_since: null });
    expect(Number((await endpoint()).last_success_at)).toBe(T0 + 2 * HOUR);

    // a new streak: failing from T1 …
    target.respond = (_req, res) => res.writeHead(502).end();
    const t1 = clock.now();
    await r.emit(merchant, 'payment.created');
    await r.emit(merchant, 'payment.completed');
    await r.dispatcher.drain();
    await r.deliverer.deliverDue();
    clock.advance(71 * HOUR);
    await r.deliverer.deliverDue();
    expect(await endpoint()).toMatchObject({ disabled_at: null });
    expect(Number((await endpoint()).failing_since)).toBe(t1);
    // … until 72 hours have passed: disabled, and its pending deliveries end
    clock.advance(2 * HOUR);
    await r.deliverer.deliverDue();
    const disabled = await endpoint();
    expect(Number(disabled.disabled_at)).toBe(clock.now());
    expect(disabled.disabled_reason).toContain('failing since');
    const pending = (await r.deliveries()).slice(1);
    expect(pending.map((d) => [d.status, d.last_error])).toEqual([
      ['failed', 'endpoint disabled'],
      ['failed', 'endpoint disabled'],
    ]);
    // a disabled endpoint gets no new deliveries
    await r.emit(merchant, 'payment.created');
    expect(await r.dispatcher.drain()).toEqual({ events: 1, deliveries: 0 });
    const requests = target.received.length;
    clock.advance(HOUR);
    expect(await r.deliverer.deliverDue()).toBe(0);
    expect(target.received.length).toBe(requests);
  });

  it('fences results on the lease: a claim whose lease was taken over records nothing', async () => {
    const clock = fixedClock(T0);
    const r = await rig(engine, { clock });
    const merchant = await r.merchant();
    await r.webhook(merchant, 'http://127.0.0.1:9/unused');
    await r.emit(merchant, 'payment.created');
    await r.dispatcher.drain();
    const [first] = await r.store.claimDue({ limit: 10, perEndpoint: 10, token: 'proc-a:1', leaseMs: 1000, now: clock.now() });
    expect(first).toBeDefined();
    // still leased: nobody else can claim it
    expect(await r.store.claimDue({ limit: 10, perEndpoint: 10, token: 'proc-b:1', leaseMs: 1000, now: clock.now() })).toEqual([]);
    clock.advance(1001);
    const [second] = await r.store.claimDue({ limit: 10, perEndpoint: 10, token: 'proc-b:1', leaseMs: 1000, now: clock.now() });
    expect(second?.id).toBe(first?.id);
    const attempt = { startedAt: clock.now(), latencyMs: 5, statusCode: 200, outcome: 'succeeded' as const, error: null, excerpt: '' };
    const late = await r.store.record(
      [{ delivery: first as never, attempt, status: 'succeeded', lastStatusCode: 200, lastError: null }],
      clock.now(),
    );
    expect(late.size).toBe(0);
    const owner = await r.store.record(
      [{ delivery: second as never, attempt, status: 'succeeded', lastStatusCode: 200, lastError: null }],
      clock.now(),
    );
    expect([...owner]).toEqual([first?.id]);
    // and once finished it can be neither claimed nor recorded again
    clock.advance(HOUR);
    expect(await r.store.claimDue({ limit: 10, perEndpoint: 10, token: 'proc-c:1', leaseMs: 1000, now: clock.now() })).toEqual([]);
    expect(
      (
        await r.store.record(
          [{ delivery: second as never, attempt, status: 'succeeded', lastStatusCode: 200, lastError: null }],
          clock.now(),
        )
      ).size,
    ).toBe(0);
    expect(await r.attempts()).toHaveLength(1);
  });

  it('two dispatchers running at once fan every event out exactly once', async () => {
    const r = await rig(engine);
    const merchant = await r.merchant();
    await r.webhook(merchant, 'http://127.0.0.1:9/a');
    await r.webhook(merchant, 'http://127.0.0.1:9/b', { events: ['payment.completed'] });
    for (let i = 0; i < 120; i++) await r.emit(merchant, i % 3 === 0 ? 'payment.completed' : 'payment.created');
    const other = new Dispatcher({ db: r.db.db, engine, outbox: r.outbox, clock: systemClock, ids: newId, chunk: 50 });
    const [a, b] = await Promise.all([r.dispatcher.drain(), other.drain()]);
    expect((a?.events ?? 0) + (b?.events ?? 0)).toBe(120);
    expect((a?.deliveries ?? 0) + (b?.deliveries ?? 0)).toBe(160);
    expect(await r.deliveries()).toHaveLength(160);
  });
});

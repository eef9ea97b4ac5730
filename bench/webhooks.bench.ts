/**
 * Webhook delivery throughput (docs/adr/0013): outbox events fanned out to deliveries on a fresh
 * database, then signed POSTs to local receivers on 127.0.0.1 with every attempt recorded.
 *
 * (a) deliveries/s to healthy receivers (SQLite, and PostgreSQL when reachable), target ≥ 1,000/s;
 * (b) isolation: one receiver answering 500 next to a healthy one; the healthy one's rate must stay
 *     within 20 % of its rate alone.
 * The receivers run on the same thread as the gateway's deliverer, so their work is included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type Database, type Engine, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { Outbox, type OutboxEvent } from '../src/modules/outbox/outbox.js';
import { createWebhookDelivery } from '../src/modules/webhooks/webhook-delivery.js';
import { systemClock } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { type BenchResult, result } from './harness.js';

const PG_URL = process.env.TPG_BENCH_DATABASE_URL ?? process.env.TPG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const THROUGHPUT_EVENTS = 2000;
const THROUGHPUT_ENDPOINTS = 4;
const ISOLATION_EVENTS = 2000;
const TARGET_PER_SEC = 1000;
const SETTINGS = {
  max_retries: 8,
  retry_interval_seconds: 30,
  delivery_timeout_seconds: 10,
  max_webhooks: 10,
  allow_private_targets: true,
  require_https: false,
  disable_after_failing_hours: 72,
  concurrency: 64,
  per_endpoint_concurrency: 8,
  events: ['payment.created' as const],
};
const silent = { warn: () => {}, error: () => {} };

interface Receiver {
  url: string;
  count: number;
  close(): Promise<void>;
}

async function receiver(status: number): Promise<Receiver> {
  const state = { url: '', count: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.count++;
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  };
  return state;
}

interface Fresh {
  database: Database;
  drop(): Promise<void>;
}

async function freshDatabase(engine: Engine): Promise<Fresh> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tpg-bench-webhooks-'));
    const database = openDatabase({ sqlitePath: join(dir, 'gateway.sqlite') });
    await migrateToLatest(database.db);
    return {
      database,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${newId('job').slice(4)}`;
  const admin = openDatabase({ url: PG_URL, poolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const database = openDatabase({ url: PG_URL, searchPath: schema, poolSize: 10 });
  await migrateToLatest(database.db);
  return {
    database,
    drop: async () => {
      await database.close();
      const cleanup = openDatabase({ url: PG_URL, poolSize: 1 });
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(cleanup.db);
      await cleanup.close();
    },
  };
}

async function seed(database: Database, urls: string[], events: number): Promise<{ webhookIds: string[] }> {
  const { db } = database;
  const now = Date.now();
  const merchantId = newId('mer');
  await db
    .insertInto('merchants')
    .values({ id: merchantId, name: 'bench', hd_index: 1, status: 'active', settlement_frequency: null, created_at: now, updated_at: now })
    .execute();
  const webhookIds: string[] = [];
  for (const url of urls) {
    const id = newId('webhook');
    webhookIds.push(id);
    await db
      .insertInto('webhooks')
      .values({
        id,
        merchant_id: merchantId,
        url,
        events: '["*"]',
        headers: '{}',
        description: null,
        active: 1,
        secret: `whsec_${newId('key').slice(4)}`,
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
  }
  const outbox = new Outbox({ clock: systemClock, ids: newId, apiVersion: '2026-11-01' });
  for (let start = 0; start < events; start += 500) {
    const batch: OutboxEvent[] = [];
    for (let i = start; i < Math.min(events, start + 500); i++) {
      const paymentId = newId('pay');
      batch.push({
        merchantId,
        type: 'payment.created',
        aggregateType: 'payment',
        aggregateId: paymentId,
        object: { payment_id: paymentId, object: 'payment', status: 'pending', amount: '125.5', currency: 'USDT', fee: '0.19' },
      });
    }
    await db.transaction().execute((trx) => outbox.append(trx, batch));
  }
  return { webhookIds };
}

interface Run {
  dispatchMs: number;
  deliveries: number;
  /** per webhook id: ms from start until its last delivery was recorded succeeded */
  doneMs: Map<string, number>;
  totalMs: number;
  attempts: number;
}

/** Fans the outbox out, then delivers until every delivery of `healthy` webhooks succeeded. */
async function deliverAll(database: Database, engine: Engine, healthy: string[]): Promise<Run> {
  const { db } = database;
  const outbox = new Outbox({ clock: systemClock, ids: newId, apiVersion: '2026-11-01' });
  const delivery = createWebhookDelivery({
    db,
    engine,
    outbox,
    clock: systemClock,
    ids: newId,
    logger: silent,
    settings: SETTINGS,
    workerId: `bench:${engine}`,
    version: 'bench',
    pollIntervalMs: 20,
  });
  const t0 = performance.now();
  const fanned = await delivery.dispatcher.drain(1000);
  const dispatchMs = performance.now() - t0;
  const perWebhook = new Map<string, number>();
  for (const id of healthy) {
    const row = await db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('webhook_id', '=', id)
      .executeTakeFirstOrThrow();
    perWebhook.set(id, Number(row.n));
  }
  const doneMs = new Map<string, number>();
  const t1 = performance.now();
  delivery.deliverer.start();
  for (let i = 0; i < 6000 && doneMs.size < healthy.length; i++) {
    await new Promise((done) => setTimeout(done, 10));
    const rows = await db
      .selectFrom('webhook_deliveries')
      .select((eb) => ['webhook_id', eb.fn.countAll().as('n')])
      .where('status', '=', 'succeeded')
      .where('webhook_id', 'in', healthy)
      .groupBy('webhook_id')
      .execute();
    for (const row of rows) {
      if (!doneMs.has(row.webhook_id) && Number(row.n) >= (perWebhook.get(row.webhook_id) ?? 0))
        doneMs.set(row.webhook_id, performance.now() - t1);
    }
  }
  const totalMs = performance.now() - t1;
  await delivery.stop(5000);
  const attempts = Number(
    (
      await db
        .selectFrom('webhook_attempts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { dispatchMs, deliveries: fanned.deliveries, doneMs, totalMs, attempts };
}

async function pgReachable(): Promise<boolean> {
  const probe = openDatabase({ url: PG_URL, poolSize: 1, statementTimeoutMs: 2000 });
  try {
    await sql`select 1`.execute(probe.db);
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}

async function throughput(engine: Engine, log: (line: string) => void): Promise<BenchResult[]> {
  const receivers = await Promise.all(Array.from({ length: THROUGHPUT_ENDPOINTS }, () => receiver(200)));
  const fresh = await freshDatabase(engine);
  try {
    const { webhookIds } = await seed(
      fresh.database,
      receivers.map((r) => r.url),
      THROUGHPUT_EVENTS,
    );
    const run = await deliverAll(fresh.database, engine, webhookIds);
    const finished = Math.max(...run.doneMs.values());
    const rate = (run.deliveries * 1000) / finished;
    log(
      `webhooks(${engine}): ${run.deliveries} deliveries to ${THROUGHPUT_ENDPOINTS} receivers in ${Math.round(finished)} ms, ${run.attempts} attempts recorded; fan-out ${Math.round(run.dispatchMs)} ms`,
    );
    return [
      result(`signed deliveries/s, attempts recorded (${engine})`, Math.round(rate), 'deliveries/s', {
        target: { op: '>=', value: TARGET_PER_SEC },
        details: { deliveries: run.deliveries, attempts: run.attempts, endpoints: THROUGHPUT_ENDPOINTS, concurrency: SETTINGS.concurrency },
      }),
      result(`outbox fan-out (${engine})`, Math.round((run.deliveries * 1000) / run.dispatchMs), 'deliveries created/s', {
        details: { events: THROUGHPUT_EVENTS, deliveries: run.deliveries },
      }),
    ];
  } finally {
    await fresh.drop();
    await Promise.all(receivers.map((r) => r.close()));
  }
}

/** The healthy receiver's rate alone, then next to one answering 500 to every delivery. */
async function isolation(log: (line: string) => void): Promise<BenchResult[]> {
  const healthy = await receiver(200);
  const failing = await receiver(500);
  try {
    const solo = await freshDatabase('sqlite');
    let soloRate: number;
    try {
      const { webhookIds } = await seed(solo.database, [healthy.url], ISOLATION_EVENTS);
      const run = await deliverAll(solo.database, 'sqlite', webhookIds);
      soloRate = (ISOLATION_EVENTS * 1000) / (run.doneMs.get(webhookIds[0] as string) ?? run.totalMs);
    } finally {
      await solo.drop();
    }
    const mixed = await freshDatabase('sqlite');
    let mixedRate: number;
    try {
      const { webhookIds } = await seed(mixed.database, [healthy.url, failing.url], ISOLATION_EVENTS);
      const run = await deliverAll(mixed.database, 'sqlite', [webhookIds[0] as string]);
      mixedRate = (ISOLATION_EVENTS * 1000) / (run.doneMs.get(webhookIds[0] as string) ?? run.totalMs);
      log(`webhooks: failing receiver got ${failing.count} requests while the healthy one got its ${ISOLATION_EVENTS}`);
    } finally {
      await mixed.drop();
    }
    const ratio = mixedRate / soloRate;
    log(
      `webhooks: healthy receiver alone ${Math.round(soloRate)}/s, next to a failing one ${Math.round(mixedRate)}/s (${(ratio * 100).toFixed(0)} %)`,
    );
    return [
      result('healthy endpoint alone (sqlite)', Math.round(soloRate), 'deliveries/s'),
      result('healthy endpoint next to a failing one', Math.round(mixedRate), 'deliveries/s', {
        details: { failing_requests: failing.count },
      }),
      result('healthy endpoint rate kept next to a failing one', Math.round(ratio * 100), '%', { target: { op: '>=', value: 80 } }),
    ];
  } finally {
    await healthy.close();
    await failing.close();
  }
}

export async function runWebhooks(log: (line: string) => void = console.log): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  results.push(...(await throughput('sqlite', log)));
  if (await pgReachable()) results.push(...(await throughput('postgres', log)));
  else log(`webhooks: PostgreSQL at ${PG_URL} not reachable; skipped its run`);
  results.push(...(await isolation(log)));
  return results;
}

/**
 * Webhook delivery survives a crash: a real `tron-payment-gateway start` process creates payments (so
 * payment.created events exist) while the receiver answers 500, is SIGKILLed with deliveries pending,
 * and is started again while the receiver answers 200. Every event arrives, signed, and no delivery is
 * answered 2xx twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENV_OVERRIDES } from '../src/config/env.js';
import { openDatabase } from '../src/db/database.js';
import { verifyWebhookSignature } from '../src/modules/webhooks/signature.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'tron-payment-gateway.mjs');
const PAYEE = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const SECRET = 'whsec_restart_test_secret_0123456789abcdef';
const temps: string[] = [];
const children = new Set<ChildProcess>();
let receiverServer: Server | undefined;

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  receiverServer?.closeAllConnections();
  await new Promise((done) => (receiverServer ? receiverServer.close(done) : done(undefined)));
});

function cleanEnv(): Record<string, string> {
  const drop = new Set([...ENV_OVERRIDES.map((o) => o.variable), 'TPG_CONFIG_FILE']);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !drop.has(key)) env[key] = value;
  return { ...env, LOG_LEVEL: 'warn' };
}

function start(env: Record<string, string>): Promise<{ child: ChildProcess; api: string; key: string | null }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'start'], { cwd: ROOT, env: { ...cleanEnv(), SERVICE_PORT: '0', ...env }, stdio: 'pipe' });
    children.add(child);
    let out = '';
    const timer = setTimeout(() => fail(new Error(`no banner within 60 s:\n${out}`)), 60_000);
    // the banner comes on stderr; stdout carries the JSON log lines
    let banner = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
      banner += d.toString();
      if (/API key\s+.*\n/.test(banner)) {
        clearTimeout(timer);
        const api = /API\s+(http:\/\/\S+)\/api\/v1\/payments/.exec(banner)?.[1];
        if (!api) return fail(new Error(`no API URL in the banner:\n${out}`));
        done({ child, api, key: /API key\s+(tpg_[A-Za-z0-9]{43})/.exec(banner)?.[1] ?? null });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      children.delete(child);
      fail(new Error(`gateway exited (${code}) before its banner:\n${out}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.removeAllListeners('exit');
    child.once('exit', () => {
      children.delete(child);
      done();
    });
    child.kill('SIGKILL');
  });
}

interface Arrival {
  deliveryId: string;
  eventId: string;
  status: number;
  verified: boolean;
}

async function waitFor(condition: () => boolean, attempts: number): Promise<void> {
  for (let i = 0; i < attempts && !condition(); i++) await new Promise((done) => setTimeout(done, 100));
}

/** Waits (bounded, ~10 s) until `count` deliveries are recorded as succeeded in the gateway's database. */
async function waitForRecorded(sqlitePath: string, count: number): Promise<void> {
  const db = openDatabase({ sqlitePath, sqliteMode: 'direct' });
  try {
    for (let i = 0; i < 100; i++) {
      const rows = await db.db.selectFrom('webhook_deliveries').select('status').where('status', '=', 'succeeded').execute();
      if (rows.length >= count) return;
      await new Promise((done) => setTimeout(done, 100));
    }
  } finally {
    await db.close();
  }
}

describe('webhook delivery across a crash', () => {
  it('delivers every event after a SIGKILL and restart, never answering one delivery 2xx twice', { timeout: 180_000 }, async () => {
    const arrivals: Arrival[] = [];
    let answer = 500;
    receiverServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const header = req.headers['x-tpg-signature'] as string | undefined;
        arrivals.push({
          deliveryId: String(req.headers['x-tpg-delivery-id']),
          eventId: String(req.headers['x-tpg-event-id']),
          status: answer,
          verified: verifyWebhookSignature({ rawBody: body, header, secret: SECRET }).ok,
        });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((done) => receiverServer?.listen(0, '127.0.0.1', done));
    const hookUrl = `http://127.0.0.1:${(receiverServer.address() as AddressInfo).port}/hooks`;

    const dir = mkdtempSync(join(tmpdir(), 'tpg-webhooks-restart-'));
    temps.push(dir);
    const configFile = join(dir, 'config.yaml');
    writeFileSync(
      configFile,
      ['webhooks:', '  retry_interval_seconds: 1', '  delivery_timeout_seconds: 2', '  max_retries: 20', '  require_https: false', ''].join(
        '\n',
      ),
    );
    const env = { DATA_DIR: dir, DEVNET_PORT: '0', TPG_CONFIG_FILE: configFile, WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' };
    const first = await start(env);
    const key = first.key as string;

    // the endpoint is registered straight in the database the process uses (WAL: both may write)
    const database = openDatabase({ sqlitePath: join(dir, 'gateway.sqlite'), sqliteMode: 'direct' });
    try {
      const merchant = await database.db.selectFrom('merchants').select('id').executeTakeFirstOrThrow();
      const now = Date.now();
      await database.db
        .insertInto('webhooks')
        .values({
          id: 'webhook_00000000000000a1',
          merchant_id: merchant.id,
          url: hookUrl,
          events: '["*"]',
          headers: '{}',
          description: 'restart test',
          active: 1,
          secret: SECRET,
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
    } finally {
      await database.close();
    }

    const paymentIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${first.api}/api/v1/payments/create`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ payee_address: PAYEE, amount: `${10 + i}` }),
      });
      expect(response.status).toBe(201);
      paymentIds.push(((await response.json()) as { payment_id: string }).payment_id);
    }
    // every event was tried at least once and answered 500: all pending, with retries scheduled
    await waitFor(() => new Set(arrivals.map((a) => a.eventId)).size >= 6, 300);
    expect(new Set(arrivals.map((a) => a.eventId)).size).toBe(6);
    expect(arrivals.every((a) => a.status === 500)).toBe(true);
    await killed(first.child);

    answer = 200;
    const second = await start(env);
    const succeeded = () => arrivals.filter((a) => a.status === 200);
    await waitFor(() => new Set(succeeded().map((a) => a.eventId)).size >= 6, 600);
    // the receiver has answered 200; the gateway records the outcomes moments later (grouped commits)
    await waitForRecorded(join(dir, 'gateway.sqlite'), 6);
    await killed(second.child);

    const ok = succeeded();
    expect(new Set(ok.map((a) => a.eventId)).size).toBe(6);
    // each event once per endpoint: one delivery id per event, answered 2xx exactly once
    expect(ok.map((a) => a.deliveryId).length).toBe(new Set(ok.map((a) => a.deliveryId)).size);
    expect(ok).toHaveLength(6);
    expect(arrivals.every((a) => a.verified)).toBe(true);
    // the events are the payments' payment.created events
    const db = openDatabase({ sqlitePath: join(dir, 'gateway.sqlite'), sqliteMode: 'direct' });
    try {
      const events = await db.db
        .selectFrom('outbox')
        .select(['id', 'aggregate_id', 'type'])
        .where('type', '=', 'payment.created')
        .execute();
      expect(events.map((e) => e.aggregate_id).sort()).toEqual([...paymentIds].sort());
      expect(ok.map((a) => a.eventId).sort()).toEqual(events.map((e) => e.id).sort());
      const delivered = await db.db.selectFrom('webhook_deliveries').select(['status']).execute();
      expect(delivered.map((d) => d.status)).toEqual(Array(6).fill('succeeded'));
    } finally {
      await db.close();
    }
  });
});

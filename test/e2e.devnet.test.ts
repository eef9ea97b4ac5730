/**
 * End to end, the way a merchant and its customers use the gateway: the real start path (startGateway:
 * database and migrations, the pipeline worker thread, job runner, scanner, sender, settlement) against a
 * devnet with timed blocks, HTTP on a real socket, signed webhooks to a local receiver, and TronWeb as the
 * customer's wallet. One gateway per engine; the steps run in order and build on each other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedGateway, startGateway } from '../src/app/gateway.js';
import { loadConfig } from '../src/config/load.js';
import { Devnet } from '../src/devnet/devnet.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './db-harness.js';
import { newWallet, type TestWallet } from './devnet-harness.js';
import type { BatchJson, PaymentJson } from './gateway-harness.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const USDT = 1_000_000n;
const BLOCK_MS = 200;

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(ENGINES)('end to end on the devnet (%s)', (engine) => {
  let devnet: Devnet;
  let db: TestDatabase;
  let gateway: StartedGateway;
  let receiver: WebhookReceiver;
  let customer: TestWallet;
  let tronWeb: TronWeb;
  let usdt: { balanceOf(address: string): { call(): Promise<bigint | { toString(): string }> } };
  const dataDir = mkdtempSync(join(tmpdir(), 'tpg-e2e-'));
  const payee = newWallet();
  let invoice: PaymentJson;

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${gateway.firstApiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  const payment = async (id: string) => (await call<PaymentJson>('GET', `/api/v1/payments/${id}`)).body;
  const usdtOf = async (address: string) => BigInt((await usdt.balanceOf(address).call()).toString());

  beforeAll(async () => {
    devnet = await Devnet.start({ port: 0, blockTimeMs: BLOCK_MS, solidifyLag: 3 });
    db = await openTestDatabase(engine);
    receiver = await startWebhookReceiver();
    const database =
      engine === 'postgres'
        ? { url: `${db.connection.url}?options=${encodeURIComponent(`-c search_path=${db.connection.searchPath}`)}` }
        : { sqlite_file: 'gateway.sqlite' };
    // the gateway opens the database itself; the harness only made (and will drop) the schema
    await db.close();
    const config = loadConfig({
      file: '/nonexistent/tpg-e2e.yaml',
      allowMissingFile: true,
      env: {},
      overrides: {
        server: { port: 0, data_dir: dataDir },
        database,
        logging: { level: 'silent' },
        network: {
          name: 'devnet',
          rpc_urls: [devnet.url],
          scanner: { poll_interval_ms: 50 },
        },
        payment_processing: { payouts: { poll_interval_ms: 50 } },
        settlement: { frequency: 'instant', check_interval_seconds: 1 },
        webhooks: { allow_private_targets: true, require_https: false, retry_interval_seconds: 1, per_endpoint_concurrency: 1 },
        reconciliation: { reconciliation_interval_seconds: 3600 },
      },
    });
    gateway = await startGateway(config, { version: '0.0.0-e2e', logger: pino({ level: process.env.TPG_TEST_LOG ?? 'silent' }) });
    expect(gateway.funding).toBe('funded');

    customer = newWallet();
    devnet.fund(customer.base58, { trx: 500n * USDT, usdt: 1_000n * USDT });
    tronWeb = new TronWeb({ fullHost: devnet.url, privateKey: customer.privateKey });
    usdt = (await tronWeb.contract().at(devnet.usdtAddress)) as unknown as typeof usdt;
    await until('the customer funded', async () => (await usdtOf(customer.base58)) === 1_000n * USDT);

    const registered = await call<{ secret: string }>('POST', '/api/v1/payments/webhooks/register', { url: receiver.url, events: ['*'] });
    expect(registered.status).toBe(201);
    receiver.secret = registered.body.secret;
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await receiver?.close();
    await db?.destroy();
    await devnet?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a USDT invoice paid from TronWeb completes, with signed webhooks in order', async () => {
    const created = await call<PaymentJson>('POST', '/api/v1/payments/create', {
      payer_address: customer.base58,
      payee_address: payee.base58,
      amount: '200',
      reference_id: 'order-1001',
    });
    expect(created.status).toBe(201);
    invoice = created.body;
    expect(invoice.deposit_address).toMatch(/^T/);

    const txid = await (usdt as unknown as { transfer(to: string, amount: number): { send(o: object): Promise<string> } })
      .transfer(invoice.deposit_address as string, 200_000_000)
      .send({ feeLimit: 30_000_000 });
    const done = await until('the invoice to complete', async () => {
      const p = await payment(invoice.payment_id);
      return p.status === 'completed' ? p : null;
    });
    expect(done).toMatchObject({ amount_received: '200', finalized: true, transaction_id: txid, exception: null });

    const events = await until('four webhooks', async () => {
      const seen = receiver.events.filter((e) => e.object.payment_id === invoice.payment_id);
      return seen.length >= 4 ? seen : null;
    });
    expect(events.map((e) => e.type)).toEqual(['payment.created', 'payment.started', 'payment.confirmed', 'payment.completed']);
    expect(events.every((e) => e.signatureOk)).toBe(true);
    expect(events.every((e) => e.standardSignatureOk)).toBe(true);
  });

  it('settles the collected net amount to the payee on chain', async () => {
    // settlement is `instant`: the completed invoice credits 199.7 (200 less the 0.15 % fee) to the payee's balance
    const settled = await until('a completed settlement', async () => {
      const list = await call<{ data: Array<{ status: string; amount: string; payee_address: string }> }>(
        'GET',
        '/api/v1/payments/settlements',
      );
      return list.body.data.find((s) => s.status === 'completed' && s.payee_address === payee.base58);
    });
    expect(settled.amount).toBe('199.7');
    expect(await usdtOf(payee.base58)).toBe(199_700_000n);
    const types = receiver.events.filter((e) => e.type.startsWith('settlement.')).map((e) => e.type);
    await until('settlement webhooks', async () => receiver.events.filter((e) => e.type === 'settlement.completed').length === 1);
    expect(types[0]).toBe('settlement.initiated');
    const info = await call<Record<string, unknown>>('GET', '/api/v1/payments/settlement/info');
    expect(info.status).toBe(200);
  });

  it('refunds part of the invoice to the payer on chain', async () => {
    const before = await usdtOf(customer.base58);
    const refund = await call<{ refund_id: string; status: string; refund_address: string }>('POST', '/api/v1/payments/refund', {
      payment_id: invoice.payment_id,
      amount: '25',
      reason: 'user_request',
    });
    expect(refund.status).toBe(201);
    expect(refund.body.refund_address).toBe(customer.base58);
    await until('the refund to complete', async () => {
      const r = await call<{ status: string }>('GET', `/api/v1/payments/refunds/${refund.body.refund_id}`);
      return r.body.status === 'completed';
    });
    expect(await usdtOf(customer.base58)).toBe(before + 25n * USDT);
    await until('payment.refunded', async () =>
      receiver.events.some((e) => e.type === 'payment.refunded' && e.object.payment_id === invoice.payment_id),
    );
  });

  it('reconciliation agrees with the chain', async () => {
    const result = await call<{ status: string; outcome: string; discrepancies: unknown[] }>('POST', '/api/v1/payments/reconcile', {
      payment_id: invoice.payment_id,
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ status: 'completed', outcome: 'verified' });
    expect(result.body.discrepancies).toEqual([]);
  });

  it('a batch of 100 payouts reaches the payees on chain', async () => {
    const payees = Array.from({ length: 100 }, () => newWallet().base58);
    const batch = await call<BatchJson>('POST', '/api/v1/payments/batch', {
      payments: payees.map((address, i) => ({ payee_address: address, amount: String(10 + i), payment_method: 'route' })),
    });
    expect(batch.status).toBe(201);
    expect(batch.body.created_count).toBe(100);
    const final = await until(
      'the batch to complete',
      async () => {
        const b = await call<BatchJson>('GET', `/api/v1/payments/batches/${batch.body.batch_id}`);
        return b.body.status === 'completed' ? b.body : null;
      },
      90_000,
    );
    expect(final.counts?.completed).toBe(100);
    const results = batch.body.results ?? [];
    for (const [i, address] of payees.entries()) {
      expect(await usdtOf(address)).toBe(BigInt(Math.round(Number(results[i]?.net_amount) * 1e6)));
    }
  }, 120_000);

  it('the node going down delays a payment but loses nothing', async () => {
    const created = await call<PaymentJson>('POST', '/api/v1/payments/create', { payee_address: payee.base58, amount: '5' });
    const txid = await (usdt as unknown as { transfer(to: string, amount: number): { send(o: object): Promise<string> } })
      .transfer(created.body.deposit_address as string, 5_000_000)
      .send({ feeLimit: 30_000_000 });
    expect(txid).toMatch(/^[0-9a-f]{64}$/);
    // every chain API answer is a 503 for a while: the gateway's reads fail and are retried
    devnet.faults = { ...devnet.faults, errorRate: 1, errorStatus: 503 };
    await new Promise((resolve) => setTimeout(resolve, 10 * BLOCK_MS));
    const during = await payment(created.body.payment_id);
    expect(during.status).not.toBe('completed');
    const ready = await fetch(`${gateway.url}/health/ready`);
    expect(ready.status).toBe(503);
    devnet.faults = { ...devnet.faults, errorRate: 0 };
    const done = await until('the payment to complete after the node is back', async () => {
      const p = await payment(created.body.payment_id);
      return p.status === 'completed' ? p : null;
    });
    expect(done.amount_received).toBe('5');
  }, 90_000);
});

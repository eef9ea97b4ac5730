/**
 * An Idempotency-Key is claimed in the database with its effect (ADR 0033), proven with real gateway
 * processes (test/fixtures/api-process.ts) over one database: 20 concurrent identical refund requests
 * split across two processes on PostgreSQL make one refund and 20 identical answers; a process that is
 * SIGKILLed after the refund committed and before it answered leaves the answer for the retry, which gets
 * it without a second refund (both engines: one process at a time holds the SQLite file, as SPEC §6 says).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CRASH_AFTER_COMMIT_ENV } from '../src/shared/crash-point.js';
import { ENGINES } from './db-harness.js';
import type { ApiProcessSettings } from './fixtures/api-process.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools, type RefundJson, USDT } from './refunds-harness.js';

const ROOT = join(import.meta.dirname, '..');
const API_PROCESS = join(ROOT, 'test', 'fixtures', 'api-process.ts');

const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<NodeJS.Signals | null>;
}

function startApi(gw: MoneyGateway, instance: string, env: Record<string, string> = {}): Promise<Started> {
  const settings: ApiProcessSettings = {
    connection: gw.db.connection,
    devnetUrl: gw.devnet.url,
    usdtContract: gw.devnet.usdtAddress,
    mnemonic: gw.mnemonic,
    instance,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', API_PROCESS], {
    cwd: ROOT,
    env: { ...process.env, ...env, TPG_API_PROCESS: JSON.stringify(settings) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\S+)/.exec(out);
      if (ready) resolve({ child, url: ready[1] as string, exited });
    });
    void exited.then(() => reject(new Error(`api process exited before it was ready:\n${errors}`)));
  });
}

interface Reply {
  status: number;
  replayed: boolean;
  text: string;
}

async function postRefund(baseUrl: string, gw: MoneyGateway, key: string, body: object): Promise<Reply> {
  const res = await fetch(`${baseUrl}/api/v1/payments/refund`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.adminKey}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true', text: await res.text() };
}

async function collected(gw: MoneyGateway): Promise<PaymentJson> {
  const t = moneyTools(() => gw);
  await t.scanner().scanOnce();
  const payer = await t.payer();
  return (await t.collect(payer, { amount: '20', payee_address: gw.addresses[0], payer_address: payer.base58 }, 20n * USDT)).payment;
}

describe('Idempotency-Key across two gateway processes (postgres)', () => {
  it('20 concurrent identical refunds make one refund and 20 identical answers', { timeout: 90_000 }, async () => {
    const gw = await startMoneyGateway('postgres');
    try {
      const payment = await collected(gw);
      const [a, b] = await Promise.all([startApi(gw, 'api-a'), startApi(gw, 'api-b')]);
      const body = { payment_id: payment.payment_id, amount: '5', reason: 'user_request' };
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) => postRefund((i % 2 === 0 ? a : b).url, gw, 'refund-twenty', body)),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(new Set(replies.map((r) => r.text)).size).toBe(1);
      expect(replies.filter((r) => !r.replayed)).toHaveLength(1);
      const refunds = await gw.db.db.selectFrom('refunds').select(['id', 'amount']).where('payment_id', '=', payment.payment_id).execute();
      expect(refunds).toHaveLength(1);
      expect(JSON.parse(replies[0]?.text ?? '{}')).toMatchObject({ refund_id: refunds[0]?.id, amount: '5', status: 'pending' });
      expect(await gw.count('chain_sends')).toBe(1);
    } finally {
      await gw.close();
    }
  });
});

describe.each(ENGINES)('Idempotency-Key after a crash between commit and answer (%s)', (engine) => {
  it('the retry gets the committed answer and no second refund', { timeout: 90_000 }, async () => {
    const gw = await startMoneyGateway(engine);
    try {
      const payment = await collected(gw);
      const body = { payment_id: payment.payment_id, amount: '3', reason: 'user_request' };
      const crashing = await startApi(gw, 'api-crash', { [CRASH_AFTER_COMMIT_ENV]: 'refund' });
      await expect(postRefund(crashing.url, gw, 'refund-crash', body)).rejects.toThrow();
      expect(await crashing.exited).toBe('SIGKILL');
      const stored = await gw.db.db.selectFrom('refunds').selectAll().where('payment_id', '=', payment.payment_id).execute();
      expect(stored).toHaveLength(1);

      const restarted = await startApi(gw, 'api-restarted');
      const retry = await postRefund(restarted.url, gw, 'refund-crash', body);
      expect(retry.status, retry.text).toBe(201);
      expect(retry.replayed).toBe(true);
      expect((JSON.parse(retry.text) as RefundJson).refund_id).toBe(stored[0]?.id);
      expect(await gw.db.db.selectFrom('refunds').select('id').where('payment_id', '=', payment.payment_id).execute()).toHaveLength(1);
      // a fresh key is a new refund: the crash point is not armed in this process
      const another = await postRefund(restarted.url, gw, 'refund-next', body);
      expect(another.status, another.text).toBe(201);
      expect(another.replayed).toBe(false);
    } finally {
      await gw.close();
    }
  });
});

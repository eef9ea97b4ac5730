/**
 * `tron-payment-gateway scanner rescan` as an operator runs it: a separate process over the gateway's
 * database and a devnet, finding a payment the live scanner never saw, and crediting nothing on a second run.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV_OVERRIDES } from '../src/config/env.js';
import { ENGINES } from './db-harness.js';
import { broadcast, newWallet, signedUsdtTransfer } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'tron-payment-gateway.mjs');

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean: Record<string, string> = {};
  const drop = new Set([...ENV_OVERRIDES.map((o) => o.variable), 'TPG_CONFIG_FILE']);
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !drop.has(key)) clean[key] = value;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...clean, ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe.each(ENGINES)('scanner rescan CLI (%s)', (engine) => {
  let gw: MoneyGateway;
  let env: Record<string, string>;
  beforeAll(async () => {
    gw = await startMoneyGateway(engine);
    const { connection } = gw.db;
    const database: Record<string, string> = connection.url
      ? {
          DATABASE_URL: `${connection.url}?options=${encodeURIComponent(`-c search_path=${connection.searchPath}`)}`,
          DATA_DIR: join(ROOT, 'data-cli-test-unused'),
        }
      : { DATA_DIR: dirname(connection.sqlitePath as string) };
    env = { ...database, TRON_NETWORK: 'devnet', TRON_RPC_URL: gw.devnet.url, TPG_WALLET_MNEMONIC: gw.mnemonic, LOG_LEVEL: 'warn' };
  });
  afterAll(async () => gw?.close());

  it('credits a payment the live scanner missed, once; a second run finds only duplicates', { timeout: 60_000 }, async () => {
    const payer = newWallet();
    await gw.fund(payer.base58, { trx: '100', usdt: '100' });
    gw.mine(1);
    const created = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { amount: '11', payee_address: gw.addresses[0] },
    });
    expect(created.status, created.text).toBe(201);
    const from = Number(gw.devnet.chain.head.number);
    const sent = await broadcast(gw.devnet, signedUsdtTransfer(gw.devnet, payer, created.body.deposit_address as string, 11_000_000n));
    expect(sent.json.result).toBe(true);
    gw.mine(2);
    const to = Number(gw.devnet.chain.head.number);

    const first = await cli(['scanner', 'rescan', '--from', String(from), '--to', String(to), '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ blocks: to - from + 1, transfers: { credited: 1, duplicate: 0 } });
    expect(first.stderr).not.toContain('blocks/s'); // no progress bar when stderr is not a terminal
    const payment = await gw.call<PaymentJson>('GET', `/api/v1/payments/${created.body.payment_id}`, { key: gw.adminKey });
    expect(['processing', 'confirmed']).toContain(payment.body.status);
    expect(payment.body.amount_received).toBe('11');

    const second = await cli(['scanner', 'rescan', '--from', String(from)], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 credited, 1 already recorded/);
    const again = await gw.call<PaymentJson>('GET', `/api/v1/payments/${created.body.payment_id}`, { key: gw.adminKey });
    expect(again.body.amount_received).toBe('11');
  });
});

describe('scanner rescan CLI usage', () => {
  it('refuses a missing --from with a usage error', { timeout: 30_000 }, async () => {
    const run = await cli(['scanner', 'rescan'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from is required');
  });
});

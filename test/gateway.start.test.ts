/**
 * `tron-payment-gateway start` as an operator runs it, as separate processes: with the embedded devnet,
 * and against a devnet that runs on its own (TRON_RPC_URL) while gateway processes are killed and
 * restarted — the payments, the merchant, its key and the one-time faucet funding survive.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENV_OVERRIDES } from '../src/config/env.js';
import { Devnet } from '../src/devnet/devnet.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'tron-payment-gateway.mjs');
const PAYEE = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const temps: string[] = [];
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function cleanEnv(): Record<string, string> {
  const drop = new Set([...ENV_OVERRIDES.map((o) => o.variable), 'TPG_CONFIG_FILE']);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !drop.has(key)) env[key] = value;
  return { ...env, LOG_LEVEL: 'warn' };
}

interface Started {
  child: ChildProcess;
  banner: string;
  api: string;
  key: string | null;
}

/** Starts the gateway and waits for its banner (which ends with the API key line). */
function start(env: Record<string, string>): Promise<Started> {
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
        done({ child, banner, api, key: /API key\s+(tpg_[A-Za-z0-9]{43})/.exec(banner)?.[1] ?? null });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      children.delete(child);
      fail(new Error(`gateway exited (${code}) before its banner:\n${out}`));
    });
  });
}

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((done) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => {
      children.delete(child);
      done(code);
    });
    child.kill(signal);
  });
}

async function api<T>(url: string, key: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('tron-payment-gateway start', () => {
  it('runs on the embedded database and devnet, prints where it listens and the first key, and stops cleanly', {
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tpg-start-'));
    temps.push(dir);
    const gateway = await start({ DATA_DIR: dir, DEVNET_PORT: '0', DEVNET_BLOCK_TIME_MS: '200', DEVNET_SOLIDIFY_LAG: '1' });
    expect(gateway.banner).toMatch(/devnet\s+http:\/\/127\.0\.0\.1:\d+ \(embedded/);
    expect(gateway.banner).toMatch(/funded from the devnet faucet: 10000 TRX, 100000 USDT/);
    expect(gateway.key).not.toBeNull();
    const key = gateway.key as string;

    const created = await api<{ payment_id: string; deposit_address: string; fee: string }>(`${gateway.api}/api/v1/payments/create`, key, {
      method: 'POST',
      body: JSON.stringify({ payee_address: PAYEE, amount: '100' }),
    });
    expect(created.status).toBe(201);
    expect(created.body.fee).toBe('0.15');
    // the create pipeline's own thread claims unique amounts too
    const direct = await api<{ amount_due: string | null }>(`${gateway.api}/api/v1/payments/create`, key, {
      method: 'POST',
      body: JSON.stringify({ payee_address: PAYEE, amount: '100', payment_method: 'direct_transfer' }),
    });
    expect([direct.status, direct.body.amount_due]).toEqual([201, '100.000001']);
    const ready = await fetch(`${gateway.api}/health/ready`);
    expect(ready.status).toBe(200);

    // The faucet's transfers land in the next blocks; the wallet view reads them from the chain.
    let wallet: { balances: { TRX: string; USDT: string } } | null = null;
    for (let i = 0; i < 50 && wallet?.balances.USDT !== '100000'; i++) {
      wallet = (await api<{ balances: { TRX: string; USDT: string } }>(`${gateway.api}/api/v1/wallet`, key)).body;
      if (wallet.balances.USDT !== '100000') await new Promise((r) => setTimeout(r, 200));
    }
    expect(wallet?.balances).toEqual({ TRX: '10000', USDT: '100000' });
    expect(await stopped(gateway.child, 'SIGTERM')).toBe(0);
  });

  it('uses a devnet running on its own (TRON_RPC_URL) and survives being killed and restarted', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tpg-start-rpc-'));
    temps.push(dir);
    const devnet = await Devnet.start({ port: 0, blockTimeMs: 200, solidifyLag: 1 });
    try {
      const env = { DATA_DIR: dir, TRON_RPC_URL: devnet.url };
      const first = await start(env);
      expect(first.banner).toContain(`network        devnet via ${devnet.url}`);
      expect(first.banner).toContain(`USDT contract  ${devnet.usdtAddress}`);
      const key = first.key as string;
      const created = await api<{ payment_id: string }>(`${first.api}/api/v1/payments/create`, key, {
        method: 'POST',
        body: JSON.stringify({ payee_address: PAYEE, amount: '42.5', reference_id: 'survives' }),
      });
      expect(created.status).toBe(201);
      await stopped(first.child, 'SIGKILL');

      const second = await start(env);
      expect(second.key).toBeNull();
      expect(second.banner).toMatch(/funded from the devnet faucet at an earlier start/);
      const read = await api<{ payment_id: string; amount: string; status: string }>(
        `${second.api}/api/v1/payments/${created.body.payment_id}`,
        key,
      );
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ amount: '42.5', status: 'pending' });
      let usdt = '';
      for (let i = 0; i < 50 && usdt !== '100000'; i++) {
        usdt = (await api<{ balances: { USDT: string } }>(`${second.api}/api/v1/wallet`, key)).body.balances.USDT;
        if (usdt !== '100000') await new Promise((r) => setTimeout(r, 200));
      }
      // funded once, not once per start
      expect(usdt).toBe('100000');
      expect(await stopped(second.child, 'SIGTERM')).toBe(0);
    } finally {
      await devnet.stop();
    }
  });
});

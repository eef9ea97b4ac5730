/**
 * `start` as a service: its banner on stderr (stdout is the JSON log stream), the data directory it
 * holds (a second gateway, a rescan on the embedded devnet or a devnet on its chain are refused naming
 * its PID), and a clean stop through `npm start` on SIGTERM and on a terminal's Ctrl-C.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENV_OVERRIDES } from '../src/config/env.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'tron-payment-gateway.mjs');
const SLOW = 120_000;
const temps: string[] = [];
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) {
    try {
      // npm children run in their own process group: take the whole group down
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tpg-cli-start-'));
  temps.push(dir);
  return dir;
}

function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const drop = new Set([...ENV_OVERRIDES.map((o) => o.variable), 'TPG_CONFIG_FILE']);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !drop.has(key)) env[key] = value;
  return {
    ...env,
    SERVICE_PORT: '0',
    DEVNET_PORT: '0',
    DEVNET_BLOCK_TIME_MS: '200',
    DEVNET_SOLIDIFY_LAG: '1',
    ...extra,
  };
}

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function launch(command: string, args: string[], env: Record<string, string>, detached = false): Running {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      done({ code, signal });
    }),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function bannerOf(run: Running): Promise<string> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (/API key\s+.*\n/.test(run.stderr())) return run.stderr();
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no banner:\nstdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`);
}

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = launch(process.execPath, [BIN, ...args], env);
  return run.exited.then(({ code }) => ({ code, stdout: run.stdout(), stderr: run.stderr() }));
}

/** Whether any process of the group led by `pgid` is left. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('tron-payment-gateway start', () => {
  it('prints its banner on stderr and only JSON log lines on stdout, and holds its data directory while it runs', {
    timeout: 240_000,
  }, async () => {
    const dir = tempDir();
    const env = cleanEnv({ DATA_DIR: dir, LOG_LEVEL: 'info' });
    const gateway = launch(process.execPath, [BIN, 'start'], env);
    const banner = await bannerOf(gateway);
    const key = /API key\s+(tpg_[A-Za-z0-9]{43})/.exec(banner)?.[1] as string;
    expect(key).toBeDefined();
    expect(banner).toMatch(/^TRON Payment Gateway \d+\.\d+\.\d+/m);
    const logLines = gateway.stdout().split('\n').filter(Boolean);
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(gateway.stdout()).not.toContain(key);
    expect(gateway.stdout()).not.toContain('TRON Payment Gateway');

    const pid = gateway.child.pid as number;
    const held = `error: the data directory ${dir} is held by a running gateway (PID ${pid}); stop it first, or give this command another data directory\n`;
    const second = await cli(['start'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(held);
    // without TRON_RPC_URL a rescan would run the embedded devnet over the same chain files
    const rescan = await cli(['scanner', 'rescan', '--from', '0'], env);
    expect(rescan.code).toBe(1);
    expect(rescan.stderr).toBe(held);
    const asJson = await cli(['scanner', 'rescan', '--from', '0', '--json'], env);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stderr)).toEqual({
      error: { code: 'data_dir_locked', message: held.slice('error: '.length, -1), data_dir: dir, pid },
    });
    const devnet = await cli(['devnet', '--port', '0', '--data-dir', join(dir, 'devnet')], env);
    expect(devnet.code).toBe(1);
    expect(devnet.stderr).toContain(`held by a running gateway (PID ${pid})`);

    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dir, 'gateway.lock'))).toBe(false);
    expect(existsSync(join(dir, 'devnet', 'gateway.lock'))).toBe(false);
  });

  it('with --json, prints its banner as one JSON line on stderr', { timeout: SLOW }, async () => {
    const gateway = launch(process.execPath, [BIN, 'start', '--json'], cleanEnv({ DATA_DIR: tempDir(), LOG_LEVEL: 'warn' }));
    const deadline = Date.now() + 90_000;
    while (!/"event":"started".*\n/.test(gateway.stderr()) && gateway.child.exitCode === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const line = gateway
      .stderr()
      .split('\n')
      .find((l) => l.startsWith('{"event":"started"'));
    const banner = JSON.parse(line ?? 'null');
    expect(banner).toMatchObject({
      event: 'started',
      api_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/payments$/),
      network: { name: 'devnet', embedded_devnet: true },
      merchant_id: expect.stringMatching(/^mer_/),
      api_key: expect.stringMatching(/^tpg_[A-Za-z0-9]{43}$/),
    });
    expect(gateway.stdout()).not.toContain(banner.api_key);
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
  });

  it("names the setting when its port is taken, instead of Node's EADDRINUSE", { timeout: SLOW }, async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    try {
      const port = (busy.address() as AddressInfo).port;
      const run = await cli(['start'], cleanEnv({ DATA_DIR: tempDir(), SERVICE_PORT: String(port), LOG_LEVEL: 'warn' }));
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `error: port ${port} on 127.0.0.1 is already in use (another gateway or devnet?); choose another with server.port (SERVICE_PORT)\n`,
      );
    } finally {
      await new Promise((done) => busy.close(done));
    }
  });

  // npm runs the script through `sh -c`; a signal npm forwards must reach the gateway, which stops and exits 0
  for (const [how, signal, toGroup] of [
    ['SIGTERM to npm (a process manager)', 'SIGTERM', false],
    ['Ctrl-C (SIGINT to the whole process group)', 'SIGINT', true],
  ] as const) {
    it(`npm start stops cleanly on ${how}: exit 0, no process left`, { timeout: SLOW }, async () => {
      // no prestart build: the suite's global setup has just built dist/
      const env = cleanEnv({ DATA_DIR: tempDir(), LOG_LEVEL: 'warn', npm_config_ignore_scripts: 'true' });
      const npm = launch('npm', ['start'], env, true);
      await bannerOf(npm);
      const pgid = npm.child.pid as number;
      const started = Date.now();
      process.kill(toGroup ? -pgid : pgid, signal);
      expect(await npm.exited, npm.stderr()).toEqual({ code: 0, signal: null });
      expect(Date.now() - started).toBeLessThan(15_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(groupAlive(pgid)).toBe(false);
    });
  }
});

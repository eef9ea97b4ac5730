/**
 * A real gateway process for the benchmarks (gateway, checkout): started the way operators start it
 * (`npm start`'s node flags and environment, `bin/tron-payment-gateway.mjs start`, the build in dist/),
 * its output kept, its RSS and CPU time read from /proc, and everything it leaves (processes, temp
 * directories, PostgreSQL databases) swept on exit.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { CONFIG_FILE_VARIABLE, ENV_OVERRIDES } from '../src/config/env.js';
import { ADDRESS_PREFIX, bytesToBase58Address } from '../src/tron/address.js';
import type { Details } from './harness.js';

export const RSS_SAMPLE_MS = 200;
export const START_TIMEOUT_MS = 60_000;
export const STOP_TIMEOUT_MS = 15_000;
export const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GATEWAY_BIN = join(ROOT, 'bin', 'tron-payment-gateway.mjs');
/** The Node flags `npm start` gives the gateway (package.json), so the benchmark measures what operators run. */
export const { env: SERVICE_ENV, nodeFlags: SERVICE_NODE_FLAGS } = startScript();
export type Engine = 'sqlite' | 'postgres';

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;
export const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

// ------------------------------------------------------------------ cleanup

/**
 * Everything this suite creates outside its own memory. The normal path removes each item itself; the
 * synchronous sweep on process exit (the run.ts watchdog, Ctrl-C, a crash) is the last resort.
 */
export class Leftovers {
  readonly children = new Set<ChildProcess>();
  readonly dirs = new Set<string>();
  readonly databases = new Set<string>();

  readonly sweep = (): void => {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const name of this.databases) {
      spawnSync('psql', [PG_ADMIN_URL, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { stdio: 'ignore', timeout: 10_000 });
    }
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  };

  private readonly onSignal = (signal: NodeJS.Signals): void => {
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  install(): void {
    process.on('exit', this.sweep);
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  uninstall(): void {
    process.off('exit', this.sweep);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}

export const leftovers = new Leftovers();

// ------------------------------------------------------------------ child processes

export interface LogSummary {
  warnings: number;
  errors: number;
  /** the first few distinct warn/error messages */
  samples: string[];
}

/** pino level labels (the gateway logs them as labels) */
const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** A server child process: its output is kept (last 8 KB, plus a count of warn/error log lines). */
export class Child {
  private tail = '';
  private partial = '';
  readonly logs: LogSummary = { warnings: 0, errors: 0, samples: [] };
  readonly exited: Promise<void>;
  exitDescription: string | null = null;
  private stopRequested = false;
  /** set when the process went away before stop() was called */
  unexpectedExit: string | null = null;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    leftovers.children.add(proc);
    proc.stdout?.on('data', (chunk: Buffer) => this.take(chunk));
    proc.stderr?.on('data', (chunk: Buffer) => this.take(chunk));
    this.exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        this.exitDescription = signal ? `killed by ${signal}` : `exit code ${code}`;
        if (!this.stopRequested) this.unexpectedExit = this.exitDescription;
        leftovers.children.delete(proc);
        resolve();
      });
      proc.once('error', (error) => {
        this.exitDescription ??= `failed to start: ${error.message}`;
        leftovers.children.delete(proc);
        resolve();
      });
    });
  }

  static spawn(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
    return new Child(name, spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get running(): boolean {
    return this.exitDescription === null;
  }

  output(): string {
    return (this.tail + this.partial).slice(-2000);
  }

  private take(chunk: Buffer): void {
    const text = this.partial + chunk.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      this.tail = `${this.tail}${line}\n`.slice(-8192);
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { level?: number | string; msg?: string; err?: { message?: string } };
        const level = typeof entry.level === 'number' ? entry.level : (LEVELS[entry.level ?? ''] ?? 0);
        if (level < 40) continue;
        if (level >= 50) this.logs.errors++;
        else this.logs.warnings++;
        const sample = `${entry.level}: ${entry.msg ?? ''}${entry.err?.message ? ` (${entry.err.message})` : ''}`.slice(0, 200);
        if (this.logs.samples.length < 5 && !this.logs.samples.includes(sample)) this.logs.samples.push(sample);
      } catch {
        // not a log line
      }
    }
  }

  /** SIGTERM, then SIGKILL after STOP_TIMEOUT_MS; resolves once the process is gone. */
  async stop(): Promise<{ ms: number; how: string }> {
    const started = performance.now();
    if (!this.running) return { ms: 0, how: `had already exited on its own (${this.exitDescription ?? 'unknown'})` };
    this.stopRequested = true;
    this.proc.kill('SIGTERM');
    const timer = sleep(STOP_TIMEOUT_MS, 'timeout' as const);
    let how = (await Promise.race([this.exited.then(() => 'SIGTERM' as const), timer])) as string;
    if (this.running) {
      this.proc.kill('SIGKILL');
      await Promise.race([this.exited, sleep(5000)]);
      how = `SIGKILL after ${STOP_TIMEOUT_MS} ms`;
    }
    return { ms: performance.now() - started, how: `${how}, ${this.exitDescription ?? 'still running'}` };
  }
}

/**
 * What `node bin/tron-payment-gateway.mjs start` runs: the build in dist/ when there is one (unless
 * TPG_FROM_SOURCE=1), else the sources through tsx, whose loader adds to the RSS.
 */
export function gatewayCode(): string {
  const built = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(built) || process.env.TPG_FROM_SOURCE === '1') return 'src via tsx (no dist/; the tsx loader adds to the RSS)';
  const newestSource = Math.max(
    ...readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(ROOT, 'src', f)).mtimeMs),
  );
  return statSync(built).mtimeMs < newestSource ? 'dist (older than src/: a stale build)' : 'dist';
}

/** The engines to measure: both, or those GATEWAY_BENCH_ENGINES names (`postgres`, `sqlite,postgres`). */
export function benchEngines(variable = 'GATEWAY_BENCH_ENGINES', fallback = 'sqlite,postgres'): Engine[] {
  const named = (process.env[variable] ?? fallback).split(',').map((e) => e.trim());
  const engines = (['sqlite', 'postgres'] as const).filter((engine) => named.includes(engine));
  if (engines.length === 0) throw new Error(`${variable} names no engine (sqlite, postgres): ${named.join(',')}`);
  return engines;
}

/** `[VAR=value …] exec node <flags> bin/tron-payment-gateway.mjs start` in package.json's start script. */
export function startScript(): { env: Record<string, string>; nodeFlags: string[] } {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  const match = /^((?:\w+=\S* )*)(?:exec )?node((?: --[\w-]+(?:=\S+)?)*) bin\/tron-payment-gateway\.mjs start$/.exec(script);
  if (!match)
    throw new Error(`package.json's start script is not "[VAR=value] exec node [flags] bin/tron-payment-gateway.mjs start": ${script}`);
  const env = Object.fromEntries(
    (match[1] ?? '')
      .trim()
      .split(' ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  return { env, nodeFlags: (match[2] ?? '').trim().split(' ').filter(Boolean) };
}

/** Environment for a child: the caller's, minus every variable the gateway reads as configuration. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const o of ENV_OVERRIDES) delete env[o.variable];
  delete env[CONFIG_FILE_VARIABLE];
  return { ...env, ...extra };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function getStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, { timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Polls GET /health/live until it answers 200; fails when the child exits or START_TIMEOUT_MS passes. */
export async function waitForLive(base: string, child: Child): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < START_TIMEOUT_MS) {
    if (!child.running) throw new Error(`${child.name} exited during start-up (${child.exitDescription}); output:\n${child.output()}`);
    if ((await getStatus(`${base}/health/live`)) === 200) return performance.now() - started;
    await sleep(100);
  }
  throw new Error(`${child.name} did not answer ${base}/health/live within ${START_TIMEOUT_MS} ms; output:\n${child.output()}`);
}

/** Waits until the gateway's deposit-address pool is full (GET /status → deposit_pool.available, an admin key's view). */
export async function waitForDepositPool(base: string, child: Child, apiKey: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 180_000) {
    if (!child.running) throw new Error(`${child.name} exited while filling its deposit pool; output:\n${child.output()}`);
    try {
      const answer = await fetch(`${base}/status`, { headers: { authorization: `Bearer ${apiKey}` } });
      const status = (await answer.json()) as { deposit_pool?: { available: number; target: number } };
      if (status.deposit_pool && status.deposit_pool.available >= status.deposit_pool.target) return performance.now() - started;
    } catch {
      // not answering yet
    }
    await sleep(500);
  }
  throw new Error(`${child.name} did not fill its deposit pool within 180 s`);
}

// ------------------------------------------------------------------ RSS

/** Samples VmRSS (and the kernel's VmHWM) of one process every RSS_SAMPLE_MS, by phase. */
export class RssSampler {
  maxKb = 0;
  hwmKb = 0;
  samples = 0;
  readonly byPhase: Record<string, number> = {};
  private phase = 'start-up';
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), RSS_SAMPLE_MS);
    this.sample();
  }

  enter(phase: string): void {
    this.sample();
    this.phase = phase;
  }

  sample(): void {
    let text: string;
    try {
      text = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    } catch {
      return; // gone
    }
    const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(text)?.[1] ?? 0);
    const hwm = Number(/^VmHWM:\s+(\d+) kB/m.exec(text)?.[1] ?? 0);
    if (rss === 0) return; // a zombie has no memory left to report
    this.samples++;
    this.maxKb = Math.max(this.maxKb, rss);
    this.hwmKb = Math.max(this.hwmKb, hwm);
    this.byPhase[this.phase] = Math.max(this.byPhase[this.phase] ?? 0, rss);
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }

  /** the peak: the highest sample or the kernel's high-water mark, whichever is higher */
  get peakMb(): number {
    return round1(Math.max(this.maxKb, this.hwmKb) / 1024);
  }

  details(prefix: string): Details {
    return {
      [`${prefix}_sampled_max_mb`]: round1(this.maxKb / 1024),
      [`${prefix}_vmhwm_mb`]: round1(this.hwmKb / 1024),
      [`${prefix}_samples`]: this.samples,
      [`${prefix}_max_mb_by_phase`]: Object.entries(this.byPhase)
        .map(([phase, kb]) => `${phase} ${round1(kb / 1024)}`)
        .join(', '),
    };
  }
}

export function randomPayees(n: number): string[] {
  return Array.from({ length: n }, () => {
    const bytes = new Uint8Array(21);
    bytes[0] = ADDRESS_PREFIX;
    bytes.set(randomBytes(20), 1);
    return bytesToBase58Address(bytes);
  });
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------ CPU

const CLOCK_TICKS = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5000 });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/** CPU time (user + system, all threads) a process has used so far, in ms; NaN once it is gone. */
export function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Server and client CPU over one load run: how much of the machine each side used. */
export const clientCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// ------------------------------------------------------------------ one gateway, started and stopped

export interface LaunchOptions {
  engine: Engine;
  /** names the process in logs and errors */
  tag: string;
  /** written to a temp file handed over as TPG_CONFIG_FILE */
  configYaml: string;
  /** more environment (SERVICE_PORT, DATA_DIR, LOG_LEVEL, the API key and DATABASE_URL are set already) */
  env?: Record<string, string>;
}

/** A gateway child process on a fresh SQLite DATA_DIR or a fresh PostgreSQL database, live on 127.0.0.1. */
export interface LaunchedGateway {
  child: Child;
  rss: RssSampler;
  base: string;
  apiKey: string;
  /** the SQLite file or the PostgreSQL URL */
  where: string;
  /** the PostgreSQL database, null on SQLite */
  dbName: string | null;
  startupMs: number;
  /** what runs: dist or the sources */
  code: string;
  /**
   * Stops the process (if running), drops the database and removes the temp directory; safe to call
   * twice. Answers what it could not clean up (the exit sweep tries again), or null.
   */
  close(): Promise<string | null>;
}

/**
 * Starts `bin/tron-payment-gateway.mjs start` as `npm start` does, on a fresh database, and waits for
 * /health/live. Everything it creates is registered with `leftovers` until `close()` removes it.
 */
export async function launchGateway(options: LaunchOptions): Promise<LaunchedGateway> {
  const { engine, tag } = options;
  const dir = mkdtempSync(join(tmpdir(), `tpg-bench-${engine}-`));
  leftovers.dirs.add(dir);
  const apiKey = `bench_${randomBytes(24).toString('base64url')}`;
  let dbName: string | null = null;
  let child: Child | null = null;
  let rss: RssSampler | null = null;
  const close = async (): Promise<string | null> => {
    rss?.stop();
    if (child?.running) await child.stop();
    rmSync(dir, { recursive: true, force: true });
    leftovers.dirs.delete(dir);
    if (!dbName) return null;
    try {
      await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      leftovers.databases.delete(dbName);
      return null;
    } catch (error) {
      return `could not drop ${dbName} (${message(error)}); the exit handler tries again`;
    }
  };
  try {
    const configFile = join(dir, 'config.yaml');
    writeFileSync(configFile, options.configYaml);
    const dataDir = join(dir, 'data');
    let where = join(dataDir, 'gateway.sqlite');
    const env: Record<string, string> = {
      SERVICE_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      DEVNET_PORT: '0',
      LOG_LEVEL: 'warn',
      TPG_BOOTSTRAP_API_KEY: apiKey,
      [CONFIG_FILE_VARIABLE]: configFile,
      ...options.env,
    };
    if (engine === 'postgres') {
      dbName = `tpg_bench_${randomBytes(6).toString('hex')}`;
      leftovers.databases.add(dbName);
      await adminQuery(`CREATE DATABASE ${dbName}`);
      where = `postgres://postgres@127.0.0.1:5432/${dbName}`;
      env.DATABASE_URL = where;
    }
    const base = `http://127.0.0.1:${env.SERVICE_PORT}`;
    const code = gatewayCode();
    child = Child.spawn(tag, [...SERVICE_NODE_FLAGS, GATEWAY_BIN, 'start'], cleanEnv({ ...SERVICE_ENV, ...env }));
    rss = new RssSampler(child.proc.pid ?? -1);
    const startupMs = await waitForLive(base, child);
    return { child, rss, base, apiKey, where, dbName, startupMs, code, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The process's VmRSS in kB (/proc/<pid>/status); NaN once it is gone. */
export function rssKb(pid: number | undefined): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** Measure what production runs: the compiled build (the tsx loader would add to the RSS and the start-up). */
export function buildDist(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
}

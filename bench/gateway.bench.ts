/**
 * Gateway API benchmarks (`npm run bench -- --suite gateway`, ~1.5 min). Processes: the gateway under
 * test runs as a child process exactly as users start it (`node bin/tron-payment-gateway.mjs start`,
 * embedded devnet, LOG_LEVEL=warn; the build in dist/ when there is one, else the sources through tsx),
 * once on SQLite (a fresh temp DATA_DIR) and once on PostgreSQL (a fresh database tpg_bench_<random> on
 * postgres://postgres@127.0.0.1:5432, dropped at the end); the load generator (autocannon) runs in this
 * process. A bare Fastify server (bench/gateway.bare.ts, same Node, its own child process) is driven with
 * the same settings right before each gateway starts, so the gateway figures can be read as a share of
 * what this machine's HTTP stack does at that moment (the ratio rows). Server and client CPU time over
 * each measured run is recorded too (details), which says more than req/s when other work shares the CPU.
 *
 *  (a) POST /api/v1/payments/create, CONNECTIONS keep-alive connections, WARMUP_S of warm-up then
 *      DURATION_S measured; every request has its own body (payee, amount, reference_id). Only 201s
 *      count as payments; anything else (non-2xx, socket errors, timeouts) is reported as an error.
 *  (b) durability: every payment_id answered with 201 (creates and batch items) must be a committed
 *      `payments` row with its `payment.created` outbox event, checked from a separate connection right
 *      after the load (committed = visible to another connection) and again after the gateway stopped.
 *  (c) POST /api/v1/payments/batch: BATCH_WARMUP + BATCHES sequential 1000-item batches, accept latency.
 *  (d) RSS of the gateway process: /proc/<pid>/status VmRSS every RSS_SAMPLE_MS plus the kernel's
 *      high-water mark (VmHWM), from spawn to exit.
 *
 * The default merchant limits (1000 creations a minute, 10 batches in flight) would refuse this load, so
 * each gateway gets a YAML config (TPG_CONFIG_FILE) raising them; everything else keeps its default.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, get, request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { CONFIG_FILE_VARIABLE, ENV_OVERRIDES } from '../src/config/env.js';
import { SqliteDatabase } from '../src/db/sqlite-binding.js';
import { ADDRESS_PREFIX, bytesToBase58Address } from '../src/tron/address.js';
import { type BenchResult, type Details, percentile, result, summarize } from './harness.js';

const CONNECTIONS = 50;
const WARMUP_S = 2;
const DURATION_S = 10;
/** autocannon counts a request still unanswered after this as a timeout (an error) */
const REQUEST_TIMEOUT_S = 10;
const BATCH_SIZE = 1000;
const BATCHES = 30;
/** batches sent before the measured ones (not counted) */
const BATCH_WARMUP = 1;
/** the batch phase stops early (and says so) after this */
const BATCH_PHASE_MAX_MS = 60_000;
const RSS_SAMPLE_MS = 200;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** distinct payee addresses the bodies cycle through (well under address_activity_per_minute each) */
const PAYEES = 4096;

const TARGETS = {
  sqlite: { rate: 2000, p99: 50 },
  postgres: { rate: 1500, p99: 50 },
  batchP50Ms: 250,
  rssMb: 250,
} as const;

const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GATEWAY_BIN = join(ROOT, 'bin', 'tron-payment-gateway.mjs');
/** The Node flags `npm start` gives the gateway (package.json), so the benchmark measures what operators run. */
const { env: SERVICE_ENV, nodeFlags: SERVICE_NODE_FLAGS } = startScript();
const BARE_SERVER = join(ROOT, 'bench', 'gateway.bare.ts');
const CREATE_PATH = '/api/v1/payments/create';
const BATCH_PATH = '/api/v1/payments/batch';
const PAYMENT_ID = /"payment_id":"([^"]+)"/;

/** Deposit addresses derived ahead (wallets.deposit_pool_size): enough for every collection this run creates. */
const DEPOSIT_POOL = 60_000;
/** Raised so that the benchmark load is not refused by the per-merchant limits (SPEC §3.5). */
const LIMITS = {
  rate_limit_per_minute: 100_000_000,
  daily_limit: '4000000000000',
  monthly_limit: '4000000000000',
  max_concurrent_batches: 1_000_000,
};
const LIMITS_YAML = `# written by bench/gateway.bench.ts: raises the per-merchant limits so the benchmark load is not refused
transaction_limits:
  rate_limit_per_minute: ${LIMITS.rate_limit_per_minute}
  daily_limit: "${LIMITS.daily_limit}"
  monthly_limit: "${LIMITS.monthly_limit}"
batch_processing:
  max_concurrent_batches: ${LIMITS.max_concurrent_batches}
wallets:
  deposit_pool_size: ${DEPOSIT_POOL}
`;
const LIMITS_NOTE = `wallets.deposit_pool_size ${DEPOSIT_POOL} (the run waits until the pool is full, as a warmed-up gateway has it); TPG_CONFIG_FILE raises transaction_limits.rate_limit_per_minute to ${LIMITS.rate_limit_per_minute}, daily_limit and monthly_limit to "${LIMITS.daily_limit}", batch_processing.max_concurrent_batches to ${LIMITS.max_concurrent_batches}; all else default`;

type Engine = 'sqlite' | 'postgres';

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

// ------------------------------------------------------------------ cleanup

/**
 * Everything this suite creates outside its own memory. The normal path removes each item itself; the
 * synchronous sweep on process exit (the run.ts watchdog, Ctrl-C, a crash) is the last resort.
 */
class Leftovers {
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

const leftovers = new Leftovers();

// ------------------------------------------------------------------ child processes

interface LogSummary {
  warnings: number;
  errors: number;
  /** the first few distinct warn/error messages */
  samples: string[];
}

/** pino level labels (the gateway logs them as labels) */
const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** A server child process: its output is kept (last 8 KB, plus a count of warn/error log lines). */
class Child {
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
function gatewayCode(): string {
  const built = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(built) || process.env.TPG_FROM_SOURCE === '1') return 'src via tsx (no dist/; the tsx loader adds to the RSS)';
  const newestSource = Math.max(
    ...readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(ROOT, 'src', f)).mtimeMs),
  );
  return statSync(built).mtimeMs < newestSource ? 'dist (older than src/: a stale build)' : 'dist';
}

/** The engines to measure: both, or those GATEWAY_BENCH_ENGINES names (`postgres`, `sqlite,postgres`). */
function benchEngines(): Engine[] {
  const named = (process.env.GATEWAY_BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim());
  const engines = (['sqlite', 'postgres'] as const).filter((engine) => named.includes(engine));
  if (engines.length === 0) throw new Error(`GATEWAY_BENCH_ENGINES names no engine (sqlite, postgres): ${named.join(',')}`);
  return engines;
}

/** `[VAR=value …] exec node <flags> bin/tron-payment-gateway.mjs start` in package.json's start script. */
function startScript(): { env: Record<string, string>; nodeFlags: string[] } {
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
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const o of ENV_OVERRIDES) delete env[o.variable];
  delete env[CONFIG_FILE_VARIABLE];
  return { ...env, ...extra };
}

function freePort(): Promise<number> {
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

function getStatus(url: string): Promise<number> {
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
async function waitForLive(base: string, child: Child): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < START_TIMEOUT_MS) {
    if (!child.running) throw new Error(`${child.name} exited during start-up (${child.exitDescription}); output:\n${child.output()}`);
    if ((await getStatus(`${base}/health/live`)) === 200) return performance.now() - started;
    await sleep(100);
  }
  throw new Error(`${child.name} did not answer ${base}/health/live within ${START_TIMEOUT_MS} ms; output:\n${child.output()}`);
}

/** Waits until the gateway's deposit-address pool is full (GET /status → deposit_pool.available, an admin key's view). */
async function waitForDepositPool(base: string, child: Child, apiKey: string): Promise<number> {
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
class RssSampler {
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

// ------------------------------------------------------------------ load

interface LoadRun {
  /** responses with the expected status */
  ok: number;
  statuses: Record<string, number>;
  /** socket errors and timeouts (autocannon counts a timeout as an error too) */
  clientErrors: number;
  timeouts: number;
  /** latency of the expected-status responses */
  latenciesMs: number[];
  elapsedMs: number;
  /** 201s whose body had no payment_id */
  idless: number;
}

const unexpected = (run: LoadRun, okStatus: number) =>
  Object.entries(run.statuses).reduce((n, [s, c]) => (Number(s) === okStatus ? n : n + c), 0);

/**
 * `seconds` of autocannon: CONNECTIONS keep-alive connections, one request in flight on each, a fresh
 * body per request. Collects the payment_id of every `okStatus` answer into `ids` when given.
 */
async function drive(
  url: string,
  apiKey: string | null,
  seconds: number,
  okStatus: number,
  nextBody: () => string,
  ids: string[] | null,
): Promise<LoadRun> {
  const run: LoadRun = { ok: 0, statuses: {}, clientErrors: 0, timeouts: 0, latenciesMs: [], elapsedMs: 0, idless: 0 };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const entry: autocannon.Request = { setupRequest: (req) => ({ ...req, body: nextBody() }) };
  if (ids) {
    entry.onResponse = (status, body) => {
      if (status !== okStatus) return;
      const id = PAYMENT_ID.exec(body)?.[1];
      if (id) ids.push(id);
      else run.idless++;
    };
  }
  const started = performance.now();
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: REQUEST_TIMEOUT_S,
    method: 'POST',
    headers,
    requests: [entry],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    run.statuses[status] = (run.statuses[status] ?? 0) + 1;
    if (status === okStatus) {
      run.ok++;
      run.latenciesMs.push(ms);
    }
  });
  const res = await instance;
  run.elapsedMs = performance.now() - started;
  run.clientErrors = res.errors;
  run.timeouts = res.timeouts;
  return run;
}

function randomPayees(n: number): string[] {
  return Array.from({ length: n }, () => {
    const bytes = new Uint8Array(21);
    bytes[0] = ADDRESS_PREFIX;
    bytes.set(randomBytes(20), 1);
    return bytesToBase58Address(bytes);
  });
}

/** Create bodies: payees in turn, amounts 100…999, a unique reference_id each. */
function createBodies(payees: string[], prefix: string): () => string {
  let n = 0;
  return () => {
    const i = n++;
    return `{"payee_address":"${payees[i % payees.length]}","amount":"${100 + (i % 900)}","reference_id":"${prefix}-${i}"}`;
  };
}

function batchBodies(payees: string[], prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, b) =>
    JSON.stringify({
      batch_reference: `${prefix}-batch-${b}`,
      payments: Array.from({ length: BATCH_SIZE }, (_, i) => ({
        payee_address: payees[(b * BATCH_SIZE + i) % payees.length],
        amount: String(100 + (i % 900)),
        reference_id: `${prefix}-b${b}-${i}`,
      })),
    }),
  );
}

interface HttpReply {
  status: number;
  text: string;
}

function post(agent: Agent, base: URL, path: string, body: string, apiKey: string): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${apiKey}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${path} timed out after 30 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

interface BatchRun {
  latenciesMs: number[];
  /** measured batches answered 201 */
  accepted: number;
  /** HTTP status or client error → count, for every batch not answered 201 (warm-up included) */
  failures: Record<string, number>;
  createdItems: number;
  rejectedItems: number;
  ids: string[];
  /** why the phase ended before every batch was sent, if it did */
  stoppedEarly: string | null;
}

/** Sends the batches one after another on one keep-alive connection; the first BATCH_WARMUP are not timed. */
async function runBatches(base: URL, apiKey: string, bodies: string[]): Promise<BatchRun> {
  const run: BatchRun = { latenciesMs: [], accepted: 0, failures: {}, createdItems: 0, rejectedItems: 0, ids: [], stoppedEarly: null };
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const deadline = performance.now() + BATCH_PHASE_MAX_MS;
  let refusedInARow = 0;
  try {
    for (const [i, body] of bodies.entries()) {
      if (performance.now() > deadline) {
        run.stoppedEarly = `time limit of ${BATCH_PHASE_MAX_MS} ms reached`;
        break;
      }
      if (refusedInARow >= 3) {
        run.stoppedEarly = 'the gateway stopped accepting connections';
        break;
      }
      const t = performance.now();
      let reply: HttpReply;
      try {
        reply = await post(agent, base, BATCH_PATH, body, apiKey);
      } catch (error) {
        const key = `client: ${message(error)}`;
        run.failures[key] = (run.failures[key] ?? 0) + 1;
        if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') refusedInARow++;
        continue;
      }
      refusedInARow = 0;
      const ms = performance.now() - t;
      if (reply.status !== 201) {
        const key = `HTTP ${reply.status}: ${reply.text.slice(0, 160)}`;
        run.failures[key] = (run.failures[key] ?? 0) + 1;
        continue;
      }
      const json = JSON.parse(reply.text) as { created_count?: number; rejected_count?: number; results?: Array<{ payment_id?: string }> };
      run.createdItems += json.created_count ?? 0;
      run.rejectedItems += json.rejected_count ?? 0;
      for (const item of json.results ?? []) if (item.payment_id) run.ids.push(item.payment_id);
      if (i >= BATCH_WARMUP) {
        run.latenciesMs.push(ms);
        run.accepted++;
      }
    }
  } finally {
    agent.destroy();
  }
  return run;
}

// ------------------------------------------------------------------ durability

interface Committed {
  payments: number;
  outboxCreated: number;
  /** ids of payments rows that have a payment.created outbox event */
  withEvent: Set<string>;
}

const COUNT_PAYMENTS = 'SELECT count(*) AS n FROM payments';
const COUNT_CREATED_EVENTS = "SELECT count(*) AS n FROM outbox WHERE type = 'payment.created'";
const IDS_WITH_EVENT = "SELECT id FROM payments WHERE id IN (SELECT aggregate_id FROM outbox WHERE type = 'payment.created')";

/** Reads what is committed, from a connection of its own (read-only for SQLite). */
async function readCommitted(engine: Engine, where: string): Promise<Committed> {
  if (engine === 'sqlite') {
    const db = new SqliteDatabase(where, { readonly: true, fileMustExist: true });
    try {
      const count = (sql: string) => Number((db.prepare(sql).get() as { n: number | bigint }).n);
      const ids = db.prepare(IDS_WITH_EVENT).pluck().all() as string[];
      return { payments: count(COUNT_PAYMENTS), outboxCreated: count(COUNT_CREATED_EVENTS), withEvent: new Set(ids) };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: where, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
    const ids = (await client.query<{ id: string }>(IDS_WITH_EVENT)).rows.map((r) => r.id);
    return { payments: await count(COUNT_PAYMENTS), outboxCreated: await count(COUNT_CREATED_EVENTS), withEvent: new Set(ids) };
  } finally {
    await client.end();
  }
}

const missingFrom = (ids: string[], committed: Committed) => ids.filter((id) => !committed.withEvent.has(id));

async function adminQuery(sql: string): Promise<void> {
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
function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Server and client CPU over one load run: how much of the machine each side used. */
function cpuDetails(serverCpuMs: number, clientCpuMs: number, run: LoadRun): Details {
  return {
    server_cpu_ms_per_request: round2(serverCpuMs / Math.max(1, run.ok)),
    server_cores_used: round2(serverCpuMs / run.elapsedMs),
    client_cores_used: round2(clientCpuMs / run.elapsedMs),
  };
}

const clientCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// ------------------------------------------------------------------ bare Fastify

interface BareServer {
  child: Child;
  base: string;
  rss: RssSampler;
}

interface BareRun {
  rows: BenchResult[];
  rate: number | null;
  cpuMsPerRequest: number | null;
}

/** Starts bench/gateway.bare.ts; it stays up (idle between runs) until the suite ends. */
async function startBare(): Promise<BareServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = Child.spawn('bare fastify', ['--import', 'tsx', BARE_SERVER], cleanEnv({ PORT: String(port) }));
  const rss = new RssSampler(child.proc.pid ?? -1);
  try {
    await waitForLive(base, child);
  } catch (error) {
    rss.stop();
    await child.stop();
    throw error;
  }
  return { child, base, rss };
}

/**
 * The bare server under the same load as the gateway's create (same connections, durations, headers and
 * bodies), measured right before the gateway of `engine` starts, so that the ratio compares two runs
 * seconds apart on the same machine.
 */
async function measureBare(bare: BareServer, payees: string[], engine: Engine, log: (line: string) => void): Promise<BareRun> {
  const name = `bare fastify (next to ${engine})`;
  try {
    if (!bare.child.running) throw new Error(`the bare server is gone (${bare.child.exitDescription}); output:\n${bare.child.output()}`);
    const nextBody = createBodies(payees, `bare-${engine}`);
    const warm = await drive(`${bare.base}${CREATE_PATH}`, 'bench', WARMUP_S, 201, nextBody, null);
    const server0 = cpuMs(bare.child.proc.pid);
    const client0 = clientCpuMs();
    const load = await drive(`${bare.base}${CREATE_PATH}`, 'bench', DURATION_S, 201, nextBody, null);
    const serverCpu = cpuMs(bare.child.proc.pid) - server0;
    const cpu = cpuDetails(serverCpu, clientCpuMs() - client0, load);
    const rate = (load.ok * 1000) / load.elapsedMs;
    const lat = summarize(load.latenciesMs);
    const other = unexpected(load, 201) + unexpected(warm, 201) + load.clientErrors + warm.clientErrors;
    log(
      `gateway: ${name}: ${load.ok} × 201 in ${round1(load.elapsedMs / 1000)} s = ${Math.round(rate)} req/s, p50 ${round2(lat.p50)} ms, p99 ${round2(lat.p99)} ms; server ${cpu.server_cores_used} cores, client ${cpu.client_cores_used} cores${other ? `; ${other} errors ${JSON.stringify(load.statuses)}` : ''}`,
    );
    return {
      rate,
      cpuMsPerRequest: serverCpu / Math.max(1, load.ok),
      rows: [
        result(name, Math.round(rate), 'req/s', {
          details: {
            server: 'bench/gateway.bare.ts: Fastify, logger off, one POST route parsing the JSON body and answering a small JSON (201)',
            connections: CONNECTIONS,
            duration_s: DURATION_S,
            warmup_s: WARMUP_S,
            responses_201: load.ok,
            elapsed_ms: Math.round(load.elapsedMs),
            latency_p50_ms: round2(lat.p50),
            latency_p99_ms: round2(lat.p99),
            latency_max_ms: round2(lat.max),
            other_responses_and_errors: other,
            statuses: JSON.stringify(load.statuses),
            ...cpu,
            load_average_at_start: loadavg()
              .map((n) => round2(n))
              .join(' '),
          },
        }),
      ],
    };
  } catch (error) {
    log(`gateway: ${name} failed: ${message(error)}`);
    return {
      rate: null,
      cpuMsPerRequest: null,
      rows: [result(`${name} ran`, 0, 'bool', { target: { op: '>=', value: 1 }, details: { error: message(error).slice(0, 2000) } })],
    };
  }
}

// ------------------------------------------------------------------ the gateway, one engine

interface EngineOutcome {
  rows: BenchResult[];
  rate: number | null;
  /** gateway CPU time per created payment during the measured create run */
  cpuMsPerPayment: number | null;
  rss: RssSampler | null;
}

async function runEngine(engine: Engine, payees: string[], log: (line: string) => void): Promise<EngineOutcome> {
  const tag = `gateway (${engine})`;
  const rows: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), `tpg-bench-${engine}-`));
  leftovers.dirs.add(dir);
  const apiKey = `bench_${randomBytes(24).toString('base64url')}`;
  const prefix = `bench-${engine}-${randomBytes(4).toString('hex')}`;
  let dbName: string | null = null;
  let child: Child | null = null;
  let rss: RssSampler | null = null;
  let rate: number | null = null;
  let cpuMsPerPayment: number | null = null;
  try {
    const configFile = join(dir, 'limits.yaml');
    writeFileSync(configFile, LIMITS_YAML);
    const dataDir = join(dir, 'data');
    let where = join(dataDir, 'gateway.sqlite');
    const env: Record<string, string> = {
      SERVICE_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      DEVNET_PORT: '0',
      LOG_LEVEL: 'warn',
      TPG_BOOTSTRAP_API_KEY: apiKey,
      [CONFIG_FILE_VARIABLE]: configFile,
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
    await waitForDepositPool(base, child, apiKey);
    log(
      `${tag}: pid ${child.proc.pid} live on ${base} after ${Math.round(startupMs)} ms (${engine === 'sqlite' ? where : dbName}; running ${code})`,
    );

    // (a) create
    const ids: string[] = [];
    const nextBody = createBodies(payees, prefix);
    rss?.enter('create warm-up');
    const warm = await drive(`${base}${CREATE_PATH}`, apiKey, WARMUP_S, 201, nextBody, ids);
    rss?.enter('create');
    const server0 = cpuMs(child.proc.pid);
    const client0 = clientCpuMs();
    const load = await drive(`${base}${CREATE_PATH}`, apiKey, DURATION_S, 201, nextBody, ids);
    const serverCpu = cpuMs(child.proc.pid) - server0;
    const cpu = cpuDetails(serverCpu, clientCpuMs() - client0, load);
    cpuMsPerPayment = serverCpu / Math.max(1, load.ok);
    rate = (load.ok * 1000) / load.elapsedMs;
    const lat = summarize(load.latenciesMs);
    const createErrors = unexpected(warm, 201) + unexpected(load, 201) + warm.clientErrors + load.clientErrors + warm.idless + load.idless;
    log(
      `${tag}: create: ${load.ok} × 201 in ${round1(load.elapsedMs / 1000)} s = ${Math.round(rate)} payments/s, p50 ${round2(lat.p50)} ms, p99 ${round2(lat.p99)} ms, max ${round2(lat.max)} ms; statuses ${JSON.stringify(load.statuses)}, client errors ${load.clientErrors} (timeouts ${load.timeouts}); warm-up ${warm.ok} × 201 ${JSON.stringify(warm.statuses)}; gateway ${cpu.server_cores_used} cores (${cpu.server_cpu_ms_per_request} CPU ms per payment), client ${cpu.client_cores_used} cores`,
    );

    // (b) durability, live: committed = visible to another connection
    rss?.enter('durability check');
    const live = await readCommitted(engine, where);
    const liveMissing = missingFrom(ids, live);
    log(
      `${tag}: committed right after the load: ${live.payments} payments rows, ${live.outboxCreated} payment.created events; ${ids.length - liveMissing.length} of ${ids.length} answered payment_ids have both`,
    );

    const common: Details = {
      connections: CONNECTIONS,
      duration_s: DURATION_S,
      warmup_s: WARMUP_S,
      config: LIMITS_NOTE,
      engine: engine === 'sqlite' ? 'SQLite (fresh DATA_DIR)' : 'PostgreSQL 127.0.0.1:5432 (fresh database)',
      gateway_code: code,
      load_average_at_start: loadavg()
        .map((n) => round2(n))
        .join(' '),
      startup_ms: Math.round(startupMs),
    };
    const target = TARGETS[engine];
    rows.push(
      result(`create (${engine})`, Math.round(rate), 'payments/s', {
        target: { op: '>=', value: target.rate },
        details: {
          ...common,
          responses_201: load.ok,
          elapsed_ms: Math.round(load.elapsedMs),
          statuses: JSON.stringify(load.statuses),
          client_errors: load.clientErrors,
          timeouts: load.timeouts,
          warmup_201: warm.ok,
          warmup_statuses: JSON.stringify(warm.statuses),
          ...cpu,
          cpu_note:
            engine === 'postgres'
              ? 'server CPU is the gateway process only (not the PostgreSQL backends)'
              : 'server CPU is the gateway process (all threads)',
          body: 'payee_address (one of 4096), amount "100"…"999", unique reference_id; payment_method default',
        },
      }),
      result(`create p50 (${engine})`, round2(lat.p50), 'ms', {
        details: { latency_p90_ms: round2(lat.p90), latency_mean_ms: round2(lat.mean) },
      }),
      result(`create p99 (${engine})`, round2(lat.p99), 'ms', {
        target: { op: '<=', value: target.p99 },
        details: {
          latency_max_ms: round2(lat.max),
          samples: load.latenciesMs.length,
          note: '201 responses only, client-side (autocannon)',
        },
      }),
    );

    // (c) batches
    rss?.enter('batch');
    const bodies = batchBodies(payees, prefix, BATCH_WARMUP + BATCHES);
    const batch = await runBatches(new URL(base), apiKey, bodies);
    const blat = summarize(batch.latenciesMs);
    const batchFailures = Object.values(batch.failures).reduce((a, b) => a + b, 0);
    log(
      `${tag}: batch: ${batch.accepted} of ${BATCHES} measured 1000-item batches accepted, p50 ${round1(blat.p50)} ms, p95 ${round1(percentile95(batch.latenciesMs))} ms, max ${round1(blat.max)} ms; items created ${batch.createdItems}, rejected ${batch.rejectedItems}${batchFailures ? `; failures ${JSON.stringify(batch.failures)}` : ''}${batch.stoppedEarly ? `; stopped early: ${batch.stoppedEarly}` : ''}`,
    );
    if (batchFailures > 0) log(`${tag}: gateway output so far (tail):\n${child.output().slice(-1200)}`);
    const batchDetails: Details = {
      batches_measured: BATCHES,
      warmup_batches: BATCH_WARMUP,
      accepted: batch.accepted,
      items_created: batch.createdItems,
      items_rejected: batch.rejectedItems,
      failures: batchFailures ? JSON.stringify(batch.failures) : null,
      stopped_early: batch.stoppedEarly,
      latencies_ms: batch.latenciesMs.map(Math.round).join(', '),
      note: 'sequential, one keep-alive connection, request sent to 201 body received',
    };
    rows.push(
      result(`batch 1000 p50 (${engine})`, round1(blat.p50), 'ms', {
        target: { op: '<=', value: TARGETS.batchP50Ms },
        details: batchDetails,
      }),
      result(`batch 1000 p95 (${engine})`, round1(percentile95(batch.latenciesMs)), 'ms', { details: { max_ms: round1(blat.max) } }),
    );

    // stop, then (b) again on what survived the shutdown
    rss?.enter('shutdown');
    const stopped = await child.stop();
    rss?.stop();
    if (stopped.how.includes('killed by SIGTERM')) {
      // start.command.ts handles the first SIGTERM (process.once); being killed by ours means it had one already
      stopped.how += ': its SIGTERM handler was already used, so it had been signalled before the benchmark stopped it';
    }
    const all = [...ids, ...batch.ids];
    const after = await readCommitted(engine, where);
    const afterMissing = missingFrom(all, after);
    const missing = new Set([...liveMissing, ...afterMissing]);
    log(
      `${tag}: stopped in ${Math.round(stopped.ms)} ms (${stopped.how}); after stop: ${after.payments} payments rows, ${after.outboxCreated} payment.created events; ${all.length - afterMissing.length} of ${all.length} answered payment_ids have both`,
    );
    rows.push(
      result(`201s without committed row + outbox event (${engine})`, missing.size, 'payments', {
        target: { op: '<=', value: 0 },
        details: {
          answered_create: ids.length,
          answered_batch_items: batch.ids.length,
          live_payments_rows: live.payments,
          live_outbox_payment_created: live.outboxCreated,
          live_missing: liveMissing.length,
          after_stop_payments_rows: after.payments,
          after_stop_outbox_payment_created: after.outboxCreated,
          after_stop_missing: afterMissing.length,
          example_missing: [...missing].slice(0, 3).join(', ') || null,
          note: 'checked from a separate connection right after the create load (committed = visible) and again after the gateway stopped',
        },
      }),
    );
    const errorCount = createErrors + batchFailures + batch.rejectedItems;
    rows.push(
      result(`non-2xx and failed requests (${engine})`, errorCount, 'requests', {
        target: { op: '<=', value: 0 },
        details: {
          create_statuses: JSON.stringify(load.statuses),
          create_warmup_statuses: JSON.stringify(warm.statuses),
          create_client_errors: warm.clientErrors + load.clientErrors,
          create_timeouts: warm.timeouts + load.timeouts,
          create_201_without_payment_id: warm.idless + load.idless,
          batch_failures: batchFailures ? JSON.stringify(batch.failures) : null,
          batch_items_rejected: batch.rejectedItems,
          gateway_warn_log_lines: child.logs.warnings,
          gateway_error_log_lines: child.logs.errors,
          gateway_exited_before_stop: child.unexpectedExit,
          gateway_log_samples: child.logs.samples.join(' | ') || null,
          shutdown: `${Math.round(stopped.ms)} ms, ${stopped.how}`,
        },
      }),
    );
    if (child.unexpectedExit) log(`${tag}: the gateway exited before the benchmark stopped it (${child.unexpectedExit})`);
    if (child.logs.warnings + child.logs.errors > 0) {
      log(`${tag}: ${child.logs.warnings} warn and ${child.logs.errors} error log lines, e.g. ${child.logs.samples.join(' | ')}`);
    }
  } catch (error) {
    log(`${tag}: failed: ${message(error)}`);
    rows.push(
      result(`${tag} ran to the end`, 0, 'bool', {
        target: { op: '>=', value: 1 },
        details: { error: message(error).slice(0, 2000), output: child?.output().slice(-1500) ?? null },
      }),
    );
  } finally {
    rss?.stop();
    if (child?.running) await child.stop();
    if (dbName) {
      try {
        await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        leftovers.databases.delete(dbName);
      } catch (error) {
        log(`${tag}: could not drop ${dbName} (${message(error)}); the exit handler tries again`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
    leftovers.dirs.delete(dir);
  }
  return { rows, rate, cpuMsPerPayment, rss };
}

const percentile95 = (samples: number[]) => percentile(Float64Array.from(samples).sort(), 95);

// ------------------------------------------------------------------ the suite

export async function runGateway(log: (line: string) => void = console.log): Promise<BenchResult[]> {
  leftovers.install();
  try {
    if (process.env.TPG_FROM_SOURCE !== '1') {
      // Measure what production runs: the compiled build (the tsx loader would add to the RSS and the start-up).
      log('gateway: npm run build …');
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
    }
    log(`gateway: ${LIMITS_NOTE}`);
    log(
      `gateway: started as npm start starts it: ${Object.entries(SERVICE_ENV)
        .map(([k, v]) => `${k}=${v} `)
        .join('')}node ${[...SERVICE_NODE_FLAGS, 'bin/tron-payment-gateway.mjs', 'start'].join(' ')}`,
    );
    log(
      `gateway: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured per server; ${BATCH_WARMUP} + ${BATCHES} sequential ${BATCH_SIZE}-item batches per engine; RSS sampled every ${RSS_SAMPLE_MS} ms; load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    const payees = randomPayees(PAYEES);
    let bare: BareServer | null = null;
    const bareRows: BenchResult[] = [];
    try {
      bare = await startBare();
    } catch (error) {
      log(`gateway: bare fastify failed to start: ${message(error)}`);
      bareRows.push(
        result('bare fastify ran', 0, 'bool', { target: { op: '>=', value: 1 }, details: { error: message(error).slice(0, 2000) } }),
      );
    }
    const outcomes: Array<[Engine, EngineOutcome, BareRun | null]> = [];
    try {
      for (const engine of benchEngines()) {
        const baseline = bare ? await measureBare(bare, payees, engine, log) : null;
        if (baseline) bareRows.push(...baseline.rows);
        outcomes.push([engine, await runEngine(engine, payees, log), baseline]);
      }
    } finally {
      bare?.rss.stop();
      await bare?.child.stop();
    }
    const [, sqlite] = outcomes[0] as [Engine, EngineOutcome, BareRun | null];
    const [, postgres] = outcomes[1] as [Engine, EngineOutcome, BareRun | null];
    const results: BenchResult[] = [...sqlite.rows, ...postgres.rows];
    const measured: Array<[Engine, RssSampler]> = [];
    if (sqlite.rss) measured.push(['sqlite', sqlite.rss]);
    if (postgres.rss) measured.push(['postgres', postgres.rss]);
    const peak = Math.max(0, ...measured.map(([, s]) => s.peakMb));
    results.push(
      result('RSS max', peak, 'MB', {
        target: { op: '<=', value: TARGETS.rssMb },
        details: {
          measured: 'gateway process, /proc/<pid>/status VmRSS every 200 ms from spawn to exit; value = max(highest sample, VmHWM)',
          ...Object.assign({}, ...measured.map(([engine, s]) => s.details(engine))),
          bare_fastify_mb: bare?.rss.peakMb ?? null,
        },
      }),
    );
    results.push(...bareRows);
    for (const [engine, outcome, baseline] of outcomes) {
      if (outcome.rate === null || !baseline?.rate) continue;
      results.push(
        result(`create (${engine}) / bare fastify`, Math.round((outcome.rate / baseline.rate) * 10_000) / 10_000, 'ratio', {
          details: {
            gateway_payments_per_s: Math.round(outcome.rate),
            bare_req_per_s: Math.round(baseline.rate),
            target_ratio_on_this_machine: round2(TARGETS[engine].rate / baseline.rate),
            gateway_cpu_ms_per_payment: outcome.cpuMsPerPayment === null ? null : round2(outcome.cpuMsPerPayment),
            bare_cpu_ms_per_request: baseline.cpuMsPerRequest === null ? null : Math.round(baseline.cpuMsPerRequest * 1000) / 1000,
            cpu_cost_ratio:
              outcome.cpuMsPerPayment !== null && baseline.cpuMsPerRequest
                ? round1(outcome.cpuMsPerPayment / baseline.cpuMsPerRequest)
                : null,
            note: 'the bare server was measured right before this gateway started; cpu_cost_ratio (server CPU per request, gateway ÷ bare) is less sensitive to other load on the machine than the throughput ratio',
          },
        }),
      );
    }
    return results;
  } finally {
    leftovers.sweep();
    leftovers.uninstall();
  }
}

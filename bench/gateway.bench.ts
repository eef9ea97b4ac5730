import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { SqliteDatabase } from '../src/db/sqlite-binding.js';
import {
  benchEngines,
  buildDist,
  Child,
  cleanEnv,
  clientCpuMs,
  cpuMs,
  type Engine,
  freePort,
  type LaunchedGateway,
  launchGateway,
  leftovers,
  message,
  ROOT,
  RSS_SAMPLE_MS,
  RssSampler,
  randomPayees,
  round1,
  round2,
  SERVICE_ENV,
  SERVICE_NODE_FLAGS,
  waitForDepositPool,
  waitForLive,
} from './gateway-process.js';
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
/** distinct payee addresses the bodies cycle through (well under address_activity_per_minute each) */
const PAYEES = 4096;

const TARGETS = {
  sqlite: { rate: 2000, p99: 50 },
  postgres: { rate: 1500, p99: 50 },
  batchP50Ms: 250,
  rssMb: 250,
} as const;

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

function cpuDetails(serverCpuMs: number, clientCpuMs: number, run: LoadRun): Details {
  return {
    server_cpu_ms_per_request: round2(serverCpuMs / Math.max(1, run.ok)),
    server_cores_used: round2(serverCpuMs / run.elapsedMs),
    client_cores_used: round2(clientCpuMs / run.elapsedMs),
  };
}

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
  const prefix = `bench-${engine}-${randomBytes(4).toString('hex')}`;
  let gw: LaunchedGateway | null = null;
  let rss: RssSampler | null = null;
  let rate: number | null = null;
  let cpuMsPerPayment: number | null = null;
  try {
    gw = await launchGateway({ engine, tag, configYaml: LIMITS_YAML });
    const { child, base, apiKey, where, code, startupMs } = gw;
    rss = gw.rss;
    await waitForDepositPool(base, child, apiKey);
    log(
      `${tag}: pid ${child.proc.pid} live on ${base} after ${Math.round(startupMs)} ms (${engine === 'sqlite' ? where : gw.dbName}; running ${code})`,
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
        details: { error: message(error).slice(0, 2000), output: gw?.child.output().slice(-1500) ?? null },
      }),
    );
  } finally {
    const problem = await gw?.close();
    if (problem) log(`${tag}: ${problem}`);
  }
  return { rows, rate, cpuMsPerPayment, rss };
}

const percentile95 = (samples: number[]) => percentile(Float64Array.from(samples).sort(), 95);

// ------------------------------------------------------------------ the suite

export async function runGateway(log: (line: string) => void = console.log): Promise<BenchResult[]> {
  leftovers.install();
  try {
    if (process.env.TPG_FROM_SOURCE !== '1') {
      log('gateway: npm run build …');
      buildDist();
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

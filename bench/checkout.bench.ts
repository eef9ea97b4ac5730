/**
 * Hosted checkout benchmarks (issue 21, `npm run bench -- --suite checkout`, ~1.5 min per engine). The
 * gateway under test is a real child process (bench/gateway-process.ts: `bin/tron-payment-gateway.mjs
 * start` from dist, npm start's node flags, embedded devnet producing a block every 3 s, LOG_LEVEL=warn),
 * on a fresh SQLite DATA_DIR (and a fresh PostgreSQL database with CHECKOUT_BENCH_ENGINES=sqlite,postgres).
 * Everything talks to 127.0.0.1 only; the clients run in this process.
 *
 *  (a) status push latency: LATENCY_INVOICES USDT invoices created through the API, one SSE stream
 *      (`GET /checkout/:token/events`, a Node client) open on each, then each paid with the exact amount
 *      from a faucet-funded devnet wallet (a TRC-20 transfer built and signed with src/tron), one every
 *      PAY_SPACING_MS so the transfers land in many blocks at every phase of the block interval.
 *      Latency = the moment the client receives the first `status` event showing the transfer
 *      (checkoutStatus no longer `waiting`) − the timestamp of the block carrying the transfer
 *      (gettransactioninfobyid on the devnet). Same host, same clock. Target p95 ≤ 1000 ms.
 *      BROWSER_PAGES more invoices are watched by their checkout pages in headless Chromium
 *      (playwright-core, /usr/bin/chromium): the browser's clock when the page's script changes
 *      `data-checkout-status`, minus the block's timestamp (their max is the row; skipped without Chromium).
 *  (b) page under load: autocannon, TTFB_CONNECTIONS keep-alive connections cycling over as many
 *      payments' pages (`GET /checkout/:token`), TTFB_WARMUP_S then TTFB_DURATION_S measured. autocannon's
 *      latency is the whole response (headers and body), an upper bound of the time to first byte; with
 *      every connection asking again as soon as it is answered it is mostly queueing (connections ÷ rate).
 *      Then the time to first byte itself (node:http, to the response headers), SEQUENTIAL_PAGES pages
 *      one at a time while TTFB_CONNECTIONS viewers keep their status streams open. Target p95 ≤ 20 ms.
 *  (c) STREAMS open SSE streams, one per payment (a batch of STREAMS invoices), held HOLD_MS: every stream
 *      must get its first `status` event and a heartbeat while held, and stay open. The gateway's RSS
 *      (/proc/<pid>/status VmRSS) before opening vs. the highest sample while holding. Target ≤ 50 MB.
 *      Then all are closed and the gateway must still answer /health/live and a status request.
 *
 * The configuration (TPG_CONFIG_FILE) raises the per-address checkout rate limit and the merchant limits
 * so that the load is not refused, shortens the SSE heartbeat so that one is seen within the hold, and
 * derives deposit addresses on demand (no pool filling in the background during the measurements).
 */

import { existsSync } from 'node:fs';
import { Agent, type ClientRequest, get, type IncomingMessage } from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { addressToBytes } from '../src/tron/address.js';
import { TronClient } from '../src/tron/client.js';
import { generatePrivateKey, privateKeyToAccount } from '../src/tron/keys.js';
import { buildTriggerSmartContract, refBlockFields, signTransaction } from '../src/tron/transaction.js';
import { encodeTransferCall } from '../src/tron/trc20.js';
import {
  benchEngines,
  buildDist,
  cpuMs,
  type Engine,
  freePort,
  getStatus,
  type LaunchedGateway,
  launchGateway,
  leftovers,
  message,
  randomPayees,
  round1,
  round2,
  rssKb,
} from './gateway-process.js';
import { type BenchResult, type Details, percentile, result } from './harness.js';

const BLOCK_MS = 3000;
const LATENCY_INVOICES = 20;
/** more invoices, each watched by a checkout page in headless Chromium */
const BROWSER_PAGES = 4;
/** one payment every this often: about two per block, at varying phases of the block interval */
const PAY_SPACING_MS = 1400;
/** after the last payment, how long the streams may take to show it */
const SEEN_TIMEOUT_MS = BLOCK_MS + 12_000;
const TTFB_CONNECTIONS = 200;
const TTFB_WARMUP_S = 1;
const TTFB_DURATION_S = 5;
/** pages fetched one at a time while the viewers' streams are open */
const SEQUENTIAL_PAGES = 400;
/** pairs of wrong-token requests (unknown id, wrong secret) timed against each other */
const WRONG_TOKEN_PAIRS = 300;
const STREAMS = 1000;
/** streams being opened at once */
const OPEN_CONCURRENCY = 100;
const OPEN_TIMEOUT_MS = 30_000;
const HOLD_MS = 12_000;
const HEARTBEAT_S = 5;
const RATE_LIMIT = 100_000_000;

const TARGETS = { latencyP95Ms: 1000, ttfbP95Ms: 20, streamRssMb: 50 } as const;

const CONFIG_YAML = `# written by bench/checkout.bench.ts
server:
  public_url: "{BASE}"
checkout:
  rate_limit_per_minute: ${RATE_LIMIT}
  sse_heartbeat_seconds: ${HEARTBEAT_S}
network:
  devnet:
    block_time_ms: ${BLOCK_MS}
{SCANNER}transaction_limits:
  rate_limit_per_minute: ${RATE_LIMIT}
  daily_limit: "4000000000000"
  monthly_limit: "4000000000000"
wallets:
  deposit_pool_size: 0
`;
/** CHECKOUT_BENCH_SCANNER_POLL_MS sets network.scanner.poll_interval_ms (default 1000) to see its share of the push latency */
const SCANNER_POLL_MS = process.env.CHECKOUT_BENCH_SCANNER_POLL_MS ? Number(process.env.CHECKOUT_BENCH_SCANNER_POLL_MS) : null;
const SCANNER_YAML = SCANNER_POLL_MS === null ? '' : `  scanner:\n    poll_interval_ms: ${SCANNER_POLL_MS}\n`;
const CONFIG_NOTE = `TPG_CONFIG_FILE: checkout.rate_limit_per_minute ${RATE_LIMIT} (default 120 per client address; every client here is 127.0.0.1), checkout.sse_heartbeat_seconds ${HEARTBEAT_S} (default 15), network.devnet.block_time_ms ${BLOCK_MS} (the default), transaction_limits raised, wallets.deposit_pool_size 0 (derive on demand); all else default (checkout.poll_interval_ms 250, network.scanner.poll_interval_ms ${SCANNER_POLL_MS === null ? '1000' : `${SCANNER_POLL_MS} from CHECKOUT_BENCH_SCANNER_POLL_MS`})`;

const TRX = 1_000_000n;
const USDT_DECIMALS = 6;

interface Invoice {
  paymentId: string;
  token: string;
  depositAddress: string;
  amount: bigint;
}

// ------------------------------------------------------------------ HTTP

async function api<T>(gw: LaunchedGateway, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const answer = await fetch(`${gw.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${gw.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function devnetCall<T>(devnetUrl: string, path: string, body?: unknown): Promise<T> {
  const answer = await fetch(`${devnetUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`devnet ${path}: ${answer.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

const tokenOf = (checkoutUrl: string) => new URL(checkoutUrl).pathname.slice('/checkout/'.length);

const formatUsdt = (base: bigint) =>
  `${base / 10n ** BigInt(USDT_DECIMALS)}.${String(base % 10n ** BigInt(USDT_DECIMALS)).padStart(USDT_DECIMALS, '0')}`;

async function createInvoices(gw: LaunchedGateway, count: number, payees: string[], prefix: string): Promise<Invoice[]> {
  const amounts = Array.from({ length: count }, (_, i) => 1_000_000n + BigInt(i) * 10_000n + 1234n);
  const items = amounts.map((amount, i) => ({
    payee_address: payees[i % payees.length],
    amount: formatUsdt(amount),
    currency: 'USDT',
    reference_id: `${prefix}-${i}`,
    success_url: 'http://127.0.0.1/thanks',
  }));
  const out: Invoice[] = [];
  for (let start = 0; start < items.length; start += 1000) {
    const chunk = items.slice(start, start + 1000);
    const batch = await api<{ results: Array<{ status: string; payment_id?: string; deposit_address?: string; checkout_url?: string }> }>(
      gw,
      'POST',
      '/api/v1/payments/batch',
      { payments: chunk },
    );
    for (const [i, item] of batch.results.entries()) {
      if (item.status !== 'created' || !item.payment_id || !item.deposit_address || !item.checkout_url)
        throw new Error(`batch item ${start + i} not created: ${JSON.stringify(item).slice(0, 300)}`);
      out.push({
        paymentId: item.payment_id,
        token: tokenOf(item.checkout_url),
        depositAddress: item.deposit_address,
        amount: amounts[start + i] as bigint,
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------ SSE client

interface StatusEvent {
  at: number;
  checkoutStatus: string;
  paymentStatus: string;
}

/** One `GET /checkout/:token/events` stream, parsed as it arrives (a minimal text/event-stream reader). */
class SseStream {
  readonly statuses: StatusEvent[] = [];
  heartbeats = 0;
  httpStatus = 0;
  ended = false;
  error: string | null = null;
  private buffer = '';
  private req: ClientRequest;
  private waiters: Array<() => void> = [];

  constructor(base: string, token: string, agent: Agent) {
    this.req = get(`${base}/checkout/${token}/events`, { agent, headers: { accept: 'text/event-stream' } }, (res: IncomingMessage) => {
      this.httpStatus = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => this.take(Date.now(), chunk));
      res.on('end', () => this.finish(null));
      res.on('error', (error) => this.finish(error.message));
    });
    this.req.on('error', (error) => this.finish(error.message));
  }

  /** Resolves when `test` holds or the stream ends, or after `timeoutMs`; answers whether it holds. */
  async until(test: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (!test() && !this.ended) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return test();
  }

  /** Closes it from this side (not counted as an error). */
  close(): void {
    this.finish(null);
    this.req.destroy();
  }

  private take(at: number, chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.heartbeats++;
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trimStart();
      }
      if (event === 'status' && data) {
        const state = JSON.parse(data) as { checkoutStatus: string; paymentStatus: string };
        this.statuses.push({ at, checkoutStatus: state.checkoutStatus, paymentStatus: state.paymentStatus });
      }
      end = this.buffer.indexOf('\n\n');
    }
    this.wake();
  }

  private finish(error: string | null): void {
    if (this.ended) return;
    this.ended = true;
    this.error = error;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

interface StreamSet {
  streams: SseStream[];
  /** closes every stream and the sockets */
  close(): void;
}

/**
 * One stream per token, each on its own socket, at most OPEN_CONCURRENCY being opened at once, each
 * until its first status event (or OPEN_TIMEOUT_MS for them all).
 */
async function openStreams(base: string, tokens: string[]): Promise<StreamSet> {
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const streams: SseStream[] = [];
  const deadline = performance.now() + OPEN_TIMEOUT_MS;
  let next = 0;
  const lane = async () => {
    while (next < tokens.length && performance.now() < deadline) {
      const stream = new SseStream(base, tokens[next++] as string, agent);
      streams.push(stream);
      await stream.until(() => stream.statuses.length > 0, deadline - performance.now());
    }
  };
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, lane));
  return {
    streams,
    close: () => {
      for (const s of streams) s.close();
      agent.destroy();
    },
  };
}

const showsPayment = (s: StatusEvent) => s.checkoutStatus !== 'waiting';

// ------------------------------------------------------------------ Chromium viewers

const CHROMIUM = '/usr/bin/chromium';
/**
 * Runs in each page before its scripts: reports every change of `data-checkout-status` on <html> with
 * the browser's Date.now() (the same host clock) at the moment the page's script made it.
 */
const OBSERVE_STATUS = `new MutationObserver(function (records) {
  for (var i = 0; i < records.length; i++) {
    var el = records[i].target;
    if (el === document.documentElement) window.tpgBenchStatus(location.pathname, el.getAttribute('data-checkout-status'), Date.now());
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-checkout-status'] });`;

interface BrowserViewers {
  /** per checkout path, the status changes seen in the page with the page's clock */
  changes: Map<string, StatusEvent[]>;
  close(): Promise<void>;
}

/** Opens each invoice's checkout page in headless Chromium (playwright-core) and waits until its script runs. */
async function openBrowserViewers(gw: LaunchedGateway, invoices: Invoice[]): Promise<BrowserViewers> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout: 30_000,
  });
  const changes = new Map<string, StatusEvent[]>();
  try {
    const context = await browser.newContext();
    await context.exposeFunction('tpgBenchStatus', (path: string, status: string, at: number) => {
      const list = changes.get(path) ?? [];
      list.push({ at, checkoutStatus: status, paymentStatus: '' });
      changes.set(path, list);
    });
    await context.addInitScript({ content: OBSERVE_STATUS });
    for (const invoice of invoices) {
      const page = await context.newPage();
      await page.goto(`${gw.base}/checkout/${invoice.token}`, { timeout: 15_000 });
      await page.waitForSelector('html.js', { state: 'attached', timeout: 15_000 });
    }
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { changes, close: () => browser.close() };
}

// ------------------------------------------------------------------ (a) status push latency

interface Payer {
  key: Uint8Array;
  address: string;
}

async function fundPayer(client: TronClient, devnetUrl: string, usdt: string): Promise<Payer> {
  const key = generatePrivateKey();
  const address = privateKeyToAccount(key).base58;
  await devnetCall(devnetUrl, '/devnet/faucet', { address, trx: '10000', usdt: '1000000' });
  const deadline = performance.now() + 4 * BLOCK_MS + 5000;
  while ((await client.trc20BalanceOf(usdt, address)) === 0n) {
    if (performance.now() > deadline) throw new Error('the faucet funding did not arrive in a block');
    await sleep(200);
  }
  return { key, address };
}

async function pay(client: TronClient, payer: Payer, usdt: string, invoice: Invoice, seq: number): Promise<string> {
  const head = await client.getNowBlock();
  const tx = buildTriggerSmartContract({
    ref: refBlockFields(head.number, head.blockId),
    timestamp: BigInt(Date.now()) + BigInt(seq),
    expiration: head.timestamp + 600_000n,
    from: addressToBytes(payer.address),
    contract: addressToBytes(usdt),
    data: encodeTransferCall(invoice.depositAddress, invoice.amount),
    feeLimit: 100n * TRX,
  });
  const signed = signTransaction(tx, payer.key);
  const outcome = await client.broadcastTransaction(signed);
  if (!outcome.ok) throw new Error(`broadcast refused: ${JSON.stringify(outcome)}`);
  return signed.txID;
}

interface Latencies {
  ms: number[];
  blocks: Set<bigint>;
  unseen: number;
  firstShown: Record<string, number>;
}

/** For each paid invoice: when its viewer first showed the payment, minus its block's timestamp. */
async function latenciesOf(client: TronClient, txids: string[], shown: Array<StatusEvent | undefined>): Promise<Latencies> {
  const out: Latencies = { ms: [], blocks: new Set(), unseen: 0, firstShown: {} };
  for (const [i, txid] of txids.entries()) {
    const info = await client.getTransactionInfoById(txid);
    const seen = shown[i];
    out.firstShown[seen?.checkoutStatus ?? 'none'] = (out.firstShown[seen?.checkoutStatus ?? 'none'] ?? 0) + 1;
    if (!info || !seen) {
      out.unseen++;
      continue;
    }
    out.blocks.add(info.blockNumber);
    out.ms.push(seen.at - Number(info.blockTimestamp));
  }
  return out;
}

const spread = (l: Latencies): Details => {
  const sorted = Float64Array.from(l.ms).sort();
  return {
    samples: l.ms.length,
    blocks: l.blocks.size,
    not_shown_in_time: l.unseen,
    min_ms: Math.round(sorted[0] ?? Number.NaN),
    max_ms: Math.round(sorted[sorted.length - 1] ?? Number.NaN),
    first_state_shown: Object.entries(l.firstShown)
      .map(([s, n]) => `${s} ${n}`)
      .join(', '),
    latencies_ms: l.ms.map(Math.round).join(', '),
  };
};

async function measureLatency(
  gw: LaunchedGateway,
  devnetUrl: string,
  invoices: Invoice[],
  log: (line: string) => void,
  tag: string,
): Promise<BenchResult[]> {
  const engine = tagEngine(tag);
  const client = new TronClient({ fullNodeUrls: [devnetUrl], timeoutMs: 5000, maxAttempts: 2 });
  const { tokens } = await devnetCall<{ tokens: Array<{ symbol: string; contract_address: string }> }>(devnetUrl, '/devnet/tokens');
  const usdt = tokens.find((t) => t.symbol === 'USDT')?.contract_address;
  if (!usdt) throw new Error('the devnet has no USDT');
  const payer = await fundPayer(client, devnetUrl, usdt);
  const nodeInvoices = invoices.slice(0, LATENCY_INVOICES);
  const browserInvoices = invoices.slice(LATENCY_INVOICES);
  let viewers: BrowserViewers | null = null;
  let browserProblem: string | null = existsSync(CHROMIUM) ? null : `${CHROMIUM} not found`;
  if (!browserProblem && browserInvoices.length) {
    try {
      viewers = await openBrowserViewers(gw, browserInvoices);
    } catch (error) {
      browserProblem = message(error).slice(0, 300);
      log(`${tag}: Chromium viewers not measured: ${browserProblem}`);
    }
  }
  const set = await openStreams(
    gw.base,
    nodeInvoices.map((i) => i.token),
  );
  const { streams } = set;
  try {
    const notOpen = streams.filter((s) => s.statuses[0]?.checkoutStatus !== 'waiting').length;
    if (notOpen) throw new Error(`${notOpen} of ${streams.length} streams did not start with a waiting status`);
    await sleep(1000); // the pages' EventSource connections
    // the browser's invoices are paid among the others, at other phases of the block interval
    const order = invoices.map((_, i) => i).sort((a, b) => (a % 4) - (b % 4) || a - b);
    const txids = new Map<number, string>();
    const payStarted = performance.now();
    for (const [n, i] of order.entries()) {
      const due = payStarted + n * PAY_SPACING_MS;
      if (due > performance.now()) await sleep(due - performance.now());
      txids.set(i, await pay(client, payer, usdt, invoices[i] as Invoice, n));
    }
    const browserSeen = (invoice: Invoice) => viewers?.changes.get(`/checkout/${invoice.token}`)?.find(showsPayment);
    const deadline = performance.now() + SEEN_TIMEOUT_MS;
    await Promise.all(streams.map((s) => s.until(() => s.statuses.some(showsPayment), SEEN_TIMEOUT_MS)));
    while (viewers && browserInvoices.some((i) => !browserSeen(i)) && performance.now() < deadline) await sleep(100);

    const node = await latenciesOf(
      client,
      nodeInvoices.map((_, i) => txids.get(i) as string),
      streams.map((s) => s.statuses.find(showsPayment)),
    );
    const sorted = Float64Array.from(node.ms).sort();
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    log(
      `${tag}: push latency (Node SSE client) over ${node.ms.length} payments in ${node.blocks.size} blocks: p50 ${Math.round(p50)} ms, p95 ${Math.round(p95)} ms, min ${Math.round(sorted[0] ?? Number.NaN)} ms, max ${Math.round(sorted[sorted.length - 1] ?? Number.NaN)} ms${node.unseen ? `; ${node.unseen} not shown within ${SEEN_TIMEOUT_MS} ms` : ''}`,
    );
    const rows = [
      result(`status push latency p50 (${engine})`, Math.round(p50), 'ms', {
        details: {
          measured:
            'receive time of the first SSE `status` event whose checkoutStatus is no longer waiting, at a Node HTTP client (not a browser) on 127.0.0.1, minus the timestamp of the block carrying the transfer (devnet gettransactioninfobyid); same host clock',
          block_ms: BLOCK_MS,
          pay_spacing_ms: PAY_SPACING_MS,
          path: `devnet block (in the gateway process) → scanner poll (network.scanner.poll_interval_ms ${SCANNER_POLL_MS ?? 1000}) → payment row → checkout hub poll (checkout.poll_interval_ms 250) → SSE write`,
          transfer: 'TRC-20 USDT transfer of the exact amount, built and signed with src/tron, broadcast to the devnet',
          ...spread(node),
        },
      }),
      result(`status push latency p95 (${engine})`, node.unseen ? Number.POSITIVE_INFINITY : Math.round(p95), 'ms', {
        target: { op: '<=', value: TARGETS.latencyP95Ms },
      }),
    ];
    if (viewers) {
      const browser = await latenciesOf(
        client,
        browserInvoices.map((_, i) => txids.get(LATENCY_INVOICES + i) as string),
        browserInvoices.map(browserSeen),
      );
      const bsorted = Float64Array.from(browser.ms).sort();
      log(
        `${tag}: push latency in Chromium over ${browser.ms.length} pages: ${browser.ms.map(Math.round).join(', ')} ms${browser.unseen ? `; ${browser.unseen} not shown within ${SEEN_TIMEOUT_MS} ms` : ''}`,
      );
      rows.push(
        result(
          `status push latency max, Chromium, ${browserInvoices.length} pages (${engine})`,
          browser.unseen ? Number.POSITIVE_INFINITY : Math.round(bsorted[bsorted.length - 1] ?? Number.NaN),
          'ms',
          {
            target: { op: '<=', value: TARGETS.latencyP95Ms },
            details: {
              measured: `headless Chromium (${CHROMIUM}, playwright-core) on each checkout page: the browser's Date.now() when the page's script set data-checkout-status to a state other than waiting (a MutationObserver), minus the block's timestamp; same host clock`,
              p50_ms: Math.round(percentile(bsorted, 50)),
              ...spread(browser),
            },
          },
        ),
      );
    } else if (browserInvoices.length) {
      rows.push(result(`status push latency, Chromium (${engine})`, 0, 'bool', { details: { not_measured: browserProblem } }));
    }
    return rows;
  } finally {
    set.close();
    await viewers?.close();
  }
}

const tagEngine = (tag: string) => /\((\w+)\)/.exec(tag)?.[1] ?? tag;

// ------------------------------------------------------------------ (b) page TTFB

async function pageLoad(gw: LaunchedGateway, tokens: string[], seconds: number) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const instance = autocannon({
    url: gw.base,
    connections: TTFB_CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: tokens.map((token) => ({ method: 'GET', path: `/checkout/${token}`, headers: { 'accept-language': 'en' } })),
  });
  instance.on('response', (_client: unknown, status: number, resBytes: number, ms: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status === 200) {
      latencies.push(ms);
      bytes = resBytes;
    }
  });
  const started = performance.now();
  const cpu0 = cpuMs(gw.child.proc.pid);
  const res = await instance;
  return {
    latencies,
    statuses,
    bytes,
    elapsedMs: performance.now() - started,
    serverCpuMs: cpuMs(gw.child.proc.pid) - cpu0,
    errors: res.errors,
    timeouts: res.timeouts,
  };
}

async function measureTtfb(gw: LaunchedGateway, invoices: Invoice[], log: (line: string) => void, tag: string): Promise<BenchResult[]> {
  const tokens = invoices.map((i) => i.token);
  const warm = await pageLoad(gw, tokens, TTFB_WARMUP_S);
  const run = await pageLoad(gw, tokens, TTFB_DURATION_S);
  const sorted = Float64Array.from(run.latencies).sort();
  const rate = (run.latencies.length * 1000) / run.elapsedMs;
  const other = Object.entries(run.statuses).reduce((n, [s, c]) => (s === '200' ? n : n + c), 0) + run.errors;
  log(
    `${tag}: page GET /checkout/:token at ${TTFB_CONNECTIONS} connections: ${Math.round(rate)} req/s, p50 ${round1(percentile(sorted, 50))} ms, p95 ${round1(percentile(sorted, 95))} ms, p99 ${round1(percentile(sorted, 99))} ms; statuses ${JSON.stringify(run.statuses)}, errors ${run.errors} (timeouts ${run.timeouts}); warm-up ${JSON.stringify(warm.statuses)}`,
  );
  const engine = tagEngine(tag);
  const details: Details = {
    measured: `autocannon, ${TTFB_CONNECTIONS} keep-alive connections (one request in flight each) cycling over ${tokens.length} checkout tokens, ${TTFB_WARMUP_S} s warm-up then ${TTFB_DURATION_S} s measured; latency = request sent to whole response received (an upper bound of TTFB; the page is one HTML response of ${run.bytes} bytes)`,
    config_note: `checkout.rate_limit_per_minute raised to ${RATE_LIMIT} for this (default 120 per client address)`,
    responses_200: run.latencies.length,
    statuses: JSON.stringify(run.statuses),
    errors: run.errors,
    timeouts: run.timeouts,
    p99_ms: round1(percentile(sorted, 99)),
    max_ms: round1(sorted[sorted.length - 1] ?? Number.NaN),
    server_cores_used: round2(run.serverCpuMs / run.elapsedMs),
    server_cpu_ms_per_page: round2(run.serverCpuMs / Math.max(1, run.latencies.length)),
    load_average: loadavg()
      .map((n) => round2(n))
      .join(' '),
  };
  return [
    // A stress figure, not the viewers' target: every connection asks again the moment it is answered
    // (hundreds of page loads a second), so its latency is mostly queueing (connections ÷ rate).
    result(`page p50, ${TTFB_CONNECTIONS} connections back to back (${engine})`, round1(percentile(sorted, 50)), 'ms', { details }),
    result(`page p95, ${TTFB_CONNECTIONS} connections back to back (${engine})`, round1(percentile(sorted, 95)), 'ms'),
    result(`page p99, ${TTFB_CONNECTIONS} connections back to back (${engine})`, round1(percentile(sorted, 99)), 'ms'),
    result(`page rate, ${TTFB_CONNECTIONS} connections back to back (${engine})`, Math.round(rate), 'req/s', {
      details: { non_200_and_errors: other },
    }),
  ];
}

/** Time from sending a GET to its response headers (the first byte of the answer), one at a time, on one keep-alive connection. */
async function sequentialTtfb(base: string, paths: string[]): Promise<{ ttfbMs: number[]; statuses: Record<string, number> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const ttfbMs: number[] = [];
  const statuses: Record<string, number> = {};
  try {
    for (const path of paths) {
      const started = performance.now();
      const status = await new Promise<number>((resolve, reject) => {
        const req = get(`${base}${path}`, { agent, headers: { 'accept-language': 'en' } }, (res) => {
          ttfbMs.push(performance.now() - started);
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        });
        req.setTimeout(10_000, () => req.destroy(new Error(`${path} timed out`)));
        req.on('error', reject);
      });
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  } finally {
    agent.destroy();
  }
  return { ttfbMs, statuses };
}

async function measureViewerTtfb(
  gw: LaunchedGateway,
  invoices: Invoice[],
  log: (line: string) => void,
  tag: string,
): Promise<BenchResult[]> {
  const viewers = invoices.slice(0, TTFB_CONNECTIONS);
  const set = await openStreams(
    gw.base,
    viewers.map((i) => i.token),
  );
  const { streams } = set;
  try {
    const paths = Array.from({ length: SEQUENTIAL_PAGES }, (_, i) => `/checkout/${(viewers[i % viewers.length] as Invoice).token}`);
    await sequentialTtfb(gw.base, paths.slice(0, 20));
    const run = await sequentialTtfb(gw.base, paths);
    const open = streams.filter((s) => !s.ended && s.statuses.length > 0).length;
    const sorted = Float64Array.from(run.ttfbMs).sort();
    log(
      `${tag}: page TTFB one request at a time with ${open} viewers' status streams open: p50 ${round2(percentile(sorted, 50))} ms, p95 ${round2(percentile(sorted, 95))} ms, p99 ${round2(percentile(sorted, 99))} ms; statuses ${JSON.stringify(run.statuses)}`,
    );
    return [
      result(
        `page TTFB p95, ${TTFB_CONNECTIONS} viewers' streams open, 1 request at a time (${tagEngine(tag)})`,
        round2(percentile(sorted, 95)),
        'ms',
        {
          target: { op: '<=', value: TARGETS.ttfbP95Ms },
          details: {
            measured: `${SEQUENTIAL_PAGES} GET /checkout/:token one after another on one keep-alive connection (after 20 unmeasured), each from sending to its response headers (node:http 'response'), while ${open} SSE status streams of ${viewers.length} distinct payments stay open (the viewers' pages)`,
            p50_ms: round2(percentile(sorted, 50)),
            p99_ms: round2(percentile(sorted, 99)),
            max_ms: round2(sorted[sorted.length - 1] ?? Number.NaN),
            statuses: JSON.stringify(run.statuses),
          },
        },
      ),
    ];
  } finally {
    set.close();
  }
}

/**
 * A wrong token costs the same whatever is wrong (docs/adr/0026): an unknown payment id against a real
 * payment's wrong secret, interleaved one request at a time; the medians should not differ measurably.
 */
async function measureWrongTokens(gw: LaunchedGateway, invoice: Invoice, log: (line: string) => void, tag: string): Promise<BenchResult[]> {
  const id = invoice.token.split('.')[0] as string;
  const unknown = `/checkout/pay_${'1'.repeat(32)}.${'A'.repeat(24)}/status`;
  const wrong = `/checkout/${id}.${'B'.repeat(24)}/status`;
  const paths = Array.from({ length: WRONG_TOKEN_PAIRS * 2 }, (_, i) => (i % 4 === 0 || i % 4 === 3 ? unknown : wrong));
  await sequentialTtfb(gw.base, paths.slice(0, 40));
  const run = await sequentialTtfb(gw.base, paths);
  const of = (path: string) => Float64Array.from(run.ttfbMs.filter((_, i) => paths[i] === path)).sort();
  const [u, w] = [of(unknown), of(wrong)];
  const difference = Math.abs(percentile(u, 50) - percentile(w, 50));
  log(
    `${tag}: wrong tokens: unknown id median ${round2(percentile(u, 50))} ms, wrong secret median ${round2(percentile(w, 50))} ms; statuses ${JSON.stringify(run.statuses)}`,
  );
  return [
    result(`wrong token, unknown id vs wrong secret: median difference (${tagEngine(tag)})`, round2(difference), 'ms', {
      target: { op: '<=', value: 0.5 },
      details: {
        measured: `${WRONG_TOKEN_PAIRS} GET /checkout/:token/status of each kind, interleaved on one keep-alive connection, to the response headers`,
        unknown_id_p50_ms: round2(percentile(u, 50)),
        wrong_secret_p50_ms: round2(percentile(w, 50)),
        statuses: JSON.stringify(run.statuses),
      },
    }),
  ];
}

// ------------------------------------------------------------------ (c) 1,000 open streams

async function measureStreams(gw: LaunchedGateway, invoices: Invoice[], log: (line: string) => void, tag: string): Promise<BenchResult[]> {
  const pid = gw.child.proc.pid;
  const engine = tagEngine(tag);
  await sleep(1000);
  const beforeSamples: number[] = [];
  for (let i = 0; i < 5; i++) {
    beforeSamples.push(rssKb(pid));
    await sleep(100);
  }
  const beforeKb = Math.max(...beforeSamples);
  const openStarted = performance.now();
  const set = await openStreams(
    gw.base,
    invoices.map((i) => i.token),
  );
  const { streams } = set;
  const openMs = performance.now() - openStarted;
  try {
    const withFirst = streams.filter((s) => s.httpStatus === 200 && s.statuses.length > 0).length;
    const heartbeats0 = streams.map((s) => s.heartbeats);
    const cpu0 = cpuMs(pid);
    let holdMaxKb = 0;
    const holdStarted = performance.now();
    while (performance.now() - holdStarted < HOLD_MS) {
      holdMaxKb = Math.max(holdMaxKb, rssKb(pid));
      await sleep(200);
    }
    const holdCpuMs = cpuMs(pid) - cpu0;
    holdMaxKb = Math.max(holdMaxKb, rssKb(pid));
    const open = streams.filter((s) => !s.ended).length;
    const beat = streams.filter((s, i) => s.heartbeats > (heartbeats0[i] as number)).length;
    const growthMb = round1((holdMaxKb - beforeKb) / 1024);
    set.close();
    await sleep(1500);
    const afterKb = rssKb(pid);
    const live = await getStatus(`${gw.base}/health/live`);
    const status = await fetch(`${gw.base}/checkout/${invoices[0]?.token}/status`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => 0,
    );
    const healthy = live === 200 && status === 200 && gw.child.running;
    const errors = [...new Set(streams.filter((s) => s.error || s.httpStatus !== 200).map((s) => `${s.httpStatus} ${s.error ?? ''}`))];
    log(
      `${tag}: ${streams.length} streams opened in ${Math.round(openMs)} ms, ${withFirst} with a first status event; after ${HOLD_MS / 1000} s ${open} open, ${beat} with a heartbeat while held; RSS ${round1(beforeKb / 1024)} MB before, ${round1(holdMaxKb / 1024)} MB max while holding (+${growthMb} MB), ${round1(afterKb / 1024)} MB after closing; gateway ${round2(holdCpuMs / HOLD_MS)} cores while holding; afterwards /health/live ${live}, /status ${status}${errors.length ? `; stream errors: ${errors.slice(0, 3).join(' | ')}` : ''}`,
    );
    const ok = withFirst === STREAMS && open === STREAMS && beat === STREAMS && healthy ? 1 : 0;
    return [
      result(`${STREAMS} SSE streams RSS growth (${engine})`, growthMb, 'MB', {
        target: { op: '<=', value: TARGETS.streamRssMb },
        details: {
          measured: `gateway VmRSS (/proc/<pid>/status): max of 5 samples before opening vs. max of samples every 200 ms while holding ${HOLD_MS / 1000} s`,
          streams: `${STREAMS} streams over ${invoices.length} distinct payments (one each), Node HTTP clients, one socket each`,
          rss_before_mb: round1(beforeKb / 1024),
          rss_holding_max_mb: round1(holdMaxKb / 1024),
          rss_after_close_mb: round1(afterKb / 1024),
          kb_per_stream: round1((holdMaxKb - beforeKb) / STREAMS),
          open_ms: Math.round(openMs),
          gateway_cores_while_holding: round2(holdCpuMs / HOLD_MS),
        },
      }),
      result(`${STREAMS} SSE streams held ${HOLD_MS / 1000} s, gateway healthy after (${engine})`, ok, 'bool', {
        target: { op: '>=', value: 1 },
        details: {
          opened: streams.length,
          first_status_event: withFirst,
          still_open_after_hold: open,
          heartbeat_while_held: beat,
          heartbeat_seconds: HEARTBEAT_S,
          health_live_after: live,
          status_after: status,
          stream_errors: errors.slice(0, 5).join(' | ') || null,
        },
      }),
    ];
  } finally {
    set.close();
  }
}

// ------------------------------------------------------------------ one engine

async function runEngine(engine: Engine, log: (line: string) => void): Promise<BenchResult[]> {
  const tag = `checkout (${engine})`;
  const servicePort = await freePort();
  const devnetPort = await freePort();
  const base = `http://127.0.0.1:${servicePort}`;
  const devnetUrl = `http://127.0.0.1:${devnetPort}`;
  let gw: LaunchedGateway | null = null;
  const rows: BenchResult[] = [];
  try {
    gw = await launchGateway({
      engine,
      tag: `gateway (${engine})`,
      configYaml: CONFIG_YAML.replace('{BASE}', base).replace('{SCANNER}', SCANNER_YAML),
      env: { SERVICE_PORT: String(servicePort), DEVNET_PORT: String(devnetPort) },
    });
    log(`${tag}: pid ${gw.child.proc.pid} live on ${base} after ${Math.round(gw.startupMs)} ms (devnet ${devnetUrl}; running ${gw.code})`);
    const payees = randomPayees(64);
    const invoices = await createInvoices(gw, LATENCY_INVOICES + BROWSER_PAGES, payees, `lat-${engine}`);
    rows.push(...(await measureLatency(gw, devnetUrl, invoices, log, tag)));
    const many = await createInvoices(gw, STREAMS, payees, `sse-${engine}`);
    rows.push(...(await measureTtfb(gw, many.slice(0, TTFB_CONNECTIONS), log, tag)));
    rows.push(...(await measureViewerTtfb(gw, many, log, tag)));
    rows.push(...(await measureWrongTokens(gw, many[0] as Invoice, log, tag)));
    rows.push(...(await measureStreams(gw, many, log, tag)));
    if (gw.child.logs.warnings + gw.child.logs.errors > 0)
      log(`${tag}: ${gw.child.logs.warnings} warn and ${gw.child.logs.errors} error log lines, e.g. ${gw.child.logs.samples.join(' | ')}`);
    rows.push(
      result(`gateway error log lines (${engine})`, gw.child.logs.errors, 'lines', {
        target: { op: '<=', value: 0 },
        details: {
          warn_lines: gw.child.logs.warnings,
          samples: gw.child.logs.samples.join(' | ') || null,
          config: CONFIG_NOTE,
          gateway_code: gw.code,
          engine: engine === 'sqlite' ? 'SQLite (fresh DATA_DIR)' : 'PostgreSQL 127.0.0.1:5432 (fresh database)',
        },
      }),
    );
  } catch (error) {
    log(`${tag}: failed: ${message(error)}`);
    rows.push(
      result(`${tag} ran to the end`, 0, 'bool', {
        target: { op: '>=', value: 1 },
        details: { error: message(error).slice(0, 2000), output: gw?.child.output().slice(-1500) ?? null },
      }),
    );
  } finally {
    await gw?.close();
  }
  return rows;
}

export async function runCheckout(log: (line: string) => void = console.log): Promise<BenchResult[]> {
  leftovers.install();
  try {
    if (process.env.TPG_FROM_SOURCE !== '1') {
      log('checkout: npm run build …');
      buildDist();
    }
    log(`checkout: ${CONFIG_NOTE}`);
    const rows: BenchResult[] = [];
    for (const engine of benchEngines('CHECKOUT_BENCH_ENGINES', 'sqlite')) rows.push(...(await runEngine(engine, log)));
    return rows;
  } finally {
    leftovers.sweep();
    leftovers.uninstall();
  }
}

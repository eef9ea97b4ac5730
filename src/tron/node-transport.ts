/**
 * Transport of the node client (`client.ts`): how one API call reaches java-tron or TronGrid and
 * how it fails. It knows URLs, HTTP and JSON, nothing about what the endpoints mean. See
 * docs/adr/0005-node-client-failover-and-retries.md for why it works this way.
 *
 * - Three URL pools: full node (`/wallet/*`), solidity (`/walletsolidity/*`) and event (TronGrid
 *   `/v1/*`). A pool that is not configured is the full-node pool itself, sticky index included.
 * - Failover: every call walks its pool starting at the last URL that answered (sticky). A network
 *   error, a timeout, HTTP 5xx, HTTP 429 or an unparseable body fails the attempt and moves to the
 *   next URL; after a full round of failures the transport sleeps (exponential backoff with full
 *   jitter, or the server's `Retry-After` on 429/503, capped at `backoff.maxMs`) and starts another
 *   round, until `maxAttempts` attempts have been made. Other 4xx answers and `{"Error": …}` bodies
 *   are final.
 * - POST bodies are JSON with `visible: false` added; answers are parsed with `parseJsonFast` (exact), so
 *   int64 values stay exact. `callBytes` (block ranges: tens of MB) reads the answer as bytes — through
 *   node:http(s) unless a `fetch` was injected — for a parser that never decodes it whole into a string.
 * - The API key travels only in the `TRON-PRO-API-KEY` header and is redacted from every error.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { isJsonObject, JsonSyntaxError, type JsonValue, NodeErrorAnswer, parseJsonFast, parseRetryAfter } from './node-json.js';

// ---------------------------------------------------------------- errors

export type TronNodeErrorKind = 'network' | 'timeout' | 'http' | 'rate_limited' | 'bad_response';

export interface TronNodeErrorInit {
  kind: TronNodeErrorKind;
  message: string;
  retryable: boolean;
  url: string;
  status?: number;
  code?: string;
  retryAfterMs?: number;
  attempts?: number;
}

/** Every failure of a node call. `url` never contains the API key, credentials or the query string. */
export class TronNodeError extends Error {
  readonly kind: TronNodeErrorKind;
  /** a later call (possibly to another node) may succeed */
  readonly retryable: boolean;
  readonly url: string;
  /** HTTP status, for kind 'http' and 'rate_limited' */
  readonly status?: number;
  /** node or client code: a java-tron `result.code` (e.g. CONTRACT_VALIDATE_ERROR), or ESTIMATE_ENERGY_UNSUPPORTED */
  readonly code?: string;
  readonly retryAfterMs?: number;
  /** attempts made before giving up */
  readonly attempts: number;

  constructor(init: TronNodeErrorInit) {
    super(init.message);
    this.name = 'TronNodeError';
    this.kind = init.kind;
    this.retryable = init.retryable;
    this.url = init.url;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 1;
  }
}

export const ESTIMATE_ENERGY_UNSUPPORTED = 'ESTIMATE_ENERGY_UNSUPPORTED';

// ---------------------------------------------------------------- options

export interface BackoffOptions {
  /** first round's upper bound for the jittered delay */
  baseMs: number;
  /** cap for any delay, including Retry-After */
  maxMs: number;
}

export interface NodeTransportOptions {
  /** java-tron full nodes or TronGrid (e.g. https://api.trongrid.io); tried in order, failover to the next */
  fullNodeUrls: string[];
  /** for /walletsolidity/*; defaults to fullNodeUrls (java-tron and TronGrid serve both on one base URL) */
  solidityUrls?: string[];
  /** TronGrid v1 base URLs for /v1/*; defaults to fullNodeUrls */
  eventUrls?: string[];
  /** sent as `TRON-PRO-API-KEY` to every URL */
  apiKey?: string;
  /** per attempt, including reading the body; default 10 000 */
  timeoutMs?: number;
  /** attempts per call across all URLs and rounds; default 4 */
  maxAttempts?: number;
  /** default { baseMs: 250, maxMs: 5000 } */
  backoff?: BackoffOptions;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** [0, 1) for jitter; default Math.random */
  random?: () => number;
  /** ms clock for HTTP-date Retry-After values; default Date.now */
  now?: () => number;
  /** told about every call once it has succeeded or given up (metrics); must not throw */
  onCall?: (call: NodeCall) => void;
}

/** One API call as `onCall` reports it: failover and retries included, one report per call. */
export interface NodeCall {
  /** the path pattern, e.g. `/wallet/getnowblock` or `/v1/accounts/{address}/transactions/trc20` */
  endpoint: string;
  ok: boolean;
  seconds: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 4;
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 5_000 };

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- requests

export type PoolName = 'full' | 'solidity' | 'event';

export interface UrlPool {
  /** base URLs without trailing slashes, in failover order */
  readonly urls: readonly string[];
  /** index of the last URL that answered */
  current: number;
}

/** One API call: which pool, and the path (with `/wallet`, `/walletsolidity` or `/v1`) below each base URL. */
export interface RequestSpec {
  pool: PoolName;
  method: 'GET' | 'POST';
  path: string;
  /** POST only; `visible: false` is added */
  body?: Record<string, unknown>;
  /** undefined values are left out */
  query?: Record<string, string | undefined>;
  /** the path with its variable parts named (`/v1/accounts/{address}/…`), for `onCall`; default `path` */
  endpoint?: string;
}

/**
 * Reads a 2xx answer's bytes (`callBytes`): throws JsonSyntaxError when they are not JSON (retryable:
 * another node may answer properly), NodeErrorAnswer for `{"Error": …}`, anything else for an answer of
 * the wrong shape.
 */
export type BytesParser<T> = (bytes: Buffer) => T;

/** A 2xx answer with a JSON body that is not `{"Error": …}`. */
export interface NodeResponse {
  /** null when the answer was read by a BytesParser (then `value` is what it returned) */
  json: JsonValue;
  value?: unknown;
  /** the URL that answered, as `describeUrl` prints it */
  url: string;
}

/** What went wrong, before it becomes a TronNodeError. `url` is already safe to show. */
export interface AttemptFailure {
  kind: TronNodeErrorKind;
  retryable: boolean;
  detail: string;
  url: string;
  status?: number;
  code?: string;
  retryAfterMs?: number;
}

function makePool(urls: string[], what: string): UrlPool {
  if (!Array.isArray(urls) || urls.length === 0) throw new TypeError(`${what} must list at least one URL`);
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TypeError(`${what} contains an invalid URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError(`${what} must use http or https`);
  }
  return { urls: urls.map((u) => u.replace(/\/+$/, '')), current: 0 };
}

export class NodeTransport {
  private readonly pools: Readonly<Record<PoolName, UrlPool>>;
  private readonly apiKey: string | undefined;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffOptions;
  private readonly fetchImpl: typeof fetch;
  /** a fetch was injected (tests): `callBytes` goes through it too, not through node:http */
  private readonly customFetch: boolean;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly onCall: ((call: NodeCall) => void) | undefined;

  constructor(options: NodeTransportOptions) {
    const full = makePool(options.fullNodeUrls, 'fullNodeUrls');
    this.pools = {
      full,
      // Unset lists share the full-node pool, and with it the sticky "last good URL".
      solidity: options.solidityUrls ? makePool(options.solidityUrls, 'solidityUrls') : full,
      event: options.eventUrls ? makePool(options.eventUrls, 'eventUrls') : full,
    };
    this.apiKey = options.apiKey || undefined;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    if (!(this.timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) throw new RangeError('maxAttempts must be an integer ≥ 1');
    if (!(this.backoff.baseMs >= 0) || !(this.backoff.maxMs >= 0)) throw new RangeError('backoff delays must be ≥ 0');
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.customFetch = options.fetch !== undefined;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.onCall = options.onCall;
  }

  /** The URLs of a pool and the index of the one that answered last. */
  pool(name: PoolName): Readonly<UrlPool> {
    return this.pools[name];
  }

  /** `request`, reading the answer's bytes with `parse` (see BytesParser). */
  async callBytes<T>(spec: RequestSpec, parse: BytesParser<T>): Promise<T> {
    return (await this.request(spec, parse)).value as T;
  }

  /** `request`, then `parse`. */
  async call<T>(spec: RequestSpec, parser: (json: JsonValue) => T): Promise<T> {
    const { json, url } = await this.request(spec);
    return this.parse(spec, url, json, parser);
  }

  /** Runs a parser; any exception becomes a non-retryable 'bad_response'. */
  parse<T>(spec: RequestSpec, url: string, json: JsonValue, parser: (json: JsonValue) => T): T {
    try {
      return parser(json);
    } catch (err) {
      const detail = `unexpected response: ${err instanceof Error ? err.message : String(err)}`;
      throw this.error(spec, { kind: 'bad_response', retryable: false, detail, url });
    }
  }

  /** The error for a failure of `spec`, message redacted: "TRON node <kind>: <method> <path> at <url>: <detail>". */
  error(spec: RequestSpec, failure: AttemptFailure, attempts = 1): TronNodeError {
    const tail = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
    const init: TronNodeErrorInit = {
      kind: failure.kind,
      retryable: failure.retryable,
      url: failure.url,
      attempts,
      message: redact(`TRON node ${failure.kind}: ${spec.method} ${spec.path} at ${failure.url}: ${failure.detail}${tail}`, this.apiKey),
    };
    if (failure.status !== undefined) init.status = failure.status;
    if (failure.code !== undefined) init.code = failure.code;
    if (failure.retryAfterMs !== undefined) init.retryAfterMs = failure.retryAfterMs;
    return new TronNodeError(init);
  }

  /** Failover across the pool, rounds with backoff, at most `maxAttempts` attempts; reported to `onCall`. */
  async request(spec: RequestSpec, bytesParser?: BytesParser<unknown>): Promise<NodeResponse> {
    if (!this.onCall) return this.failover(spec, bytesParser);
    const started = performance.now();
    let ok = false;
    try {
      const response = await this.failover(spec, bytesParser);
      ok = true;
      return response;
    } finally {
      try {
        this.onCall({ endpoint: spec.endpoint ?? spec.path, ok, seconds: (performance.now() - started) / 1000 });
      } catch {
        // an observer's failure is not the call's
      }
    }
  }

  private async failover(spec: RequestSpec, bytesParser?: BytesParser<unknown>): Promise<NodeResponse> {
    const pool = this.pools[spec.pool];
    let attempts = 0;
    for (let round = 1; ; round++) {
      const start = pool.current;
      let retryAfterMs: number | undefined;
      for (let i = 0; i < pool.urls.length; i++) {
        const index = (start + i) % pool.urls.length;
        const base = pool.urls[index] as string;
        attempts++;
        const outcome = await this.attempt(spec, base, bytesParser);
        if ('json' in outcome) {
          pool.current = index;
          return outcome;
        }
        if (!outcome.retryable || attempts >= this.maxAttempts) throw this.error(spec, outcome, attempts);
        if (outcome.retryAfterMs !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, outcome.retryAfterMs);
      }
      await this.sleep(this.delayAfterRound(round, retryAfterMs));
    }
  }

  /** The server's Retry-After if any URL sent one, else full jitter over baseMs·2^(round−1); both capped at maxMs. */
  private delayAfterRound(round: number, retryAfterMs: number | undefined): number {
    const { baseMs, maxMs } = this.backoff;
    if (retryAfterMs !== undefined) return Math.min(retryAfterMs, maxMs);
    return Math.floor(this.random() * Math.min(maxMs, baseMs * 2 ** Math.min(round - 1, 30)));
  }

  private async attempt(spec: RequestSpec, base: string, bytesParser?: BytesParser<unknown>): Promise<NodeResponse | AttemptFailure> {
    const target = buildUrl(base, spec);
    const url = describeUrl(target, this.apiKey);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.apiKey) headers['TRON-PRO-API-KEY'] = this.apiKey;
    const init: RequestInit = { method: spec.method, headers };
    if (spec.method === 'POST') {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify({ ...spec.body, visible: false });
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    init.signal = controller.signal;

    const transportFailure = (err: unknown): AttemptFailure => {
      if (timedOut) return { kind: 'timeout', retryable: true, detail: `no answer within ${this.timeoutMs} ms`, url };
      return { kind: 'network', retryable: true, detail: `network error: ${describeCause(err)}`, url };
    };

    try {
      let answer: RawAnswer;
      try {
        answer = bytesParser ? await this.fetchBytes(target, init) : await this.fetchText(target, init);
      } catch (err) {
        return transportFailure(err);
      }
      const { status } = answer;
      if (status < 200 || status >= 300) {
        const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(answer.retryAfter, this.now()) : undefined;
        const failure: AttemptFailure = {
          kind: status === 429 ? 'rate_limited' : 'http',
          retryable: status === 429 || status >= 500,
          detail: `HTTP ${status}${snippet(answerText(answer))}`,
          url,
          status,
        };
        if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
        return failure;
      }
      if (bytesParser) return this.parseBytes(answer, bytesParser, url);
      let json: JsonValue;
      try {
        json = parseJsonFast(answerText(answer));
      } catch (err) {
        // A proxy's HTML page or a truncated body: another node may answer properly.
        return {
          kind: 'bad_response',
          retryable: true,
          detail: `${err instanceof Error ? err.message : 'invalid JSON'}${snippet(answerText(answer))}`,
          url,
        };
      }
      if (isJsonObject(json) && typeof json.Error === 'string') {
        return { kind: 'bad_response', retryable: false, detail: `node error: ${json.Error}`, url };
      }
      return { json, url };
    } finally {
      clearTimeout(timer);
    }
  }

  private parseBytes(answer: RawAnswer, parse: BytesParser<unknown>, url: string): NodeResponse | AttemptFailure {
    try {
      return { json: null, value: parse(answer.bytes ?? Buffer.alloc(0)), url };
    } catch (err) {
      if (err instanceof JsonSyntaxError) {
        const head = answer.text ?? answer.bytes?.subarray(0, 1024).toString('utf8') ?? '';
        return { kind: 'bad_response', retryable: true, detail: `${err.message}${snippet(head)}`, url };
      }
      if (err instanceof NodeErrorAnswer) return { kind: 'bad_response', retryable: false, detail: `node error: ${err.message}`, url };
      const detail = `unexpected response: ${err instanceof Error ? err.message : String(err)}`;
      return { kind: 'bad_response', retryable: false, detail, url };
    }
  }

  private async fetchText(target: string, init: RequestInit): Promise<RawAnswer> {
    const res = await this.fetchImpl(target, init);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), text: await res.text() };
  }

  /** The body as bytes: node:http(s) (no string, no web streams: several times cheaper on a 35 MB body), or the injected fetch. */
  private async fetchBytes(target: string, init: RequestInit): Promise<RawAnswer> {
    if (this.customFetch) {
      const res = await this.fetchImpl(target, init);
      return { status: res.status, retryAfter: res.headers.get('retry-after'), bytes: Buffer.from(await res.arrayBuffer()) };
    }
    return requestBytes(target, init);
  }
}

// ---------------------------------------------------------------- helpers

/** A response as the transport needs it: status, Retry-After and the body as text or bytes. */
interface RawAnswer {
  status: number;
  retryAfter: string | null;
  text?: string;
  bytes?: Buffer;
}

function answerText(answer: RawAnswer): string {
  if (answer.text === undefined) answer.text = answer.bytes ? answer.bytes.toString('utf8') : '';
  return answer.text;
}

/** One request through node:http(s) and the process's keep-alive agents; the body is collected as Buffer chunks and joined once. */
function requestBytes(target: string, init: RequestInit): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(target);
    const client = url.protocol === 'https:' ? https : http;
    const options: http.RequestOptions = { method: init.method ?? 'GET', headers: init.headers as Record<string, string> };
    if (init.signal) options.signal = init.signal;
    const req = client.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('response aborted')));
      res.on('end', () => {
        if (!res.complete) {
          reject(new Error('response ended early'));
          return;
        }
        try {
          const body = decodeBody(
            chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size),
            res.headers['content-encoding'],
          );
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : null, bytes: body });
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on('error', reject);
    req.end(typeof init.body === 'string' ? init.body : undefined);
  });
}

/** No Accept-Encoding is sent, but a proxy may compress anyway. */
function decodeBody(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case undefined:
    case '':
    case 'identity':
      return body;
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    default:
      throw new Error(`unsupported content-encoding ${encoding}`);
  }
}

function buildUrl(base: string, spec: RequestSpec): string {
  let url = base + spec.path;
  if (spec.query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(spec.query)) if (v !== undefined) params.set(k, v);
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  return url;
}

function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  let out = text.split(secret).join('[redacted]');
  const encoded = encodeURIComponent(secret);
  if (encoded !== secret) out = out.split(encoded).join('[redacted]');
  return out;
}

/** The URL as it may appear in errors and logs: no credentials, query or fragment, API key redacted. */
function describeUrl(url: string, secret: string | undefined): string {
  let out: string;
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    out = u.toString();
  } catch {
    out = '<invalid url>';
  }
  return redact(out, secret);
}

/** ": <first 200 characters of the body, whitespace collapsed>", or "" for an empty body. */
function snippet(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!trimmed) return '';
  return `: ${trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed}`;
}

/** "fetch failed (ECONNREFUSED)" — the message and code only, never the request. */
function describeCause(err: unknown): string {
  if (!(err instanceof Error)) return 'request failed';
  const cause = (err as Error & { cause?: unknown }).cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
  return code ? `${err.message} (${code})` : err.message;
}

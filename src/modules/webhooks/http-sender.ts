/**
 * The HTTP transport of webhook deliveries (the port's real twin; tests use local servers).
 *
 * - SSRF: the host is resolved once (`lookup`, all addresses); unless private targets are allowed, any
 *   forbidden address refuses the whole name. The request then connects to the checked address through
 *   the request's own `lookup` hook, so nothing resolves the name a second time (DNS rebinding).
 * - One deadline covers resolution, connect, headers and body: a receiver that hangs or trickles its
 *   answer byte by byte ends as a timeout when it passes.
 * - At most `maxBodyBytes` of the answer are read (the socket is destroyed beyond that); the first
 *   `excerptBytes` are kept for the attempt log. Redirects are never followed.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { forbiddenAddressReason } from './ip-policy.js';
import type { AttemptReport } from './retry-schedule.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has (dns.lookup with all: true by default). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface HttpSenderOptions {
  /** deadline of one attempt, covering every phase */
  timeoutMs: number;
  /** loopback, private, link-local … targets allowed (local development only) */
  allowPrivateTargets: boolean;
  userAgent: string;
  resolver?: HostResolver;
  /** answer bytes read at most; default 64 KiB */
  maxBodyBytes?: number;
  /** answer bytes kept for the attempt log; default 1 KiB */
  excerptBytes?: number;
  /** open connections per host at most; default 64 */
  maxSocketsPerHost?: number;
}

export interface SendRequest {
  url: string;
  /** the exact bytes to POST (the outbox payload) */
  body: string;
  /** every header to send besides content-length (see deliveryHeaders) */
  headers: Record<string, string>;
}

export interface SendResult extends AttemptReport {
  latencyMs: number;
  /** the first bytes of the answer as text, or null when none arrived */
  excerpt: string | null;
}

/** The port the deliverer uses; `HttpSender` is the real one. */
export interface WebhookTransport {
  send(request: SendRequest): Promise<SendResult>;
  close(): void;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_EXCERPT_BYTES = 1024;

/** Headers the gateway controls; a merchant's custom header of the same name is dropped. */
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'user-agent',
  'host',
  'connection',
  'transfer-encoding',
  'x-tpg-event-id',
  'x-tpg-event-type',
  'x-tpg-delivery-id',
  'x-tpg-signature',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
]);

/** The User-Agent of every delivery. */
export function webhookUserAgent(version: string): string {
  return `tron-payment-gateway/${version}`;
}

/** In a delivery's request as shown to a person: the signatures are made anew at each attempt, so none is shown. */
export const SIGNED_AT_EACH_ATTEMPT = '(signed at each attempt)';

export interface DeliveryHeaderInput {
  eventId: string;
  eventType: string;
  deliveryId: string;
  /** the `X-TPG-Signature` value */
  signature: string;
  /** the attempt's time, unix seconds: the `t` of X-TPG-Signature and `webhook-timestamp` */
  timestampSeconds: number;
  /** the `webhook-signature` value (Standard Webhooks), signed over `<event id>.<timestamp>.<body>` */
  standardSignature: string;
  userAgent: string;
  /** the webhook's custom headers */
  custom?: Record<string, string>;
}

/** The headers of a delivery: the merchant's custom ones, then ours (ours win, case-insensitively). */
export function deliveryHeaders(input: DeliveryHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.custom ?? {})) {
    if (typeof value === 'string' && !RESERVED_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  headers['content-type'] = 'application/json';
  headers['user-agent'] = input.userAgent;
  headers['x-tpg-event-id'] = input.eventId;
  headers['x-tpg-event-type'] = input.eventType;
  headers['x-tpg-delivery-id'] = input.deliveryId;
  headers['x-tpg-signature'] = input.signature;
  // the event id, not the delivery id: Standard Webhooks receivers de-duplicate on webhook-id, so it
  // must stay the same across retries and redeliveries of one event (the signature covers it)
  headers['webhook-id'] = input.eventId;
  headers['webhook-timestamp'] = String(input.timestampSeconds);
  headers['webhook-signature'] = input.standardSignature;
  return headers;
}

export class HttpSender implements WebhookTransport {
  private readonly options: Required<Omit<HttpSenderOptions, 'resolver'>>;
  private readonly resolver: HostResolver;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(options: HttpSenderOptions) {
    this.options = {
      timeoutMs: options.timeoutMs,
      allowPrivateTargets: options.allowPrivateTargets,
      userAgent: options.userAgent,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      excerptBytes: options.excerptBytes ?? DEFAULT_EXCERPT_BYTES,
      maxSocketsPerHost: options.maxSocketsPerHost ?? 64,
    };
    this.resolver = options.resolver ?? systemResolver;
    const agentOptions = { keepAlive: true, maxSockets: this.options.maxSocketsPerHost, maxFreeSockets: this.options.maxSocketsPerHost };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
  }

  get userAgent(): string {
    return this.options.userAgent;
  }

  send(request: SendRequest): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      let abort: ((report: SendResult) => void) | undefined;
      const settle = (result: Omit<SendResult, 'latencyMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ ...result, latencyMs: elapsed() });
      };
      const deadline = setTimeout(() => {
        const timeout: SendResult = {
          statusCode: null,
          failure: 'timeout',
          error: `timed out after ${this.options.timeoutMs} ms`,
          excerpt: null,
          latencyMs: elapsed(),
        };
        if (abort) abort(timeout);
        else settle(timeout);
      }, this.options.timeoutMs);

      this.resolveTarget(request.url).then(
        (target) => {
          if (settled) return;
          if ('refused' in target) return settle({ statusCode: null, failure: 'refused', error: target.refused, excerpt: null });
          abort = this.post(target, request, settle);
        },
        (error: unknown) =>
          settle({ statusCode: null, failure: 'network', error: networkError(error, 'could not resolve the host'), excerpt: null }),
      );
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Parses the URL and resolves its host to one checked address, or says why it may not be called. */
  private async resolveTarget(rawUrl: string): Promise<{ url: URL; host: string; pinned: ResolvedAddress } | { refused: string }> {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return { refused: 'the webhook URL is not a valid URL' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { refused: `scheme ${url.protocol} is not allowed` };
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const family = isIP(host);
    const addresses = family ? [{ address: host, family }] : await this.resolver(host);
    if (addresses.length === 0) throw new Error(`${host} has no addresses`);
    if (!this.options.allowPrivateTargets) {
      for (const { address } of addresses) {
        const reason = forbiddenAddressReason(address);
        if (reason) return { refused: `target refused: ${host} resolves to ${address} (${reason})` };
      }
    }
    return { url, host, pinned: addresses[0] as ResolvedAddress };
  }

  /** Sends the POST to the pinned address; returns a function that aborts it with a given result. */
  private post(
    target: { url: URL; host: string; pinned: ResolvedAddress },
    request: SendRequest,
    settle: (result: Omit<SendResult, 'latencyMs'>) => void,
  ): (result: SendResult) => void {
    const { url, pinned } = target;
    const secure = url.protocol === 'https:';
    const body = Buffer.from(request.body, 'utf8');
    const excerptLimit = this.options.excerptBytes;
    const maxBody = this.options.maxBodyBytes;
    let statusCode: number | null = null;

    const req = (secure ? https : http).request({
      method: 'POST',
      hostname: target.host,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers: { ...request.headers, 'content-length': String(body.length) },
      agent: secure ? this.httpsAgent : this.httpAgent,
      lookup: pinnedLookup(pinned),
    });
    req.on('response', (res) => {
      statusCode = res.statusCode ?? null;
      const kept: Buffer[] = [];
      let keptBytes = 0;
      let total = 0;
      const finish = () =>
        settle({
          statusCode,
          excerpt: keptBytes > 0 ? Buffer.concat(kept).toString('utf8') : '',
          retryAfter: headerText(res.headers['retry-after']),
          location: headerText(res.headers.location),
        });
      res.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (keptBytes < excerptLimit) {
          const part = chunk.subarray(0, excerptLimit - keptBytes);
          kept.push(part);
          keptBytes += part.length;
        }
        if (total > maxBody) {
          // enough: what matters is the status; the rest of a huge answer is not read
          finish();
          res.destroy();
        }
      });
      res.on('end', finish);
      res.on('error', (error) =>
        settle({ statusCode: null, failure: 'network', error: networkError(error, 'the answer broke off'), excerpt: null }),
      );
      res.on('close', () => {
        if (!res.complete)
          settle({ statusCode: null, failure: 'network', error: 'the connection closed before the answer ended', excerpt: null });
      });
    });
    req.on('error', (error) =>
      settle({ statusCode: null, failure: 'network', error: networkError(error, 'request failed'), excerpt: null }),
    );
    req.end(body);
    return (result) => {
      settle({ ...result, ...(statusCode !== null ? { error: `${result.error} (HTTP ${statusCode} answer not finished)` } : {}) });
      req.destroy();
    };
  }
}

/** A `lookup` for one request that answers with the address already checked, never asking DNS again. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function networkError(error: unknown, fallback: string): string {
  if (!(error instanceof Error)) return fallback;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message.slice(0, 300);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliveryHeaders, HttpSender, type HttpSenderOptions } from './http-sender.js';
import { decideAfterAttempt } from './retry-schedule.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let port = 0;
let handler: Handler = (_req, res) => res.end('ok');
const received: Array<{ headers: IncomingMessage['headers']; body: string; url: string }> = [];
const senders: HttpSender[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, url: req.url ?? '' });
      handler(req, res, body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterEach(() => {
  received.length = 0;
  handler = (_req, res) => res.end('ok');
  for (const sender of senders.splice(0)) sender.close();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

function sender(options: Partial<HttpSenderOptions> = {}): HttpSender {
  const created = new HttpSender({ timeoutMs: 2000, allowPrivateTargets: true, userAgent: 'tron-payment-gateway/test', ...options });
  senders.push(created);
  return created;
}

const BODY = '{"id":"evt_0000000000000001","type":"payment.created","data":{"object":{"amount":"1.5"}}}';
const headers = deliveryHeaders({
  eventId: 'evt_0000000000000001',
  eventType: 'payment.created',
  deliveryId: 'whd_0000000000000001',
  signature: 't=1,v1=00',
  timestampSeconds: 1,
  standardSignature: 'v1,AA==',
  userAgent: 'tron-payment-gateway/test',
  custom: { 'X-Merchant': 'm-1', 'X-TPG-Signature': 'forged', 'Content-Type': 'text/plain', 'Webhook-Id': 'forged' },
});
const url = () => `http://127.0.0.1:${port}/hook?x=1`;

describe('deliveryHeaders', () => {
  it('keeps custom headers but lets the gateway headers win', () => {
    expect(headers['X-Merchant']).toBe('m-1');
    expect(headers['X-TPG-Signature']).toBeUndefined();
    expect(headers['Content-Type']).toBeUndefined();
    expect(headers['x-tpg-signature']).toBe('t=1,v1=00');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['Webhook-Id']).toBeUndefined();
  });

  it('adds the Standard Webhooks headers, with the event id as webhook-id (stable across retries)', () => {
    expect(headers).toMatchObject({ 'webhook-id': 'evt_0000000000000001', 'webhook-timestamp': '1', 'webhook-signature': 'v1,AA==' });
  });
});

describe('HttpSender', () => {
  it('POSTs the payload bytes exactly with the delivery headers and reports a 2xx', async () => {
    handler = (_req, res) => res.writeHead(204).end();
    const result = await sender().send({ url: url(), body: BODY, headers });
    expect(result).toMatchObject({ statusCode: 204, excerpt: '' });
    expect(result.failure).toBeUndefined();
    expect(received).toHaveLength(1);
    expect(received[0]?.body).toBe(BODY);
    expect(received[0]?.url).toBe('/hook?x=1');
    expect(received[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'tron-payment-gateway/test',
      'x-tpg-event-id': 'evt_0000000000000001',
      'x-tpg-event-type': 'payment.created',
      'x-tpg-delivery-id': 'whd_0000000000000001',
      'x-tpg-signature': 't=1,v1=00',
      'webhook-id': 'evt_0000000000000001',
      'webhook-timestamp': '1',
      'webhook-signature': 'v1,AA==',
      'x-merchant': 'm-1',
      'content-length': String(Buffer.byteLength(BODY)),
    });
    expect(decideAfterAttempt(1, result, policy, () => 0, 0).outcome).toBe('succeeded');
  });

  const policy = { maxRetries: 3, baseMs: 1000, maxDelayMs: 60_000, maxRetryAfterMs: 120_000 };

  it.each([
    [500, 'retry'],
    [503, 'retry'],
    [408, 'retry'],
    [404, 'failed'],
    [400, 'failed'],
  ])('HTTP %i ends the attempt as %s and keeps the answer excerpt', async (status, outcome) => {
    handler = (_req, res) => res.writeHead(status).end(`answer ${status}`);
    const result = await sender().send({ url: url(), body: BODY, headers });
    expect(result.statusCode).toBe(status);
    expect(result.excerpt).toBe(`answer ${status}`);
    expect(decideAfterAttempt(1, result, policy, () => 0, 0).outcome).toBe(outcome);
  });

  it('429 with Retry-After pushes the next attempt to that delay', async () => {
    handler = (_req, res) => res.writeHead(429, { 'retry-after': '90' }).end();
    const result = await sender().send({ url: url(), body: BODY, headers });
    expect(result).toMatchObject({ statusCode: 429, retryAfter: '90' });
    expect(decideAfterAttempt(1, result, policy, () => 0, 0)).toMatchObject({ outcome: 'retry', delayMs: 90_000 });
  });

  it('does not follow a redirect: 3xx is final and names the Location', async () => {
    handler = (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest' }).end();
    const result = await sender().send({ url: url(), body: BODY, headers });
    expect(received).toHaveLength(1);
    const decision = decideAfterAttempt(1, result, policy, () => 0, 0);
    expect(decision).toMatchObject({ outcome: 'failed' });
    expect(decision.outcome === 'failed' && decision.error).toContain(
      'redirects are not followed (Location: http://169.254.169.254/latest)',
    );
  });

  it('a receiver that never answers ends as a timeout at the deadline', async () => {
    handler = () => {};
    const result = await sender({ timeoutMs: 300 }).send({ url: url(), body: BODY, headers });
    expect(result).toMatchObject({ statusCode: null, failure: 'timeout' });
    expect(decideAfterAttempt(1, result, policy, () => 0, 0).outcome).toBe('retry');
  });

  it('a receiver trickling its answer byte by byte ends as a timeout at the deadline', async () => {
    let timer: NodeJS.Timeout | undefined;
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      timer = setInterval(() => {
        if (res.destroyed || sent++ > 200) return clearInterval(timer);
        res.write('x');
      }, 20);
    };
    const result = await sender({ timeoutMs: 400 }).send({ url: url(), body: BODY, headers });
    clearInterval(timer);
    expect(result.failure).toBe('timeout');
    expect(result.error).toContain('HTTP 200 answer not finished');
    expect(decideAfterAttempt(1, result, policy, () => 0, 0).outcome).toBe('retry');
  });

  it('reads a 10 MB answer only up to the cap and keeps a 1 KiB excerpt', async () => {
    let written = 0;
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (written < 10 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    };
    const result = await sender().send({ url: url(), body: BODY, headers });
    expect(result.statusCode).toBe(200);
    expect(result.excerpt).toHaveLength(1024);
    // the receiver could not push the whole body: the gateway stopped reading and closed the socket
    expect(written).toBeLessThan(10 * 1024 * 1024);
  });

  it('connection refused is a network error worth a retry', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const result = await sender().send({ url: `http://127.0.0.1:${freePort}/`, body: BODY, headers });
    expect(result).toMatchObject({ statusCode: null, failure: 'network' });
    expect(result.error).toContain('ECONNREFUSED');
    expect(decideAfterAttempt(1, result, policy, () => 0, 0).outcome).toBe('retry');
  });

  it('refuses a private address unless private targets are allowed', async () => {
    const refused = await sender({ allowPrivateTargets: false }).send({ url: url(), body: BODY, headers });
    expect(refused).toMatchObject({ statusCode: null, failure: 'refused' });
    expect(refused.error).toContain('127.0.0.1 (loopback)');
    expect(received).toHaveLength(0);
    expect(decideAfterAttempt(1, refused, policy, () => 0, 0).outcome).toBe('failed');
    const allowed = await sender({ allowPrivateTargets: true }).send({ url: url(), body: BODY, headers });
    expect(allowed.statusCode).toBe(200);
  });

  it('refuses a name that resolves to a private address, even when another address is public', async () => {
    const resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const result = await sender({ allowPrivateTargets: false, resolver }).send({
      url: `http://hooks.example.com:${port}/`,
      body: BODY,
      headers,
    });
    expect(result.failure).toBe('refused');
    expect(result.error).toContain('hooks.example.com resolves to 127.0.0.1');
    expect(received).toHaveLength(0);
  });

  it('refuses localhost through the system resolver', async () => {
    const result = await sender({ allowPrivateTargets: false }).send({ url: `http://localhost:${port}/`, body: BODY, headers });
    expect(result.failure).toBe('refused');
    expect(received).toHaveLength(0);
  });

  it('connects to the address it checked, without resolving the name again', async () => {
    let lookups = 0;
    const resolver = async () => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const result = await sender({ resolver }).send({ url: `http://receiver.invalid:${port}/`, body: BODY, headers });
    expect(result.statusCode).toBe(200);
    expect(lookups).toBe(1);
    expect(received[0]?.headers.host).toBe(`receiver.invalid:${port}`);
  });
});

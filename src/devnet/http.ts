/**
 * HTTP plumbing of the devnet: body limits, java-tron's lenient parameter handling (query string for
 * GET, JSON body for POST, `{"Error": …}` with status 200 for servlet errors), fault injection, and
 * dispatch to the wallet, TronGrid and developer routes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidAddressError } from '../tron/address.js';
import { TransactionFormatError } from '../tron/transaction.js';
import { devRoutes } from './dev-api.js';
import type { Devnet } from './devnet.js';
import { tronGridRoute } from './trongrid.js';
import { walletRoutes } from './wallet-api.js';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** query parameters overlaid with the JSON body */
  params: Record<string, unknown>;
  /** whether the JSON body parsed; false bodies reach handlers as `{}` only for GET */
  visible: boolean;
  /** request came in under /walletsolidity */
  solid: boolean;
}

export interface ApiResponse {
  status?: number;
  json?: unknown;
  /** a pre-serialised JSON body (cached blocks); chunks are written in order, without joining them */
  raw?: string | readonly Uint8Array[];
  headers?: Record<string, string>;
}

export type Handler = (devnet: Devnet, req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

/** An error java-tron reports as `{"Error": "<class> : <message>"}` with HTTP 200. */
export class NodeApiError extends Error {
  constructor(
    message: string,
    readonly javaClass = 'java.lang.IllegalArgumentException',
  ) {
    super(message);
    this.name = 'NodeApiError';
  }
}

export interface DevnetServer {
  url: string;
  close(): Promise<void>;
}

const DRAIN_LIMIT = 64 * 1024 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<{ text: string } | { tooLarge: true }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        if (!tooLarge) {
          tooLarge = true;
          chunks.length = 0;
          resolve({ tooLarge: true });
        }
        if (size > DRAIN_LIMIT) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve({ text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string | readonly Uint8Array[], headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.reduce((n, chunk) => n + chunk.byteLength, 0);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': length, ...headers });
  if (typeof body === 'string') {
    res.end(body);
    return;
  }
  // a block range is ~35 MB: written as the cached bytes of each block, never joined into one string
  res.cork();
  for (const chunk of body) res.write(chunk);
  res.end();
  res.uncork();
}

function isTruthy(value: unknown): boolean {
  return value === true || value === 'true';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function createDevnetServer(
  devnet: Devnet,
  opts: { host: string; port: number; maxBodyBytes: number },
): Promise<DevnetServer> {
  const wallet = walletRoutes();
  const dev = devRoutes();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://devnet');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const body = await readBody(req, opts.maxBodyBytes);
    if ('tooLarge' in body) {
      send(res, 413, JSON.stringify({ Error: `request body is larger than ${opts.maxBodyBytes} bytes` }), { connection: 'close' });
      return;
    }

    const isDev = path.startsWith('/devnet/');
    if (!isDev) {
      const f = devnet.faults;
      if (f.rateLimitRate > 0 && Math.random() < f.rateLimitRate) {
        send(res, 429, JSON.stringify({ Error: 'request rate exceeded (devnet fault injection)' }), { 'retry-after': '1' });
        return;
      }
      if (f.errorRate > 0 && Math.random() < f.errorRate) {
        send(res, f.errorStatus, JSON.stringify({ Error: 'service unavailable (devnet fault injection)' }));
        return;
      }
    }

    let params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const text = body.text.trim();
    if (text.length > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        send(res, 200, JSON.stringify({ Error: `class com.alibaba.fastjson.JSONException : ${(err as Error).message}` }));
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        send(res, 200, JSON.stringify({ Error: 'class com.alibaba.fastjson.JSONException : request body must be a JSON object' }));
        return;
      }
      params = { ...params, ...(parsed as Record<string, unknown>) };
    }

    let handler: Handler | undefined;
    let solid = false;
    if (isDev) {
      handler = dev.get(`${method} ${path}`);
      if (!handler && [...dev.keys()].some((key) => key.endsWith(` ${path}`))) {
        send(res, 405, JSON.stringify({ error: `${method} is not allowed on ${path}` }));
        return;
      }
    } else if (path.startsWith('/wallet/')) {
      handler = wallet.get(path.slice('/wallet/'.length).toLowerCase())?.wallet;
    } else if (path.startsWith('/walletsolidity/')) {
      solid = true;
      handler = wallet.get(path.slice('/walletsolidity/'.length).toLowerCase())?.solidity;
    } else {
      handler = tronGridRoute(path);
    }
    if (!handler) {
      send(res, 404, JSON.stringify({ Error: `no such endpoint: ${path}` }));
      return;
    }

    if (!isDev && (path.endsWith('/broadcasttransaction') || path.endsWith('/broadcasthex')) && devnet.faults.delayBroadcastsMs > 0) {
      await sleep(devnet.faults.delayBroadcastsMs);
    }

    const request: ApiRequest = { method, path, query: url.searchParams, params, visible: isTruthy(params.visible), solid };
    try {
      const out = await handler(devnet, request);
      send(res, out.status ?? 200, out.raw ?? JSON.stringify(out.json ?? {}), out.headers);
    } catch (err) {
      if (err instanceof NodeApiError) {
        send(res, 200, JSON.stringify({ Error: `class ${err.javaClass} : ${err.message}` }));
      } else if (err instanceof TransactionFormatError || err instanceof InvalidAddressError) {
        send(res, 200, JSON.stringify({ Error: `class org.tron.core.exception.BadItemException : ${err.message}` }));
      } else {
        send(res, 500, JSON.stringify({ Error: 'internal error' }));
        console.error('devnet: unexpected error', err);
      }
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('devnet: request failed', err);
      send(res, 500, JSON.stringify({ Error: 'internal error' }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

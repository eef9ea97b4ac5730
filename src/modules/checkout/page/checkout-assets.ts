/**
 * The page's two static files (one stylesheet, one script) under content-hashed names, so they can be
 * cached for a year as immutable: a new build that changes a byte changes the name. Both are held in
 * memory with their gzip and brotli forms, computed once at load; nothing is read from disk.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { CHECKOUT_JS } from './assets/checkout-client.js';
import { CHECKOUT_CSS } from './assets/checkout-style.js';

export const ASSET_PREFIX = '/checkout/assets';

interface Asset {
  name: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  etag: string;
}

function asset(stem: string, ext: string, type: string, text: string): Asset {
  const body = Buffer.from(text.trim(), 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
  return {
    name: `${stem}.${hash}.${ext}`,
    type,
    body,
    gzip: gzipSync(body, { level: 9 }),
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${hash}"`,
  };
}

const CSS = asset('checkout', 'css', 'text/css; charset=utf-8', CHECKOUT_CSS);
const JS = asset('checkout', 'js', 'text/javascript; charset=utf-8', CHECKOUT_JS);
const BY_NAME = new Map([CSS, JS].map((a) => [a.name, a]));

/** file names of the current build's assets (the page links `${assetBase}/${name}`) */
export const ASSET_NAMES = { css: CSS.name, js: JS.name } as const;

/** the bytes the browser downloads for each asset (`gzip` or `identity`), for the weight budget */
export function assetBytes(encoding: 'gzip' | 'br' | 'identity'): { css: number; js: number } {
  const pick = (a: Asset) => (encoding === 'gzip' ? a.gzip : encoding === 'br' ? a.brotli : a.body).length;
  return { css: pick(CSS), js: pick(JS) };
}

/** `GET /checkout/assets/:name`: the hashed files, compressed when the browser accepts it, cached as immutable. */
export function registerCheckoutAssets(app: FastifyInstance): void {
  // public: the gateway's API-key check must let the customer's browser through (src/http/auth.ts)
  const options = { config: { public: true }, schema: { hide: true } };
  app.get<{ Params: { name: string } }>(`${ASSET_PREFIX}/:name`, options, async (request, reply) => {
    const found = BY_NAME.get(request.params.name);
    if (found === undefined) {
      return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('not found');
    }
    reply
      .header('content-type', found.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', found.etag)
      .header('vary', 'accept-encoding')
      .header('x-content-type-options', 'nosniff')
      .header('cross-origin-resource-policy', 'same-origin');
    if (request.headers['if-none-match'] === found.etag) return reply.code(304).send();
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(found.brotli);
    if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(found.gzip);
    return reply.send(found.body);
  });
}

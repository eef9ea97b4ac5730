/**
 * Static files served from memory under content-hashed names, so they can be cached for a year as
 * immutable: a new build that changes a byte changes the name. Each is held with its gzip and brotli
 * forms, computed once at load; nothing is read from disk per request. Shared by the hosted checkout
 * (ADR 0027) and the dashboard (ADR 0031).
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

export interface StaticAsset {
  name: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  etag: string;
}

export type AssetEncoding = 'gzip' | 'br' | 'identity';

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

/** An asset from its text or bytes; `hashedName` keeps a name that already carries a content hash (a bundler's). */
export function staticAsset(stem: string, ext: string, content: string | Buffer, hashedName?: string): StaticAsset {
  const body = typeof content === 'string' ? Buffer.from(content.trim(), 'utf8') : content;
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
  return {
    name: hashedName ?? `${stem}.${hash}.${ext}`,
    type: TYPES[ext] ?? 'application/octet-stream',
    body,
    gzip: gzipSync(body, { level: 9 }),
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${hash}"`,
  };
}

/** the bytes the browser downloads for an asset in an encoding */
export function encodedSize(asset: StaticAsset, encoding: AssetEncoding): number {
  return (encoding === 'gzip' ? asset.gzip : encoding === 'br' ? asset.brotli : asset.body).length;
}

/**
 * `GET ${prefix}/:name`: the hashed files, compressed when the browser accepts it, cached as immutable.
 * Public: the gateway's API-key check lets a browser through (src/http/auth.ts); the files hold no secret.
 */
export function serveStaticAssets(app: FastifyInstance, prefix: string, assets: readonly StaticAsset[]): void {
  const byName = new Map(assets.map((a) => [a.name, a]));
  const options = { config: { public: true }, schema: { hide: true } };
  app.get<{ Params: { name: string } }>(`${prefix}/:name`, options, async (request, reply) => {
    const found = byName.get(request.params.name);
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

export interface PageSecurityOptions {
  /** who may frame the page (CSP frame-ancestors sources); empty: nobody */
  frameAncestors?: readonly string[];
  /** origins a form on the page may post to, besides 'self' */
  formOrigins?: readonly (string | null)[];
}

/**
 * The headers of an HTML page of ours: a CSP that allows our own files and one nonce'd script, no inline
 * style, no third party; nosniff, no referrer, no-store.
 */
export function pageSecurityHeaders(nonce: string, options: PageSecurityOptions = {}): Record<string, string> {
  const forms = ["'self'", ...new Set((options.formOrigins ?? []).filter((o): o is string => o !== null))].join(' ');
  const ancestors = options.frameAncestors?.join(' ') || "'none'";
  return {
    'content-security-policy': [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      `frame-ancestors ${ancestors}`,
      "base-uri 'none'",
      `form-action ${forms}`,
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

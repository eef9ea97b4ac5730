/**
 * The page's two static files (one stylesheet, one script) under content-hashed names, served from
 * memory with their compressed forms by the shared static-asset plumbing (src/http/static-assets.ts).
 */
import type { FastifyInstance } from 'fastify';
import { encodedSize, serveStaticAssets, staticAsset } from '../../../http/static-assets.js';
import { CHECKOUT_JS } from './assets/checkout-client.js';
import { CHECKOUT_CSS } from './assets/checkout-style.js';

export const ASSET_PREFIX = '/checkout/assets';

const CSS = staticAsset('checkout', 'css', CHECKOUT_CSS);
const JS = staticAsset('checkout', 'js', CHECKOUT_JS);

/** file names of the current build's assets (the page links `${assetBase}/${name}`) */
export const ASSET_NAMES = { css: CSS.name, js: JS.name } as const;

/** the bytes the browser downloads for each asset (`gzip` or `identity`), for the weight budget */
export function assetBytes(encoding: 'gzip' | 'br' | 'identity'): { css: number; js: number } {
  return { css: encodedSize(CSS, encoding), js: encodedSize(JS, encoding) };
}

/** `GET /checkout/assets/:name`: the hashed files, compressed when the browser accepts it, cached as immutable. */
export function registerCheckoutAssets(app: FastifyInstance): void {
  serveStaticAssets(app, ASSET_PREFIX, [CSS, JS]);
}

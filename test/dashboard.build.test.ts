/**
 * The dashboard's build (ADR 0031): the committed client types match docs/openapi.json, the bundle's
 * first load stays within 250 KB compressed (printed), and the shell carries no inline script or style
 * and names only our own hashed files.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesOf } from '../src/dashboard/build/dashboard-build.js';
import { DASHBOARD_ASSETS, registerDashboard } from '../src/dashboard/dashboard.routes.js';
import { type DashboardBundle, loadDashboardBundle } from '../src/dashboard/dashboard-bundle.js';
import { encodedSize } from '../src/http/static-assets.js';

const ROOT = resolve(import.meta.dirname, '..');
const BUDGET_BYTES = 250 * 1024;

describe('dashboard build', () => {
  let bundle: DashboardBundle;
  const app = Fastify();
  beforeAll(async () => {
    const loaded = loadDashboardBundle();
    if (loaded === null) throw new Error('no dashboard bundle in dist/dashboard-ui: the global setup builds it');
    bundle = loaded;
    registerDashboard(app, { explorerTxUrl: null, network: 'devnet', bundle });
    await app.ready();
  });
  afterAll(() => app.close());

  it('the committed client types are generated from the current docs/openapi.json', async () => {
    const expected = await apiTypesOf(readFileSync(join(ROOT, 'docs', 'openapi.json'), 'utf8'));
    // on a difference: `npm run build` rewrites the file from the document
    expect(readFileSync(join(ROOT, API_TYPES_FILE), 'utf8') === expected).toBe(true);
  });

  it('the first load (shell, script, stylesheet) weighs at most 250 KB compressed', async () => {
    const shell = await app.inject({ method: 'GET', url: '/dashboard', headers: { 'accept-encoding': 'gzip' } });
    const html = Buffer.byteLength(shell.body);
    for (const encoding of ['gzip', 'br'] as const) {
      const js = encodedSize(bundle.script, encoding);
      const css = encodedSize(bundle.stylesheet, encoding);
      const total = html + js + css;
      console.log(
        `dashboard first load (${encoding}): script ${js} B + stylesheet ${css} B + shell ${html} B = ${(total / 1024).toFixed(1)} KB`,
      );
      expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    }
  });

  it('every /dashboard path gets the shell: one nonce script, one stylesheet, no inline code', async () => {
    for (const url of ['/dashboard', '/dashboard/', '/dashboard/payments/pay_x?status=pending']) {
      const answer = await app.inject({ method: 'GET', url });
      expect(answer.statusCode).toBe(200);
      const nonce = /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
      const html = answer.body;
      expect(html.match(/<script/g)).toHaveLength(1);
      expect(html).toContain(`<script type="module" nonce="${nonce}" src="${DASHBOARD_ASSETS}/${bundle.script.name}"></script>`);
      expect(html).toContain(`<link rel="stylesheet" href="${DASHBOARD_ASSETS}/${bundle.stylesheet.name}">`);
      expect(html).not.toMatch(/<style|style=|https?:\/\//);
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    const script = await app.inject({
      method: 'GET',
      url: `${DASHBOARD_ASSETS}/${bundle.script.name}`,
      headers: { 'accept-encoding': 'br' },
    });
    expect(script.headers['content-encoding']).toBe('br');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ method: 'GET', url: `${DASHBOARD_ASSETS}/dashboard.NOPE.js` })).statusCode).toBe(404);
  });

  it('the bundle asks nothing of a third party (no absolute URL it would load)', () => {
    const js = bundle.script.body.toString('utf8');
    const css = bundle.stylesheet.body.toString('utf8');
    expect(css).not.toMatch(/url\(\s*['"]?https?:/);
    expect(css).not.toMatch(/@import/);
    expect(js).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)[a-z0-9.-]+\.[a-z]{2,}/i);
  });

  it('without a build, /dashboard says how to make one', async () => {
    const bare = Fastify();
    registerDashboard(bare, { explorerTxUrl: null, network: 'devnet', bundle: null });
    const answer = await bare.inject({ method: 'GET', url: '/dashboard' });
    expect(answer.statusCode).toBe(503);
    expect(answer.body).toContain('npm run build');
    await bare.close();
  });
});

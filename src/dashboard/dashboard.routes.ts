/**
 * The operator's dashboard at /dashboard (issue 22, ADR 0031): one HTML shell for every /dashboard/*
 * path (the Preact app routes in the browser), with the checkout's page headers (CSP with a
 * per-response nonce on the one script, no inline style, no third party), and the bundle's hashed
 * files under /dashboard/assets. The shell holds no data: the app calls the public /api/v1 routes.
 */
import { randomBytes } from 'node:crypto';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { pageSecurityHeaders, serveStaticAssets } from '../http/static-assets.js';
import { type DashboardBundle, loadDashboardBundle } from './dashboard-bundle.js';

export const DASHBOARD_PATH = '/dashboard';
export const DASHBOARD_ASSETS = '/dashboard/assets';

export interface DashboardRoutesDeps {
  /** transaction link template with {txid} for the payment pages, or null for none */
  explorerTxUrl: string | null;
  /** network name shown in the header (mainnet, nile, devnet…) */
  network: string;
  /** default: the build in dist/dashboard-ui */
  bundle?: DashboardBundle | null;
}

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Dashboard · TRON Payment Gateway</title>
<link rel="stylesheet" href="<%= it.css %>">
<script type="module" nonce="<%= it.nonce %>" src="<%= it.js %>"></script>
</head>
<body>
<div id="app" data-config="<%= it.config %>"></div>
<noscript><p>The dashboard needs JavaScript. The same actions are available through the API and the command line.</p></noscript>
</body>
</html>
`;

const eta = new Eta({ autoEscape: true, autoTrim: false, cache: true, useWith: false });
eta.loadTemplate('@dashboard', SHELL);

export function registerDashboard(app: FastifyInstance, deps: DashboardRoutesDeps): void {
  const bundle = deps.bundle === undefined ? loadDashboardBundle() : deps.bundle;
  const config = JSON.stringify({ explorerTxUrl: deps.explorerTxUrl, network: deps.network });
  if (bundle !== null) serveStaticAssets(app, DASHBOARD_ASSETS, [bundle.script, bundle.stylesheet]);

  const shell = async (_request: unknown, reply: FastifyReply) => {
    if (bundle === null) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('the dashboard is not built: run `npm run build` (it bundles src/dashboard/ui into dist/dashboard-ui)');
    }
    const nonce = randomBytes(16).toString('base64');
    const html = eta.render('@dashboard', {
      nonce,
      config,
      js: `${DASHBOARD_ASSETS}/${bundle.script.name}`,
      css: `${DASHBOARD_ASSETS}/${bundle.stylesheet.name}`,
    });
    return reply.headers(pageSecurityHeaders(nonce)).type('text/html; charset=utf-8').send(html);
  };
  // public: the page is the same for everyone; what it shows comes from authenticated API calls
  const options = { config: { public: true }, schema: { hide: true } };
  app.get(DASHBOARD_PATH, options, shell);
  app.get(`${DASHBOARD_PATH}/*`, options, shell);
}

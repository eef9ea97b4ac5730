/**
 * A bare Fastify on 127.0.0.1 that serves the checkout page from fixture states, with the endpoints the
 * page's script calls (status, events, cancel) faked in memory: a test pushes a state and every open
 * page receives it over SSE. Headers as the real gateway sends them (CSP with a nonce, no-store), so a
 * CSP violation shows in the browser's console. Also serves a shop (success and cancel pages), a parent
 * page that embeds the checkout in an iframe, and a payment link.
 * Run it by hand to look at the pages: `npx tsx test/checkout-browser-harness.ts` (prints the URL).
 * Also the browser plumbing every page test shares (checkout and dashboard): Debian's Chromium through
 * playwright-core, axe-core's serious and critical violations, screenshots into docs/screenshots/.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import {
  CHECKOUT_STATUSES,
  type CheckoutPageContext,
  type CheckoutState,
  type CheckoutStatus,
} from '../src/modules/checkout/checkout-view.js';
import {
  pickLocale,
  registerCheckoutAssets,
  renderCheckoutPage,
  renderLinkPage,
  renderNotFoundPage,
} from '../src/modules/checkout/page/index.js';

// the browser's globals as the functions given to page.evaluate see them (the test project has no DOM lib)
declare const document: unknown;
declare const window: { [name: string]: unknown };

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = resolve(import.meta.dirname, '..', 'docs', 'screenshots');
/** TPG_WRITE_SCREENSHOTS=1: the page tests write their screenshots into docs/screenshots/ */
export const WRITE_SHOTS = process.env.TPG_WRITE_SCREENSHOTS === '1';

/** Debian's Chromium, headless, with nothing reaching out on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export function saveShot(name: string, png: Buffer): void {
  if (!WRITE_SHOTS) return;
  try {
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, name), png);
  } catch {
    // a read-only clone: the screenshots are a by-product, not the test
  }
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol: the page's CSP (rightly) refuses an inline <script> from addScriptTag
  await page.evaluate(`${AXE}\n;void 0`);
  const results = await page.evaluate(async () => {
    const axe = window.axe as { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
    const out = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return out.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return (results as { id: string; impact: string; targets: string[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

export const FIXTURE_ADDRESS = 'TJ3QZkUjgLyuNeXRzGBHwjRaJpUM6Y1Uzn';
export const FIXTURE_CONTRACT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
export const STATES: readonly CheckoutStatus[] = CHECKOUT_STATUSES;
const PAYMENT_STATUS: Record<CheckoutStatus, string> = {
  waiting: 'pending',
  seen: 'processing',
  confirmed: 'processing',
  completed: 'completed',
  underpaid: 'partially_paid',
  overpaid: 'completed',
  expired: 'expired',
  cancelled: 'cancelled',
  paid_late: 'expired',
  failed: 'failed',
};

/** A state as the backend would send it for `status` (amounts for a 25.5 USDT payment). */
export function fixtureState(status: CheckoutStatus, base: string, overrides: Partial<CheckoutState> = {}): CheckoutState {
  const now = Date.now();
  const received: Partial<Record<CheckoutStatus, string>> = {
    seen: '25.5',
    confirmed: '25.5',
    completed: '25.5',
    underpaid: '10',
    overpaid: '30',
    paid_late: '25.5',
  };
  const amountReceived = received[status] ?? '0';
  const due = status === 'underpaid' ? '15.5' : amountReceived === '0' ? '25.5' : '0';
  const dueUnits = status === 'underpaid' ? '15500000' : amountReceived === '0' ? '25500000' : '0';
  return {
    paymentId: 'pay_01JCHECKOUTFIXTURE',
    paymentStatus: PAYMENT_STATUS[status],
    checkoutStatus: status,
    asset: 'USDT',
    decimals: 6,
    network: 'TRON (TRC-20)',
    tokenContract: FIXTURE_CONTRACT,
    amount: '25.5',
    amountReceived,
    amountDue: due,
    amountDueBaseUnits: dueUnits,
    address: FIXTURE_ADDRESS,
    confirmations: status === 'seen' ? 4 : status === 'waiting' || status === 'underpaid' || status === 'expired' ? 0 : 19,
    confirmationsRequired: 19,
    expiresAt: new Date(now + (status === 'expired' ? -60_000 : 14 * 60_000 + 32_000)).toISOString(),
    serverTime: new Date(now).toISOString(),
    successUrl: `${base}/shop/success?payment_id=pay_01JCHECKOUTFIXTURE`,
    cancelUrl: `${base}/shop/cancelled`,
    restartUrl: status === 'expired' ? `${base}/pay/link_demo` : null,
    overpaymentHandling: 'refund',
    txids: amountReceived === '0' ? [] : ['b3f1c0de5a2e4d6f8a9b0c1d2e3f40516273849a5b6c7d8e9f00112233445566'],
    description: 'Order 1042 · 2 × Espresso beans 500 g',
    ...overrides,
  };
}

export interface CheckoutHarness {
  url: string;
  app: FastifyInstance;
  /** sets a token's state and sends it to every page open on that token */
  push(token: string, state: CheckoutState): void;
  /** the state a token shows now */
  state(token: string): CheckoutState;
  /** a token whose /events answers 503, so the page has to poll */
  breakEvents(token: string): void;
  /** its /events works again */
  mendEvents(token: string): void;
  /** number of open event streams for a token */
  streams(token: string): number;
  requests: string[];
  close(): Promise<void>;
}

export const BRANDING: CheckoutPageContext['branding'] = {
  displayName: 'Northwind Coffee',
  accentColor: '#0f766e',
  supportEmail: 'help@northwind.example',
  logoUrl: null,
};

function cspFor(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

function pageHeaders(reply: FastifyReply, nonce: string): FastifyReply {
  return reply
    .header('content-security-policy', cspFor(nonce))
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8');
}

export async function startCheckoutHarness(): Promise<CheckoutHarness> {
  const app = Fastify({ logger: false });
  registerCheckoutAssets(app);
  const states = new Map<string, CheckoutState>();
  const subscribers = new Map<string, Set<ServerResponse>>();
  const broken = new Set<string>();
  const requests: string[] = [];
  let base = '';

  app.addHook('onRequest', async (request) => {
    requests.push(`${request.method} ${request.url}`);
  });

  /** a token names a fixture: "waiting", "waiting-2", "trx-waiting", … (anything after the state is free) */
  function stateOf(token: string): CheckoutState | undefined {
    const known = states.get(token);
    if (known !== undefined) return known;
    const trx = token.startsWith('trx-');
    const name = STATES.find((s) => (trx ? token.slice(4) : token).startsWith(s));
    if (name === undefined) return undefined;
    const state = fixtureState(
      name,
      base,
      trx
        ? {
            asset: 'TRX',
            decimals: 6,
            network: 'TRON',
            tokenContract: null,
            amount: '120',
            amountDue: '120',
            amountDueBaseUnits: '120000000',
          }
        : {},
    );
    states.set(token, state);
    return state;
  }

  function fresh(state: CheckoutState): CheckoutState {
    return { ...state, serverTime: new Date().toISOString() };
  }

  app.get<{ Params: { token: string }; Querystring: { lang?: string } }>('/checkout/:token', async (request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    const locale = pickLocale(request.headers['accept-language'], request.query.lang);
    const state = stateOf(request.params.token);
    if (state === undefined) {
      return pageHeaders(reply.code(404), nonce).send(renderNotFoundPage({ locale, nonce, assetBase: '/checkout/assets' }));
    }
    const ctx: CheckoutPageContext = {
      token: request.params.token,
      locale,
      nonce,
      branding: BRANDING,
      customerEmail: 'ana@example.com',
      assetBase: '/checkout/assets',
      explorerTxUrl: 'https://tronscan.org/#/transaction/{txid}',
    };
    return pageHeaders(reply, nonce).send(renderCheckoutPage(fresh(state), ctx));
  });

  app.get<{ Params: { token: string } }>('/checkout/:token/status', async (request, reply) => {
    const state = stateOf(request.params.token);
    if (state === undefined) return reply.code(404).send({ error: 'not found' });
    return reply.header('cache-control', 'no-store').send(fresh(state));
  });

  app.get<{ Params: { token: string } }>('/checkout/:token/events', async (request, reply) => {
    const token = request.params.token;
    const state = stateOf(token);
    if (state === undefined) return reply.code(404).send({ error: 'not found' });
    if (broken.has(token)) return reply.code(503).send({ error: 'unavailable' });
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`event: status\ndata: ${JSON.stringify(fresh(state))}\n\n`);
    const set = subscribers.get(token) ?? new Set();
    subscribers.set(token, set);
    set.add(res);
    request.raw.on('close', () => set.delete(res));
  });

  app.post<{ Params: { token: string } }>('/checkout/:token/cancel', async (request, reply) => {
    const token = request.params.token;
    const state = stateOf(token);
    if (state === undefined) return reply.code(404).send({ error: 'not found' });
    if (state.checkoutStatus === 'waiting') push(token, { ...state, checkoutStatus: 'cancelled', paymentStatus: 'cancelled' });
    return reply.redirect(state.cancelUrl ?? `/checkout/${token}`, 303);
  });

  app.get<{ Params: { token: string }; Querystring: { lang?: string } }>('/pay/:token', async (request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    const locale = pickLocale(request.headers['accept-language'], request.query.lang);
    const fixed = request.params.token.startsWith('fixed');
    return pageHeaders(reply, nonce).send(
      renderLinkPage(
        { description: 'Tip jar for the barista team', asset: 'USDT', amount: fixed ? '5' : null, min: '1', max: '500' },
        { token: request.params.token, locale, nonce, branding: BRANDING, assetBase: '/checkout/assets' },
      ),
    );
  });

  let visits = 0;
  app.post<{ Params: { token: string }; Body: Record<string, string> }>('/pay/:token', async (request, reply) => {
    const amount = request.body?.amount;
    if (!request.params.token.startsWith('fixed') && !/^\d+(\.\d{1,6})?$/.test(amount ?? '')) {
      const nonce = randomBytes(16).toString('base64');
      const link = { description: 'Tip jar for the barista team', asset: 'USDT', amount: null, min: '1', max: '500' };
      const lctx = { token: request.params.token, locale: pickLocale(request.headers['accept-language']), nonce, branding: BRANDING };
      return pageHeaders(reply.code(422), nonce).send(
        renderLinkPage({ ...link, error: 'invalid_amount', value: amount ?? '' }, { ...lctx, assetBase: '/checkout/assets' }),
      );
    }
    visits += 1;
    const token = `waiting-link-${visits}`;
    stateOf(token);
    return reply.redirect(`/checkout/${token}`, 303);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const shopPage = (title: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1></main></body></html>`;
  app.get('/shop/success', async (_request, reply) => reply.type('text/html; charset=utf-8').send(shopPage('Thanks for your order')));
  app.get('/shop/cancelled', async (_request, reply) => reply.type('text/html; charset=utf-8').send(shopPage('Order cancelled')));
  app.get<{ Params: { token: string } }>('/embed/:token', async (request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>` +
          `<script>window.messages=[];window.addEventListener('message',function(e){window.messages.push(e.data)});</script>` +
          `<iframe title="Checkout" src="/checkout/${encodeURIComponent(request.params.token)}" width="420" height="800"></iframe></body></html>`,
      ),
  );

  function push(token: string, state: CheckoutState): void {
    states.set(token, state);
    for (const res of subscribers.get(token) ?? []) res.write(`event: status\ndata: ${JSON.stringify(fresh(state))}\n\n`);
  }

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  base = address;
  return {
    url: address,
    app,
    push,
    state(token) {
      const s = stateOf(token);
      if (s === undefined) throw new Error(`no fixture for ${token}`);
      return s;
    },
    breakEvents: (token) => broken.add(token),
    mendEvents: (token) => broken.delete(token),
    streams: (token) => subscribers.get(token)?.size ?? 0,
    requests,
    async close() {
      for (const set of subscribers.values()) for (const res of set) res.end();
      await app.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const harness = await startCheckoutHarness();
  console.log(`checkout harness on ${harness.url}: open ${harness.url}/checkout/waiting (or any state: ${STATES.join(', ')})`);
}

/**
 * The checkout pages as HTML, without a browser: the weight budget (page + CSS + JS ≤ 60 KB gzipped on
 * first load), escaping by the template engine, no inline style or script for the CSP, the language
 * choice, the link and 404 pages, and the static assets' caching.
 */
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { CheckoutPageContext } from '../src/modules/checkout/checkout-view.js';
import { CHECKOUT_JS } from '../src/modules/checkout/page/assets/checkout-client.js';
import { CATALOGUES } from '../src/modules/checkout/page/checkout-messages.js';
import {
  assetBytes,
  pickLocale,
  registerCheckoutAssets,
  renderCheckoutPage,
  renderLinkPage,
  renderNotFoundPage,
} from '../src/modules/checkout/page/index.js';
import { BRANDING, FIXTURE_ADDRESS, fixtureState, STATES } from './checkout-browser-harness.js';

const BASE = 'https://pay.example';

function ctx(overrides: Partial<CheckoutPageContext> = {}): CheckoutPageContext {
  return {
    token: 'tok_0123456789abcdef0123456789abcdef',
    locale: 'en',
    nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
    branding: BRANDING,
    customerEmail: 'ana@example.com',
    assetBase: '/checkout/assets',
    explorerTxUrl: 'https://tronscan.org/#/transaction/{txid}',
    ...overrides,
  };
}

describe('weight', () => {
  it('keeps the page with its CSS and JS within 60 KB gzipped on first load', () => {
    const worst = STATES.map((s) => renderCheckoutPage(fixtureState(s, BASE), ctx({ locale: 'ru' }))).sort(
      (a, b) => b.length - a.length,
    )[0];
    const html = gzipSync(Buffer.from(worst ?? '')).length;
    const { css, js } = assetBytes('gzip');
    const total = html + css + js;
    expect(total).toBeLessThanOrEqual(60 * 1024);
    // far inside the budget today: a jump means something heavy slipped in
    expect(total).toBeLessThan(25 * 1024);
  });
});

describe('the payment page', () => {
  it('escapes what the merchant and the backend write, through the engine', () => {
    const html = renderCheckoutPage(
      fixtureState('waiting', BASE, { description: '<img src=x onerror=alert(1)>' }),
      ctx({ branding: { ...BRANDING, displayName: '<script>alert("x")</script>' }, customerEmail: '"><b>@example.com' }),
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('"><b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('carries no inline style and no script without the nonce (the CSP allows neither)', () => {
    for (const state of STATES) {
      const html = renderCheckoutPage(fixtureState(state, BASE), ctx());
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).not.toMatch(/<style/);
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toMatch(/^<script src="\/checkout\/assets\/checkout\.[\w-]+\.js" nonce="bm9uY2Utbm9uY2Utbm9uY2U=">$/);
    }
  });

  it('shows amount, asset with network, address, QR and status in the HTML itself', () => {
    const html = renderCheckoutPage(fixtureState('waiting', BASE), ctx());
    expect(html).toContain('<html lang="en" class="no-js" data-payment-status="pending" data-checkout-status="waiting"');
    expect(html).toContain('>25.5</span>');
    expect(html).toContain('USDT on TRON (TRC-20)');
    expect(html).toContain(`>${FIXTURE_ADDRESS}</p>`);
    expect(html).toMatch(/<div class="qr-img" role="img" aria-label="QR code of the deposit address" data-qr><svg /);
    expect(html).toContain('action="/checkout/tok_0123456789abcdef0123456789abcdef/cancel"');
    expect(html).toContain('Waiting for your payment');
  });

  it('names TRX on TRON, and reveals no metadata or internals', () => {
    const state = fixtureState('waiting', BASE, { asset: 'TRX', network: 'TRON', tokenContract: null });
    const html = renderCheckoutPage(state, ctx());
    expect(html).toContain('TRX on TRON<');
    for (const word of ['metadata', 'reference', 'merchant_id', 'merchantid', 'fee_', 'fees'])
      expect(html.toLowerCase()).not.toContain(word);
  });

  it('chooses the words of the state: underpaid shows what is still due, overpaid how the extra is handled', () => {
    expect(renderCheckoutPage(fixtureState('underpaid', BASE), ctx())).toContain('Received 10 USDT. Please send the remaining 15.5 USDT');
    const credit = renderCheckoutPage(fixtureState('overpaid', BASE, { overpaymentHandling: 'credit' }), ctx({ locale: 'zh-CN' }));
    expect(credit).toContain('您比应付金额多发送了 4.5 USDT。');
    expect(credit).toContain('多付部分已计入您在 Northwind Coffee 的账户。');
    expect(renderCheckoutPage(fixtureState('seen', BASE), ctx({ locale: 'ru' }))).toContain('Подтверждений: 4 из 19');
  });
});

describe('the other pages', () => {
  it('link page: an amount field with its limits, or the fixed amount, posting to the link', () => {
    const link = { description: 'Tips', asset: 'USDT', amount: null, min: '1', max: '500' };
    const lctx = { token: 'lnk_abc', locale: 'en' as const, nonce: 'n', branding: BRANDING, assetBase: '/checkout/assets' };
    const open = renderLinkPage(link, lctx);
    expect(open).toContain('action="/pay/lnk_abc?lang=en"');
    expect(open).toContain('name="amount"');
    expect(open).toContain('Between 1 and 500 USDT.');
    const fixed = renderLinkPage({ ...link, amount: '5' }, lctx);
    expect(fixed).not.toContain('name="amount"');
    expect(fixed).toContain('>5</span>');
    const wrong = renderLinkPage({ ...link, error: 'amount_out_of_range', value: '9000' }, { ...lctx, locale: 'ru' });
    expect(wrong).toContain('Сумма должна быть от 1 до 500 USDT.');
    expect(wrong).toContain('aria-invalid="true"');
    expect(wrong).toContain('value="9000"');
  });

  it('404 page: the same bytes whatever token was asked, naming no merchant', () => {
    const a = renderNotFoundPage({ locale: 'en', nonce: 'n', assetBase: '/checkout/assets' });
    expect(a).toContain('Payment page not found');
    expect(a).not.toContain('Northwind');
    expect(renderNotFoundPage({ locale: 'en', nonce: 'n', assetBase: '/checkout/assets' })).toBe(a);
  });
});

describe('pickLocale', () => {
  it('takes ?lang= first, then the best Accept-Language, then English', () => {
    expect(pickLocale('ru-RU,ru;q=0.9', 'zh-CN')).toBe('zh-CN');
    expect(pickLocale('ru-RU,ru;q=0.9', 'xx')).toBe('ru');
    expect(pickLocale('de-DE,zh;q=0.8,ru;q=0.7')).toBe('zh-CN');
    expect(pickLocale('en;q=0.2, ru;q=0.5')).toBe('ru');
    expect(pickLocale('zh-TW')).toBe('zh-CN');
    expect(pickLocale('fr, de;q=0.9')).toBe('en');
    expect(pickLocale('ru;q=0, en')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });

  it('every catalogue fills every key', () => {
    const keys = Object.keys(CATALOGUES.en).sort();
    for (const catalogue of Object.values(CATALOGUES)) {
      expect(Object.keys(catalogue).sort()).toEqual(keys);
      expect(Object.values(catalogue).filter((v) => v.trim() === '')).toEqual([]);
    }
  });
});

describe('static assets', () => {
  it('serve under hashed names, compressed, cached for a year as immutable, 304 on a matching ETag', async () => {
    const app = Fastify();
    registerCheckoutAssets(app);
    const html = renderCheckoutPage(fixtureState('waiting', BASE), ctx());
    const [css, js] = [/href="(\/checkout\/assets\/[^"]+\.css)"/, /src="(\/checkout\/assets\/[^"]+\.js)"/].map(
      (re) => re.exec(html)?.[1] ?? '',
    );
    const plain = await app.inject({ url: css ?? '' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toContain('--accent');
    const gz = await app.inject({ url: js ?? '', headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBe(assetBytes('gzip').js);
    const again = await app.inject({ url: js ?? '', headers: { 'if-none-match': String(gz.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await app.inject({ url: '/checkout/assets/checkout.nothere.js' })).statusCode).toBe(404);
    await app.close();
  });

  it('the script parses as a classic script', () => {
    // a syntax error here would only show in a browser: compile it (without running it) in Node
    expect(() => new Function(CHECKOUT_JS)).not.toThrow();
  });
});

/**
 * The checkout page in a real browser (Debian's Chromium through playwright-core), against the
 * harness's fixture states and fake live endpoints: every state renders and passes axe-core in both
 * themes, the QR code decodes to the address, the page reads without JavaScript, follows pushed states
 * live (SSE, then polling), tells an embedding parent, returns to the shop, copies the address, and pays
 * through an injected wallet. One browser for the file.
 * TPG_WRITE_SCREENSHOTS=1 also writes each state at 390×844 and 1280×800 into docs/screenshots/.
 */
import jsQRModule from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutState } from '../src/modules/checkout/checkout-view.js';
import {
  type CheckoutHarness,
  FIXTURE_ADDRESS,
  FIXTURE_CONTRACT,
  launchChromium,
  STATES,
  saveShot,
  seriousViolations,
  startCheckoutHarness,
} from './checkout-browser-harness.js';

// the browser's globals as the functions given to page.evaluate see them (the test project has no DOM lib)
interface BrowserElement {
  getAttribute(name: string): string | null;
  classList: { contains(name: string): boolean };
}
declare const document: { documentElement: BrowserElement; body: BrowserElement };
declare const window: { [name: string]: unknown };
declare const navigator: { clipboard: { readText(): Promise<string> } };
declare function getComputedStyle(element: unknown): { backgroundColor: string; color: string };

// jsqr is CommonJS with an `exports.default`: the function is the module or its default, depending on interop
const jsQR = (typeof jsQRModule === 'function' ? jsQRModule : jsQRModule.default) as typeof jsQRModule.default;
const MOBILE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let harness: CheckoutHarness;
let browser: Browser;
/** console errors and CSP reports seen on any page of the file */
const problems: string[] = [];

async function context(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: MOBILE, ...options });
  ctx.on('page', (page) => watch(page));
  return ctx;
}

function watch(page: Page): void {
  page.on('console', (message) => {
    // the browser asks for /favicon.ico (404); the polling test's event stream answers 503 on purpose
    if (message.type() === 'error' && !/404 \(Not Found\)|503 \(Service Unavailable\)/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
}

beforeAll(async () => {
  harness = await startCheckoutHarness();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('every state', () => {
  // every state twice through axe-core and three screenshots each: longer than a test's default 30 s on a busy machine
  it('renders with its words, passes axe-core in light and dark, on mobile and desktop', { timeout: 120_000 }, async () => {
    const light = await context({ colorScheme: 'light' });
    const dark = await context({ colorScheme: 'dark' });
    const desktop = await context({ viewport: DESKTOP, colorScheme: 'light' });
    const [lightPage, darkPage, desktopPage] = await Promise.all([light.newPage(), dark.newPage(), desktop.newPage()]);
    const violations: string[] = [];
    for (const state of STATES) {
      const token = `${state}-axe`;
      for (const [page, label] of [
        [lightPage, 'light'],
        [darkPage, 'dark'],
      ] as const) {
        await page.goto(`${harness.url}/checkout/${token}`);
        await page.waitForFunction((s) => document.documentElement.getAttribute('data-checkout-status') === s, state);
        violations.push(...(await seriousViolations(page)).map((v) => `${state}/${label}: ${v}`));
        if (label === 'dark' && (state === 'waiting' || state === 'completed')) {
          saveShot(`checkout-${state}-dark-mobile.png`, await page.screenshot({ fullPage: true, animations: 'disabled' }));
        }
      }
      expect(await lightPage.locator('[data-bind="statusTitle"]').textContent()).not.toBe('');
      saveShot(`checkout-${state}-mobile.png`, await lightPage.screenshot({ fullPage: true, animations: 'disabled' }));
      await desktopPage.goto(`${harness.url}/checkout/${token}`);
      await desktopPage.waitForFunction(() => document.documentElement.classList.contains('js'));
      saveShot(`checkout-${state}-desktop.png`, await desktopPage.screenshot({ animations: 'disabled' }));
    }
    expect(violations).toEqual([]);

    const page = lightPage;
    await page.goto(`${harness.url}/checkout/underpaid-words`);
    expect(await page.locator('#tpg-amount').textContent()).toBe('15.5');
    expect(await page.locator('[data-bind="statusBody"]').textContent()).toContain('remaining 15.5 USDT');
    expect(await page.locator('.pay').isVisible()).toBe(true);

    await page.goto(`${harness.url}/checkout/overpaid-words`);
    expect(await page.locator('[data-bind="statusBody"]').textContent()).toContain('4.5 USDT more');
    expect(await page.locator('[data-bind="statusExtra"]').textContent()).toContain('refunded');
    expect(await page.locator('.pay').isVisible()).toBe(false);

    await page.goto(`${harness.url}/checkout/expired-words`);
    expect(await page.getByRole('link', { name: 'Start again' }).getAttribute('href')).toBe(`${harness.url}/pay/link_demo`);
    expect(await page.locator('.pay').isVisible()).toBe(false);

    await page.goto(`${harness.url}/checkout/cancelled-words`);
    expect(await page.locator('h2[data-bind="statusTitle"]').textContent()).toBe('This payment was cancelled');
    expect(await page.getByRole('button', { name: 'Cancel and return' }).isVisible()).toBe(false);

    await page.goto(`${harness.url}/checkout/seen-words`);
    expect(await page.locator('[data-bind="confirmations"]').textContent()).toBe('4 of 19 confirmations');
    await Promise.all([light.close(), dark.close(), desktop.close()]);
  });

  it('speaks Chinese and Russian from Accept-Language or ?lang=, and the switcher links keep the page', async () => {
    const ctx = await context({ locale: 'zh-CN', extraHTTPHeaders: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' } });
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/checkout/waiting-zh`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h2[data-bind="statusTitle"]').textContent()).toBe('等待您的付款');
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('checkout-waiting-zh-mobile.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));
    await page.getByRole('link', { name: 'Русский' }).click();
    await page.waitForURL(/lang=ru/);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('h2[data-bind="statusTitle"]').textContent()).toBe('Ожидаем ваш платёж');
    await page.setViewportSize(DESKTOP);
    saveShot('checkout-waiting-ru-desktop.png', await page.screenshot({ animations: 'disabled' }));
    await ctx.close();
  });
});

describe('the QR code', () => {
  it('decodes, from a screenshot, to the deposit address exactly', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const ctx = await context({ colorScheme });
      const page = await ctx.newPage();
      await page.goto(`${harness.url}/checkout/waiting-qr`);
      const png = PNG.sync.read(await page.locator('[data-qr]').screenshot());
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(code?.data).toBe(FIXTURE_ADDRESS);
      await ctx.close();
    }
  });
});

describe('without JavaScript', () => {
  it('shows the amount, the address, the QR code, a refresh link and the cancel form', async () => {
    const ctx = await context({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/checkout/waiting-nojs`);
    expect(await page.locator('#tpg-amount').textContent()).toBe('25.5');
    expect(await page.locator('#tpg-address').textContent()).toBe(FIXTURE_ADDRESS);
    expect(await page.locator('[data-qr] svg').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Refresh' }).isVisible()).toBe(true);
    expect(await page.locator('[data-bind="statusBody"]').textContent()).toBe('Send exactly the amount shown, then refresh this page.');
    expect(await page.locator('[data-bind="countdown"]').textContent()).toMatch(/^about 1[45] min$/);
    expect(await page.locator('[data-wallet]').isVisible()).toBe(false);
    saveShot('checkout-waiting-nojs-mobile.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));
    // the cancel form posts without a script and lands on the shop's cancel page
    await page.getByRole('button', { name: 'Cancel and return' }).click();
    await page.waitForURL(`${harness.url}/shop/cancelled`);
    expect(harness.state('waiting-nojs').checkoutStatus).toBe('cancelled');
    await ctx.close();
  });
});

describe('live', () => {
  it('follows pushed states without a reload, then returns to the shop with the payment id', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/checkout/waiting-live`);
    await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    await expect.poll(() => harness.streams('waiting-live'), { timeout: 3000 }).toBe(1);
    expect(await page.locator('[data-bind="statusBody"]').textContent()).toBe(
      'Send exactly the amount shown. This page updates by itself.',
    );
    await page.evaluate(() => {
      // survives only while the page is not reloaded
      (window as unknown as { marker: number }).marker = 42;
    });
    const base = harness.state('waiting-live');
    const seen: CheckoutState = { ...base, checkoutStatus: 'seen', paymentStatus: 'processing', amountReceived: '25.5', confirmations: 2 };
    harness.push('waiting-live', seen);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-payment-status') === 'processing', null, {
      timeout: 2000,
    });
    expect(await page.locator('[data-bind="confirmations"]').textContent()).toBe('2 of 19 confirmations');
    expect(await page.locator('.pay').isVisible()).toBe(false);
    harness.push('waiting-live', { ...seen, confirmations: 19, checkoutStatus: 'confirmed' });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-checkout-status') === 'confirmed', null, {
      timeout: 2000,
    });
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    harness.push('waiting-live', { ...seen, confirmations: 19, checkoutStatus: 'completed', paymentStatus: 'completed' });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-payment-status') === 'completed', null, { timeout: 2000 });
    expect(await page.locator('[data-bind="redirect"]').textContent()).toMatch(/Returning to Northwind Coffee in [45] s/);
    await page.waitForURL(/\/shop\/success\?payment_id=pay_01JCHECKOUTFIXTURE$/, { timeout: 8000 });
    await ctx.close();
  });

  it('polls the status every 2 s when the event stream fails, and goes back to the stream once it works', async () => {
    harness.breakEvents('waiting-poll');
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/checkout/waiting-poll`);
    await expect
      .poll(() => harness.requests.filter((r) => r === 'GET /checkout/waiting-poll/status').length, { timeout: 3000 })
      .toBeGreaterThan(0);
    const base = harness.state('waiting-poll');
    harness.push('waiting-poll', {
      ...base,
      checkoutStatus: 'underpaid',
      paymentStatus: 'partially_paid',
      amountReceived: '5',
      amountDue: '20.5',
    });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-checkout-status') === 'underpaid', null, {
      timeout: 3500,
    });
    expect(await page.locator('#tpg-amount').textContent()).toBe('20.5');
    // the stream is tried again (after 5 s); once it is back, polling stops
    harness.mendEvents('waiting-poll');
    await expect.poll(() => harness.streams('waiting-poll'), { timeout: 8000 }).toBeGreaterThan(0);
    const polls = () => harness.requests.filter((r) => r === 'GET /checkout/waiting-poll/status').length;
    const before = polls();
    await page.waitForTimeout(2500);
    expect(polls()).toBe(before);
    await ctx.close();
  });

  it('posts each status to the parent window when embedded', async () => {
    const ctx = await context({ viewport: DESKTOP });
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/embed/waiting-embed`);
    await expect.poll(() => harness.streams('waiting-embed'), { timeout: 3000 }).toBe(1);
    const base = harness.state('waiting-embed');
    harness.push('waiting-embed', {
      ...base,
      checkoutStatus: 'seen',
      paymentStatus: 'processing',
      amountReceived: '25.5',
      confirmations: 1,
    });
    harness.push('waiting-embed', {
      ...base,
      checkoutStatus: 'completed',
      paymentStatus: 'completed',
      amountReceived: '25.5',
      confirmations: 19,
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { messages: { status: string }[] }).messages.map((m) => m.status)), {
        timeout: 3000,
      })
      .toEqual(['pending', 'processing', 'completed']);
    const messages = await page.evaluate(() => (window as unknown as { messages: unknown[] }).messages);
    expect(messages[2]).toEqual({
      type: 'tpg.payment',
      payment_id: 'pay_01JCHECKOUTFIXTURE',
      status: 'completed',
      checkout_status: 'completed',
    });
    // embedded, the page does not navigate its frame away: the parent decides
    await page.waitForTimeout(300);
    expect(page.frames()[1]?.url()).toContain('/checkout/waiting-embed');
    await ctx.close();
  });
});

describe('the page', () => {
  it('copies the address and says so to screen readers', async () => {
    const ctx = await context();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.url });
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/checkout/waiting-copy`);
    await page.getByRole('button', { name: 'Copy address' }).click();
    await expect.poll(() => page.locator('#tpg-live').textContent(), { timeout: 2000 }).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FIXTURE_ADDRESS);
    await ctx.close();
  });

  it('remembers the theme chosen with the toggle', async () => {
    const ctx = await context({ colorScheme: 'light' });
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/checkout/waiting-theme`);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(14, 16, 20)');
    await ctx.close();
  });

  it('applies the merchant accent colour through the CSSOM (no inline style under the CSP)', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/checkout/completed-accent`);
    const button = page.getByRole('link', { name: 'Return to Northwind Coffee' });
    expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 118, 110)');
    expect(await button.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
    await ctx.close();
  });

  it('creates a payment per visit of a payment link', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/pay/open_link`);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('checkout-link-mobile.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));
    await page.getByLabel('Amount in USDT').fill('12.5');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL(/\/checkout\/waiting-link-\d+$/);
    const first = page.url();
    await page.goto(`${harness.url}/pay/open_link`);
    await page.getByLabel('Amount in USDT').fill('12.5');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL(/\/checkout\/waiting-link-\d+$/);
    expect(page.url()).not.toBe(first);
    await ctx.close();
  });
});

interface WalletCall {
  method: string;
  args: unknown[];
}

/** a stand-in for a wallet's injected tronWeb that records what the page asks of it */
function fakeWallet() {
  return ({ rejectWith }: { rejectWith: string | null }) => {
    const calls: { method: string; args: unknown[] }[] = [];
    (window as unknown as { walletCalls: typeof calls }).walletCalls = calls;
    const record =
      (method: string, result: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        calls.push({ method, args: JSON.parse(JSON.stringify(args)) });
        return Promise.resolve(result(...args));
      };
    (window as unknown as { tronWeb: unknown }).tronWeb = {
      ready: true,
      defaultAddress: { base58: 'TPayerPayerPayerPayerPayerPayerPay1' },
      transactionBuilder: {
        triggerSmartContract: record('triggerSmartContract', () => ({ result: { result: true }, transaction: { txID: 'ab'.repeat(32) } })),
        sendTrx: record('sendTrx', () => ({ txID: 'cd'.repeat(32) })),
      },
      trx: {
        sign: (...args: unknown[]) => {
          calls.push({ method: 'sign', args: JSON.parse(JSON.stringify(args)) });
          return rejectWith === null ? Promise.resolve({ signed: true, txID: 'ab'.repeat(32) }) : Promise.reject(rejectWith);
        },
        sendRawTransaction: record('sendRawTransaction', () => ({ result: true, txid: 'ab'.repeat(32) })),
      },
    };
  };
}

describe('Pay with wallet', () => {
  it('sends exactly the amount due to the deposit address through the TRC-20 contract', async () => {
    const ctx = await context();
    await ctx.addInitScript(fakeWallet(), { rejectWith: null });
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/checkout/underpaid-wallet`);
    await page.getByRole('button', { name: 'Pay with wallet' }).click();
    await expect
      .poll(() => page.locator('[data-bind="walletMsg"]').textContent(), { timeout: 2000 })
      .toBe('Sent from your wallet. Waiting for the network.');
    const calls = (await page.evaluate(() => (window as unknown as { walletCalls: WalletCall[] }).walletCalls)) as WalletCall[];
    expect(calls.map((c) => c.method)).toEqual(['triggerSmartContract', 'sign', 'sendRawTransaction']);
    expect(calls[0]?.args).toEqual([
      FIXTURE_CONTRACT,
      'transfer(address,uint256)',
      { feeLimit: 100_000_000 },
      [
        { type: 'address', value: FIXTURE_ADDRESS },
        { type: 'uint256', value: '15500000' },
      ],
      'TPayerPayerPayerPayerPayerPayerPay1',
    ]);
    expect(calls[2]?.args).toEqual([{ signed: true, txID: 'ab'.repeat(32) }]);
    await ctx.close();
  });

  it('sends TRX with sendTrx, and says so politely when the customer declines', async () => {
    const ctx = await context();
    await ctx.addInitScript(fakeWallet(), { rejectWith: 'Confirmation declined by user' });
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/checkout/trx-waiting-wallet`);
    expect(await page.locator('.chip').textContent()).toBe('TRX on TRON');
    await page.getByRole('button', { name: 'Pay with wallet' }).click();
    await expect
      .poll(() => page.locator('[data-bind="walletMsg"]').textContent(), { timeout: 2000 })
      .toBe('You cancelled the transfer in your wallet. Nothing was sent.');
    const calls = (await page.evaluate(() => (window as unknown as { walletCalls: WalletCall[] }).walletCalls)) as WalletCall[];
    expect(calls[0]).toEqual({ method: 'sendTrx', args: [FIXTURE_ADDRESS, 120_000_000, 'TPayerPayerPayerPayerPayerPayerPay1'] });
    expect(await page.getByRole('button', { name: 'Pay with wallet' }).isEnabled()).toBe(true);
    saveShot('checkout-wallet-declined-mobile.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));
    await ctx.close();
  });

  it('is absent without an injected wallet', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${harness.url}/checkout/waiting-nowallet`);
    await page.waitForTimeout(400);
    expect(await page.locator('[data-wallet]').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Copy address' }).isVisible()).toBe(true);
    await ctx.close();
  });
});

describe('the whole file', () => {
  it('saw no console error and no CSP violation on any page', () => {
    expect(problems).toEqual([]);
  });
});

/**
 * The hosted checkout end to end, on both engines: a real gateway core listening on 127.0.0.1 over a
 * real in-process devnet, Chromium on its checkout page, and a customer paying while the page is open —
 * from a TronWeb wallet of their own, and through "Pay with wallet" with a wallet injected in the page.
 * The page follows waiting → seen → completed without a reload and lands on success_url?payment_id=….
 *
 * The injected wallet: `window.tronWeb` forwards each call (build, sign, broadcast) to a real TronWeb
 * instance in the test process holding a funded devnet key, the way a wallet extension's page object
 * forwards to its background; the page cannot reach the devnet itself (another origin, no CORS, and the
 * page's CSP allows only its own origin), and a real wallet's requests do not come from the page either.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jsQRModule from 'jsqr';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { newWallet, type TestWallet } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools } from './refunds-harness.js';

declare const document: { documentElement: { getAttribute(name: string): string | null; classList: { contains(name: string): boolean } } };
declare const window: { [name: string]: unknown };

const jsQR = (typeof jsQRModule === 'function' ? jsQRModule : jsQRModule.default) as typeof jsQRModule.default;

let browser: Browser;
let shop: Server;
let shopUrl: string;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  shop = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="en"><title>Thanks</title><h1>Thanks for your order</h1></html>');
  });
  await new Promise<void>((done) => shop.listen(0, '127.0.0.1', done));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => shop?.close(done));
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

async function checkoutStatus(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('data-checkout-status'));
}

describe.each(ENGINES)('checkout in a browser against the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  let base: string;
  let payer: TestWallet;
  const tools = moneyTools(() => gw);

  beforeAll(async () => {
    // checkout and payment-link URLs are absolute under server.public_url: the port is chosen first
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    gw = await startMoneyGateway(engine, { config: { server: { public_url: base }, checkout: { poll_interval_ms: 50 } } });
    await gw.app.listen({ host: '127.0.0.1', port });
    payer = newWallet();
    await gw.fund(payer.base58, { trx: '500', usdt: '1000' });
    gw.mine(1);
  });
  afterAll(async () => gw?.close());

  const create = async (amount: string): Promise<PaymentJson & { checkout_url: string }> => {
    const created = (await tools.create({
      payee_address: gw.addresses[0],
      amount,
      currency: 'USDT',
      success_url: `${shopUrl}/thanks`,
      cancel_url: `${shopUrl}/cart`,
      customer_email: 'ana@example.com',
    })) as PaymentJson & { checkout_url: string };
    expect(created.checkout_url.startsWith(`${base}/checkout/`)).toBe(true);
    return created;
  };

  /** the page at the payment's checkout URL */
  const open = async (created: { checkout_url: string }, init?: (page: Page) => Promise<void>) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/404 \(Not Found\)/.test(message.text())) errors.push(message.text());
    });
    if (init) await init(page);
    await page.goto(created.checkout_url);
    await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    await expect.poll(() => gw.core.checkoutHub.size, { timeout: 3000 }).toBeGreaterThan(0);
    return { page, context, errors };
  };

  /** mines the transfer in and scans: the page shows it seen, then completed, then returns to the shop */
  const followToTheShop = async (page: Page, paymentId: string) => {
    gw.mine(1);
    await tools.scanner().scanOnce();
    await page.waitForFunction(
      () => ['seen', 'confirmed', 'completed'].includes(document.documentElement.getAttribute('data-checkout-status') ?? ''),
      null,
      { timeout: 3000 },
    );
    const midway = await checkoutStatus(page);
    gw.mineUntilSolid();
    await tools.scanner().scanOnce();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-payment-status') === 'completed', null, { timeout: 3000 });
    await page.waitForURL(`${shopUrl}/thanks?payment_id=${paymentId}`, { timeout: 10_000 });
    return midway;
  };

  it('a customer pays from a TronWeb wallet while the page is open: live states, then success_url?payment_id=…', async () => {
    const created = await create('25.5');
    const { page, context, errors } = await open(created);
    expect(await page.getAttribute('html', 'data-payment-status')).toBe('pending');
    expect(await checkoutStatus(page)).toBe('waiting');
    expect(await page.locator('#tpg-amount').textContent()).toBe('25.5');
    expect(await page.locator('#tpg-address').textContent()).toBe(created.deposit_address);
    const png = PNG.sync.read(await page.locator('[data-qr]').screenshot());
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(created.deposit_address);
    await page.evaluate(() => {
      window.notReloaded = true;
    });

    const wallet = new TronWeb({ fullHost: gw.devnet.url, privateKey: payer.privateKey });
    const usdt = await wallet.contract().at(gw.devnet.usdtAddress);
    await usdt.transfer(created.deposit_address as string, '25500000').send({ feeLimit: 100_000_000 });
    const midway = await followToTheShop(page, created.payment_id);
    expect(['seen', 'confirmed']).toContain(midway);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Pay with wallet" with an injected TronWeb wallet pays the exact amount, and the page completes', async () => {
    const created = await create('7.25');
    const wallet = new TronWeb({ fullHost: gw.devnet.url, privateKey: payer.privateKey });
    const calls: string[] = [];
    const { page, context, errors } = await open(created, async (p) => {
      await p.exposeFunction('tpgWalletCall', async (method: string, args: unknown[]) => {
        calls.push(method);
        const [a, b, c, d, e] = args as [never, never, never, never, never];
        if (method === 'triggerSmartContract') return wallet.transactionBuilder.triggerSmartContract(a, b, c, d, e);
        if (method === 'sendTrx') return wallet.transactionBuilder.sendTrx(a, b, c);
        if (method === 'sign') return wallet.trx.sign(a);
        if (method === 'sendRawTransaction') return wallet.trx.sendRawTransaction(a);
        throw new Error(`unexpected wallet call ${method}`);
      });
      await p.addInitScript((address: string) => {
        const call =
          (method: string) =>
          (...args: unknown[]) =>
            (window.tpgWalletCall as (m: string, a: unknown[]) => Promise<unknown>)(method, args);
        window.tronWeb = {
          ready: true,
          defaultAddress: { base58: address },
          transactionBuilder: { triggerSmartContract: call('triggerSmartContract'), sendTrx: call('sendTrx') },
          trx: { sign: call('sign'), sendRawTransaction: call('sendRawTransaction') },
        };
      }, payer.base58);
    });
    await page.getByRole('button', { name: 'Pay with wallet' }).click();
    await expect
      .poll(() => page.locator('[data-bind="walletMsg"]').textContent(), { timeout: 5000 })
      .toBe('Sent from your wallet. Waiting for the network.');
    expect(calls).toEqual(['triggerSmartContract', 'sign', 'sendRawTransaction']);
    await followToTheShop(page, created.payment_id);
    const paid = await tools.get(created.payment_id);
    expect(paid).toMatchObject({ status: 'completed', amount_received: '7.25' });
    expect(errors).toEqual([]);
    await context.close();
  });
  it('underpaid: the page shows exactly what is still due and keeps waiting; "Cancel and return" is gone', async () => {
    const created = await create('10');
    const { page, context, errors } = await open(created);
    const wallet = new TronWeb({ fullHost: gw.devnet.url, privateKey: payer.privateKey });
    const usdt = await wallet.contract().at(gw.devnet.usdtAddress);
    await usdt.transfer(created.deposit_address as string, '3250000').send({ feeLimit: 100_000_000 });
    gw.mine(1);
    await tools.scanner().scanOnce();
    gw.mineUntilSolid();
    await tools.scanner().scanOnce();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-checkout-status') === 'underpaid', null, {
      timeout: 3000,
    });
    expect(await page.locator('#tpg-amount').textContent()).toBe('6.75');
    expect(await page.locator('[data-bind="statusBody"]').textContent()).toBe(
      'Received 3.25 USDT. Please send the remaining 6.75 USDT to the same address.',
    );
    expect(await page.locator('#tpg-address').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cancel and return' }).isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Cancel and return" cancels a payment that received nothing and goes to cancel_url', async () => {
    const created = await create('4');
    const { page, context } = await open(created);
    await page.getByRole('button', { name: 'Cancel and return' }).click();
    await page.waitForURL(`${shopUrl}/cart`, { timeout: 5000 });
    expect((await tools.get(created.payment_id)).status).toBe('cancelled');
    await context.close();
  });

  it('a payment link creates a new payment per visit, at the amount the customer types', async () => {
    const res = await gw.call<{ url: string }>('POST', '/api/v1/payment-links', {
      key: gw.adminKey,
      body: { currency: 'USDT', payee_address: gw.addresses[0], description: 'Tip jar' },
    });
    expect(res.status, res.text).toBe(201);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const visit = async () => {
      await page.goto(res.body.url);
      expect(await page.locator('.description').textContent()).toBe('Tip jar');
      await page.getByLabel('Amount in USDT').fill('12.5');
      await page.getByRole('button', { name: 'Continue to payment' }).click();
      await page.waitForURL(/\/checkout\/[^/]+$/, { timeout: 5000 });
      expect(await page.locator('#tpg-amount').textContent()).toBe('12.5');
      return page.url();
    };
    const first = await visit();
    const second = await visit();
    expect(second).not.toBe(first);
    await context.close();
  });
});

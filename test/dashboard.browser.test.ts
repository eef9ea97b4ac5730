/**
 * The operator's dashboard in a real browser (Debian's Chromium through playwright-core) against a whole
 * gateway on the in-process devnet, on SQLite and PostgreSQL: sign in, the overview with its chart, a
 * payment created and paid through the API found by search and refunded in part from its page (the
 * refund exists in the API afterwards), axe-core on every page, no CSP violation or page error.
 * TPG_WRITE_SCREENSHOTS=1 also writes each page into docs/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/dashboard/ui/api.js';
import type { Devnet } from '../src/devnet/devnet.js';
import { launchChromium, saveShot, seriousViolations } from './checkout-browser-harness.js';
import { signInWithKey, watchedContext } from './dashboard-browser-harness.js';
import { ENGINES } from './db-harness.js';
import { newWallet, startTestDevnet, usdtBalance } from './devnet-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools, USDT } from './refunds-harness.js';

describe.each(ENGINES)('dashboard in Chromium (%s)', (engine) => {
  let gw: MoneyGateway;
  let base: string;
  let browser: Browser;
  let devnet: Devnet;
  const problems: string[] = [];
  const t = moneyTools(() => gw);

  beforeAll(async () => {
    devnet = await startTestDevnet();
    // a devnet has no explorer: the dashboard links its node's answer for the transaction
    gw = await startMoneyGateway(engine, {
      devnet,
      config: { network: { rpc_urls: [devnet.url] }, transaction_limits: { approval_threshold: '500' } },
    });
    await t.scanner().scanOnce(); // the first pass starts the cursor at the head
    base = await gw.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
    await devnet?.stop();
  });

  const newContext = () => watchedContext(browser, problems);
  const signIn = (page: Page, key: string) => signInWithKey(page, base, key);

  it('serves the shell with a nonce CSP and hashed, immutable assets', async () => {
    const shell = await fetch(`${base}/dashboard/payments`);
    expect(shell.status).toBe(200);
    const csp = shell.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await shell.text();
    expect(html).toContain(`nonce="${nonce}"`);
    const script = /src="(\/dashboard\/assets\/dashboard\.[A-Z0-9]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base}${script}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('signs in with a key, shows the overview with its chart, and axe finds nothing serious', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${base}/dashboard`);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-login.png', await page.screenshot({ animations: 'disabled' }));

    await page.getByLabel('API key').fill('not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Sign-in failed');

    // volume to draw (every payment created counts): a paid collection and an open one
    const payer = await t.payer();
    await t.collect(payer, { amount: '25', payee_address: gw.addresses[0] }, 25n * USDT);
    await t.create({ amount: '12', payee_address: gw.addresses[0] }); // open: a link to act on
    await signIn(page, gw.adminKey);
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.getByText('USDT: 37 in the period').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-overview.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    // keyboard: a page opens with its heading focused (announced), and Tab goes on into its content
    expect(await page.evaluate('document.activeElement.tagName')).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Review');
    await context.close();
    expect(problems).toEqual([]);
  });

  it('finds a payment created through the API and refunds part of it from its page', async () => {
    const payer = await t.payer();
    const reference = `order-${engine}-1042`;
    const { payment } = await t.collect(
      payer,
      { amount: '40', payee_address: gw.addresses[1], payer_address: payer.base58, reference_id: reference },
      40n * USDT,
    );
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, gw.adminKey);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    await page.getByRole('link', { name: payment.payment_id }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-payments.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    // the search box finds it by its transaction id, its deposit address and its reference
    const searches: [string, string][] = [
      [payment.transaction_id as string, 'transaction_id'],
      [payment.deposit_address as string, 'address'],
      [reference, 'reference_id'],
    ];
    for (const [text, param] of searches) {
      await page.getByLabel('Search').fill(text);
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL(new RegExp(`${param}=`));
      await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
      await page.getByRole('link', { name: payment.payment_id }).waitFor();
    }
    await page.getByRole('link', { name: payment.payment_id }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(payment.payment_id) }).waitFor();
    expect(await page.getByText('Completed').count()).toBeGreaterThan(0);
    const chainLink = page.getByRole('link', { name: `View on the explorer: ${payment.transaction_id}` });
    expect(await chainLink.getAttribute('href')).toBe(
      `${devnet.url}/wallet/gettransactionbyid?value=${payment.transaction_id}&visible=true`,
    );
    const onChain = (await (await fetch((await chainLink.getAttribute('href')) as string)).json()) as { txID: string };
    expect(onChain.txID).toBe(payment.transaction_id);

    await page.getByLabel('Amount to refund').fill('15');
    await page.getByLabel('Reason').selectOption('merchant_initiated');
    await page.getByRole('button', { name: 'Refund' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Refund' });
    await done.waitFor();
    const refundId = /(rfd_[0-9a-z]+|ref_[0-9a-z]+|refund_[0-9a-z]+)/.exec((await done.textContent()) ?? '')?.[1];
    expect(refundId).toBeDefined();
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-payment.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));
    // a phone: the same page reflows into one column, nothing scrolls sideways
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-payment-mobile.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    // the API (through the same typed client) has the refund the page asked for
    const client = createApi(base, () => ({ kind: 'api-key', key: gw.adminKey }));
    const { data } = await client.GET('/api/v1/payments/refunds/{refund_id}', { params: { path: { refund_id: refundId as string } } });
    expect(data).toMatchObject({ payment_id: payment.payment_id, amount: '15', reason: 'merchant_initiated', status: 'pending' });
    await context.close();
    expect(problems).toEqual([]);
  });

  it('approves a held payout from the queue and it completes on the devnet; rejects another with a note', async () => {
    const creator = await gw.key(['payments:write', 'payouts:write']);
    const payee = newWallet().base58;
    const held = await t.create({ payment_method: 'route', payee_address: payee, amount: '600' }, creator);
    const other = await t.create({ payment_method: 'route', payee_address: payee, amount: '700' }, creator);
    expect(held.approval_status).toBe('required');
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, gw.adminKey);
    await page.getByRole('link', { name: 'Review' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Payouts waiting for approval' }).waitFor();
    await page.getByRole('button', { name: `Approve ${held.payment_id}` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-payouts.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    await page.getByRole('button', { name: `Approve ${held.payment_id}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${held.payment_id} approved` })
      .waitFor();
    await page.getByLabel('Note (the reason when rejecting)').fill('payee not verified');
    await page.getByRole('button', { name: `Reject ${other.payment_id}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${other.payment_id} rejected` })
      .waitFor();
    await page.getByText('No payout is waiting for approval.').waitFor();
    expect(await t.get(other.payment_id)).toMatchObject({ status: 'cancelled', cancel_reason: 'payee not verified' });

    await t.settleSends();
    await page.goto(`${base}/dashboard/payments/${held.payment_id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(held.payment_id) }).waitFor();
    await page.locator('h1 .badge-completed').waitFor();
    expect(await usdtBalance(gw.devnet, payee)).toBeGreaterThan(0n);
    await context.close();
    expect(problems).toEqual([]);
  });
});

/**
 * The operator's dashboard in a real browser (Debian's Chromium through playwright-core) against a whole
 * gateway on the in-process devnet, on SQLite and PostgreSQL: sign in (with a TOTP code) and out, the
 * overview with its chart, a payment created and paid through the API found by search and refunded in
 * part from its page (the refund exists in the API afterwards), a held payout approved and completed on
 * the devnet, a viewer who sees no control that changes anything (and whom the API refuses), axe-core on
 * every page, no CSP violation or page error.
 * TPG_WRITE_SCREENSHOTS=1 also writes each page into docs/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/dashboard/ui/api.js';
import type { Devnet } from '../src/devnet/devnet.js';
import { launchChromium, saveShot, seriousViolations } from './checkout-browser-harness.js';
import {
  createDashboardUser,
  type DashboardTestUser,
  signIn as signInAs,
  USER_PASSWORD,
  watchedContext,
} from './dashboard-browser-harness.js';
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
    operator = await createDashboardUser(gw, 'operator');
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
    await devnet?.stop();
  });

  const newContext = () => watchedContext(browser, problems);
  const signIn = (page: Page, user: DashboardTestUser) => signInAs(page, base, user);
  let operator: DashboardTestUser;

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

  it('signs in with a TOTP code, shows the overview with its chart, signs out; axe finds nothing serious', async () => {
    const owner = await createDashboardUser(gw, 'owner', Buffer.from('12345678901234567890'));
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${base}/dashboard`);
    await page.getByLabel('Email').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-login.png', await page.screenshot({ animations: 'disabled' }));

    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Sign-in failed');

    // the right password: the server asks for the second factor, and the code field takes the focus
    await page.getByLabel('Password').fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').waitFor();
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('totp');
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-login-totp.png', await page.screenshot({ animations: 'disabled' }));

    // volume to draw (every payment created counts): a paid collection and an open one
    const payer = await t.payer();
    await t.collect(payer, { amount: '25', payee_address: gw.addresses[0] }, 25n * USDT);
    await t.create({ amount: '12', payee_address: gw.addresses[0] }); // open: a link to act on
    await page.getByLabel('Authentication code').fill((owner.totp as () => string)());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await page.getByText(`${owner.email} (owner)`).count()).toBe(1);
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.getByText('USDT: 37 in the period').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-overview.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    // keyboard: a page opens with its heading focused (announced), and Tab goes on into its content
    expect(await page.evaluate('document.activeElement.tagName')).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Review');

    // a reload keeps the session (the cookie; the CSRF token comes back from GET /api/v1/session)
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    // nothing of the session is in the page's storage: the cookie is HttpOnly
    expect(await page.evaluate('document.cookie + JSON.stringify(sessionStorage) + JSON.stringify(localStorage)')).toBe('{}{}');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    await page.reload();
    await page.getByLabel('Email').waitFor();
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
    await signIn(page, operator);
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
    await signIn(page, operator);
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
    const otherItem = page.getByRole('listitem').filter({ hasText: other.payment_id });
    await otherItem.getByLabel('Note (kept with your decision)').fill('payee not verified');
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

  it('shows a viewer everything but no control that changes anything, and the API refuses the viewer', async () => {
    const viewer = await createDashboardUser(gw, 'viewer');
    const payer = await t.payer();
    const { payment } = await t.collect(payer, { amount: '9', payee_address: gw.addresses[2] }, 9n * USDT);
    const pending = await t.create({ amount: '3', payee_address: gw.addresses[2] });
    const held = await t.create({ payment_method: 'route', payee_address: newWallet().base58, amount: '800' });
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, viewer);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // settings are read-only for a viewer (test/dashboard.settings.browser.test.ts); the account is their own
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Overview',
      'Payments',
      'Payouts',
      'Settlements',
      'Reconciliation',
      'Wallet',
      'Merchant settings',
      'Your account',
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    for (const id of [payment.payment_id, pending.payment_id]) {
      await page.goto(`${base}/dashboard/payments/${id}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(id) }).waitFor();
      expect(await page.getByRole('button').allTextContents()).toEqual(['Sign out']);
      expect(await page.getByRole('textbox').count()).toBe(0);
    }
    await nav.getByRole('link', { name: 'Payouts' }).click();
    await page.getByRole('link', { name: held.payment_id }).waitFor();
    expect(await page.getByRole('button').allTextContents()).toEqual(['Sign out']);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-payouts-viewer.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));
    // the pages it cannot use are not there either
    await page.goto(`${base}/dashboard/keys`);
    await page.getByRole('heading', { level: 1, name: 'There is no such page.' }).waitFor();

    // and the API, asked directly with the viewer's own session and CSRF token, refuses
    const refused = await page.evaluate(`(async () => {
      const session = await (await fetch('/api/v1/session')).json();
      const answer = await fetch('/api/v1/payments/refund', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token },
        body: JSON.stringify({ payment_id: '${payment.payment_id}', amount: '1', reason: 'user_request' }),
      });
      return answer.status;
    })()`);
    expect(refused).toBe(403);
    expect((await t.get(pending.payment_id)).status).toBe('pending');
    await context.close();
    expect(problems).toEqual([]);
  });
});

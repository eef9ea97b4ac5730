/**
 * The dashboard's administration pages in Chromium on both engines: an owner invites a viewer (one-time
 * password shown once) who then sees no control that changes the merchant and whom the API refuses;
 * the audit chain is verified with visible progress, and a record changed in the database is named;
 * branding saved on the settings page shows on the checkout; TOTP is turned on from the account page.
 * Security: a page on another origin posting to the gateway (form and fetch) changes nothing; a session
 * cookie planted before login is replaced; a session ended from the account page cannot act.
 * axe-core on each page. TPG_WRITE_SCREENSHOTS=1 also writes the pages into docs/screenshots/.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpAt } from '../src/modules/dashboard-users/totp.js';
import { launchChromium, saveShot, seriousViolations } from './checkout-browser-harness.js';
import { createDashboardUser, type DashboardTestUser, signIn, USER_PASSWORD, watchedContext } from './dashboard-browser-harness.js';
import { ENGINES } from './db-harness.js';
import { type PaymentJson, startTestGateway, type TestGateway } from './gateway-harness.js';

const shot = async (page: Page, name: string) => saveShot(name, await page.screenshot({ fullPage: true, animations: 'disabled' }));
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

/** A tiny real PNG (the logo route checks the signature). */
function logoPng(): Buffer {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(0x40);
  return PNG.sync.write(png);
}

/** The session's CSRF token, as the dashboard gets it after a reload. */
async function csrfOf(context: BrowserContext, base: string): Promise<string> {
  const answer = await context.request.get(`${base}/api/v1/session`);
  return ((await answer.json()) as { csrf_token: string }).csrf_token;
}

describe.each(ENGINES)('dashboard administration pages in Chromium (%s)', (engine) => {
  let gw: TestGateway;
  let base: string;
  let browser: Browser;
  let owner: DashboardTestUser;
  let attacker: FastifyInstance;
  let attackerBase: string;
  const problems: string[] = [];

  beforeAll(async () => {
    gw = await startTestGateway(engine);
    base = await gw.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    owner = await createDashboardUser(gw, 'owner');
    attacker = Fastify();
    attacker.get('/', async (request, reply) =>
      reply.type('text/html').send(attackerPage(base, String((request.query as { mode?: string }).mode))),
    );
    await attacker.listen({ host: '127.0.0.1', port: 0 });
    attackerBase = `http://127.0.0.1:${(attacker.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await attacker?.close();
    await gw?.close();
  });

  async function ownerPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await signIn(page, base, owner);
    return { context, page };
  }

  it('an owner invites a viewer, who sees no control that changes the merchant and whom the API refuses', async () => {
    const { context, page } = await ownerPage();
    await nav(page, 'Users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const email = `viewer-invited-${engine}@shop.example`;
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Invite' }).click();
    const oneTime = ((await page.getByTestId('one-time-password').textContent()) as string).trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    await page.getByRole('cell', { name: email, exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dashboard-users.png');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.content()).not.toContain(oneTime);

    // the viewer's first sign-in replaces the one-time password
    const viewerContext = await watchedContext(browser, problems);
    const viewer = await viewerContext.newPage();
    await viewer.goto(`${base}/dashboard`);
    await viewer.getByLabel('Email').fill(email);
    await viewer.getByLabel('Password').fill(oneTime);
    await viewer.getByRole('button', { name: 'Sign in' }).click();
    await viewer.getByLabel('One-time password').fill(oneTime);
    await viewer.getByLabel('New password').fill(USER_PASSWORD);
    await viewer.getByRole('button', { name: 'Save password' }).click();
    await viewer.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    // no Users or Audit log for a viewer; settings are read-only
    const links = await viewer.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(links).not.toContain('Users');
    expect(links).not.toContain('Audit log');
    await nav(viewer, 'Merchant settings');
    await viewer.getByRole('heading', { level: 2, name: 'Limits' }).waitFor();
    await viewer.getByText('Your role can look at this page but not change it.').waitFor();
    expect(await viewer.getByRole('button').allTextContents()).toEqual(['Sign out']);
    expect(await viewer.locator('input, select, textarea').count()).toBe(0);
    expect(await seriousViolations(viewer)).toEqual([]);
    for (const path of ['/users', '/audit']) {
      await viewer.goto(`${base}/dashboard${path}`);
      await viewer.getByRole('heading', { level: 1, name: 'There is no such page.' }).waitFor();
    }
    // and the API refuses the same changes from the viewer's session, CSRF token and all
    const csrf = await csrfOf(viewerContext, base);
    const headers = { 'x-csrf-token': csrf, origin: base, 'content-type': 'application/json' };
    const put = await viewerContext.request.put(`${base}/api/v1/merchant/branding`, { headers, data: { display_name: 'viewer was here' } });
    expect(put.status()).toBe(403);
    const invite = await viewerContext.request.post(`${base}/api/v1/users`, { headers, data: { email: 'x@shop.example', role: 'owner' } });
    expect(invite.status()).toBe(403);
    expect((await viewerContext.request.get(`${base}/api/v1/audit/verify`)).status()).toBe(403);
    expect((await gw.core.dashboard.users.listUsers(gw.merchantId)).map((u) => u.email)).not.toContain('x@shop.example');

    // the owner makes them an operator, then resets their password: every session of theirs ends
    await page.getByRole('combobox', { name: `Role of ${email}` }).selectOption('operator');
    await page
      .getByRole('status')
      .filter({ hasText: `${email} is now operator.` })
      .waitFor();
    await page
      .getByRole('row', { name: new RegExp(email) })
      .getByRole('button', { name: 'Reset password' })
      .click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    const reset = ((await page.getByTestId('one-time-password').textContent()) as string).trim();
    expect(reset).not.toBe(oneTime);
    await viewer.goto(`${base}/dashboard/settings`);
    await viewer.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await viewerContext.close();
    await context.close();
    expect(problems).toEqual([]);
  });

  it('shows an admin the users without a control to change them', async () => {
    const admin = await createDashboardUser(gw, 'admin');
    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await signIn(page, base, admin);
    await nav(page, 'Users');
    await page.getByRole('cell', { name: owner.email, exact: true }).waitFor();
    await page.getByText('Only an owner invites and manages users').waitFor();
    expect(await page.getByRole('button').allTextContents()).toEqual(['Sign out']);
    expect(await page.locator('main input, main select').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('verifies the audit chain with visible progress, and names a record changed in the database', async () => {
    const { context, page } = await ownerPage();
    await nav(page, 'Audit log');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    // the owner's own records are listed, and the filters narrow them
    await page.getByLabel('Action', { exact: true }).fill('session.created');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.url()).toMatch(/action=session\.created/);
    // the list reloads with the filter: only logins are left
    const actions = () => page.locator('tbody tr td:nth-child(4)').allTextContents();
    await expect.poll(async () => [...new Set(await actions())]).toEqual(['session.created']);

    const head = await gw.db.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByRole('status').filter({ hasText: 'The chain is intact' }).waitFor();
    const progress = page.getByRole('progressbar', { name: 'Records verified' });
    const [value, max] = [await progress.getAttribute('value'), await progress.getAttribute('max')];
    expect(Number(value)).toBeGreaterThanOrEqual(Number(head.seq));
    expect(value).toBe(max);
    await page.getByText(`${value} of ${max} records verified`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dashboard-audit.png');

    // a record changed behind the gateway's back is named by its seq; put it back afterwards
    const victim = await gw.db.db.selectFrom('audit_log').select(['seq', 'action']).where('seq', '=', 2).executeTakeFirstOrThrow();
    await gw.db.db.updateTable('audit_log').set({ action: 'nothing.happened' }).where('seq', '=', 2).execute();
    try {
      await page.getByRole('button', { name: 'Verify the chain' }).click();
      await page.getByRole('alert').filter({ hasText: 'The chain is broken: record 2 was changed after it was written.' }).waitFor();
      expect(await page.locator('.verify-progress p').textContent()).toMatch(/^1 of \d+ records verified$/);
    } finally {
      await gw.db.db.updateTable('audit_log').set({ action: victim.action }).where('seq', '=', 2).execute();
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('saves branding on the settings page and the checkout shows it; limits and schedule are listed', async () => {
    const { context, page } = await ownerPage();
    await nav(page, 'Merchant settings');
    await page.getByRole('heading', { level: 1, name: 'Merchant settings' }).waitFor();
    await page.getByLabel('Display name').fill(`Hat Shop ${engine}`);
    await page.getByLabel('Accent colour').fill('#1a2b3c');
    await page.getByLabel('Support email').fill('help@shop.example');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByRole('status').filter({ hasText: 'Branding saved' }).waitFor();
    await page.getByLabel('Upload logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng() });
    await page.getByRole('status').filter({ hasText: 'Logo uploaded.' }).waitFor();
    await page.getByRole('img', { name: 'Current logo' }).waitFor();
    // an accent that is no colour is refused with the field named
    await page.getByLabel('Accent colour').fill('blue');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByRole('alert').filter({ hasText: 'accent_color' }).waitFor();

    // limits and the schedule, from the configuration
    const limits = page.getByRole('table', { name: 'Amount limits per asset' });
    await limits.getByRole('cell', { name: 'USDT', exact: true }).waitFor();
    await page.getByText(`${gw.config.limits.ratePerMinute}`, { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Settlement schedule' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dashboard-settings.png');

    const created = await gw.call<PaymentJson & { checkout_url: string }>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payee_address: gw.addresses[0], amount: '25' },
    });
    expect(created.status, created.text).toBe(201);
    await page.goto(`${base}${new URL(created.body.checkout_url).pathname}`);
    await page.getByText(`Hat Shop ${engine}`).first().waitFor();
    await page.locator('img[src*="/logo"]').first().waitFor();
    await context.close();
    expect(problems).toEqual([]);
  });

  it('turns TOTP on from the account page: the key, a code, recovery codes shown once', async () => {
    const user = await createDashboardUser(gw, 'operator');
    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await signIn(page, base, user);
    await nav(page, 'Your account');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    const secret = base32Decode(((await page.getByTestId('totp-secret').textContent()) as string).trim()) as Buffer;
    await page.getByLabel('Code from the app').fill(totpAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Your recovery codes' }).waitFor();
    const codes = await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByText('On: signing in asks for a code').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dashboard-account.png');
    const stored = await gw.db.db
      .selectFrom('dashboard_users')
      .select('totp_secret')
      .where('email', '=', user.email)
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret).not.toBeNull();
    await context.close();
    expect(problems).toEqual([]);
  });

  it('a page on another origin cannot change anything with the signed-in browser (form and fetch)', async () => {
    // a plain context: the refused requests are meant to log errors here
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, base, owner);
    const usersBefore = await gw.count('dashboard_users');
    const brandingBefore = await gw.db.db.selectFrom('merchant_branding').selectAll().execute();

    // 127.0.0.1 on another port is same-site: the Strict cookie is sent, so the CSRF token must refuse it
    const form = page.waitForResponse((r) => r.url() === `${base}/api/v1/users` && r.request().method() === 'POST');
    await page.goto(`${attackerBase}/?mode=form`);
    const formAnswer = await form;
    expect((await formAnswer.request().allHeaders()).cookie).toMatch(/tpg_session=/);
    expect(formAnswer.status()).toBe(403);

    const keysBefore = await gw.count('api_keys');
    const fetched = page.waitForResponse((r) => r.url() === `${base}/api/v1/keys` && r.request().method() === 'POST');
    await page.goto(`${attackerBase}/?mode=fetch`);
    expect((await fetched).status()).toBe(403);
    const put = page.waitForResponse((r) => r.url() === `${base}/api/v1/users` && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'again' }).click();
    expect((await put).status()).toBe(403);

    expect(await gw.count('dashboard_users')).toBe(usersBefore);
    expect(await gw.count('api_keys')).toBe(keysBefore);
    expect(await gw.db.db.selectFrom('merchant_branding').selectAll().execute()).toEqual(brandingBefore);
    // the session itself still works from the gateway's own page
    await page.goto(`${base}/dashboard/users`);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await context.close();
  });

  it('replaces a session cookie planted before login, and a session ended elsewhere cannot act', async () => {
    // a session id of the attacker's choosing, planted before the victim signs in
    const planted = 'planted-by-mallory-0123456789abcdef';
    const context = await watchedContext(browser, problems);
    await context.addCookies([{ name: 'tpg_session', value: planted, url: base }]);
    const page = await context.newPage();
    await signIn(page, base, owner);
    const after = (await context.cookies(base)).find((c) => c.name === 'tpg_session')?.value;
    expect(after).toBeTruthy();
    expect(after).not.toBe(planted);
    // the planted id opened nothing: with it alone the gateway still answers 401
    const withPlanted = await gw.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `tpg_session=${planted}` } });
    expect(withPlanted.statusCode).toBe(401);

    // a second browser of the owner, ended from the first one's account page
    const other = await watchedContext(browser, problems);
    const otherPage = await other.newPage();
    await signIn(otherPage, base, owner);
    const otherCsrf = await csrfOf(other, base);
    await nav(page, 'Your account');
    await page.getByRole('button', { name: 'Sign out other sessions' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /other sessions? ended/ })
      .waitFor();
    await page.getByText('You are signed in nowhere else.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const refused = await other.request.put(`${base}/api/v1/merchant/branding`, {
      headers: { 'x-csrf-token': otherCsrf, origin: base, 'content-type': 'application/json' },
      data: { display_name: 'from an ended session' },
    });
    expect(refused.status()).toBe(401);
    await otherPage.reload();
    await otherPage.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await other.close();
    await context.close();
    expect(problems).toEqual([]);
  });
});

/**
 * The attacker's page: `form` submits a form to the gateway at once (a top-level POST with the
 * browser's cookie); `fetch` sends credentialed requests the browser allows without asking (no preflight).
 */
function attackerPage(gateway: string, mode: string): string {
  if (mode === 'form') {
    return `<!doctype html><html lang="en"><title>win a prize</title>
<form id="f" method="POST" action="${gateway}/api/v1/users" enctype="text/plain">
<input name='{"email":"mallory@evil.example","role":"owner","x":"' value='"}'></form>
<script>document.getElementById('f').submit()</script></html>`;
  }
  return `<!doctype html><html lang="en"><title>win a prize</title>
<button id="again">again</button>
<script>
const send = (path) => fetch('${gateway}' + path, { method: 'POST', mode: 'no-cors', credentials: 'include',
  headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ email: 'mallory@evil.example', role: 'owner', name: 'pwned', scopes: ['admin'] }) });
send('/api/v1/keys');
document.getElementById('again').onclick = () => send('/api/v1/users');
</script></html>`;
}

/**
 * What the dashboard's browser tests share: a browser context that records console errors and page
 * errors (a CSP violation shows as one), dashboard users made through the users service (optionally with
 * a known TOTP secret), and signing in through the login page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DashboardRole } from '../src/modules/dashboard-users/dashboard-user.js';
import { base32Encode, totpAt } from '../src/modules/dashboard-users/totp.js';
import type { TestGateway } from './gateway-harness.js';

export const DESKTOP = { width: 1280, height: 860 };
export const USER_PASSWORD = 'correct horse battery staple';

export interface DashboardTestUser {
  email: string;
  role: DashboardRole;
  /** the current code of the user's authenticator, when TOTP is on */
  totp?: () => string;
}

/** A desktop context whose pages push every console error and page error into `problems`. */
export async function watchedContext(browser: Browser, problems: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  context.on('page', (page) => {
    page.on('console', (message) => {
      // the browser logs answers it got: /favicon.ico (404), credentials refused on purpose (401), the
      // viewer's state change the API refuses (403) and a password too short on purpose (422)
      if (message.type() === 'error' && !/status of (40[134]|422) /.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  });
  return context;
}

let seq = 0;

/** A user of the gateway's default merchant with USER_PASSWORD; `totpSecret` turns the second factor on. */
export async function createDashboardUser(gw: TestGateway, role: DashboardRole, totpSecret?: Buffer): Promise<DashboardTestUser> {
  const email = `${role}${++seq}@shop.example`;
  const manager = { role: 'owner' as const, actor: 'test', requestId: null };
  const created = await gw.core.dashboard.users.createUser({ merchantId: gw.merchantId, email, role, password: USER_PASSWORD }, manager);
  if (totpSecret === undefined) return { email, role };
  // enrolment itself is tested in test/dashboard-sessions.api.test.ts: here the secret is set as if confirmed
  await gw.db.db
    .updateTable('dashboard_users')
    .set({ totp_secret: base32Encode(totpSecret) })
    .where('id', '=', created.user.id)
    .execute();
  return { email, role, totp: () => totpAt(totpSecret, Date.now()) };
}

/** Signs in on the login page (the code when the server asks for one) and waits for the overview. */
export async function signIn(page: Page, base: string, user: DashboardTestUser): Promise<void> {
  await page.goto(`${base}/dashboard`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(USER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (user.totp) {
    await page.getByLabel('Authentication code').fill(user.totp());
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
}

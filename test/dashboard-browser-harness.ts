/**
 * What the dashboard's browser tests share: a browser context that records console errors and page
 * errors (a CSP violation shows as one), and signing in through the login page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 860 };

/** A desktop context whose pages push every console error and page error into `problems`. */
export async function watchedContext(browser: Browser, problems: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  context.on('page', (page) => {
    page.on('console', (message) => {
      // the browser logs answers it got: /favicon.ico (404) and credentials refused on purpose (401)
      if (message.type() === 'error' && !/status of 40[14] /.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  });
  return context;
}

/** Signs in on the login page with an API key (development sign-in) and waits for the overview. */
export async function signInWithKey(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/dashboard`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
}

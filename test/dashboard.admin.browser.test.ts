/**
 * The dashboard's integration pages in Chromium on both engines, over a gateway with its workers
 * running (no chain needed): a webhook delivery that failed is seen with its answer and sent again from
 * the page until the receiver gets it; an API key is created with chosen scopes (its secret shown once
 * and working) and revoked (then refused); a one-time password is replaced before anything else.
 * axe-core on each page.
 * TPG_WRITE_SCREENSHOTS=1 also writes the pages into docs/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/dashboard/ui/api.js';
import { launchChromium, saveShot, seriousViolations } from './checkout-browser-harness.js';
import { createDashboardUser, type DashboardTestUser, signIn as signInAs, watchedContext } from './dashboard-browser-harness.js';
import { ENGINES } from './db-harness.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

describe.each(ENGINES)('dashboard webhooks and keys in Chromium (%s)', (engine) => {
  let gw: TestGateway;
  let base: string;
  let browser: Browser;
  let receiver: WebhookReceiver;
  const problems: string[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    gw = await startTestGateway(engine, {
      config: { webhooks: { allow_private_targets: true, require_https: false, retry_interval_seconds: 3600 } },
    });
    gw.core.startWorkers();
    base = await gw.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    admin = await createDashboardUser(gw, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
    await receiver?.close();
  });

  const api = () => createApi(base, () => ({ kind: 'api-key', key: gw.adminKey }));
  let admin: DashboardTestUser;
  const signIn = (page: Page) => signInAs(page, base, admin);

  it('shows a failed delivery with its answer and redelivers it until the endpoint has it', async () => {
    const registered = await api().POST('/api/v1/payments/webhooks/register', {
      body: { url: `${receiver.url}/hooks`, events: ['*'] },
    });
    expect(registered.response.status, JSON.stringify(registered.error)).toBe(201);
    const hook = registered.data as NonNullable<typeof registered.data>;
    receiver.secret = hook.secret;
    receiver.status = 500;
    const fired = await api().POST('/api/v1/payments/webhooks/{webhook_id}/test', { params: { path: { webhook_id: hook.id } } });
    const deliveryId = (fired.data as NonNullable<typeof fired.data>).id;
    const deliveryOf = async (id: string) =>
      (await api().GET('/api/v1/payments/webhooks/deliveries/{delivery_id}', { params: { path: { delivery_id: id } } })).data;
    await expect.poll(async () => (await deliveryOf(deliveryId))?.last_status_code, { timeout: 10_000 }).toBe(500);

    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await signIn(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('link', { name: `${receiver.url}/hooks` }).click();
    await page.getByRole('heading', { level: 1, name: `Deliveries to ${receiver.url}/hooks` }).waitFor();
    // the first attempt and its automatic retries each show a row with the endpoint's answer
    await page.getByText('HTTP 500').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-webhook-deliveries.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    receiver.status = 200;
    await page.getByRole('button', { name: `Redeliver ${deliveryId}` }).click();
    const sent = page.getByRole('status').filter({ hasText: 'Sent again as' });
    await sent.waitFor();
    const redeliveryId = /(whd_[0-9a-f]+)/.exec((await sent.textContent()) ?? '')?.[1] as string;
    await expect.poll(async () => (await deliveryOf(redeliveryId))?.status, { timeout: 10_000 }).toBe('succeeded');
    expect(receiver.events.filter((e) => e.type === 'webhook.test' && e.signatureOk).length).toBeGreaterThanOrEqual(1);
    expect(await deliveryOf(redeliveryId)).toMatchObject({ kind: 'redelivery', redelivery_of: deliveryId });
    await context.close();
    expect(problems).toEqual([]);
  });

  it('creates a key with chosen scopes, shows its secret once, and revokes it', async () => {
    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await signIn(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByLabel('What the key is for').fill(`reporting ${engine}`);
    await page.getByRole('checkbox', { name: /reports:read/ }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByTestId('new-key-secret').textContent()) as string;
    expect(secret).toMatch(/^tpg_/);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-keys.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    // the new key works, with exactly the scopes ticked
    const asNew = createApi(base, () => ({ kind: 'api-key', key: secret }));
    expect((await asNew.GET('/api/v1/payments', { params: { query: { limit: 1 } } })).response.status).toBe(200);
    const keys = (await api().GET('/api/v1/keys')).data?.data ?? [];
    expect(keys.find((k) => k.name === `reporting ${engine}`)?.scopes).toEqual(['payments:read', 'reports:read']);

    // shown once: after "stored", and on a fresh visit, the secret is nowhere on the page
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.reload();
    await page.getByRole('cell', { name: `reporting ${engine}`, exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: `Revoke reporting ${engine}` }).click();
    await page.getByRole('status').filter({ hasText: 'is revoked' }).waitFor();
    expect((await asNew.GET('/api/v1/payments', { params: { query: { limit: 1 } } })).response.status).toBe(401);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('makes a user with a one-time password choose their own before anything else', async () => {
    const email = `first-owner-${engine}@shop.example`;
    const manager = { role: 'owner' as const, actor: 'test', requestId: null };
    const created = await gw.core.dashboard.users.createUser({ merchantId: gw.merchantId, email, role: 'owner' }, manager);
    const oneTime = created.oneTimePassword as string;
    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await page.goto(`${base}/dashboard`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(oneTime);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('One-time password').fill(oneTime);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('New password').fill('a long and private passphrase');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByText('Success rate').waitFor();
    await context.close();
    expect(problems).toEqual([]);
  });
});

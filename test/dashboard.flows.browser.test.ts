/**
 * The dashboard's payout and webhook flows in Chromium on both engines (issue 22):
 * - held payouts approved and rejected with a note from the queue (which shows each creator); the
 *   approved one completes on the devnet, the notes are stored and shown;
 * - a 50-row payout CSV with two bad rows uploaded: the preview names them by line and field before
 *   anything is sent, the 48 good rows go out as one batch, and the live progress reaches all final;
 * - a webhook endpoint created (its secret shown once and signing), tested, its secret rotated (the new
 *   one shown once and signing), edited and disabled; a delivery's request (custom header values masked),
 *   answer and timing.
 * axe-core on every new page, no CSP violation or page error. TPG_WRITE_SCREENSHOTS=1 writes the pages
 * into docs/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/dashboard/ui/api.js';
import type { Devnet } from '../src/devnet/devnet.js';
import { parseAmount } from '../src/shared/money.js';
import { launchChromium, saveShot, seriousViolations } from './checkout-browser-harness.js';
import { createDashboardUser, type DashboardTestUser, signIn, watchedContext } from './dashboard-browser-harness.js';
import { ENGINES } from './db-harness.js';
import { newWallet, startTestDevnet, usdtBalance } from './devnet-harness.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools } from './refunds-harness.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const shot = async (page: Page, name: string) => saveShot(name, await page.screenshot({ fullPage: true, animations: 'disabled' }));

describe.each(ENGINES)('dashboard payout flows in Chromium (%s)', (engine) => {
  let gw: MoneyGateway;
  let base: string;
  let browser: Browser;
  let devnet: Devnet;
  let operator: DashboardTestUser;
  const problems: string[] = [];
  const t = moneyTools(() => gw);

  beforeAll(async () => {
    devnet = await startTestDevnet();
    gw = await startMoneyGateway(engine, {
      devnet,
      config: { network: { rpc_urls: [devnet.url] }, transaction_limits: { approval_threshold: '500' } },
    });
    base = await gw.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    operator = await createDashboardUser(gw, 'operator');
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
    await devnet?.stop();
  });

  it('approves one held payout and rejects another, each with a note; the approved one completes', async () => {
    const creator = await gw.key(['payments:write', 'payouts:write']);
    const payee = newWallet().base58;
    const held = await t.create({ payment_method: 'route', payee_address: payee, amount: '600' }, creator);
    const other = await t.create({ payment_method: 'route', payee_address: payee, amount: '700' }, creator);
    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await signIn(page, base, operator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payouts', exact: true }).click();
    const heldItem = page.getByRole('listitem').filter({ hasText: held.payment_id });
    await heldItem.getByRole('button', { name: `Approve ${held.payment_id}` }).waitFor();
    // the queue says who created each payout (the API key), with its amount and asset
    expect(await heldItem.locator('dd').allTextContents()).toEqual(expect.arrayContaining(['600 USDT', 'USDT', payee]));
    expect(await heldItem.getByText(/^key_/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dashboard-payouts-queue.png');

    await heldItem.getByLabel('Note (kept with your decision)').fill('payee verified by phone');
    await heldItem.getByRole('button', { name: `Approve ${held.payment_id}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${held.payment_id} approved (“payee verified by phone”)` })
      .waitFor();
    const otherItem = page.getByRole('listitem').filter({ hasText: other.payment_id });
    await otherItem.getByLabel('Note (kept with your decision)').fill('payee not verified');
    await otherItem.getByRole('button', { name: `Reject ${other.payment_id}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${other.payment_id} rejected and cancelled (“payee not verified”)` })
      .waitFor();
    await page.getByText('No payout is waiting for approval.').waitFor();
    expect(await t.get(held.payment_id)).toMatchObject({ approval_status: 'approved', approval_note: 'payee verified by phone' });
    expect(await t.get(other.payment_id)).toMatchObject({
      status: 'cancelled',
      approval_status: 'rejected',
      approval_note: 'payee not verified',
    });

    await t.settleSends();
    await page.goto(`${base}/dashboard/payments/${held.payment_id}`);
    await page.locator('h1 .badge-completed').waitFor();
    await page.getByText('Approved — “payee verified by phone”').waitFor();
    expect(await usdtBalance(gw.devnet, payee)).toBeGreaterThan(0n);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('previews a 50-row CSV naming its two bad rows by line and field, sends the 48 and follows them to final', async () => {
    const payees = [newWallet().base58, newWallet().base58, newWallet().base58];
    const lines = ['payee_address,amount,reference_id'];
    for (let row = 1; row <= 50; row++) lines.push(`${payees[row % 3]},1.5,${engine}-row-${row}`);
    lines[13] = `TNotAnAddressAtAll,1.5,${engine}-row-13`; // line 14 of the file
    lines[37] = `${payees[0]},-2,${engine}-row-37`; // line 38
    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await signIn(page, base, operator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batch payouts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Batch payouts' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('CSV file').setInputFiles({ name: 'payouts.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await expect.poll(() => page.getByLabel('Or paste the rows').inputValue()).toContain(`${engine}-row-50`);
    const before = await gw.count('payments');
    await page.getByRole('button', { name: 'Check rows' }).click();

    await page.getByText('48 rows are ready; 2 have problems and will not be sent.').waitFor();
    const named = await page.getByRole('list', { name: 'Rows with problems' }).getByRole('listitem').allTextContents();
    expect(named).toHaveLength(2);
    expect(named[0]).toMatch(/^Line 14: payee_address: /);
    expect(named[1]).toMatch(/^Line 38: amount: /);
    expect(await page.locator('tbody tr').count()).toBe(50);
    // nothing was created by the preview
    expect(await gw.count('payments')).toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dashboard-batch-preview.png');

    await page.getByRole('button', { name: 'Send 48 payouts' }).click();
    const sent = page.getByRole('status').filter({ hasText: /Batch batch_\w+ created with 48 payouts/ });
    await sent.waitFor();
    const batchId = /(batch_\w+)/.exec((await sent.textContent()) ?? '')?.[1] as string;
    await page.getByText('0 of 48 payouts final').waitFor();
    const finished = page.getByText('Every payout is final: 48 of 48 completed.');
    for (let round = 0; round < 20 && !(await finished.isVisible()); round++) {
      await t.settleSends();
      await page.waitForTimeout(300); // the page polls each second; give it a chance between rounds
    }
    await finished.waitFor({ timeout: 5000 });
    expect(await page.locator('dd[data-status="completed"]').textContent()).toBe('48');
    expect(await page.locator('progress').getAttribute('value')).toBe('48');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dashboard-batch-progress.png');
    const batch = await gw.call<{ counts: Record<string, number>; created_count: number }>('GET', `/api/v1/payments/batches/${batchId}`, {
      key: gw.adminKey,
    });
    expect(batch.body).toMatchObject({ created_count: 48, counts: { completed: 48 } });
    // the third payee's 17 rows were all good: it got their net amounts
    const paid = await gw.call<{ data: { payee_address: string; net_amount: string }[] }>(
      'GET',
      `/api/v1/payments?batch_id=${batchId}&limit=100`,
      { key: gw.adminKey },
    );
    const toThird = paid.body.data.filter((p) => p.payee_address === payees[2]);
    expect(toThird).toHaveLength(17);
    const units = (amount: string) => {
      const parsed = parseAmount(amount, 6);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.value;
    };
    expect(await usdtBalance(gw.devnet, payees[2] as string)).toBe(toThird.reduce((sum, p) => sum + units(p.net_amount), 0n));
    await context.close();
    expect(problems).toEqual([]);
  });
});

describe.each(ENGINES)('dashboard webhook endpoints in Chromium (%s)', (engine) => {
  let gw: TestGateway;
  let base: string;
  let browser: Browser;
  let receiver: WebhookReceiver;
  let admin: DashboardTestUser;
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
  const signedTests = () => receiver.events.filter((e) => e.type === 'webhook.test' && e.signatureOk && e.standardSignatureOk).length;

  it('creates an endpoint (secret shown once), tests it, rotates its secret, edits and disables it', async () => {
    const url = `${receiver.url}/flows-${engine}`;
    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await signIn(page, base, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByLabel('URL').fill(url);
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent()) as string;
    expect(secret).toMatch(/^whsec_/);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dashboard-webhooks.png');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('link', { name: url }).click();
    await page.getByRole('heading', { level: 1, name: `Deliveries to ${url}` }).waitFor();
    receiver.secret = secret;
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await page.getByRole('status').filter({ hasText: 'Test event sent as' }).waitFor();
    await expect.poll(signedTests, { timeout: 10_000 }).toBe(1);

    // a new secret, shown once; the next test event verifies with it alone
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = (await page.getByTestId('webhook-secret').textContent()) as string;
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    receiver.secret = rotated;
    // a custom header set through the API: sent with the next deliveries, never shown
    const hook = (await api().GET('/api/v1/payments/webhooks')).data?.data.find((w) => w.url === url);
    await api().PATCH('/api/v1/payments/webhooks/{webhook_id}', {
      params: { path: { webhook_id: hook?.id as string } },
      body: { headers: { Authorization: 'Bearer receiver-s3cret' } },
    });
    // the deliverer reuses an endpoint's settings for up to 1 s (Deliverer targetCacheMs): past that, the new ones apply
    await page.waitForTimeout(1100);
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await expect.poll(signedTests, { timeout: 10_000 }).toBe(2);
    expect(receiver.events.at(-1)?.headers.authorization).toBe('Bearer receiver-s3cret');

    // edit: only two events
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Endpoint settings' }).waitFor();
    await page.getByRole('checkbox', { name: 'All events, including ones added later' }).uncheck();
    await page.getByRole('checkbox', { name: 'payment.completed' }).check();
    await page.getByRole('checkbox', { name: 'payment.failed' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Endpoint saved.' }).waitFor();
    const edited = await api().GET('/api/v1/payments/webhooks/{webhook_id}', { params: { path: { webhook_id: hook?.id as string } } });
    expect(edited.data?.events).toEqual(['payment.completed', 'payment.failed']);
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await expect.poll(signedTests, { timeout: 10_000 }).toBe(3);
    await page.reload();
    await page.locator('tbody tr').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dashboard-webhook.png');

    // the newest delivery: its request (the custom value masked), the answer and its timing
    await page.locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Delivery whd_/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: /^Attempt 1,/ }).waitFor();
    expect(await page.getByRole('row', { name: /authorization \*{8}/i }).count()).toBe(1);
    expect(await page.getByRole('row', { name: 'x-tpg-signature (signed at each attempt)' }).count()).toBe(1);
    expect(await page.locator('pre').first().textContent()).toContain('"type": "webhook.test"');
    expect(await page.getByText('HTTP 200').count()).toBeGreaterThan(0);
    expect(await page.getByText(/^\d+ ms$/).count()).toBe(1);
    expect(await page.content()).not.toContain('receiver-s3cret');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'dashboard-webhook-delivery.png');

    await page.getByRole('link', { name: 'The endpoint' }).click();
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('status').filter({ hasText: 'Endpoint disabled' }).waitFor();
    await page.getByRole('button', { name: 'Enable' }).waitFor();
    const disabled = await api().GET('/api/v1/payments/webhooks/{webhook_id}', { params: { path: { webhook_id: hook?.id as string } } });
    expect(disabled.data).toMatchObject({ active: false, status: 'inactive' });
    await context.close();
    expect(problems).toEqual([]);
  });
});

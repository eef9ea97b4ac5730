/**
 * The dashboard's money views in a real browser (Debian's Chromium through playwright-core) against a
 * whole gateway on the in-process devnet, on SQLite and PostgreSQL: the CSV export of a filtered set of
 * payments (progress shown, the file holds exactly the filtered rows, CSV-injection safe), a real
 * settlement with its sweeps and their costs, the reconciliation results, the hot wallet after a stake
 * through the API (and the energy strategy switched by an owner), a payout waiting for energy, TRX
 * burned and a scanner behind the chain on the overview. axe-core on every page; no CSP violation or page error.
 * TPG_WRITE_SCREENSHOTS=1 writes the pages into docs/screenshots/.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../src/dashboard/ui/api.js';
import { launchChromium, saveShot, seriousViolations } from './checkout-browser-harness.js';
import { parseCsv } from './csv-reader.js';
import { createDashboardUser, type DashboardTestUser, signIn as signInAs, watchedContext } from './dashboard-browser-harness.js';
import { ENGINES } from './db-harness.js';
import { newWallet } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools, USDT } from './refunds-harness.js';

// the browser's globals as the functions given to page.evaluate see them (the test project has no DOM lib)
declare const document: { querySelector(selector: string): { textContent: string | null } | null };
declare const window: { [name: string]: unknown };
declare const MutationObserver: new (callback: () => void) => { observe(target: unknown, options: unknown): void };

describe.each(ENGINES)('dashboard money views in Chromium (%s)', (engine) => {
  let gw: MoneyGateway;
  let base: string;
  let browser: Browser;
  let client: Api;
  let operator: DashboardTestUser;
  const problems: string[] = [];
  const t = moneyTools(() => gw);

  beforeAll(async () => {
    gw = await startMoneyGateway(engine, {
      config: {
        // a settlement runs when asked (runDue), not on its own
        settlement: { frequency: 'instant', min_settlement_amount: '100000', max_settlement_amount: '1000000' },
        caching: { analytics_ttl_seconds: 0 },
      },
      fundHotWallet: { trx: '20000', usdt: '1000' },
    });
    await t.scanner().scanOnce(); // the first pass starts the cursor at the head
    base = await gw.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    client = createApi(base, () => ({ kind: 'api-key', key: gw.adminKey }));
    operator = await createDashboardUser(gw, 'operator');
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  const signedIn = async (user: DashboardTestUser): Promise<Page> => {
    const context = await watchedContext(browser, problems);
    const page = await context.newPage();
    await signInAs(page, base, user);
    return page;
  };
  /** one round of the workers: jobs, sender, a block, tracker */
  const round = async () => {
    await gw.core.runner.runOnce();
    await gw.core.sender?.runOnce();
    gw.mine(1);
    await gw.core.tracker?.runOnce();
  };

  it('exports the filtered payments as CSV with progress, exactly the filtered rows', { timeout: 90_000 }, async () => {
    const created: PaymentJson[] = [];
    for (let i = 0; i < 30; i++) {
      // free text a spreadsheet would run, and text that needs quoting, among them
      const reference = i === 0 ? '=HYPERLINK("http://x.example")' : i === 1 ? 'order, "rush"' : `order-${engine}-${i}`;
      created.push(await t.create({ amount: `${i + 1}.25`, payee_address: gw.addresses[0], reference_id: reference }));
    }
    // payments the filter leaves out: cancelled ones
    for (let i = 0; i < 3; i++) {
      const other = await t.create({ amount: '7', payee_address: gw.addresses[0] });
      const { response } = await client.POST('/api/v1/payments/{payment_id}/cancel', {
        body: {},
        params: { path: { payment_id: other.payment_id }, header: { 'Idempotency-Key': `cancel-${other.payment_id}` } },
      });
      expect(response.status).toBe(200);
    }

    const page = await signedIn(operator);
    await page.goto(`${base}/dashboard/payments?status=pending`);
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    // every text the progress shows, as it changes
    await page.evaluate(() => {
      const seen: string[] = [];
      window.progressSeen = seen;
      const region = document.querySelector('.export-progress');
      new MutationObserver(() => seen.push(region?.textContent ?? '')).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^payments-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.getByRole('status').filter({ hasText: '30 payments exported.' }).waitFor();
    const seen = (await page.evaluate(() => window.progressSeen)) as string[];
    expect(seen).toContain('10 of 30 (33 %)');
    expect(seen.at(-1)).toBe('30 of 30 (100 %)');
    expect(await page.locator('progress').getAttribute('value')).toBe('100');
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-payments-export.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    const [header, ...rows] = parseCsv(await readFile((await file.path()) as string, 'utf8'));
    expect(header).toEqual([
      'id',
      'created_at',
      'status',
      'payment_method',
      'priority',
      'currency',
      'amount',
      'fee',
      'net_amount',
      'payer_address',
      'payee_address',
      'reference_id',
      'transaction_id',
      'completed_at',
    ]);
    expect(rows.map((r) => r[0]).sort()).toEqual(created.map((p) => p.payment_id).sort());
    const byId = new Map(rows.map((r) => [r[0], r]));
    for (const p of created) {
      const row = byId.get(p.payment_id) as string[];
      expect([row[2], row[5], row[6], row[10]]).toEqual(['pending', 'USDT', p.amount, gw.addresses[0]]);
    }
    expect(byId.get(created[0]?.payment_id as string)?.[11]).toBe('\'=HYPERLINK("http://x.example")');
    expect(byId.get(created[1]?.payment_id as string)?.[11]).toBe('order, "rush"');
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('shows a settlement on the devnet with its sweeps and what they cost', { timeout: 90_000 }, async () => {
    const payer = await t.payer();
    const paid = [
      await t.collect(payer, { amount: '40', payee_address: gw.addresses[1] }, 40n * USDT),
      await t.collect(payer, { amount: '25', payee_address: gw.addresses[1] }, 25n * USDT),
    ];
    const [id] = await (gw.core.settlement as NonNullable<typeof gw.core.settlement>).runDue();
    expect(id).toBeTruthy();
    const settlementId = id as string;
    const read = () => client.GET('/api/v1/payments/settlements/{settlement_id}', { params: { path: { settlement_id: settlementId } } });
    for (let i = 0; i < 30 && (await read()).data?.status === 'initiated'; i++) await round();
    gw.mineUntilSolid();
    await gw.core.tracker?.runOnce();
    const settled = (await read()).data;
    expect(settled?.status).toBe('completed');
    expect(settled?.sweeps.map((w) => w.deposit_address).sort()).toEqual(paid.map((p) => p.payment.deposit_address).sort());
    const sweeps = settled?.sweeps ?? [];
    expect(Number(settled?.sweep_cost)).toBeGreaterThan(0);

    const page = await signedIn(operator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settlements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settlements' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: settlementId });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      settlementId,
      'Completed',
      `${settled?.amount} USDT`,
      '2',
      settled?.sweep_cost,
      settled?.total_network_cost,
      expect.stringContaining('UTC'),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-settlements.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    await page.getByRole('link', { name: settlementId }).click();
    await page.getByRole('heading', { level: 1, name: `Settlement ${settlementId}` }).waitFor();
    const costs = page.getByRole('region', { name: 'Costs on chain' });
    const shown = (term: string) => costs.locator(`dt:text-is("${term}") + dd`).textContent();
    expect(await shown('Sweeps and fuel')).toBe(`${settled?.sweep_cost} TRX`);
    expect(await shown('Total network cost')).toBe(`${settled?.total_network_cost} TRX`);
    expect(await shown('TRX burned (receipts)')).toBe(`${settled?.network_cost?.trx_burned} TRX`);
    for (const w of sweeps) {
      const cells = await page.getByRole('row').filter({ hasText: w.deposit_address }).getByRole('cell').allTextContents();
      expect(cells).toEqual([
        w.deposit_address,
        'Completed',
        `${w.amount} USDT`,
        w.fuel_amount ?? '—',
        w.network_cost?.trx_burned ?? '—',
        String(w.network_cost?.energy_used ?? '—'),
      ]);
      expect(Number(w.network_cost?.trx_burned)).toBeGreaterThan(0);
    }
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-settlement.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));
    // a phone: one column, nothing but the tables scrolls sideways
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-settlement-mobile.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));
    await page.setViewportSize({ width: 1280, height: 860 });

    // the overview draws what collecting burned, per day
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { level: 2, name: 'TRX burned per day' }).waitFor();
    const { data: analytics } = await client.GET('/api/v1/payments/analytics', { params: { query: { period_days: 30 } } });
    const today = analytics?.collection_cost_daily.at(-1);
    expect(Number(today?.trx_burned)).toBeGreaterThan(0);
    await page
      .getByRole('row')
      .filter({ hasText: today?.date as string })
      .waitFor();
    expect(
      await page
        .getByRole('row')
        .filter({ hasText: today?.date as string })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual([today?.date, String(today?.completed_collections), today?.trx_burned, today?.trx_burned_per_collection ?? '—']);
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-overview-money.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('lists reconciliation results and the disputed payments; the overview points at them', async () => {
    const payer = await t.payer();
    const { payment } = await t.collect(payer, { amount: '11', payee_address: gw.addresses[2] }, 11n * USDT);
    const verified = await client.POST('/api/v1/payments/reconcile', { body: { payment_id: payment.payment_id } });
    expect(verified.data?.outcome).toBe('verified');
    // a transaction that paid another address, offered as this payment's: the chain disagrees
    const { payment: other } = await t.collect(payer, { amount: '4', payee_address: gw.addresses[2] }, 4n * USDT);
    const elsewhere = await t.payUsdt(payer, newWallet().base58, 4n * USDT);
    gw.mine(2);
    const disputed = await client.POST('/api/v1/payments/reconcile', {
      body: { payment_id: other.payment_id, external_transaction_id: elsewhere },
    });
    expect(disputed.data?.outcome).toBe('disputed');
    expect((await t.get(other.payment_id)).status).toBe('disputed');

    const page = await signedIn(operator);
    await page.getByRole('link', { name: '1 disputed payment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reconciliation' }).waitFor();
    const disputedRow = page
      .getByRole('table', { name: 'Disputed payments, newest first' })
      .getByRole('row')
      .filter({ hasText: other.payment_id });
    await disputedRow.waitFor();
    expect(await disputedRow.getByRole('cell').allTextContents()).toEqual([
      other.payment_id,
      '4 USDT',
      '4 USDT',
      expect.stringContaining('UTC'),
    ]);
    const results = page.getByRole('table', { name: 'Reconciliation results, newest first' });
    const verifiedRow = results.getByRole('row').filter({ hasText: payment.payment_id });
    await verifiedRow.waitFor();
    expect((await verifiedRow.getByRole('cell').allTextContents()).slice(1)).toEqual([payment.payment_id, 'Verified', 'None']);
    const disputedResult = results.getByRole('row').filter({ hasText: other.payment_id });
    expect((await disputedResult.getByRole('cell').allTextContents()).slice(1)).toEqual([
      other.payment_id,
      'Disputed',
      disputed.data?.discrepancies[0]?.message,
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-reconciliation.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    // the outcome filter lives in the URL
    await page.getByLabel('Outcome').selectOption('differences');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/outcome=differences/);
    await page.getByText('No reconciliation has run yet.').waitFor();
    await page.getByLabel('Outcome').selectOption('verified');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/outcome=verified/);
    await results.getByRole('row').filter({ hasText: payment.payment_id }).waitFor();
    expect(await results.getByRole('row').filter({ hasText: other.payment_id }).count()).toBe(0);
    // the disputed payment's own page
    await disputedRow.getByRole('link', { name: other.payment_id }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(other.payment_id) }).waitFor();
    await page.locator('h1 .badge-disputed').waitFor();
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('shows the hot wallet after a stake through the API; an owner switches the energy strategy', { timeout: 90_000 }, async () => {
    const staked = await client.POST('/api/v1/wallet/stake', { body: { trx: '1000', resource: 'ENERGY' } });
    expect(staked.response.status).toBe(202);
    const operationId = staked.data?.operation_id as string;
    const send = () => gw.db.db.selectFrom('chain_sends').select('status').where('owner_id', '=', operationId).executeTakeFirst();
    for (let i = 0; i < 30 && (await send())?.status !== 'completed'; i++) {
      await round();
      gw.mineUntilSolid();
      await gw.core.tracker?.runOnce();
    }
    expect((await send())?.status).toBe('completed');
    await t.create({ amount: '5', payee_address: gw.addresses[3] }); // a deposit address in use
    const { data: wallet } = await client.GET('/api/v1/wallet');
    expect(wallet?.staking?.energy_trx).toBe('1000');
    // on staked energy, a normal payout that needs more than the stake gives waits for it to recover
    const stake = await client.PUT('/api/v1/wallet/energy-strategy', { body: { strategy: 'stake' } });
    expect(stake.data?.effective).toBe('stake');
    const payout = await t.create({ payment_method: 'route', payee_address: newWallet().base58, amount: '10', priority: 'normal' });
    await gw.core.runner.runOnce();
    await gw.core.sender?.runOnce();
    const { data: waiting } = await client.GET('/api/v1/payments/{payment_id}', { params: { path: { payment_id: payout.payment_id } } });
    expect(waiting?.energy_decision).toMatchObject({ decision: 'waiting' });

    const owner = await createDashboardUser(gw, 'owner');
    const page = await signedIn(owner);
    // the overview points at it, and its link lists the payouts not sent yet
    await page.getByRole('link', { name: "1 payout waits for the hot wallet's staked energy" }).click();
    await page.waitForURL(/payment_method=route&status=pending/);
    await page.getByRole('link', { name: payout.payment_id }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wallet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wallet' }).waitFor();
    await page.getByRole('table', { name: 'Hot wallet balances per asset' }).waitFor();
    // read again: the sender's run above may have sent (and burned) since the first read; no worker runs now
    const { data: current } = await client.GET('/api/v1/wallet');
    for (const [asset, amount] of Object.entries(current?.balances ?? {})) {
      expect(await page.getByRole('row').filter({ hasText: asset }).getByRole('cell').allTextContents()).toEqual([amount]);
    }
    const staking = page.getByRole('region', { name: 'Staking' });
    expect(await staking.getByText('1000 TRX', { exact: true }).count()).toBe(1); // staked for energy
    expect(await page.getByText(`${wallet?.energy.available} of ${wallet?.energy.limit} available`).count()).toBe(1);
    expect(Number(wallet?.energy.limit)).toBeGreaterThan(0);
    const pool = wallet?.deposit_addresses;
    expect(pool?.in_use).toBeGreaterThanOrEqual(1);
    const shown = (term: string) => page.locator(`dt:text-is("${term}") + dd`).textContent();
    expect([await shown('Free (never used)'), await shown('Reusable (swept, quiet)'), await shown('In use (open payments)')]).toEqual(
      [pool?.free, pool?.reusable, pool?.in_use].map(String),
    );
    expect(await page.getByText(`The pool keeps ${pool?.target} derived ahead`).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    saveShot('dashboard-wallet.png', await page.screenshot({ fullPage: true, animations: 'disabled' }));

    await page.getByRole('radio', { name: /Burn TRX/ }).check();
    await page.getByRole('button', { name: 'Save strategy' }).click();
    await page.getByRole('status').filter({ hasText: 'Energy strategy set to Burn TRX.' }).waitFor();
    const { data: strategy } = await client.GET('/api/v1/wallet/energy-strategy');
    expect(strategy).toMatchObject({ strategy: 'burn', source: 'merchant', effective: 'burn' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();

    // an operator sees the wallet but not the switch
    const seen = await signedIn(operator);
    await seen.goto(`${base}/dashboard/wallet`);
    await seen.getByRole('heading', { level: 1, name: 'Wallet' }).waitFor();
    expect(await seen.getByRole('button', { name: 'Save strategy' }).count()).toBe(0);
    await seen.context().close();
    expect(problems).toEqual([]);
  });
  it('points at a scanner that fell behind the chain on the overview', async () => {
    const max = gw.config.raw.health_check.max_scanner_lag_blocks;
    gw.mine(max + 5); // blocks the scanner has not read
    const page = await signedIn(operator);
    // /status reads the scanner at most every few seconds: reload until the new reading is there
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { level: 2, name: 'Needs attention' }).waitFor();
          return page.getByText(/^The scanner is \d+ blocks behind the chain/).count();
        },
        { timeout: 15_000, interval: 1_000 },
      )
      .toBe(1);
    expect(await page.getByText(`(at most ${max} expected)`).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
    expect(problems).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { runCli } from './cli-harness.js';
import { ENGINES } from './db-harness.js';
import { startTestDevnet } from './devnet-harness.js';
import type { BatchJson, PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

const SLOW = 120_000;

const cli = runCli;

const temp = mkdtempSync(join(tmpdir(), 'tpg-cli-money-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe.each(ENGINES)('money commands (%s)', (engine) => {
  let devnet: Devnet;
  let gw: MoneyGateway;
  let env: Record<string, string>;
  const file = (name: string, text: string) => {
    const path = join(temp, `${engine}-${name}`);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    devnet = await startTestDevnet({ manual: false, blockTimeMs: 100, solidifyLag: 1 });
    gw = await startMoneyGateway(engine, { devnet, config: { webhooks: { allow_private_targets: true, require_https: false } } });
    gw.core.startWorkers();
    const { connection } = gw.db;
    const database: Record<string, string> = connection.url
      ? {
          DATABASE_URL: `${connection.url}?options=${encodeURIComponent(`-c search_path=${connection.searchPath}`)}`,
          DATA_DIR: join(temp, `${engine}-data-unused`),
        }
      : { DATA_DIR: dirname(connection.sqlitePath as string) };
    env = { ...database, TRON_NETWORK: 'devnet', TRON_RPC_URL: devnet.url, TPG_WALLET_MNEMONIC: gw.mnemonic, LOG_LEVEL: 'warn' };
  }, SLOW);
  afterAll(async () => {
    await gw?.close();
    await devnet?.stop();
  });

  it('payouts send --csv creates one batch, shows its progress on stderr and exits 0 once every payout completed', {
    timeout: SLOW,
  }, async () => {
    const [a, b, c] = gw.addresses;
    const csv = file('payouts.csv', `payee_address,amount,reference_id\n${a},1.5,row-1\n"${b}",2,"refund, ""March"""\n${c},3\n`);
    const run = await cli(
      ['payouts', 'send', '--csv', csv, '--batch-reference', 'cli-run', '--priority', 'high', '--poll-ms', '200', '--json'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      status: 'completed',
      batch_reference: 'cli-run',
      total_items: 3,
      created_count: 3,
      counts: { completed: 3 },
    });
    const byLine = Object.fromEntries(summary.payouts.map((p: { line: number }) => [p.line, p]));
    expect(byLine[2]).toMatchObject({ payee_address: a, amount: '1.5', reference_id: 'row-1', status: 'completed' });
    expect(byLine[3]).toMatchObject({ payee_address: b, amount: '2', reference_id: 'refund, "March"', status: 'completed' });
    expect(byLine[4]).toMatchObject({ payee_address: c, amount: '3', reference_id: null, status: 'completed' });
    for (const p of summary.payouts) expect(p.transaction_id).toMatch(/^[0-9a-f]{64}$/);

    // progress: stderr only, a plain line per change when stderr is no terminal, ending with every payout final
    expect(run.stderr).toContain(`batch ${summary.batch_id}: 3 payouts created`);
    expect(run.stderr).toMatch(new RegExp(`^batch ${summary.batch_id}: 3/3 payouts final \\(100%\\)  completed 3$`, 'm'));
    expect(run.stderr).not.toContain('\r');

    const batch = await gw.call<BatchJson>('GET', `/api/v1/payments/batches/${summary.batch_id}`, { key: gw.adminKey });
    expect(batch.body).toMatchObject({ status: 'completed', batch_reference: 'cli-run', created_count: 3 });
    const listed = await gw.call<{ data: PaymentJson[] }>('GET', `/api/v1/payments?batch_id=${summary.batch_id}`, { key: gw.adminKey });
    expect(listed.body.data.map((p) => [p.payment_method, p.priority])).toEqual([
      ['route', 'high'],
      ['route', 'high'],
      ['route', 'high'],
    ]);
  });

  it('refuses a file with bad rows, naming each line and why, and creates nothing', { timeout: SLOW }, async () => {
    const [a, b] = gw.addresses;
    const before = await gw.count('payments');
    const csv = file('bad.csv', [`${a},1`, `TNotAnAddress,1`, `${b},-5`, `${a},1.1234567`, `${b}`, `${a},"2`].join('\n'));
    const run = await cli(['payouts', 'send', '--csv', csv], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${csv}: `);
    expect(run.stderr).toContain('nothing was created');
    expect(run.stderr).toMatch(/line 5: expected 2 or 3 fields/);
    expect(run.stderr).toMatch(/line 6: a quoted field is not closed/);
    expect(await gw.count('payments')).toBe(before);

    // a well-formed file whose values the payments module refuses: still by line, still nothing created
    const refused = file('refused.csv', [`${a},1`, `TNotAnAddress,1`, `${b},-5`, `${a},1.1234567`].join('\n'));
    const second = await cli(['payouts', 'send', '--csv', refused, '--json'], env);
    expect(second.code).toBe(1);
    const error = JSON.parse(second.stderr).error;
    expect(error.code).toBe('invalid_csv');
    expect(error.errors.map((e: { line: number }) => e.line)).toEqual([2, 3, 4]);
    expect(error.errors[0].message).toMatch(/^payee_address: /);
    expect(error.errors[1].message).toMatch(/^amount: /);
    expect(error.errors[2].message).toMatch(/^amount: /);
    expect(await gw.count('payments')).toBe(before);

    const missing = await cli(['payouts', 'send', '--csv', join(temp, 'absent.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: --csv: no such file: ${join(temp, 'absent.csv')}\n`);
  });

  it('payouts send --no-wait returns once created; payouts approve releases a payout held for approval', { timeout: SLOW }, async () => {
    const csv = file('big.csv', `${gw.addresses[4]},1000000,big-one\n`);
    const run = await cli(['payouts', 'send', '--csv', csv, '--no-wait', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const created = JSON.parse(run.stdout);
    expect(created.results).toEqual([expect.objectContaining({ line: 1, status: 'created', requires_approval: true })]);
    expect(run.stderr).toContain('1 payout waits for approval');
    const id = created.results[0].payment_id as string;

    const approved = await cli(['payouts', 'approve', id, '--json'], env);
    expect(approved.code, approved.stderr).toBe(0);
    expect(JSON.parse(approved.stdout)).toMatchObject({ payment_id: id, approval_status: 'approved' });
    const read = await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey });
    expect(read.body.approval_status).toBe('approved');

    const again = await cli(['payouts', 'approve', id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: .*(approval|approved)/);
    const unknown = await cli(['payouts', 'approve', 'pay_0000000000000000', '--json'], env);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr).error).toEqual({ code: 'not_found', message: 'payment pay_0000000000000000 not found' });
    const noId = await cli(['payouts', 'approve'], env);
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain('<payment_id> is required');
  });

  it('webhooks redeliver queues the same event again for the same endpoint', { timeout: SLOW }, async () => {
    const registered = await gw.call<{ id: string }>('POST', '/api/v1/payments/webhooks/register', {
      key: gw.adminKey,
      body: { url: 'http://127.0.0.1:9/hooks', events: ['*'] },
    });
    expect(registered.status, registered.text).toBe(201);
    const test = await gw.call<{ id: string; event_id: string }>('POST', `/api/v1/payments/webhooks/${registered.body.id}/test`, {
      key: gw.adminKey,
    });
    expect(test.status, test.text).toBe(201);

    const run = await cli(['webhooks', 'redeliver', test.body.id, '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const delivery = JSON.parse(run.stdout);
    expect(delivery).toMatchObject({
      kind: 'redelivery',
      redelivery_of: test.body.id,
      event_id: test.body.event_id,
      webhook_id: registered.body.id,
    });
    const read = await gw.call<{ id: string }>('GET', `/api/v1/payments/webhooks/deliveries/${delivery.id}`, { key: gw.adminKey });
    expect(read.status).toBe(200);

    const text = await cli(['webhooks', 'redeliver', test.body.id], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(`^delivery whd_\\w+ queued: event ${test.body.event_id} \\(webhook.test\\) to webhook ${registered.body.id}`),
    );
    const unknown = await cli(['webhooks', 'redeliver', 'whd_0000000000000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('error: delivery whd_0000000000000000 not found\n');
  });

  it('reports export writes a date range to a file (CSV by extension), then a stored report by id', { timeout: SLOW }, async () => {
    const today = new Date().toISOString().slice(0, 10);
    const out = join(temp, `${engine}-report.csv`);
    const run = await cli(
      ['reports', 'export', '--start-date', today, '--end-date', today, '--status', 'completed', '--out', out, '--json'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.report).toMatchObject({ format: 'csv', status_filter: ['completed'] });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,created_at,status,/);
    expect(lines.length - 1).toBe(result.rows);
    expect(result.rows).toBeGreaterThanOrEqual(3);
    expect(lines.slice(1).every((l) => l.includes(',completed,'))).toBe(true);

    const again = join(temp, `${engine}-report-again.csv`);
    const byId = await cli(['reports', 'export', result.report.id, '--out', again], env);
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stdout).toBe(`wrote ${result.rows} rows of report ${result.report.id} (csv) to ${again} (${result.bytes} bytes)\n`);

    const bad = await cli(['reports', 'export', '--start-date', 'yesterday', '--end-date', today, '--out', out], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --start-date: /);
  });

  it('scanner rescan --from beyond the head is an error naming the head, not a silent success', { timeout: SLOW }, async () => {
    const beyond = Number(devnet.chain.head.number) + 100_000;
    const run = await cli(['scanner', 'rescan', '--from', String(beyond)], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^error: --from: block ${beyond} is beyond the head of the chain \\(block \\d+\\)\\n$`));
  });
  it('energy stake queues one stake of the hot wallet through the API use case; refusals name the option', { timeout: SLOW }, async () => {
    const bad = await cli(['energy', 'stake', '--trx', '0.5'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --trx: must be at least 1 TRX/);
    const badResource = await cli(['energy', 'stake', '--trx', '5', '--resource', 'POWER'], env);
    expect(badResource.code).toBe(2);
    expect(badResource.stderr).toMatch(/--resource: must be ENERGY or BANDWIDTH/);

    const run = await cli(['energy', 'stake', '--trx', '25', '--resource', 'BANDWIDTH', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const op = JSON.parse(run.stdout);
    expect(op).toMatchObject({
      object: 'staking_operation',
      action: 'stake',
      resource: 'BANDWIDTH',
      trx: '25',
      hot_wallet: gw.hotWalletAddress,
    });
    const sends = await gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', op.operation_id).execute();
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({
      purpose: 'stake',
      resource: 'BANDWIDTH',
      from_address: gw.hotWalletAddress,
      signer: expect.stringMatching(/^hot:/),
    });
    const audit = await gw.db.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity_id', '=', op.operation_id)
      .orderBy('seq')
      .execute();
    expect(audit[0]).toEqual({ action: 'wallet.stake_requested', actor: 'cli:energy stake' });

    const text = await cli(['energy', 'unstake', '--trx', '1'], env);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/--trx: is more than the 0 TRX staked for ENERGY/);
    const none = await cli(['energy', 'withdraw'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no unstaked TRX past the unfreeze delay/);
  });
});

import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli-harness.js';
import { ENGINES } from './db-harness.js';
import { broadcast, newWallet, signedUsdtTransfer } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

const cli = runCli;

describe.each(ENGINES)('scanner rescan CLI (%s)', (engine) => {
  let gw: MoneyGateway;
  let env: Record<string, string>;
  beforeAll(async () => {
    gw = await startMoneyGateway(engine);
    const { connection } = gw.db;
    const database: Record<string, string> = connection.url
      ? {
          DATABASE_URL: `${connection.url}?options=${encodeURIComponent(`-c search_path=${connection.searchPath}`)}`,
          DATA_DIR: join(ROOT, 'data-cli-test-unused'),
        }
      : { DATA_DIR: dirname(connection.sqlitePath as string) };
    env = { ...database, TRON_NETWORK: 'devnet', TRON_RPC_URL: gw.devnet.url, TPG_WALLET_MNEMONIC: gw.mnemonic, LOG_LEVEL: 'warn' };
  });
  afterAll(async () => gw?.close());

  it('credits a payment the live scanner missed, once; a second run finds only duplicates', { timeout: 60_000 }, async () => {
    const payer = newWallet();
    await gw.fund(payer.base58, { trx: '100', usdt: '100' });
    gw.mine(1);
    const created = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { amount: '11', payee_address: gw.addresses[0] },
    });
    expect(created.status, created.text).toBe(201);
    const from = Number(gw.devnet.chain.head.number);
    const sent = await broadcast(gw.devnet, signedUsdtTransfer(gw.devnet, payer, created.body.deposit_address as string, 11_000_000n));
    expect(sent.json.result).toBe(true);
    gw.mine(2);
    const to = Number(gw.devnet.chain.head.number);

    const first = await cli(['scanner', 'rescan', '--from', String(from), '--to', String(to), '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ blocks: to - from + 1, transfers: { credited: 1, duplicate: 0 } });
    expect(first.stderr).not.toContain('blocks/s'); // no progress bar when stderr is not a terminal
    const payment = await gw.call<PaymentJson>('GET', `/api/v1/payments/${created.body.payment_id}`, { key: gw.adminKey });
    expect(['processing', 'confirmed']).toContain(payment.body.status);
    expect(payment.body.amount_received).toBe('11');

    const second = await cli(['scanner', 'rescan', '--from', String(from)], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 credited, 1 already recorded/);
    const again = await gw.call<PaymentJson>('GET', `/api/v1/payments/${created.body.payment_id}`, { key: gw.adminKey });
    expect(again.body.amount_received).toBe('11');
  });
});

describe('scanner rescan CLI usage', () => {
  it('refuses a missing --from with a usage error', { timeout: 30_000 }, async () => {
    const run = await cli(['scanner', 'rescan'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from is required');
  });
});

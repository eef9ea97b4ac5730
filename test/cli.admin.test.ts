import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createMerchantsModule } from '../src/modules/merchants/merchants.module.js';
import { generateMnemonic } from '../src/tron/hd.js';
import { type CliRun, runCli } from './cli-harness.js';
import { TEST_PG_URL } from './db-harness.js';

const SLOW = 120_000;

const cli = runCli;
type Run = CliRun;

function ok(run: Run): Run {
  if (run.code !== 0) throw new Error(`exit ${run.code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
  return run;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const temp = mkdtempSync(join(tmpdir(), 'tpg-cli-admin-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('config check', () => {
  it('prints "configuration OK" with a summary, and never the wallet seed', { timeout: SLOW }, async () => {
    const dataDir = join(temp, 'config-ok');
    const mnemonic = generateMnemonic();
    const run = ok(await cli(['config', 'check'], { DATA_DIR: dataDir, SERVICE_PORT: '9123', TPG_WALLET_MNEMONIC: mnemonic }));
    expect(run.stdout).toContain('configuration OK (config/payment-gateway-config.yaml)');
    expect(run.stdout).toMatch(/network\s+devnet/);
    expect(run.stdout).toContain(`sqlite ${join(dataDir, 'gateway.sqlite')}`);
    expect(run.stdout).toContain('127.0.0.1:9123');
    expect(run.stdout).toContain('overrides from SERVICE_PORT, DATA_DIR, TPG_WALLET_MNEMONIC');
    expect(run.stdout + run.stderr).not.toContain(mnemonic.split(' ').slice(0, 3).join(' '));
  });

  it('lists every problem of a broken file and the environment, and exits 1', { timeout: SLOW }, async () => {
    const file = join(temp, 'broken.yaml');
    writeFileSync(
      file,
      [
        'server:',
        '  port: -5',
        '  colour: blue',
        'payment_processing:',
        '  priorities:',
        '    high:',
        "      fee_rate: 'lots'",
        'transaction_limits:',
        "  deny_list: ['TNotAnAddress']",
        'logging:',
        '  level: loud',
      ].join('\n'),
    );
    const run = await cli(['config', 'check', '--config', file], { TRON_NETWORK: 'mainnet', DATABASE_URL: 'postgres://gw:hunter2@db/gw' });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('configuration OK');
    expect(run.stderr).toContain(`configuration has 7 problems (${file}):`);
    for (const key of [
      'server.port',
      'server.colour: unknown key',
      'payment_processing.priorities.high.fee_rate',
      'transaction_limits.deny_list.0: not a TRON address',
      'logging.level: must be one of',
      'network.rpc_urls',
      'wallets.mnemonic',
    ]) {
      expect(run.stderr).toContain(`  ${key}`);
    }
    expect(run.stderr).not.toContain('hunter2');
  });

  it('refuses a --config file that does not exist, and an unknown option with exit 2', { timeout: SLOW }, async () => {
    const missing = await cli(['config', 'check', '--config', join(temp, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: --config: no such file: ${join(temp, 'nope.yaml')}\n`);
    const unknown = await cli(['config', 'check', '--strict']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --strict');
  });
});

describe('on SQLite (DATA_DIR)', () => {
  const dataDir = join(temp, 'sqlite');
  const env = { DATA_DIR: dataDir };

  it('migrate applies the migrations once, then reports the database up to date', { timeout: SLOW }, async () => {
    const first = ok(await cli(['migrate'], env));
    // progress on stderr, a line per migration; the result on stdout
    expect(first.stderr).toMatch(/^migration 0001_gateway_core: Success \(1 of \d+, \d+ ms\)$/m);
    expect(first.stdout).not.toContain('migration 0001');
    expect(first.stdout).toMatch(/applied \d+ migrations? to sqlite:/);
    const second = ok(await cli(['migrate'], env));
    expect(second.stdout).toContain('database is up to date');
    // the database holds webhook secrets: only its owner may read it (and list its directory)
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'gateway.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('merchants create, keys create, keys list (no secrets) and keys revoke', { timeout: SLOW }, async () => {
    const created = ok(await cli(['merchants', 'create', '--name', 'Coffee Shop', '--settlement-frequency', 'hourly'], env));
    const merchantId = /merchant (mer_[0-9a-f]{32}) created/.exec(created.stdout)?.[1] as string;
    expect(merchantId).toBeDefined();
    expect(created.stdout).toMatch(/hot wallet index\s+1/);
    expect(created.stdout).toMatch(/settlement\s+hourly/);
    const firstSecret = /key\s+(tpg_[0-9A-Za-z]{43})/.exec(created.stdout)?.[1] as string;
    expect(firstSecret).toBeDefined();
    expect(created.stdout).toContain('scopes  payments:read, payments:write, refunds:write, webhooks:manage, reports:read');
    expect(created.stdout).not.toContain(sha256(firstSecret));

    const key = JSON.parse(
      ok(
        await cli(
          ['keys', 'create', '--merchant', merchantId, '--name', 'reports', '--scopes', 'reports:read, payments:read', '--json'],
          env,
        ),
      ).stdout,
    );
    expect(key.key).toMatchObject({
      merchant_id: merchantId,
      name: 'reports',
      scopes: ['payments:read', 'reports:read'],
      status: 'active',
    });
    expect(key.secret).toMatch(/^tpg_[0-9A-Za-z]{43}$/);

    const listed = ok(await cli(['keys', 'list', '--merchant', merchantId], env));
    expect(listed.stdout).toContain(key.key.id);
    expect(listed.stdout).toContain(`${key.secret.slice(0, 8)}…`);
    expect(listed.stdout).toContain('first key');
    for (const secret of [firstSecret, key.secret]) {
      expect(listed.stdout).not.toContain(secret);
      expect(listed.stdout).not.toContain(sha256(secret));
    }
    expect(listed.stdout).not.toMatch(/[0-9a-f]{64}/);

    const revoked = ok(await cli(['keys', 'revoke', '--merchant', merchantId, '--key', key.key.id], env));
    expect(revoked.stdout).toContain(`API key ${key.key.id} (${key.secret.slice(0, 8)}…) revoked at`);

    const after = JSON.parse(ok(await cli(['keys', 'list', '--merchant', merchantId, '--json'], env)).stdout);
    expect(after.data.map((k: { id: string; status: string }) => [k.id, k.status])).toEqual([
      [expect.any(String), 'active'],
      [key.key.id, 'revoked'],
    ]);
    expect(JSON.stringify(after)).not.toContain('secret');

    // What the commands stored is what the gateway authenticates with.
    const database = openDatabase({ sqlitePath: join(dataDir, 'gateway.sqlite') });
    try {
      const { apiKeys } = createMerchantsModule(database.db);
      expect(await apiKeys.authenticate(firstSecret)).toMatchObject({ merchantId });
      expect(await apiKeys.authenticate(key.secret)).toBeNull();
      await apiKeys.flush();
    } finally {
      await database.close();
    }

    const merchants = ok(await cli(['merchants', 'list'], env));
    expect(merchants.stdout).toMatch(new RegExp(`${merchantId}\\s+1\\s+active\\s+hourly`));
  });

  it('reports unknown merchants and keys (exit 1) and bad input (exit 2)', { timeout: SLOW }, async () => {
    const unknownMerchant = await cli(['keys', 'create', '--merchant', 'mer_0000000000000000'], env);
    expect(unknownMerchant.code).toBe(1);
    expect(unknownMerchant.stderr).toContain('merchant mer_0000000000000000 not found');

    const created = JSON.parse(ok(await cli(['merchants', 'create', '--name', 'Other', '--json'], env)).stdout);
    const badScope = await cli(['keys', 'create', '--merchant', created.merchant.id, '--scopes', 'payments:read,root'], env);
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toContain('unknown scope "root"');

    const unknownKey = await cli(['keys', 'revoke', '--merchant', created.merchant.id, '--key', 'key_0000000000000000'], env);
    expect(unknownKey.code).toBe(1);
    expect(unknownKey.stderr).toContain('API key key_0000000000000000 not found');

    const noName = await cli(['merchants', 'create'], env);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('--name is required');

    const badSubcommand = await cli(['keys', 'rotate'], env);
    expect(badSubcommand.code).toBe(2);
    expect(badSubcommand.stderr).toContain('unknown subcommand "keys rotate"');
  });
});

describe('--merchant and errors as an operator reads them', () => {
  const env = { DATA_DIR: join(temp, 'default-merchant') };

  it('acts for the only merchant when --merchant is left out, and asks for one when that is ambiguous', { timeout: SLOW }, async () => {
    const none = await cli(['keys', 'list'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('error: there is no merchant yet');

    const solo = JSON.parse(ok(await cli(['merchants', 'create', '--name', 'Solo', '--json'], env)).stdout);
    const key = JSON.parse(ok(await cli(['keys', 'create', '--name', 'ci', '--json'], env)).stdout);
    expect(key.key.merchant_id).toBe(solo.merchant.id);

    ok(await cli(['merchants', 'create', '--name', 'Second'], env));
    const ambiguous = await cli(['keys', 'list'], env);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('name one with --merchant');
  });

  it('names the option of a refused value, and with --json writes {"error":{…}} on stderr with the same exit codes', {
    timeout: SLOW,
  }, async () => {
    const list = JSON.parse(ok(await cli(['merchants', 'list', '--json'], env)).stdout) as { data: { id: string }[] };
    const merchant = list.data[0]?.id as string;
    const badScope = await cli(['keys', 'create', '--merchant', merchant, '--scopes', 'payments:read,root'], env);
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toMatch(/^error: --scopes: unknown scope "root"; known: payments:read, payments:write, .*admin\n$/);
    expect(badScope.stderr).not.toContain('scopes/');

    const asJson = await cli(['keys', 'create', '--merchant', merchant, '--scopes', 'root', '--json'], env);
    expect(asJson.code).toBe(2);
    expect(asJson.stdout).toBe('');
    const usage = JSON.parse(asJson.stderr);
    expect(usage.error).toMatchObject({
      code: 'usage',
      errors: [{ path: '--scopes', message: expect.stringContaining('unknown scope "root"') }],
    });

    const missing = await cli(['keys', 'revoke', '--merchant', merchant, '--key', 'key_0000000000000000', '--json'], env);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr)).toEqual({ error: { code: 'not_found', message: 'API key key_0000000000000000 not found' } });

    const unknown = await cli(['keys', 'list', '--merchnt', merchant, '--json'], env);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stderr)).toEqual({
      error: { code: 'usage', message: 'unknown option --merchnt (did you mean --merchant?)' },
    });

    const noConfig = await cli(['migrate', '--config', join(temp, 'absent.yaml'), '--json'], env);
    expect(noConfig.code).toBe(1);
    expect(JSON.parse(noConfig.stderr)).toEqual({
      error: { code: 'config_invalid', message: `--config: no such file: ${join(temp, 'absent.yaml')}` },
    });
  });
});

describe('on PostgreSQL (DATABASE_URL)', () => {
  const name = `tpg_cli_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString(), DATA_DIR: join(temp, 'pg-data') };

  async function admin(statement: ReturnType<typeof sql>): Promise<void> {
    const database = openDatabase({ url: TEST_PG_URL, poolSize: 1 });
    try {
      await statement.execute(database.db);
    } finally {
      await database.close();
    }
  }

  beforeAll(() => admin(sql`create database ${sql.id(name)}`));
  afterAll(() => admin(sql`drop database if exists ${sql.id(name)} with (force)`));

  it('migrates, creates a merchant and keys, lists and revokes them', { timeout: SLOW }, async () => {
    const migrated = ok(await cli(['migrate'], env));
    expect(migrated.stderr).toContain('migration 0001_gateway_core: Success');
    expect(migrated.stdout).toContain(`/${name}`);

    const check = ok(await cli(['config', 'check'], env));
    expect(check.stdout).toContain(`postgresql postgres://postgres@127.0.0.1:5432/${name}`);

    const created = JSON.parse(ok(await cli(['merchants', 'create', '--name', 'PG Shop', '--json'], env)).stdout);
    expect(created.merchant).toMatchObject({ name: 'PG Shop', hd_index: 1, status: 'active' });
    expect(created.key.scopes).not.toContain('admin');

    const key = JSON.parse(ok(await cli(['keys', 'create', '--merchant', created.merchant.id, '--scopes', 'admin', '--json'], env)).stdout);
    expect(key.key.scopes).toEqual(['admin']);

    const listed = ok(await cli(['keys', 'list', '--merchant', created.merchant.id], env));
    expect(listed.stdout).toContain(key.key.id);
    expect(listed.stdout).not.toContain(key.secret);
    expect(listed.stdout).not.toContain(sha256(key.secret));

    ok(await cli(['keys', 'revoke', '--merchant', created.merchant.id, '--key', key.key.id], env));
    const database = openDatabase({ url: env.DATABASE_URL, poolSize: 1 });
    try {
      const rows = await database.db.selectFrom('api_keys').select(['id', 'key_hash', 'revoked_at']).orderBy('created_at').execute();
      expect(rows.map((r) => r.key_hash)).toEqual([sha256(created.secret), sha256(key.secret)]);
      expect(rows[1]?.revoked_at).not.toBeNull();
      const { apiKeys } = createMerchantsModule(database.db);
      expect(await apiKeys.authenticate(key.secret)).toBeNull();
      expect(await apiKeys.authenticate(created.secret)).not.toBeNull();
      await apiKeys.flush();
    } finally {
      await database.close();
    }
  });
});

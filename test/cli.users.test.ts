/**
 * `tron-payment-gateway users …` as an operator runs it (the compiled build), on SQLite and PostgreSQL:
 * the first owner with a one-time password, a user with --password-stdin, list, disable and
 * reset-password, each checked by logging in against the same database; refusals exit 1 or 2.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.js';
import { createDashboardUsersModule } from '../src/modules/dashboard-users/dashboard-users.module.js';
import { createMerchantsModule } from '../src/modules/merchants/merchants.module.js';
import { type CliRun, runCli } from './cli-harness.js';
import { TEST_PG_URL } from './db-harness.js';
import { testConfig } from './gateway-harness.js';

const SLOW = 180_000;
const temp = mkdtempSync(join(tmpdir(), 'tpg-cli-users-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function ok(run: CliRun): CliRun {
  if (run.code !== 0) throw new Error(`exit ${run.code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
  return run;
}

interface Target {
  env: Record<string, string>;
  open(): Database;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

function sqliteTarget(): Target {
  const dataDir = join(temp, 'sqlite');
  return {
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ sqlitePath: join(dataDir, 'gateway.sqlite') }),
    setUp: async () => {},
    tearDown: async () => {},
  };
}

function postgresTarget(): Target {
  const name = `tpg_cli_users_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const admin = async (statement: ReturnType<typeof sql>) => {
    const database = openDatabase({ url: TEST_PG_URL, poolSize: 1 });
    try {
      await statement.execute(database.db);
    } finally {
      await database.close();
    }
  };
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: join(temp, 'pg-data') },
    open: () => openDatabase({ url: url.toString(), poolSize: 2 }),
    setUp: () => admin(sql`create database ${sql.id(name)}`),
    tearDown: () => admin(sql`drop database if exists ${sql.id(name)} with (force)`),
  };
}

describe.each([
  ['sqlite', sqliteTarget],
  ['postgres', postgresTarget],
] as const)('users commands (%s)', (_engine, makeTarget) => {
  const target = makeTarget();
  const cli = (args: string[], input?: string) => runCli(args, target.env, input);
  beforeAll(() => target.setUp());
  afterAll(() => target.tearDown());

  /** Logs in against the database the CLI wrote, as the gateway would. */
  async function tryLogin(email: string, password: string) {
    const database = target.open();
    try {
      const merchants = createMerchantsModule(database.db);
      const { sessions } = createDashboardUsersModule(database.db, { config: testConfig(), merchants: merchants.merchants });
      return await sessions.login({ email, password, clientIp: '127.0.0.1', userAgent: 'test', requestId: null });
    } finally {
      await database.close();
    }
  }

  it('creates users, lists, disables and resets passwords; each result holds at login', { timeout: SLOW }, async () => {
    const merchant = JSON.parse(ok(await cli(['merchants', 'create', '--name', 'Users Shop', '--json'])).stdout).merchant;

    const created = ok(await cli(['users', 'create', '--merchant', merchant.id, '--email', 'Owner@Shop.Example', '--role', 'owner']));
    const oneTime = /one-time password\s+(\S+)/.exec(created.stdout)?.[1] as string;
    expect(oneTime).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(created.stdout).toMatch(/dashboard user usr_[0-9a-f]{32} <owner@shop\.example> \(owner\)/);
    expect(created.stdout).toContain('This is the only time it is shown');
    const first = await tryLogin('owner@shop.example', oneTime);
    expect(first.user).toMatchObject({ role: 'owner', must_change_password: true });

    const fromStdin = JSON.parse(
      ok(
        await cli(
          ['users', 'create', '--email', 'op@shop.example', '--role', 'operator', '--password-stdin', '--json'],
          'a chosen passphrase 1\n',
        ),
      ).stdout,
    );
    expect(fromStdin).toMatchObject({
      user: { email: 'op@shop.example', role: 'operator', must_change_password: false },
      one_time_password: null,
    });
    expect((await tryLogin('op@shop.example', 'a chosen passphrase 1')).user.id).toBe(fromStdin.user.id);

    const listed = ok(await cli(['users', 'list']));
    expect(listed.stdout).toMatch(/owner@shop\.example\s+owner\s+active\s+no/);
    expect(listed.stdout).toMatch(/op@shop\.example\s+operator\s+active\s+no/);
    const listedJson = ok(await cli(['users', 'list', '--json'])).stdout;
    expect(JSON.parse(listedJson).data).toHaveLength(2);
    expect(listedJson).not.toContain(oneTime);
    expect(listedJson).not.toContain('scrypt$');

    const disabled = ok(await cli(['users', 'disable', '--user', 'op@shop.example']));
    expect(disabled.stdout).toBe(`dashboard user ${fromStdin.user.id} <op@shop.example> disabled\n`);
    await expect(tryLogin('op@shop.example', 'a chosen passphrase 1')).rejects.toThrow('the e-mail or password is wrong');

    const reset = ok(await cli(['users', 'reset-password', '--user', first.user.id]));
    const replaced = /one-time password\s+(\S+)/.exec(reset.stdout)?.[1] as string;
    expect(replaced).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(replaced).not.toBe(oneTime);
    await expect(tryLogin('owner@shop.example', oneTime)).rejects.toThrow('the e-mail or password is wrong');
    expect((await tryLogin('owner@shop.example', replaced)).user.must_change_password).toBe(true);

    const database = target.open();
    try {
      const rows = await database.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'after'])
        .where('entity_type', '=', 'dashboard_user')
        .execute();
      expect(rows.map((r) => [r.actor, r.action])).toEqual(
        expect.arrayContaining([
          ['cli:users create', 'dashboard_user.created'],
          ['cli:users disable', 'dashboard_user.disabled'],
          ['cli:users reset-password', 'dashboard_user.password_reset'],
        ]),
      );
      const text = JSON.stringify(rows);
      for (const secret of [oneTime, replaced, 'a chosen passphrase 1']) expect(text).not.toContain(secret);
    } finally {
      await database.close();
    }
  });

  it('refuses a bad role or e-mail (exit 2), a taken e-mail, the last owner and an unknown user (exit 1)', { timeout: SLOW }, async () => {
    const badRole = await cli(['users', 'create', '--email', 'x@shop.example', '--role', 'root']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role: must be one of owner, admin, operator, viewer');
    const badEmail = await cli(['users', 'create', '--email', 'not-an-email', '--role', 'viewer']);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain('--email: must be an e-mail address');
    const shortPassword = await cli(['users', 'create', '--email', 'y@shop.example', '--role', 'viewer', '--password-stdin'], 'short\n');
    expect(shortPassword.code).toBe(2);
    expect(shortPassword.stderr).toContain('--password-stdin: must be at least 12 characters');
    const empty = await cli(['users', 'create', '--email', 'y@shop.example', '--role', 'viewer', '--password-stdin'], '');
    expect(empty.code).toBe(2);

    const taken = await cli(['users', 'create', '--email', 'owner@shop.example', '--role', 'viewer']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('a dashboard user with the e-mail owner@shop.example exists already');
    const lastOwner = await cli(['users', 'disable', '--user', 'owner@shop.example', '--json']);
    expect(lastOwner.code).toBe(1);
    expect(JSON.parse(lastOwner.stderr).error).toMatchObject({ code: 'conflict', message: 'the last owner cannot be demoted or disabled' });
    const unknown = await cli(['users', 'reset-password', '--user', 'nobody@shop.example']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('dashboard user nobody@shop.example not found');
    const missing = await cli(['users', 'disable']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--user is required');
  });
});

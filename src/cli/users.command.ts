/**
 * `tron-payment-gateway users create|list|disable|reset-password`: dashboard users of a merchant (issue
 * 22). A one-time password is printed once (the user changes it at first login); `--password-stdin`
 * reads the password from standard input instead, so that it never sits in the shell's history. The CLI
 * acts as an owner: it is how the first owner of an install is made.
 */
import type { GatewayConfig } from '../config/load.js';
import { createDashboardUsersModule, type DashboardUsersModule } from '../modules/dashboard-users/dashboard-users.module.js';
import type { CreatedUser } from '../modules/dashboard-users/users.service.js';
import type { MerchantsModule } from '../modules/merchants/merchants.module.js';
import { DASHBOARD_ROLES } from '../shared/catalogues/dashboard-roles.js';
import { HELP_OPTION, JSON_OPTION, type OptionSpec, type OptionValues, UsageError } from './args.js';
import type { CommandGroup } from './command.js';
import { CONFIG_OPTION, loadCliConfig, MERCHANT_OPTION, optionalString, requireString, resolveMerchant, withModules } from './context.js';
import { formatTable, printJson, say } from './output.js';

const FIELDS = { email: 'email', role: 'role', password: 'password-stdin' };
const COMMON: Record<string, OptionSpec> = { ...MERCHANT_OPTION, ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION };
const PASSWORD_STDIN: Record<string, OptionSpec> = {
  'password-stdin': { type: 'boolean', description: 'read the password from standard input instead of making a one-time password' },
};
const USER_OPTION: Record<string, OptionSpec> = {
  user: { type: 'string', value: 'id|email', description: 'the user, usr_… or e-mail (required)' },
};

/** The CLI is the install's operator: it manages users as an owner would. */
const cliManager = (command: string) => ({ role: 'owner' as const, actor: `cli:users ${command}`, requestId: null });

/** Standard input up to its end, without its final line break; an empty password is a usage error. */
async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password === '') throw new UsageError('--password-stdin: standard input was empty');
  return password;
}

async function withUsers<T>(
  config: GatewayConfig,
  work: (modules: MerchantsModule & { dashboard: DashboardUsersModule }) => Promise<T>,
): Promise<T> {
  return withModules(
    config,
    (modules, db) => work({ ...modules, dashboard: createDashboardUsersModule(db, { config, merchants: modules.merchants }) }),
    FIELDS,
  );
}

function printCreated({ user, oneTimePassword }: CreatedUser, values: OptionValues, what: string): void {
  if (values.json) {
    printJson({ user, one_time_password: oneTimePassword });
    return;
  }
  say(`${what} ${user.id} <${user.email}> (${user.role}) for merchant ${user.merchant_id}`);
  if (oneTimePassword === null) return;
  say(`  one-time password  ${oneTimePassword}`);
  say('This is the only time it is shown; the user must change it at the first login.');
}

export const usersCommand: CommandGroup = {
  name: 'users',
  summary: 'dashboard users of a merchant',
  subcommands: {
    create: {
      name: 'users create',
      summary: 'create a dashboard user; prints a one-time password once',
      options: {
        email: { type: 'string', value: 'email', description: 'the e-mail the user logs in with (required)' },
        role: { type: 'string', value: 'role', description: `${DASHBOARD_ROLES.join(', ')} (required)` },
        ...PASSWORD_STDIN,
        ...COMMON,
      },
      async run({ values }) {
        const email = requireString(values, 'email');
        const role = requireString(values, 'role');
        const password = values['password-stdin'] === true ? await readPasswordFromStdin() : undefined;
        const config = loadCliConfig(values);
        await withUsers(config, async ({ merchants, dashboard }) => {
          const merchant = await resolveMerchant(merchants, optionalString(values, 'merchant'));
          const created = await dashboard.users.createUser(
            { merchantId: merchant.id, email, role, ...(password !== undefined ? { password } : {}) },
            cliManager('create'),
          );
          printCreated(created, values, 'dashboard user');
        });
      },
    },
    list: {
      name: 'users list',
      summary: "list a merchant's dashboard users",
      options: COMMON,
      async run({ values }) {
        const config = loadCliConfig(values);
        await withUsers(config, async ({ merchants, dashboard }) => {
          const merchant = await resolveMerchant(merchants, optionalString(values, 'merchant'));
          const users = await dashboard.users.listUsers(merchant.id);
          if (values.json) return printJson({ data: users });
          if (users.length === 0) return void say(`merchant ${merchant.id} has no dashboard users`);
          const rows = users.map((u) => [u.id, u.email, u.role, u.status, u.totp_enabled ? 'yes' : 'no', u.created_at]);
          say(formatTable(['ID', 'EMAIL', 'ROLE', 'STATUS', 'TOTP', 'CREATED'], rows));
        });
      },
    },
    disable: {
      name: 'users disable',
      summary: 'disable a user; their sessions end at once',
      options: { ...USER_OPTION, ...COMMON },
      async run({ values }) {
        const who = requireString(values, 'user');
        const config = loadCliConfig(values);
        await withUsers(config, async ({ merchants, dashboard }) => {
          const merchant = await resolveMerchant(merchants, optionalString(values, 'merchant'));
          const userId = await dashboard.users.findUserId(merchant.id, who);
          const user = await dashboard.users.disableUser(merchant.id, userId, cliManager('disable'));
          if (values.json) return printJson(user);
          say(`dashboard user ${user.id} <${user.email}> disabled`);
        });
      },
    },
    'reset-password': {
      name: 'users reset-password',
      summary: "reset a user's password (a one-time password unless --password-stdin); their sessions end",
      options: { ...USER_OPTION, ...PASSWORD_STDIN, ...COMMON },
      async run({ values }) {
        const who = requireString(values, 'user');
        const password = values['password-stdin'] === true ? await readPasswordFromStdin() : undefined;
        const config = loadCliConfig(values);
        await withUsers(config, async ({ merchants, dashboard }) => {
          const merchant = await resolveMerchant(merchants, optionalString(values, 'merchant'));
          const userId = await dashboard.users.findUserId(merchant.id, who);
          const reset = await dashboard.users.resetPassword(merchant.id, userId, cliManager('reset-password'), password);
          printCreated(reset, values, 'password reset for');
        });
      },
    },
  },
};

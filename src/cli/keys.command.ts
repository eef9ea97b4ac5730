/** `tron-payment-gateway keys create|list|revoke`: API keys of one merchant. A key's secret is printed once, at creation. */
import type { CreatedKey } from '../modules/merchants/api-keys.service.js';
import { ALL_SCOPES } from '../modules/merchants/merchant.js';
import { HELP_OPTION, JSON_OPTION, type OptionSpec } from './args.js';
import type { CommandGroup } from './command.js';
import {
  CONFIG_OPTION,
  commaList,
  loadCliConfig,
  MERCHANT_OPTION,
  optionalString,
  requireString,
  resolveMerchant,
  withModules,
} from './context.js';
import { formatTable, printJson, say } from './output.js';

const FIELDS = { name: 'name', scopes: 'scopes' };
const COMMON: Record<string, OptionSpec> = { ...MERCHANT_OPTION, ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION };

/** The key and, once, its secret. */
export function printCreatedKey({ key, secret }: CreatedKey): void {
  say(`API key ${key.id} (${key.name}) for merchant ${key.merchant_id}`);
  say(`  scopes  ${key.scopes.join(', ')}`);
  say(`  key     ${secret}`);
  say('This is the only time the key is shown; store it now (send it as "Authorization: Bearer <key>").');
}

export const keysCommand: CommandGroup = {
  name: 'keys',
  summary: 'API keys of a merchant',
  subcommands: {
    create: {
      name: 'keys create',
      summary: 'create an API key; its secret is shown once',
      options: {
        name: { type: 'string', value: 'name', description: 'what the key is for (default "cli")' },
        scopes: {
          type: 'string',
          value: 'a,b',
          description: `comma-separated: ${ALL_SCOPES.join(', ')} (default: all but admin and payouts:write)`,
        },
        ...COMMON,
      },
      async run({ values }) {
        const scopes = optionalString(values, 'scopes');
        const config = loadCliConfig(values);
        await withModules(
          config,
          async ({ merchants, apiKeys }) => {
            const merchant = await resolveMerchant(merchants, optionalString(values, 'merchant'));
            const created = await apiKeys.createKey(
              {
                merchantId: merchant.id,
                name: optionalString(values, 'name') ?? 'cli',
                scopes: scopes === undefined ? undefined : commaList(scopes),
              },
              { actor: 'cli:keys create', requestId: null },
            );
            if (values.json) return printJson({ key: created.key, secret: created.secret });
            printCreatedKey(created);
          },
          FIELDS,
        );
      },
    },
    list: {
      name: 'keys list',
      summary: "list a merchant's keys (never their secrets)",
      options: COMMON,
      async run({ values }) {
        const config = loadCliConfig(values);
        await withModules(config, async ({ merchants, apiKeys }) => {
          const merchant = await resolveMerchant(merchants, optionalString(values, 'merchant'));
          const keys = await apiKeys.listKeys(merchant.id);
          if (values.json) return printJson({ data: keys });
          if (keys.length === 0) return void say(`merchant ${merchant.id} has no API keys`);
          const rows = keys.map((k) => [k.id, k.prefix, k.status, k.created_at, k.last_used_at ?? 'never', k.scopes.join(','), k.name]);
          say(formatTable(['ID', 'PREFIX', 'STATUS', 'CREATED', 'LAST USED', 'SCOPES', 'NAME'], rows));
        });
      },
    },
    revoke: {
      name: 'keys revoke',
      summary: 'revoke a key at once',
      options: { key: { type: 'string', value: 'key_id', description: 'key id, key_… (required)' }, ...COMMON },
      async run({ values }) {
        const keyId = requireString(values, 'key');
        const config = loadCliConfig(values);
        await withModules(config, async ({ merchants, apiKeys }) => {
          const merchant = await resolveMerchant(merchants, optionalString(values, 'merchant'));
          const key = await apiKeys.revokeKey(merchant.id, keyId, { actor: 'cli:keys revoke', requestId: null });
          if (values.json) return printJson(key);
          say(`API key ${key.id} (${key.prefix}) revoked at ${key.revoked_at}`);
        });
      },
    },
  },
};

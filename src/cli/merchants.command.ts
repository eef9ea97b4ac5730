/** `tron-payment-gateway merchants create|list`: merchants of this install, each created with its first API key. */
import { toMerchantView } from '../modules/merchants/merchant.js';
import { toIso } from '../shared/clock.js';
import { HELP_OPTION, JSON_OPTION } from './args.js';
import type { CommandGroup } from './command.js';
import { CONFIG_OPTION, loadCliConfig, optionalString, requireString, withModules } from './context.js';
import { printCreatedKey } from './keys.command.js';
import { formatTable, printJson, say } from './output.js';

const FIELDS = { name: 'name', settlement_frequency: 'settlement-frequency' };

export const merchantsCommand: CommandGroup = {
  name: 'merchants',
  summary: 'merchants of this install and their first API key',
  subcommands: {
    create: {
      name: 'merchants create',
      summary: 'create a merchant and its first API key (every scope but admin and payouts:write; shown once)',
      options: {
        name: { type: 'string', value: 'name', description: 'display name (required)' },
        'settlement-frequency': {
          type: 'string',
          value: 'frequency',
          description: 'instant, hourly, daily or weekly (default: settlement.frequency)',
        },
        ...JSON_OPTION,
        ...CONFIG_OPTION,
        ...HELP_OPTION,
      },
      async run({ values }) {
        const name = requireString(values, 'name');
        const config = loadCliConfig(values);
        await withModules(
          config,
          async ({ merchants, apiKeys }) => {
            const cliActor = { actor: 'cli:merchants create', requestId: null };
            const merchant = await merchants.createMerchant(
              { name, settlementFrequency: optionalString(values, 'settlement-frequency') },
              cliActor,
            );
            const created = await apiKeys.createKey({ merchantId: merchant.id, name: 'first key' }, cliActor);
            if (values.json) return printJson({ merchant: toMerchantView(merchant), key: created.key, secret: created.secret });
            say(`merchant ${merchant.id} created`);
            say(`  name              ${merchant.name}`);
            say(`  hot wallet index  ${merchant.hdIndex}`);
            say(`  settlement        ${merchant.settlementFrequency ?? `${config.raw.settlement.frequency} (gateway default)`}`);
            printCreatedKey(created);
          },
          FIELDS,
        );
      },
    },
    list: {
      name: 'merchants list',
      summary: 'list the merchants',
      options: { ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION },
      async run({ values }) {
        const config = loadCliConfig(values);
        await withModules(config, async ({ merchants }) => {
          const list = await merchants.listMerchants();
          if (values.json) return printJson({ data: list.map(toMerchantView) });
          if (list.length === 0) return void say('no merchants yet (the gateway creates the default one at its first start)');
          const rows = list.map((m) => [m.id, String(m.hdIndex), m.status, m.settlementFrequency ?? 'default', toIso(m.createdAt), m.name]);
          say(formatTable(['ID', 'INDEX', 'STATUS', 'SETTLEMENT', 'CREATED', 'NAME'], rows));
        });
      },
    },
  },
};

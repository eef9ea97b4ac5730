/** `tron-payment-gateway merchants create|list`: merchants of this install, each created with its first API key. */
import { toMerchantView } from '../modules/merchants/merchant.js';
import { toIso } from '../shared/clock.js';
import { type FlagSpec, parseFlags, usage } from './args.js';
import {
  COMMON_FLAGS,
  dispatchSubcommand,
  formatTable,
  JSON_FLAG,
  loadCliConfig,
  optionalString,
  printJson,
  requireString,
  withModules,
} from './context.js';
import { printCreatedKey } from './keys.command.js';

const CREATE_FLAGS: Record<string, FlagSpec> = {
  name: { type: 'string', description: 'display name (required)' },
  'settlement-frequency': { type: 'string', description: 'instant, hourly, daily or weekly (default: settlement.frequency)' },
  ...JSON_FLAG,
  ...COMMON_FLAGS,
};
const LIST_FLAGS: Record<string, FlagSpec> = { ...JSON_FLAG, ...COMMON_FLAGS };

const HELP = `usage: tron-payment-gateway merchants <subcommand> [options]

subcommands:
  create     create a merchant and its first API key (every scope but admin; shown once)
  list       list the merchants

${usage('merchants create', CREATE_FLAGS)}

${usage('merchants list', LIST_FLAGS)}`;

export async function runMerchantsCommand(argv: string[]): Promise<void> {
  await dispatchSubcommand('merchants', argv, { create: createMerchant, list: listMerchants }, HELP);
}

async function createMerchant(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, CREATE_FLAGS);
  if (flags.help) return void console.log(usage('merchants create', CREATE_FLAGS));
  const name = requireString(flags, 'name');
  const config = loadCliConfig(flags);
  await withModules(config, async ({ merchants, apiKeys }) => {
    const cliActor = { actor: 'cli:merchants create', requestId: null };
    const merchant = await merchants.createMerchant({ name, settlementFrequency: optionalString(flags, 'settlement-frequency') }, cliActor);
    const created = await apiKeys.createKey({ merchantId: merchant.id, name: 'first key' }, cliActor);
    if (flags.json) return printJson({ merchant: toMerchantView(merchant), key: created.key, secret: created.secret });
    console.log(`merchant ${merchant.id} created`);
    console.log(`  name              ${merchant.name}`);
    console.log(`  hot wallet index  ${merchant.hdIndex}`);
    console.log(`  settlement        ${merchant.settlementFrequency ?? `${config.raw.settlement.frequency} (gateway default)`}`);
    printCreatedKey(created);
  });
}

async function listMerchants(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, LIST_FLAGS);
  if (flags.help) return void console.log(usage('merchants list', LIST_FLAGS));
  const config = loadCliConfig(flags);
  await withModules(config, async ({ merchants }) => {
    const list = await merchants.listMerchants();
    if (flags.json) return printJson({ data: list.map(toMerchantView) });
    if (list.length === 0) return void console.log('no merchants yet (the gateway creates the default one at its first start)');
    const rows = list.map((m) => [m.id, String(m.hdIndex), m.status, m.settlementFrequency ?? 'default', toIso(m.createdAt), m.name]);
    console.log(formatTable(['ID', 'INDEX', 'STATUS', 'SETTLEMENT', 'CREATED', 'NAME'], rows));
  });
}

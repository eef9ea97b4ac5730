/** `tron-payment-gateway keys create|list|revoke`: API keys of one merchant. A key's secret is printed once, at creation. */
import type { CreatedKey } from '../modules/merchants/api-keys.service.js';
import { type FlagSpec, parseFlags, usage } from './args.js';
import {
  COMMON_FLAGS,
  commaList,
  dispatchSubcommand,
  formatTable,
  JSON_FLAG,
  loadCliConfig,
  optionalString,
  printJson,
  requireString,
  withModules,
} from './context.js';

const MERCHANT_FLAG: Record<string, FlagSpec> = { merchant: { type: 'string', description: 'merchant id, mer_… (required)' } };
const CREATE_FLAGS: Record<string, FlagSpec> = {
  ...MERCHANT_FLAG,
  name: { type: 'string', description: 'what the key is for (default "cli")' },
  scopes: {
    type: 'string',
    description:
      'comma-separated: payments:read, payments:write, refunds:write, webhooks:manage, reports:read, admin (default: all but admin)',
  },
  ...JSON_FLAG,
  ...COMMON_FLAGS,
};
const LIST_FLAGS: Record<string, FlagSpec> = { ...MERCHANT_FLAG, ...JSON_FLAG, ...COMMON_FLAGS };
const REVOKE_FLAGS: Record<string, FlagSpec> = {
  ...MERCHANT_FLAG,
  key: { type: 'string', description: 'key id, key_… (required)' },
  ...JSON_FLAG,
  ...COMMON_FLAGS,
};

const HELP = `usage: tron-payment-gateway keys <subcommand> [options]

subcommands:
  create     create an API key; its secret is shown once
  list       list a merchant's keys (never their secrets)
  revoke     revoke a key at once

${usage('keys create', CREATE_FLAGS)}

${usage('keys list', LIST_FLAGS)}

${usage('keys revoke', REVOKE_FLAGS)}`;

export async function runKeysCommand(argv: string[]): Promise<void> {
  await dispatchSubcommand('keys', argv, { create: createKey, list: listKeys, revoke: revokeKey }, HELP);
}

/** The key and, once, its secret. */
export function printCreatedKey({ key, secret }: CreatedKey): void {
  console.log(`API key ${key.id} (${key.name}) for merchant ${key.merchant_id}`);
  console.log(`  scopes  ${key.scopes.join(', ')}`);
  console.log(`  key     ${secret}`);
  console.log('This is the only time the key is shown; store it now (send it as "Authorization: Bearer <key>").');
}

async function createKey(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, CREATE_FLAGS);
  if (flags.help) return void console.log(usage('keys create', CREATE_FLAGS));
  const merchantId = requireString(flags, 'merchant');
  const scopes = optionalString(flags, 'scopes');
  const config = loadCliConfig(flags);
  await withModules(config, async ({ apiKeys }) => {
    const created = await apiKeys.createKey(
      { merchantId, name: optionalString(flags, 'name') ?? 'cli', scopes: scopes === undefined ? undefined : commaList(scopes) },
      { actor: 'cli:keys create', requestId: null },
    );
    if (flags.json) return printJson({ key: created.key, secret: created.secret });
    printCreatedKey(created);
  });
}

async function listKeys(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, LIST_FLAGS);
  if (flags.help) return void console.log(usage('keys list', LIST_FLAGS));
  const merchantId = requireString(flags, 'merchant');
  const config = loadCliConfig(flags);
  await withModules(config, async ({ merchants, apiKeys }) => {
    await merchants.getMerchant(merchantId);
    const keys = await apiKeys.listKeys(merchantId);
    if (flags.json) return printJson({ data: keys });
    if (keys.length === 0) return void console.log(`merchant ${merchantId} has no API keys`);
    const rows = keys.map((k) => [k.id, k.prefix, k.status, k.created_at, k.last_used_at ?? 'never', k.scopes.join(','), k.name]);
    console.log(formatTable(['ID', 'PREFIX', 'STATUS', 'CREATED', 'LAST USED', 'SCOPES', 'NAME'], rows));
  });
}

async function revokeKey(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, REVOKE_FLAGS);
  if (flags.help) return void console.log(usage('keys revoke', REVOKE_FLAGS));
  const merchantId = requireString(flags, 'merchant');
  const keyId = requireString(flags, 'key');
  const config = loadCliConfig(flags);
  await withModules(config, async ({ merchants, apiKeys }) => {
    await merchants.getMerchant(merchantId);
    const key = await apiKeys.revokeKey(merchantId, keyId, { actor: 'cli:keys revoke', requestId: null });
    if (flags.json) return printJson(key);
    console.log(`API key ${key.id} (${key.prefix}) revoked at ${key.revoked_at}`);
  });
}

/** `tron-payment-gateway config check`: the start-up validation on its own, with a short summary or every problem. */
import { ENV_OVERRIDES } from '../config/env.js';
import type { GatewayConfig } from '../config/load.js';
import { redactUrl } from '../db/database.js';
import { type FlagSpec, parseFlags, UsageError, usage } from './args.js';
import { COMMON_FLAGS, configSourceLabel, loadCliConfig, sqlitePathOf, subcommand } from './context.js';

const CHECK_FLAGS: Record<string, FlagSpec> = { ...COMMON_FLAGS };

const HELP = `usage: tron-payment-gateway config <subcommand> [options]

subcommands:
  check      validate the configuration file and environment as the gateway would at start

${usage('config check', CHECK_FLAGS)}`;

export async function runConfigCommand(argv: string[]): Promise<void> {
  const { name, rest } = subcommand(argv);
  if (name === undefined) {
    if (rest.length > 0 && rest[0] !== '--help') throw new UsageError(`config needs a subcommand\n\n${HELP}`);
    console.log(HELP);
    return;
  }
  if (name !== 'check') throw new UsageError(`unknown subcommand "config ${name}"\n\n${HELP}`);
  const flags = parseFlags(rest, CHECK_FLAGS);
  if (flags.help) {
    console.log(usage('config check', CHECK_FLAGS));
    return;
  }
  const config = loadCliConfig(flags);
  console.log(`configuration OK (${configSourceLabel(config)})`);
  console.log(summarize(config, process.env));
}

/** A few lines an operator checks at a glance; never a secret. */
export function summarize(config: GatewayConfig, env: Readonly<Record<string, string | undefined>>): string {
  const raw = config.raw;
  const network =
    raw.network.name === 'devnet' && raw.network.rpc_urls.length === 0
      ? `devnet (embedded node on ${raw.network.devnet.host}:${raw.network.devnet.port})`
      : `${raw.network.name} (${raw.network.rpc_urls.length} node URL${raw.network.rpc_urls.length === 1 ? '' : 's'})`;
  const database = raw.database.url ? `postgresql ${redactUrl(raw.database.url)}` : `sqlite ${sqlitePathOf(config)}`;
  const seed = raw.wallets.mnemonic
    ? 'from configuration (hidden)'
    : raw.wallets.mnemonic_file
      ? `from file ${raw.wallets.mnemonic_file}`
      : 'generated and kept in the data directory (devnet only)';
  const overrides = ENV_OVERRIDES.filter((o) => env[o.variable] !== undefined).map((o) => o.variable);
  const rows: [string, string][] = [
    ['network', network],
    ['database', database],
    ['api', `${raw.server.host}:${raw.server.port}, roles ${raw.server.roles.join(', ')}`],
    ['data dir', raw.server.data_dir],
    ['wallet seed', seed],
    ['environment', overrides.length > 0 ? `overrides from ${overrides.join(', ')}` : 'no overrides'],
  ];
  return rows.map(([key, value]) => `  ${key.padEnd(12)} ${value}`).join('\n');
}

/** `tron-payment-gateway config check`: the start-up validation on its own, with a short summary or every problem. */
import { ENV_OVERRIDES } from '../config/env.js';
import type { GatewayConfig } from '../config/load.js';
import { redactUrl } from '../db/database.js';
import { HELP_OPTION, JSON_OPTION } from './args.js';
import type { CommandGroup } from './command.js';
import { CONFIG_OPTION, configSourceLabel, loadCliConfig, sqlitePathOf } from './context.js';
import { printJson, say } from './output.js';

export const configCommand: CommandGroup = {
  name: 'config',
  summary: 'the configuration file and environment',
  subcommands: {
    check: {
      name: 'config check',
      summary: 'validate the configuration and environment as the gateway would at start',
      options: { ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION },
      async run({ values }) {
        const config = loadCliConfig(values);
        const rows = summaryRows(config, process.env);
        if (values.json)
          return printJson({
            ok: true,
            source: configSourceLabel(config),
            ...Object.fromEntries(rows.map(([k, v]) => [k.replace(' ', '_'), v])),
          });
        say(`configuration OK (${configSourceLabel(config)})`);
        say(summarize(config, process.env));
      },
    },
  },
};

/** A few lines an operator checks at a glance; never a secret. */
function summarize(config: GatewayConfig, env: Readonly<Record<string, string | undefined>>): string {
  return summaryRows(config, env)
    .map(([key, value]) => `  ${key.padEnd(12)} ${value}`)
    .join('\n');
}

function summaryRows(config: GatewayConfig, env: Readonly<Record<string, string | undefined>>): [string, string][] {
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
  return [
    ['network', network],
    ['database', database],
    ['api', `${raw.server.host}:${raw.server.port}, roles ${raw.server.roles.join(', ')}`],
    ['data dir', raw.server.data_dir],
    ['wallet seed', seed],
    ['environment', overrides.length > 0 ? `overrides from ${overrides.join(', ')}` : 'no overrides'],
  ];
}

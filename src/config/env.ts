/**
 * The environment variables the gateway reads, and the config key each one overrides. This file and
 * the CLI entry are the only places that look at `process.env`.
 */

type Kind = 'string' | 'int' | 'bool' | 'list';

export interface EnvOverride {
  variable: string;
  path: string[];
  kind: Kind;
}

const o = (variable: string, path: string, kind: Kind = 'string'): EnvOverride => ({ variable, path: path.split('.'), kind });

export const ENV_OVERRIDES: readonly EnvOverride[] = [
  o('SERVICE_HOST', 'server.host'),
  o('SERVICE_PORT', 'server.port', 'int'),
  o('DATA_DIR', 'server.data_dir'),
  o('TPG_ROLES', 'server.roles', 'list'),
  o('TPG_INSTANCE_ID', 'server.instance_id'),
  o('DATABASE_URL', 'database.url'),
  o('TRON_NETWORK', 'network.name'),
  o('TRON_RPC_URL', 'network.rpc_urls', 'list'),
  o('TRON_SOLIDITY_URL', 'network.solidity_urls', 'list'),
  o('TRON_EVENT_URL', 'network.event_urls', 'list'),
  o('TRONGRID_API_KEY', 'network.trongrid_api_key'),
  o('USDT_CONTRACT', 'network.usdt_contract'),
  o('DEVNET_HOST', 'network.devnet.host'),
  o('DEVNET_PORT', 'network.devnet.port', 'int'),
  o('DEVNET_BLOCK_TIME_MS', 'network.devnet.block_time_ms', 'int'),
  o('DEVNET_SOLIDIFY_LAG', 'network.devnet.solidify_lag', 'int'),
  o('TPG_WALLET_MNEMONIC', 'wallets.mnemonic'),
  o('TPG_WALLET_MNEMONIC_FILE', 'wallets.mnemonic_file'),
  o('CORS_ORIGINS', 'security.cors_origins', 'list'),
  o('TPG_BOOTSTRAP_API_KEY', 'security.bootstrap_api_key'),
  o('WEBHOOKS_ALLOW_PRIVATE_TARGETS', 'webhooks.allow_private_targets', 'bool'),
  o('LOG_LEVEL', 'logging.level'),
  o('DEPLOYMENT_ENVIRONMENT', 'deployment.environment'),
];

/** Variable that names the YAML file; the default is config/payment-gateway-config.yaml. */
export const CONFIG_FILE_VARIABLE = 'TPG_CONFIG_FILE';

export type EnvProblem = { key: string; message: string };

/** Converts the set variables to typed values; a value that does not convert is reported, not guessed. */
export function readEnvOverrides(env: Readonly<Record<string, string | undefined>>): {
  values: { path: string[]; value: unknown; variable: string }[];
  problems: EnvProblem[];
} {
  const values: { path: string[]; value: unknown; variable: string }[] = [];
  const problems: EnvProblem[] = [];
  for (const override of ENV_OVERRIDES) {
    const raw = env[override.variable];
    if (raw === undefined) continue;
    const text = raw.trim();
    switch (override.kind) {
      case 'string':
        values.push({ path: override.path, value: text, variable: override.variable });
        break;
      case 'int':
        if (/^\d+$/.test(text)) values.push({ path: override.path, value: Number(text), variable: override.variable });
        else problems.push({ key: override.variable, message: `must be a whole number, got "${text.slice(0, 40)}"` });
        break;
      case 'bool':
        if (/^(true|1|yes)$/i.test(text)) values.push({ path: override.path, value: true, variable: override.variable });
        else if (/^(false|0|no|)$/i.test(text)) values.push({ path: override.path, value: false, variable: override.variable });
        else problems.push({ key: override.variable, message: `must be true or false, got "${text.slice(0, 40)}"` });
        break;
      case 'list':
        values.push({
          path: override.path,
          value:
            text === ''
              ? []
              : text
                  .split(',')
                  .map((item) => item.trim())
                  .filter((item) => item.length > 0),
          variable: override.variable,
        });
        break;
    }
  }
  return { values, problems };
}

/**
 * `tron-payment-gateway start`: runs the gateway (API, workers) with the configured database and chain.
 * The banner goes to stderr (stdout carries the JSON log lines); SIGINT or SIGTERM stop it cleanly and
 * it exits 0. A data directory whose embedded files (SQLite, devnet) it uses is locked while it runs.
 */
import { type StartedGateway, startGateway } from '../app/gateway.js';
import type { GatewayConfig } from '../config/load.js';
import { CliFailure, HELP_OPTION, JSON_OPTION } from './args.js';
import type { Command } from './command.js';
import { CONFIG_OPTION, loadCliConfig, lockDataDirs } from './context.js';
import type { DataDirLock } from './data-dir-lock.js';
import { tuneHeapForService } from './heap-tuning.js';
import { note } from './output.js';
import { packageVersion } from './version.js';

export { packageVersion } from './version.js';

/** Beyond the configured shutdown grace, a stop that hangs is cut short (exit 1) rather than left running. */
const STOP_DEADLINE_EXTRA_MS = 5000;

export const startCommand: Command = {
  name: 'start',
  summary: 'run the gateway: API and workers (embedded database and devnet by default)',
  options: { ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION },
  notes: [
    'The banner (where it listens, the first API key) goes to stderr, as JSON with --json; log lines are',
    'JSON on stdout. SIGINT or SIGTERM stop it cleanly (exit 0). Configure it with the YAML file and the',
    'environment (tron-payment-gateway config check shows what it would use).',
  ].join('\n'),
  async run({ values }) {
    // before the workers start: their isolates read the flag when they are created
    tuneHeapForService();
    const config = loadCliConfig(values);
    const locks = lockDataDirs(config, 'gateway');
    let gateway: StartedGateway;
    try {
      gateway = await startGateway(config, { version: packageVersion() });
    } catch (error) {
      for (const lock of locks) lock.release();
      throw portInUse(error, config) ?? error;
    }
    if (values.json) note(JSON.stringify(bannerJson(gateway, config)));
    else note(bannerText(gateway, config));
    stopOnSignals(gateway, config, locks);
  },
};

/** Node's EADDRINUSE as a sentence naming the setting to change. */
function portInUse(error: unknown, config: GatewayConfig): CliFailure | null {
  const e = error as NodeJS.ErrnoException & { port?: number; address?: string };
  if (e.code !== 'EADDRINUSE') return null;
  const setting =
    config.raw.network.devnet.port === e.port && config.raw.server.port !== e.port
      ? 'network.devnet.port (DEVNET_PORT)'
      : 'server.port (SERVICE_PORT)';
  return new CliFailure(`port ${e.port} on ${e.address} is already in use (another gateway or devnet?); choose another with ${setting}`);
}

function stopOnSignals(gateway: StartedGateway, config: GatewayConfig, locks: readonly DataDirLock[]): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C reaches npm and the gateway alike and npm forwards it again: one stop is enough.
    if (stopping) return;
    stopping = true;
    gateway.logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      gateway.logger.error({ signal }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.raw.server.shutdown_grace_ms + STOP_DEADLINE_EXTRA_MS);
    deadline.unref();
    try {
      await gateway.stop();
      for (const lock of locks) lock.release();
      process.exit(0);
    } catch (error) {
      gateway.logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function bannerText(gateway: StartedGateway, config: GatewayConfig): string {
  const raw = config.raw;
  const network = gateway.network;
  const lines = [`TRON Payment Gateway ${packageVersion()}`];
  if (gateway.url) lines.push(`  API            ${gateway.url}/api/v1/payments   (docs ${gateway.url}/docs)`);
  lines.push(`  roles          ${raw.server.roles.join(', ')}`);
  lines.push(`  database       ${gateway.database.description}`);
  if (network.embedded) {
    lines.push(
      `  devnet         ${network.devnetUrl} (embedded; blocks every ${raw.network.devnet.block_time_ms} ms, solidified ${raw.network.devnet.solidify_lag} behind)`,
    );
  } else {
    lines.push(`  network        ${network.name} via ${network.endpoints.fullNodeUrls.join(', ')}`);
  }
  for (const token of network.assets.tokens()) lines.push(`  ${`${token.symbol} contract`.padEnd(15)}${token.contract}`);
  lines.push(`  merchant       ${gateway.merchantId}`);
  lines.push(`  hot wallet     ${gateway.hotWalletAddress}${fundingNote(gateway.funding, config)}`);
  if (gateway.firstApiKey) {
    lines.push(`  API key        ${gateway.firstApiKey}`);
    lines.push('                 (shown once: keep it; more with `tron-payment-gateway keys create`)');
  } else if (raw.security.bootstrap_api_key) {
    lines.push('  API key        the one in TPG_BOOTSTRAP_API_KEY');
  } else {
    lines.push('  API key        printed at the first start; create another with `tron-payment-gateway keys create`');
  }
  return lines.join('\n');
}

function bannerJson(gateway: StartedGateway, config: GatewayConfig) {
  const network = gateway.network;
  return {
    event: 'started',
    version: packageVersion(),
    api_url: gateway.url ? `${gateway.url}/api/v1/payments` : null,
    roles: config.raw.server.roles,
    database: gateway.database.description,
    network: {
      name: network.name,
      embedded_devnet: network.embedded !== null,
      node_urls: network.endpoints.fullNodeUrls,
      tokens: network.assets.tokens().map((t) => ({ symbol: t.symbol, contract: t.contract, decimals: t.decimals })),
    },
    merchant_id: gateway.merchantId,
    hot_wallet: gateway.hotWalletAddress,
    devnet_funding: gateway.funding,
    // shown once, like the text banner; null on later starts
    api_key: gateway.firstApiKey,
  };
}

function fundingNote(funding: string, config: GatewayConfig): string {
  switch (funding) {
    case 'funded':
      return ` (funded from the devnet faucet: ${config.assets.specs
        .filter((s) => s.devnetFunding > 0n)
        .map((s) => `${config.assets.format(s.symbol, s.devnetFunding)} ${s.symbol}`)
        .join(', ')})`;
    case 'already':
      return ' (funded from the devnet faucet at an earlier start)';
    case 'failed':
      return ' (devnet faucet funding failed; see the log)';
    default:
      return '';
  }
}

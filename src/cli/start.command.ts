/** `tron-payment-gateway start`: runs the gateway (API, workers) with the configured database and chain. */
import { readFileSync } from 'node:fs';
import { startGateway } from '../app/gateway.js';
import { formatAmount } from '../shared/money.js';
import { type FlagSpec, parseFlags, usage } from './args.js';
import { COMMON_FLAGS, loadCliConfig } from './context.js';
import { tuneHeapForService } from './heap-tuning.js';

const FLAGS: Record<string, FlagSpec> = { ...COMMON_FLAGS };

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function runStartCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    console.log(usage('start', FLAGS));
    return;
  }
  // before the workers start: their isolates read the flag when they are created
  tuneHeapForService();
  const config = loadCliConfig(flags);
  const gateway = await startGateway(config, { version: packageVersion() });
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
  lines.push(`  USDT contract  ${network.usdtContract}`);
  lines.push(`  merchant       ${gateway.merchantId}`);
  lines.push(`  hot wallet     ${gateway.hotWalletAddress}${fundingNote(gateway.funding, config.devnetFunding)}`);
  if (gateway.firstApiKey) {
    lines.push(`  API key        ${gateway.firstApiKey}`);
    lines.push('                 (shown once: keep it; more with `tron-payment-gateway keys create`)');
  } else if (raw.security.bootstrap_api_key) {
    lines.push('  API key        the one in TPG_BOOTSTRAP_API_KEY');
  } else {
    lines.push('  API key        printed at the first start; create another with `tron-payment-gateway keys create`');
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    gateway.logger.info({ signal }, 'shutting down');
    try {
      await gateway.stop();
      process.exit(0);
    } catch (error) {
      gateway.logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function fundingNote(funding: string, amounts: { trx: bigint; usdt: bigint }): string {
  switch (funding) {
    case 'funded':
      return ` (funded from the devnet faucet: ${formatAmount(amounts.trx)} TRX, ${formatAmount(amounts.usdt)} USDT)`;
    case 'already':
      return ' (funded from the devnet faucet at an earlier start)';
    case 'failed':
      return ' (devnet faucet funding failed; see the log)';
    default:
      return '';
  }
}

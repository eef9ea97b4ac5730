/** `tron-payment-gateway <command>`: commands only; the work lives in the modules they call. */
import { UsageError } from './args.js';
import { runAuditCommand } from './audit.command.js';
import { runConfigCommand } from './config.command.js';
import { runDevnetCommand } from './devnet.command.js';
import { runKeysCommand } from './keys.command.js';
import { runMerchantsCommand } from './merchants.command.js';
import { runMigrateCommand } from './migrate.command.js';
import { runOpenApiCommand } from './openapi.command.js';
import { runScannerCommand } from './scanner.command.js';
import { runStartCommand } from './start.command.js';

const COMMANDS: Record<string, { describe: string; run: (argv: string[]) => Promise<void> }> = {
  devnet: { describe: 'run a local TRON devnet (java-tron HTTP API + TronGrid v1 subset)', run: runDevnetCommand },
  start: { describe: 'run the gateway: API and workers, embedded database and devnet by default', run: runStartCommand },
  migrate: { describe: 'apply pending database migrations', run: runMigrateCommand },
  config: { describe: 'config check: validate the configuration and environment', run: runConfigCommand },
  merchants: { describe: 'merchants create|list: merchants and their first API key', run: runMerchantsCommand },
  openapi: { describe: 'write the OpenAPI document (--out docs/openapi.json)', run: runOpenApiCommand },
  keys: { describe: 'keys create|list|revoke: API keys of a merchant', run: runKeysCommand },
  audit: { describe: 'audit verify: check the hash chain of the audit log', run: runAuditCommand },
  scanner: { describe: 'scanner rescan: scan a range of blocks again (idempotent)', run: runScannerCommand },
};

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.describe}`);
  return `usage: tron-payment-gateway <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun a command with --help for its options.`;
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log(help());
    return;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"\n\n${help()}`);
  await command.run(rest);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`error: ${err.message}`);
    process.exit(2);
  }
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

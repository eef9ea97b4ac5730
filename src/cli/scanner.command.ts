/**
 * `tron-payment-gateway scanner rescan --from <block> [--to <block>]`: scans a range of blocks again and
 * records what the live scanner missed (idempotent: a transfer already recorded is a duplicate, nothing
 * is credited twice). Watches every collection whatever its age. The live cursor is left alone. Progress
 * goes to stderr: a bar on a terminal, a line every few seconds elsewhere. Without a node of its own
 * (`TRON_RPC_URL`) it runs the embedded devnet over the data directory, which a running gateway must not hold.
 */
import { pino } from 'pino';
import { GatewayChain } from '../app/chain.js';
import { createGatewayCore } from '../app/gateway-core.js';
import { resolveNetwork } from '../app/network.js';
import { HdSigner } from '../modules/wallets/signer.js';
import { HdWalletAddresses } from '../modules/wallets/wallet-addresses.js';
import { loadWalletSeed } from '../modules/wallets/wallet-seed.js';
import { AppError } from '../shared/errors.js';
import { CliFailure, HELP_OPTION, JSON_OPTION, type ParsedCommand, UsageError } from './args.js';
import type { CommandGroup } from './command.js';
import { CONFIG_OPTION, cliError, loadCliConfig, lockDataDirs, openCliDatabase, usesEmbeddedFiles } from './context.js';
import { printJson, say } from './output.js';
import { Progress } from './progress.js';
import { packageVersion } from './version.js';

export const scannerCommand: CommandGroup = {
  name: 'scanner',
  summary: 'the block scanner',
  subcommands: {
    rescan: {
      name: 'scanner rescan',
      summary: 'scan a range of blocks again; records missed transfers, credits nothing twice',
      options: {
        from: { type: 'int', value: 'block', min: 0, description: 'first block to scan (required; at most the head)' },
        to: { type: 'int', value: 'block', min: 0, description: 'last block to scan (default: the head)' },
        ...JSON_OPTION,
        ...CONFIG_OPTION,
        ...HELP_OPTION,
      },
      run: rescan,
    },
  },
};

async function rescan({ values }: ParsedCommand): Promise<void> {
  if (typeof values.from !== 'number') throw new UsageError('--from is required (the first block to scan)');
  const from = values.from;
  const to = typeof values.to === 'number' ? values.to : null;
  if (to !== null && to < from) throw new UsageError(`--to (${to}) must not be below --from (${from})`);
  const config = loadCliConfig(values);
  // the embedded devnet lives in the data directory: refuse while a gateway (or devnet) holds it
  const locks = usesEmbeddedFiles(config).devnet ? lockDataDirs(config, 'scanner rescan') : [];
  try {
    const network = await resolveNetwork(config, () => {});
    try {
      const database = await openCliDatabase(config);
      try {
        const seed = loadWalletSeed(config);
        const accounts = { deposit: config.raw.wallets.deposit_account, hotWallet: config.raw.wallets.hot_wallet_account };
        const chain = new GatewayChain(network.endpoints, network.assets);
        const core = createGatewayCore({
          config,
          database,
          chain,
          wallets: HdWalletAddresses.fromMnemonic(seed.mnemonic, seed.passphrase, accounts),
          networkName: network.name,
          logger: pino({ level: 'warn' }, pino.destination(2)),
          version: packageVersion(),
          tron: {
            client: chain.client,
            assets: network.assets,
            signer: HdSigner.fromMnemonic(seed.mnemonic, seed.passphrase, accounts),
          },
        });
        try {
          if (!core.scanner) throw new CliFailure('the scanner needs a TRON node');
          const progress = new Progress({ label: 'scanner rescan', unit: 'blocks', lineEveryMs: 5000 });
          const result = await core.scanner
            .rescan(from, to, (p) => progress.update(p.done, p.total))
            .catch((error: unknown) => {
              throw error instanceof AppError ? cliError(error, { from: 'from', to: 'to' }) : error;
            });
          progress.finish();
          const o = result.outcomes;
          if (values.json) printJson({ from, to: to ?? 'head', blocks: result.blocks, transfers: o });
          else {
            say(
              `rescanned ${result.blocks} blocks from ${from}: ${o.credited} credited, ${o.duplicate} already recorded, ${o.unmatched} unmatched, ${o.internal} internal`,
            );
          }
        } finally {
          await core.stop();
        }
      } finally {
        await database.close();
      }
    } finally {
      await network.embedded?.stop();
    }
  } finally {
    for (const lock of locks) lock.release();
  }
}

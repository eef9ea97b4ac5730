/**
 * `tron-payment-gateway scanner rescan --from <block> [--to <block>]`: scans a range of blocks again and
 * records what the live scanner missed (idempotent: a transfer already recorded is a duplicate, nothing
 * is credited twice). Watches every collection whatever its age. The live cursor is left alone. A
 * one-line progress bar goes to stderr when it is a terminal.
 */
import { pino } from 'pino';
import { GatewayChain } from '../app/chain.js';
import { createGatewayCore } from '../app/gateway-core.js';
import { resolveNetwork } from '../app/network.js';
import type { RescanProgress } from '../modules/scanner/scanner.worker.js';
import { HdSigner } from '../modules/wallets/signer.js';
import { HdWalletAddresses } from '../modules/wallets/wallet-addresses.js';
import { loadWalletSeed } from '../modules/wallets/wallet-seed.js';
import { type FlagSpec, parseFlags, UsageError, usage } from './args.js';
import { COMMON_FLAGS, dispatchSubcommand, JSON_FLAG, loadCliConfig, openCliDatabase, printJson } from './context.js';

const RESCAN_FLAGS: Record<string, FlagSpec> = {
  from: { type: 'int', description: 'first block to scan (required)' },
  to: { type: 'int', description: 'last block to scan (default: the head)' },
  ...JSON_FLAG,
  ...COMMON_FLAGS,
};

const HELP = `usage: tron-payment-gateway scanner <subcommand> [options]

subcommands:
  rescan     scan a range of blocks again; records missed transfers, credits nothing twice

${usage('scanner rescan', RESCAN_FLAGS)}`;

export async function runScannerCommand(argv: string[]): Promise<void> {
  await dispatchSubcommand('scanner', argv, { rescan }, HELP);
}

async function rescan(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, RESCAN_FLAGS);
  if (flags.help) return void console.log(usage('scanner rescan', RESCAN_FLAGS));
  if (typeof flags.from !== 'number') throw new UsageError('--from is required');
  const from = flags.from;
  const to = typeof flags.to === 'number' ? flags.to : null;
  if (to !== null && to < from) throw new UsageError('--to must not be below --from');
  const config = loadCliConfig(flags);
  const network = await resolveNetwork(config, () => {});
  const database = await openCliDatabase(config);
  try {
    const seed = loadWalletSeed(config);
    const accounts = { deposit: config.raw.wallets.deposit_account, hotWallet: config.raw.wallets.hot_wallet_account };
    const chain = new GatewayChain(network.endpoints, network.usdtContract);
    const core = createGatewayCore({
      config,
      database,
      chain,
      wallets: HdWalletAddresses.fromMnemonic(seed.mnemonic, seed.passphrase, accounts),
      networkName: network.name,
      logger: pino({ level: 'warn' }, pino.destination(2)),
      version: 'cli',
      tron: {
        client: chain.client,
        usdtContract: network.usdtContract,
        signer: HdSigner.fromMnemonic(seed.mnemonic, seed.passphrase, accounts),
      },
    });
    try {
      if (!core.scanner) throw new Error('the scanner needs a TRON node');
      const bar = process.stderr.isTTY ? progressBar() : null;
      const result = await core.scanner.rescan(from, to, bar ? (p) => bar.update(p) : undefined);
      bar?.finish();
      if (flags.json) printJson({ from, to: to ?? 'head', blocks: result.blocks, transfers: result.outcomes });
      else {
        const o = result.outcomes;
        console.log(
          `rescanned ${result.blocks} blocks from ${from}: ${o.credited} credited, ${o.duplicate} already recorded, ${o.unmatched} unmatched, ${o.internal} internal`,
        );
      }
    } finally {
      await core.stop();
    }
  } finally {
    await database.close();
    await network.embedded?.stop();
  }
}

/** `\r[#####-----]  45%  450/1000 blocks  312 blocks/s  ETA 2s`, redrawn at most every 100 ms. */
function progressBar(): { update(p: RescanProgress): void; finish(): void } {
  const started = Date.now();
  let drawn = 0;
  let last: RescanProgress | null = null;
  const draw = (p: RescanProgress) => {
    const width = 30;
    const share = p.total === 0 ? 1 : p.done / p.total;
    const filled = Math.round(share * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? p.done / seconds : 0;
    const eta = rate > 0 ? Math.ceil((p.total - p.done) / rate) : 0;
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${p.done}/${p.total} blocks  ${Math.round(rate)} blocks/s  ETA ${eta}s `,
    );
  };
  return {
    update(p) {
      last = p;
      const now = Date.now();
      if (now - drawn < 100 && p.done < p.total) return;
      drawn = now;
      draw(p);
    },
    finish() {
      if (last) draw(last);
      process.stderr.write('\n');
    },
  };
}

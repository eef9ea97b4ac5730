/** `tron-payment-gateway devnet`: runs the TRON devnet as its own process. */
import { Devnet } from '../devnet/devnet.js';
import { type FlagSpec, parseFlags, usage } from './args.js';

const FLAGS: Record<string, FlagSpec> = {
  port: { type: 'int', description: 'HTTP port (default 8090; 0 picks a free one)' },
  host: { type: 'string', description: 'address to listen on (default 127.0.0.1)' },
  'block-time-ms': { type: 'int', description: 'milliseconds between blocks (default 3000)' },
  'solidify-lag': { type: 'int', description: 'blocks between head and the solidified block (default 19)' },
  'data-dir': { type: 'string', description: 'keep keys and blocks here; a restart resumes the chain' },
  manual: { type: 'boolean', description: 'produce blocks only on POST /devnet/mine' },
  'energy-fee': { type: 'int', description: 'sun per energy unit (default 100)' },
  help: { type: 'boolean', description: 'show this help' },
};

export async function runDevnetCommand(argv: string[]): Promise<void> {
  await runDevnet('devnet', argv, {});
}

async function runDevnet(command: string, argv: string[], defaults: Record<string, string>): Promise<void> {
  const flags = { ...defaults, ...parseFlags(argv, FLAGS) };
  if (flags.help) {
    console.log(usage(command, FLAGS));
    return;
  }
  const blockTimeMs = (flags['block-time-ms'] as number | undefined) ?? 3000;
  if (blockTimeMs < 10) throw new Error('--block-time-ms must be at least 10');
  const devnet = await Devnet.start({
    port: (flags.port as number | undefined) ?? 8090,
    host: (flags.host as string | undefined) ?? '127.0.0.1',
    blockTimeMs,
    solidifyLag: (flags['solidify-lag'] as number | undefined) ?? 19,
    ...(flags['data-dir'] ? { dataDir: flags['data-dir'] as string } : {}),
    manual: flags.manual === true,
    ...(flags['energy-fee'] !== undefined ? { params: { energyFee: BigInt(flags['energy-fee'] as number) } } : {}),
    log: (line) => console.log(line),
  });
  const info = devnet.info();
  console.log(
    [
      `TRON devnet running at ${devnet.url}`,
      `  USDT contract   ${info.usdt_contract}`,
      `  faucet address  ${info.faucet_address}`,
      `  faucet key      ${devnet.keyLocation}`,
      `  blocks          ${info.manual ? 'manual (POST /devnet/mine)' : `every ${info.block_time_ms} ms`}, solidified ${info.solidify_lag} behind head`,
      `  fund an address curl -s ${devnet.url}/devnet/faucet -d '{"address":"T…","trx":"1000","usdt":"1000"}'`,
    ].join('\n'),
  );
  const shutdown = async () => {
    await devnet.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

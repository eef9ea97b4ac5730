/**
 * `tron-payment-gateway devnet`: runs the TRON devnet as its own process. The banner goes to stderr;
 * a `--data-dir` is locked while it runs; SIGINT or SIGTERM stop it (exit 0).
 */
import { Devnet, DevnetError } from '../devnet/devnet.js';
import { parseTokenOption, type TokenSpec } from '../devnet/token-spec.js';
import { CliFailure, HELP_OPTION, JSON_OPTION, UsageError } from './args.js';
import type { Command } from './command.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { note, say } from './output.js';

export const devnetCommand: Command = {
  name: 'devnet',
  summary: 'run a local TRON devnet on its own (java-tron HTTP API and a TronGrid v1 subset)',
  options: {
    port: { type: 'int', value: 'port', min: 0, max: 65535, description: 'HTTP port (default 8090; 0 picks a free one)' },
    host: { type: 'string', value: 'address', description: 'address to listen on (default 127.0.0.1)' },
    'block-time-ms': { type: 'int', value: 'ms', min: 10, description: 'milliseconds between blocks (default 3000)' },
    'solidify-lag': { type: 'int', value: 'blocks', min: 0, description: 'blocks between head and the solidified block (default 19)' },
    'data-dir': { type: 'string', value: 'dir', description: 'keep keys and blocks here; a restart resumes the chain' },
    manual: { type: 'boolean', description: 'produce blocks only on POST /devnet/mine' },
    'energy-fee': { type: 'int', value: 'sun', min: 0, description: 'sun per energy unit (default 100)' },
    'resource-window-ms': {
      type: 'int',
      value: 'ms',
      min: 1000,
      description: 'bandwidth and energy usage recover over this window (default 86400000, 24 h)',
    },
    'unfreeze-delay-ms': {
      type: 'int',
      value: 'ms',
      min: 0,
      description: 'unstaked TRX is withdrawable after this delay (default 1209600000, 14 days)',
    },
    token: {
      type: 'string',
      multiple: true,
      value: 'SYMBOL:DECIMALS[:blacklist]',
      description: 'deploy this TRC-20 at start unless its symbol exists, e.g. USDD:18 (repeatable)',
    },
    ...JSON_OPTION,
    ...HELP_OPTION,
  },
  async run({ values }) {
    const port = (values.port as number | undefined) ?? 8090;
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const dataDir = values['data-dir'] as string | undefined;
    const tokens = tokenOptions(values.token);
    const lock: DataDirLock | null = dataDir ? acquireDataDirLock(dataDir, 'devnet') : null;
    let devnet: Devnet;
    try {
      devnet = await Devnet.start({
        port,
        host,
        blockTimeMs: (values['block-time-ms'] as number | undefined) ?? 3000,
        solidifyLag: (values['solidify-lag'] as number | undefined) ?? 19,
        ...(dataDir ? { dataDir } : {}),
        manual: values.manual === true,
        ...(values['energy-fee'] !== undefined ? { params: { energyFee: BigInt(values['energy-fee'] as number) } } : {}),
        ...(values['resource-window-ms'] !== undefined ? { resourceWindowMs: values['resource-window-ms'] as number } : {}),
        ...(values['unfreeze-delay-ms'] !== undefined ? { unfreezeDelayMs: values['unfreeze-delay-ms'] as number } : {}),
        tokens,
        log: (line) => say(line),
      });
    } catch (error) {
      lock?.release();
      // a --token whose symbol the data directory already has with other decimals
      if (error instanceof DevnetError && error.code === 'TOKEN_EXISTS') throw new CliFailure(`--token: ${error.message}`);
      throw listenFailure(error, port, host);
    }
    const info = devnet.info();
    const extraTokens = info.tokens.slice(1); // the USDT comes first and has its own line
    const fundTokens = extraTokens[0] ? `,"tokens":{"${extraTokens[0].symbol}":"1000"}` : '';
    if (values.json) {
      note(
        JSON.stringify({
          event: 'started',
          url: devnet.url,
          usdt_contract: info.usdt_contract,
          tokens: info.tokens.map((t) => ({ symbol: t.symbol, contract_address: t.contract_address, decimals: t.decimals })),
          faucet_address: info.faucet_address,
          faucet_key: devnet.keyLocation,
          manual: info.manual,
          block_time_ms: info.block_time_ms,
          solidify_lag: info.solidify_lag,
        }),
      );
    } else {
      note(
        [
          `TRON devnet running at ${devnet.url}`,
          `  USDT contract   ${info.usdt_contract}`,
          ...extraTokens.map(
            (t) =>
              `  ${`${t.symbol} contract`.padEnd(15)} ${t.contract_address} (${t.decimals} decimals${t.blacklist ? ', blacklist' : ''})`,
          ),
          `  faucet address  ${info.faucet_address}`,
          `  faucet key      ${devnet.keyLocation}`,
          `  blocks          ${info.manual ? 'manual (POST /devnet/mine)' : `every ${info.block_time_ms} ms`}, solidified ${info.solidify_lag} behind head`,
          `  fund an address curl -s ${devnet.url}/devnet/faucet -d '{"address":"T…","trx":"1000","usdt":"1000"${fundTokens}}'`,
        ].join('\n'),
      );
    }
    let stopping = false;
    const shutdown = async () => {
      if (stopping) return;
      stopping = true;
      await devnet.stop();
      lock?.release();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown());
    process.on('SIGTERM', () => void shutdown());
  },
};

/** `--token` values as token specs; a bad one is a usage error naming the option. */
function tokenOptions(value: unknown): TokenSpec[] {
  const texts = Array.isArray(value) ? (value as string[]) : [];
  const specs: TokenSpec[] = [];
  for (const text of texts) {
    const check = parseTokenOption(text);
    if (!check.ok) {
      const message = check.field === 'token' ? check.message : `${check.field} ${check.message} (in "${text}")`;
      throw new UsageError(`--token: ${message}`, { errors: [{ path: '--token', message }] });
    }
    if (specs.some((s) => s.symbol.toUpperCase() === check.spec.symbol.toUpperCase())) {
      throw new UsageError(`--token: ${check.spec.symbol} is given twice`, { errors: [{ path: '--token', message: 'given twice' }] });
    }
    specs.push(check.spec);
  }
  return specs;
}

/** Node's listen errors as sentences naming the option. */
function listenFailure(error: unknown, port: number, host: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new CliFailure(`--port: port ${port} on ${host} is already in use (another devnet or gateway?)`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new CliFailure(`--host: ${host} is not an address of this machine`);
  }
  if (code === 'EACCES') return new CliFailure(`--port: not allowed to listen on port ${port} (ports below 1024 need privileges)`);
  return error;
}

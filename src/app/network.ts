/**
 * Which TRON node the gateway talks to (SPEC §5): an embedded devnet by default, a devnet started on its
 * own (`TRON_RPC_URL` + network devnet: USDT contract and faucet read from /devnet/info), or Nile, Shasta
 * or mainnet nodes.
 */
import { join } from 'node:path';
import type { GatewayConfig } from '../config/load.js';
import { Devnet } from '../devnet/devnet.js';
import { formatAmount } from '../shared/money.js';
import type { ChainEndpoints } from './chain.js';
import { USDT_CONTRACTS } from './chain.js';

export interface ResolvedNetwork {
  name: string;
  endpoints: ChainEndpoints;
  usdtContract: string;
  /** the devnet's base URL when the chain is a devnet (faucet available) */
  devnetUrl: string | null;
  /** set when this process runs the devnet itself */
  embedded: Devnet | null;
}

export async function resolveNetwork(config: GatewayConfig, log: (line: string) => void): Promise<ResolvedNetwork> {
  const net = config.raw.network;
  const base = {
    solidityUrls: net.solidity_urls,
    eventUrls: net.event_urls,
    apiKey: net.trongrid_api_key,
    timeoutMs: net.timeout_ms,
    maxAttempts: net.max_attempts,
  };
  if (net.name === 'devnet' && net.rpc_urls.length === 0) {
    const devnet = await Devnet.start({
      host: net.devnet.host,
      port: net.devnet.port,
      blockTimeMs: net.devnet.block_time_ms,
      solidifyLag: net.devnet.solidify_lag,
      dataDir: join(config.raw.server.data_dir, 'devnet'),
      log,
    });
    return {
      name: 'devnet',
      endpoints: { ...base, fullNodeUrls: [devnet.url] },
      usdtContract: devnet.usdtAddress,
      devnetUrl: devnet.url,
      embedded: devnet,
    };
  }
  if (net.name === 'devnet') {
    const url = (net.rpc_urls[0] as string).replace(/\/+$/, '');
    const info = await readDevnetInfo(url);
    return {
      name: 'devnet',
      endpoints: { ...base, fullNodeUrls: net.rpc_urls },
      usdtContract: net.usdt_contract || info.usdt_contract,
      devnetUrl: url,
      embedded: null,
    };
  }
  const usdtContract = net.usdt_contract || USDT_CONTRACTS[net.name];
  if (!usdtContract) throw new Error(`network.usdt_contract must be set for ${net.name}`);
  return { name: net.name, endpoints: { ...base, fullNodeUrls: net.rpc_urls }, usdtContract, devnetUrl: null, embedded: null };
}

/** Reads /devnet/info, waiting up to ~15 s for a devnet that is still starting. */
async function readDevnetInfo(url: string): Promise<{ usdt_contract: string; faucet_address: string }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      const response = await fetch(`${url}/devnet/info`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        const info = (await response.json()) as { usdt_contract?: unknown; faucet_address?: unknown };
        if (typeof info.usdt_contract === 'string' && typeof info.faucet_address === 'string') {
          return { usdt_contract: info.usdt_contract, faucet_address: info.faucet_address };
        }
        throw new Error('GET /devnet/info did not describe a devnet');
      }
      lastError = new Error(`GET /devnet/info answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `the devnet at ${url} did not answer /devnet/info (${lastError instanceof Error ? lastError.message : String(lastError)}); is it running?`,
  );
}

/** Asks the devnet faucet for TRX and USDT; the transfers land in the next block. */
export async function fundFromFaucet(devnetUrl: string, address: string, amounts: { trx: bigint; usdt: bigint }): Promise<void> {
  const body: Record<string, string> = { address };
  if (amounts.trx > 0n) body.trx = formatAmount(amounts.trx);
  if (amounts.usdt > 0n) body.usdt = formatAmount(amounts.usdt);
  if (!body.trx && !body.usdt) return;
  const response = await fetch(`${devnetUrl}/devnet/faucet`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`devnet faucet answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
}

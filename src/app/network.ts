/**
 * Which TRON node the gateway talks to (SPEC §5): an embedded devnet by default, a devnet started on its
 * own (`TRON_RPC_URL` + network devnet: tokens and faucet read from /devnet/info, missing tokens deployed), or Nile, Shasta
 * or mainnet nodes.
 */
import { join } from 'node:path';
import type { GatewayConfig } from '../config/load.js';
import { Devnet } from '../devnet/devnet.js';
import { AssetRegistry } from '../modules/assets/asset-registry.js';
import { DEVNET_CONTRACT } from '../shared/catalogues/asset-catalog.js';
import type { ChainEndpoints } from './chain.js';

export interface ResolvedNetwork {
  name: string;
  endpoints: ChainEndpoints;
  /** every configured asset with its contract and strategy */
  assets: AssetRegistry;
  /** the devnet's base URL when the chain is a devnet (faucet available) */
  devnetUrl: string | null;
  /** the devnet faucet's address (a fresh devnet has a new one), null off devnet */
  faucetAddress: string | null;
  /** set when this process runs the devnet itself */
  embedded: Devnet | null;
}

/** A token as a devnet lists it in /devnet/info. */
interface DevnetToken {
  symbol: string;
  contract_address: string;
  decimals: number;
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
  const wanted = devnetTokensWanted(config);
  if (net.name === 'devnet' && net.rpc_urls.length === 0) {
    const devnet = await Devnet.start({
      host: net.devnet.host,
      port: net.devnet.port,
      blockTimeMs: net.devnet.block_time_ms,
      solidifyLag: net.devnet.solidify_lag,
      resourceWindowMs: net.devnet.resource_window_ms,
      unfreezeDelayMs: net.devnet.unfreeze_delay_ms,
      dataDir: join(config.raw.server.data_dir, 'devnet'),
      tokens: wanted,
      log,
    });
    const info = devnet.info();
    return {
      name: 'devnet',
      endpoints: { ...base, fullNodeUrls: [devnet.url] },
      assets: new AssetRegistry(config.assets, devnetContracts(config, info.tokens)),
      devnetUrl: devnet.url,
      faucetAddress: info.faucet_address,
      embedded: devnet,
    };
  }
  if (net.name === 'devnet') {
    const url = (net.rpc_urls[0] as string).replace(/\/+$/, '');
    const info = await readDevnetInfo(url);
    const tokens = [...info.tokens];
    for (const token of wanted) {
      if (!tokens.some((t) => t.symbol === token.symbol)) tokens.push(await deployDevnetToken(url, token));
    }
    return {
      name: 'devnet',
      endpoints: { ...base, fullNodeUrls: net.rpc_urls },
      assets: new AssetRegistry(config.assets, devnetContracts(config, tokens)),
      devnetUrl: url,
      faucetAddress: info.faucet_address,
      embedded: null,
    };
  }
  return {
    name: net.name,
    endpoints: { ...base, fullNodeUrls: net.rpc_urls },
    assets: new AssetRegistry(config.assets),
    devnetUrl: null,
    faucetAddress: null,
    embedded: null,
  };
}

/** The tokens the configuration leaves to the devnet (`contract: devnet`, or empty on a devnet). */
function devnetTokensWanted(config: GatewayConfig): { symbol: string; name: string; decimals: number; blacklist: boolean }[] {
  return config.assets.specs
    .filter((s) => s.kind === 'trc20' && s.contract === DEVNET_CONTRACT)
    .map((s) => ({ symbol: s.symbol, name: s.symbol, decimals: s.decimals, blacklist: s.blacklist }));
}

/** symbol → contract of the devnet's tokens the configuration asked for, refusing a decimals mismatch. */
function devnetContracts(config: GatewayConfig, tokens: readonly DevnetToken[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of config.assets.specs) {
    if (spec.contract !== DEVNET_CONTRACT) continue;
    const token = tokens.find((t) => t.symbol === spec.symbol);
    if (!token) throw new Error(`the devnet has no token ${spec.symbol}`);
    if (token.decimals !== spec.decimals) {
      throw new Error(`the devnet's ${spec.symbol} has ${token.decimals} decimals, the configuration says ${spec.decimals}`);
    }
    out[spec.symbol] = token.contract_address;
  }
  return out;
}

async function deployDevnetToken(
  url: string,
  token: { symbol: string; name: string; decimals: number; blacklist: boolean },
): Promise<DevnetToken> {
  const response = await fetch(`${url}/devnet/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(token),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok)
    throw new Error(`the devnet refused to deploy ${token.symbol}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as DevnetToken;
}

/** Reads /devnet/info, waiting up to ~15 s for a devnet that is still starting. */
async function readDevnetInfo(url: string): Promise<{ faucet_address: string; tokens: DevnetToken[] }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      const response = await fetch(`${url}/devnet/info`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        const info = (await response.json()) as { faucet_address?: unknown; tokens?: unknown };
        if (typeof info.faucet_address === 'string' && Array.isArray(info.tokens)) {
          return { faucet_address: info.faucet_address, tokens: info.tokens as DevnetToken[] };
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

/** Asks the devnet faucet for TRX and tokens (whole-unit strings by symbol); the transfers land in the next block. */
export async function fundFromFaucet(
  devnetUrl: string,
  address: string,
  amounts: { trx: string | null; tokens: Record<string, string> },
): Promise<void> {
  const body: { address: string; trx?: string; tokens?: Record<string, string> } = { address };
  if (amounts.trx !== null) body.trx = amounts.trx;
  if (Object.keys(amounts.tokens).length > 0) body.tokens = amounts.tokens;
  if (body.trx === undefined && body.tokens === undefined) return;
  const response = await fetch(`${devnetUrl}/devnet/faucet`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`devnet faucet answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
}

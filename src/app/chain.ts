/**
 * The gateway's view of the TRON node: one TronClient, adapted to the small ports the modules declare
 * (prices for fee estimates, balances for the wallet view, a liveness probe for readiness).
 */

import type { AssetRegistry } from '../modules/assets/asset-registry.js';
import type { ChainPrices } from '../modules/fees/network-cost.js';
import type { WalletChain } from '../modules/wallets/hot-wallet.service.js';
import { type WalletStaking, walletStakingOf } from '../modules/wallets/wallet-staking.js';
import { type AssetCatalog, DEVNET_CONTRACT, NATIVE_SYMBOL } from '../shared/catalogues/asset-catalog.js';
import { createTronClient, type NodeCall, type TronClient, type TronClientOptions } from '../tron/client.js';
import type { AccountInfo } from '../tron/node-json.js';

/**
 * The token contracts the gateway knows: every configured one, resolved when the chain is connected, else
 * those the configuration names outright (a devnet's are unknown without its node). No payment may be
 * paid to one of them.
 */
export function knownTokenContracts(catalog: AssetCatalog, registry?: AssetRegistry | null): string[] {
  if (registry) return registry.contracts();
  return catalog.specs.flatMap((s) => (s.kind === 'trc20' && s.contract && s.contract !== DEVNET_CONTRACT ? [s.contract] : []));
}

export interface ChainEndpoints {
  fullNodeUrls: string[];
  solidityUrls: string[];
  eventUrls: string[];
  apiKey: string;
  timeoutMs: number;
  maxAttempts: number;
}

export class GatewayChain implements ChainPrices, WalletChain {
  readonly client: TronClient;
  /** what the client was built from (the scanner's block-fetching threads build their own) */
  readonly clientOptions: TronClientOptions;
  private readonly callObservers: Array<(call: NodeCall) => void> = [];

  constructor(
    endpoints: ChainEndpoints,
    /** the configured assets on this chain; null reads TRX only */
    readonly assets: AssetRegistry | null,
  ) {
    this.clientOptions = {
      fullNodeUrls: endpoints.fullNodeUrls,
      ...(endpoints.solidityUrls.length > 0 ? { solidityUrls: endpoints.solidityUrls } : {}),
      ...(endpoints.eventUrls.length > 0 ? { eventUrls: endpoints.eventUrls } : {}),
      ...(endpoints.apiKey ? { apiKey: endpoints.apiKey } : {}),
      timeoutMs: endpoints.timeoutMs,
      maxAttempts: endpoints.maxAttempts,
      onCall: (call) => {
        for (const observe of this.callObservers) observe(call);
      },
    };
    this.client = createTronClient(this.clientOptions);
  }

  /** Every node call of this client (and of the scanner's threads built from `clientOptions`) is reported to `observer`. */
  observeNodeCalls(observer: (call: NodeCall) => void): void {
    this.callObservers.push(observer);
  }

  /** an account's balance and stake (staking checks the hot wallet's) */
  account(address: string): Promise<AccountInfo> {
    return this.client.getAccount(address);
  }

  /** what the wallet has staked, lent out and is unstaking (the wallet view) */
  async staking(address: string): Promise<WalletStaking> {
    return walletStakingOf(await this.client.getAccount(address));
  }

  energyPriceSun(): Promise<bigint> {
    return this.client.getEnergyFee();
  }

  bandwidthPriceSun(): Promise<bigint> {
    return this.client.getTransactionFee();
  }

  async activationFeeSun(): Promise<bigint> {
    const params = await this.client.getChainParameters();
    return (params.get('getCreateAccountFee') ?? 0n) + (params.get('getCreateNewAccountFeeInSystemContract') ?? 0n);
  }

  async trxBalance(address: string): Promise<bigint> {
    return (await this.client.getAccount(address)).balance;
  }

  async balances(address: string): Promise<Record<string, bigint>> {
    if (!this.assets) return { [NATIVE_SYMBOL]: await this.trxBalance(address) };
    const strategies = this.assets.all();
    const values = await Promise.all(strategies.map((s) => s.balanceOf(this.client, address)));
    return Object.fromEntries(strategies.map((s, i) => [s.asset.symbol, values[i] as bigint]));
  }

  async resources(address: string) {
    const r = await this.client.getAccountResource(address);
    return {
      energyLimit: r.energyLimit,
      energyUsed: r.energyUsed,
      bandwidthLimit: r.freeNetLimit + r.netLimit,
      bandwidthUsed: r.freeNetUsed + r.netUsed,
    };
  }

  async headBlock(): Promise<number> {
    return Number((await this.client.getNowBlock()).number);
  }
}

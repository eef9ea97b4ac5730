/**
 * The gateway's view of the TRON node: one TronClient, adapted to the small ports the modules declare
 * (prices for fee estimates, balances for the wallet view, a liveness probe for readiness).
 */
import type { NetworkName } from '../config/schema.js';
import type { ChainPrices } from '../modules/fees/network-cost.js';
import type { WalletChain } from '../modules/wallets/hot-wallet.service.js';
import { createTronClient, type NodeCall, type TronClient, type TronClientOptions } from '../tron/client.js';

/** USDT contracts of the public networks (PROTOCOL.md); the devnet's comes from /devnet/info. */
export const USDT_CONTRACTS: Partial<Record<NetworkName, string>> = {
  mainnet: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
  nile: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf',
};

/**
 * The token contracts the gateway knows on its network (today only USDT): the one in use when the chain
 * is connected, else the configured or public one. No payment may be paid to one of them.
 */
export function knownTokenContracts(network: string, configured: string, inUse?: string): string[] {
  const usdt = inUse ?? (configured || USDT_CONTRACTS[network as NetworkName]);
  return usdt ? [usdt] : [];
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
    readonly usdtContract: string,
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

  energyPriceSun(): Promise<bigint> {
    return this.client.getEnergyFee();
  }

  bandwidthPriceSun(): Promise<bigint> {
    return this.client.getTransactionFee();
  }

  async trxBalance(address: string): Promise<bigint> {
    return (await this.client.getAccount(address)).balance;
  }

  usdtBalance(address: string): Promise<bigint> {
    return this.client.trc20BalanceOf(this.usdtContract, address);
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

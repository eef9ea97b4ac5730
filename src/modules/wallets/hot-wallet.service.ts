/** `GET /api/v1/wallet`: the merchant's hot wallet address and its balance of every asset and energy as the chain reports them. */
import type { Asset } from '../../shared/money.js';
import type { WalletAddresses } from './wallet-addresses.js';
import type { WalletStaking } from './wallet-staking.js';

/** What the wallet view needs from the chain. */
export interface WalletChain {
  trxBalance(address: string): Promise<bigint>;
  /** the address's balance of every configured asset, by symbol */
  balances(address: string): Promise<Record<Asset, bigint>>;
  resources(address: string): Promise<{ energyLimit: bigint; energyUsed: bigint; bandwidthLimit: bigint; bandwidthUsed: bigint }>;
  headBlock(): Promise<number>;
  /** what the address has staked (getaccount); a chain without the Stake 2.0 reads leaves it out */
  staking?(address: string): Promise<WalletStaking>;
}

export interface HotWalletView {
  address: string;
  balances: Record<Asset, bigint>;
  energy: { available: bigint; limit: bigint };
  bandwidth: { available: bigint; limit: bigint };
  /** null when the chain cannot tell */
  staking: WalletStaking | null;
  blockNumber: number;
}

export class HotWalletService {
  constructor(
    private readonly wallets: WalletAddresses,
    private readonly chain: WalletChain,
  ) {}

  address(merchantIndex: number): string {
    return this.wallets.hotWalletAddress(merchantIndex);
  }

  async view(merchantIndex: number): Promise<HotWalletView> {
    const address = this.address(merchantIndex);
    const [holdings, staking, blockNumber] = await Promise.all([
      this.holdings(merchantIndex),
      this.chain.staking ? this.chain.staking(address) : Promise.resolve(null),
      this.chain.headBlock(),
    ]);
    return { ...holdings, staking, blockNumber };
  }

  /** Balances and resources without the head block (what the metrics show per merchant). */
  async holdings(merchantIndex: number): Promise<Omit<HotWalletView, 'blockNumber' | 'staking'>> {
    const address = this.address(merchantIndex);
    const [balances, resources] = await Promise.all([this.chain.balances(address), this.chain.resources(address)]);
    const left = (limit: bigint, used: bigint) => (limit > used ? limit - used : 0n);
    return {
      address,
      balances,
      energy: { available: left(resources.energyLimit, resources.energyUsed), limit: resources.energyLimit },
      bandwidth: { available: left(resources.bandwidthLimit, resources.bandwidthUsed), limit: resources.bandwidthLimit },
    };
  }
}

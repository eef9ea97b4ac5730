/**
 * Network cost of a payout (SPEC §3.5): TRX burned for energy and bandwidth. The energy and bandwidth
 * prices are read from the chain and cached; creating a payment never waits for the node.
 */
import type { GatewayConfig } from '../../config/load.js';
import type { Clock } from '../../shared/clock.js';
import type { Asset } from '../../shared/money.js';
import type { EnergyStrategy } from '../energy/energy-strategy.js';

/** What the estimator needs from the chain. */
export interface ChainPrices {
  /** sun per energy unit */
  energyPriceSun(): Promise<bigint>;
  /** sun per bandwidth byte */
  bandwidthPriceSun(): Promise<bigint>;
  /**
   * sun a TRX transfer burns for creating the receiver's account: the bandwidth fee of creating one
   * (`getCreateAccountFee`) and the system contract's fee (`getCreateNewAccountFeeInSystemContract`)
   */
  activationFeeSun?(): Promise<bigint>;
}

export interface NetworkCostEstimate {
  asset: Asset;
  /** TRX base units (sun) burned if the hot wallet has no staked energy or free bandwidth left */
  trx: bigint;
  energy: number;
  bandwidthBytes: number;
  energyPriceSun: bigint;
  bandwidthPriceSun: bigint;
  /** TRX burned when the recipient holds none of the token yet (a first transfer costs about twice as much energy) */
  trxIfNewHolder: bigint;
  /** sun to activate a new account (a collection's deposit address); null when the chain did not say */
  activationSun: bigint | null;
  asOf: number;
}

/** Which resource pays for a send's energy and bandwidth. */
export type ResourcePayer = 'burned_trx' | 'staked_energy' | 'free_or_staked_bandwidth';

export interface StrategyCost {
  strategy: EnergyStrategy;
  /** sun burned in all */
  trx: bigint;
  energy: number;
  bandwidthBytes: number;
  /** sun of it that activates an account (collections: the deposit address) */
  activationTrx: bigint;
  energyPaidBy: ResourcePayer;
  bandwidthPaidBy: ResourcePayer;
}

/**
 * What a transfer burns under a strategy: `burn` pays energy at the energy price and bandwidth at the
 * bandwidth price; `stake` spends staked energy (the hot wallet's own, or delegated to a deposit address)
 * and free or staked bandwidth, so only an activation is burned while the stake covers it.
 */
export function costUnderStrategy(estimate: NetworkCostEstimate, strategy: EnergyStrategy, activationSun: bigint): StrategyCost {
  const common = { strategy, energy: estimate.energy, bandwidthBytes: estimate.bandwidthBytes, activationTrx: activationSun };
  if (strategy === 'burn')
    return { ...common, trx: estimate.trx + activationSun, energyPaidBy: 'burned_trx', bandwidthPaidBy: 'burned_trx' };
  return { ...common, trx: activationSun, energyPaidBy: 'staked_energy', bandwidthPaidBy: 'free_or_staked_bandwidth' };
}

export class NetworkCostEstimator {
  private prices: { energy: bigint; bandwidth: bigint; activation: bigint | null; at: number } | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly chain: ChainPrices,
    private readonly config: GatewayConfig,
    private readonly clock: Clock,
  ) {}

  /** The last known estimate, or null if the chain has not answered yet. Never waits. */
  cached(asset: Asset): NetworkCostEstimate | null {
    if (this.prices === null) return null;
    if (this.isStale()) void this.refresh().catch(() => {});
    return this.compute(asset);
  }

  /** The last known energy price (sun per unit), or null before the chain answered. Never waits. */
  cachedEnergyPriceSun(): bigint | null {
    if (this.prices === null) return null;
    if (this.isStale()) void this.refresh().catch(() => {});
    return this.prices.energy;
  }

  /** A fresh estimate, asking the chain when the cache is stale; null if the chain cannot be reached. */
  async estimate(asset: Asset): Promise<NetworkCostEstimate | null> {
    if (this.prices === null || this.isStale()) {
      try {
        await this.refresh();
      } catch {
        // fall back to whatever is cached
      }
    }
    return this.prices === null ? null : this.compute(asset);
  }

  refresh(): Promise<void> {
    this.inFlight ??= (async () => {
      try {
        const [energy, bandwidth, activation] = await Promise.all([
          this.chain.energyPriceSun(),
          this.chain.bandwidthPriceSun(),
          this.chain.activationFeeSun ? this.chain.activationFeeSun() : Promise.resolve(null),
        ]);
        this.prices = { energy, bandwidth, activation, at: this.clock.now() };
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  private isStale(): boolean {
    return this.prices === null || this.clock.now() - this.prices.at > this.config.raw.caching.ttl_seconds * 1000;
  }

  private compute(asset: Asset): NetworkCostEstimate {
    const prices = this.prices as { energy: bigint; bandwidth: bigint; activation: bigint | null; at: number };
    const spec = this.config.assets.get(asset);
    const energy = Number(spec.transferEnergy.existingHolder);
    const energyNew = Number(spec.transferEnergy.newHolder);
    const bandwidthBytes = Number(spec.transferBytes);
    const bandwidthCost = spec.transferBytes * prices.bandwidth;
    return {
      asset,
      trx: BigInt(energy) * prices.energy + bandwidthCost,
      energy,
      bandwidthBytes,
      energyPriceSun: prices.energy,
      bandwidthPriceSun: prices.bandwidth,
      trxIfNewHolder: BigInt(energyNew) * prices.energy + bandwidthCost,
      activationSun: prices.activation,
      asOf: prices.at,
    };
  }
}

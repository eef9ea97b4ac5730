/**
 * Network cost of a payout (SPEC §3.5): TRX burned for energy and bandwidth. The energy and bandwidth
 * prices are read from the chain and cached; creating a payment never waits for the node.
 */
import type { GatewayConfig } from '../../config/load.js';
import type { Clock } from '../../shared/clock.js';
import type { Asset } from '../../shared/money.js';

/** What the estimator needs from the chain. */
export interface ChainPrices {
  /** sun per energy unit */
  energyPriceSun(): Promise<bigint>;
  /** sun per bandwidth byte */
  bandwidthPriceSun(): Promise<bigint>;
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
  asOf: number;
}

export class NetworkCostEstimator {
  private prices: { energy: bigint; bandwidth: bigint; at: number } | null = null;
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
        const [energy, bandwidth] = await Promise.all([this.chain.energyPriceSun(), this.chain.bandwidthPriceSun()]);
        this.prices = { energy, bandwidth, at: this.clock.now() };
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
    const prices = this.prices as { energy: bigint; bandwidth: bigint; at: number };
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
      asOf: prices.at,
    };
  }
}

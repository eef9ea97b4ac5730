/**
 * How the gateway pays for energy (issue 19): `burn` pays TRX at the energy price on every send; `stake` spends
 * the hot wallet's staked energy (its own, or delegated to a deposit address for a sweep) and burns only when
 * that runs short. The config's `energy.strategy` (`auto` = `stake` when the hot wallet has staked energy)
 * can be overridden per merchant at run time.
 */
export type EnergyStrategy = 'burn' | 'stake';

export interface EnergyStrategySource {
  /** the strategy in force for this merchant's sends right now */
  strategyFor(merchantId: string): Promise<EnergyStrategy>;
}

/**
 * The energy strategy in force for a merchant (EnergyStrategySource): the merchant's run-time choice
 * (PUT /api/v1/wallet/energy-strategy, audited) or else the configuration's `energy.strategy`; `auto`
 * is `stake` while the merchant's hot wallet has staked energy (an energy limit: its own stake or energy
 * delegated to it), read from the node and cached briefly since every send asks.
 */
import type { Kysely } from 'kysely';
import type { EnergyStrategySetting } from '../../config/schema.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { LookupCache } from '../../shared/lookup-cache.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-trail.js';
import { type ClaimedAnswer, claimedValue } from '../idempotency/claimed-answer.js';
import type { MerchantEnergyRepository } from './energy.repository.js';
import type { EnergyStrategy, EnergyStrategySource } from './energy-strategy.js';

/** `auto` resolved: stake when there is staked energy to spend. */
export function resolveEnergyStrategy(setting: EnergyStrategySetting, stakedEnergyLimit: bigint): EnergyStrategy {
  if (setting !== 'auto') return setting;
  return stakedEnergyLimit > 0n ? 'stake' : 'burn';
}

export interface EnergyStrategyView {
  /** what is set: the merchant's own choice, or the configuration's */
  setting: EnergyStrategySetting;
  source: 'merchant' | 'config';
  /** what sends use now */
  effective: EnergyStrategy;
}

export interface EnergyStrategyDeps {
  db: Kysely<DB>;
  clock: Clock;
  repository: MerchantEnergyRepository;
  audit: AuditRecorder;
  /** `energy.strategy` */
  configured: EnergyStrategySetting;
  /** the energy limit of the merchant's hot wallet (what staking gives it), from the node */
  stakedEnergyLimit(merchantId: string): Promise<bigint>;
  /** how long a staked-energy read is reused */
  cacheMs: number;
  onReadError?(error: unknown): void;
}

export class EnergyStrategyService implements EnergyStrategySource {
  private readonly staked: LookupCache<bigint>;

  constructor(private readonly deps: EnergyStrategyDeps) {
    this.staked = new LookupCache<bigint>({ ttlMs: deps.cacheMs, now: () => deps.clock.now(), maxEntries: 10_000 });
  }

  async strategyFor(merchantId: string): Promise<EnergyStrategy> {
    return (await this.view(merchantId)).effective;
  }

  async view(merchantId: string): Promise<EnergyStrategyView> {
    const own = await this.deps.repository.strategyOf(this.deps.db, merchantId);
    const setting = own ?? this.deps.configured;
    const staked = setting === 'auto' ? await this.stakedEnergy(merchantId) : 0n;
    return { setting, source: own === null ? 'config' : 'merchant', effective: resolveEnergyStrategy(setting, staked) };
  }

  /**
   * Sets the merchant's strategy, with its audit record in the same transaction; with `answer`, the
   * Idempotency-Key is claimed and answered there too (ADR 0033).
   */
  async set(
    merchantId: string,
    setting: EnergyStrategySetting,
    context: AuditContext,
    answer?: ClaimedAnswer<EnergyStrategyView>,
  ): Promise<EnergyStrategyView> {
    // the answer is known before the change: the strategy as set, and what it resolves to now
    const staked = setting === 'auto' ? await this.stakedEnergy(merchantId) : 0n;
    const view: EnergyStrategyView = { setting, source: 'merchant', effective: resolveEnergyStrategy(setting, staked) };
    const now = this.deps.clock.now();
    return this.deps.db.transaction().execute((trx) =>
      claimedValue(trx, answer, now, async () => {
        const before = await this.deps.repository.strategyOf(trx, merchantId);
        await this.deps.repository.setStrategy(trx, merchantId, setting, now);
        await this.deps.audit.record(trx, [
          {
            merchantId,
            actor: context.actor,
            action: 'wallet.energy_strategy_set',
            entityType: 'merchant',
            entityId: merchantId,
            requestId: context.requestId,
            before: { strategy: before ?? this.deps.configured, source: before === null ? 'config' : 'merchant' },
            after: { strategy: setting, source: 'merchant' },
          },
        ]);
        return view;
      }),
    );
  }

  /** A node that does not answer makes `auto` burn: burning always works, waiting for stake might not. */
  private async stakedEnergy(merchantId: string): Promise<bigint> {
    try {
      return (await this.staked.get(merchantId, () => this.deps.stakedEnergyLimit(merchantId))) ?? 0n;
    } catch (error) {
      this.deps.onReadError?.(error);
      return 0n;
    }
  }
}

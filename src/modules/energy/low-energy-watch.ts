/**
 * The low-energy alert: `wallet.energy_low` when a hot wallet's available energy falls below
 * `energy.low_energy_threshold` while it has staked energy, once per crossing — the alert stays raised (merchant_energy.energy_low)
 * until the energy has recovered above the threshold, and only a later fall sends the event again. The
 * flag and the event are written in one transaction, so several checkers or a restart never send twice.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { Outbox } from '../outbox/outbox.js';
import type { MerchantEnergyRepository } from './energy.repository.js';

/**
 * What a reading means for an alert that is (not) raised: raise, clear, or nothing to change. A wallet
 * with no energy limit has staked nothing and its sends burn: it has no energy to run low on (a gateway
 * that burns would otherwise alert at its first check), and a raised alert is cleared once its stake is gone.
 */
export function lowEnergyStep(raised: boolean, reading: { available: bigint; limit: bigint }, threshold: bigint): 'raise' | 'clear' | null {
  if (reading.limit === 0n) return raised ? 'clear' : null;
  if (!raised && reading.available < threshold) return 'raise';
  if (raised && reading.available > threshold) return 'clear';
  return null;
}

export interface LowEnergyWatchDeps {
  db: Kysely<DB>;
  clock: Clock;
  repository: MerchantEnergyRepository;
  outbox: Pick<Outbox, 'append'>;
  /** active merchants and their hot wallets' available energy, read from the node */
  wallets(): Promise<Array<{ merchantId: string; address: string; energyAvailable: bigint; energyLimit: bigint }>>;
  threshold: bigint;
}

export interface LowEnergyCheck {
  raised: string[];
  cleared: string[];
}

export class LowEnergyWatch {
  constructor(private readonly deps: LowEnergyWatchDeps) {}

  async checkOnce(): Promise<LowEnergyCheck> {
    const { db, repository, threshold } = this.deps;
    const out: LowEnergyCheck = { raised: [], cleared: [] };
    const [wallets, low] = await Promise.all([this.deps.wallets(), repository.lowEnergyMerchants(db)]);
    for (const wallet of wallets) {
      const step = lowEnergyStep(low.has(wallet.merchantId), { available: wallet.energyAvailable, limit: wallet.energyLimit }, threshold);
      if (step === null) continue;
      const now = this.deps.clock.now();
      const changed = await db.transaction().execute(async (trx) => {
        if (!(await repository.switchLowEnergy(trx, wallet.merchantId, step === 'raise', now))) return false;
        if (step === 'raise') {
          await this.deps.outbox.append(trx, [
            {
              merchantId: wallet.merchantId,
              type: 'wallet.energy_low',
              aggregateType: 'wallet',
              aggregateId: wallet.address,
              object: {
                object: 'wallet_energy',
                address: wallet.address,
                energy_available: wallet.energyAvailable.toString(),
                threshold: threshold.toString(),
              },
            },
          ]);
        }
        return true;
      });
      if (changed) (step === 'raise' ? out.raised : out.cleared).push(wallet.merchantId);
    }
    return out;
  }
}

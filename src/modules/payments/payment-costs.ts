/**
 * A payment's `network_cost`: what its own sends (a payout) and the sends that collected it (the sweep
 * of its deposit address, its fuel, whose first TRX also activated the address, or the energy delegated
 * for it with the activation and reclaim) cost on
 * chain, from their receipts. A collection's sweeps are those of its deposit address made after it was
 * created: the address served it from then on (reuse gives an address to a later payment only once
 * everything on it was swept).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { EnergyDecisionState } from '../chain/energy-wait.js';
import type { SendCost } from '../chain/send-cost.js';
import { costOfOwners } from '../chain/send-cost.js';
import type { Payment } from './payment.js';

export interface PaymentCostSources {
  costsByOwner(executor: Kysely<DB>, ownerIds: readonly string[]): Promise<Map<string, SendCost>>;
  energyDecisionsByOwner(
    executor: Kysely<DB>,
    ownerIds: readonly string[],
  ): Promise<Map<string, { decision: EnergyDecisionState; waitMs: number | null }>>;
  sweepsOf(
    executor: Kysely<DB>,
    addresses: readonly string[],
  ): Promise<Array<{ id: string; depositAddress: string; createdAt: number; ownerIds: string[] }>>;
}

export class PaymentCosts {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly sources: PaymentCostSources,
  ) {}

  /** Per payment id, its network cost (null: nothing of it in a block yet). Three queries for any number of payments. */
  async of(payments: readonly Pick<Payment, 'id' | 'depositAddress' | 'createdAt'>[]): Promise<Map<string, SendCost | null>> {
    const addresses = payments.flatMap((p) => (p.depositAddress ? [p.depositAddress] : []));
    const sweeps = await this.sources.sweepsOf(this.db, addresses);
    const ownersOf = new Map<string, string[]>();
    for (const p of payments) {
      const swept = sweeps.filter((w) => w.depositAddress === p.depositAddress && w.createdAt >= p.createdAt).flatMap((w) => w.ownerIds);
      ownersOf.set(p.id, [p.id, ...swept]);
    }
    const costs = await this.sources.costsByOwner(this.db, [...ownersOf.values()].flat());
    return new Map([...ownersOf].map(([id, owners]) => [id, costOfOwners(costs, owners)]));
  }

  /** Per payment id, how its payout paid for energy (a payout is its own send's owner); absent for collections. */
  energyOf(payments: readonly Pick<Payment, 'id'>[]) {
    return this.sources.energyDecisionsByOwner(
      this.db,
      payments.map((p) => p.id),
    );
  }
}

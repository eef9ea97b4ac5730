/**
 * What other modules read of `chain_sends`, the table the chain module owns (issue 18: one owner per
 * table); the sender and tracker keep their own queries (send-queue.ts). Same SQL on both engines.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { moneySum } from '../../db/money-sql.js';
import type { DB } from '../../db/schema.js';
import type { EnergyDecisionState } from './energy-wait.js';
import type { SendPurpose, SendStatus } from './send-contract.js';
import type { SendCost } from './send-cost.js';

const DAY_MS = 86_400_000;

export type Executor = Kysely<DB> | Transaction<DB>;

export class SendsRepository {
  /** Transaction ids (null: not signed yet) of an owner's sends of this purpose in these statuses. */
  async txIdsOf(executor: Executor, purpose: SendPurpose, ownerId: string, statuses: readonly SendStatus[]): Promise<Array<string | null>> {
    const rows = await executor
      .selectFrom('chain_sends')
      .select('tx_id')
      .where('purpose', '=', purpose)
      .where('owner_id', '=', ownerId)
      .where('status', 'in', statuses)
      .execute();
    return rows.map((r) => r.tx_id);
  }

  /**
   * What the sends of these owners cost, summed per owner over every send seen in a block (all purposes:
   * a sweep's fuel and its transfer share the sweep as owner). Owners without one are absent.
   */
  async costsByOwner(executor: Executor, ownerIds: readonly string[]): Promise<Map<string, SendCost>> {
    const out = new Map<string, SendCost>();
    if (ownerIds.length === 0) return out;
    const rows = await executor
      .selectFrom('chain_sends')
      .select([
        'owner_id',
        moneySum('energy_used').as('energy_used'),
        moneySum('energy_delegated').as('energy_delegated'),
        moneySum('energy_burned_trx').as('energy_burned_trx'),
        moneySum('bandwidth_used').as('bandwidth_used'),
        moneySum('bandwidth_burned_trx').as('bandwidth_burned_trx'),
        moneySum('activation_trx').as('activation_trx'),
        moneySum('trx_burned').as('trx_burned'),
      ])
      .where('owner_id', 'in', [...new Set(ownerIds)])
      .where('trx_burned', 'is not', null)
      .groupBy('owner_id')
      .execute();
    for (const r of rows) {
      out.set(r.owner_id, {
        energyUsed: BigInt(r.energy_used),
        energyDelegated: BigInt(r.energy_delegated),
        energyBurnedTrx: BigInt(r.energy_burned_trx),
        bandwidthUsed: BigInt(r.bandwidth_used),
        bandwidthBurnedTrx: BigInt(r.bandwidth_burned_trx),
        activationTrx: BigInt(r.activation_trx),
        trxBurned: BigInt(r.trx_burned),
      });
    }
    return out;
  }

  /**
   * How each owner's hot-wallet send paid (or is waiting to pay) for energy: the latest sequence's decision
   * (energy-wait.ts). Owners whose sends took no decision (collections, TRX) are absent.
   */
  async energyDecisionsByOwner(
    executor: Executor,
    ownerIds: readonly string[],
  ): Promise<Map<string, { decision: EnergyDecisionState; waitMs: number | null }>> {
    const out = new Map<string, { decision: EnergyDecisionState; waitMs: number | null }>();
    if (ownerIds.length === 0) return out;
    const rows = await executor
      .selectFrom('chain_sends')
      .select(['owner_id', 'sequence', 'energy_decision', 'energy_wait_ms'])
      .where('owner_id', 'in', [...new Set(ownerIds)])
      .where('energy_decision', 'is not', null)
      .orderBy('sequence')
      .execute();
    for (const r of rows) {
      out.set(r.owner_id, {
        decision: r.energy_decision as EnergyDecisionState,
        waitMs: r.energy_wait_ms === null ? null : Number(r.energy_wait_ms),
      });
    }
    return out;
  }

  /** Sun burned by every send seen in a block, per purpose (what `tpg_trx_burned_total` reports). */
  async burnedByPurpose(executor: Executor): Promise<Array<{ purpose: string; sun: bigint }>> {
    const rows = await executor
      .selectFrom('chain_sends')
      .select(['purpose', moneySum('trx_burned').as('sun')])
      .where('trx_burned', 'is not', null)
      .groupBy('purpose')
      .execute();
    return rows.map((r) => ({ purpose: r.purpose, sun: BigInt(r.sun) }));
  }

  /** A merchant's sun burned per UTC day (days since the epoch) by sends of these purposes that landed (or failed) in [startAt, endAt). */
  async burnedByDay(
    executor: Executor,
    merchantId: string,
    purposes: readonly SendPurpose[],
    startAt: number,
    endAt: number,
  ): Promise<Array<{ day: number; sun: bigint }>> {
    // a reverted send burns too and is never confirmed: its day is when it was recorded as failed
    const at = sql<bigint>`coalesce(confirmed_at, updated_at)`;
    const day = sql<bigint>`coalesce(confirmed_at, updated_at) / ${sql.lit(DAY_MS)}`;
    const rows = await executor
      .selectFrom('chain_sends')
      .select([day.as('day'), moneySum('trx_burned').as('sun')])
      .where('merchant_id', '=', merchantId)
      .where('purpose', 'in', [...purposes])
      .where('trx_burned', 'is not', null)
      .where(at, '>=', BigInt(startAt))
      .where(at, '<', BigInt(endAt))
      .groupBy(day)
      .execute();
    return rows.map((r) => ({ day: Number(r.day), sun: BigInt(r.sun) }));
  }

  /** Per (sending address, asset): what sends not yet landed still owe from these addresses (reconciliation). */
  async owedTotals(executor: Executor, addresses: readonly string[]): Promise<Array<{ address: string; asset: string; total: bigint }>> {
    const rows = await executor
      .selectFrom('chain_sends')
      .select(['from_address', 'asset', moneySum('amount').as('total')])
      .where('from_address', 'in', [...addresses])
      .where('status', 'in', ['queued', 'signed', 'broadcast'])
      .groupBy(['from_address', 'asset'])
      .execute();
    return rows.flatMap((r) => (r.total === null ? [] : [{ address: r.from_address, asset: r.asset, total: BigInt(r.total) }]));
  }
}

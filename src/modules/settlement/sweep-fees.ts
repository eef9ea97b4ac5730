/**
 * A sweep's network cost is the sum of what its steps' transactions burned (fuel, activation, delegation,
 * the sweep transfer, reclaim). Each landing adds its receipt's fee and each reorganisation that takes a
 * landed step off the chain subtracts it again (issue 20): a step that lands twice, once in an orphaned
 * block and once in the chain that stayed, counts once, with the receipt that stayed. A step that lands
 * after its settlement summed the sweeps' cost (the reclaim follows the final sweep) corrects that sum too.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Adds `delta` sun (negative to take a fee back) to the sweep's recorded network cost. */
export async function addSweepFee(trx: Transaction<DB>, sweepId: string, delta: bigint, now: number): Promise<void> {
  if (delta === 0n) return;
  const sweep = await trx.selectFrom('sweeps').select(['network_fee', 'settlement_id']).where('id', '=', sweepId).executeTakeFirst();
  if (!sweep) return;
  const total = (sweep.network_fee === null ? 0n : BigInt(sweep.network_fee)) + delta;
  await trx.updateTable('sweeps').set({ network_fee: total, updated_at: now }).where('id', '=', sweepId).execute();
  if (sweep.settlement_id === null) return;
  const settlement = await trx.selectFrom('settlements').select('sweep_cost').where('id', '=', sweep.settlement_id).executeTakeFirst();
  if (settlement?.sweep_cost === null || settlement?.sweep_cost === undefined) return;
  await trx
    .updateTable('settlements')
    .set({ sweep_cost: BigInt(settlement.sweep_cost) + delta, updated_at: now })
    .where('id', '=', sweep.settlement_id)
    .execute();
}

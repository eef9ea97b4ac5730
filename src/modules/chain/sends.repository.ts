/**
 * What other modules read of `chain_sends`, the table the chain module owns (issue 18: one owner per
 * table); the sender and tracker keep their own queries (send-queue.ts). Same SQL on both engines.
 */
import type { Kysely, Transaction } from 'kysely';
import { moneySum } from '../../db/money-sql.js';
import type { DB } from '../../db/schema.js';
import type { SendPurpose, SendStatus } from './send-contract.js';

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

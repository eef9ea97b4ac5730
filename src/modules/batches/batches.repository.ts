/** Storage of batches; live counts come from the payments themselves. */
import type { Selectable } from 'kysely';
import { type InsertTarget, insertRows } from '../../db/bulk-insert.js';
import type { BatchesTable } from '../../db/schema.js';
import type { Asset } from '../../shared/money.js';
import type { Executor } from '../payments/payments.repository.js';
import type { Batch, BatchStatus } from './batch.js';

function rowToBatch(row: Selectable<BatchesTable>): Batch {
  const totals = JSON.parse(row.totals) as Record<string, string>;
  return {
    id: row.id,
    merchantId: row.merchant_id,
    reference: row.batch_reference,
    atomic: Number(row.atomic) === 1,
    status: row.status as BatchStatus,
    itemCount: Number(row.item_count),
    createdCount: Number(row.created_count),
    rejectedCount: Number(row.rejected_count),
    totals: Object.fromEntries(Object.entries(totals).map(([asset, value]) => [asset as Asset, BigInt(value)])),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
    stalledAt: row.stalled_at === null ? null : Number(row.stalled_at),
  };
}

export class BatchesRepository {
  async insert(target: InsertTarget, batches: readonly Batch[]): Promise<void> {
    await insertRows(
      target,
      'batches',
      batches.map((b) => ({
        id: b.id,
        merchant_id: b.merchantId,
        batch_reference: b.reference,
        atomic: b.atomic ? 1 : 0,
        status: b.status,
        item_count: b.itemCount,
        created_count: b.createdCount,
        rejected_count: b.rejectedCount,
        totals: JSON.stringify(Object.fromEntries(Object.entries(b.totals).map(([k, v]) => [k, String(v)]))),
        created_at: b.createdAt,
        updated_at: b.updatedAt,
        completed_at: b.completedAt,
      })),
    );
  }

  async find(executor: Executor, merchantId: string, id: string): Promise<Batch | null> {
    const row = await executor
      .selectFrom('batches')
      .selectAll()
      .where('id', '=', id)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    return row ? rowToBatch(row) : null;
  }

  async setStatus(executor: Executor, id: string, status: BatchStatus, at: number, final: boolean): Promise<void> {
    await executor
      .updateTable('batches')
      .set({ status, updated_at: at, ...(final ? { completed_at: at } : {}) })
      .where('id', '=', id)
      .execute();
  }

  /** Ids of batches still pending or processing that were created at or before `createdBefore` and are not flagged yet. */
  async unflaggedOpenSince(executor: Executor, createdBefore: number, limit: number): Promise<string[]> {
    const rows = await executor
      .selectFrom('batches')
      .select('id')
      .where('status', 'in', ['pending', 'processing'])
      .where('created_at', '<=', createdBefore)
      .where('stalled_at', 'is', null)
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Flags a batch that is still open as stalled; null when it is final or flagged already (by another process). */
  async flagStalled(executor: Executor, id: string, at: number): Promise<Batch | null> {
    const row = await executor
      .updateTable('batches')
      .set({ stalled_at: at })
      .where('id', '=', id)
      .where('status', 'in', ['pending', 'processing'])
      .where('stalled_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? rowToBatch(row) : null;
  }

  async countInFlight(executor: Executor, merchantId: string): Promise<number> {
    const row = await executor
      .selectFrom('batches')
      .select((eb) => eb.fn.countAll<bigint>().as('count'))
      .where('merchant_id', '=', merchantId)
      .where('status', 'in', ['pending', 'processing'])
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

/** The API representation of a batch (also the `batch.created` / `batch.completed` / `batch.stalled` event object). */
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import type { Batch } from '../batches/batch.js';

export function batchEventObject(batch: Batch, assets: AssetCatalog) {
  return {
    batch_id: batch.id,
    object: 'batch' as const,
    status: batch.status,
    batch_reference: batch.reference,
    atomic: batch.atomic,
    total_items: batch.itemCount,
    created_count: batch.createdCount,
    rejected_count: batch.rejectedCount,
    totals: assets.formatTotals(batch.totals as Record<string, bigint>),
    created_at: new Date(batch.createdAt).toISOString(),
  };
}

/** Whether the batch was found not final after `batch_timeout_seconds`, and when (GET /batches/{id}, `batch.stalled`). */
export function batchStallFields(batch: Batch) {
  const at = batch.stalledAt ?? null;
  return { stalled: at !== null, stalled_at: at === null ? null : new Date(at).toISOString() };
}

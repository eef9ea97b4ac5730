/** A batch of payments (SPEC §3.6) and how its status follows from its payments'. */
import type { Asset } from '../../shared/money.js';

export const BATCH_STATUSES = ['pending', 'processing', 'completed', 'partial_failure', 'failed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const FINAL_BATCH_STATUSES: ReadonlySet<BatchStatus> = new Set(['completed', 'partial_failure', 'failed']);

export interface Batch {
  id: string;
  merchantId: string;
  reference: string | null;
  atomic: boolean;
  status: BatchStatus;
  itemCount: number;
  createdCount: number;
  rejectedCount: number;
  totals: Partial<Record<Asset, bigint>>;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
  /** when it was found not final after `batch_timeout_seconds` (absent on a batch being created) */
  stalledAt?: number | null;
}

/** Status of a batch from the counts of its payments by status. */
export function deriveBatchStatus(counts: Readonly<Record<string, number>>, rejectedCount: number): BatchStatus {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const succeeded = (counts.completed ?? 0) + (counts.refunded ?? 0);
  const unsuccessful = (counts.failed ?? 0) + (counts.cancelled ?? 0);
  const pending = counts.pending ?? 0;
  if (total === 0) return 'failed';
  if (succeeded + unsuccessful === total) {
    if (unsuccessful === 0 && rejectedCount === 0) return 'completed';
    return succeeded === 0 ? 'failed' : 'partial_failure';
  }
  return pending + unsuccessful === total ? 'pending' : 'processing';
}

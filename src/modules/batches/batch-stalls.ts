/**
 * Stalled batches (config `batch_processing.batch_timeout_seconds`): a batch still pending or processing
 * that long after its creation is flagged (`stalled_at`, shown as `stalled` on GET /batches/{id}) and
 * `batch.stalled` is sent, once per batch: the flag is set only where it is still unset, in the same
 * transaction as the event and the audit record, so two workers cannot both send it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import type { Clock } from '../../shared/clock.js';
import type { AuditRecorder } from '../audit/audit-trail.js';
import type { Outbox } from '../outbox/outbox.js';
import { batchEventObject, batchStallFields } from '../payments/batch-view.js';
import type { PaymentsRepository } from '../payments/payments.repository.js';
import type { BatchesRepository } from './batches.repository.js';

/** The periodic job that looks for stalled batches. */
export const BATCH_STALL_JOB = 'batch.stall_check';
export const BATCH_STALL_CHECK_EVERY_MS = 60_000;
const ACTOR = 'system:batches';
/** batches flagged per run at most; the next run takes the rest */
const PER_RUN = 100;

export interface BatchStallWatchDeps {
  db: Kysely<DB>;
  clock: Clock;
  batches: BatchesRepository;
  payments: Pick<PaymentsRepository, 'batchStatusCounts'>;
  outbox: Outbox;
  audit: AuditRecorder;
  assets: AssetCatalog;
  /** `batch_timeout_seconds` in ms; 0 never flags */
  timeoutMs: number;
}

export class BatchStallWatch {
  constructor(private readonly deps: BatchStallWatchDeps) {}

  /** Flags the batches that are overdue now and sends `batch.stalled` for each; returns their ids. */
  async flagStalled(): Promise<string[]> {
    const { db, clock, timeoutMs } = this.deps;
    if (timeoutMs <= 0) return [];
    const due = await this.deps.batches.unflaggedOpenSince(db, clock.now() - timeoutMs, PER_RUN);
    const flagged: string[] = [];
    for (const id of due) {
      const done = await db.transaction().execute(async (trx) => {
        const batch = await this.deps.batches.flagStalled(trx, id, clock.now());
        if (!batch) return false; // final or flagged meanwhile
        const counts = await this.deps.payments.batchStatusCounts(trx, id);
        const object = { ...batchEventObject(batch, this.deps.assets), counts, ...batchStallFields(batch) };
        await this.deps.outbox.append(trx, [
          { merchantId: batch.merchantId, type: 'batch.stalled', aggregateType: 'batch', aggregateId: id, object },
        ]);
        await this.deps.audit.record(trx, [
          {
            merchantId: batch.merchantId,
            actor: ACTOR,
            action: 'batch.stalled',
            entityType: 'batch',
            entityId: id,
            requestId: null,
            before: { status: batch.status, stalled: false },
            after: { stalled: true, stalled_at: object.stalled_at, timeout_seconds: timeoutMs / 1000, counts },
          },
        ]);
        return true;
      });
      if (done) flagged.push(id);
    }
    return flagged;
  }
}

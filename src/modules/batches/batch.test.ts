import { describe, expect, it } from 'vitest';
import { BATCH_STATUSES, type BatchStatus, deriveBatchStatus, FINAL_BATCH_STATUSES } from './batch.js';

describe('batch statuses', () => {
  it('are pending, processing, completed, partial_failure and failed; the last three are final', () => {
    expect(BATCH_STATUSES).toEqual(['pending', 'processing', 'completed', 'partial_failure', 'failed']);
    expect([...FINAL_BATCH_STATUSES].sort()).toEqual(['completed', 'failed', 'partial_failure']);
  });
});

describe('deriveBatchStatus', () => {
  const cases: Array<[string, Record<string, number>, number, BatchStatus]> = [
    // nothing has started
    ['all pending', { pending: 5 }, 0, 'pending'],
    ['all pending, some items rejected at creation', { pending: 5 }, 2, 'pending'],
    ['pending with nothing else under way, one already failed', { pending: 4, failed: 1 }, 0, 'pending'],
    ['pending with nothing else under way, one expired', { pending: 4, cancelled: 1 }, 0, 'pending'],
    // under way
    ['one processing', { pending: 4, processing: 1 }, 0, 'processing'],
    ['one confirmed', { pending: 4, confirmed: 1 }, 0, 'processing'],
    ['some completed, some pending', { pending: 2, completed: 3 }, 0, 'processing'],
    ['some completed, some still processing', { processing: 1, completed: 3, failed: 1 }, 0, 'processing'],
    ['all confirmed, none solidified yet', { confirmed: 5 }, 0, 'processing'],
    ['a disputed payment is not finished', { completed: 4, disputed: 1 }, 0, 'processing'],
    // finished
    ['all completed', { completed: 5 }, 0, 'completed'],
    ['completed and refunded count as succeeded', { completed: 3, refunded: 2 }, 0, 'completed'],
    ['zero counts are ignored', { completed: 5, pending: 0, failed: 0 }, 0, 'completed'],
    ['all completed but items were rejected at creation', { completed: 5 }, 1, 'partial_failure'],
    ['completed and failed', { completed: 3, failed: 2 }, 0, 'partial_failure'],
    ['completed and cancelled', { completed: 4, cancelled: 1 }, 0, 'partial_failure'],
    ['refunded and failed', { refunded: 1, failed: 1 }, 0, 'partial_failure'],
    ['all failed', { failed: 5 }, 0, 'failed'],
    ['failed and cancelled', { failed: 2, cancelled: 3 }, 0, 'failed'],
    ['all failed, and items were rejected at creation', { failed: 2 }, 3, 'failed'],
    ['no payments at all (every item rejected)', {}, 5, 'failed'],
    ['no payments and nothing rejected', {}, 0, 'failed'],
  ];

  it.each(cases)('%s → %s', (_name, counts, rejected, expected) => {
    expect(deriveBatchStatus(counts, rejected)).toBe(expected);
  });

  it('is final exactly when every payment is completed, refunded, failed or cancelled', () => {
    const statuses = ['pending', 'processing', 'confirmed', 'completed', 'failed', 'cancelled', 'refunded', 'disputed'];
    const finished = new Set(['completed', 'failed', 'cancelled', 'refunded']);
    // every combination of up to one payment per status
    for (let mask = 1; mask < 1 << statuses.length; mask++) {
      const counts: Record<string, number> = {};
      statuses.forEach((s, i) => {
        if (mask & (1 << i)) counts[s] = 1;
      });
      const allFinished = Object.keys(counts).every((s) => finished.has(s));
      for (const rejected of [0, 1]) {
        const status = deriveBatchStatus(counts, rejected);
        expect(FINAL_BATCH_STATUSES.has(status), JSON.stringify({ counts, rejected })).toBe(allFinished);
        if (allFinished) {
          const succeeded = (counts.completed ?? 0) + (counts.refunded ?? 0);
          const unsuccessful = (counts.failed ?? 0) + (counts.cancelled ?? 0);
          const expected: BatchStatus = succeeded === 0 ? 'failed' : unsuccessful === 0 && rejected === 0 ? 'completed' : 'partial_failure';
          expect(status).toBe(expected);
        }
      }
    }
  });

  it('handles a full batch of 1000', () => {
    expect(deriveBatchStatus({ completed: 1000 }, 0)).toBe('completed');
    expect(deriveBatchStatus({ completed: 999, failed: 1 }, 0)).toBe('partial_failure');
    expect(deriveBatchStatus({ completed: 999 }, 1)).toBe('partial_failure');
    expect(deriveBatchStatus({ pending: 999, processing: 1 }, 0)).toBe('processing');
  });
});

import { describe, expect, it } from 'vitest';
import {
  allowedFrom,
  compareAndSet,
  isFinal,
  SETTLEMENT_EVENT_TYPES,
  SETTLEMENT_STATUSES,
  type SettlementEventType,
  type SettlementStatus,
  transition,
} from './settlement-lifecycle.js';

/** The lifecycle written out independently of the implementation: event → from → to; absent = refused. */
const EXPECTED: Record<SettlementEventType, Partial<Record<SettlementStatus, SettlementStatus>>> = {
  payee_transfer_queued: { initiated: 'initiated' },
  payee_transfer_completed: { initiated: 'completed' },
  payee_transfer_failed: { initiated: 'failed' },
};

describe('settlement lifecycle', () => {
  it('has the three statuses and the three events of the table', () => {
    expect(SETTLEMENT_STATUSES).toEqual(['initiated', 'completed', 'failed']);
    expect([...SETTLEMENT_EVENT_TYPES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const pairs = SETTLEMENT_STATUSES.flatMap((from) => SETTLEMENT_EVENT_TYPES.map((type) => [from, type] as const));

  it('the table covers every (status, event) pair: 3 allowed, 6 refused', () => {
    expect(pairs).toHaveLength(9);
    expect(pairs.filter(([from, type]) => EXPECTED[type][from] !== undefined)).toHaveLength(3);
  });

  it.each(pairs)('%s + %s', (from, type) => {
    const result = transition(from, { type });
    const to = EXPECTED[type][from];
    if (to === undefined) {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'invalid_transition',
          lifecycle: 'settlement',
          from,
          event: type,
          message: `a settlement that is ${from} does not take ${type}`,
        },
      });
    } else {
      expect(result).toEqual({ ok: true, value: to });
    }
  });

  it('completed and failed are final (what retention archives)', () => {
    expect(SETTLEMENT_STATUSES.filter(isFinal)).toEqual(['completed', 'failed']);
    expect(isFinal('initiated')).toBe(false);
  });

  it('a completed settlement is never failed afterwards (its debit is not given back twice)', () => {
    const result = transition('completed', { type: 'payee_transfer_failed' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ from: 'completed', event: 'payee_transfer_failed' });
  });

  it('no payee transfer is queued for a settlement that already ended', () => {
    expect(allowedFrom('payee_transfer_queued')).toEqual(['initiated']);
  });

  it('the records complete and fail with a compare-and-set on initiated', () => {
    expect(compareAndSet({ type: 'payee_transfer_completed' })).toEqual({ from: ['initiated'], to: 'completed' });
    expect(compareAndSet({ type: 'payee_transfer_failed' })).toEqual({ from: ['initiated'], to: 'failed' });
  });
});

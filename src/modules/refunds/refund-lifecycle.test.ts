import { describe, expect, it } from 'vitest';
import {
  allowedFrom,
  compareAndSet,
  isFinal,
  OPEN_REFUND_STATUSES,
  REFUND_EVENT_TYPES,
  REFUND_STATUSES,
  type RefundEvent,
  type RefundEventType,
  type RefundStatus,
  transition,
} from './refund-lifecycle.js';

/** The lifecycle written out independently of the implementation: event → from → to; absent = refused. */
const EXPECTED: Record<RefundEventType, Partial<Record<RefundStatus, RefundStatus>>> = {
  send_broadcast: { pending: 'processing', processing: 'processing' },
  send_completed: { pending: 'completed', processing: 'completed' },
  send_failed: { pending: 'failed', processing: 'failed' },
  timed_out: { pending: 'failed', processing: 'failed' },
  flagged: { pending: 'pending', processing: 'processing' },
};

const event = (type: RefundEventType): RefundEvent => ({ type });

describe('refund lifecycle', () => {
  it('has the four statuses and the five events of the table', () => {
    expect(REFUND_STATUSES).toEqual(['pending', 'processing', 'completed', 'failed']);
    expect([...REFUND_EVENT_TYPES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const pairs = REFUND_STATUSES.flatMap((from) => REFUND_EVENT_TYPES.map((type) => [from, type] as const));

  it('the table covers every (status, event) pair: 10 allowed, 10 refused', () => {
    expect(pairs).toHaveLength(20);
    expect(pairs.filter(([from, type]) => EXPECTED[type][from] !== undefined)).toHaveLength(10);
  });

  it.each(pairs)('%s + %s', (from, type) => {
    const result = transition(from, event(type));
    const to = EXPECTED[type][from];
    if (to === undefined) {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'invalid_transition',
          lifecycle: 'refund',
          from,
          event: type,
          message: `a refund that is ${from} does not take ${type}`,
        },
      });
    } else {
      expect(result).toEqual({ ok: true, value: to });
    }
  });

  it('completed and failed are final; pending and processing are open', () => {
    expect(REFUND_STATUSES.filter(isFinal)).toEqual(['completed', 'failed']);
    expect(OPEN_REFUND_STATUSES).toEqual(['pending', 'processing']);
  });

  it('a send failure never reopens or changes a completed refund', () => {
    expect(transition('completed', { type: 'send_failed' }).ok).toBe(false);
    expect(transition('completed', { type: 'timed_out' }).ok).toBe(false);
  });

  it('a failed refund stays failed when its send is later reported completed', () => {
    const result = transition('failed', { type: 'send_completed' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ from: 'failed', event: 'send_completed' });
  });

  it('the compare-and-set of each event expects the open statuses', () => {
    expect(allowedFrom('send_broadcast')).toEqual(['pending', 'processing']);
    expect(compareAndSet({ type: 'send_completed' })).toEqual({ from: ['pending', 'processing'], to: 'completed' });
    expect(compareAndSet({ type: 'send_failed' })).toEqual({ from: ['pending', 'processing'], to: 'failed' });
  });

  it('flagging keeps each status, so it has no single status to set', () => {
    expect(allowedFrom('flagged')).toEqual(['pending', 'processing']);
    expect(() => compareAndSet({ type: 'flagged' })).toThrow(/read the state/);
  });
});

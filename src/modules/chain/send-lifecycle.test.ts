import { describe, expect, it } from 'vitest';
import {
  allowedFrom,
  compareAndSet,
  isFinal,
  SEND_EVENT_TYPES,
  SEND_STATUSES,
  type SendStatus,
  type SendStatusEvent,
  type SendStatusEventType,
  transition,
} from './send-lifecycle.js';
import { IN_FLIGHT_STATUSES, OPEN_SEND_STATUSES } from './send-records.js';

/** Each event as the sender, the tracker and the cancel send it; the ones with data once per outcome. */
const EVENTS: readonly SendStatusEvent[] = [
  { type: 'claimed' },
  { type: 'postponed' },
  { type: 'check_failed' },
  { type: 'cancelled' },
  { type: 'signed' },
  { type: 'broadcast_accepted' },
  { type: 'broadcast_retried' },
  { type: 'broadcast_refused' },
  { type: 'landed', ok: true },
  { type: 'landed', ok: false },
  { type: 'solidified' },
  { type: 'expired', retriesExhausted: false },
  { type: 'expired', retriesExhausted: true },
  { type: 'orphaned' },
];

function label(event: SendStatusEvent): string {
  if (event.type === 'landed') return `landed(${event.ok ? 'ok' : 'receipt failed'})`;
  if (event.type === 'expired') return `expired(${event.retriesExhausted ? 'retries exhausted' : 'retries left'})`;
  return event.type;
}

/** The lifecycle written out independently of the implementation: event → from → to; absent = refused. */
const EXPECTED: Record<string, Partial<Record<SendStatus, SendStatus>>> = {
  claimed: { queued: 'queued', signed: 'signed' },
  postponed: { queued: 'queued', signed: 'signed' },
  check_failed: { queued: 'failed' },
  cancelled: { queued: 'failed' },
  signed: { queued: 'signed' },
  broadcast_accepted: { signed: 'broadcast' },
  broadcast_retried: { signed: 'signed' },
  broadcast_refused: { signed: 'failed' },
  'landed(ok)': { signed: 'confirmed', broadcast: 'confirmed' },
  // a failed receipt is final only once its block is solidified
  'landed(receipt failed)': { signed: 'failing', broadcast: 'failing' },
  solidified: { confirmed: 'completed', failing: 'failed' },
  'expired(retries left)': { signed: 'expired', broadcast: 'expired' },
  'expired(retries exhausted)': { signed: 'failed', broadcast: 'failed' },
  // a reorganisation took its block and the chain no longer has it: the same bytes go out again
  orphaned: { confirmed: 'signed', failing: 'signed' },
};

describe('chain send lifecycle', () => {
  it('has the eight statuses and the twelve events of the table', () => {
    expect(SEND_STATUSES).toEqual(['queued', 'signed', 'broadcast', 'confirmed', 'failing', 'completed', 'failed', 'expired']);
    const types: SendStatusEventType[] = [
      'claimed',
      'postponed',
      'check_failed',
      'cancelled',
      'signed',
      'broadcast_accepted',
      'broadcast_retried',
      'broadcast_refused',
      'landed',
      'solidified',
      'expired',
      'orphaned',
    ];
    expect([...SEND_EVENT_TYPES].sort()).toEqual([...types].sort());
    expect([...new Set(EVENTS.map((e) => e.type))].sort()).toEqual([...types].sort());
    expect(EVENTS.map(label).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const pairs = SEND_STATUSES.flatMap((from) => EVENTS.map((event) => [from, label(event), event] as const));

  it('the table covers every (status, event) pair: 22 allowed, 90 refused', () => {
    expect(pairs).toHaveLength(112);
    expect(pairs.filter(([from, name]) => EXPECTED[name]?.[from] !== undefined)).toHaveLength(22);
  });

  it.each(pairs)('%s + %s', (from, name, event) => {
    const result = transition(from, event);
    const to = EXPECTED[name]?.[from];
    if (to === undefined) {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'invalid_transition',
          lifecycle: 'send',
          from,
          event: event.type,
          message: `a send that is ${from} does not take ${event.type}`,
        },
      });
    } else {
      expect(result).toEqual({ ok: true, value: to });
    }
  });

  it('completed, failed and expired are final; the rest is open', () => {
    expect(SEND_STATUSES.filter(isFinal)).toEqual(['completed', 'failed', 'expired']);
    expect(OPEN_SEND_STATUSES).toEqual(['queued', 'signed', 'broadcast', 'confirmed', 'failing']);
  });

  it('only signed and broadcast sends may be in a node’s pool (what the tracker follows)', () => {
    expect(IN_FLIGHT_STATUSES).toEqual(['signed', 'broadcast']);
    expect(allowedFrom('expired')).toEqual(['signed', 'broadcast']);
  });

  it('a signed send can no longer be cancelled: its bytes may already be in a pool', () => {
    const result = transition('signed', { type: 'cancelled' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ from: 'signed', event: 'cancelled' });
    expect(compareAndSet({ type: 'cancelled' })).toEqual({ from: ['queued'], to: 'failed' });
  });

  it('a send is signed once: a signed send is never signed again', () => {
    expect(allowedFrom('signed')).toEqual(['queued']);
    expect(transition('signed', { type: 'signed' }).ok).toBe(false);
  });

  it('the sender fails queued sends after its checks and signed sends after a refusal, nothing else', () => {
    expect(compareAndSet({ type: 'check_failed' })).toEqual({ from: ['queued'], to: 'failed' });
    expect(compareAndSet({ type: 'broadcast_refused' })).toEqual({ from: ['signed'], to: 'failed' });
  });

  it('the tracker confirms or fails a landed send by its receipt, also before its broadcast was recorded', () => {
    expect(compareAndSet({ type: 'landed', ok: true })).toEqual({ from: ['signed', 'broadcast'], to: 'confirmed' });
    expect(compareAndSet({ type: 'landed', ok: false })).toEqual({ from: ['signed', 'broadcast'], to: 'failing' });
    expect(transition('confirmed', { type: 'solidified' })).toEqual({ ok: true, value: 'completed' });
    expect(transition('failing', { type: 'solidified' })).toEqual({ ok: true, value: 'failed' });
    expect(compareAndSet({ type: 'orphaned' })).toEqual({ from: ['confirmed', 'failing'], to: 'signed' });
  });

  it('an expired send is replaced by a new sequence while retries are left, else it fails', () => {
    expect(compareAndSet({ type: 'expired', retriesExhausted: false })).toEqual({ from: ['signed', 'broadcast'], to: 'expired' });
    expect(compareAndSet({ type: 'expired', retriesExhausted: true })).toEqual({ from: ['signed', 'broadcast'], to: 'failed' });
  });

  it('a confirmed send is past expiry and broadcast: only solidification, or a reorganisation taking its block, moves it', () => {
    expect(EVENTS.filter((event) => transition('confirmed', event).ok).map(label)).toEqual(['solidified', 'orphaned']);
  });

  it('claiming and postponing keep the status, so they have no single status to set', () => {
    expect(allowedFrom('claimed')).toEqual(['queued', 'signed']);
    expect(allowedFrom('postponed')).toEqual(['queued', 'signed']);
    expect(() => compareAndSet({ type: 'claimed' })).toThrow(/send claimed goes to queued, signed/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  allowedFrom,
  compareAndSet,
  isFinal,
  SWEEP_EVENT_TYPES,
  SWEEP_STATUSES,
  type SweepEvent,
  type SweepEventType,
  type SweepStatus,
  transition,
} from './sweep-lifecycle.js';

/** Each event as the worker sends it; `started` twice, with and without fuel to send. */
const EVENTS: readonly SweepEvent[] = [
  { type: 'started', fuel: 0n },
  { type: 'started', fuel: 3_000_000n },
  { type: 'delegation_started' },
  { type: 'delegation_confirmed' },
  { type: 'delegation_failed' },
  { type: 'fuel_confirmed' },
  { type: 'fuel_failed' },
  { type: 'sweep_completed' },
  { type: 'sweep_failed' },
];

const label = (event: SweepEvent) => (event.type === 'started' ? `started(fuel ${event.fuel})` : event.type);

/** The lifecycle written out independently of the implementation: event → from → to; absent = refused. */
const EXPECTED: Record<string, Partial<Record<SweepStatus, SweepStatus>>> = {
  'started(fuel 0)': { pending: 'sweeping' },
  'started(fuel 3000000)': { pending: 'fueling' },
  delegation_started: { pending: 'delegating' },
  delegation_confirmed: { delegating: 'sweeping' },
  delegation_failed: { delegating: 'failed' },
  fuel_confirmed: { fueling: 'sweeping' },
  fuel_failed: { fueling: 'failed' },
  sweep_completed: { sweeping: 'completed' },
  sweep_failed: { sweeping: 'failed' },
};

describe('sweep lifecycle', () => {
  it('has the six statuses and the eight events of the table', () => {
    expect(SWEEP_STATUSES).toEqual(['pending', 'fueling', 'delegating', 'sweeping', 'completed', 'failed']);
    const types: SweepEventType[] = [
      'started',
      'delegation_started',
      'delegation_confirmed',
      'delegation_failed',
      'fuel_confirmed',
      'fuel_failed',
      'sweep_completed',
      'sweep_failed',
    ];
    expect([...SWEEP_EVENT_TYPES].sort()).toEqual(types.sort());
    expect([...new Set(EVENTS.map((e) => e.type))].sort()).toEqual(types.sort());
    expect(EVENTS.map(label).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const pairs = SWEEP_STATUSES.flatMap((from) => EVENTS.map((event) => [from, label(event), event] as const));

  it('the table covers every (status, event) pair: 9 allowed, 45 refused', () => {
    expect(pairs).toHaveLength(54);
    expect(pairs.filter(([from, name]) => EXPECTED[name]?.[from] !== undefined)).toHaveLength(9);
  });

  it.each(pairs)('%s + %s', (from, name, event) => {
    const result = transition(from, event);
    const to = EXPECTED[name]?.[from];
    if (to === undefined) {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'invalid_transition',
          lifecycle: 'sweep',
          from,
          event: event.type,
          message: `a sweep that is ${from} does not take ${event.type}`,
        },
      });
    } else {
      expect(result).toEqual({ ok: true, value: to });
    }
  });

  it('completed and failed are final (the payee transfer waits for every sweep to be final)', () => {
    expect(SWEEP_STATUSES.filter(isFinal)).toEqual(['completed', 'failed']);
  });

  it('a sweep starts only once, and fuelling only when the address needs TRX', () => {
    expect(allowedFrom('started')).toEqual(['pending']);
    expect(compareAndSet({ type: 'started', fuel: 1n })).toEqual({ from: ['pending'], to: 'fueling' });
    expect(compareAndSet({ type: 'started', fuel: 0n })).toEqual({ from: ['pending'], to: 'sweeping' });
  });

  it('a sweep transfer result never touches a sweep still waiting for its fuel', () => {
    expect(transition('fueling', { type: 'sweep_completed' }).ok).toBe(false);
    expect(transition('fueling', { type: 'sweep_failed' }).ok).toBe(false);
    expect(compareAndSet({ type: 'fuel_failed' })).toEqual({ from: ['fueling'], to: 'failed' });
    expect(compareAndSet({ type: 'sweep_completed' })).toEqual({ from: ['sweeping'], to: 'completed' });
  });

  it('a delegated sweep is swept only once the energy is there, and fails if the delegation does', () => {
    expect(transition('delegating', { type: 'sweep_completed' }).ok).toBe(false);
    expect(compareAndSet({ type: 'delegation_started' })).toEqual({ from: ['pending'], to: 'delegating' });
    expect(compareAndSet({ type: 'delegation_confirmed' })).toEqual({ from: ['delegating'], to: 'sweeping' });
    expect(compareAndSet({ type: 'delegation_failed' })).toEqual({ from: ['delegating'], to: 'failed' });
  });

  it('a status the table does not know is neither final nor allowed anything', () => {
    expect(isFinal('archived' as SweepStatus)).toBe(false);
    expect(transition('archived' as SweepStatus, { type: 'sweep_completed' }).ok).toBe(false);
  });
});

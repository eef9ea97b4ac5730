/**
 * A status lifecycle written as one table: for each event, the states it may leave and the state each one
 * goes to. Everything a caller needs (the pure transition, the statuses an SQL compare-and-set expects,
 * the final states) is derived from that table, so the rules live in one place. No I/O.
 */
import { err, ok, type Result } from './result.js';

/** An event is a discriminated object; its `type` names it. */
export interface LifecycleEvent {
  type: string;
}

/** Where an event takes a state: a fixed state, or one chosen from the event's data. */
export type Target<S extends string, E> = S | ((event: E) => S);

/** The whole lifecycle: every event type is a row (so adding one to the union without a rule does not compile). */
export type LifecycleRules<S extends string, E extends LifecycleEvent> = {
  readonly [T in E['type']]: Readonly<Partial<Record<S, Target<S, Extract<E, { type: T }>>>>>;
};

export interface TransitionError<S extends string, T extends string> {
  code: 'invalid_transition';
  /** which lifecycle refused it: refund, settlement, sweep, send */
  lifecycle: string;
  from: S;
  event: T;
  message: string;
}

/** The statuses a compare-and-set update expects (`where status in from`) and the one it writes. */
export interface CompareAndSet<S extends string> {
  from: readonly S[];
  to: S;
}

export interface Lifecycle<S extends string, E extends LifecycleEvent> {
  readonly name: string;
  readonly states: readonly S[];
  readonly eventTypes: readonly E['type'][];
  /** the state after `event`, or why `state` does not allow it */
  transition(state: S, event: E): Result<S, TransitionError<S, E['type']>>;
  /** the states an event of this type may leave, in `states` order */
  allowedFrom(type: E['type']): readonly S[];
  /**
   * For an update that does not read the row first: the statuses to compare with and the one to set.
   * Throws when the allowed states go to different places (the caller must read the state and use `transition`).
   */
  compareAndSet(event: E): CompareAndSet<S>;
  /** a state of this lifecycle that no event leaves (false for a value that is no state of it) */
  isFinal(state: S): boolean;
}

export function defineLifecycle<S extends string, E extends LifecycleEvent>(
  name: string,
  states: readonly S[],
  rules: LifecycleRules<S, E>,
): Lifecycle<S, E> {
  const eventTypes = Object.keys(rules) as E['type'][];
  const ruleFor = (state: S, type: E['type']): Target<S, E> | undefined =>
    (rules[type] as Readonly<Partial<Record<S, Target<S, E>>>>)[state];
  const target = (rule: Target<S, E>, event: E): S => (typeof rule === 'function' ? rule(event) : rule);

  const transition = (state: S, event: E): Result<S, TransitionError<S, E['type']>> => {
    const rule = ruleFor(state, event.type);
    if (rule === undefined) {
      return err({
        code: 'invalid_transition',
        lifecycle: name,
        from: state,
        event: event.type,
        message: `a ${name} that is ${state} does not take ${event.type}`,
      });
    }
    return ok(target(rule, event));
  };

  const allowedFrom = (type: E['type']): readonly S[] => states.filter((state) => ruleFor(state, type) !== undefined);

  const compareAndSet = (event: E): CompareAndSet<S> => {
    const from = allowedFrom(event.type);
    const targets = new Set(from.map((state) => target(ruleFor(state, event.type) as Target<S, E>, event)));
    const [to] = targets;
    if (to === undefined || targets.size !== 1) {
      throw new Error(`${name} ${event.type} goes to ${[...targets].join(', ') || 'nowhere'}: read the state and use transition()`);
    }
    return { from, to };
  };

  const isFinal = (state: S): boolean => states.includes(state) && eventTypes.every((type) => ruleFor(state, type) === undefined);

  return { name, states, eventTypes, transition, allowedFrom, compareAndSet, isFinal };
}

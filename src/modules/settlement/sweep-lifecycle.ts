/**
 * A sweep's status lifecycle (SPEC §3.7) as one pure table. A sweep is `pending` until the settlement
 * worker starts it: `fueling` when its deposit address first needs TRX for the transfer's fee (a
 * `sweep_fuel` send from the hot wallet), `delegating` when the hot wallet lends it staked energy instead
 * (the `stake` strategy: activation if needed, then a `delegate` send; see energy_delegations), else
 * `sweeping` (the `sweep` send from the deposit key). It
 * ends `completed` or `failed`; a failed sweep leaves its address unswept for a later settlement.
 * No I/O: the worker writes with a compare-and-set.
 */
import { defineLifecycle, type TransitionError } from '../../shared/lifecycle.js';

export const SWEEP_STATUSES = ['pending', 'fueling', 'delegating', 'sweeping', 'completed', 'failed'] as const;
export type SweepStatus = (typeof SWEEP_STATUSES)[number];

export type SweepEvent =
  /** the worker starts the sweep; `fuel` is the TRX (sun) the deposit address still needs, 0 when none */
  | { type: 'started'; fuel: bigint }
  /** the worker starts the sweep on energy the hot wallet delegates to the deposit address */
  | { type: 'delegation_started' }
  /** the delegation is in a block: the deposit address has the energy */
  | { type: 'delegation_confirmed' }
  /** the activation or the delegation failed for good */
  | { type: 'delegation_failed' }
  /** the fuel transfer is in a block with a successful receipt */
  | { type: 'fuel_confirmed' }
  /** the fuel transfer failed for good */
  | { type: 'fuel_failed' }
  /** the sweep transfer is solidified */
  | { type: 'sweep_completed' }
  /** the sweep transfer failed for good */
  | { type: 'sweep_failed' };

export type SweepEventType = SweepEvent['type'];
export type SweepTransitionError = TransitionError<SweepStatus, SweepEventType>;

const lifecycle = defineLifecycle<SweepStatus, SweepEvent>('sweep', SWEEP_STATUSES, {
  started: { pending: (event) => (event.fuel > 0n ? 'fueling' : 'sweeping') },
  delegation_started: { pending: 'delegating' },
  delegation_confirmed: { delegating: 'sweeping' },
  delegation_failed: { delegating: 'failed' },
  fuel_confirmed: { fueling: 'sweeping' },
  fuel_failed: { fueling: 'failed' },
  sweep_completed: { sweeping: 'completed' },
  sweep_failed: { sweeping: 'failed' },
});

export const SWEEP_EVENT_TYPES = lifecycle.eventTypes;
export const { transition, allowedFrom, compareAndSet, isFinal } = lifecycle;

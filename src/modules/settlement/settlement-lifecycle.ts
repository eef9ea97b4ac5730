/**
 * The settlement's status lifecycle (SPEC §3.7) as one pure table. A settlement is `initiated` when its
 * amount is debited from the balance; it stays so while its sweeps run and its payee transfer is queued,
 * and ends `completed` when the payee transfer is solidified or `failed` when it fails for good (the
 * debit is then given back). No I/O: the worker and the records write with a compare-and-set.
 */
import { defineLifecycle, type TransitionError } from '../../shared/lifecycle.js';

export const SETTLEMENT_STATUSES = ['initiated', 'completed', 'failed'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

export type SettlementEvent =
  /** every sweep is over (or there were none): the payee transfer is queued and the sweep cost recorded */
  | { type: 'payee_transfer_queued' }
  /** the payee transfer is solidified */
  | { type: 'payee_transfer_completed' }
  /** the payee transfer failed for good */
  | { type: 'payee_transfer_failed' };

export type SettlementEventType = SettlementEvent['type'];
export type SettlementTransitionError = TransitionError<SettlementStatus, SettlementEventType>;

const lifecycle = defineLifecycle<SettlementStatus, SettlementEvent>('settlement', SETTLEMENT_STATUSES, {
  payee_transfer_queued: { initiated: 'initiated' },
  payee_transfer_completed: { initiated: 'completed' },
  payee_transfer_failed: { initiated: 'failed' },
});

export const SETTLEMENT_EVENT_TYPES = lifecycle.eventTypes;
export const { transition, allowedFrom, compareAndSet, isFinal } = lifecycle;

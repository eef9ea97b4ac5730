/**
 * The refund's status lifecycle (SPEC §3.8) as one pure table. A refund is `pending` until the chain
 * sender's transfer is accepted by a node (`processing`), and ends `completed` when it is solidified, or
 * `failed` when the send fails for good or the timeout sweep gives up on a send that can no longer land.
 * A refund whose send may still land is only flagged by the timeout sweep: its status stays.
 * No I/O: the service reads the row, asks `transition`, and writes with a compare-and-set.
 */
import { defineLifecycle, type TransitionError } from '../../shared/lifecycle.js';
import type { RefundStatus } from './refund.js';

export type { RefundStatus };

export const REFUND_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const satisfies readonly RefundStatus[];

export type RefundEvent =
  /** a node accepted the refund's transaction (the sender, or the tracker that saw it in a block) */
  | { type: 'send_broadcast' }
  /** its block is solidified */
  | { type: 'send_completed' }
  /** the sender gave the transfer up; no transaction of it will land */
  | { type: 'send_failed' }
  /** open past `refund_timeout_hours` with no send that can still land */
  | { type: 'timed_out' }
  /** open past `refund_timeout_hours` while its send may still land: left open for an operator */
  | { type: 'flagged' };

export type RefundEventType = RefundEvent['type'];
export type RefundTransitionError = TransitionError<RefundStatus, RefundEventType>;

const lifecycle = defineLifecycle<RefundStatus, RefundEvent>('refund', REFUND_STATUSES, {
  // a send reported broadcast again (a retried or re-signed transaction) only updates the transaction id
  send_broadcast: { pending: 'processing', processing: 'processing' },
  // completion does not depend on the broadcast step having been recorded first
  send_completed: { pending: 'completed', processing: 'completed' },
  send_failed: { pending: 'failed', processing: 'failed' },
  timed_out: { pending: 'failed', processing: 'failed' },
  flagged: { pending: 'pending', processing: 'processing' },
});

export const REFUND_EVENT_TYPES = lifecycle.eventTypes;
export const { transition, allowedFrom, compareAndSet, isFinal } = lifecycle;

/** Refunds that are still open: not final (the timeout sweep looks at these). */
export const OPEN_REFUND_STATUSES: readonly RefundStatus[] = REFUND_STATUSES.filter((status) => !isFinal(status));

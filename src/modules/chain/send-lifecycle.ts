/**
 * A chain send's status lifecycle (chain_sends: payouts, refunds, settlements, sweeps, fuel) as one pure
 * table. The sender claims a `queued` send, checks it and signs it once (`signed`: the bytes are stored
 * before any broadcast), then broadcasts those bytes until a node accepts them (`broadcast`). The tracker
 * sees the transaction in a block (`confirmed`, or `failing` when its receipt failed) and once solidified
 * (`completed`, or `failed`: a failed receipt is final only in a solidified block, since a reorganisation
 * may drop it and the same bytes may then succeed); a confirmed or failing send whose block a
 * reorganisation orphaned, and that the chain no longer has, is `signed` again (its bytes are broadcast
 * again); a signed or broadcast send that provably expired unseen becomes `expired` (the tracker
 * queues the owner's next sequence as a new row) or `failed` when its retries are spent. A send still
 * `queued` may be cancelled (`failed`). completed, failed and expired are final.
 * No I/O: the sender, the tracker and the cancel write with a compare-and-set.
 */
import { defineLifecycle, type TransitionError } from '../../shared/lifecycle.js';

export const SEND_STATUSES = ['queued', 'signed', 'broadcast', 'confirmed', 'failing', 'completed', 'failed', 'expired'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

export type SendStatusEvent =
  /** a sender takes a due send (a queued one to sign, a signed one to broadcast again); the status stays */
  | { type: 'claimed' }
  /** the whole batch hit a chain or database failure: tried again soon, the status stays */
  | { type: 'postponed' }
  /** the pre-send checks failed (funds, fees, blacklist) */
  | { type: 'check_failed' }
  /** the owner cancelled it before it was signed */
  | { type: 'cancelled' }
  /** signed once; the bytes are stored before they leave the process */
  | { type: 'signed' }
  /** a node took the bytes (or already had them) */
  | { type: 'broadcast_accepted' }
  /** the broadcast failed in a way that allows the same bytes again later */
  | { type: 'broadcast_retried' }
  /** a node refused the bytes for good */
  | { type: 'broadcast_refused' }
  /** the transaction is in a block; `ok` is its receipt's verdict */
  | { type: 'landed'; ok: boolean }
  /** its block is solidified */
  | { type: 'solidified' }
  /** a reorganisation orphaned its block and the chain no longer has it: its signed bytes go out again */
  | { type: 'orphaned' }
  /** it expired without landing, proven against the solidified block; `retriesExhausted` when no new sequence may follow */
  | { type: 'expired'; retriesExhausted: boolean };

export type SendStatusEventType = SendStatusEvent['type'];
export type SendTransitionError = TransitionError<SendStatus, SendStatusEventType>;

const lifecycle = defineLifecycle<SendStatus, SendStatusEvent>('send', SEND_STATUSES, {
  claimed: { queued: 'queued', signed: 'signed' },
  postponed: { queued: 'queued', signed: 'signed' },
  check_failed: { queued: 'failed' },
  // once signed bytes exist they may be in a node's pool: no cancel
  cancelled: { queued: 'failed' },
  signed: { queued: 'signed' },
  broadcast_accepted: { signed: 'broadcast' },
  broadcast_retried: { signed: 'signed' },
  broadcast_refused: { signed: 'failed' },
  // a signed send may be seen in a block before its broadcast was recorded
  landed: {
    signed: (event) => (event.ok ? 'confirmed' : 'failing'),
    broadcast: (event) => (event.ok ? 'confirmed' : 'failing'),
  },
  solidified: { confirmed: 'completed', failing: 'failed' },
  // the same bytes are broadcast again while unexpired; once provably expired unseen, the usual new sequence
  orphaned: { confirmed: 'signed', failing: 'signed' },
  expired: {
    signed: (event) => (event.retriesExhausted ? 'failed' : 'expired'),
    broadcast: (event) => (event.retriesExhausted ? 'failed' : 'expired'),
  },
});

export const SEND_EVENT_TYPES = lifecycle.eventTypes;
export const { transition, allowedFrom, compareAndSet, isFinal } = lifecycle;

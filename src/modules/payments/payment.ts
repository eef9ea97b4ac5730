/**
 * The payment and its lifecycle: one pure module that every state change goes through (SPEC §3.3).
 * No I/O, no clock: callers pass the time.
 */
import type { PaymentMethod, Priority } from '../../config/schema.js';
import type { Asset } from '../../shared/money.js';
import { err, ok, type Result } from '../../shared/result.js';

export const PAYMENT_STATUSES = ['pending', 'processing', 'confirmed', 'completed', 'failed', 'cancelled', 'refunded', 'disputed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const FINAL_STATUSES: ReadonlySet<PaymentStatus> = new Set(['completed', 'failed', 'cancelled', 'refunded']);

export type PaymentException = 'underpaid' | 'overpaid' | 'paid_late';
/** a held payout waits (`required`), was released (`approved`) or refused and cancelled (`rejected`) */
export type ApprovalStatus = 'required' | 'approved' | 'rejected';

export interface PaymentFlag {
  code: 'large_amount' | 'high_address_activity';
  detail: string;
}

export interface Payment {
  id: string;
  merchantId: string;
  batchId: string | null;
  batchIndex: number | null;
  status: PaymentStatus;
  method: PaymentMethod;
  priority: Priority;
  currency: Asset;
  amount: bigint;
  fee: bigint;
  netAmount: bigint;
  feeRatePpb: bigint;
  discountPpb: bigint;
  networkFeeEstimate: bigint | null;
  payerAddress: string | null;
  payeeAddress: string;
  depositAddress: string | null;
  depositIndex: number | null;
  referenceId: string | null;
  description: string | null;
  metadata: Record<string, unknown> | null;
  expiresAt: number | null;
  amountReceived: bigint;
  exception: PaymentException | null;
  confirmations: number;
  finalized: boolean;
  transactionId: string | null;
  networkFee: bigint | null;
  flags: PaymentFlag[];
  approvalStatus: ApprovalStatus | null;
  approvedAt: number | null;
  approvedBy: string | null;
  failureReason: string | null;
  cancelReason: string | null;
  createdAt: number;
  updatedAt: number;
  processingAt: number | null;
  confirmedAt: number | null;
  completedAt: number | null;
  failedAt: number | null;
  cancelledAt: number | null;
  version: number;
  /** the hosted checkout's data (issue 21); absent or null: no checkout page */
  checkout?: PaymentCheckout | null;
  /**
   * A `direct_transfer` without a payer (issue 19): the exact amount the payer must send, `amount` plus a
   * small offset unique among the payee's open payments in this asset. Absent or null for every other payment.
   */
  amountDue?: bigint | null;
  /** what the person who approved or rejected a held payout wrote; absent or null: no note */
  approvalNote?: string | null;
}

/** What the payer must send to pay the payment in full: its unique amount if it has one, else its amount. */
export function amountExpected(payment: Pick<Payment, 'amount' | 'amountDue'>): bigint {
  return payment.amountDue ?? payment.amount;
}

/** What a payment's hosted checkout page needs, stored on the payment's row (docs/adr/0026). */
export interface PaymentCheckout {
  /** SHA-256 (hex) of the checkout token's secret; the secret itself is never stored */
  secretHash: string | null;
  successUrl: string | null;
  cancelUrl: string | null;
  customerEmail: string | null;
  /** the payment link the payment was created through */
  paymentLinkId: string | null;
  /** when the customer cancelled on the page: the page stays readable, its actions do not */
  revokedAt: number | null;
}

export interface HistoryEntry {
  seq: number;
  from: PaymentStatus | null;
  to: PaymentStatus;
  reason: string | null;
  actor: string | null;
  at: number;
}

/** A history entry as it is written: the entry and the payment it belongs to. */
export interface NewHistoryEntry extends HistoryEntry {
  paymentId: string;
}

export function isCollection(method: PaymentMethod): boolean {
  return method === 'payment_gateway' || method === 'direct_transfer';
}

const TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  pending: ['processing', 'cancelled', 'failed'],
  processing: ['confirmed', 'failed', 'disputed'],
  confirmed: ['completed', 'failed', 'disputed'],
  completed: ['refunded', 'disputed'],
  // An expired collection that is paid after all comes back to life as a late payment.
  cancelled: ['processing'],
  failed: [],
  refunded: [],
  disputed: ['completed', 'refunded', 'failed'],
};

export type TransitionError = { code: 'invalid_transition'; message: string };

export interface TransitionInput {
  to: PaymentStatus;
  at: number;
  reason?: string;
}

/** Checks a transition and returns the payment as it is after it; the caller stores both. */
export function transition(payment: Payment, input: TransitionInput): Result<Payment, TransitionError> {
  const { to, at } = input;
  if (!TRANSITIONS[payment.status].includes(to)) {
    return err({ code: 'invalid_transition', message: `payment ${payment.id} is ${payment.status} and cannot become ${to}` });
  }
  if (payment.status === 'cancelled' && !(isCollection(payment.method) && payment.cancelReason === 'expired')) {
    return err({ code: 'invalid_transition', message: `payment ${payment.id} was cancelled and cannot be processed` });
  }
  if (to === 'processing' && payment.method === 'route' && payment.approvalStatus === 'required') {
    return err({ code: 'invalid_transition', message: `payout ${payment.id} is waiting for approval` });
  }
  const next: Payment = { ...payment, status: to, updatedAt: at, version: payment.version + 1 };
  switch (to) {
    case 'processing':
      next.processingAt ??= at;
      if (payment.status === 'cancelled') {
        next.exception = 'paid_late';
        next.cancelledAt = null;
        next.cancelReason = null;
      }
      break;
    case 'confirmed':
      next.confirmedAt = at;
      break;
    case 'completed':
      next.completedAt = at;
      next.finalized = true;
      break;
    case 'failed':
      next.failedAt = at;
      next.failureReason = input.reason ?? 'failed';
      break;
    case 'cancelled':
      next.cancelledAt = at;
      next.cancelReason = input.reason ?? 'cancelled';
      break;
    default:
      break;
  }
  return ok(next);
}

/** The history reason (and audit wording) of a step back forced by a chain reorganisation. */
export const CHAIN_REORGANIZATION = 'chain_reorganization';

export interface RevertInput {
  at: number;
  /** what the transfers still on chain add up to (collections); a payout keeps its amount */
  amountReceived?: bigint;
  exception?: PaymentException | null;
  /** the first transaction still on chain, or null when none is */
  transactionId?: string | null;
}

/**
 * A step back: the block that moved the payment on was orphaned by a reorganisation (ADR 0034). Only
 * `processing` and `confirmed` can be undone (`completed` is reached from solidified blocks only). A
 * collection left with nothing received is `pending` again (or `cancelled` as expired when its time has
 * passed, so that a later transfer is a late payment as before); one still holding transfers, or a payout
 * whose transaction left its block, is `processing`.
 */
export function revertStep(payment: Payment, input: RevertInput): Result<Payment, TransitionError> {
  if (payment.status !== 'processing' && payment.status !== 'confirmed') {
    return err({ code: 'invalid_transition', message: `payment ${payment.id} is ${payment.status}; a reorganisation cannot undo it` });
  }
  const { at } = input;
  const received = input.amountReceived ?? payment.amountReceived;
  const next: Payment = { ...payment, amountReceived: received, updatedAt: at, version: payment.version + 1, confirmedAt: null };
  if (input.exception !== undefined) next.exception = input.exception;
  if (input.transactionId !== undefined) next.transactionId = input.transactionId;
  if (!isCollection(payment.method) || received > 0n) {
    next.status = 'processing';
    next.confirmations = 0;
    return ok(next);
  }
  Object.assign(next, { confirmations: 0, processingAt: null, exception: null, transactionId: null });
  if (payment.expiresAt !== null && payment.expiresAt <= at) {
    Object.assign(next, { status: 'cancelled', cancelledAt: at, cancelReason: 'expired' });
  } else {
    next.status = 'pending';
  }
  return ok(next);
}

/** Whether the merchant may cancel: nothing has happened on chain yet. */
export function canCancel(payment: Payment): Result<true, TransitionError> {
  if (payment.status !== 'pending') {
    return err({
      code: 'invalid_transition',
      message: `payment ${payment.id} is ${payment.status}; only pending payments can be cancelled`,
    });
  }
  if (payment.amountReceived > 0n) {
    return err({ code: 'invalid_transition', message: `payment ${payment.id} has received funds and cannot be cancelled` });
  }
  return ok(true);
}

/** Whether a held payout can be decided now: a pending `route` payment that waits for approval. */
function awaitsDecision(payment: Payment): Result<true, TransitionError> {
  if (payment.method !== 'route' || payment.approvalStatus !== 'required') {
    return err({ code: 'invalid_transition', message: `payment ${payment.id} is not waiting for approval` });
  }
  if (payment.status !== 'pending') {
    return err({ code: 'invalid_transition', message: `payment ${payment.id} is ${payment.status} and cannot be approved or rejected` });
  }
  return ok(true);
}

/** Approval of a held payout (SPEC §3.5), with the approver's note. */
export function approve(payment: Payment, at: number, actor: string, note: string | null = null): Result<Payment, TransitionError> {
  const waiting = awaitsDecision(payment);
  if (!waiting.ok) return waiting;
  return ok({
    ...payment,
    approvalStatus: 'approved',
    approvedAt: at,
    approvedBy: actor,
    approvalNote: note,
    updatedAt: at,
    version: payment.version + 1,
  });
}

/** Rejection of a held payout: it is cancelled, the note (or "rejected") as its reason. */
export function reject(payment: Payment, at: number, note: string | null): Result<Payment, TransitionError> {
  const waiting = awaitsDecision(payment);
  if (!waiting.ok) return waiting;
  const cancelled = transition(payment, { to: 'cancelled', at, reason: note ?? 'rejected' });
  if (!cancelled.ok) return cancelled;
  return ok({ ...cancelled.value, approvalStatus: 'rejected', approvalNote: note });
}

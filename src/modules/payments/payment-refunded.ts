/**
 * The `payment.refunded` event object (docs/webhook-events.md): the payment view plus the refund that
 * caused the event. Sent when a refund completes on chain: a full refund moves the payment to
 * `refunded` (advancePayment with `refund`), a partial one leaves its status and is emitted alone.
 */
import { toIso } from '../../shared/clock.js';
import { type Asset, formatAmount } from '../../shared/money.js';
import type { PaymentView } from './payment.view.js';

export type RefundReason = 'user_request' | 'payment_failure' | 'duplicate_payment' | 'merchant_initiated' | 'system_error';

/** A refund as the event needs it (the refunds table's columns, typed). */
export interface RefundSnapshot {
  /** `refund_` + 32 hex (16 in ids made before the ids carried random bits) */
  id: string;
  paymentId: string;
  status: 'pending' | 'processing' | 'completed' | 'failed';
  currency: Asset;
  amount: bigint;
  reason: RefundReason | null;
  refundAddress: string;
  transactionId: string | null;
  networkFee: bigint | null;
  createdAt: number;
  completedAt: number | null;
}

export function toRefundView(refund: RefundSnapshot) {
  return {
    refund_id: refund.id,
    object: 'refund' as const,
    payment_id: refund.paymentId,
    status: refund.status,
    currency: refund.currency,
    amount: formatAmount(refund.amount),
    reason: refund.reason,
    refund_address: refund.refundAddress,
    transaction_id: refund.transactionId,
    network_fee: refund.networkFee === null ? null : formatAmount(refund.networkFee),
    created_at: toIso(refund.createdAt),
    completed_at: refund.completedAt === null ? null : toIso(refund.completedAt),
  };
}

export function paymentRefundedObject(payment: PaymentView, refund: RefundSnapshot) {
  if (refund.paymentId !== payment.payment_id)
    throw new Error(`refund ${refund.id} belongs to ${refund.paymentId}, not ${payment.payment_id}`);
  return { ...payment, refund: toRefundView(refund) };
}

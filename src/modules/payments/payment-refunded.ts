/**
 * The `payment.refunded` event object (docs/webhook-events.md): the payment view plus the refund that
 * caused the event. Sent when a refund completes on chain: a full refund moves the payment to
 * `refunded` (advancePayment with `refund`), a partial one leaves its status and is emitted alone.
 */

import { type AssetCatalog, NATIVE_SYMBOL } from '../../shared/catalogues/asset-catalog.js';
import { toIso } from '../../shared/clock.js';
import type { Asset } from '../../shared/money.js';
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

export function toRefundView(refund: RefundSnapshot, assets: AssetCatalog) {
  return {
    refund_id: refund.id,
    object: 'refund' as const,
    payment_id: refund.paymentId,
    status: refund.status,
    currency: refund.currency,
    amount: assets.format(refund.currency, refund.amount),
    reason: refund.reason,
    refund_address: refund.refundAddress,
    transaction_id: refund.transactionId,
    network_fee: assets.formatOptional(NATIVE_SYMBOL, refund.networkFee),
    created_at: toIso(refund.createdAt),
    completed_at: refund.completedAt === null ? null : toIso(refund.completedAt),
  };
}

export function paymentRefundedObject(payment: PaymentView, refund: RefundSnapshot, assets: AssetCatalog) {
  if (refund.paymentId !== payment.payment_id)
    throw new Error(`refund ${refund.id} belongs to ${refund.paymentId}, not ${payment.payment_id}`);
  return { ...payment, refund: toRefundView(refund, assets) };
}

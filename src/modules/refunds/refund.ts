/**
 * Refunds (SPEC §3.8): the stored refund, and the pure rules that say whether a payment can be refunded
 * and how much of it is left. No I/O, no clock.
 */
import type { Selectable } from 'kysely';
import type { RefundsTable } from '../../db/schema.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import { AppError } from '../../shared/errors.js';
import type { Asset } from '../../shared/money.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { Payment, PaymentStatus } from '../payments/payment.js';
import { type RefundReason, type RefundSnapshot, toRefundView } from '../payments/payment-refunded.js';

export type RefundStatus = RefundSnapshot['status'];
/** Refunds that count against what the payment received: everything but a failed one. */
export const ACTIVE_REFUND_STATUSES: readonly RefundStatus[] = ['pending', 'processing', 'completed'];
export type RefundOrigin = 'api' | 'auto';

export interface Refund extends RefundSnapshot {
  merchantId: string;
  origin: RefundOrigin;
  actor: string | null;
  failureReason: string | null;
  flagged: boolean;
  updatedAt: number;
}

/**
 * Statuses a collection can be refunded from: its funds are final (`completed`), or it ended with
 * funds that are not the merchant's (`failed` underpaid), or it is `disputed`, or it is already
 * `refunded` in part by an earlier rule (nothing left is caught by the amount check). `processing` and
 * `confirmed` are refused: the funds could still vanish in a reorganisation before solidification.
 */
const REFUNDABLE_STATUSES: ReadonlySet<PaymentStatus> = new Set(['completed', 'failed', 'disputed', 'refunded']);

/**
 * What may still be refunded of `payment`, given `committed` (the sum of its non-failed refunds).
 * Payouts and swaps answer `conflict` (409), a payment without final funds `invalid_transition` (409).
 */
export function refundableAmount(payment: Payment, committed: bigint, assets: AssetCatalog): Result<bigint, AppError> {
  if (payment.method !== 'payment_gateway' && payment.method !== 'direct_transfer') {
    return err(
      new AppError(
        'conflict',
        payment.method === 'route'
          ? `payment ${payment.id} is a payout; only collections (payment_gateway, direct_transfer) can be refunded`
          : `payment ${payment.id} (${payment.method}) cannot be refunded`,
      ),
    );
  }
  if (payment.amountReceived <= 0n) {
    return err(new AppError('invalid_transition', `payment ${payment.id} has received no funds; there is nothing to refund`));
  }
  if (!REFUNDABLE_STATUSES.has(payment.status)) {
    return err(
      new AppError(
        'invalid_transition',
        `payment ${payment.id} is ${payment.status}; refunds wait until its funds are final (completed, failed, disputed)`,
      ),
    );
  }
  const remaining = payment.amountReceived - committed;
  if (remaining <= 0n) {
    return err(
      new AppError(
        'conflict',
        `payment ${payment.id} has no refundable amount left (received ${assets.format(payment.currency, payment.amountReceived)})`,
      ),
    );
  }
  return ok(remaining);
}

export function rowToRefund(row: Selectable<RefundsTable>): Refund {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    paymentId: row.payment_id,
    status: row.status as RefundStatus,
    currency: row.currency as Asset,
    amount: BigInt(row.amount),
    reason: row.reason as RefundReason | null,
    refundAddress: row.refund_address,
    transactionId: row.transaction_id,
    networkFee: row.network_fee === null ? null : BigInt(row.network_fee),
    failureReason: row.failure_reason,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
    origin: (row.origin ?? 'api') as RefundOrigin,
    actor: row.actor,
    flagged: row.flagged !== null && Number(row.flagged) === 1,
  };
}

/** The refund's API view: the event's refund object plus what only the refunds endpoint shows. */
export function toRefundDetailView(refund: Refund, assets: AssetCatalog) {
  return {
    ...toRefundView(refund, assets),
    origin: refund.origin,
    failure_reason: refund.failureReason,
    flagged: refund.flagged,
  };
}

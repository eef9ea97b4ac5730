/** Mapping between the `payments` row (bigint columns, JSON text) and the domain `Payment`. */
import type { Insertable, Selectable } from 'kysely';
import type { PaymentMethod, Priority } from '../../config/schema.js';
import type { PaymentHistoryTable, PaymentsTable } from '../../db/schema.js';
import type { Asset } from '../../shared/money.js';
import type { ApprovalStatus, HistoryEntry, Payment, PaymentCheckout, PaymentException, PaymentFlag, PaymentStatus } from './payment.js';

export type PaymentRow = Selectable<PaymentsTable>;

const num = (value: bigint | number | null): number | null => (value === null ? null : Number(value));

export function rowToPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    batchId: row.batch_id,
    batchIndex: num(row.batch_index),
    status: row.status as PaymentStatus,
    method: row.payment_method as PaymentMethod,
    priority: row.priority as Priority,
    currency: row.currency as Asset,
    amount: BigInt(row.amount),
    fee: BigInt(row.fee),
    netAmount: BigInt(row.net_amount),
    feeRatePpb: BigInt(row.fee_rate_ppb),
    discountPpb: BigInt(row.discount_ppb),
    networkFeeEstimate: row.network_fee_estimate === null ? null : BigInt(row.network_fee_estimate),
    payerAddress: row.payer_address,
    payeeAddress: row.payee_address,
    depositAddress: row.deposit_address,
    depositIndex: num(row.deposit_index),
    referenceId: row.reference_id,
    description: row.description,
    metadata: row.metadata === null ? null : (JSON.parse(row.metadata) as Record<string, unknown>),
    expiresAt: num(row.expires_at),
    amountReceived: BigInt(row.amount_received),
    exception: row.exception as PaymentException | null,
    confirmations: Number(row.confirmations),
    finalized: Number(row.finalized) === 1,
    transactionId: row.transaction_id,
    networkFee: row.network_fee === null ? null : BigInt(row.network_fee),
    flags: JSON.parse(row.flags) as PaymentFlag[],
    approvalStatus: row.approval_status as ApprovalStatus | null,
    approvedAt: num(row.approved_at),
    approvedBy: row.approved_by,
    failureReason: row.failure_reason,
    cancelReason: row.cancel_reason,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    processingAt: num(row.processing_at),
    confirmedAt: num(row.confirmed_at),
    completedAt: num(row.completed_at),
    failedAt: num(row.failed_at),
    cancelledAt: num(row.cancelled_at),
    version: Number(row.version),
    checkout: checkoutOf(row),
    amountDue: row.amount_due === null || row.amount_due === undefined ? null : BigInt(row.amount_due),
    approvalNote: row.approval_note ?? null,
  };
}

function checkoutOf(row: PaymentRow): PaymentCheckout | null {
  if ((row.checkout_secret_hash ?? null) === null && (row.payment_link_id ?? null) === null) return null;
  return {
    secretHash: row.checkout_secret_hash,
    successUrl: row.checkout_success_url,
    cancelUrl: row.checkout_cancel_url,
    customerEmail: row.customer_email,
    paymentLinkId: row.payment_link_id,
    revokedAt: num(row.checkout_revoked_at),
  };
}

export function paymentToRow(p: Payment): Insertable<PaymentsTable> {
  return {
    id: p.id,
    merchant_id: p.merchantId,
    batch_id: p.batchId,
    batch_index: p.batchIndex,
    status: p.status,
    payment_method: p.method,
    priority: p.priority,
    currency: p.currency,
    amount: p.amount,
    fee: p.fee,
    net_amount: p.netAmount,
    fee_rate_ppb: p.feeRatePpb,
    discount_ppb: p.discountPpb,
    network_fee_estimate: p.networkFeeEstimate,
    payer_address: p.payerAddress,
    payee_address: p.payeeAddress,
    deposit_address: p.depositAddress,
    deposit_index: p.depositIndex,
    reference_id: p.referenceId,
    description: p.description,
    metadata: p.metadata === null ? null : JSON.stringify(p.metadata),
    expires_at: p.expiresAt,
    amount_received: p.amountReceived,
    exception: p.exception,
    confirmations: p.confirmations,
    finalized: p.finalized ? 1 : 0,
    transaction_id: p.transactionId,
    network_fee: p.networkFee,
    flags: JSON.stringify(p.flags),
    approval_status: p.approvalStatus,
    approved_at: p.approvedAt,
    approved_by: p.approvedBy,
    failure_reason: p.failureReason,
    cancel_reason: p.cancelReason,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    processing_at: p.processingAt,
    confirmed_at: p.confirmedAt,
    completed_at: p.completedAt,
    failed_at: p.failedAt,
    cancelled_at: p.cancelledAt,
    version: p.version,
    // always present (null without a checkout), so that every row of a multi-row insert has the same columns
    checkout_secret_hash: p.checkout?.secretHash ?? null,
    checkout_success_url: p.checkout?.successUrl ?? null,
    checkout_cancel_url: p.checkout?.cancelUrl ?? null,
    customer_email: p.checkout?.customerEmail ?? null,
    payment_link_id: p.checkout?.paymentLinkId ?? null,
    checkout_revoked_at: p.checkout?.revokedAt ?? null,
    amount_due: p.amountDue ?? null,
    approval_note: p.approvalNote ?? null,
  };
}

export function rowToHistory(row: Selectable<PaymentHistoryTable>): HistoryEntry {
  return {
    seq: Number(row.seq),
    from: row.from_status as PaymentStatus | null,
    to: row.to_status as PaymentStatus,
    reason: row.reason,
    actor: row.actor,
    at: Number(row.at),
  };
}

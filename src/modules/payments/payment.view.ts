/** The API representation of a payment (seed field names, amounts as decimal strings, ISO times). */
import type { PriorityPolicy } from '../../config/load.js';
import type { Priority } from '../../config/schema.js';
import { type AssetCatalog, NATIVE_DECIMALS } from '../../shared/catalogues/asset-catalog.js';
import { toIso } from '../../shared/clock.js';
import { formatAmount, formatRate } from '../../shared/money.js';
import type { HistoryEntry, Payment } from './payment.js';

const iso = (ms: number | null) => (ms === null ? null : toIso(ms));

export type PaymentView = ReturnType<typeof toPaymentView>;

/** What a view needs besides the payment: the configuration answers both (pass `config`). */
export interface ViewContext {
  priorities: Readonly<Record<Priority, PriorityPolicy>>;
  assets: AssetCatalog;
}

export function toPaymentView(p: Payment, { priorities, assets }: ViewContext) {
  // every create answers with views: the asset's decimals are looked up once per payment
  const decimals = assets.decimals(p.currency);
  const money = (value: bigint) => formatAmount(value, decimals);
  // network fees are TRX burned, whatever the payment's asset
  const trx = (value: bigint | null) => (value === null ? null : formatAmount(value, NATIVE_DECIMALS));
  return {
    payment_id: p.id,
    object: 'payment' as const,
    status: p.status,
    payment_method: p.method,
    priority: p.priority,
    currency: p.currency,
    amount: money(p.amount),
    amount_due: p.amountDue === null || p.amountDue === undefined ? null : money(p.amountDue),
    fee: money(p.fee),
    fee_rate: formatRate(p.feeRatePpb),
    discount_rate: formatRate(p.discountPpb),
    net_amount: money(p.netAmount),
    network_fee_estimate: trx(p.networkFeeEstimate),
    network_fee: trx(p.networkFee),
    payer_address: p.payerAddress,
    payee_address: p.payeeAddress,
    deposit_address: p.depositAddress,
    expires_at: iso(p.expiresAt),
    reference_id: p.referenceId,
    description: p.description,
    metadata: p.metadata,
    batch_id: p.batchId,
    amount_received: money(p.amountReceived),
    exception: p.exception,
    confirmations: p.confirmations,
    finalized: p.finalized,
    transaction_id: p.transactionId,
    flags: p.flags,
    requires_approval: p.approvalStatus !== null,
    approval_status: p.approvalStatus,
    approved_at: iso(p.approvedAt),
    approval_note: p.approvalNote ?? null,
    failure_reason: p.failureReason,
    cancel_reason: p.cancelReason,
    estimated_completion_time: toIso(p.createdAt + priorities[p.priority].processingTimeSeconds * 1000),
    created_at: toIso(p.createdAt),
    updated_at: toIso(p.updatedAt),
    processing_at: iso(p.processingAt),
    confirmed_at: iso(p.confirmedAt),
    completed_at: iso(p.completedAt),
    failed_at: iso(p.failedAt),
    cancelled_at: iso(p.cancelledAt),
  };
}

export function toStatusView(p: Payment, assets: AssetCatalog) {
  const money = (value: bigint) => assets.format(p.currency, value);
  return {
    payment_id: p.id,
    status: p.status,
    payment_method: p.method,
    amount: money(p.amount),
    amount_received: money(p.amountReceived),
    currency: p.currency,
    exception: p.exception,
    confirmations: p.confirmations,
    finalized: p.finalized,
    transaction_id: p.transactionId,
    failure_reason: p.failureReason,
    cancel_reason: p.cancelReason,
    expires_at: iso(p.expiresAt),
    created_at: toIso(p.createdAt),
    updated_at: toIso(p.updatedAt),
  };
}

export function toHistoryView(entries: readonly HistoryEntry[]) {
  return entries.map((e) => ({ from: e.from, to: e.to, reason: e.reason, actor: e.actor, at: toIso(e.at) }));
}

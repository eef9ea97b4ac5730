/**
 * The audit record of a payment exception being set (issue 20: every flag in the audit log): a payment
 * that becomes underpaid, overpaid or paid late gets its own `payment.flagged` record next to the record
 * of the step that set it, so an auditor finds flags by action without diffing before/after views.
 */
import type { AuditContext, AuditEntry } from '../audit/audit-trail.js';
import type { PaymentView } from './payment.view.js';

/** `payment.flagged` when the change sets a new exception (none when it keeps or clears one). */
export function paymentFlaggedEntries(merchantId: string, context: AuditContext, before: PaymentView, after: PaymentView): AuditEntry[] {
  if (after.exception === null || after.exception === before.exception) return [];
  return [
    {
      merchantId,
      actor: context.actor,
      action: 'payment.flagged',
      entityType: 'payment',
      entityId: after.payment_id,
      requestId: context.requestId,
      before: { exception: before.exception },
      after: {
        exception: after.exception,
        status: after.status,
        amount: after.amount,
        amount_received: after.amount_received,
        currency: after.currency,
        transaction_id: after.transaction_id,
      },
    },
  ];
}

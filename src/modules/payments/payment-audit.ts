/**
 * The audit records of a change to a payment: the step's own record (`action`, before and after as payment
 * views) and, when the change sets a new exception (underpaid, overpaid, paid late), a `payment.flagged`
 * record beside it (issue 20: every flag in the audit log), so an auditor finds flags by action without
 * diffing views. Clearing or keeping an exception adds nothing: the step's record shows it.
 */
import type { AuditContext, AuditEntry } from '../audit/audit-trail.js';
import type { PaymentView } from './payment.view.js';

export function paymentChangeEntries(
  merchantId: string,
  action: string,
  context: AuditContext,
  before: PaymentView,
  after: PaymentView,
): AuditEntry[] {
  const common = { merchantId, actor: context.actor, entityType: 'payment', entityId: after.payment_id, requestId: context.requestId };
  const entries: AuditEntry[] = [{ ...common, action, before, after }];
  if (after.exception !== null && after.exception !== before.exception) {
    entries.push({
      ...common,
      action: 'payment.flagged',
      before: { exception: before.exception },
      after: {
        exception: after.exception,
        status: after.status,
        amount: after.amount,
        amount_received: after.amount_received,
        currency: after.currency,
        transaction_id: after.transaction_id,
      },
    });
  }
  return entries;
}

/**
 * Payouts send the merchant's money out of its hot wallet, so a `route` payment — alone or as an item of
 * a batch — needs the `payouts:write` scope on top of the route's `payments:write` (issue 17): a
 * storefront key that creates invoices cannot pay anyone. Checked before validation and idempotency, on
 * the body as sent, with the configured default method for items that name none.
 */
import type { FastifyRequest } from 'fastify';
import type { PaymentMethod } from '../../config/schema.js';
import { hasScope, requirePrincipal } from '../../http/auth.js';
import { AppError } from '../../shared/errors.js';

const isPayout = (item: unknown, defaultMethod: PaymentMethod): boolean =>
  typeof item === 'object' && item !== null && ((item as { payment_method?: unknown }).payment_method ?? defaultMethod) === 'route';

function requirePayoutScope(request: FastifyRequest): void {
  if (!hasScope(requirePrincipal(request), 'payouts:write')) {
    throw new AppError('forbidden', 'the API key lacks the scope "payouts:write", which route payouts need');
  }
}

/** preValidation of `POST /create`. */
export function payoutScopeOfCreate(defaultMethod: PaymentMethod) {
  return async (request: FastifyRequest): Promise<void> => {
    if (isPayout(request.body, defaultMethod)) requirePayoutScope(request);
  };
}

/** preValidation of `POST /batch`: one payout item is enough to need the scope. */
export function payoutScopeOfBatch(defaultMethod: PaymentMethod) {
  return async (request: FastifyRequest): Promise<void> => {
    const payments = (request.body as { payments?: unknown } | null)?.payments;
    if (Array.isArray(payments) && payments.some((item) => isPayout(item, defaultMethod))) requirePayoutScope(request);
  };
}

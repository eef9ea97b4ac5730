/**
 * The payment methods, in one place: the API, report, metric and config enums come from here. What each
 * method does lives with the payment (payment.ts, payment-draft.ts): a new method needs its rules there.
 */

/** Collections: payment_gateway (to a fresh deposit address), direct_transfer, swap (refused until a venue exists); payout: route. */
export const PAYMENT_METHODS = ['payment_gateway', 'direct_transfer', 'route', 'swap'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

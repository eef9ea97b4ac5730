/**
 * The hosted checkout's rules, pure (docs/adr/0026): which return URLs and customer e-mails a payment may
 * carry, the shape of a checkout token, and what a payment looks like to its customer (CheckoutState).
 * No I/O and no clock: callers pass the time.
 */
import type { FieldError } from '../../shared/errors.js';
import type { Payment } from '../payments/payment.js';
import type { CheckoutState, CheckoutStatus } from './checkout-view.js';

export const MAX_URL_LENGTH = 2048;
export const MAX_EMAIL_LENGTH = 254;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** a practical address check (local@domain.tld); deliverability is the merchant's business */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * A URL the customer's browser is sent back to: https, or http for a loopback host when the network is a
 * devnet (a merchant's shop on the developer's machine). No credentials, no fragment-only tricks.
 */
export function checkReturnUrl(value: unknown, path: string, devnet: boolean, errors: FieldError[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length === 0) {
    errors.push({ path, message: 'must be a URL' });
    return null;
  }
  if (value.length > MAX_URL_LENGTH) {
    errors.push({ path, message: `must be at most ${MAX_URL_LENGTH} characters` });
    return null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    errors.push({ path, message: 'must be an absolute URL' });
    return null;
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:') {
    if (!(loopback && devnet)) {
      errors.push({ path, message: 'must use https (http is allowed only for localhost on a devnet)' });
      return null;
    }
  } else if (url.protocol !== 'https:') {
    errors.push({ path, message: 'must use https' });
    return null;
  }
  if (url.username !== '' || url.password !== '') {
    errors.push({ path, message: 'must not contain credentials' });
    return null;
  }
  return url.href;
}

export function checkCustomerEmail(value: unknown, path: string, errors: FieldError[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > MAX_EMAIL_LENGTH || !EMAIL.test(value)) {
    errors.push({ path, message: 'must be an e-mail address' });
    return null;
  }
  return value;
}

/** The success URL with `payment_id` appended, as the page returns to it. */
export function successUrlFor(successUrl: string | null, paymentId: string): string | null {
  if (successUrl === null) return null;
  const url = new URL(successUrl);
  url.searchParams.set('payment_id', paymentId);
  return url.href;
}

/** A checkout token is `<payment id>.<secret>`; the secret is base64url of 18 random bytes (144 bits). */
const TOKEN = /^(pay_[0-9a-f]{16,32})\.([A-Za-z0-9_-]{24})$/;

export function checkoutToken(paymentId: string, secret: string): string {
  return `${paymentId}.${secret}`;
}

/** The absolute checkout URL under the configured public URL. */
export function checkoutUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/checkout/${token}`;
}

/** The absolute URL of a payment link's page. */
export function paymentLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/pay/${token}`;
}

export function parseCheckoutToken(token: string): { paymentId: string; secret: string } | null {
  const match = TOKEN.exec(token);
  return match ? { paymentId: match[1] as string, secret: match[2] as string } : null;
}

/** A payment link's public token: base64url of 18 random bytes. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{24}$/;

/** What the state builder needs besides the payment, all of it derived from configuration and other modules. */
export interface StateContext {
  now: number;
  decimals: number;
  /** formats base units as the asset's decimal string */
  format(units: bigint): string;
  network: string;
  tokenContract: string | null;
  confirmationsRequired: number;
  tolerancePpb: bigint;
  overpaymentHandling: 'refund' | 'credit';
  restartUrl: string | null;
}

const PPB = 1_000_000_000n;

/** What the page shows for the payment's status and amounts. */
export function checkoutStatusOf(payment: Payment, now: number, tolerancePpb: bigint): CheckoutStatus {
  const shortBeyondTolerance = payment.amountReceived < payment.amount - (payment.amount * tolerancePpb) / PPB;
  switch (payment.status) {
    case 'pending':
      return payment.expiresAt !== null && payment.expiresAt <= now ? 'expired' : 'waiting';
    case 'processing':
      if (payment.exception === 'paid_late') return shortBeyondTolerance ? 'underpaid' : 'paid_late';
      return shortBeyondTolerance ? 'underpaid' : 'seen';
    case 'confirmed':
      return payment.exception === 'paid_late' ? 'paid_late' : 'confirmed';
    case 'completed':
      if (payment.exception === 'paid_late') return 'paid_late';
      return payment.amountReceived > payment.amount ? 'overpaid' : 'completed';
    case 'cancelled':
      return payment.cancelReason === 'expired' ? 'expired' : 'cancelled';
    case 'refunded':
      return 'completed';
    case 'disputed':
      return 'confirmed';
    default:
      return 'failed';
  }
}

/** The customer's view of a payment: nothing beyond CheckoutState (no metadata, reference, fee, merchant). */
export function buildCheckoutState(payment: Payment, context: StateContext): CheckoutState {
  const due = payment.amount > payment.amountReceived ? payment.amount - payment.amountReceived : 0n;
  const over = payment.amountReceived > payment.amount ? payment.amountReceived - payment.amount : 0n;
  const status = checkoutStatusOf(payment, context.now, context.tolerancePpb);
  return {
    paymentId: payment.id,
    paymentStatus: payment.status,
    checkoutStatus: status,
    asset: payment.currency,
    decimals: context.decimals,
    network: context.network,
    tokenContract: context.tokenContract,
    amount: context.format(payment.amount),
    amountReceived: context.format(payment.amountReceived),
    amountDue: context.format(due),
    amountDueBaseUnits: due.toString(),
    address: payment.depositAddress ?? '',
    confirmations: payment.confirmations,
    confirmationsRequired: context.confirmationsRequired,
    expiresAt: payment.expiresAt === null ? null : new Date(payment.expiresAt).toISOString(),
    serverTime: new Date(context.now).toISOString(),
    successUrl: successUrlFor(payment.checkout?.successUrl ?? null, payment.id),
    cancelUrl: payment.checkout?.cancelUrl ?? null,
    restartUrl: context.restartUrl,
    overpaymentHandling: over > 0n ? context.overpaymentHandling : null,
    txids: payment.transactionId === null ? [] : [payment.transactionId],
    ...(over > 0n ? { amountOver: context.format(over) } : {}),
    description: payment.description,
  };
}

/** Whether nothing more will change on the page: the stream can close. */
export function isFinalForCheckout(payment: Payment): boolean {
  return (
    ['completed', 'failed', 'refunded'].includes(payment.status) || (payment.status === 'cancelled' && payment.cancelReason !== 'expired')
  );
}

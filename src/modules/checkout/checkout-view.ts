// What the hosted checkout page may show the customer, and nothing more: no metadata, reference ids,
// fees or merchant ids. The backend builds a CheckoutState from a payment; the page (./page) renders it
// on the server and the page's script receives the same shape from /checkout/:token/status and /events.
// Pure types: no imports from http or db.

export const CHECKOUT_STATUSES = [
  'waiting',
  'seen',
  'confirmed',
  'completed',
  'underpaid',
  'overpaid',
  'expired',
  'cancelled',
  'paid_late',
  'failed',
] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

export interface CheckoutBranding {
  displayName: string;
  accentColor: string | null; // "#rrggbb"; anything else is ignored by the page
  supportEmail: string | null;
  logoUrl: string | null; // same-origin URL served by the backend, or null
}

/** everything the customer may see, nothing more (no metadata, reference, fee, merchant id) */
export interface CheckoutState {
  paymentId: string;
  paymentStatus: string; // the payment's own status, for data-payment-status (pending, processing, …)
  checkoutStatus: CheckoutStatus; // what the page shows
  asset: string;
  decimals: number;
  network: string; // e.g. "TRON (TRC-20)", or "TRON" for TRX
  tokenContract: string | null; // base58 TRC-20 contract, null for TRX (wallet pay builds the transfer)
  amount: string;
  amountReceived: string;
  amountDue: string; // decimal strings in the asset's units
  amountDueBaseUnits: string; // integer string, for wallet pay
  address: string; // deposit address (base58)
  confirmations: number;
  confirmationsRequired: number;
  expiresAt: string | null; // ISO-8601
  serverTime: string; // ISO-8601, so the countdown does not trust the client clock
  successUrl: string | null; // already with ?payment_id=… appended
  cancelUrl: string | null;
  restartUrl: string | null; // the payment link's URL when the payment came from a link
  overpaymentHandling: 'refund' | 'credit' | null;
  txids: string[]; // chain transaction ids seen for this payment (shown with the explorer link template)
  /** optional: the amount received above the amount asked (decimal string), shown on overpaid pages */
  amountOver?: string;
  /** optional: the payment's description as the merchant wrote it for the customer (never metadata) */
  description?: string | null;
}

export type CheckoutLocale = 'en' | 'zh-CN' | 'ru';

export interface CheckoutPageContext {
  token: string; // the opaque checkout token (for building endpoint URLs)
  locale: CheckoutLocale;
  nonce: string; // CSP nonce for the one script tag
  branding: CheckoutBranding;
  customerEmail: string | null;
  assetBase: string; // URL prefix of static assets, e.g. "/checkout/assets"
  explorerTxUrl: string | null; // template with {txid}, or null
  /** optional: seconds of the countdown before a completed payment returns to successUrl (checkout.redirect_seconds; default 5) */
  redirectSeconds?: number;
}

/** what the payment-link page shows before a payment exists */
export interface CheckoutLinkView {
  description: string;
  asset: string;
  amount: string | null; // fixed amount, or null when the customer chooses it
  min: string;
  max: string;
  /** a message code ('invalid_amount' | 'amount_out_of_range' | 'unavailable'; any other code shows a generic message) */
  error?: string;
  /** optional: the amount the customer typed, shown again beside the error */
  value?: string;
}

/** the 404 page needs no payment and no token */
export type CheckoutNotFoundContext = Pick<CheckoutPageContext, 'locale' | 'assetBase' | 'nonce'>;

/** what the payment-link page needs from the context (token is the link's token: the form posts to /pay/:token) */
export type CheckoutLinkContext = Pick<CheckoutPageContext, 'token' | 'locale' | 'nonce' | 'branding' | 'assetBase'>;

/**
 * Turns a create request into a checked draft: amount, addresses, method, compliance rules, fee, flags
 * and approval hold (SPEC §3.2, §3.5). Pure; every problem is reported with the field it concerns.
 */
import type { GatewayConfig } from '../../config/load.js';
import type { PaymentMethod, Priority } from '../../config/schema.js';
import { hasForbiddenControl } from '../../http/text-rules.js';
import type { FieldError } from '../../shared/errors.js';
import type { Asset } from '../../shared/money.js';
import { checkBase58Address } from '../../tron/address.js';
import { checkCustomerEmail, checkReturnUrl } from '../checkout/checkout-rules.js';
import { type FeeQuote, quoteFee } from '../fees/fee-schedule.js';
import type { PaymentFlag } from './payment.js';

export interface CreatePaymentInput {
  payer_address?: string | null;
  payee_address: string;
  amount: string | number;
  payment_method?: PaymentMethod;
  priority?: Priority;
  reference_id?: string | null;
  description?: string | null;
  currency?: Asset;
  expires_in_seconds?: number;
  metadata?: Record<string, unknown> | null;
  /** hosted checkout (payment_gateway): where the page returns the customer */
  success_url?: string | null;
  cancel_url?: string | null;
  customer_email?: string | null;
}

/**
 * A collection's hosted checkout. The service adds the token's secret (random, so not in this pure
 * module) before the draft is created; only its hash is stored.
 */
export interface DraftCheckout {
  successUrl: string | null;
  cancelUrl: string | null;
  customerEmail: string | null;
  paymentLinkId: string | null;
  secret?: string;
  secretHash?: string;
}

export interface PaymentDraft {
  method: PaymentMethod;
  priority: Priority;
  currency: Asset;
  quote: FeeQuote;
  payerAddress: string | null;
  payeeAddress: string;
  referenceId: string | null;
  description: string | null;
  metadata: Record<string, unknown> | null;
  /** collections wait this long for funds */
  expiresInMs: number | null;
  needsDepositAddress: boolean;
  approvalRequired: boolean;
  flags: PaymentFlag[];
  networkFeeEstimate: bigint | null;
  /** the hosted checkout of a `payment_gateway` collection; absent or null for every other method */
  checkout?: DraftCheckout | null;
  /** a `direct_transfer` without a payer: matched by a unique amount the gateway assigns (unique-amount.ts) */
  needsUniqueAmount?: boolean;
}

export interface DraftContext {
  config: GatewayConfig;
  /** the merchant's hot wallet, the only payer a `route` payout can have */
  hotWalletAddress: string;
  /** TRX (sun) a payout in this asset is expected to burn, if known */
  networkFeeEstimate(asset: Asset): bigint | null;
  /** addresses no payment may be paid to, with the reason (unpayable-addresses.ts) */
  unpayable: ReadonlyMap<string, string>;
}

export const MAX_DESCRIPTION_LENGTH = 500;
const MAX_METADATA_KEYS = 50;
export const MAX_METADATA_KEY_LENGTH = 64;
const MAX_METADATA_BYTES = 8192;

export type DraftResult = { ok: true; draft: PaymentDraft } | { ok: false; errors: FieldError[] };

export function buildPaymentDraft(input: CreatePaymentInput, context: DraftContext, pathPrefix = ''): DraftResult {
  const { config } = context;
  const pp = config.raw.payment_processing;
  const errors: FieldError[] = [];
  const at = (field: string) => `${pathPrefix}${field}`;

  const method = input.payment_method ?? pp.default_method;
  const priority = input.priority ?? pp.default_priority;
  const currency = input.currency ?? pp.default_currency;
  if (!(pp.supported_methods as readonly string[]).includes(method)) {
    errors.push({
      path: at('payment_method'),
      message: `${method} is not enabled on this gateway (enabled: ${pp.supported_methods.join(', ')})`,
    });
  } else if (method === 'swap') {
    // No venue exists yet (the configuration refuses payment_processing.swap_venue): a swap would never be watched.
    errors.push({
      path: at('payment_method'),
      message: 'swap needs a swap venue (payment_processing.swap_venue); the gateway supports none yet',
    });
  }

  const asset = config.assets.find(currency);
  if (!asset) errors.push({ path: at('currency'), message: `must be one of: ${config.assets.symbols.join(', ')}` });
  const money = (units: bigint) => config.assets.format(currency, units);

  let amount = 0n;
  const parsed = asset ? config.assets.parse(currency, input.amount) : null;
  if (parsed && !parsed.ok) {
    errors.push({ path: at('amount'), message: parsed.message });
  } else if (parsed && asset) {
    amount = parsed.value;
    const limits = asset.limits;
    if (amount < limits.minAmount) errors.push({ path: at('amount'), message: `must be at least ${money(limits.minAmount)}` });
    else if (amount > limits.maxSinglePayment)
      errors.push({ path: at('amount'), message: `must be at most ${money(limits.maxSinglePayment)}` });
  }

  const payee = checkAddressField(input.payee_address, at('payee_address'), errors);
  const payer =
    input.payer_address === undefined || input.payer_address === null
      ? null
      : checkAddressField(input.payer_address, at('payer_address'), errors);

  const denyList = config.limits.denyList;
  if (payee && denyList.has(payee)) errors.push({ path: at('payee_address'), message: 'is on the deny-list' });
  // the zero address and token contracts: whatever is sent there is lost, by a payout or a settlement
  const unpayable = payee === null ? undefined : context.unpayable.get(payee);
  if (unpayable !== undefined) errors.push({ path: at('payee_address'), message: unpayable });
  if (payer && denyList.has(payer)) errors.push({ path: at('payer_address'), message: 'is on the deny-list' });
  // matched by its payer or by a unique amount: with neither, no transfer could be told apart and it would silently expire
  const payerOmitted = input.payer_address === undefined || input.payer_address === null;
  if (method === 'direct_transfer' && payerOmitted && pp.unique_amount_max_offset === 0) {
    errors.push({
      path: at('payer_address'),
      message: 'is required for direct_transfer while unique amounts are off (payment_processing.unique_amount_max_offset is 0)',
    });
  }

  if (method === 'route') {
    if (payer && payer !== context.hotWalletAddress) {
      errors.push({
        path: at('payer_address'),
        message: `must be the merchant's hot wallet ${context.hotWalletAddress} (or omitted) for route payouts`,
      });
    }
    // whatever allow_self_transfer says: a payout from the hot wallet to itself only burns its fee
    if (payee && payee === context.hotWalletAddress) {
      errors.push({ path: at('payee_address'), message: 'is the hot wallet itself: self-transfers are not allowed' });
    }
  }
  if (payer && payee && payer === payee && !config.limits.allowSelfTransfer) {
    errors.push({ path: at('payee_address'), message: 'must differ from payer_address: self-transfers are not allowed' });
  }

  const description = input.description ?? null;
  if (description !== null && [...description].length > MAX_DESCRIPTION_LENGTH) {
    errors.push({ path: at('description'), message: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  const metadata = input.metadata ?? null;
  if (metadata !== null) {
    const keys = Object.keys(metadata);
    if (keys.length > MAX_METADATA_KEYS) errors.push({ path: at('metadata'), message: `must have at most ${MAX_METADATA_KEYS} keys` });
    else if (Buffer.byteLength(JSON.stringify(metadata)) > MAX_METADATA_BYTES)
      errors.push({ path: at('metadata'), message: `must be at most ${MAX_METADATA_BYTES} bytes as JSON` });
    for (const key of keys.length > MAX_METADATA_KEYS ? [] : keys) {
      const path = at(`metadata/${key}`);
      if ([...key].length > MAX_METADATA_KEY_LENGTH)
        errors.push({ path, message: `key must be at most ${MAX_METADATA_KEY_LENGTH} characters` });
      else if (hasForbiddenControl(key)) errors.push({ path, message: 'key must not contain control characters' });
    }
  }

  const collection = method === 'payment_gateway' || method === 'direct_transfer' || method === 'swap';
  let expiresInMs: number | null = null;
  if (input.expires_in_seconds !== undefined) {
    if (!collection) errors.push({ path: at('expires_in_seconds'), message: 'applies to collections only' });
    else if (input.expires_in_seconds > pp.max_expiry_seconds)
      errors.push({ path: at('expires_in_seconds'), message: `must be at most ${pp.max_expiry_seconds}` });
    else expiresInMs = input.expires_in_seconds * 1000;
  }
  if (collection && expiresInMs === null) expiresInMs = pp.payment_expiry_seconds * 1000;

  // a checkout page shows a deposit address: payment_gateway collections only
  const devnet = config.raw.network.name === 'devnet';
  const successUrl = checkReturnUrl(input.success_url, at('success_url'), devnet, errors);
  const cancelUrl = checkReturnUrl(input.cancel_url, at('cancel_url'), devnet, errors);
  const customerEmail = checkCustomerEmail(input.customer_email, at('customer_email'), errors);
  const hostedCheckout = method === 'payment_gateway';
  if (!hostedCheckout) {
    for (const field of ['success_url', 'cancel_url', 'customer_email'] as const) {
      if (input[field] !== undefined && input[field] !== null)
        errors.push({ path: at(field), message: 'applies to payment_gateway collections only (they have a checkout page)' });
    }
  }

  if (errors.length > 0 || payee === null || !asset) return { ok: false, errors };

  const quote = quoteFee(amount, config.priorities[priority].feeRate, asset.volumeDiscounts, asset.minimumFee);
  const flags: PaymentFlag[] = [];
  if (amount >= asset.limits.suspiciousAmount) {
    flags.push({
      code: 'large_amount',
      detail: `amount ${money(amount)} ${currency} is at or above ${money(asset.limits.suspiciousAmount)}`,
    });
  }
  return {
    ok: true,
    draft: {
      method,
      priority,
      currency,
      quote,
      payerAddress: method === 'route' ? (payer ?? context.hotWalletAddress) : payer,
      payeeAddress: payee,
      referenceId: input.reference_id ?? null,
      description,
      metadata,
      expiresInMs,
      needsDepositAddress: method === 'payment_gateway' || method === 'swap',
      approvalRequired: method === 'route' && amount >= asset.limits.approvalThreshold,
      flags,
      networkFeeEstimate: method === 'route' ? context.networkFeeEstimate(currency) : null,
      checkout: hostedCheckout ? { successUrl, cancelUrl, customerEmail, paymentLinkId: null } : null,
      needsUniqueAmount: method === 'direct_transfer' && payer === null,
    },
  };
}

function checkAddressField(value: unknown, path: string, errors: FieldError[]): string | null {
  const check = checkBase58Address(value);
  if (check.ok) return check.base58;
  errors.push({ path, message: `is not a valid TRON address: ${check.message}` });
  return null;
}

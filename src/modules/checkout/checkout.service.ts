/**
 * The hosted checkout's use cases (issue 21, docs/adr/0026): open a payment by its checkout token (the
 * secret's hash compared in constant time, a dummy hash for unknown ids), the customer's view of it,
 * cancelling from the page. Only what CheckoutState holds ever leaves here.
 */
import type { GatewayConfig } from '../../config/load.js';
import type { Clock } from '../../shared/clock.js';
import type { AppError } from '../../shared/errors.js';
import type { Result } from '../../shared/result.js';
import type { BrandingService } from '../branding/branding.service.js';
import type { PaymentLinksService } from '../payment-links/payment-links.service.js';
import type { Payment } from '../payments/payment.js';
import type { PaymentsService } from '../payments/payments.service.js';
import { buildCheckoutState, isFinalForCheckout, parseCheckoutToken } from './checkout-rules.js';
import { secretMatches } from './checkout-secret.js';
import type { CheckoutBranding, CheckoutState } from './checkout-view.js';

export interface CheckoutDeps {
  config: GatewayConfig;
  clock: Clock;
  payments: Pick<PaymentsService, 'findAnyPayment' | 'cancelFromCheckout' | 'paymentVersions'>;
  branding: Pick<BrandingService, 'forCheckout'>;
  links: Pick<PaymentLinksService, 'urlOfId'>;
  /** base58 contract of a configured token (the devnet's resolved one), null for TRX */
  tokenContract(symbol: string): string | null;
}

const TRONSCAN: Readonly<Record<string, string | null>> = {
  mainnet: 'https://tronscan.org/#/transaction/{txid}',
  nile: 'https://nile.tronscan.org/#/transaction/{txid}',
  shasta: 'https://shasta.tronscan.org/#/transaction/{txid}',
  devnet: null,
};

export class CheckoutService {
  /** payment link id → its public URL (links never change their token) */
  private readonly restartUrls = new Map<string, string | null>();

  constructor(private readonly deps: CheckoutDeps) {}

  /**
   * The payment a checkout token opens, or null. A malformed token, an unknown id, a payment without a
   * checkout and a wrong secret all answer null after the same hash comparison.
   */
  async open(token: string): Promise<Payment | null> {
    const parsed = parseCheckoutToken(token);
    if (!parsed) {
      secretMatches(token, null);
      return null;
    }
    const payment = await this.deps.payments.findAnyPayment(parsed.paymentId);
    const hash = payment?.checkout?.secretHash ?? null;
    return secretMatches(parsed.secret, hash) ? payment : null;
  }

  async stateOf(payment: Payment): Promise<CheckoutState> {
    const { config } = this.deps;
    const spec = config.assets.get(payment.currency);
    const linkId = payment.checkout?.paymentLinkId ?? null;
    return buildCheckoutState(payment, {
      now: this.deps.clock.now(),
      decimals: spec.decimals,
      format: (units) => config.assets.format(payment.currency, units),
      network: spec.kind === 'native' ? 'TRON' : 'TRON (TRC-20)',
      tokenContract: spec.kind === 'native' ? null : this.deps.tokenContract(spec.symbol),
      confirmationsRequired: config.priorities[payment.priority].confirmations,
      tolerancePpb: config.underpaymentTolerance,
      overpaymentHandling: config.raw.refunds.auto_refund ? 'refund' : 'credit',
      restartUrl: linkId === null ? null : await this.restartUrl(linkId),
    });
  }

  isFinal(payment: Payment): boolean {
    return isFinalForCheckout(payment);
  }

  async brandingOf(payment: Payment): Promise<CheckoutBranding> {
    return this.deps.branding.forCheckout(payment.merchantId);
  }

  /** Cancels the payment of an opened checkout (nothing arrived yet) and revokes its token's actions. */
  async cancel(payment: Payment): Promise<Result<Payment, AppError>> {
    return this.deps.payments.cancelFromCheckout(payment.id);
  }

  /** The configured explorer template, or Tronscan's for the network (none on a devnet). */
  explorerTxUrl(): string | null {
    const configured = this.deps.config.raw.checkout.explorer_tx_url;
    if (configured !== '') return configured;
    return TRONSCAN[this.deps.config.raw.network.name] ?? null;
  }

  private async restartUrl(linkId: string): Promise<string | null> {
    if (this.restartUrls.has(linkId)) return this.restartUrls.get(linkId) ?? null;
    const url = await this.deps.links.urlOfId(linkId);
    if (this.restartUrls.size > 10_000) this.restartUrls.clear();
    this.restartUrls.set(linkId, url);
    return url;
  }
}

/** A payment link and whether it may still take a visitor's payment (issue 21). Pure: callers pass the time. */

export interface PaymentLink {
  id: string;
  merchantId: string;
  /** the public token in the link's URL (/pay/<token>) */
  token: string;
  currency: string;
  payeeAddress: string;
  /** fixed amount in base units; null: the customer chooses it */
  amount: bigint | null;
  description: string;
  successUrl: string | null;
  expiresAt: number | null;
  maxUses: number | null;
  uses: number;
  active: boolean;
  createdAt: number;
  updatedAt: number;
}

/** `unavailable`: the merchant's own limits refuse a payment now (rate, daily or monthly totals) */
export type LinkRefusal = 'inactive' | 'expired' | 'used_up' | 'unavailable';

/** Why a link takes no more payments, or null when it does. */
export function linkRefusal(link: PaymentLink, now: number): LinkRefusal | null {
  if (!link.active) return 'inactive';
  if (link.expiresAt !== null && link.expiresAt <= now) return 'expired';
  if (link.maxUses !== null && link.uses >= link.maxUses) return 'used_up';
  return null;
}

export const REFUSAL_MESSAGES: Readonly<Record<LinkRefusal, string>> = {
  inactive: 'this payment link was deactivated',
  expired: 'this payment link has expired',
  used_up: 'this payment link has been used as often as it may be',
  unavailable: 'this payment link cannot take a payment right now; try again later',
};

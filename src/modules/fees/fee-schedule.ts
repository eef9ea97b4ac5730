/**
 * Fees (SPEC §3.5): `fee = amount × rate(priority) × (1 − volume discount)`, computed exactly in integers
 * and rounded half-up to the base unit; `net_amount = amount − fee`.
 */
import type { VolumeDiscount } from '../../config/load.js';
import { mulDivHalfUp, RATE_SCALE } from '../../shared/money.js';

export interface FeeQuote {
  amount: bigint;
  /** fee before the discount, rounded half-up */
  baseFee: bigint;
  fee: bigint;
  netAmount: bigint;
  ratePpb: bigint;
  discountPpb: bigint;
  discountAmount: bigint;
}

/** The highest discount tier whose threshold the amount reaches, or 0. */
export function volumeDiscount(amount: bigint, tiers: readonly VolumeDiscount[]): bigint {
  let discount = 0n;
  for (const tier of tiers) if (amount >= tier.threshold) discount = tier.discount;
  return discount;
}

export function quoteFee(amount: bigint, ratePpb: bigint, tiers: readonly VolumeDiscount[], minimumFee = 0n): FeeQuote {
  const discountPpb = volumeDiscount(amount, tiers);
  const baseFee = mulDivHalfUp(amount, ratePpb, RATE_SCALE);
  let fee = mulDivHalfUp(amount, ratePpb * (RATE_SCALE - discountPpb), RATE_SCALE * RATE_SCALE);
  if (fee < minimumFee) fee = minimumFee;
  if (fee > amount) fee = amount;
  return { amount, baseFee, fee, netAmount: amount - fee, ratePpb, discountPpb, discountAmount: baseFee > fee ? baseFee - fee : 0n };
}

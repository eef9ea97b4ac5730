/**
 * The rules of a collection's progress (SPEC §3.3), pure: what the amount received so far makes of a
 * payment (exception), whether it may be confirmed, and what completing it credits. No I/O, no clock.
 */
import type { Payment, PaymentException } from '../payments/payment.js';

const PPB = 1_000_000_000n;

/** The shortfall still accepted as paid: `amount × tolerance`, rounded down to the base unit. */
export function toleranceOf(amount: bigint, tolerancePpb: bigint): bigint {
  return (amount * tolerancePpb) / PPB;
}

/** Whether `received` counts as paying `amount` in full (within the underpayment tolerance). */
export function isPaid(amount: bigint, received: bigint, tolerancePpb: bigint): boolean {
  return received >= amount - toleranceOf(amount, tolerancePpb);
}

/**
 * The exception a collection carries after receiving `received` in total: short beyond the tolerance is
 * `underpaid` (it may still be topped up), a late payment stays `paid_late`, more than asked is `overpaid`.
 */
export function exceptionFor(amount: bigint, received: bigint, tolerancePpb: bigint, late: boolean): PaymentException | null {
  if (!isPaid(amount, received, tolerancePpb)) return 'underpaid';
  if (late) return 'paid_late';
  if (received > amount) return 'overpaid';
  return null;
}

/** Confirmations of a transfer in block `block` when the head is `head`: its own block counts as one. */
export function confirmationsOf(head: number, block: number): number {
  return Math.max(0, head - block + 1);
}

export interface LedgerCredit {
  kind: 'collection' | 'fee_owed';
  amount: bigint;
}

/**
 * What a completed collection posts: a `payment_gateway` credits its net amount to the payee (an excess
 * stays refundable; a shortfall within the tolerance is not credited: never more than received minus the
 * fee), a `direct_transfer` records the fee as owed by the merchant.
 */
export function ledgerCreditFor(payment: Pick<Payment, 'method' | 'amount' | 'fee' | 'netAmount'>, received: bigint): LedgerCredit | null {
  if (payment.method === 'direct_transfer') return payment.fee > 0n ? { kind: 'fee_owed', amount: -payment.fee } : null;
  if (payment.method !== 'payment_gateway') return null;
  const afterFee = received - payment.fee;
  const credit = afterFee < payment.netAmount ? afterFee : payment.netAmount;
  return credit > 0n ? { kind: 'collection', amount: credit } : null;
}

/**
 * Which payment a transfer belongs to when an address has served several (issue 19), pure. A deposit
 * address goes back to the pool only after a quiet period longer than the late-payment window, so the
 * payments that held it never overlap: a transfer belongs to the one that held the address at the
 * transfer's block time — the newest created at or before it. An old invoice still takes a transfer
 * after its expiry, but only within the late window.
 */
import type { Payment } from '../payments/payment.js';

const DAY_MS = 86_400_000;

/**
 * The payment holding the address at `blockTimestamp`, from all its payments oldest first: the newest
 * created at or before that time, else the oldest (a transfer stamped before its invoice — clocks of the
 * chain and of the gateway differ a little — still belongs to the address's first invoice).
 */
export function holderAt(paymentsOldestFirst: readonly Payment[], blockTimestamp: number): Payment | null {
  let holder: Payment | null = paymentsOldestFirst[0] ?? null;
  for (const p of paymentsOldestFirst) if (p.createdAt <= blockTimestamp) holder = p;
  return holder;
}

/** Whether a transfer at `blockTimestamp` may still pay this expired collection late. */
export function withinLateWindow(payment: Pick<Payment, 'expiresAt' | 'cancelledAt'>, blockTimestamp: number, windowDays: number): boolean {
  const expiredAt = payment.expiresAt ?? payment.cancelledAt;
  return expiredAt === null || blockTimestamp <= expiredAt + windowDays * DAY_MS;
}

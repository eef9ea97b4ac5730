/** When the next scheduled settlement runs (SPEC §3.7). Pure. */
import type { SettlementFrequency } from '../../config/schema.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Next run strictly after `now`; null for `instant` (settled as each payment completes). */
export function nextSettlementAt(frequency: SettlementFrequency, timeUtc: string, weeklyDay: number, now: number): number | null {
  if (frequency === 'instant') return null;
  if (frequency === 'hourly') return now - (now % HOUR) + HOUR;
  const [hours, minutes] = timeUtc.split(':').map(Number) as [number, number];
  const startOfDay = now - (now % DAY);
  let candidate = startOfDay + hours * HOUR + minutes * 60_000;
  if (candidate <= now) candidate += DAY;
  if (frequency === 'weekly') {
    while (new Date(candidate).getUTCDay() !== weeklyDay) candidate += DAY;
  }
  return candidate;
}

/** The merchant's own frequency when set (merchants.settlement_frequency), else the configured one. */
export function effectiveFrequency(merchantFrequency: string | null, configured: SettlementFrequency): SettlementFrequency {
  const known: readonly string[] = ['instant', 'hourly', 'daily', 'weekly'];
  return merchantFrequency !== null && known.includes(merchantFrequency) ? (merchantFrequency as SettlementFrequency) : configured;
}

export interface DueInput {
  frequency: SettlementFrequency;
  timeUtc: string;
  weeklyDay: number;
  /** the payee's ledger balance in base units */
  balance: bigint;
  /** `min_settlement_amount`: a balance at or above it settles at once, whatever the schedule */
  minAmount: bigint;
  /**
   * Since when the balance has been waiting: the last settlement of this (merchant, payee, asset), or
   * without one its first ledger entry. A scheduled run between then and now makes it due.
   */
  since: number;
  now: number;
  /** after a failed settlement: no settling before this (a blacklisted payee must not be retried every minute) */
  retryNotBefore?: number;
}

export type DueReason = 'schedule' | 'threshold';

/**
 * Whether a balance settles now (SPEC §3.7), and why: nothing to settle → null; `instant` → as soon as
 * there is a balance; otherwise when it reached the threshold, or when a scheduled run (hourly, daily at
 * the time, weekly on the day) has passed since the balance started waiting. Pure.
 */
export function settlementDue(input: DueInput): DueReason | null {
  if (input.balance <= 0n) return null;
  if (input.retryNotBefore !== undefined && input.now < input.retryNotBefore) return null;
  if (input.frequency === 'instant') return 'schedule';
  if (input.balance >= input.minAmount) return 'threshold';
  const next = nextSettlementAt(input.frequency, input.timeUtc, input.weeklyDay, input.since);
  return next !== null && next <= input.now ? 'schedule' : null;
}

/** One settlement moves at most `max`; the rest waits for the next one. */
export function settlementAmount(balance: bigint, max: bigint): bigint {
  if (balance <= 0n) return 0n;
  return balance < max ? balance : max;
}

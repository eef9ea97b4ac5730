/**
 * Which webhook attempts are retried and when (SPEC §3.10, ARCHITECTURE habit 10). Pure: the random
 * source is a parameter.
 *
 * - 2xx succeeds. Network errors, timeouts, 5xx, 408 and 429 are retried; every other status (3xx
 *   included: redirects are not followed) and a refused target end the delivery as failed.
 * - The delay after attempt n is retry_interval × 2^(n−1), capped, with "equal jitter" (uniform in
 *   [half, full]) so deliveries that failed together spread out but keep the exponential shape. A
 *   Retry-After on 429/503 pushes the next attempt later, within a cap.
 * - A delivery makes at most 1 + max_retries attempts. Each delivery has its own schedule.
 */

/** What an attempt came to, as the sender reports it. */
export type AttemptFailureKind = 'network' | 'timeout' | 'refused';

export interface AttemptReport {
  /** the HTTP status, or null when no response arrived */
  statusCode: number | null;
  /** set when no usable response arrived */
  failure?: AttemptFailureKind;
  /** human-readable error (no secrets) */
  error?: string;
  /** the response's Retry-After header, if any */
  retryAfter?: string | null;
  /** the response's Location header, if any (3xx) */
  location?: string | null;
}

export interface RetrySchedulePolicy {
  /** retries after the first attempt */
  maxRetries: number;
  /** delay before the first retry */
  baseMs: number;
  /** ceiling of the exponential delay */
  maxDelayMs: number;
  /** ceiling of a receiver's Retry-After */
  maxRetryAfterMs: number;
}

export const DEFAULT_MAX_DELAY_MS = 6 * 3_600_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 3_600_000;

export function retryPolicyFromConfig(webhooks: { max_retries: number; retry_interval_seconds: number }): RetrySchedulePolicy {
  const baseMs = webhooks.retry_interval_seconds * 1000;
  return {
    maxRetries: webhooks.max_retries,
    baseMs,
    maxDelayMs: Math.max(baseMs, DEFAULT_MAX_DELAY_MS),
    maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS,
  };
}

export type AttemptDecision =
  | { outcome: 'succeeded' }
  | { outcome: 'retry'; error: string; delayMs: number }
  | { outcome: 'failed'; error: string };

/** Whether a report is worth another attempt, ignoring how many were made. */
export function isRetryable(report: AttemptReport): boolean {
  if (report.failure === 'network' || report.failure === 'timeout') return true;
  if (report.failure === 'refused' || report.statusCode === null) return false;
  const code = report.statusCode;
  return code >= 500 || code === 408 || code === 429;
}

/** What the failed attempt's error text says (stored in last_error and the attempt row). */
export function describeFailure(report: AttemptReport): string {
  if (report.failure) return report.error ?? report.failure;
  const code = report.statusCode as number;
  if (code >= 300 && code < 400) {
    return `HTTP ${code}: redirects are not followed${report.location ? ` (Location: ${report.location.slice(0, 300)})` : ''}`;
  }
  return `HTTP ${code}`;
}

/**
 * The decision after attempt number `attempt` (1 = the first) produced `report`. `nowMs` is only used to
 * read a Retry-After given as an HTTP date.
 */
export function decideAfterAttempt(
  attempt: number,
  report: AttemptReport,
  policy: RetrySchedulePolicy,
  random: () => number,
  nowMs: number,
): AttemptDecision {
  if (report.failure === undefined && report.statusCode !== null && report.statusCode >= 200 && report.statusCode < 300) {
    return { outcome: 'succeeded' };
  }
  const error = describeFailure(report);
  if (!isRetryable(report)) return { outcome: 'failed', error };
  if (attempt > policy.maxRetries) {
    return { outcome: 'failed', error: `${error}; gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}` };
  }
  let delayMs = backoffDelayMs(attempt, policy, random);
  const retryAfterMs = parseRetryAfterMs(report.retryAfter, nowMs);
  if (retryAfterMs !== null) delayMs = Math.max(delayMs, Math.min(retryAfterMs, policy.maxRetryAfterMs));
  return { outcome: 'retry', error, delayMs };
}

/** base × 2^(attempt−1), capped, then uniform in [half, full]. */
export function backoffDelayMs(attempt: number, policy: Pick<RetrySchedulePolicy, 'baseMs' | 'maxDelayMs'>, random: () => number): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const capped = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** exponent);
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.round(capped / 2 + (capped / 2) * unit);
}

/** Retry-After as delay-seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

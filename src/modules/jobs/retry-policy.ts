/**
 * Retry policy for background work (ARCHITECTURE habit 10): exponential backoff, capped, with "full
 * jitter" (a uniformly random delay between 0 and the capped exponential) so that jobs that failed
 * together do not retry together. Pure: the random source is a parameter.
 */

export type RetryJitter = 'full' | 'none';

export interface RetryPolicy {
  /** delay before the second attempt, before jitter; doubles with every further attempt */
  baseMs: number;
  /** ceiling of the exponential, before jitter */
  maxMs: number;
  jitter: RetryJitter;
}

/**
 * How long to wait before the next attempt after attempt number `attempt` (1 = the first attempt)
 * failed: `min(maxMs, baseMs · 2^(attempt − 1))`, then with full jitter a uniform integer in
 * `[0, that]`. `random` must return a number in [0, 1) like `Math.random`; values outside are clamped.
 */
export function nextRetryDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const { baseMs, maxMs, jitter } = policy;
  if (!Number.isFinite(baseMs) || baseMs < 0) throw new RangeError(`retry baseMs must be a finite number >= 0, got ${baseMs}`);
  if (!Number.isFinite(maxMs) || maxMs < baseMs) throw new RangeError(`retry maxMs must be a finite number >= baseMs, got ${maxMs}`);
  const exponent = Math.max(0, Math.floor(Number.isFinite(attempt) ? attempt : 1) - 1);
  // 2^exponent overflows to Infinity for large attempts; min() then yields maxMs.
  const capped = Math.min(maxMs, baseMs * 2 ** exponent);
  if (jitter === 'none') return Math.round(capped);
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.min(Math.round(capped), Math.floor(unit * (Math.round(capped) + 1)));
}

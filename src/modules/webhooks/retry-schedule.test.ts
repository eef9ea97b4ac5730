import { describe, expect, it } from 'vitest';
import { backoffDelayMs, decideAfterAttempt, isRetryable, parseRetryAfterMs, retryPolicyFromConfig } from './retry-schedule.js';

const policy = retryPolicyFromConfig({ max_retries: 8, retry_interval_seconds: 30 });
const high = () => 1;
const low = () => 0;

describe('retry schedule', () => {
  it('retries network errors, timeouts, 5xx, 408 and 429 only', () => {
    expect(isRetryable({ statusCode: null, failure: 'network' })).toBe(true);
    expect(isRetryable({ statusCode: null, failure: 'timeout' })).toBe(true);
    expect(isRetryable({ statusCode: null, failure: 'refused' })).toBe(false);
    for (const code of [500, 502, 503, 504, 408, 429]) expect(isRetryable({ statusCode: code })).toBe(true);
    for (const code of [301, 302, 400, 401, 403, 404, 410, 422]) expect(isRetryable({ statusCode: code })).toBe(false);
  });

  it('doubles from retry_interval_seconds with jitter in [half, full]', () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const full = 30_000 * 2 ** (attempt - 1);
      expect(backoffDelayMs(attempt, policy, high)).toBe(full);
      expect(backoffDelayMs(attempt, policy, low)).toBe(full / 2);
    }
  });

  it('caps the exponential', () => {
    expect(backoffDelayMs(40, policy, high)).toBe(policy.maxDelayMs);
  });

  it('makes at most 1 + max_retries attempts', () => {
    const report = { statusCode: 500 };
    expect(decideAfterAttempt(8, report, policy, low, 0).outcome).toBe('retry');
    const last = decideAfterAttempt(9, report, policy, low, 0);
    expect(last).toEqual({ outcome: 'failed', error: 'HTTP 500; gave up after 9 attempts' });
    const none = retryPolicyFromConfig({ max_retries: 0, retry_interval_seconds: 30 });
    expect(decideAfterAttempt(1, report, none, low, 0).outcome).toBe('failed');
  });

  it('honours Retry-After (seconds or HTTP date) within a cap, never earlier than the backoff', () => {
    expect(decideAfterAttempt(1, { statusCode: 429, retryAfter: '120' }, policy, high, 0)).toMatchObject({ delayMs: 120_000 });
    expect(decideAfterAttempt(1, { statusCode: 429, retryAfter: '1' }, policy, high, 0)).toMatchObject({ delayMs: 30_000 });
    expect(decideAfterAttempt(1, { statusCode: 503, retryAfter: '999999' }, policy, high, 0)).toMatchObject({
      delayMs: policy.maxRetryAfterMs,
    });
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfterMs('soon', now)).toBeNull();
  });

  it('ends 3xx and other 4xx as failed at once', () => {
    expect(decideAfterAttempt(1, { statusCode: 404 }, policy, low, 0)).toEqual({ outcome: 'failed', error: 'HTTP 404' });
    expect(decideAfterAttempt(1, { statusCode: 301, location: 'https://x.test/' }, policy, low, 0)).toEqual({
      outcome: 'failed',
      error: 'HTTP 301: redirects are not followed (Location: https://x.test/)',
    });
  });
});

/**
 * A small per-client-address limiter for the public checkout endpoints (no API key, so the merchant
 * limits do not apply): a fixed one-minute window per address, held in memory. Bounded: the whole table
 * is dropped when the window turns, and past `maxAddresses` new addresses share one overflow bucket.
 */
export class IpRateLimiter {
  private counts = new Map<string, number>();
  private windowStart = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxAddresses = 100_000,
  ) {}

  /** Counts a request; returns 0 when allowed, else the seconds until the window turns. */
  take(address: string): number {
    const now = this.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now - (now % 60_000);
      this.counts = new Map();
    }
    const key = this.counts.has(address) || this.counts.size < this.maxAddresses ? address : '*overflow*';
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.perMinute) return 0;
    return Math.max(1, Math.ceil((this.windowStart + 60_000 - now) / 1000));
  }
}

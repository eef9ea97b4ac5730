/** Time is a port so that expiry, rate windows and schedules can be tested without waiting. */
export interface Clock {
  /** milliseconds since the Unix epoch */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(startMs: number): Clock & { advance(ms: number): void; set(ms: number): void } {
  let current = startMs;
  return {
    now: () => current,
    advance(ms: number) {
      current += ms;
    },
    set(ms: number) {
      current = ms;
    },
  };
}

/** A few recent answers: a batch's payments share their timestamps, and Date formatting is slow. */
const isoCache = new Map<number, string>();
const ISO_CACHE_SIZE = 16;

/** ISO 8601 UTC with milliseconds and `Z`, the only timestamp format on the API. */
export function toIso(ms: number): string {
  let iso = isoCache.get(ms);
  if (iso === undefined) {
    iso = new Date(ms).toISOString();
    if (isoCache.size >= ISO_CACHE_SIZE) isoCache.clear();
    isoCache.set(ms, iso);
  }
  return iso;
}

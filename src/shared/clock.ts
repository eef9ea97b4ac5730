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

/** ISO 8601 UTC with milliseconds and `Z`, the only timestamp format on the API. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

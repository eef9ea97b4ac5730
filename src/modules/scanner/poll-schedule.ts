/**
 * When the scanner looks at the head again. A fixed pause (poll_interval_ms, 1 s) let a block wait up
 * to that long before anyone saw it, which was most of the delay a customer's checkout page showed. TRON
 * produces a block every 3 s, so the scanner can expect the next one: it keeps the slow pause until
 * shortly before the next block is due, looks every quarter pause around that moment, and goes back to
 * the slow pause when no block came for a whole interval (a halted chain, a manually mined devnet).
 * Looking a little early each time brings the moment it sees a block within a quarter pause of the
 * block's arrival, in a block or two; it costs one to three extra head requests per block. Pure.
 */
export interface PollState {
  now: number;
  /** when this scanner last saw the head move (its own clock), or null before it has */
  headMovedAt: number | null;
  blockIntervalMs: number;
  pollIntervalMs: number;
  /** consecutive failed passes */
  failures: number;
  /** blocks the last pass scanned */
  scanned: number;
}

const MAX_BACKOFF_MS = 30_000;

export function nextPollDelay(s: PollState): number {
  if (s.failures > 0) return Math.min(s.pollIntervalMs * 2 ** Math.min(s.failures, 5), MAX_BACKOFF_MS);
  if (s.scanned > 0) return 0;
  if (s.headMovedAt === null) return s.pollIntervalMs;
  const quick = Math.max(10, Math.floor(s.pollIntervalMs / 4));
  const due = s.headMovedAt + s.blockIntervalMs;
  const watchFrom = due - 2 * quick;
  if (s.now < watchFrom) return Math.min(s.pollIntervalMs, watchFrom - s.now);
  if (s.now < due + s.blockIntervalMs) return Math.min(quick, s.pollIntervalMs);
  return s.pollIntervalMs;
}

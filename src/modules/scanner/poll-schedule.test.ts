import { describe, expect, it } from 'vitest';
import { nextPollDelay, type PollState } from './poll-schedule.js';

const base: PollState = { now: 10_000, headMovedAt: 10_000, blockIntervalMs: 3000, pollIntervalMs: 1000, failures: 0, scanned: 0 };

/** Simulates the scanner against blocks produced every 3 s from `firstBlockAt`: when it sees each block. */
function seenDelays(firstBlockAt: number, startAt: number, blocks: number): number[] {
  const produced = (t: number) => Math.floor((t - firstBlockAt) / 3000);
  let now = startAt;
  let head = produced(now);
  let headMovedAt: number | null = null;
  const delays: number[] = [];
  while (delays.length < blocks) {
    const current = produced(now);
    const scanned = current > head ? current - head : 0;
    if (scanned > 0) {
      delays.push(now - (firstBlockAt + current * 3000));
      head = current;
      headMovedAt = now;
    }
    now += Math.max(1, nextPollDelay({ ...base, now, headMovedAt, scanned: 0 }));
  }
  return delays;
}

describe('the scanner poll schedule', () => {
  it('backs off on failures, goes on at once after a pass that scanned, and polls slowly before it knows the rhythm', () => {
    expect(nextPollDelay({ ...base, failures: 3 })).toBe(8000);
    expect(nextPollDelay({ ...base, failures: 9 })).toBe(30_000);
    expect(nextPollDelay({ ...base, scanned: 2 })).toBe(0);
    expect(nextPollDelay({ ...base, headMovedAt: null })).toBe(1000);
  });

  it('waits slowly until shortly before the next block is due, then looks every quarter pause', () => {
    expect(nextPollDelay({ ...base, now: 10_100 })).toBe(1000);
    expect(nextPollDelay({ ...base, now: 12_000 })).toBe(500);
    expect(nextPollDelay({ ...base, now: 12_600 })).toBe(250);
    expect(nextPollDelay({ ...base, now: 13_400 })).toBe(250);
  });

  it('goes back to the slow pause when no block came for a whole interval', () => {
    expect(nextPollDelay({ ...base, now: 16_100 })).toBe(1000);
  });

  it('sees every block within a quarter pause of its arrival after a few blocks, whatever the phase', () => {
    for (const phase of [0, 137, 999, 1500, 2999]) {
      const delays = seenDelays(phase, 5000, 12);
      for (const d of delays.slice(3)) expect(d).toBeLessThanOrEqual(250);
    }
  });
});

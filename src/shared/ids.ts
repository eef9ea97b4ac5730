import { randomBytes } from 'node:crypto';

/**
 * Prefixes of public ids. An id is prefix + "_" + 32 lowercase hex characters (`newId`); ids made by the
 * first build carry 16 and are still accepted wherever an id is read (SPEC §4: only the prefixes are fixed).
 */
export const ID_PREFIXES = [
  'pay',
  'batch',
  'recon',
  'refund',
  'webhook',
  'report',
  'stl',
  'evt',
  'whd',
  'mer',
  'key',
  'job',
  'ctr',
  'snd',
  'led',
  'swp',
  'plink',
  // a staking operation of the operator (its send's owner), an energy delegation for a sweep (issue 19)
  'stk',
  'edl',
  // a dashboard user and a dashboard session (issue 22)
  'usr',
  'ses',
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

/** Either shape: 32 hex (time and random bits) or the first build's 16 (second and counter). */
const ID_PATTERN = /^([a-z]+)_([0-9a-f]{32}|[0-9a-f]{16})$/;

export type IdGenerator = (prefix: IdPrefix) => string;

/** Random bytes are drawn from the OS in blocks: one call per 512 ids instead of one per id. */
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let offset = POOL_SIZE;

/** 16 lowercase hex characters (64 random bits) from the pooled random bytes. */
export function randomHex16(): string {
  if (offset + 8 > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + 8);
  offset += 8;
  return hex;
}

/** Ticks of an id's time within its millisecond: 65536 (about 15 ns each), shorter than it takes to make an id. */
const TICKS_PER_MS = 0x10000;

/**
 * A source of 32 hex characters that sort by creation: the Unix time in ms (12), the tick within it (4,
 * 2^16 a millisecond), then 64 fresh random bits (16). Rows keyed or indexed by such ids are appended near
 * the right edge of their B-tree instead of landing on a random page (ADR 0019). Nothing in an id counts
 * other ids: the first build's 16 digits were the second and a counter, which told a merchant how many
 * ids the gateway made between two of its own.
 *
 * The time is read from the monotonic clock anchored to the wall clock, so ids from one source are
 * strictly increasing and never move back with the wall clock; two reads on one tick move the second
 * tick on by one. The wall clock running ahead (a step forward, a suspended machine) re-anchors forward.
 * Across threads and processes ids are ordered by time up to their clocks' difference, and two collide
 * only by sharing a tick and all 64 random bits.
 */
export function orderedIdSource(monotonicMs: () => number = () => performance.now(), wallMs: () => number = Date.now): () => string {
  // Wall-clock ms at monotonic 0, split so that adding the monotonic reading keeps its sub-µs digits.
  let originWholeMs = 0;
  let originFractionMs = 0;
  const anchorTo = (wall: number, monotonic: number) => {
    const origin = wall - monotonic;
    originWholeMs = Math.floor(origin);
    originFractionMs = origin - originWholeMs;
  };
  anchorTo(wallMs(), monotonicMs());
  let lastMs = -1;
  let lastTick = 0;
  return () => {
    const elapsed = monotonicMs() + originFractionMs;
    const whole = Math.floor(elapsed);
    let ms = originWholeMs + whole;
    let tick = Math.floor((elapsed - whole) * TICKS_PER_MS);
    if (ms !== lastMs) {
      // Checked once a millisecond at most: the monotonic clock stands still while a machine sleeps.
      const wall = wallMs();
      if (wall > ms + 1) {
        anchorTo(wall, monotonicMs());
        ms = wall;
        tick = 0;
      }
    }
    if (ms < lastMs || (ms === lastMs && tick <= lastTick)) {
      ms = lastMs;
      tick = lastTick + 1;
      if (tick === TICKS_PER_MS) {
        ms++;
        tick = 0;
      }
    }
    lastMs = ms;
    lastTick = tick;
    return hex12(ms) + tick.toString(16).padStart(4, '0') + randomHex16();
  };
}

/** 12 hex digits of `ms`, written as two small integers: V8 formats a number past 2^31 several times slower. */
function hex12(ms: number): string {
  const high = Math.floor(ms / 0x1000000);
  return high.toString(16).padStart(6, '0') + (ms - high * 0x1000000).toString(16).padStart(6, '0');
}

/** This thread's id source. */
export const orderedIdHex = orderedIdSource();

/** Public ids: prefix, "_", and 32 hex characters in creation order (orderedIdHex). */
export const newId: IdGenerator = (prefix) => `${prefix}_${orderedIdHex()}`;

export function isId(prefix: IdPrefix, value: string): boolean {
  const match = ID_PATTERN.exec(value);
  return match !== null && match[1] === prefix;
}

/** Deterministic ids for tests, in the first build's 16-digit shape: pay_0000000000000001, pay_0000000000000002, … */
export function sequentialIds(): IdGenerator {
  let next = 0n;
  return (prefix) => {
    next += 1n;
    return `${prefix}_${next.toString(16).padStart(16, '0')}`;
  };
}

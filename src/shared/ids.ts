import { randomBytes } from 'node:crypto';

/**
 * Prefixes of public ids. An id is prefix + "_" + 30 lowercase hex characters (`newId`); ids made by the
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
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

/** Either shape: 30 hex (time and random bits) or the first build's 16 (second and counter). */
const ID_PATTERN = /^([a-z]+)_([0-9a-f]{30}|[0-9a-f]{16})$/;

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

/** Ticks of an id's time within its second: 2^24 (about 60 ns each), shorter than it takes to make an id. */
const TICKS_PER_SECOND = 0x1000000;
const TICKS_PER_MS = TICKS_PER_SECOND / 1000;

/**
 * A source of 30 hex characters that sort by creation: the Unix second (8), the tick within it (6, 2^24 a
 * second), then 64 fresh random bits (16). Rows keyed or indexed by such ids are appended near the right
 * edge of their B-tree instead of landing on a random page (ADR 0019). Nothing in an id counts other ids:
 * the first build's 16 digits were the second and a counter, which told a merchant how many ids the
 * gateway made between two of its own. Leading with the second as those did keeps old and new ids of a
 * database in creation order across seconds.
 *
 * The time is read from the monotonic clock anchored to the wall clock, so ids from one source are
 * strictly increasing and never move back with the wall clock; two reads on one tick move the second
 * tick on by one. The wall clock running ahead (a step forward, a suspended machine) re-anchors forward.
 * Across threads and processes ids are ordered by time up to their clocks' difference, and two collide
 * only by sharing a tick and all 64 random bits.
 */
export function orderedIdSource(monotonicMs: () => number = () => performance.now(), wallMs: () => number = Date.now): () => string {
  // Wall-clock time at monotonic 0: whole seconds, and the ms past them (adding the monotonic reading to
  // the small part keeps its sub-µs digits).
  let originSecond = 0;
  let originMs = 0;
  const anchorTo = (wall: number, monotonic: number) => {
    const origin = wall - monotonic;
    originSecond = Math.floor(origin / 1000);
    originMs = origin - originSecond * 1000;
  };
  anchorTo(wallMs(), monotonicMs());
  let lastSecond = -1;
  let lastTick = 0;
  return () => {
    const elapsedMs = monotonicMs() + originMs;
    const elapsedSeconds = Math.floor(elapsedMs / 1000);
    let second = originSecond + elapsedSeconds;
    let tick = Math.floor((elapsedMs - elapsedSeconds * 1000) * TICKS_PER_MS);
    if (second !== lastSecond) {
      // Checked once a second at most: the monotonic clock stands still while a machine sleeps.
      const wall = wallMs();
      if (wall > second * 1000 + tick / TICKS_PER_MS + 1) {
        anchorTo(wall, monotonicMs());
        second = Math.floor(wall / 1000);
        tick = Math.floor((wall - second * 1000) * TICKS_PER_MS);
      }
    }
    if (second < lastSecond || (second === lastSecond && tick <= lastTick)) {
      second = lastSecond;
      tick = lastTick + 1;
      if (tick === TICKS_PER_SECOND) {
        second++;
        tick = 0;
      }
    }
    lastSecond = second;
    lastTick = tick;
    return second.toString(16).padStart(8, '0') + tick.toString(16).padStart(6, '0') + randomHex16();
  };
}

/** This thread's id source. */
export const orderedIdHex = orderedIdSource();

/** Public ids: prefix, "_", and 30 hex characters in creation order (orderedIdHex). */
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

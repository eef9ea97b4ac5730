import { randomBytes } from 'node:crypto';

/** Prefixes of public ids: prefix + "_" + 16 lowercase hex characters (SPEC §4). */
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

const ID_PATTERN = /^([a-z]+)_([0-9a-f]{16})$/;

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

let idSecond = -1;
let idCounter = 0;

/**
 * 16 hex characters that sort by creation: the Unix second (8), then a counter (8) that starts at a
 * random point each second and counts up. Rows keyed or indexed by such ids are appended at the end of
 * their B-tree instead of landing on a random page, which is what every insert costs in pages written
 * (ADR 0019). Unique within a thread; two threads or processes collide only if their counters overlap
 * within the same second (about 2n/2^31 for n ids a second each), and a unique index refuses the second.
 * The second never moves backwards with the clock, so the order holds within a thread.
 */
export function orderedHex16(nowMs: number = Date.now()): string {
  const second = Math.max(idSecond, Math.floor(nowMs / 1000));
  if (second !== idSecond || idCounter >= 0xffffffff) {
    // a fresh second, or (after 2^31 ids in one) the next one
    idSecond = second === idSecond ? second + 1 : second;
    idCounter = Number.parseInt(randomHex16().slice(0, 8), 16) >>> 1;
  } else {
    idCounter++;
  }
  return idSecond.toString(16).padStart(8, '0') + idCounter.toString(16).padStart(8, '0');
}

/** Public ids: prefix, "_", and 16 hex characters in creation order (orderedHex16). */
export const newId: IdGenerator = (prefix) => `${prefix}_${orderedHex16()}`;

export function isId(prefix: IdPrefix, value: string): boolean {
  const match = ID_PATTERN.exec(value);
  return match !== null && match[1] === prefix;
}

/** Deterministic ids for tests: pay_0000000000000001, pay_0000000000000002, … */
export function sequentialIds(): IdGenerator {
  let next = 0n;
  return (prefix) => {
    next += 1n;
    return `${prefix}_${next.toString(16).padStart(16, '0')}`;
  };
}

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

/** 64 random bits per id: collisions are negligible at any volume a single gateway reaches. */
export const randomId: IdGenerator = (prefix) => `${prefix}_${randomHex16()}`;

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

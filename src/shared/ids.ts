import { randomBytes } from 'node:crypto';

/** Prefixes of public ids: prefix + "_" + 16 lowercase hex characters (SPEC §4). */
export const ID_PREFIXES = ['pay', 'batch', 'recon', 'refund', 'webhook', 'report', 'stl', 'evt', 'whd', 'mer', 'key', 'job'] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

const ID_PATTERN = /^([a-z]+)_([0-9a-f]{16})$/;

export type IdGenerator = (prefix: IdPrefix) => string;

/** 64 random bits per id: collisions are negligible at any volume a single gateway reaches. */
export const randomId: IdGenerator = (prefix) => `${prefix}_${randomBytes(8).toString('hex')}`;

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

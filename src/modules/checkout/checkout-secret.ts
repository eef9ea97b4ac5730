/**
 * Checkout token secrets (docs/adr/0026): 18 random bytes (144 bits) as base64url; only their SHA-256 is
 * stored, and a presented secret is compared with it in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const SECRET_BYTES = 18;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

/** Compared against when the payment is unknown, so that a wrong id costs what a wrong secret costs. */
const DUMMY_HASH = hashSecret(randomBytes(SECRET_BYTES).toString('base64url'));

/** Whether `secret` hashes to `storedHash` (null: the dummy hash, which never matches). Constant time. */
export function secretMatches(secret: string, storedHash: string | null): boolean {
  const expected = Buffer.from(storedHash ?? DUMMY_HASH, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const equal = expected.length === actual.length && timingSafeEqual(expected, actual);
  return equal && storedHash !== null;
}

/**
 * Password hashing with scrypt from node:crypto (ADR 0030): memory-hard, no native dependency. A stored
 * hash names its own parameters (`scrypt$N$r$p$salt$hash`, base64url), so that raising the cost later
 * leaves existing hashes verifiable. Verification compares in constant time, and `verifyUnknownAccount`
 * spends the same work on an email nobody has, so that the time of an answer does not reveal accounts.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  /** CPU and memory cost, a power of two */
  N: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB and about 50–100 ms per hash on a server core (ADR 0030). */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // Node refuses more than 32 MiB unless told: allow the parameters' own need and a little more.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return null;
  return { params: { N, r, p }, salt: Buffer.from(parts[4] as string, 'base64url'), key: Buffer.from(parts[5] as string, 'base64url') };
}

/** Whether `password` is the one `stored` was made from; an unreadable hash verifies nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed === null) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** A password-shaped check for the rules every new password meets; null when it is fine. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string') return 'must be a string';
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  return null;
}

/** Verifies against a throw-away hash of the same cost, made once: the work of a real check, always false. */
export class UnknownAccountHasher {
  private dummy: Promise<string> | null = null;
  constructor(private readonly params: ScryptParams = DEFAULT_SCRYPT_PARAMS) {}

  async verifyUnknownAccount(password: string): Promise<false> {
    this.dummy ??= hashPassword(randomBytes(16).toString('hex'), this.params);
    await verifyPassword(password, await this.dummy);
    return false;
  }
}

/** A one-time password: 20 characters of an alphabet without look-alikes (about 115 bits). */
export function generateOneTimePassword(random: (size: number) => Uint8Array = randomBytes): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // 55 characters
  let out = '';
  while (out.length < 20) {
    for (const byte of random(32)) {
      if (byte >= 220) continue; // 220 = 4 × 55: larger bytes would favour the first characters
      out += alphabet[byte % 55];
      if (out.length === 20) break;
    }
  }
  return out;
}

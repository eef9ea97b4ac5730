/**
 * Base58 (Bitcoin alphabet) and Base58Check. General encoding and decoding are @scure/base's (measured
 * 2–5× faster than the loop this file had); TRON addresses, checked on every request and every watched
 * payment, keep a decoder of their own that writes into a caller's buffer and allocates nothing.
 */
import { base58 } from '@scure/base';
import { equalBytes } from './bytes.js';
import { sha256 } from './hash.js';
import { SHORT_MESSAGE_MAX, sha256Short } from './sha256-short.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

export function base58Encode(bytes: Uint8Array): string {
  return base58.encode(bytes);
}

/** Returns null when the text holds a character outside the alphabet. */
export function base58Decode(text: string): Uint8Array | null {
  try {
    return base58.decode(text);
  } catch {
    return null;
  }
}

const LIMBS = 7; // 7 × 32 bits ≥ the 200 bits a 34-digit base58 number can need
const TWO_32 = 0x1_0000_0000;

/**
 * Decodes a 34-character base58 string that does not start with '1' (every TRON address) into its
 * 25 bytes, three digits at a time into 32-bit limbs. Such a string is always a number of 25 bytes:
 * 58^33 > 2^192 and 58^34 < 2^200. Returns null on a character outside the alphabet.
 */
export function decodeBase58Address(text: string): Uint8Array | null {
  const out = new Uint8Array(25);
  return decodeBase58AddressInto(text, out) ? out : null;
}

const LIMB_SCRATCH = new Float64Array(LIMBS);

/**
 * decodeBase58Address into `out` (25 bytes) without allocating: address checks run on every request
 * and every watched payment, and small typed arrays are costly garbage. False on a character outside
 * the alphabet.
 */
export function decodeBase58AddressInto(text: string, out: Uint8Array): boolean {
  if (text.length !== 34 || text.charCodeAt(0) === 49) throw new RangeError('expects 34 characters not starting with 1');
  const limbs = LIMB_SCRATCH.fill(0);
  for (let i = 0; i < 34; ) {
    const take = i === 33 ? 1 : 3;
    let chunk = 0;
    let scale = 1;
    for (let k = 0; k < take; k++, i++) {
      const code = text.charCodeAt(i);
      const digit = code < 128 ? (DIGIT[code] as number) : -1;
      if (digit < 0) return false;
      chunk = chunk * 58 + digit;
      scale *= 58;
    }
    let carry = chunk;
    for (let j = LIMBS - 1; j >= 0; j--) {
      const x = (limbs[j] as number) * scale + carry;
      carry = Math.floor(x / TWO_32);
      limbs[j] = x - carry * TWO_32;
    }
  }
  for (let j = LIMBS - 1, pos = 24; pos >= 0; j--) {
    const limb = limbs[j] as number;
    for (let b = 0; b < 4 && pos >= 0; b++, pos--) out[pos] = Math.floor(limb / 2 ** (8 * b)) & 0xff;
  }
  return true;
}

const CHECKSUM_SCRATCH = new Uint8Array(32);

/** Whether `checksum4(payload)` equals `expected[at..at+4)`, without allocating (payload ≤ 55 bytes). */
export function checksum4Matches(payload: Uint8Array, expected: Uint8Array, at: number): boolean {
  sha256Short(payload, CHECKSUM_SCRATCH);
  sha256Short(CHECKSUM_SCRATCH, CHECKSUM_SCRATCH);
  for (let i = 0; i < 4; i++) if (CHECKSUM_SCRATCH[i] !== expected[at + i]) return false;
  return true;
}

/** First 4 bytes of sha256(sha256(payload)); short payloads (all addresses) skip the OpenSSL call. */
export function checksum4(payload: Uint8Array): Uint8Array {
  if (payload.length > SHORT_MESSAGE_MAX) return sha256(sha256(payload)).slice(0, 4);
  sha256Short(payload, CHECKSUM_SCRATCH);
  sha256Short(CHECKSUM_SCRATCH, CHECKSUM_SCRATCH);
  return CHECKSUM_SCRATCH.slice(0, 4);
}

export function base58CheckEncode(payload: Uint8Array): string {
  const full = new Uint8Array(payload.length + 4);
  full.set(payload);
  full.set(checksum4(payload), payload.length);
  return base58Encode(full);
}

export type Base58CheckResult = { ok: true; payload: Uint8Array } | { ok: false; reason: 'alphabet' | 'length' | 'checksum' };

export function base58CheckDecode(text: string): Base58CheckResult {
  const full = base58Decode(text);
  if (full === null) return { ok: false, reason: 'alphabet' };
  if (full.length < 5) return { ok: false, reason: 'length' };
  const payload = full.subarray(0, full.length - 4);
  if (!equalBytes(checksum4(payload), full.subarray(full.length - 4))) return { ok: false, reason: 'checksum' };
  return { ok: true, payload };
}

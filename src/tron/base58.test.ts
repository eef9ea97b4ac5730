import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addressVectors } from '../../test/vectors.js';
import {
  base58CheckDecode,
  base58CheckEncode,
  base58Decode,
  base58Encode,
  checksum4,
  checksum4Matches,
  decodeBase58Address,
} from './base58.js';
import { bytesToHex, hexToBytes } from './bytes.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Reference base58 through BigInt arithmetic, independent of the implementation under test. */
function referenceEncode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let n = bytes.length === 0 ? 0n : BigInt(`0x${bytesToHex(bytes) || '0'}`);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)] + out;
    n /= 58n;
  }
  return '1'.repeat(zeros) + out;
}

/** Deterministic pseudo-random bytes (sha256 counter mode). */
function pseudoRandom(seed: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i * 32 < length; i++) {
    const block = createHash('sha256').update(`${seed}/${i}`).digest();
    out.set(block.subarray(0, Math.min(32, length - i * 32)), i * 32);
  }
  return out;
}

describe('base58 encode/decode', () => {
  it('encodes the known Bitcoin test strings', () => {
    expect(base58Encode(new Uint8Array(0))).toBe('');
    expect(base58Encode(Buffer.from('hello world'))).toBe('StV1DL6CwTryKyV');
    expect(base58Encode(hexToBytes('00'))).toBe('1');
    expect(base58Encode(hexToBytes('0000'))).toBe('11');
    expect(base58Encode(hexToBytes('000001'))).toBe('112');
    expect(base58Encode(hexToBytes('3a'))).toBe('21');
    expect(base58Encode(hexToBytes('39'))).toBe('z');
    expect(base58Encode(hexToBytes('ff'))).toBe('5Q');
  });

  it('round-trips byte strings with 0…5 leading zero bytes and agrees with a BigInt reference', () => {
    for (let zeros = 0; zeros <= 5; zeros++) {
      for (let length = 0; length <= 40; length++) {
        const bytes = new Uint8Array(zeros + length);
        bytes.set(pseudoRandom(`b58/${zeros}/${length}`, length), zeros);
        const encoded = base58Encode(bytes);
        expect(encoded).toBe(referenceEncode(bytes));
        expect(encoded.startsWith('1'.repeat(zeros))).toBe(true);
        const decoded = base58Decode(encoded);
        expect(decoded).not.toBeNull();
        expect(bytesToHex(decoded as Uint8Array)).toBe(bytesToHex(bytes));
      }
    }
  });

  it('round-trips all-zero inputs of every length up to 32', () => {
    for (let length = 0; length <= 32; length++) {
      const bytes = new Uint8Array(length);
      const encoded = base58Encode(bytes);
      expect(encoded).toBe('1'.repeat(length));
      expect(bytesToHex(base58Decode(encoded) as Uint8Array)).toBe(bytesToHex(bytes));
    }
  });

  it('round-trips inputs made of 0xff bytes (maximal carries)', () => {
    for (let length = 1; length <= 40; length++) {
      const bytes = new Uint8Array(length).fill(0xff);
      const encoded = base58Encode(bytes);
      expect(encoded).toBe(referenceEncode(bytes));
      expect(bytesToHex(base58Decode(encoded) as Uint8Array)).toBe(bytesToHex(bytes));
    }
  });

  it('decodes the empty string to zero bytes', () => {
    expect(base58Decode('')).toEqual(new Uint8Array(0));
  });

  it('returns null for characters outside the alphabet', () => {
    for (const bad of ['0', 'O', 'I', 'l', '+', '/', ' ', 'é', '\u0000', '1110', 'abc-']) expect(base58Decode(bad)).toBeNull();
  });
});

describe('base58check', () => {
  it('checksum4 is the first four bytes of sha256(sha256(payload))', () => {
    for (const v of addressVectors().keyVectors) {
      const payload = hexToBytes(v.addressHex);
      expect(bytesToHex(checksum4(payload))).toBe(v.base58check_payload_hex.slice(42));
      expect(base58CheckEncode(payload)).toBe(v.addressBase58);
    }
  });

  it('checksum4Matches compares in place, and a decoded address held elsewhere is not overwritten by the next', () => {
    const [first, second] = addressVectors().keyVectors;
    if (!first || !second) throw new Error('two key vectors expected');
    const full = hexToBytes(first.base58check_payload_hex);
    expect(checksum4Matches(full.subarray(0, 21), full, 21)).toBe(true);
    for (let i = 21; i < 25; i++) {
      const flipped = Uint8Array.from(full);
      flipped[i] = (flipped[i] as number) ^ 1;
      expect(checksum4Matches(flipped.subarray(0, 21), flipped, 21)).toBe(false);
    }
    const a = decodeBase58Address(first.addressBase58);
    const b = decodeBase58Address(second.addressBase58);
    expect(bytesToHex(a as Uint8Array)).toBe(first.base58check_payload_hex);
    expect(bytesToHex(b as Uint8Array)).toBe(second.base58check_payload_hex);
  });

  it('round-trips payloads of several lengths, including leading zero bytes', () => {
    for (const hex of ['00', '0000', '000001', '41', `41${'00'.repeat(20)}`, `0000${'ab'.repeat(30)}`]) {
      const encoded = base58CheckEncode(hexToBytes(hex));
      const decoded = base58CheckDecode(encoded);
      expect(decoded.ok, hex).toBe(true);
      if (decoded.ok) expect(bytesToHex(decoded.payload)).toBe(hex);
    }
  });

  it('reports alphabet, length and checksum failures', () => {
    expect(base58CheckDecode('T0')).toEqual({ ok: false, reason: 'alphabet' });
    expect(base58CheckDecode('2')).toEqual({ ok: false, reason: 'length' });
    expect(base58CheckDecode('')).toEqual({ ok: false, reason: 'length' });
    const good = base58CheckEncode(hexToBytes('41ab'));
    const last = good[good.length - 1] === 'z' ? 'y' : 'z';
    expect(base58CheckDecode(good.slice(0, -1) + last)).toEqual({ ok: false, reason: 'checksum' });
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes.js';
import { SHORT_MESSAGE_MAX, sha256Short } from './sha256-short.js';

function reference(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

describe('sha256Short', () => {
  it('matches the FIPS 180-2 test vector for "abc" and the empty message', () => {
    const out = new Uint8Array(32);
    sha256Short(Buffer.from('abc'), out);
    expect(bytesToHex(out)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    sha256Short(new Uint8Array(0), out);
    expect(bytesToHex(out)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with node:crypto for every length from 0 to 55 bytes on random data', () => {
    const out = new Uint8Array(32);
    for (let len = 0; len <= SHORT_MESSAGE_MAX; len++) {
      for (let round = 0; round < 20; round++) {
        const data = randomBytes(len);
        sha256Short(data, out);
        expect(bytesToHex(out)).toBe(reference(data));
      }
    }
  });

  it('writes at an offset and may hash its own output in place (double sha256)', () => {
    const data = randomBytes(21);
    const buf = new Uint8Array(40);
    sha256Short(data, buf, 8);
    sha256Short(buf.subarray(8, 40), buf, 8);
    const once = createHash('sha256').update(data).digest();
    expect(bytesToHex(buf.subarray(8))).toBe(reference(once));
  });

  it('refuses messages that need a second block', () => {
    expect(() => sha256Short(new Uint8Array(56), new Uint8Array(32))).toThrow(RangeError);
  });
});

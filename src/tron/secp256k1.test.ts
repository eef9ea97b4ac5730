import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBase58Address } from './address.js';
import { bytesToHex, hexToBytes } from './bytes.js';
import { publicKeyToAddressBytes } from './keys.js';
import { nativeBackend, nobleBackend, type Secp256k1Backend, secp } from './secp256k1.js';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = N >> 1n;

function sha(text: string): Uint8Array {
  return createHash('sha256').update(text).digest();
}

function hex32(value: bigint): Uint8Array {
  return hexToBytes(value.toString(16).padStart(64, '0'));
}

/** 200 deterministic "random" keys and digests, plus edge cases. */
function cases(): { key: Uint8Array; digest: Uint8Array }[] {
  const out: { key: Uint8Array; digest: Uint8Array }[] = [];
  for (let i = 0; out.length < 200; i++) {
    const key = sha(`secp-key/${i}`);
    if (!nobleBackend.isValidPrivateKey(key)) continue;
    out.push({ key, digest: sha(`secp-digest/${i}`) });
  }
  out.push({ key: hex32(1n), digest: sha('edge/1') });
  out.push({ key: hex32(N - 1n), digest: sha('edge/n-1') });
  out.push({ key: hex32(2n), digest: new Uint8Array(32) });
  // RFC 6979 reduces a digest ≥ n mod n before deriving the nonce.
  out.push({ key: hex32(3n), digest: new Uint8Array(32).fill(0xff) });
  out.push({ key: sha('edge/n'), digest: hex32(N) });
  out.push({ key: sha('edge/n+1'), digest: hex32(N + 1n) });
  out.push({ key: sha('edge/n-1'), digest: hex32(N - 1n) });
  return out;
}

// The native addon is part of this machine's install; a silent fallback to noble would hide a broken build.
function native(): Secp256k1Backend {
  if (nativeBackend === null) throw new Error('the native secp256k1 addon failed to load');
  return nativeBackend;
}

describe('secp256k1 backends', () => {
  it('loads the native libsecp256k1 backend and uses it by default', () => {
    expect(nativeBackend).not.toBeNull();
    expect(native().name).toBe('native');
    expect(nobleBackend.name).toBe('noble');
    expect(secp).toBe(nativeBackend);
  });

  it('key 00…01 gives TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC with both backends', () => {
    for (const backend of [native(), nobleBackend]) {
      const address = bytesToBase58Address(publicKeyToAddressBytes(backend.publicKey(hex32(1n))));
      expect(address, backend.name).toBe('TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC');
    }
  });

  it('native and noble produce byte-identical low-s signatures and recids for 200+ keys, and recover each other', () => {
    const nat = native();
    for (const { key, digest } of cases()) {
      const label = `key ${bytesToHex(key)} digest ${bytesToHex(digest)}`;
      const publicKey = nat.publicKey(key);
      expect(bytesToHex(nobleBackend.publicKey(key)), label).toBe(bytesToHex(publicKey));
      expect(publicKey).toHaveLength(65);

      const a = nat.sign(digest, key);
      const b = nobleBackend.sign(digest, key);
      expect(a.signature).toHaveLength(64);
      expect(bytesToHex(b.signature), label).toBe(bytesToHex(a.signature));
      expect(b.recid, label).toBe(a.recid);
      expect([0, 1]).toContain(a.recid);
      expect(BigInt(`0x${bytesToHex(a.signature.subarray(32))}`) <= HALF_N, label).toBe(true);

      // Each backend recovers the other's signature.
      const byNoble = nobleBackend.recover(digest, a.signature, a.recid);
      const byNative = nat.recover(digest, b.signature, b.recid);
      expect(byNoble && bytesToHex(byNoble), `noble recovers native: ${label}`).toBe(bytesToHex(publicKey));
      expect(byNative && bytesToHex(byNative), `native recovers noble: ${label}`).toBe(bytesToHex(publicKey));
      // The other recovery id gives another key (or none).
      const wrong = nat.recover(digest, a.signature, a.recid ^ 1);
      if (wrong) expect(bytesToHex(wrong)).not.toBe(bytesToHex(publicKey));
    }
  });

  it('publicKeyTweakAdd agrees for compressed and uncompressed input and output', () => {
    const nat = native();
    for (let i = 0; i < 50; i++) {
      const key = sha(`tweak-key/${i}`);
      const tweak = sha(`tweak/${i}`);
      const uncompressed = nat.publicKey(key);
      const compressed = Uint8Array.from([(uncompressed[64] as number) & 1 ? 3 : 2, ...uncompressed.subarray(1, 33)]);
      for (const input of [uncompressed, compressed]) {
        for (const outCompressed of [false, true]) {
          const x = bytesToHex(nat.publicKeyTweakAdd(input, tweak, outCompressed));
          const y = bytesToHex(nobleBackend.publicKeyTweakAdd(input, tweak, outCompressed));
          expect(y, `case ${i}`).toBe(x);
          expect(x.length).toBe(outCompressed ? 66 : 130);
        }
      }
      // Adding t·G to k·G is the public key of k + t.
      const sum = (BigInt(`0x${bytesToHex(key)}`) + BigInt(`0x${bytesToHex(tweak)}`)) % N;
      expect(bytesToHex(nobleBackend.publicKeyTweakAdd(uncompressed, tweak, false))).toBe(bytesToHex(nat.publicKey(hex32(sum))));
    }
  });

  it('both backends agree on which private keys are valid', () => {
    const candidates = [
      hex32(0n),
      hex32(1n),
      hex32(N - 1n),
      hex32(N),
      hex32(N + 1n),
      new Uint8Array(32).fill(0xff),
      new Uint8Array(31).fill(1),
      new Uint8Array(33).fill(1),
    ];
    const expected = [false, true, true, false, false, false, false, false];
    expect(candidates.map((k) => native().isValidPrivateKey(k))).toEqual(expected);
    expect(candidates.map((k) => nobleBackend.isValidPrivateKey(k))).toEqual(expected);
  });

  it('both backends return null for a signature that does not recover', () => {
    const digest = sha('nothing');
    const zero = new Uint8Array(64);
    const rTooBig = new Uint8Array(64).fill(0xff);
    for (const backend of [native(), nobleBackend]) {
      expect(backend.recover(digest, zero, 0), backend.name).toBeNull();
      expect(backend.recover(digest, rTooBig, 1), backend.name).toBeNull();
    }
  });
});

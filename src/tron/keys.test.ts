import { describe, expect, it } from 'vitest';
import { addressVectors } from '../../test/vectors.js';
import { base58Decode } from './base58.js';
import { bytesToHex, hexToBytes } from './bytes.js';
import { keccak256 } from './hash.js';
import { generatePrivateKey, parsePrivateKey, privateKeyToAccount, privateKeyToAddressBytes, publicKeyToAddressBytes } from './keys.js';
import { nobleBackend, secp } from './secp256k1.js';

const { keyVectors } = addressVectors();

describe('private key → public key → address (addresses.json keyVectors)', () => {
  it.each(keyVectors.map((v) => [v.addressBase58, v] as const))('%s: every intermediate value matches the vector', (_, v) => {
    const privateKey = hexToBytes(v.privateKey);
    const publicKey = secp.publicKey(privateKey);
    expect(bytesToHex(publicKey)).toBe(v.publicKeyUncompressed);
    expect(bytesToHex(nobleBackend.publicKey(privateKey))).toBe(v.publicKeyUncompressed);
    expect(bytesToHex(keccak256(publicKey.subarray(1)))).toBe(v.keccak256_of_pubXY);

    const addressBytes = publicKeyToAddressBytes(publicKey);
    expect(bytesToHex(addressBytes)).toBe(v.addressHex);
    expect(`0x${bytesToHex(addressBytes.subarray(1))}`).toBe(v.addressEvm0x);

    const account = privateKeyToAccount(v.privateKey);
    expect(account.hex).toBe(v.addressHex);
    expect(account.base58).toBe(v.addressBase58);
    if (v.expectedFromSource !== null) expect(account.base58).toBe(v.expectedFromSource);
    expect(bytesToHex(privateKeyToAddressBytes(privateKey))).toBe(v.addressHex);

    // The base58 string decodes to address ‖ sha256(sha256(address))[0..4].
    const payload = base58Decode(v.addressBase58);
    expect(payload).not.toBeNull();
    expect(bytesToHex(payload as Uint8Array)).toBe(v.base58check_payload_hex);
  });

  it('accepts the private key in any hex case and as bytes', () => {
    for (const v of keyVectors) {
      expect(privateKeyToAccount(v.privateKey.toUpperCase()).hex).toBe(v.addressHex);
      expect(privateKeyToAccount(`0x${v.privateKey}`).hex).toBe(v.addressHex);
      expect(privateKeyToAccount(hexToBytes(v.privateKey)).hex).toBe(v.addressHex);
    }
  });

  it('rejects private keys outside 1 … n-1 and of the wrong length', () => {
    const n = 'fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141';
    expect(() => parsePrivateKey('00'.repeat(32))).toThrow(TypeError);
    expect(() => parsePrivateKey(n)).toThrow(TypeError);
    expect(() => parsePrivateKey('01'.repeat(31))).toThrow(TypeError);
    expect(() => parsePrivateKey('01'.repeat(33))).toThrow(TypeError);
    expect(() => parsePrivateKey('zz'.repeat(32))).toThrow(TypeError);
    expect(bytesToHex(parsePrivateKey(`${n.slice(0, -2)}40`))).toBe(`${n.slice(0, -2)}40`);
  });

  it('rejects public keys that are not 65-byte uncompressed points', () => {
    const pub = hexToBytes(keyVectors[0]!.publicKeyUncompressed);
    expect(() => publicKeyToAddressBytes(pub.subarray(0, 33))).toThrow(TypeError);
    const wrongPrefix = Uint8Array.from(pub);
    wrongPrefix[0] = 0x03;
    expect(() => publicKeyToAddressBytes(wrongPrefix)).toThrow(TypeError);
  });

  it('generates distinct valid private keys whose addresses are T… base58', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const key = generatePrivateKey();
      expect(key.length).toBe(32);
      expect(secp.isValidPrivateKey(key)).toBe(true);
      const account = privateKeyToAccount(key);
      expect(account.base58).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
      seen.add(bytesToHex(key));
    }
    expect(seen.size).toBe(20);
  });
});

/** Private key → public key → TRON address, and random key generation. */
import { randomBytes } from 'node:crypto';
import { bytesToBase58Address } from './address.js';
import { bytesToHex, hexToBytes } from './bytes.js';
import { keccak256 } from './hash.js';
import { secp } from './secp256k1.js';

export interface TronAccount {
  /** "41…" hex */
  hex: string;
  /** "T…" base58check */
  base58: string;
}

/** 21-byte address from a 65-byte uncompressed public key: 0x41 ‖ keccak256(X‖Y)[12..32]. */
export function publicKeyToAddressBytes(publicKey: Uint8Array): Uint8Array {
  if (publicKey.length !== 65 || publicKey[0] !== 0x04) throw new TypeError('expected a 65-byte uncompressed public key');
  const hash = keccak256(publicKey.subarray(1));
  const out = new Uint8Array(21);
  out[0] = 0x41;
  out.set(hash.subarray(12), 1);
  return out;
}

export function parsePrivateKey(privateKey: string | Uint8Array): Uint8Array {
  const bytes = typeof privateKey === 'string' ? hexToBytes(privateKey) : privateKey;
  if (!secp.isValidPrivateKey(bytes)) throw new TypeError('invalid secp256k1 private key');
  return bytes;
}

export function privateKeyToAddressBytes(privateKey: string | Uint8Array): Uint8Array {
  return publicKeyToAddressBytes(secp.publicKey(parsePrivateKey(privateKey)));
}

export function privateKeyToAccount(privateKey: string | Uint8Array): TronAccount {
  const bytes = privateKeyToAddressBytes(privateKey);
  return { hex: bytesToHex(bytes), base58: bytesToBase58Address(bytes) };
}

/** A fresh key from the OS CSPRNG. */
export function generatePrivateKey(): Uint8Array {
  for (;;) {
    const candidate = randomBytes(32);
    if (secp.isValidPrivateKey(candidate)) return candidate;
  }
}

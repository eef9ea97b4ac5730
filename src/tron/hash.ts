import { createHash } from 'node:crypto';
import { keccak_256 } from '@noble/hashes/sha3.js';

/** sha256 through OpenSSL: txIDs, block ids and base58 checksums sit on hot paths. */
export function sha256(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(data).digest();
}

export function keccak256(data: Uint8Array): Uint8Array {
  return keccak_256(data);
}

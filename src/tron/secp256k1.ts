/**
 * secp256k1 behind one small interface with two backends: libsecp256k1 (the `secp256k1` package's
 * native binding, ~10x faster, used on hot paths) and @noble/curves (pure JS, the fallback when the
 * native addon cannot load). Both are deterministic RFC 6979 low-s signers and are tested to agree.
 */
import { createRequire } from 'node:module';
import { secp256k1 as noble } from '@noble/curves/secp256k1.js';

export interface Secp256k1Backend {
  readonly name: 'native' | 'noble';
  /** 65-byte uncompressed public key (0x04‖X‖Y). */
  publicKey(privateKey: Uint8Array): Uint8Array;
  /** Signs a 32-byte digest as is (no pre-hash). Returns the 64-byte r‖s and the recovery id 0/1. */
  sign(digest: Uint8Array, privateKey: Uint8Array): { signature: Uint8Array; recid: number };
  /** Recovers the 65-byte uncompressed public key, or null if the signature does not recover. */
  recover(digest: Uint8Array, signature64: Uint8Array, recid: number): Uint8Array | null;
  /** Adds tweak·G to a public key (BIP-32 public child derivation). */
  publicKeyTweakAdd(publicKey: Uint8Array, tweak: Uint8Array, compressed: boolean): Uint8Array;
  isValidPrivateKey(privateKey: Uint8Array): boolean;
}

export const nobleBackend: Secp256k1Backend = {
  name: 'noble',
  publicKey: (privateKey) => noble.getPublicKey(privateKey, false),
  sign(digest, privateKey) {
    const recovered = noble.sign(digest, privateKey, { prehash: false, format: 'recovered', lowS: true });
    // noble v2 puts the recovery byte first: recid‖r‖s.
    return { signature: recovered.subarray(1), recid: recovered[0] as number };
  },
  recover(digest, signature64, recid) {
    try {
      const withRecid = new Uint8Array(65);
      withRecid[0] = recid;
      withRecid.set(signature64, 1);
      const sig = noble.Signature.fromBytes(withRecid, 'recovered');
      return sig.recoverPublicKey(digest).toBytes(false);
    } catch {
      return null;
    }
  },
  publicKeyTweakAdd(publicKey, tweak, compressed) {
    const point = noble.Point.fromBytes(publicKey).add(noble.Point.BASE.multiply(bytesToBigint(tweak)));
    return point.toBytes(compressed);
  },
  isValidPrivateKey: (privateKey) => noble.utils.isValidSecretKey(privateKey),
};

function bytesToBigint(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

const CURVE_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/**
 * RFC 6979 derives the nonce from the digest reduced mod n (bits2octets); the bundled libsecp256k1
 * feeds the unreduced 32 bytes instead, so for a digest ≥ n it would pick another nonce than noble
 * and TronWeb. Reducing first keeps the backends byte-identical and changes nothing else, since
 * libsecp256k1 reduces the digest mod n for s anyway. Only digests starting with 0xff can be ≥ n.
 */
function reduceDigest(digest: Uint8Array): Uint8Array {
  if (digest.length !== 32 || digest[0] !== 0xff) return digest;
  const value = bytesToBigint(digest);
  return value < CURVE_ORDER ? digest : Buffer.from((value - CURVE_ORDER).toString(16).padStart(64, '0'), 'hex');
}

interface NativeBinding {
  publicKeyCreate(privateKey: Uint8Array, compressed: boolean): Uint8Array;
  ecdsaSign(digest: Uint8Array, privateKey: Uint8Array): { signature: Uint8Array; recid: number };
  ecdsaRecover(signature: Uint8Array, recid: number, digest: Uint8Array, compressed: boolean): Uint8Array;
  publicKeyTweakAdd(publicKey: Uint8Array, tweak: Uint8Array, compressed: boolean): Uint8Array;
  privateKeyVerify(privateKey: Uint8Array): boolean;
}

function loadNative(): Secp256k1Backend | null {
  try {
    const require = createRequire(import.meta.url);
    // `secp256k1/bindings` throws when the compiled addon is missing, unlike the package root,
    // which silently falls back to the much slower `elliptic`.
    const lib = require('secp256k1/bindings') as NativeBinding;
    return {
      name: 'native',
      publicKey: (privateKey) => lib.publicKeyCreate(privateKey, false),
      sign: (digest, privateKey) => {
        const { signature, recid } = lib.ecdsaSign(reduceDigest(digest), privateKey);
        return { signature: Uint8Array.from(signature), recid };
      },
      recover(digest, signature64, recid) {
        try {
          return lib.ecdsaRecover(signature64, recid, digest, false);
        } catch {
          return null;
        }
      },
      publicKeyTweakAdd: (publicKey, tweak, compressed) => lib.publicKeyTweakAdd(publicKey, tweak, compressed),
      isValidPrivateKey: (privateKey) => privateKey.length === 32 && lib.privateKeyVerify(privateKey),
    };
  } catch {
    return null;
  }
}

export const nativeBackend: Secp256k1Backend | null = loadNative();

/** The fastest backend available on this machine. */
export const secp: Secp256k1Backend = nativeBackend ?? nobleBackend;

/**
 * BIP-39 mnemonics and BIP-32 derivation on TRON's coin type 195 (`m/44'/195'/account'/0/index`).
 * Deposit addresses are derived from a cached account-level public node, so handing out a fresh
 * address costs one HMAC and one point addition instead of a full path walk.
 */
import { createHmac } from 'node:crypto';
import { HDKey } from '@scure/bip32';
import { generateMnemonic as bip39Generate, validateMnemonic as bip39Validate, mnemonicToSeedSync } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { bytesToBase58Address } from './address.js';
import { bytesToHex } from './bytes.js';
import { publicKeyToAddressBytes, type TronAccount } from './keys.js';
import { secp } from './secp256k1.js';

export const TRON_COIN_TYPE = 195;
const HARDENED = 0x80000000;

export function tronPath(account: number, index: number, change = 0): string {
  return `m/44'/${TRON_COIN_TYPE}'/${account}'/${change}/${index}`;
}

export function generateMnemonic(strengthBits: 128 | 256 = 256): string {
  return bip39Generate(wordlist, strengthBits);
}

export function validateMnemonic(mnemonic: string): boolean {
  return bip39Validate(normalizeMnemonic(mnemonic), wordlist);
}

function normalizeMnemonic(mnemonic: string): string {
  return mnemonic.trim().split(/\s+/).join(' ');
}

export interface DerivedAccount extends TronAccount {
  path: string;
  privateKey: Uint8Array;
}

interface PublicNode {
  publicKey: Uint8Array; // compressed
  chainCode: Uint8Array;
}

export class HdWallet {
  private readonly changeNodes = new Map<string, PublicNode>();

  private constructor(private readonly root: HDKey) {}

  static fromMnemonic(mnemonic: string, passphrase = ''): HdWallet {
    const normalized = normalizeMnemonic(mnemonic);
    if (!bip39Validate(normalized, wordlist)) throw new TypeError('invalid BIP-39 mnemonic');
    return new HdWallet(HDKey.fromMasterSeed(mnemonicToSeedSync(normalized, passphrase)));
  }

  static fromSeed(seed: Uint8Array): HdWallet {
    return new HdWallet(HDKey.fromMasterSeed(seed));
  }

  /** Extended public key of `m/44'/195'/account'` (what watch-only tools import). */
  accountXpub(account: number): string {
    return this.root.derive(`m/44'/${TRON_COIN_TYPE}'/${account}'`).publicExtendedKey;
  }

  derive(path: string): DerivedAccount {
    const node = this.root.derive(path);
    if (!node.privateKey) throw new Error(`no private key at ${path}`);
    const bytes = publicKeyToAddressBytes(secp.publicKey(node.privateKey));
    return { path, privateKey: node.privateKey, hex: bytesToHex(bytes), base58: bytesToBase58Address(bytes) };
  }

  deriveAt(account: number, index: number, change = 0): DerivedAccount {
    return this.derive(tronPath(account, index, change));
  }

  /** Address at `m/44'/195'/account'/change/index` through public derivation (no private key touched). */
  addressAt(account: number, index: number, change = 0): TronAccount {
    if (!Number.isInteger(index) || index < 0 || index >= HARDENED) throw new RangeError('index must be 0 … 2^31-1');
    const parent = this.changeNode(account, change);
    const data = Buffer.alloc(37);
    data.set(parent.publicKey, 0);
    data.writeUInt32BE(index, 33);
    const digest = createHmac('sha512', parent.chainCode).update(data).digest();
    const child = secp.publicKeyTweakAdd(parent.publicKey, digest.subarray(0, 32), false);
    const bytes = publicKeyToAddressBytes(child);
    return { hex: bytesToHex(bytes), base58: bytesToBase58Address(bytes) };
  }

  private changeNode(account: number, change: number): PublicNode {
    const key = `${account}/${change}`;
    let node = this.changeNodes.get(key);
    if (!node) {
      const hd = this.root.derive(`m/44'/${TRON_COIN_TYPE}'/${account}'/${change}`);
      if (!hd.publicKey || !hd.chainCode) throw new Error('derivation failed');
      node = { publicKey: hd.publicKey, chainCode: hd.chainCode };
      this.changeNodes.set(key, node);
    }
    return node;
  }
}

import { mnemonicToSeedSync } from '@scure/bip39';
import { describe, expect, it } from 'vitest';
import { bip44Vectors } from '../../test/vectors.js';
import { bytesToHex, hexToBytes } from './bytes.js';
import { generateMnemonic, HdWallet, TRON_COIN_TYPE, tronPath, validateMnemonic } from './hd.js';
import { secp } from './secp256k1.js';

const { vectors } = bip44Vectors();

/** 33-byte compressed form of a 65-byte uncompressed key, computed by hand. */
function compress(uncompressed: Uint8Array): string {
  const x = uncompressed.subarray(1, 33);
  const yIsOdd = ((uncompressed[64] as number) & 1) === 1;
  return (yIsOdd ? '03' : '02') + bytesToHex(x);
}

/** "m/44'/195'/0'/0/2" → [account, change, index] */
function pathParts(path: string): [number, number, number] {
  const m = /^m\/44'\/195'\/(\d+)'\/(\d+)\/(\d+)$/.exec(path);
  if (!m) throw new Error(`unexpected path ${path}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

describe('BIP-44 derivation on coin type 195 (bip44.json)', () => {
  it("uses coin type 195 and the m/44'/195'/account'/change/index layout", () => {
    expect(TRON_COIN_TYPE).toBe(bip44Vectors().coinType);
    expect(tronPath(0, 0)).toBe("m/44'/195'/0'/0/0");
    expect(tronPath(3, 17, 1)).toBe("m/44'/195'/3'/1/17");
  });

  describe.each(vectors.map((v) => [v.mnemonic.split(' ').slice(0, 3).join(' '), v] as const))('mnemonic "%s …"', (_, v) => {
    const wallet = HdWallet.fromMnemonic(v.mnemonic, v.passphrase);

    it('is a valid mnemonic whose seed matches seedHex', () => {
      expect(validateMnemonic(v.mnemonic)).toBe(true);
      expect(bytesToHex(mnemonicToSeedSync(v.mnemonic, v.passphrase))).toBe(v.seedHex);
      expect(HdWallet.fromSeed(hexToBytes(v.seedHex)).deriveAt(0, 0).base58).toBe(v.derived[0]!.addressBase58);
    });

    it.each(v.derived.map((d) => [d.path, d] as const))('%s: derive/deriveAt give the vector key and address', (path, d) => {
      const [account, change, index] = pathParts(path);
      for (const derived of [wallet.derive(path), wallet.deriveAt(account, index, change)]) {
        expect(derived.path).toBe(path);
        expect(bytesToHex(derived.privateKey)).toBe(d.privateKey);
        expect(compress(secp.publicKey(derived.privateKey))).toBe(d.publicKeyCompressed);
        expect(derived.hex).toBe(d.addressHex);
        expect(derived.base58).toBe(d.addressBase58);
      }
      expect(wallet.addressAt(account, index, change)).toEqual({ hex: d.addressHex, base58: d.addressBase58 });
    });

    it("accountXpub(0) equals the m/44'/195'/0' xpub", () => {
      expect(wallet.accountXpub(0)).toBe(v.accountXpub_m44_195_0);
    });

    it('addressAt (public derivation) agrees with deriveAt for indices 0…50 on both chains', () => {
      for (let index = 0; index <= 50; index++) {
        const { hex, base58 } = wallet.deriveAt(0, index);
        expect(wallet.addressAt(0, index), `index ${index}`).toEqual({ hex, base58 });
      }
      for (const index of [0, 1, 2]) {
        const { hex, base58 } = wallet.deriveAt(1, index, 1);
        expect(wallet.addressAt(1, index, 1)).toEqual({ hex, base58 });
      }
    });

    it('addressAt handles the largest non-hardened index and rejects out-of-range ones', () => {
      const max = 0x7fffffff;
      const { hex, base58 } = wallet.deriveAt(0, max);
      expect(wallet.addressAt(0, max)).toEqual({ hex, base58 });
      for (const bad of [-1, 0x80000000, 1.5, Number.NaN]) expect(() => wallet.addressAt(0, bad)).toThrow(RangeError);
    });
  });

  it('a passphrase changes every derived address', () => {
    const v = vectors[0]!;
    const withPassphrase = HdWallet.fromMnemonic(v.mnemonic, 'TREZOR');
    expect(withPassphrase.deriveAt(0, 0).base58).not.toBe(v.derived[0]!.addressBase58);
  });

  it('tolerates extra whitespace around and between words', () => {
    const v = vectors[1]!;
    const messy = `  ${v.mnemonic.split(' ').join('   ')}\n`;
    expect(validateMnemonic(messy)).toBe(true);
    expect(HdWallet.fromMnemonic(messy).deriveAt(0, 0).base58).toBe(v.derived[0]!.addressBase58);
  });
});

describe('mnemonic validation and generation', () => {
  it('rejects a word list with a bad checksum', () => {
    const badChecksum = Array(12).fill('abandon').join(' ');
    expect(validateMnemonic(badChecksum)).toBe(false);
    expect(() => HdWallet.fromMnemonic(badChecksum)).toThrow(TypeError);
    const swapped = vectors[0]!.mnemonic.split(' ');
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(validateMnemonic(swapped.join(' '))).toBe(false);
  });

  it('rejects words outside the English list and wrong word counts', () => {
    expect(validateMnemonic(vectors[1]!.mnemonic.replace('about', 'abouts'))).toBe(false);
    expect(validateMnemonic('abandon abandon abandon')).toBe(false);
    expect(validateMnemonic('')).toBe(false);
  });

  it('generateMnemonic produces valid, distinct 24-word phrases (12 words with 128 bits)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const phrase = generateMnemonic();
      expect(phrase.split(' ')).toHaveLength(24);
      expect(validateMnemonic(phrase)).toBe(true);
      seen.add(phrase);
    }
    expect(seen.size).toBe(10);
    const short = generateMnemonic(128);
    expect(short.split(' ')).toHaveLength(12);
    expect(validateMnemonic(short)).toBe(true);
    expect(HdWallet.fromMnemonic(short).addressAt(0, 0).base58).toMatch(/^T/);
  });
});

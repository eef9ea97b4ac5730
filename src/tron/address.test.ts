import { describe, expect, it } from 'vitest';
import { addressVectors } from '../../test/vectors.js';
import {
  addressToBytes,
  bytesToBase58Address,
  checkAddress,
  checkBase58Address,
  checkHexAddress,
  fromEvmAddress,
  InvalidAddressError,
  isAddress,
  toBase58Address,
  toEvmAddress,
  toHexAddress,
} from './address.js';
import { base58CheckEncode } from './base58.js';
import { bytesToHex, hexToBytes } from './bytes.js';

const vectors = addressVectors();
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const USDT_HEX = '41a614f803b6fd780986a42c78ec9c7f77e6ded13c';

/** All addresses with both forms known from the vectors. */
const pairs = [
  ...vectors.knownAddresses.map((a) => ({ base58: a.base58, hex: a.hex })),
  ...vectors.keyVectors.map((k) => ({ base58: k.addressBase58, hex: k.addressHex })),
];

function reasonOf(input: unknown): string {
  const check = checkBase58Address(input);
  return check.ok ? 'ok' : check.reason;
}

describe('hex ↔ base58 conversion', () => {
  it.each(pairs.map((p) => [p.base58, p.hex] as const))('%s ↔ %s in both directions', (base58, hex) => {
    expect(toHexAddress(base58)).toBe(hex);
    expect(toBase58Address(hex)).toBe(base58);
    expect(toBase58Address(base58)).toBe(base58);
    expect(toHexAddress(hex)).toBe(hex);
    expect(toHexAddress(hex.toUpperCase())).toBe(hex);
    expect(toHexAddress(`0x${hex}`)).toBe(hex);
    expect(bytesToHex(addressToBytes(base58))).toBe(hex);
    expect(bytesToBase58Address(hexToBytes(hex))).toBe(base58);
    const check = checkBase58Address(base58);
    expect(check).toMatchObject({ ok: true, hex, base58 });
  });

  it('every base58 address is 34 characters starting with T', () => {
    for (const p of pairs) expect(p.base58).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
  });

  it('bytesToBase58Address refuses anything but 21 bytes with the 0x41 prefix', () => {
    expect(() => bytesToBase58Address(hexToBytes(USDT_HEX).subarray(1))).toThrow(InvalidAddressError);
    const wrongPrefix = hexToBytes(USDT_HEX);
    wrongPrefix[0] = 0x42;
    expect(() => bytesToBase58Address(wrongPrefix)).toThrow(InvalidAddressError);
  });

  it('throws InvalidAddressError carrying the reason for garbage input', () => {
    expect(() => toHexAddress('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u')).toThrow(InvalidAddressError);
    try {
      toBase58Address('not an address');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidAddressError);
      expect((err as InvalidAddressError).reason).toBe('length');
    }
  });
});

describe('isAddress (tronweb test/index.test.ts cases)', () => {
  const cases = vectors.isAddressCases_from_tronweb_test_index;
  it.each(cases.valid)('accepts %s', (address) => {
    expect(isAddress(address)).toBe(true);
  });
  it.each(cases.invalid)('rejects %s', (address) => {
    expect(isAddress(address)).toBe(false);
  });
  it('rejects non-strings and the empty string', () => {
    for (const input of [undefined, null, 0, 41, {}, [], '', Buffer.from(USDT_HEX, 'hex')]) expect(isAddress(input)).toBe(false);
  });
});

describe('checkBase58Address: strict validation with a reason', () => {
  it('accepts a valid address and returns its bytes and hex', () => {
    const check = checkBase58Address(USDT);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.hex).toBe(USDT_HEX);
      expect(bytesToHex(check.bytes)).toBe(USDT_HEX);
      expect(check.base58).toBe(USDT);
    }
  });

  it('reports "checksum" when any single character after the leading T is changed', () => {
    for (const { base58 } of pairs) {
      for (let i = 1; i < base58.length; i++) {
        const c = base58[i] as string;
        const replacement = ALPHABET[(ALPHABET.indexOf(c) + 1) % ALPHABET.length] as string;
        const mutated = base58.slice(0, i) + replacement + base58.slice(i + 1);
        expect(reasonOf(mutated), `${mutated} (position ${i})`).toBe('checksum');
      }
    }
  });

  it('reports "length" for 33 and 35 characters', () => {
    expect(reasonOf(USDT.slice(0, 33))).toBe('length');
    expect(reasonOf(USDT.slice(1))).toBe('length');
    expect(reasonOf(`${USDT}1`)).toBe('length');
    expect(reasonOf(`${USDT}z`)).toBe('length');
    const check = checkBase58Address(`${USDT}z`);
    expect(check.ok ? '' : check.message).toContain('35');
  });

  it('reports "prefix" for a valid base58check of a 21-byte payload with a version byte other than 0x41', () => {
    const payload = hexToBytes(USDT_HEX);
    for (const version of [0x00, 0x05, 0x40, 0x42, 0x80]) {
      payload[0] = version;
      const encoded = base58CheckEncode(payload);
      expect(encoded).toHaveLength(34);
      const check = checkBase58Address(encoded);
      expect(check.ok).toBe(false);
      if (!check.ok) {
        expect(check.reason).toBe('prefix');
        expect(check.message).toContain(`0x${version.toString(16).padStart(2, '0')}`);
      }
    }
  });

  it('never accepts a 21-byte payload whose version byte is not 0x41', () => {
    const payload = hexToBytes(USDT_HEX);
    for (let version = 0; version < 256; version++) {
      if (version === 0x41) continue;
      payload[0] = version;
      const encoded = base58CheckEncode(payload);
      // Versions whose encoding is not 34 characters long are caught by the length check first.
      expect(reasonOf(encoded)).toBe(encoded.length === 34 ? 'prefix' : 'length');
    }
  });

  it('reports "length" for a 34-character base58check whose payload is not 21 bytes', () => {
    // 00 01 ff×20: a leading zero byte becomes "1", the remaining 25 bytes take 33 characters.
    const encoded = base58CheckEncode(hexToBytes(`0001${'ff'.repeat(20)}`));
    expect(encoded).toHaveLength(34);
    const check = checkBase58Address(encoded);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.reason).toBe('length');
      expect(check.message).toContain('22 bytes');
    }
  });

  it.each(['0', 'O', 'I', 'l'])('reports "alphabet" for the non-base58 character %s', (ch) => {
    const mutated = `${USDT.slice(0, 10)}${ch}${USDT.slice(11)}`;
    expect(mutated).toHaveLength(34);
    expect(reasonOf(mutated)).toBe('alphabet');
  });

  it('reports "alphabet" for non-ASCII characters', () => {
    expect(reasonOf(`${USDT.slice(0, 33)}é`)).toBe('alphabet');
    expect(reasonOf(`${USDT.slice(0, 33)} `)).toBe('alphabet');
  });

  it('reports "hex_form" when a hex address is given where base58 is expected', () => {
    expect(reasonOf(USDT_HEX)).toBe('hex_form');
    expect(reasonOf(USDT_HEX.toUpperCase())).toBe('hex_form');
    expect(reasonOf(`0x${USDT_HEX}`)).toBe('hex_form');
    expect(reasonOf(`0x${USDT_HEX.slice(2)}`)).toBe('hex_form');
  });

  it('reports "type" for non-strings and "empty" for the empty string', () => {
    for (const input of [undefined, null, 1, 1n, {}, [], true, hexToBytes(USDT_HEX)]) expect(reasonOf(input)).toBe('type');
    expect(reasonOf('')).toBe('empty');
  });
});

describe('checkHexAddress and checkAddress', () => {
  it('checkHexAddress accepts 41-prefixed hex in any case, with or without 0x', () => {
    expect(checkHexAddress(USDT_HEX)).toMatchObject({ ok: true, hex: USDT_HEX, base58: USDT });
    expect(checkHexAddress(USDT_HEX.toUpperCase())).toMatchObject({ ok: true, hex: USDT_HEX, base58: USDT });
    expect(checkHexAddress(`0x${USDT_HEX}`)).toMatchObject({ ok: true, hex: USDT_HEX, base58: USDT });
  });

  it('checkHexAddress gives a reason for each kind of bad input', () => {
    const reason = (input: unknown) => {
      const c = checkHexAddress(input);
      return c.ok ? 'ok' : c.reason;
    };
    expect(reason(42)).toBe('type');
    expect(reason('')).toBe('empty');
    expect(reason(`${USDT_HEX.slice(0, 40)}zz`)).toBe('format');
    expect(reason(USDT_HEX.slice(0, 40))).toBe('length');
    expect(reason(`42${USDT_HEX.slice(2)}`)).toBe('prefix');
  });

  it('checkAddress accepts both forms and nothing else', () => {
    expect(checkAddress(USDT)).toMatchObject({ ok: true, hex: USDT_HEX });
    expect(checkAddress(USDT_HEX)).toMatchObject({ ok: true, base58: USDT });
    expect(checkAddress(`0x${USDT_HEX.slice(2)}`).ok).toBe(false);
  });
});

describe('EVM form', () => {
  it.each(vectors.keyVectors.map((k) => [k.addressBase58, k] as const))('%s ↔ its 20-byte EVM form', (_, k) => {
    const evm = k.addressEvm0x.slice(2);
    expect(toEvmAddress(k.addressBase58)).toBe(evm);
    expect(toEvmAddress(k.addressHex)).toBe(evm);
    expect(fromEvmAddress(k.addressEvm0x)).toBe(k.addressHex);
    expect(fromEvmAddress(evm)).toBe(k.addressHex);
    expect(fromEvmAddress(`0X${evm.toUpperCase()}`)).toBe(k.addressHex);
  });

  it('fromEvmAddress rejects anything but 20 bytes of hex', () => {
    expect(() => fromEvmAddress('0x1234')).toThrow(InvalidAddressError);
    expect(() => fromEvmAddress(USDT_HEX)).toThrow(InvalidAddressError);
    expect(() => fromEvmAddress(`${'z'.repeat(40)}`)).toThrow(InvalidAddressError);
  });

  it('toEvmAddress rejects invalid addresses', () => {
    expect(() => toEvmAddress('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u')).toThrow(InvalidAddressError);
  });
});

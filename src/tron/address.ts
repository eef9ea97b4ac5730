/**
 * TRON addresses in their three forms: base58check ("T…", 34 chars), hex (21 bytes, "41…") and the
 * 20-byte EVM form used inside contract calls and event topics.
 */
import { base58CheckDecode, base58CheckEncode, checksum4Matches, decodeBase58AddressInto } from './base58.js';
import { bytesToHex, hexToBytes, isHex } from './bytes.js';

export const ADDRESS_PREFIX = 0x41;
export const BASE58_ADDRESS_LENGTH = 34;

export type AddressProblem = 'empty' | 'type' | 'length' | 'alphabet' | 'checksum' | 'prefix' | 'hex_form' | 'format';

export type AddressCheck =
  | { ok: true; hex: string; base58: string; bytes: Uint8Array }
  | { ok: false; reason: AddressProblem; message: string };

export class InvalidAddressError extends Error {
  constructor(
    readonly reason: AddressProblem,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidAddressError';
  }
}

function fail(reason: AddressProblem, message: string): AddressCheck {
  return { ok: false, reason, message };
}

/** Strict check of a base58check address, the only form the gateway API accepts from people. */
export function checkBase58Address(input: unknown): AddressCheck {
  if (typeof input !== 'string') return fail('type', 'address must be a string');
  if (input.length === BASE58_ADDRESS_LENGTH && input.charCodeAt(0) !== 49) return checkAddressDigits(input);
  if (input.length === 0) return fail('empty', 'address is empty');
  if (/^(0x)?41[0-9a-fA-F]{40}$/.test(input) || /^0x[0-9a-fA-F]{40}$/.test(input)) {
    return fail('hex_form', 'address is in hex form; a base58 address starting with T is expected');
  }
  if (input.length !== BASE58_ADDRESS_LENGTH) {
    return fail('length', `address must be ${BASE58_ADDRESS_LENGTH} characters, got ${input.length}`);
  }
  const decoded = base58CheckDecode(input);
  if (!decoded.ok) {
    if (decoded.reason === 'alphabet') return fail('alphabet', ALPHABET_MESSAGE);
    if (decoded.reason === 'checksum') return fail('checksum', CHECKSUM_MESSAGE);
    return fail('length', 'address does not decode to 21 bytes');
  }
  const payload = decoded.payload;
  if (payload.length !== 21) return fail('length', `address decodes to ${payload.length} bytes, 21 expected`);
  return checkPrefix(Uint8Array.from(payload), input);
}

const ALPHABET_MESSAGE = 'address contains a character outside the base58 alphabet (0, O, I and l are not used)';
const CHECKSUM_MESSAGE = 'address checksum does not match (mistyped address?)';

const DIGITS_SCRATCH = new Uint8Array(25);
const PAYLOAD_SCRATCH = new Uint8Array(21);

/** The hot path: 34 characters not starting with '1' always decode to exactly 25 bytes. */
function checkAddressDigits(input: string): AddressCheck {
  if (!decodeBase58AddressInto(input, DIGITS_SCRATCH)) return fail('alphabet', ALPHABET_MESSAGE);
  for (let i = 0; i < 21; i++) PAYLOAD_SCRATCH[i] = DIGITS_SCRATCH[i] as number;
  if (!checksum4Matches(PAYLOAD_SCRATCH, DIGITS_SCRATCH, 21)) return fail('checksum', CHECKSUM_MESSAGE);
  return checkPrefix(PAYLOAD_SCRATCH.slice(), input);
}

function checkPrefix(bytes: Uint8Array, base58: string): AddressCheck {
  if (bytes[0] !== ADDRESS_PREFIX) {
    return fail('prefix', `address has version byte 0x${(bytes[0] as number).toString(16).padStart(2, '0')}, 0x41 (T…) expected`);
  }
  return { ok: true, bytes, hex: bytesToHex(bytes), base58 };
}

/** Check of a 21-byte hex address ("41" + 40 hex digits, optional 0x). */
export function checkHexAddress(input: unknown): AddressCheck {
  if (typeof input !== 'string') return fail('type', 'address must be a string');
  const clean = input.startsWith('0x') ? input.slice(2) : input;
  if (clean.length === 0) return fail('empty', 'address is empty');
  if (!isHex(clean)) return fail('format', 'hex address contains non-hex characters');
  if (clean.length !== 42) return fail('length', `hex address must be 42 hex digits, got ${clean.length}`);
  const bytes = hexToBytes(clean);
  if (bytes[0] !== ADDRESS_PREFIX) return fail('prefix', 'hex address must start with 41');
  return { ok: true, bytes, hex: clean.toLowerCase(), base58: base58CheckEncode(bytes) };
}

/** Accepts either form, as java-tron does when `visible` is not set. */
export function checkAddress(input: unknown): AddressCheck {
  if (typeof input === 'string' && /^(0x)?41[0-9a-fA-F]{40}$/.test(input)) return checkHexAddress(input);
  return checkBase58Address(input);
}

export function isAddress(input: unknown): boolean {
  return checkAddress(input).ok;
}

function must(check: AddressCheck): Extract<AddressCheck, { ok: true }> {
  if (!check.ok) throw new InvalidAddressError(check.reason, check.message);
  return check;
}

/** Any accepted form → 21 raw bytes. Throws InvalidAddressError. */
export function addressToBytes(address: string): Uint8Array {
  return must(checkAddress(address)).bytes;
}

/** Any accepted form → "41…" lowercase hex. */
export function toHexAddress(address: string): string {
  return must(checkAddress(address)).hex;
}

/** Any accepted form → base58 "T…". */
export function toBase58Address(address: string): string {
  return must(checkAddress(address)).base58;
}

export function bytesToBase58Address(bytes: Uint8Array): string {
  if (bytes.length !== 21 || bytes[0] !== ADDRESS_PREFIX) throw new InvalidAddressError('length', 'not a 21-byte 0x41 address');
  return base58CheckEncode(bytes);
}

/** 20-byte EVM form (40 lowercase hex digits, no 0x) used in ABI words and event topics. */
export function toEvmAddress(address: string): string {
  return toHexAddress(address).slice(2);
}

/** EVM form (with or without 0x) → "41…" hex. */
export function fromEvmAddress(evm: string): string {
  const clean = evm.startsWith('0x') || evm.startsWith('0X') ? evm.slice(2) : evm;
  if (clean.length !== 40 || !isHex(clean)) throw new InvalidAddressError('format', 'EVM address must be 20 bytes of hex');
  return `41${clean.toLowerCase()}`;
}

/** TRC-20 ABI: calldata for the calls the gateway makes, word codecs, and `Transfer` log decoding. */
import { fromEvmAddress, toEvmAddress } from './address.js';
import { bytesToHex, hexToBytes, isHex } from './bytes.js';
import { keccak256 } from './hash.js';

const UINT256_MAX = (1n << 256n) - 1n;

export function functionSelector(signature: string): string {
  return bytesToHex(keccak256(Buffer.from(signature, 'utf8')).subarray(0, 4));
}

export function eventTopic(signature: string): string {
  return bytesToHex(keccak256(Buffer.from(signature, 'utf8')));
}

export const SELECTORS = {
  transfer: functionSelector('transfer(address,uint256)'),
  balanceOf: functionSelector('balanceOf(address)'),
  decimals: functionSelector('decimals()'),
  symbol: functionSelector('symbol()'),
  name: functionSelector('name()'),
  totalSupply: functionSelector('totalSupply()'),
  isBlackListed: functionSelector('isBlackListed(address)'),
  getBlackListStatus: functionSelector('getBlackListStatus(address)'),
  addBlackList: functionSelector('addBlackList(address)'),
  removeBlackList: functionSelector('removeBlackList(address)'),
} as const;

export const TRANSFER_TOPIC = eventTopic('Transfer(address,address,uint256)');

export function encodeUint256(value: bigint): string {
  if (value < 0n || value > UINT256_MAX) throw new RangeError('uint256 out of range');
  return value.toString(16).padStart(64, '0');
}

/** Address word: 12 zero bytes ‖ the 20-byte EVM address (the 0x41 prefix is dropped). */
export function encodeAddressWord(address: string): string {
  return toEvmAddress(address).padStart(64, '0');
}

/** Reads the low 20 bytes of a word, as the TVM does; some wallets leave 0x41 in byte 11. */
export function decodeAddressWord(word: string): string {
  if (word.length !== 64 || !isHex(word)) throw new TypeError('ABI word must be 64 hex digits');
  return fromEvmAddress(word.slice(24));
}

export function decodeUint256(word: string): bigint {
  if (word.length !== 64 || !isHex(word)) throw new TypeError('ABI word must be 64 hex digits');
  return BigInt(`0x${word}`);
}

export function encodeTransferCall(to: string, amount: bigint): Uint8Array {
  return hexToBytes(SELECTORS.transfer + encodeTransferParameter(to, amount));
}

/** The `parameter` TronWeb sends to /wallet/triggersmartcontract (calldata without selector). */
export function encodeTransferParameter(to: string, amount: bigint): string {
  return encodeAddressWord(to) + encodeUint256(amount);
}

export function encodeBalanceOfCall(owner: string): Uint8Array {
  return hexToBytes(SELECTORS.balanceOf + encodeAddressWord(owner));
}

export function encodeIsBlackListedCall(address: string): Uint8Array {
  return hexToBytes(SELECTORS.isBlackListed + encodeAddressWord(address));
}

export interface DecodedTransferCall {
  to: string; // 41-hex
  amount: bigint;
}

/** Decodes `transfer(address,uint256)` calldata, or returns null when the data is something else. */
export function decodeTransferCall(data: Uint8Array | string): DecodedTransferCall | null {
  const hex = typeof data === 'string' ? data.toLowerCase() : bytesToHex(data);
  if (hex.length !== 8 + 128 || !hex.startsWith(SELECTORS.transfer)) return null;
  return { to: decodeAddressWord(hex.slice(8, 72)), amount: decodeUint256(hex.slice(72, 136)) };
}

const TRANSFER_CALL_HEX = new RegExp(`^${SELECTORS.transfer}[0-9a-fA-F]{128}$`);

/**
 * The recipient ("41…" hex) of `transfer(address,uint256)` calldata given as hex — what decodeTransferCall
 * returns as `to`, without decoding the amount (a scanner asks this of every USDT transfer in a block);
 * null for anything decodeTransferCall would not decode.
 */
export function transferCallRecipient(hex: string): string | null {
  if (hex.length !== 8 + 128 || !TRANSFER_CALL_HEX.test(hex)) return null;
  return `41${hex.slice(32, 72).toLowerCase()}`;
}

/** ABI-encodes a single `string` return value. */
export function encodeAbiString(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const padded = Math.ceil(bytes.length / 32) * 32;
  return encodeUint256(32n) + encodeUint256(BigInt(bytes.length)) + bytes.toString('hex').padEnd(padded * 2, '0');
}

export function decodeAbiString(hex: string): string {
  const offset = Number(decodeUint256(hex.slice(0, 64)));
  const length = Number(decodeUint256(hex.slice(offset * 2, offset * 2 + 64)));
  const start = offset * 2 + 64;
  return Buffer.from(hex.slice(start, start + length * 2), 'hex').toString('utf8');
}

export interface EventLog {
  /** 20-byte contract address, hex without 41 (as gettransactioninfobyid prints it) */
  address: string;
  topics: string[];
  data?: string;
}

export interface Trc20Transfer {
  /** "41…" hex of the token contract */
  contract: string;
  from: string;
  to: string;
  value: bigint;
}

/** Decodes a TRC-20 `Transfer(address,address,uint256)` log; null for any other log. */
export function decodeTransferLog(log: EventLog): Trc20Transfer | null {
  if (log.topics.length !== 3 || log.topics[0]?.toLowerCase() !== TRANSFER_TOPIC) return null;
  const data = (log.data ?? '').toLowerCase();
  if (data.length !== 64) return null;
  return {
    contract: fromEvmAddress(log.address.length === 42 ? log.address.slice(2) : log.address),
    from: decodeAddressWord((log.topics[1] as string).toLowerCase()),
    to: decodeAddressWord((log.topics[2] as string).toLowerCase()),
    value: decodeUint256(data),
  };
}

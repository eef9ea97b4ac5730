/** Reading java-tron style request parameters: numbers may arrive as JSON numbers or strings, addresses as hex or base58. */
import { checkAddress } from '../tron/address.js';
import { isHex } from '../tron/bytes.js';
import type { ApiRequest } from './http.js';
import { NodeApiError } from './http.js';

export function optionalString(req: ApiRequest, name: string): string | undefined {
  const v = req.params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new NodeApiError(`${name} must be a string`);
  return v;
}

export function requiredString(req: ApiRequest, name: string): string {
  const v = optionalString(req, name);
  if (v === undefined || v === '') throw new NodeApiError(`${name} is required`);
  return v;
}

export function optionalInt(req: ApiRequest, name: string): bigint | undefined {
  const v = req.params[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  // int64 like java-tron's Long: 19-digit strings above 2^63 - 1 would wrap in the protobuf encoding.
  if (typeof v === 'string' && /^-?\d{1,19}$/.test(v) && BigInt.asIntN(64, BigInt(v)) === BigInt(v)) return BigInt(v);
  throw new NodeApiError(`${name} must be an integer`, 'java.lang.NumberFormatException');
}

export function requiredInt(req: ApiRequest, name: string): bigint {
  const v = optionalInt(req, name);
  if (v === undefined) throw new NodeApiError(`${name} is required`);
  return v;
}

export function optionalBool(req: ApiRequest, name: string): boolean | undefined {
  const v = req.params[name];
  if (v === undefined || v === null) return undefined;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw new NodeApiError(`${name} must be true or false`);
}

/** An address in either form; returns "41…" hex. */
export function requiredAddress(req: ApiRequest, name: string): string {
  const v = req.params[name];
  if (v === undefined || v === null || v === '') throw new NodeApiError(`${name} is required`);
  const check = checkAddress(v);
  if (!check.ok) throw new NodeApiError(`Invalid ${name}: ${check.message}`);
  return check.hex;
}

export function optionalAddress(req: ApiRequest, name: string): string | undefined {
  const v = req.params[name];
  if (v === undefined || v === null || v === '') return undefined;
  return requiredAddress(req, name);
}

export function optionalHex(req: ApiRequest, name: string): string | undefined {
  const v = optionalString(req, name);
  if (v === undefined || v === '') return undefined;
  const clean = v.startsWith('0x') ? v.slice(2) : v;
  if (!isHex(clean)) throw new NodeApiError(`${name} must be a hex string`);
  return clean.toLowerCase();
}

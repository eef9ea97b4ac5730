/**
 * Webhook signatures (SPEC §3.10): `X-TPG-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * "<t>.<raw body>")>`. During a secret rotation the header carries one `v1` per valid secret (the current
 * one first), so receivers holding either secret accept the delivery. Pure apart from node:crypto.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Receivers reject timestamps further than this from their clock (replay window). */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/** hex HMAC-SHA256(secret, "<t>.<raw body>") */
export function signPayload(secret: string, timestampSeconds: number, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestampSeconds}.`);
  hmac.update(rawBody);
  return hmac.digest('hex');
}

/** The `X-TPG-Signature` value: `t=<unix>,v1=<sig>[,v1=<sig of the previous secret>]`. */
export function signatureHeader(secrets: readonly string[], timestampSeconds: number, rawBody: string | Buffer): string {
  if (secrets.length === 0) throw new TypeError('signatureHeader needs at least one secret');
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError(`timestampSeconds must be a non-negative integer, got ${timestampSeconds}`);
  }
  const parts = [`t=${timestampSeconds}`];
  for (const secret of secrets) parts.push(`v1=${signPayload(secret, timestampSeconds, rawBody)}`);
  return parts.join(',');
}

export interface VerifyInput {
  rawBody: string | Buffer;
  /** the `X-TPG-Signature` header as received */
  header: string | undefined | null;
  secret: string;
  toleranceSeconds?: number;
  /** the receiver's clock, unix seconds; default now */
  nowSeconds?: number;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Checks a signature header the way a receiver should: timestamp within tolerance, any `v1` matching. */
export function verifyWebhookSignature(input: VerifyInput): VerifyResult {
  const tolerance = input.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!input.header) return { ok: false, reason: 'missing signature header' };
  let timestamp: number | null = null;
  const candidates: string[] = [];
  for (const part of input.header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,15}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && HEX_SHA256.test(value)) candidates.push(value);
  }
  if (timestamp === null) return { ok: false, reason: 'no timestamp in the signature header' };
  if (candidates.length === 0) return { ok: false, reason: 'no v1 signature in the signature header' };
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: 'timestamp outside the tolerance window' };
  const expected = Buffer.from(signPayload(input.secret, timestamp, input.rawBody), 'hex');
  // every candidate is compared (no early exit), each in constant time
  let matched = false;
  for (const candidate of candidates) {
    if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) matched = true;
  }
  return matched ? { ok: true } : { ok: false, reason: 'no signature matches' };
}

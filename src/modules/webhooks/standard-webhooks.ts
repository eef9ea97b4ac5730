/**
 * Standard Webhooks signatures (standardwebhooks.com), sent beside `X-TPG-Signature` so receivers can
 * verify with the `standardwebhooks` package or Svix's libraries: `webhook-id`, `webhook-timestamp`
 * (unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<raw body>")>`.
 * The key is the secret's bytes: the text after `whsec_`, base64-decoded. During a rotation the header
 * lists one `v1,…` per valid secret, separated by spaces. Pure apart from node:crypto.
 */
import { createHmac } from 'node:crypto';
import { SECRET_PREFIX } from './webhook.js';

/**
 * The HMAC key of a `whsec_…` secret. Secrets issued before the Standard Webhooks headers are base64url,
 * newer ones standard base64; Node's base64 decoder reads both alphabets, with or without padding.
 */
export function standardWebhookKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  return Buffer.from(encoded, 'base64');
}

/** base64 HMAC-SHA256(key, "<id>.<timestamp>.<raw body>") */
export function signStandardWebhook(secret: string, messageId: string, timestampSeconds: number, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', standardWebhookKey(secret));
  hmac.update(`${messageId}.${timestampSeconds}.`);
  hmac.update(rawBody);
  return hmac.digest('base64');
}

/** The `webhook-signature` value: `v1,<sig>[ v1,<sig of the previous secret>]`, the current secret first. */
export function standardSignatureHeader(
  secrets: readonly string[],
  messageId: string,
  timestampSeconds: number,
  rawBody: string | Buffer,
): string {
  if (secrets.length === 0) throw new TypeError('standardSignatureHeader needs at least one secret');
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError(`timestampSeconds must be a non-negative integer, got ${timestampSeconds}`);
  }
  return secrets.map((secret) => `v1,${signStandardWebhook(secret, messageId, timestampSeconds, rawBody)}`).join(' ');
}

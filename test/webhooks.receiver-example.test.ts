/** examples/verify-webhook.mjs (the receiver the README points to) accepts what the gateway signs, both ways, and nothing else. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs example for receivers, without type declarations
import { verify, verifyStandard } from '../examples/verify-webhook.mjs';
import { signatureHeader } from '../src/modules/webhooks/signature.js';
import { standardSignatureHeader } from '../src/modules/webhooks/standard-webhooks.js';
import { generateWebhookSecret } from '../src/modules/webhooks/webhooks.service.js';

const verifyExample = verify as (rawBody: Buffer | string, header: string, secret: string, nowSeconds?: number) => boolean;
const verifyStandardExample = verifyStandard as (rawBody: Buffer | string, headers: Record<string, string>, secret: string) => boolean;
const body = Buffer.from('{"id":"evt_0123456789abcdef","type":"payment.created","data":{"object":{"amount":"25"}}}');
const now = 1_790_000_000;

describe('examples/verify-webhook.mjs: X-TPG-Signature with node:crypto', () => {
  it('accepts a signature made by the gateway', () => {
    expect(verifyExample(body, signatureHeader(['whsec_current'], now, body), 'whsec_current', now)).toBe(true);
  });

  it('accepts either secret during a rotation', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], now, body);
    expect(verifyExample(body, header, 'whsec_old', now)).toBe(true);
    expect(verifyExample(body, header, 'whsec_new', now)).toBe(true);
  });

  it('refuses a changed body, another secret and a stale timestamp', () => {
    const header = signatureHeader(['whsec_current'], now, body);
    expect(verifyExample(Buffer.from(body.toString().replace('"25"', '"26"')), header, 'whsec_current', now)).toBe(false);
    expect(verifyExample(body, header, 'whsec_other', now)).toBe(false);
    expect(verifyExample(body, header, 'whsec_current', now + 301)).toBe(false);
    expect(verifyExample(body, 'garbage', 'whsec_current', now)).toBe(false);
  });
});

describe('examples/verify-webhook.mjs: Standard Webhooks headers with the standardwebhooks package', () => {
  // the package checks the timestamp against the real clock
  const signed = (secrets: string[], timestamp = Math.floor(Date.now() / 1000)) => ({
    'webhook-id': 'evt_0123456789abcdef',
    'webhook-timestamp': String(timestamp),
    'webhook-signature': standardSignatureHeader(secrets, 'evt_0123456789abcdef', timestamp, body),
  });

  it('accepts what the gateway signs, with either secret during a rotation', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    expect(verifyStandardExample(body, signed([current]), current)).toBe(true);
    expect(verifyStandardExample(body, signed([current, previous]), previous)).toBe(true);
    expect(verifyStandardExample(body, signed([current, previous]), current)).toBe(true);
  });

  it('accepts a secret issued as base64url, re-encoding it for the package', () => {
    const legacy = `whsec_${Buffer.from(Array.from({ length: 32 }, (_, i) => 250 - i)).toString('base64url')}`;
    expect(legacy).toMatch(/[-_]/);
    expect(verifyStandardExample(body, signed([legacy]), legacy)).toBe(true);
  });

  it('refuses a changed body, another secret, another id, a stale timestamp and missing headers', () => {
    const secret = generateWebhookSecret();
    const headers = signed([secret]);
    expect(verifyStandardExample(Buffer.from(body.toString().replace('"25"', '"26"')), headers, secret)).toBe(false);
    expect(verifyStandardExample(body, headers, `whsec_${randomBytes(32).toString('base64')}`)).toBe(false);
    expect(verifyStandardExample(body, { ...headers, 'webhook-id': 'evt_fedcba9876543210' }, secret)).toBe(false);
    expect(verifyStandardExample(body, signed([secret], Math.floor(Date.now() / 1000) - 301), secret)).toBe(false);
    expect(verifyStandardExample(body, {}, secret)).toBe(false);
  });
});

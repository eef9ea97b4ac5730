/** examples/verify-webhook.mjs (the receiver the README points to) accepts what the gateway signs, and nothing else. */
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs example for receivers, without type declarations
import { verify } from '../examples/verify-webhook.mjs';
import { signatureHeader } from '../src/modules/webhooks/signature.js';

const verifyExample = verify as (rawBody: Buffer | string, header: string, secret: string, nowSeconds?: number) => boolean;
const body = Buffer.from('{"id":"evt_0123456789abcdef","type":"payment.created","data":{"object":{"amount":"25"}}}');
const now = 1_790_000_000;

describe('examples/verify-webhook.mjs', () => {
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

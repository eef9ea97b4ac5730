import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifyWebhookSignature } from './signature.js';

const BODY = '{"id":"evt_00000000000000a1","type":"payment.created","data":{"object":{"amount":"12.5"}}}';
const NOW = 1_790_000_000;

describe('signatureHeader', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>', () => {
    const expected = createHmac('sha256', 'whsec_current').update(`${NOW}.${BODY}`).digest('hex');
    expect(signatureHeader(['whsec_current'], NOW, BODY)).toBe(`t=${NOW},v1=${expected}`);
  });

  it('carries one v1 per secret, the current one first', () => {
    const header = signatureHeader(['whsec_current', 'whsec_previous'], NOW, BODY);
    const parts = header.split(',');
    expect(parts).toHaveLength(3);
    expect(parts[1]).toBe(signatureHeader(['whsec_current'], NOW, BODY).split(',')[1]);
    expect(parts[2]).toBe(signatureHeader(['whsec_previous'], NOW, BODY).split(',')[1]);
  });
});

describe('verifyWebhookSignature', () => {
  const header = signatureHeader(['whsec_current'], NOW, BODY);

  it('accepts a header produced by signatureHeader', () => {
    expect(verifyWebhookSignature({ rawBody: BODY, header, secret: 'whsec_current', nowSeconds: NOW + 10 })).toEqual({ ok: true });
    expect(verifyWebhookSignature({ rawBody: Buffer.from(BODY), header, secret: 'whsec_current', nowSeconds: NOW })).toEqual({ ok: true });
  });

  it('rejects a tampered body and a wrong secret', () => {
    const tampered = BODY.replace('12.5', '125');
    expect(verifyWebhookSignature({ rawBody: tampered, header, secret: 'whsec_current', nowSeconds: NOW })).toEqual({
      ok: false,
      reason: 'no signature matches',
    });
    expect(verifyWebhookSignature({ rawBody: BODY, header, secret: 'whsec_other', nowSeconds: NOW }).ok).toBe(false);
  });

  it('rejects timestamps older or newer than the tolerance', () => {
    expect(verifyWebhookSignature({ rawBody: BODY, header, secret: 'whsec_current', nowSeconds: NOW + 301 })).toEqual({
      ok: false,
      reason: 'timestamp outside the tolerance window',
    });
    expect(verifyWebhookSignature({ rawBody: BODY, header, secret: 'whsec_current', nowSeconds: NOW - 301 }).ok).toBe(false);
    expect(
      verifyWebhookSignature({ rawBody: BODY, header, secret: 'whsec_current', nowSeconds: NOW + 301, toleranceSeconds: 600 }).ok,
    ).toBe(true);
  });

  it('a replayed header with a re-stamped timestamp does not verify', () => {
    const restamped = header.replace(`t=${NOW}`, `t=${NOW + 1000}`);
    expect(verifyWebhookSignature({ rawBody: BODY, header: restamped, secret: 'whsec_current', nowSeconds: NOW + 1000 }).ok).toBe(false);
  });

  it('during a rotation, receivers with either the new or the old secret accept', () => {
    const rotated = signatureHeader(['whsec_new', 'whsec_old'], NOW, BODY);
    expect(verifyWebhookSignature({ rawBody: BODY, header: rotated, secret: 'whsec_new', nowSeconds: NOW }).ok).toBe(true);
    expect(verifyWebhookSignature({ rawBody: BODY, header: rotated, secret: 'whsec_old', nowSeconds: NOW }).ok).toBe(true);
    expect(verifyWebhookSignature({ rawBody: BODY, header: rotated, secret: 'whsec_other', nowSeconds: NOW }).ok).toBe(false);
  });

  it('rejects missing and malformed headers', () => {
    for (const bad of [undefined, '', 'v1=abc', `t=${NOW}`, `t=${NOW},v1=not-hex`, 'garbage']) {
      expect(verifyWebhookSignature({ rawBody: BODY, header: bad, secret: 'whsec_current', nowSeconds: NOW }).ok).toBe(false);
    }
  });
});

import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { standardSignatureHeader, standardWebhookKey } from './standard-webhooks.js';
import { generateWebhookSecret } from './webhooks.service.js';

const BODY = '{"id":"evt_00000000000000a1","type":"payment.created","data":{"object":{"amount":"12.5"}}}';
const ID = 'evt_00000000000000a1';

const headersOf = (signature: string, timestamp: number) => ({
  'webhook-id': ID,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': signature,
});

describe('standardSignatureHeader', () => {
  it('is v1,<base64 HMAC-SHA256(decoded secret, "<id>.<t>.<body>")>', () => {
    const key = randomBytes(32);
    const expected = createHmac('sha256', key).update(`${ID}.1790000000.${BODY}`).digest('base64');
    expect(standardSignatureHeader([`whsec_${key.toString('base64')}`], ID, 1_790_000_000, BODY)).toBe(`v1,${expected}`);
  });

  it('new secrets are accepted and verified by the standardwebhooks package', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const now = Math.floor(Date.now() / 1000);
    const header = standardSignatureHeader([secret], ID, now, BODY);
    expect(new Webhook(secret).verify(BODY, headersOf(header, now))).toEqual(JSON.parse(BODY));
    expect(() => new Webhook(secret).verify(BODY.replace('12.5', '125'), headersOf(header, now))).toThrow('No matching signature');
    expect(() => new Webhook(generateWebhookSecret()).verify(BODY, headersOf(header, now))).toThrow('No matching signature');
  });

  it('lists one v1 per secret, separated by spaces, so a receiver with either secret verifies', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const now = Math.floor(Date.now() / 1000);
    const header = standardSignatureHeader([current, previous], ID, now, BODY);
    expect(header.split(' ')).toEqual([
      standardSignatureHeader([current], ID, now, BODY),
      standardSignatureHeader([previous], ID, now, BODY),
    ]);
    for (const secret of [current, previous]) expect(new Webhook(secret).verify(BODY, headersOf(header, now))).toBeTruthy();
  });

  it('decodes base64url secrets issued before standard base64 to the same key bytes', () => {
    const key = randomBytes(32);
    const legacy = `whsec_${key.toString('base64url')}`;
    expect(standardWebhookKey(legacy).equals(key)).toBe(true);
    expect(standardWebhookKey(`whsec_${key.toString('base64')}`).equals(key)).toBe(true);
    const now = Math.floor(Date.now() / 1000);
    const header = standardSignatureHeader([legacy], ID, now, BODY);
    // the receiver re-encodes such a secret in the standard alphabet for the package
    expect(new Webhook(`whsec_${key.toString('base64')}`).verify(BODY, headersOf(header, now))).toBeTruthy();
  });

  it('refuses no secret and a bad timestamp', () => {
    expect(() => standardSignatureHeader([], ID, 1, BODY)).toThrow(TypeError);
    expect(() => standardSignatureHeader(['whsec_AAAA'], ID, -1, BODY)).toThrow(RangeError);
  });
});

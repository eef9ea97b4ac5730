import { describe, expect, it } from 'vitest';
import { checkWebhookTarget, MAX_URL_LENGTH, type TargetPolicy } from './target-policy.js';

const STRICT: TargetPolicy = { requireHttps: true, allowPrivateTargets: false };
const LOCAL: TargetPolicy = { requireHttps: true, allowPrivateTargets: true };

const refusal = (url: string, policy = STRICT) => {
  const result = checkWebhookTarget(url, policy);
  return result.ok ? null : result.error.message;
};

describe('checkWebhookTarget', () => {
  it('accepts public https URLs and answers them as the URL parser writes them', () => {
    expect(checkWebhookTarget('https://shop.example.com/hooks?x=1', STRICT)).toEqual({
      ok: true,
      value: 'https://shop.example.com/hooks?x=1',
    });
    expect(checkWebhookTarget('HTTPS://Shop.Example.COM', STRICT)).toEqual({ ok: true, value: 'https://shop.example.com/' });
    expect(checkWebhookTarget('https://93.184.216.34:8443/h', STRICT).ok).toBe(true);
    expect(checkWebhookTarget('https://[2606:2800:220:1::1]/h', STRICT).ok).toBe(true);
  });

  it.each([
    ['http://shop.example.com/h', /https/],
    ['ftp://example.com/h', /scheme ftp/],
    ['javascript:alert(1)', /scheme javascript/],
    ['not a url', /valid absolute URL/],
    ['/relative/path', /valid absolute URL/],
    ['https://user:pass@example.com/h', /user name or password/],
    ['https://user@example.com/h', /user name or password/],
    ['https://example.com/h#frag', /fragment/],
    ['https://example.com/h#', /fragment/],
    ['https://10.0.0.1/h', /private/],
    ['https://127.0.0.1/h', /loopback/],
    ['https://2130706433/h', /loopback/],
    ['https://0x7f.1/h', /loopback/],
    ['https://169.254.169.254/latest', /link-local/],
    ['https://[::1]/h', /loopback/],
    ['https://[::ffff:10.0.0.1]/h', /private/],
    ['https://[fd00::1]/h', /private/],
    ['https://0.0.0.0/h', /unspecified/],
    ['https://localhost/hook', /internal name/],
    ['https://LOCALHOST./hook', /internal name/],
    ['https://api.localhost/hook', /internal name/],
    ['https://metadata.google.internal/computeMetadata', /internal name/],
    ['https://db.internal/h', /internal name/],
    ['https://printer.local/h', /internal name/],
    ['https://intranet/h', /single-label/],
  ])('refuses %s', (url, reason) => {
    expect(refusal(url)).toMatch(reason);
  });

  it('refuses URLs longer than the limit, naming the limit', () => {
    expect(refusal(`https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`)).toMatch(String(MAX_URL_LENGTH));
  });

  it('allows http when require_https is off, but still no private targets', () => {
    const policy = { requireHttps: false, allowPrivateTargets: false };
    expect(checkWebhookTarget('http://shop.example.com/h', policy).ok).toBe(true);
    expect(refusal('http://10.0.0.1/h', policy)).toMatch(/private/);
  });

  it('allows loopback, private names and http for local development, but never credentials or other schemes', () => {
    expect(checkWebhookTarget('http://127.0.0.1:1234/hook', LOCAL)).toEqual({ ok: true, value: 'http://127.0.0.1:1234/hook' });
    expect(checkWebhookTarget('http://localhost:3000/hook', LOCAL).ok).toBe(true);
    expect(checkWebhookTarget('http://[::1]:3000/hook', LOCAL).ok).toBe(true);
    expect(refusal('ftp://127.0.0.1/h', LOCAL)).toMatch(/scheme/);
    expect(refusal('http://u:p@127.0.0.1/h', LOCAL)).toMatch(/password/);
  });

  it('names the field it was given', () => {
    const result = checkWebhookTarget('ftp://x.example', STRICT, 'body.url');
    expect(result.ok ? null : result.error.path).toBe('body.url');
  });
});

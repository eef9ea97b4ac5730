import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, matchStep, otpauthUri, totpAt, totpStep } from './totp.js';

interface Vectors {
  secret_ascii: string;
  vectors: Array<{ unix_seconds: number; step_hex: string; totp8: string }>;
}
const RFC = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/rfc6238/sha1-vectors.json'), 'utf8')) as Vectors;
const SECRET = Buffer.from(RFC.secret_ascii, 'ascii');
const SECRET_B32 = base32Encode(SECRET);

describe('TOTP (RFC 6238, SHA-1)', () => {
  it("computes every SHA-1 test vector of RFC 6238's Appendix B, at 8 and 6 digits", () => {
    expect(RFC.vectors).toHaveLength(6);
    for (const v of RFC.vectors) {
      const ms = v.unix_seconds * 1000;
      expect(totpStep(ms)).toBe(Number.parseInt(v.step_hex, 16));
      expect(totpAt(SECRET, ms, 8)).toBe(v.totp8);
      expect(totpAt(SECRET, ms)).toBe(v.totp8.slice(-6));
    }
  });

  it('matches a code of the current step or one step either side, and names the step', () => {
    const v = RFC.vectors[3] as Vectors['vectors'][number];
    const ms = v.unix_seconds * 1000;
    const step = totpStep(ms);
    const code = v.totp8.slice(-6);
    expect(matchStep(SECRET_B32, code, ms)).toBe(step);
    expect(matchStep(SECRET_B32, code, ms + 30_000)).toBe(step);
    expect(matchStep(SECRET_B32, code, ms - 30_000)).toBe(step);
    expect(matchStep(SECRET_B32, code, ms + 60_000)).toBeNull();
    expect(matchStep(SECRET_B32, code, ms - 60_000)).toBeNull();
  });

  it('refuses codes that are not six digits, and unreadable secrets', () => {
    const ms = 59_000;
    expect(matchStep(SECRET_B32, '287082', ms)).not.toBeNull();
    for (const bad of ['28708', '2870820', '28708a', ' 287082', '']) expect(matchStep(SECRET_B32, bad, ms)).toBeNull();
    expect(matchStep('not base32!', '287082', ms)).toBeNull();
  });

  it('round-trips base32 (RFC 4648 test vectors) and makes 160-bit secrets', () => {
    const cases: Array<[string, string]> = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of cases) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(`${encoded.toLowerCase()}==`)?.toString()).toBe(plain);
    }
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('writes the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'ann@shop.example', 'TRON Payment Gateway')).toBe(
      'otpauth://totp/TRON%20Payment%20Gateway:ann%40shop.example?secret=JBSWY3DPEHPK3PXP&issuer=TRON%20Payment%20Gateway&algorithm=SHA1&digits=6&period=30',
    );
  });
});

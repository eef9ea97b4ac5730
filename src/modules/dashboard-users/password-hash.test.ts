import { describe, expect, it } from 'vitest';
import { generateOneTimePassword, hashPassword, passwordProblem, UnknownAccountHasher, verifyPassword } from './password-hash.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the password a hash was made from and nothing else; salts differ', async () => {
    const hash = await hashPassword('correct horse battery', FAST);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await hashPassword('correct horse battery', FAST)).not.toBe(hash);
  });

  it('uses 2^15, 8, 1 by default and reads the parameters from the stored hash', async () => {
    const hash = await hashPassword('a default-cost password');
    expect(hash.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('a default-cost password', hash)).toBe(true);
  });

  it('verifies nothing against an unreadable hash', async () => {
    for (const stored of ['', 'bcrypt$x', 'scrypt$0$8$1$AAAA$AAAA', 'scrypt$1024$8$1']) {
      expect(await verifyPassword('anything at all', stored)).toBe(false);
    }
  });

  it('spends a real verification on an unknown account and answers false', async () => {
    const hasher = new UnknownAccountHasher(FAST);
    expect(await hasher.verifyUnknownAccount('whatever password')).toBe(false);
  });

  it('asks for 12 to 200 characters', () => {
    expect(passwordProblem('short')).toBe('must be at least 12 characters');
    expect(passwordProblem('x'.repeat(201))).toBe('must be at most 200 characters');
    expect(passwordProblem('twelve chars')).toBeNull();
  });

  it('makes 20-character one-time passwords without look-alike characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const password = generateOneTimePassword();
      expect(password).toMatch(/^[a-hj-km-np-zA-HJ-NP-Z2-9]{20}$/);
      seen.add(password);
    }
    expect(seen.size).toBe(50);
  });
});

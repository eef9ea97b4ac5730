import Fastify, { type FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { originOf, requireSameOrigin } from './auth.js';
import { clearSessionCookie, isSecureUrl, sessionCookieOf, setSessionCookie } from './session-cookie.js';

const requestWith = (headers: Record<string, string>, protocol = 'http') => ({ headers, protocol }) as unknown as FastifyRequest;

describe('the session cookie', () => {
  it('reads tpg_session among other cookies, and nothing when it is absent, empty or sent twice', () => {
    expect(sessionCookieOf(requestWith({ cookie: 'theme=dark; tpg_session=tpgs_abc ; lang=en' }))).toBe('tpgs_abc');
    expect(sessionCookieOf(requestWith({ cookie: 'theme=dark' }))).toBeNull();
    expect(sessionCookieOf(requestWith({}))).toBeNull();
    expect(sessionCookieOf(requestWith({ cookie: 'tpg_session=' }))).toBeNull();
    expect(sessionCookieOf(requestWith({ cookie: 'tpg_session=a; tpg_session=b' }))).toBeNull();
    expect(sessionCookieOf(requestWith({ cookie: 'xtpg_session=a' }))).toBeNull();
  });

  it('sets HttpOnly, SameSite=Strict and Path=/ always, Secure only when asked, and clears with Max-Age=0', async () => {
    const app = Fastify();
    app.get('/set', async (_request, reply) => {
      setSessionCookie(reply, 'tpgs_x', { secure: true, maxAgeSeconds: 43_200 });
      return {};
    });
    app.get('/clear', async (_request, reply) => {
      clearSessionCookie(reply, false);
      return {};
    });
    const set = await app.inject({ method: 'GET', url: '/set' });
    expect(set.headers['set-cookie']).toBe('tpg_session=tpgs_x; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure');
    const clear = await app.inject({ method: 'GET', url: '/clear' });
    expect(clear.headers['set-cookie']).toBe('tpg_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
    await app.close();
    expect(isSecureUrl('https://pay.example')).toBe(true);
    expect(isSecureUrl('http://127.0.0.1:8097')).toBe(false);
  });
});

describe('same-origin check of a session request', () => {
  const publicOrigin = originOf('https://pay.example/base');

  it('passes without Origin, with the public origin, or with the host the request went to', () => {
    expect(() => requireSameOrigin(requestWith({ host: 'pay.example' }), publicOrigin)).not.toThrow();
    expect(() => requireSameOrigin(requestWith({ host: 'internal:8097', origin: 'https://pay.example' }), publicOrigin)).not.toThrow();
    expect(() => requireSameOrigin(requestWith({ host: '127.0.0.1:8097', origin: 'http://127.0.0.1:8097' }), publicOrigin)).not.toThrow();
  });

  it('refuses another site, another port or scheme, and the opaque origin "null"', () => {
    for (const origin of ['https://evil.example', 'https://pay.example:8443', 'http://pay.example', 'null']) {
      expect(() => requireSameOrigin(requestWith({ host: '127.0.0.1:8097', origin }), publicOrigin)).toThrow(/own origin/);
    }
  });
});

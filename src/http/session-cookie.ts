/**
 * The dashboard's session cookie (issue 22, ADR 0030): `tpg_session`, HttpOnly (no script reads it),
 * SameSite=Strict (no other site's page sends it), Path=/, Secure when the gateway is served over https.
 * Read and written by hand: one cookie does not need a cookie plugin.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'tpg_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The session cookie's value, or null. Two `tpg_session` cookies (one planted from a sibling subdomain
 * beside ours) answer null: choosing either could log the browser in as someone else.
 */
export function sessionCookieOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === SESSION_COOKIE) values.push(part.slice(eq + 1).trim());
  }
  return values.length === 1 && values[0] !== '' ? (values[0] as string) : null;
}

export interface SessionCookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

export function setSessionCookie(reply: FastifyReply, token: string, options: SessionCookieOptions): void {
  reply.header('set-cookie', cookieText(token, options));
}

/** Tells the browser to drop the cookie (logout, or a session that has ended). */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.header('set-cookie', cookieText('', { secure, maxAgeSeconds: 0 }));
}

function cookieText(value: string, { secure, maxAgeSeconds }: SessionCookieOptions): string {
  const parts = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** Whether cookies must be Secure: the gateway's public URL is https. */
export function isSecureUrl(publicUrl: string): boolean {
  return publicUrl.toLowerCase().startsWith('https:');
}

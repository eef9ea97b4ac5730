/**
 * API-key authentication and scope checks. A route opts out with `config: { public: true }` and names the
 * scope it needs with `config: { scope: 'payments:write' }`; a route with neither needs any valid key.
 * A public route with `identify: true` answers anyone but still authenticates a key that is sent (an
 * unknown key answers 401), so that it can show a key's holder more than it shows everyone.
 * Runs in preParsing: after CORS (onRequest) so a browser can read the 401, before the body is read so an
 * anonymous caller cannot make the server parse a large body.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';
import type { ApiKeyAuthenticator, Principal, Scope } from './ports.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** no API key needed */
    public?: boolean;
    /** on a public route: a key that is sent is authenticated and becomes `request.principal` */
    identify?: boolean;
    /** the scope a key must hold (`admin` holds every scope) */
    scope?: Scope;
  }
  interface FastifyRequest {
    /** the authenticated caller; null on public routes */
    principal: Principal | null;
  }
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.has('admin') || principal.scopes.has(scope);
}

/** The key from `Authorization: Bearer <key>` or `X-API-Key: <key>`; null when neither is sent. */
export function presentedKey(request: FastifyRequest): string | null {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.trim() !== '') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match === null) throw new AppError('unauthorized', 'Authorization header must be "Bearer <api key>"');
    return match[1] as string;
  }
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim() !== '') return apiKey.trim();
  return null;
}

export function registerAuth(app: FastifyInstance, authenticator: ApiKeyAuthenticator): void {
  app.decorateRequest('principal', null);
  app.addHook('preParsing', async (request, _reply, payload) => {
    // Unknown routes answer 404 whoever asks; there is nothing there to protect.
    if (request.is404) return payload;
    const config = request.routeOptions.config;
    if (config.public === true && config.identify !== true) return payload;
    const key = presentedKey(request);
    if (key === null) {
      if (config.public === true) return payload;
      throw new AppError('unauthorized', 'an API key is required: send "Authorization: Bearer <key>" or "X-API-Key: <key>"');
    }
    const principal = await authenticator.authenticate(key);
    if (principal === null) throw new AppError('unauthorized', 'the API key is unknown or revoked');
    if (config.scope !== undefined && !hasScope(principal, config.scope)) {
      throw new AppError('forbidden', `the API key lacks the scope "${config.scope}"`);
    }
    request.principal = principal;
    return payload;
  });
}

/** The caller of an authenticated route; throws when called on a route that does not authenticate. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null) throw new AppError('unauthorized', 'an API key is required');
  return request.principal;
}

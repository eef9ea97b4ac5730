/**
 * The dashboard's one way to the gateway: the typed client generated from docs/openapi.json
 * (api-types.generated.ts, by openapi-typescript) through openapi-fetch. The dashboard and its tests
 * both call the public API through here, so a route or field the document does not have fails the
 * typecheck. How a request is authenticated is decided in this file only.
 * No DOM types here: the tests (Node) import it too.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api-types.generated.js';

export type { components, paths };

/** How the browser proves who it is: a session cookie plus its CSRF token, or (in development) an API key. */
export type Credentials = { kind: 'session'; csrfToken: string } | { kind: 'api-key'; key: string };

export type Api = Client<paths>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A client for the gateway at `baseUrl` ('' in the browser: same origin). `credentials` is read on every
 * request, so logging in or out changes what the next request sends.
 */
export function createApi(baseUrl: string, credentials: () => Credentials | null, fetchImpl?: typeof fetch): Api {
  const client = createClient<paths>({ baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  client.use({
    onRequest({ request }) {
      const current = credentials();
      if (current?.kind === 'api-key') request.headers.set('authorization', `Bearer ${current.key}`);
      // the cookie travels by itself (same origin); a state change also carries the CSRF token
      if (current?.kind === 'session' && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', current.csrfToken);
      return request;
    },
  });
  return client;
}

/** The problem document of a failed call (RFC 9457, src/http/problem.ts), as far as the dashboard shows it. */
export interface Problem {
  status?: number;
  code?: string;
  detail?: string;
  title?: string;
  errors?: { path: string; message: string }[];
}

/** One line for a person from a failed call's error body (and the HTTP status when the body says nothing). */
export function problemText(error: unknown, status?: number): string {
  const problem = (error ?? {}) as Problem;
  const fields = (problem.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
  const main = problem.detail ?? problem.title ?? (status !== undefined ? `HTTP ${status}` : 'request failed');
  return fields === '' || main.includes(fields) ? main : `${main} (${fields})`;
}

/** A call's data, or its problem thrown as an Error (what useLoad shows, with a retry). */
export function dataOf<T>(result: { data?: T; error?: unknown; response: { status: number } }): T {
  if (result.data === undefined) throw new Error(problemText(result.error, result.response.status));
  return result.data;
}

/** What a state change answered, as the page says it: `success` of the data, or the problem. */
export function outcomeOf<T>(
  result: { data?: T; error?: unknown; response: { status: number } },
  success: (data: T) => string,
): { ok: boolean; text: string } {
  return result.data === undefined
    ? { ok: false, text: problemText(result.error, result.response.status) }
    : { ok: true, text: success(result.data) };
}

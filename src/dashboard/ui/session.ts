/**
 * Who is signed in: the dashboard session (cookie `tpg_session`, HttpOnly, set by POST /api/v1/session)
 * and its CSRF token, which the page keeps in memory only and gets back from GET /api/v1/session after a
 * reload. Nothing is written to browser storage. The only module that knows how the dashboard
 * authenticates (api.ts decides how each request carries it).
 */
import { type Api, createApi } from './api.js';

export type Role = 'owner' | 'admin' | 'operator' | 'viewer';

export interface Session {
  csrfToken: string;
  email: string;
  role: Role;
  mustChangePassword: boolean;
}

let current: Session | null = null;
const endedListeners = new Set<() => void>();

export const api: Api = createApi('', () => (current === null ? null : { kind: 'session', csrfToken: current.csrfToken }));

// a session that ended (idle, expired, revoked elsewhere) answers 401: back to the sign-in page
api.use({
  onResponse({ request, response }) {
    if (response.status === 401 && current !== null && !request.url.endsWith('/api/v1/session')) {
      current = null;
      for (const listener of endedListeners) listener();
    }
    return response;
  },
});

export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

type SessionAnswer = { csrf_token: string; user: { email: string; role: string; must_change_password: boolean } };

function remember(answer: SessionAnswer): Session {
  current = {
    csrfToken: answer.csrf_token,
    email: answer.user.email,
    role: answer.user.role as Role,
    mustChangePassword: answer.user.must_change_password,
  };
  return current;
}

/** The session the browser's cookie still holds (after a reload), or null. */
export async function resume(): Promise<Session | null> {
  const { data } = await api.GET('/api/v1/session');
  return data === undefined ? null : remember(data);
}

export type LoginOutcome = { session: Session } | { needsSecondFactor: true; message: string } | { error: string };

export async function logIn(email: string, password: string, secondFactor: string): Promise<LoginOutcome> {
  const code = secondFactor.replace(/\s+/g, '');
  const factor = code === '' ? {} : /^\d{6}$/.test(code) ? { totp_code: code } : { recovery_code: code };
  const { data, error, response } = await api.POST('/api/v1/session', { body: { email, password, ...factor } });
  if (data !== undefined) return { session: remember(data) };
  const problem = (error ?? {}) as { detail?: string; errors?: { path: string }[] };
  if (response.status === 401 && code === '' && problem.errors?.some((e) => e.path === 'totp_code')) {
    return { needsSecondFactor: true, message: problem.detail ?? '' };
  }
  return { error: problem.detail ?? `HTTP ${response.status}` };
}

export async function logOut(): Promise<void> {
  await api.DELETE('/api/v1/session');
  current = null;
}

/** After the one-time password has been replaced, the session may use the other routes. */
export function passwordChanged(): Session | null {
  if (current !== null) current = { ...current, mustChangePassword: false };
  return current;
}

/** roles that manage integration settings (webhooks, API keys, users) */
export function canManage(role: Role | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

/** roles that may change money or state (refund, cancel, approve); a viewer only looks */
export function canAct(role: Role | undefined): boolean {
  return role === 'owner' || role === 'admin' || role === 'operator';
}

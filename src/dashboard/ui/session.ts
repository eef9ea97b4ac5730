/**
 * Who is signed in, kept for the browser tab (sessionStorage), and the API client that uses it.
 * The only module that knows how the dashboard authenticates (see api.ts for how requests carry it).
 */
import { type Api, type Credentials, createApi } from './api.js';

export type Role = 'owner' | 'admin' | 'operator' | 'viewer';

export interface Session {
  credentials: Credentials;
  /** who to show in the header */
  label: string;
  role: Role;
}

const KEY = 'tpg.dashboard.session';
let current: Session | null = load();

function load(): Session | null {
  try {
    const text = sessionStorage.getItem(KEY);
    return text === null ? null : (JSON.parse(text) as Session);
  } catch {
    return null;
  }
}

export const api: Api = createApi('', () => current?.credentials ?? null);

export function session(): Session | null {
  return current;
}

export function signIn(next: Session): void {
  current = next;
  sessionStorage.setItem(KEY, JSON.stringify(next));
}

export function signOut(): void {
  current = null;
  sessionStorage.removeItem(KEY);
}

/** roles that manage integration settings (webhooks, API keys, users) */
export function canManage(role: Role | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

/** roles that may change money or state (refund, cancel, approve); a viewer only looks */
export function canAct(role: Role | undefined): boolean {
  return role === 'owner' || role === 'admin' || role === 'operator';
}

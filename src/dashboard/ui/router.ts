/**
 * Paths under /dashboard with the History API: the server answers every /dashboard/* with the same
 * shell, so a reload or a shared link opens the same page. Links stay real <a href> (keyboard, middle
 * click, copy link); a plain click is turned into a client-side navigation.
 */
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/dashboard';

const listeners = new Set<() => void>();

export function currentPath(): string {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  return path === '' ? '/' : path;
}

export function href(path: string): string {
  return `${BASE}${path === '/' ? '' : path}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', href(path));
  else history.pushState(null, '', href(path));
  for (const listener of listeners) listener();
}

/** the path and query string shown now; re-renders on navigation */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((n) => n + 1);
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  const [path = '/', search = ''] = currentPath().split('?');
  return { path, query: new URLSearchParams(search || location.search) };
}

/** onClick for an <a href={href(path)}>: navigates in place unless a modifier asks for a new tab */
export function follow(event: MouseEvent, path: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}

/** `path` with the current query changed: a null or empty value removes the parameter. */
export function pathWithQuery(path: string, query: URLSearchParams, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(query);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
  }
  const text = next.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * 404 and 405. Fastify answers 404 for a known path asked with the wrong method; the gateway says 405
 * with an `Allow` header instead, so a client that POSTs to a GET route learns what went wrong. The
 * route patterns are collected as routes register and matched only on this (rare) path.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from '../shared/errors.js';
import { sendProblem } from './problem.js';

interface IndexedRoute {
  pattern: RegExp;
  methods: string[];
}

export class RouteIndex {
  private readonly routes: IndexedRoute[] = [];

  add(route: Pick<RouteOptions, 'method' | 'url'>): void {
    // Catch-all routes (CORS preflight on '*') would make every unknown path a 405.
    if (route.url === '*' || route.url === '/*') return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    this.routes.push({ pattern: patternToRegExp(route.url), methods: methods.map(String) });
  }

  /** Methods registered for a concrete path, sorted; empty when no route has that path. */
  allowedMethods(path: string): string[] {
    const matching = this.routes.filter((route) => route.pattern.test(path));
    return [...new Set(matching.flatMap((route) => route.methods))].sort();
  }
}

/** Fastify route syntax (`:id`, `:id(regex)`, `:id?`, `::` for a colon, `*`) as an anchored RegExp. */
export function patternToRegExp(url: string): RegExp {
  let out = '';
  let i = 0;
  while (i < url.length) {
    const c = url[i] as string;
    if (c === ':' && url[i + 1] === ':') {
      out += ':';
      i += 2;
    } else if (c === ':') {
      i++;
      while (i < url.length && /\w/.test(url[i] as string)) i++;
      if (url[i] === '(') {
        const end = closingParen(url, i);
        // find-my-way writes anchors inside the group (`:id(^\\d+)`); here they would match nothing.
        out += `(?:${url
          .slice(i + 1, end)
          .replace(/^\^/, '')
          .replace(/\$$/, '')})`;
        i = end + 1;
      } else if (url[i] === '?') {
        out += '[^/]*';
        i++;
      } else {
        out += '[^/]+';
      }
    } else if (c === '*') {
      out += '.*';
      i++;
    } else {
      out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  return new RegExp(`^${out}$`);
}

function closingParen(url: string, open: number): number {
  let depth = 0;
  for (let i = open; i < url.length; i++) {
    if (url[i] === '\\') i++;
    else if (url[i] === '(') depth++;
    else if (url[i] === ')' && --depth === 0) return i;
  }
  return url.length;
}

export function registerNotFound(app: FastifyInstance, index: RouteIndex): void {
  app.addHook('onRoute', (route) => index.add(route));
  app.setNotFoundHandler((request, reply) => {
    const path = (request.url.split('?')[0] ?? '').slice(0, 200);
    const allowed = index.allowedMethods(path).filter((m) => m !== request.method);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(
        reply,
        new AppError('method_not_allowed', `${request.method} is not allowed on ${path}; use ${allowed.join(', ')}`),
      );
    }
    return sendProblem(reply, new AppError('not_found', `no route for ${request.method} ${path}`));
  });
}

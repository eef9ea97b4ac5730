/**
 * JSON-lines logs (pino). Credentials are redacted wherever a log call might carry them: request headers,
 * any object field named like a secret, at the top level or up to two levels down (config sections,
 * error contexts), and query parameters named like a secret in a logged request's URL. Request and
 * response bodies are never logged.
 */
import { type DestinationStream, type Level, type Logger, pino } from 'pino';

const SECRET_FIELDS = [
  'mnemonic',
  'seed',
  'secret',
  'password',
  'api_key',
  'apiKey',
  'private_key',
  'privateKey',
  'trongrid_api_key',
  'bootstrap_api_key',
  'csrf_token',
  'totp_code',
  'recovery_code',
  'recovery_codes',
  'one_time_password',
];

/** Header names whose values are credentials, wherever a logged object carries headers. */
const SECRET_HEADERS = ['authorization', 'x-api-key', 'cookie', 'set-cookie', 'x-csrf-token'];
const SECRET_KEYS: ReadonlySet<string> = new Set([...SECRET_FIELDS, ...SECRET_HEADERS]);
/** Query parameter names compared lowercased: `?Secret=`, `?API_KEY=` and `?apiKey=` are all secrets. */
const SECRET_QUERY_NAMES: ReadonlySet<string> = new Set([...SECRET_KEYS].map((key) => key.toLowerCase()));
const CENSOR = '[redacted]';
/** How far below a log call's top-level fields secrets are looked for (`req.headers.authorization` is 2). */
const SEARCH_DEPTH = 2;

/**
 * `value` with every field named like a secret replaced, at the top level or up to two levels down. It
 * copies only what it changes and returns `value` itself when there is nothing to hide. pino's own
 * `redact` option did this with wildcard paths that it parsed again on every call, including for every
 * request's child logger: a quarter of the HTTP thread's allocations under load, even with no log line.
 */
export function redactSecrets<T>(value: T): T {
  return redact(value, SEARCH_DEPTH) as T;
}

function redact(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    // Searched as pino's serializer will show it (with its cause); replaced only if that hides something.
    const serialized = pino.stdSerializers.err(value) as object;
    const hidden = redactFields(serialized, depth);
    return hidden === serialized ? value : hidden;
  }
  if (Array.isArray(value)) {
    if (depth === 0) return value;
    let copy: unknown[] | null = null;
    for (const [i, item] of value.entries()) {
      const hidden = redact(item, depth - 1);
      if (hidden === item) continue;
      copy ??= [...value];
      copy[i] = hidden;
    }
    return copy ?? value;
  }
  // An object of a class (a request, a reply, a socket, a Map) is left to its serializer: a plain copy
  // would lose its prototype's getters, and a request with `?secret=1` in its query was logged as `{}`.
  return isPlainObject(value) ? redactFields(value, depth) : value;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function redactFields(value: object, depth: number): object {
  let copy: Record<string, unknown> | null = null;
  for (const [key, field] of Object.entries(value)) {
    const hidden = SECRET_KEYS.has(key) ? CENSOR : depth > 0 ? redact(field, depth - 1) : field;
    if (hidden === field) continue;
    copy ??= { ...value };
    copy[key] = hidden;
  }
  return copy ?? value;
}

/** The fields of a Fastify request that its log line shows. */
interface LoggedRequest {
  method?: string;
  url?: string;
  headers?: Record<string, string | string[] | undefined>;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * pino serializer for `req`: a Fastify request shown as Fastify shows it (method, URL, client), with the
 * values of query parameters named like a secret hidden. Plain data logged as `req` was already searched
 * by `redactSecrets` and is kept as it is.
 */
export function serializeRequest(req: unknown): unknown {
  if (req === null || typeof req !== 'object' || isPlainObject(req)) return req;
  const request = req as LoggedRequest;
  return {
    method: request.method,
    url: request.url === undefined ? undefined : redactUrlQuery(request.url),
    version: request.headers?.['accept-version'],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** `url` with the value of every query parameter named like a secret (any case, repeated or not) replaced. */
export function redactUrlQuery(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return url;
  const params = url.slice(start + 1).split('&');
  let changed = false;
  for (const [i, param] of params.entries()) {
    const equals = param.indexOf('=');
    if (equals === -1 || !SECRET_QUERY_NAMES.has(queryName(param.slice(0, equals)))) continue;
    params[i] = `${param.slice(0, equals + 1)}${CENSOR}`;
    changed = true;
  }
  return changed ? `${url.slice(0, start + 1)}${params.join('&')}` : url;
}

/** A query parameter's name as the server reads it: `+` is a space, `%5F` is `_`; lowercased. */
function queryName(raw: string): string {
  const spaced = raw.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced).toLowerCase();
  } catch {
    return spaced.toLowerCase();
  }
}

export interface LoggerOptions {
  level: Level | 'silent';
  /** defaults to stdout */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    // Each call's object. A child logger's own fields (a request id) are chosen by the code, never by input.
    formatters: { level: (label: string) => ({ level: label }), log: redactSecrets },
    // Fastify's request loggers take these over its own serializers.
    serializers: { req: serializeRequest },
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}

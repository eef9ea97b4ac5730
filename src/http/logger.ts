/**
 * JSON-lines logs (pino). Credentials are redacted wherever a log call might carry them: request headers
 * and any object field named like a secret, at the top level or up to two levels down (config sections,
 * error contexts). Request and response bodies are never logged.
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
];

/** Header names whose values are credentials, wherever a logged object carries headers. */
const SECRET_HEADERS = ['authorization', 'x-api-key', 'cookie', 'set-cookie'];
const SECRET_KEYS: ReadonlySet<string> = new Set([...SECRET_FIELDS, ...SECRET_HEADERS]);
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
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Map || value instanceof Set)
    return value;
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
  return redactFields(value, depth);
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
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}

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

export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

export interface LoggerOptions {
  level: Level | 'silent';
  /** defaults to stdout */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level,
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}

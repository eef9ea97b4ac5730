/**
 * Request validation: which Ajv settings each part of a request gets, and how Ajv's errors become the
 * `errors: [{path, message}]` list of a 422 problem.
 *
 * Bodies are validated exactly as sent (no type coercion, nothing removed, every error reported), so an
 * unknown field or `"amount": true` is a 422 rather than something silently fixed. Query strings, path
 * parameters and headers arrive as text, so they get Fastify's usual `coerceTypes: 'array'`: a route may
 * declare `limit: Type.Integer()` in its querystring and receive a number, and `?status=a` fits an array
 * schema. Two Ajv pools (from Fastify's own compiler package) give each part its settings. Every string
 * field of every part also refuses control characters (text-rules.ts).
 */
import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';
import type { FastifySchemaValidationError } from 'fastify';
import { type AppError, type FieldError, validationError } from '../shared/errors.js';
import { TEXT_KEYWORD, TEXT_MESSAGES, textKeyword, withTextRules } from './text-rules.js';

const COMMON = { removeAdditional: false, useDefaults: true, allErrors: true, verbose: true } as const;
export const BODY_AJV_OPTIONS = { ...COMMON, coerceTypes: false as const, keywords: [textKeyword] };
export const PARAMETER_AJV_OPTIONS = { ...COMMON, coerceTypes: 'array' as const, keywords: [textKeyword] };

/** Fastify `schemaController.compilersFactory.buildValidator`: bodies and the other parts get their own Ajv. */
export function buildValidatorFactory(): ValidatorFactory {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    const base = options && options.mode !== 'JTD' ? options : {};
    const body = pool(externalSchemas, { ...base, customOptions: { ...base.customOptions, ...BODY_AJV_OPTIONS } });
    const parameters = pool(externalSchemas, { ...base, customOptions: { ...base.customOptions, ...PARAMETER_AJV_OPTIONS } });
    return (route) => {
      const checked = { ...route, schema: withTextRules(route.schema) as typeof route.schema };
      return route.httpPart === 'body' ? body(checked) : parameters(checked);
    };
  };
}

/** The part of the request a schema validates (Fastify's `dataVar`). */
export type SchemaErrorDataVar = 'body' | 'querystring' | 'params' | 'headers';

/** Ajv error, with the extra fields `verbose: true` adds. */
type AjvError = FastifySchemaValidationError & { schema?: unknown };

const PREFIX: Record<SchemaErrorDataVar, string> = { body: '', querystring: 'query.', params: 'params.', headers: 'headers.' };

/** Fastify `schemaErrorFormatter`: the validation error is already the AppError the error handler sends. */
export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): AppError {
  return validationError(toFieldErrors(errors, dataVar));
}

export function toFieldErrors(errors: readonly AjvError[], dataVar: SchemaErrorDataVar): FieldError[] {
  // A failed anyOf/oneOf also reports every branch's own failure; one message for the union is clearer.
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  // Unless the value has the type of one branch and breaks one of its constraints (a 501-character string
  // for `string (≤ 500) | null`): then that branch's errors are the real reason and are reported instead.
  const matchedBranch = new Map<AjvError, string>();
  for (const union of unions) {
    const prefix = `${union.schemaPath}/`;
    const branches = new Map<string, AjvError[]>();
    for (const e of errors) {
      if (e === union || !e.schemaPath.startsWith(prefix)) continue;
      const branch = `${prefix}${e.schemaPath.slice(prefix.length).split('/')[0]}/`;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    for (const [branch, branchErrors] of branches) {
      if (branchErrors.every((e) => !(TYPE_KEYWORDS.has(e.keyword) && e.instancePath === union.instancePath))) {
        matchedBranch.set(union, branch);
        break;
      }
    }
  }
  const insideUnion = (e: AjvError) =>
    unions.some((u) => {
      if (u === e || !e.schemaPath.startsWith(`${u.schemaPath}/`)) return false;
      const branch = matchedBranch.get(u);
      return branch === undefined || !e.schemaPath.startsWith(branch);
    });
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    if (error.keyword === 'if' || matchedBranch.has(error) || insideUnion(error)) continue;
    const field = toFieldError(error, dataVar);
    const key = `${field.path}\u0000${field.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(field);
  }
  return out;
}

/** Keywords that fail when a value is of the wrong kind altogether, rather than breaking a constraint of its kind. */
const TYPE_KEYWORDS = new Set(['type', 'const', 'enum', 'anyOf', 'oneOf']);

function toFieldError(error: AjvError, dataVar: SchemaErrorDataVar): FieldError {
  const base = pointerToPath(error.instancePath);
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return field(dataVar, join(base, String(p.missingProperty)), 'is required');
    case 'additionalProperties':
      return field(dataVar, join(base, String(p.additionalProperty)), 'is not a known field');
    default:
      return field(dataVar, base, describe(error));
  }
}

function describe(error: AjvError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'type':
      return `must be ${typeWords(String(p.type).split(','))}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'const':
      return `must be ${show(p.allowedValue)}`;
    case 'anyOf':
    case 'oneOf':
      return describeUnion(error);
    case 'minLength':
      return `must be at least ${p.limit} characters long`;
    case 'maxLength':
      return `must be at most ${p.limit} characters long`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${p.comparison} ${p.limit}`;
    case 'minItems':
      return `must contain at least ${p.limit} items`;
    case 'maxItems':
      return `must contain at most ${p.limit} items`;
    case 'uniqueItems':
      return 'must not contain duplicate items';
    case 'pattern':
      return `must match the pattern ${p.pattern}`;
    case 'format':
      return `must be a valid ${p.format}`;
    case TEXT_KEYWORD:
      return TEXT_MESSAGES[error.schema === 'free' ? 'free' : 'line'];
    default:
      return error.message ?? 'is invalid';
  }
}

/** "must be one of: USDT, TRX" for unions of literals, "must be a string or a number" for unions of types. */
function describeUnion(error: AjvError): string {
  if (error.keyword === 'oneOf' && Array.isArray(error.params.passingSchemas)) return 'matches more than one allowed form';
  const branches = Array.isArray(error.schema) ? (error.schema as Array<Record<string, unknown>>) : [];
  const literals = branches.map((b) => ('const' in b ? [b.const] : Array.isArray(b.enum) ? b.enum : null));
  if (branches.length > 0 && literals.every((l) => l !== null)) return `must be one of: ${literals.flat().map(show).join(', ')}`;
  const types = branches.flatMap((b) => (typeof b.type === 'string' ? [b.type] : Array.isArray(b.type) ? b.type.map(String) : []));
  if (branches.length > 0 && types.length >= branches.length) return `must be ${typeWords([...new Set(types)])}`;
  return 'does not match any allowed form';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function typeWords(types: string[]): string {
  const words = types.map((t) => TYPE_WORDS[t] ?? t);
  return words.length <= 1 ? (words[0] ?? 'valid') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "/payments/3/payee_address" → "payments/3/payee_address" (JSON pointer escapes undone). */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('/');
}

function join(base: string, name: string): string {
  return base === '' ? name : `${base}/${name}`;
}

function field(dataVar: SchemaErrorDataVar, path: string, message: string): FieldError {
  if (path === '') return { path: dataVar === 'querystring' ? 'query' : dataVar, message };
  return { path: `${PREFIX[dataVar]}${path}`, message };
}

/**
 * The last pass over the document @fastify/swagger generates, so that it is valid OpenAPI 3.0.3 and
 * complete: JSON Schema `examples` arrays (TypeBox's, 3.1 only) become 3.0 `example`s at every depth,
 * problem answers share one `Problem` schema and carry an example, each operation gets the request and
 * response examples kept in openapi-examples.ts, POSTs show the Idempotency-Key header, and a body the
 * route may go without (the server reads a missing body as `{}`) is not marked required.
 */
import { ERROR_CATALOGUE, type ErrorCode } from '../shared/errors.js';
import { OPERATION_EXAMPLES, PROBLEM_EXAMPLES } from './openapi-examples.js';
import { ProblemSchema, problemType } from './problem.js';

type Json = Record<string, unknown>;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const PROBLEM_SCHEMA_REF = '#/components/schemas/Problem';
/** What @fastify/swagger calls an answer whose schema has no description. */
const SWAGGER_PLACEHOLDER = 'Default Response';

const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); ' +
    'the same key with another request is a 422, one still in progress a 409.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
  example: 'order-1042-create',
};
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const objectValues = (value: unknown): Json[] => (isObject(value) ? Object.values(value).filter(isObject) : []);

export function finishOpenApiDocument(document: Json): Json {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  for (const schema of Object.values(schemas)) toOpenApi30Schema(schema);
  document.components = { ...components, schemas: { ...schemas, Problem: toOpenApi30Schema(plainJson(ProblemSchema)) } };
  for (const pathItem of objectValues(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) finishOperation(operation, method);
    }
  }
  return document;
}

function finishOperation(operation: Json, method: string): void {
  const examples = typeof operation.operationId === 'string' ? OPERATION_EXAMPLES[operation.operationId] : undefined;
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  for (const parameter of parameters) {
    if (isObject(parameter)) toOpenApi30Schema(parameter.schema);
  }
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  if (method === 'post' && !isPublic) operation.parameters = [...parameters, IDEMPOTENCY_KEY_PARAMETER];
  const body = operation.requestBody;
  if (isObject(body)) {
    for (const [type, media] of Object.entries(isObject(body.content) ? body.content : {})) {
      if (!isObject(media)) continue;
      toOpenApi30Schema(media.schema);
      if (type === 'application/json') body.required = !acceptsEmptyObject(media.schema);
      if (type === 'application/json' && examples?.request !== undefined) media.example = examples.request;
    }
  }
  for (const [status, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
    if (!isObject(response)) continue;
    if (response.description === SWAGGER_PLACEHOLDER) response.description = status === '201' ? 'Created' : 'OK';
    for (const [type, media] of Object.entries(isObject(response.content) ? response.content : {})) {
      if (!isObject(media)) continue;
      if (type === PROBLEM_MEDIA_TYPE) {
        media.schema = { $ref: PROBLEM_SCHEMA_REF };
        media.example = problemExample(status);
        continue;
      }
      toOpenApi30Schema(media.schema);
      const example = status.startsWith('2') ? examples?.response[type] : undefined;
      if (example !== undefined) media.example = example.example;
    }
  }
}

/** The server reads a POST without a body as `{}`: such a body is optional when `{}` is valid. */
function acceptsEmptyObject(schema: unknown): boolean {
  if (!isObject(schema) || schema.type !== 'object') return false;
  const required = Array.isArray(schema.required) ? schema.required : [];
  return required.length === 0 && (typeof schema.minProperties !== 'number' || schema.minProperties === 0);
}

/** A problem document as the server sends it for `status` (`default`: an unexpected 500). */
export function problemExample(status: string): Json {
  const sample = PROBLEM_EXAMPLES[status] ?? PROBLEM_EXAMPLES.default;
  const code: ErrorCode = sample?.code ?? 'internal';
  return {
    type: problemType(code),
    title: ERROR_CATALOGUE[code].title,
    status: ERROR_CATALOGUE[code].status,
    detail: sample?.detail ?? 'internal error',
    code,
    request_id: 'req_7f3a9c0e5b1d2468',
    errors: sample?.errors ?? [],
  };
}

/**
 * Rewrites a JSON Schema in place into an OpenAPI 3.0 Schema Object: `examples: [a, …]` becomes
 * `example: a`. @fastify/swagger does this only at the top and along `properties`, not inside
 * `additionalProperties` or `allOf`, where validators then refuse the keyword.
 */
export function toOpenApi30Schema(schema: unknown): Json {
  if (!isObject(schema)) return {};
  if (Array.isArray(schema.examples)) {
    if (schema.example === undefined && schema.examples.length > 0) schema.example = schema.examples[0];
    delete schema.examples;
  }
  for (const nested of objectValues(schema.properties)) toOpenApi30Schema(nested);
  for (const key of ['items', 'additionalProperties', 'not']) toOpenApi30Schema(schema[key]);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const nested of list) toOpenApi30Schema(nested);
  }
  return schema;
}

/** A TypeBox schema as plain JSON (its symbol-keyed markers dropped). */
function plainJson(schema: unknown): Json {
  return JSON.parse(JSON.stringify(schema)) as Json;
}

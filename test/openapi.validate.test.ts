/**
 * The OpenAPI document is one that tools accept: the document generated from the app and the committed
 * docs/openapi.json both pass swagger-parser (OpenAPI 3.0.3 schema) and Redocly's recommended rules with
 * no error, with every example checked against its schema. Every operation has a unique camelCase
 * operationId, a response example and a request example when it takes a body; every error answer is
 * application/problem+json; and the server's real answers fit what the document says.
 */
import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/app/openapi-document.js';
import { packageVersion } from '../src/cli/start.command.js';
import { serverUrlOf } from '../src/http/openapi.js';
import { ID_PREFIXES } from '../src/shared/ids.js';
import { checkBase58Address } from '../src/tron/address.js';
import { ENGINES } from './db-harness.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  path: string;
  operationId?: string;
  security?: unknown[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Json; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Json; example?: unknown }> }>;
}

interface Document {
  openapi: string;
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components: { schemas: Record<string, Json> };
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
/** Answers that are not problems: health checks answer 503 with the same health document as 200. */
const NON_PROBLEM_ERRORS = new Set(['getHealth 503', 'getReadiness 503', 'getPaymentsHealth 503']);
/** Seed paths such as /status/{payment_id} and /{payment_id}/cancel are ambiguous by shape, not in use. */
const ACCEPTED_WARNINGS = new Set(['no-ambiguous-paths', 'operation-4xx-response']);

function operationsOf(document: Document): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({ ...operation, method, path })),
  );
}

async function redoclyProblems(document: Document): Promise<NormalizedProblem[]> {
  const config = await createConfig({
    extends: ['recommended'],
    // examples must fit their schemas exactly: an unknown field in an example is a mistake too
    rules: { 'no-invalid-media-type-examples': { severity: 'error', allowAdditionalProperties: false } },
  });
  return lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
}

const describeProblem = (p: NormalizedProblem) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`;

function checkDocument(load: () => Promise<Document>) {
  let document: Document;
  beforeAll(async () => {
    document = await load();
  });

  it('passes swagger-parser validation (OpenAPI 3.0.3 schema and references)', async () => {
    const copy = structuredClone(document) as unknown as Parameters<typeof SwaggerParser.validate>[0];
    await expect(SwaggerParser.validate(copy, { resolve: { external: false } })).resolves.toBeTruthy();
  });

  it("passes Redocly's recommended rules with no error, every example fitting its schema", async () => {
    const problems = await redoclyProblems(document);
    expect(problems.filter((p) => p.severity === 'error').map(describeProblem)).toEqual([]);
    const operations = operationsOf(document);
    const isPublic = (pointer: string) =>
      operations.some((o) => Array.isArray(o.security) && o.security.length === 0 && pointer.startsWith(pointerOf(o)));
    // the only warnings: ambiguous seed paths, and public service routes that answer no 4xx
    const unexpected = problems.filter(
      (p) => !ACCEPTED_WARNINGS.has(p.ruleId) || (p.ruleId === 'operation-4xx-response' && !isPublic(p.location[0]?.pointer ?? '')),
    );
    expect(unexpected.map(describeProblem)).toEqual([]);
  });

  it('names one server and no path with a trailing slash', () => {
    expect(document.servers?.map((s) => s.url)).toEqual(['http://127.0.0.1:8097']);
    expect(Object.keys(document.paths).filter((p) => p !== '/' && p.endsWith('/'))).toEqual([]);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/payments', '/api/v1/wallet', '/api/v1/keys']));
  });

  it('gives every operation a unique camelCase operationId', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThanOrEqual(40);
    expect(operations.filter((o) => !/^[a-z][A-Za-z0-9]+$/.test(o.operationId ?? '')).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['createPayment', 'listPayments', 'getPayment', 'createBatch', 'createRefund']));
  });

  it('has a response example for every operation and a request example for every body', () => {
    const missing: string[] = [];
    for (const o of operationsOf(document)) {
      const success = Object.entries(o.responses).filter(([status]) => status.startsWith('2'));
      const withExamples = success.filter(
        ([, r]) => r.content !== undefined && Object.values(r.content).every((media) => media.example !== undefined),
      );
      if (withExamples.length === 0) missing.push(`${o.operationId} response`);
      if (o.requestBody && o.requestBody.content['application/json']?.example === undefined) missing.push(`${o.operationId} request`);
    }
    expect(missing).toEqual([]);
  });

  it('uses realistic example values: valid TRON addresses and ids of the current shape', () => {
    const strings: string[] = [];
    const collect = (value: unknown, isExample: boolean): void => {
      if (typeof value === 'string' && isExample) strings.push(value);
      else if (Array.isArray(value)) for (const item of value) collect(item, isExample);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, nested] of Object.entries(value)) collect(nested, isExample || key === 'example');
      }
    };
    collect(document, false);
    const addresses = strings.filter((s) => /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(s));
    expect(addresses.length).toBeGreaterThan(20);
    expect(addresses.filter((a) => !checkBase58Address(a).ok)).toEqual([]);
    const ids = strings.filter((s) => ID_PREFIXES.some((prefix) => s.startsWith(`${prefix}_`) && /^[a-z]+_[0-9a-f]+$/.test(s)));
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !/^[a-z]+_[0-9a-f]{32}$/.test(id))).toEqual([]);
  });

  it('documents every 4xx and 5xx answer as application/problem+json with the Problem schema and an example', () => {
    const wrong: string[] = [];
    for (const o of operationsOf(document)) {
      for (const [status, response] of Object.entries(o.responses)) {
        if (!(status === 'default' || Number(status) >= 400) || NON_PROBLEM_ERRORS.has(`${o.operationId} ${status}`)) continue;
        const media = response.content ?? {};
        const problem = media['application/problem+json'];
        if (Object.keys(media).join() !== 'application/problem+json') wrong.push(`${o.operationId} ${status}: ${Object.keys(media)}`);
        else if (problem?.schema?.$ref !== '#/components/schemas/Problem' || problem.example === undefined) {
          wrong.push(`${o.operationId} ${status}: schema or example`);
        }
      }
      if (o.responses.default === undefined) wrong.push(`${o.operationId}: no default`);
    }
    expect(wrong).toEqual([]);
    expect(document.components.schemas.Problem?.required).toEqual(['type', 'title', 'status', 'detail', 'code', 'request_id', 'errors']);
  });

  it('marks a body optional only where the route reads a missing body as {} (refund and reconcile take query parameters)', () => {
    const required = Object.fromEntries(
      operationsOf(document)
        .filter((o) => o.requestBody)
        .map((o) => [o.operationId, o.requestBody?.required]),
    );
    expect(required).toMatchObject({
      createPayment: true,
      createBatch: true,
      updateWebhook: true,
      createRefund: false,
      reconcilePayment: false,
    });
  });
}

describe('serverUrlOf', () => {
  it('names the listen address, loopback for a wildcard, brackets for IPv6 and the default port for port 0', () => {
    expect(serverUrlOf('127.0.0.1', 8097)).toBe('http://127.0.0.1:8097');
    expect(serverUrlOf('0.0.0.0', 8080)).toBe('http://127.0.0.1:8080');
    expect(serverUrlOf('::', 8080)).toBe('http://127.0.0.1:8080');
    expect(serverUrlOf('gateway.internal', 80)).toBe('http://gateway.internal:80');
    expect(serverUrlOf('::1', 8097)).toBe('http://[::1]:8097');
    expect(serverUrlOf('127.0.0.1', 0)).toBe('http://127.0.0.1:8097');
  });
});

function pointerOf(operation: Operation): string {
  return `#/paths/${operation.path.replaceAll('~', '~0').replaceAll('/', '~1')}/${operation.method}`;
}

describe('the OpenAPI document generated from the routes', () => {
  checkDocument(async () => (await buildOpenApiDocument(packageVersion())) as Document);
});

describe('the committed docs/openapi.json', () => {
  checkDocument(async () => JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8')) as Document);
});

for (const engine of ENGINES) {
  describe(`${engine}: the server answers as its document says`, () => {
    let gw: TestGateway;
    let document: Document;
    // OpenAPI 3.0 schemas: `nullable` is an Ajv keyword, `example` is not one it checks
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const schemaOf = (schema: Json | undefined): Json => {
      const components = document.components.schemas;
      const ref = typeof schema?.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : undefined;
      return (ref === undefined ? schema : components[ref]) ?? {};
    };

    beforeAll(async () => {
      // a container's listen address: the document names the address clients reach, on the configured port
      gw = await startTestGateway(engine, { config: { server: { host: '0.0.0.0', port: 9443 } } });
      const served = await gw.call<Document>('GET', '/docs/json');
      expect(served.status).toBe(200);
      document = served.body;
    });
    afterAll(async () => {
      await gw?.close();
    });

    it('serves the document with the configured port as its server', () => {
      expect(document.servers).toEqual([{ url: 'http://127.0.0.1:9443', description: 'this gateway' }]);
    });

    it('a 422 is application/problem+json with the documented Problem fields, naming each field', async () => {
      const res = await gw.call<Json>('POST', '/api/v1/payments/create', {
        key: gw.adminKey,
        body: { payee_address: 'nope', amount: '1e5' },
      });
      expect(res.status).toBe(422);
      const documented = document.paths['/api/v1/payments/create']?.post?.responses['422']?.content ?? {};
      expect(Object.keys(documented)).toEqual(['application/problem+json']);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json\b/);
      const validate = ajv.compile(schemaOf(documented['application/problem+json']?.schema));
      expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
      expect(res.body).toMatchObject({ status: 422, code: 'validation_failed' });
      expect((res.body.errors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual(['amount', 'payee_address']);
    });

    it('a created payment fits the documented 201 schema', async () => {
      const res = await gw.call<Json>('POST', '/api/v1/payments/create', {
        key: gw.adminKey,
        body: { payee_address: gw.addresses[0], amount: '12.5' },
      });
      expect(res.status, res.text).toBe(201);
      const media = document.paths['/api/v1/payments/create']?.post?.responses['201']?.content?.['application/json'];
      const validate = ajv.compile({ ...schemaOf(media?.schema), additionalProperties: false });
      expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
    });
  });
}

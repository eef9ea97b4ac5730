/**
 * Fake twins of the HTTP ports, for route tests anywhere in the project: a key table, an in-memory
 * Idempotency-Key store and switchable health checks, plus options that build a quiet test app.
 */
import type { HttpAppOptions } from './app.js';
import type { HttpIdempotency } from './idempotency.js';
import { createGatewayMetrics } from './metrics.js';
import type { ApiKeyAuthenticator, CheckResult, HealthChecks, IdempotencyRecord, Principal, Scope, StatusViewer } from './ports.js';

export interface FakeKey {
  merchantId?: string;
  keyId?: string;
  scopes: Scope[];
  revoked?: boolean;
}

/** Keys by their raw value; unknown and revoked keys authenticate as null. */
export function fakeAuthenticator(keys: Record<string, FakeKey>): ApiKeyAuthenticator {
  return {
    async authenticate(rawKey) {
      const key = keys[rawKey];
      if (key === undefined || key.revoked === true) return null;
      const keyId = key.keyId ?? `key_${rawKey}`;
      const principal: Principal = {
        merchantId: key.merchantId ?? 'mer_0000000000000001',
        keyId,
        actor: keyId,
        scopes: new Set(key.scopes),
      };
      return principal;
    },
  };
}

export function memoryIdempotencyStore(ttlMs = 24 * 3600_000): HttpIdempotency & { records: Map<string, IdempotencyRecord> } {
  const records = new Map<string, IdempotencyRecord>();
  return {
    ttlMs,
    records,
    async find(merchantId, key) {
      return records.get(`${merchantId} ${key}`) ?? null;
    },
    async save(merchantId, key, record) {
      const slot = `${merchantId} ${key}`;
      if (!records.has(slot)) records.set(slot, record);
    },
  };
}

export function fakeHealth(
  checks: Record<string, CheckResult> = { database: { ok: true, detail: 'ok' } },
  status: Record<string, unknown> = {},
  /** what an admin sees in addition to `status`, by merchant */
  detail: (merchantId: string) => Record<string, unknown> = () => ({}),
): HealthChecks & { checks: Record<string, CheckResult> } {
  const health = {
    checks,
    async ready() {
      return { ...health.checks };
    },
    async status(viewer: StatusViewer) {
      return viewer ? { ...status, ...detail(viewer.merchantId) } : status;
    },
  };
  return health;
}

/** Options for a test app: no logging, no default process metrics, the given fakes. */
export function testAppOptions(overrides: Partial<HttpAppOptions> = {}): HttpAppOptions {
  return {
    bodyLimitBytes: 1_048_576,
    corsOrigins: [],
    docsEnabled: true,
    logger: false,
    authenticator: fakeAuthenticator({}),
    idempotency: memoryIdempotencyStore(),
    metrics: createGatewayMetrics({ defaultMetrics: false }),
    health: fakeHealth(),
    metricsRequireKey: false,
    version: '0.0.0-test',
    ...overrides,
  };
}

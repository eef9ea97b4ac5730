/**
 * What the HTTP layer needs from the rest of the gateway, as interfaces. The composition root
 * (src/app) passes implementations; tests pass fakes.
 */

import type { Scope } from '../shared/catalogues/api-key-scopes.js';

export { SCOPES, type Scope } from '../shared/catalogues/api-key-scopes.js';

/** The authenticated caller of a request. */
export interface Principal {
  merchantId: string;
  keyId: string;
  scopes: ReadonlySet<Scope>;
}

export interface ApiKeyAuthenticator {
  /** null for an unknown or revoked key */
  authenticate(rawKey: string): Promise<Principal | null>;
}

/** A stored response for an Idempotency-Key. */
export interface IdempotencyRecord {
  requestHash: string;
  method: string;
  path: string;
  statusCode: number;
  /** the exact JSON body sent the first time */
  body: string;
}

export interface IdempotencyStore {
  find(merchantId: string, key: string): Promise<IdempotencyRecord | null>;
  /** Stores a completed response; a record that already exists is left as it is. */
  save(merchantId: string, key: string, record: IdempotencyRecord): Promise<void>;
}

/** An Idempotency-Key the plugin accepted as new for this request, handed to use cases that store it in their own transaction. */
export interface IdempotencyClaim {
  merchantId: string;
  key: string;
  requestHash: string;
  method: string;
  path: string;
}

export interface CheckResult {
  ok: boolean;
  /** short human-readable state; never secrets */
  detail: string;
  latency_ms?: number;
}

/** Who reads /status: nobody in particular (no key, or a key without `admin`), or a merchant's admin key. */
export type StatusViewer = { merchantId: string } | null;

export interface HealthChecks {
  /** named readiness checks (database, chain, …); any failing one makes /health/ready answer 503 */
  ready(): Promise<Record<string, CheckResult>>;
  /**
   * Extra JSON for /status. Without a viewer only service-level facts (network, roles, lags, queue
   * counts); a merchant's admin additionally sees the runtime detail and that merchant's own records.
   */
  status(viewer: StatusViewer): Promise<Record<string, unknown>>;
}

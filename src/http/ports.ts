/**
 * What the HTTP layer needs from the rest of the gateway, as interfaces. The composition root
 * (src/app) passes implementations; tests pass fakes.
 */

import type { Scope } from '../shared/catalogues/api-key-scopes.js';
import type { DashboardRole } from '../shared/catalogues/dashboard-roles.js';

export { SCOPES, type Scope } from '../shared/catalogues/api-key-scopes.js';

/** The dashboard user behind a session (issue 22). */
export interface SessionUser {
  id: string;
  email: string;
  role: DashboardRole;
  sessionId: string;
  /** the session's absolute end (ms since the epoch) */
  expiresAt: number;
  /** logged in with a one-time password: only the session's own routes answer until it is changed */
  mustChangePassword: boolean;
}

/** The authenticated caller of a request: an API key, or a dashboard user's session. */
export interface Principal {
  merchantId: string;
  /** the API key; null for a session */
  keyId: string | null;
  /** who the audit log names: the key id, or `user:<id>` for a session */
  actor: string;
  scopes: ReadonlySet<Scope>;
  /** present for a session */
  user?: SessionUser;
}

export interface ApiKeyAuthenticator {
  /** null for an unknown or revoked key */
  authenticate(rawKey: string): Promise<Principal | null>;
}

/** A session cookie's holder, with the session's CSRF token. */
export interface SessionPrincipal {
  principal: Principal & { user: SessionUser };
  csrfToken: string;
}

export interface SessionAuthenticator {
  /** null for an unknown, revoked or expired session, or a disabled user */
  authenticateSession(token: string): Promise<SessionPrincipal | null>;
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
  /** how long the stored answer is kept (api.idempotency_ttl_hours) */
  ttlMs: number;
}

/** An HTTP answer rendered by a use case, stored for its Idempotency-Key byte for byte. */
export interface RenderedAnswer {
  statusCode: number;
  body: string;
}

/** A claim a use case stores in its own transaction, with how its success is answered (ADR 0033). */
export interface ClaimedAnswer<T> {
  claim: IdempotencyClaim;
  render: (value: T) => RenderedAnswer;
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

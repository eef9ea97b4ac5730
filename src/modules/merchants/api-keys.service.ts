/**
 * API keys (SPEC §3.1): `tpg_` + 43 base62 characters (256 random bits), shown once, stored only as a
 * SHA-256 hash with a short display prefix. Authentication is one indexed lookup by hash, so a revoked
 * key stops working at once in every process.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyAuthenticator, ClaimedAnswer, Principal, Scope } from '../../http/ports.js';
import { type Clock, systemClock } from '../../shared/clock.js';
import { AppError, type FieldError, notFound, validationError } from '../../shared/errors.js';
import { type IdGenerator, isId, newId } from '../../shared/ids.js';
import { LookupCache } from '../../shared/lookup-cache.js';
import { ok } from '../../shared/result.js';
import { type AuditContext, type AuditRecorder, AuditTrail } from '../audit/audit-trail.js';
import { claimed } from '../idempotency/claimed-answer.js';
import type { ApiKeysRepository } from './api-keys.repository.js';
import {
  API_KEY_PATTERN,
  API_KEY_PREFIX,
  API_KEY_RANDOM_LENGTH,
  type ApiKey,
  type ApiKeyView,
  checkName,
  DEFAULT_KEY_SCOPES,
  displayPrefix,
  toApiKeyView,
  validateScopes,
} from './merchant.js';
import { INTERNAL_ACTOR, type MerchantsService } from './merchants.service.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A fresh key: "tpg_" + 43 base62 characters drawn without modulo bias (62^43 > 2^256). */
/** Bounds the principal cache; it is cleared when full (keys in use are few). */
const PRINCIPAL_CACHE_LIMIT = 10_000;

export function generateApiKey(random: (size: number) => Uint8Array = randomBytes): string {
  let out = '';
  while (out.length < API_KEY_RANDOM_LENGTH) {
    for (const byte of random(64)) {
      if (byte >= 248) continue; // 248 = 4 × 62: larger bytes would favour the first characters
      out += BASE62[byte % 62];
      if (out.length === API_KEY_RANDOM_LENGTH) break;
    }
  }
  return `${API_KEY_PREFIX}${out}`;
}

/** What is stored instead of the key: lowercase hex SHA-256 of the whole key string. */
export function hashApiKey(rawKey: string): string {
  return createHash('sha256').update(rawKey, 'utf8').digest('hex');
}

export interface CreateKeyInput {
  merchantId: string;
  name: string;
  /** default: every scope but `admin` and `payouts:write` */
  scopes?: readonly string[];
  /** an operator-chosen key (the configured bootstrap key) instead of a generated one */
  rawKey?: string;
}

export interface CreatedKey {
  key: ApiKeyView;
  /** the key itself; shown to the caller once and never again */
  secret: string;
  /** false when `rawKey` was already registered and the existing key is returned */
  created: boolean;
}

export interface ApiKeysServiceDeps {
  repository: ApiKeysRepository;
  merchants: MerchantsService;
  clock?: Clock;
  ids?: IdGenerator;
  random?: (size: number) => Uint8Array;
  /** `last_used_at` is written at most this often per key (default one minute) */
  touchIntervalMs?: number;
  /**
   * How long a verified key is trusted without asking the database again (0: always ask). A revocation
   * reaches this process at once and other processes within this time.
   */
  principalCacheMs?: number;
  /** failures of background work, the `last_used_at` write or a cache refresh (logged by the caller; never fails a request) */
  onBackgroundError?: (error: unknown) => void;
  /** default: an AuditTrail on the same clock */
  audit?: AuditRecorder;
}

/** What the audit log keeps of a key: never the key or its hash. */
function auditedKey(key: Pick<ApiKey, 'id' | 'name' | 'prefix' | 'scopes' | 'revokedAt'>) {
  return { id: key.id, name: key.name, prefix: key.prefix, scopes: [...key.scopes], status: key.revokedAt === null ? 'active' : 'revoked' };
}

export class ApiKeysService implements ApiKeyAuthenticator {
  private readonly repository: ApiKeysRepository;
  private readonly merchants: MerchantsService;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly random: (size: number) => Uint8Array;
  private readonly touchIntervalMs: number;
  private readonly onBackgroundError: (error: unknown) => void;
  /** when this process last wrote `last_used_at` per key */
  private readonly touched = new Map<string, number>();
  /** Verified keys by hash, so that a busy client is not looked up on every request. */
  private readonly principals: LookupCache<Principal>;
  private readonly pending = new Set<Promise<void>>();
  private readonly audit: AuditRecorder;

  constructor(deps: ApiKeysServiceDeps) {
    this.repository = deps.repository;
    this.merchants = deps.merchants;
    this.clock = deps.clock ?? systemClock;
    this.ids = deps.ids ?? newId;
    this.random = deps.random ?? randomBytes;
    this.touchIntervalMs = deps.touchIntervalMs ?? 60_000;
    this.onBackgroundError = deps.onBackgroundError ?? (() => {});
    this.principals = new LookupCache({
      ttlMs: deps.principalCacheMs ?? 0,
      now: () => this.clock.now(),
      maxEntries: PRINCIPAL_CACHE_LIMIT,
      onRefreshError: this.onBackgroundError,
    });
    this.audit = deps.audit ?? new AuditTrail(this.clock);
  }

  /**
   * Creates a key for the merchant and returns its secret once. With `rawKey` the given key is
   * registered instead; registering it again is a no-op that returns the existing key (as it is, even
   * revoked), and a key registered to another merchant is a conflict.
   */
  /** With `answer`, the request's Idempotency-Key is claimed and answered in the key's own transaction (ADR 0033). */
  async createKey(input: CreateKeyInput, context: AuditContext = INTERNAL_ACTOR, answer?: ClaimedAnswer<CreatedKey>): Promise<CreatedKey> {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    const errors: FieldError[] = [];
    const nameProblem = checkName(name);
    if (nameProblem) errors.push({ path: 'name', message: nameProblem });
    const scopes = validateScopes(input.scopes ?? DEFAULT_KEY_SCOPES);
    if (!scopes.ok) errors.push(...scopes.error);
    if (input.rawKey !== undefined && !API_KEY_PATTERN.test(input.rawKey)) {
      errors.push({ path: 'raw_key', message: 'must be 24–128 characters of A-Z, a-z, 0-9, _ or -' });
    }
    if (errors.length > 0 || !scopes.ok) throw validationError(errors);
    await this.merchants.getMerchant(input.merchantId);

    const secret = input.rawKey ?? generateApiKey(this.random);
    const row = {
      id: this.ids('key'),
      merchantId: input.merchantId,
      name,
      keyHash: hashApiKey(secret),
      prefix: displayPrefix(secret),
      scopes: scopes.value,
      now: this.clock.now(),
    };
    const recordCreated = (trx: Parameters<AuditRecorder['record']>[0]) =>
      this.audit.record(trx, [
        {
          merchantId: row.merchantId,
          actor: context.actor,
          action: 'api_key.created',
          entityType: 'api_key',
          entityId: row.id,
          requestId: context.requestId,
          after: auditedKey({ ...row, revokedAt: null }),
        },
      ]);
    if (input.rawKey === undefined) {
      const fresh: CreatedKey = {
        key: toApiKeyView({ ...row, createdAt: row.now, lastUsedAt: null, revokedAt: null }),
        secret,
        created: true,
      };
      await this.repository.transaction((trx) =>
        claimed(trx, answer, row.now, async () => {
          await this.repository.insert(row, trx);
          await recordCreated(trx);
          return ok(fresh);
        }),
      );
      return fresh;
    }
    const created = await this.repository.transaction(async (trx) => {
      const inserted = await this.repository.insertIfAbsent(row, trx);
      if (inserted) await recordCreated(trx);
      return inserted;
    });
    const stored = await this.repository.findByHash(row.keyHash);
    if (!stored) throw new Error('an API key vanished right after it was stored');
    if (stored.merchantId !== input.merchantId) throw new AppError('conflict', 'this key is already registered to another merchant');
    return { key: toApiKeyView(stored), secret, created };
  }

  /** The merchant's keys, revoked ones included; never a secret or a hash. */
  async listKeys(merchantId: string): Promise<ApiKeyView[]> {
    return (await this.repository.listByMerchant(merchantId)).map(toApiKeyView);
  }

  /** Throws `not_found` for an unknown id or another merchant's key. */
  async getKey(merchantId: string, keyId: string): Promise<ApiKeyView> {
    const key = isId('key', keyId) ? await this.repository.findById(merchantId, keyId) : null;
    if (!key) throw notFound('API key', keyId);
    return toApiKeyView(key);
  }

  /** Keys the merchant ever had, revoked ones included. */
  async countKeys(merchantId: string): Promise<number> {
    return this.repository.countByMerchant(merchantId);
  }

  /**
   * Revokes the key at once for every process. Revoking a revoked key returns it unchanged; another
   * merchant's key answers `not_found`, as an unknown one does.
   */
  async revokeKey(merchantId: string, keyId: string, context: AuditContext = INTERNAL_ACTOR): Promise<ApiKeyView> {
    if (!isId('key', keyId)) throw notFound('API key', keyId);
    const now = this.clock.now();
    await this.repository.transaction(async (trx) => {
      const before = await this.repository.findById(merchantId, keyId, trx);
      if (!before || !(await this.repository.revoke(merchantId, keyId, now, trx))) return;
      await this.audit.record(trx, [
        {
          merchantId,
          actor: context.actor,
          action: 'api_key.revoked',
          entityType: 'api_key',
          entityId: keyId,
          requestId: context.requestId,
          before: auditedKey(before),
          after: auditedKey({ ...before, revokedAt: now }),
        },
      ]);
    });
    // This process forgets the key at once; others within principalCacheMs.
    this.principals.clear();
    return this.getKey(merchantId, keyId);
  }

  /** The caller behind a key, or null for an unknown or revoked key or a disabled merchant. */
  async authenticate(rawKey: string): Promise<Principal | null> {
    if (typeof rawKey !== 'string' || !API_KEY_PATTERN.test(rawKey)) return null;
    const hash = hashApiKey(rawKey);
    return this.principals.get(hash, async () => {
      const key = await this.repository.findByHash(hash);
      if (!key || key.revokedAt !== null || key.merchantStatus !== 'active') return null;
      this.recordUse(key.id, key.lastUsedAt);
      return { merchantId: key.merchantId, keyId: key.id, actor: key.id, scopes: new Set<Scope>(key.scopes) };
    });
  }

  /** Waits for background `last_used_at` writes (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Writes `last_used_at` in the background, at most once per interval per key; the request never waits. */
  private recordUse(keyId: string, storedLastUse: number | null): void {
    const now = this.clock.now();
    const last = Math.max(storedLastUse ?? Number.NEGATIVE_INFINITY, this.touched.get(keyId) ?? Number.NEGATIVE_INFINITY);
    if (now - last < this.touchIntervalMs) return;
    this.touched.set(keyId, now);
    const write: Promise<void> = this.repository
      .touch(keyId, now, now - this.touchIntervalMs)
      .catch((error: unknown) => this.onBackgroundError(error))
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }
}

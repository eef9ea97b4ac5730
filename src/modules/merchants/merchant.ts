/**
 * Merchants and their API keys (SPEC §3.1): the types, the rules on names and scopes, and the API views.
 * No I/O here.
 */
import { SETTLEMENT_FREQUENCIES, type SettlementFrequency } from '../../config/schema.js';
import { SCOPES, type Scope } from '../../shared/catalogues/api-key-scopes.js';
import { toIso } from '../../shared/clock.js';
import type { FieldError } from '../../shared/errors.js';
import { err, ok, type Result } from '../../shared/result.js';

export const MERCHANT_STATUSES = ['active', 'disabled'] as const;
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];

export interface Merchant {
  /** `mer_` + 32 hex (16 in ids made before the ids carried random bits) */
  id: string;
  name: string;
  /** derivation index of the hot wallet: m/44'/195'/<hot_wallet_account>'/0/<hdIndex>; unique */
  hdIndex: number;
  status: MerchantStatus;
  /** null follows the gateway default (`settlement.frequency`) */
  settlementFrequency: SettlementFrequency | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * The default merchant of an install is the one holding hot-wallet index 0; merchants created later get
 * 1, 2, … from the `merchant` HD counter. The unique index on `hd_index` makes "create the default
 * merchant" safe to race between processes.
 */
export const DEFAULT_MERCHANT_HD_INDEX = 0;
export const DEFAULT_MERCHANT_NAME = 'Default merchant';
/** `hd_counters.name` of the merchant hot-wallet index sequence */
export const MERCHANT_HD_COUNTER = 'merchant';

export const MERCHANT_NAME_MAX_LENGTH = 100;

export interface CreateMerchantInput {
  name: string;
  settlementFrequency?: SettlementFrequency | string | null;
}

/** Trims the name and checks name and frequency; every problem is reported. */
export function validateMerchantInput(
  input: CreateMerchantInput,
): Result<{ name: string; settlementFrequency: SettlementFrequency | null }, FieldError[]> {
  const errors: FieldError[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const nameProblem = checkName(name);
  if (nameProblem) errors.push({ path: 'name', message: nameProblem });
  const frequency = input.settlementFrequency ?? null;
  if (frequency !== null && !isSettlementFrequency(frequency)) {
    errors.push({ path: 'settlement_frequency', message: `must be one of ${SETTLEMENT_FREQUENCIES.join(', ')}` });
  }
  if (errors.length > 0) return err(errors);
  return ok({ name, settlementFrequency: frequency as SettlementFrequency | null });
}

/** A display name for merchants and keys: 1–100 characters, no control characters. */
export function checkName(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name.length > MERCHANT_NAME_MAX_LENGTH) return `must be at most ${MERCHANT_NAME_MAX_LENGTH} characters`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'must not contain control characters';
  return null;
}

export function isSettlementFrequency(value: unknown): value is SettlementFrequency {
  return typeof value === 'string' && (SETTLEMENT_FREQUENCIES as readonly string[]).includes(value);
}

/** The JSON shape of a merchant on the API and in CLI `--json` output. */
export interface MerchantView {
  id: string;
  name: string;
  status: MerchantStatus;
  hd_index: number;
  settlement_frequency: SettlementFrequency | null;
  created_at: string;
  updated_at: string;
}

export function toMerchantView(merchant: Merchant): MerchantView {
  return {
    id: merchant.id,
    name: merchant.name,
    status: merchant.status,
    hd_index: merchant.hdIndex,
    settlement_frequency: merchant.settlementFrequency,
    created_at: toIso(merchant.createdAt),
    updated_at: toIso(merchant.updatedAt),
  };
}

// --- API keys ---------------------------------------------------------------------------------------

/** What a generated key starts with; the rest is 43 base62 characters (256 bits). */
export const API_KEY_PREFIX = 'tpg_';
export const API_KEY_RANDOM_LENGTH = 43;
/** Keys accepted at all (generated ones and an operator's bootstrap key): the shape config allows. */
export const API_KEY_PATTERN = /^[A-Za-z0-9_-]{24,128}$/;

/** A new key gets these unless it asks for others (the scope catalogue says which, and why). */
export { DEFAULT_KEY_SCOPES } from '../../shared/catalogues/api-key-scopes.js';
export const ALL_SCOPES: readonly Scope[] = SCOPES;

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

/** Deduplicated, in catalogue order; unknown names are reported by index. */
export function validateScopes(scopes: readonly unknown[]): Result<Scope[], FieldError[]> {
  const errors: FieldError[] = [];
  scopes.forEach((scope, i) => {
    if (!isScope(scope))
      errors.push({ path: `scopes/${i}`, message: `unknown scope ${JSON.stringify(scope)}; known: ${SCOPES.join(', ')}` });
  });
  if (scopes.length === 0) errors.push({ path: 'scopes', message: 'must name at least one scope' });
  if (errors.length > 0) return err(errors);
  return ok(SCOPES.filter((s) => scopes.includes(s)));
}

export interface ApiKey {
  /** `key_` + 32 hex (16 in ids made before the ids carried random bits) */
  id: string;
  merchantId: string;
  name: string;
  /** the first characters of the key, to recognise it ("tpg_ab12") */
  prefix: string;
  scopes: Scope[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** The JSON shape of a key: never the secret, never its hash. */
export interface ApiKeyView {
  id: string;
  merchant_id: string;
  name: string;
  /** "tpg_ab12…" */
  prefix: string;
  scopes: Scope[];
  status: 'active' | 'revoked';
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    merchant_id: key.merchantId,
    name: key.name,
    prefix: `${key.prefix}…`,
    scopes: [...key.scopes],
    status: key.revokedAt === null ? 'active' : 'revoked',
    created_at: toIso(key.createdAt),
    last_used_at: key.lastUsedAt === null ? null : toIso(key.lastUsedAt),
    revoked_at: key.revokedAt === null ? null : toIso(key.revokedAt),
  };
}

/** Characters of a key kept for display: "tpg_" and four random ones, or four of an operator's own key. */
export function displayPrefix(rawKey: string): string {
  return rawKey.startsWith(API_KEY_PREFIX) ? rawKey.slice(0, API_KEY_PREFIX.length + 4) : rawKey.slice(0, 4);
}

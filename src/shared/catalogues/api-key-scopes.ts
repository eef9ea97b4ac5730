/**
 * The API-key scopes, in one place: the route checks (`config: { scope }`), the key schemas of the API
 * and OpenAPI document, key validation and the scopes a new key gets by default all come from here.
 */

/** In the order keys list them. `admin` holds every scope. */
export const SCOPES = [
  'payments:read',
  'payments:write',
  'payouts:write',
  'refunds:write',
  'webhooks:manage',
  'reports:read',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Whether a key created without a scope list gets the scope. `payouts:write` (route payouts, on top of
 * `payments:write`) sends money out of the hot wallet: it is asked for, never given by default.
 */
export const SCOPE_CATALOGUE: Readonly<Record<Scope, { grantedByDefault: boolean }>> = {
  'payments:read': { grantedByDefault: true },
  'payments:write': { grantedByDefault: true },
  'payouts:write': { grantedByDefault: false },
  'refunds:write': { grantedByDefault: true },
  'webhooks:manage': { grantedByDefault: true },
  'reports:read': { grantedByDefault: true },
  admin: { grantedByDefault: false },
};

export const DEFAULT_KEY_SCOPES: readonly Scope[] = SCOPES.filter((scope) => SCOPE_CATALOGUE[scope].grantedByDefault);

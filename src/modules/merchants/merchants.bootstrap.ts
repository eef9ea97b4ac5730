/**
 * First start of an install (SPEC §3.1): the default merchant exists, the configured bootstrap key is
 * registered to it, and when no key was configured the merchant's first key is created so that the
 * caller can print it once.
 */
import type { ApiKeysService, CreatedKey } from './api-keys.service.js';
import { ALL_SCOPES, type ApiKeyView, type Merchant } from './merchant.js';
import type { MerchantsService } from './merchants.service.js';

export interface BootstrapResult {
  merchant: Merchant;
  /** true when this call created the default merchant */
  created: boolean;
  /** the configured `security.bootstrap_api_key`, registered (or found) with every scope */
  bootstrapKey: ApiKeyView | null;
  /** a generated first key with every scope, when the merchant never had one and none was configured: print it once */
  firstKey: CreatedKey | null;
}

/** The actor of the records a first start writes. */
const BOOTSTRAP_ACTOR = { actor: 'system:bootstrap', requestId: null };

export async function bootstrapDefaultMerchant(
  deps: { merchants: MerchantsService; apiKeys: ApiKeysService },
  options: { bootstrapApiKey?: string } = {},
): Promise<BootstrapResult> {
  const { merchant, created } = await deps.merchants.ensureDefaultMerchant(BOOTSTRAP_ACTOR);
  if (options.bootstrapApiKey) {
    const { key } = await deps.apiKeys.createKey(
      { merchantId: merchant.id, name: 'bootstrap', scopes: ALL_SCOPES, rawKey: options.bootstrapApiKey },
      BOOTSTRAP_ACTOR,
    );
    return { merchant, created, bootstrapKey: key, firstKey: null };
  }
  // "Never had a key", not "has no active key": revoking every key must not make a restart mint a new admin key.
  if (!created && (await deps.apiKeys.countKeys(merchant.id)) > 0) return { merchant, created, bootstrapKey: null, firstKey: null };
  const firstKey = await deps.apiKeys.createKey({ merchantId: merchant.id, name: 'first key', scopes: ALL_SCOPES }, BOOTSTRAP_ACTOR);
  return { merchant, created, bootstrapKey: null, firstKey };
}

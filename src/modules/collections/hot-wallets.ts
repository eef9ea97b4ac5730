/**
 * The gateway's own hot wallets (one per merchant), as a set of base58 addresses: a transfer from one of
 * them to a deposit address is the gateway fuelling a sweep, not a payment. Merchants are few and change
 * rarely; the set is re-read at most every `ttlMs`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { WalletAddresses } from '../wallets/wallet-addresses.js';

export function hotWalletSet(
  db: Kysely<DB>,
  wallets: Pick<WalletAddresses, 'hotWalletAddress'>,
  ttlMs = 30_000,
): () => Promise<ReadonlySet<string>> {
  let cached: { set: ReadonlySet<string>; until: number } | null = null;
  return async () => {
    const now = Date.now();
    if (cached && cached.until > now) return cached.set;
    const rows = await db.selectFrom('merchants').select('hd_index').execute();
    const set = new Set(rows.map((r) => wallets.hotWalletAddress(Number(r.hd_index))));
    cached = { set, until: now + ttlMs };
    return set;
  };
}

/**
 * Payouts get their own scope, `payouts:write` (issue 17). Every key that could pay out until now — each
 * one holding `payments:write` — is given it, so that existing integrations keep working; keys created
 * from here on get it only when they ask for it. `admin` keys hold every scope already. Scopes are a JSON
 * array in a text column: read and rewritten key by key, the same on both engines (there are few keys).
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving table types
type AnyDb = Kysely<any>;

const WRITE = 'payments:write';
const PAYOUTS = 'payouts:write';

async function rewriteScopes(db: AnyDb, change: (scopes: string[]) => string[] | null): Promise<void> {
  const keys: Array<{ id: string; scopes: string }> = await db.selectFrom('api_keys').select(['id', 'scopes']).execute();
  for (const key of keys) {
    let scopes: unknown;
    try {
      scopes = JSON.parse(key.scopes);
    } catch {
      continue; // unreadable scopes grant nothing; they are left as they are
    }
    if (!Array.isArray(scopes)) continue;
    const changed = change(scopes.filter((s): s is string => typeof s === 'string'));
    if (changed !== null)
      await db
        .updateTable('api_keys')
        .set({ scopes: JSON.stringify(changed) })
        .where('id', '=', key.id)
        .execute();
  }
}

export async function up(db: AnyDb): Promise<void> {
  // right after payments:write: the catalogue's order, in which keys list their scopes
  await rewriteScopes(db, (scopes) =>
    scopes.includes(WRITE) && !scopes.includes(PAYOUTS) ? scopes.flatMap((s) => (s === WRITE ? [s, PAYOUTS] : [s])) : null,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await rewriteScopes(db, (scopes) => (scopes.includes(PAYOUTS) ? scopes.filter((s) => s !== PAYOUTS) : null));
}

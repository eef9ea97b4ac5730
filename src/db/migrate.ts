/** Runs the ordered migrations in src/db/migrations on either engine, one line of progress each; a failure throws (exit non-zero). */
import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator, sql } from 'kysely';
import * as m0001 from './migrations/0001_gateway_core.js';
import * as m0002 from './migrations/0002_webhooks_reports_audit.js';
import * as m0003 from './migrations/0003_money_movement.js';
import * as m0004 from './migrations/0004_batch_stalled.js';
import * as m0005 from './migrations/0005_payouts_scope.js';
import * as m0006 from './migrations/0006_reconciliation_outcome.js';
import * as m0007 from './migrations/0007_wide_money.js';
import * as m0008 from './migrations/0008_checkout.js';
import * as m0009 from './migrations/0009_send_costs.js';
import * as m0010 from './migrations/0010_energy_delegations.js';
import * as m0011 from './migrations/0011_address_reuse_unique_amounts.js';
import * as m0012 from './migrations/0012_dashboard_users.js';
import * as m0013 from './migrations/0013_send_energy_decisions.js';
import * as m0014 from './migrations/0014_payout_approval_note.js';
import * as m0018 from './migrations/0018_scanned_blocks.js';
import * as m0019 from './migrations/0019_send_failing_status.js';
import type { DB } from './schema.js';

/** Listed explicitly so that the same set runs from sources (tsx) and from the compiled dist/. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_gateway_core': m0001,
  '0002_webhooks_reports_audit': m0002,
  '0003_money_movement': m0003,
  '0004_batch_stalled': m0004,
  '0005_payouts_scope': m0005,
  '0006_reconciliation_outcome': m0006,
  '0007_wide_money': m0007,
  '0008_checkout': m0008,
  '0009_send_costs': m0009,
  '0010_energy_delegations': m0010,
  '0011_address_reuse_unique_amounts': m0011,
  '0012_dashboard_users': m0012,
  '0013_send_energy_decisions': m0013,
  '0014_payout_approval_note': m0014,
  '0018_scanned_blocks': m0018,
  '0019_send_failing_status': m0019,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export async function migrateToLatest(db: Kysely<DB>, onProgress?: (line: string) => void): Promise<MigrationReport> {
  return retryingCatalogRaces(() => migrateOnce(db, onProgress));
}

/**
 * Kysely's migrator looks for its tables by listing every table of the database, and that catalog query
 * resolves each table's name again (`pg_get_serial_sequence`): a schema, table or column that someone
 * else sharing the database drops at that moment (another gateway's test schema, another application)
 * fails it ("schema … does not exist", "column … of relation … does not exist"). Nothing of ours failed,
 * and each migration is its own transaction, so running again goes on where it stopped.
 */
export async function retryingCatalogRaces<T>(migrate: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrate();
    } catch (error) {
      const raced = /(schema|relation) "[^"]+" does not exist|column "[^"]+" of relation "[^"]+" does not exist/.test(String(error));
      if (attempt >= 5 || !raced) throw error;
    }
  }
}

async function migrateOnce(db: Kysely<DB>, onProgress?: (line: string) => void): Promise<MigrationReport> {
  const schema = await currentPostgresSchema(db);
  // Kysely looks for its bookkeeping table in every schema; pin it to ours so that several gateways
  // (or test runs) in separate schemas of one PostgreSQL database never see each other's.
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const before = (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined).length;
  const pending = Object.keys(MIGRATIONS).length - before;
  const applied: string[] = [];
  // One migration (and one transaction) at a time, so that each is reported as it ends, not after all of them.
  for (;;) {
    const started = Date.now();
    const result: MigrationResultSet = await migrator.migrateUp();
    const item = result.results?.[0];
    if (result.error) {
      const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? item?.migrationName ?? 'unknown';
      throw new Error(`migration ${failed} failed: ${result.error instanceof Error ? result.error.message : String(result.error)}`);
    }
    if (item?.status !== 'Success') break;
    applied.push(item.migrationName);
    onProgress?.(`migration ${item.migrationName}: ${item.status} (${applied.length} of ${pending}, ${Date.now() - started} ms)`);
  }
  return { applied, alreadyApplied: before };
}

/** The schema new tables land in on PostgreSQL; null on SQLite (which has no current_schema()). */
async function currentPostgresSchema(db: Kysely<DB>): Promise<string | null> {
  try {
    const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    return result.rows[0]?.schema ?? null;
  } catch {
    return null;
  }
}

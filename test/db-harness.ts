/**
 * Storage tests run on both engines: a fresh SQLite file per database, or a fresh PostgreSQL schema
 * (dropped afterwards) on the server CI starts. PostgreSQL being down fails the tests; it never skips them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { type Database, type Engine, openDatabase } from '../src/db/database.js';
import { MIGRATIONS, migrateToLatest, retryingCatalogRaces } from '../src/db/migrate.js';

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

/** The PostgreSQL server tests use; CI starts it (see .ci/run). */
export const TEST_PG_URL = process.env.TPG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Database {
  /** what the gateway's config needs to open the same database again (another "process") */
  connection: { url?: string; sqlitePath?: string; searchPath?: string };
  /** closes and removes the database */
  destroy(): Promise<void>;
}

export async function openTestDatabase(
  engine: Engine,
  options: { migrate?: boolean; onQuery?: (sql: string) => void } = {},
): Promise<TestDatabase> {
  let database: Database;
  let connection: TestDatabase['connection'];
  let removeStorage: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tpg-db-'));
    connection = { sqlitePath: join(dir, 'gateway.sqlite') };
    database = openDatabase(connection);
    removeStorage = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = openDatabase({ url: TEST_PG_URL, poolSize: 1 });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    await admin.close();
    connection = { url: TEST_PG_URL, searchPath: schema };
    database = openDatabase({ ...connection, poolSize: 10, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
    removeStorage = async () => {
      const cleanup = openDatabase({ url: TEST_PG_URL, poolSize: 1 });
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(cleanup.db);
      await cleanup.close();
    };
  }
  if (options.migrate !== false) await migrateToLatest(database.db);
  let closed = false;
  return {
    ...database,
    connection,
    close: async () => {
      if (closed) return;
      closed = true;
      await database.close();
    },
    destroy: async () => {
      if (!closed) {
        closed = true;
        await database.close();
      }
      await removeStorage();
    },
  };
}

/** Applies the migrations named before `first` (e.g. `'0006'`): the schema as an older release left it. */
export async function migrateBefore(database: TestDatabase, first: string): Promise<void> {
  const older = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < first));
  const schema = database.connection.searchPath;
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => older },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  await retryingCatalogRaces(async () => {
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  });
}

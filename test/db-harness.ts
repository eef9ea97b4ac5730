/**
 * Storage tests run on both engines: a fresh SQLite file per database, or a fresh PostgreSQL database
 * (dropped afterwards) on the server CI starts. PostgreSQL being down fails the tests; it never skips them.
 *
 * A migrated database is a copy of a template migrated once per set of migrations (keyed by their
 * sources): a SQLite file copied, a PostgreSQL `CREATE DATABASE … TEMPLATE`. Running the nineteen
 * migrations took 0.7 s on SQLite and 2–4 s on PostgreSQL for each of the suite's hundreds of databases;
 * a copy takes milliseconds. The migrations themselves are still run by the tests that check them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
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
  const migrated = options.migrate !== false;
  let database: Database;
  let connection: TestDatabase['connection'];
  let removeStorage: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tpg-db-'));
    connection = { sqlitePath: join(dir, 'gateway.sqlite') };
    if (migrated) copyFileSync(await sqliteTemplate(), connection.sqlitePath as string);
    database = openDatabase(connection);
    removeStorage = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `t_${randomBytes(6).toString('hex')}`;
    await withAdmin(async (admin) => {
      if (migrated) await sql`create database ${sql.id(name)} template ${sql.id(await postgresTemplate(admin))}`.execute(admin);
      else await sql`create database ${sql.id(name)}`.execute(admin);
    });
    // the database's own `public` schema; a URL with `-c search_path=public` opens the same tables
    connection = { url: databaseUrl(name), searchPath: 'public' };
    database = openDatabase({ ...connection, poolSize: 10, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
    removeStorage = () => withAdmin(async (admin) => void (await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin)));
  }
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

/** The migrations' identity: their sources, so that an edited migration gets a template of its own. */
const TEMPLATE_KEY = (() => {
  const hash = createHash('sha256');
  const dir = new URL('../src/db/migrations/', import.meta.url);
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(new URL(file, dir)));
  hash.update(Object.keys(MIGRATIONS).join());
  return hash.digest('hex').slice(0, 16);
})();

/** `TEST_PG_URL` with another database name. */
function databaseUrl(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(run: (admin: Database['db']) => Promise<T>): Promise<T> {
  const admin = openDatabase({ url: TEST_PG_URL, poolSize: 1 });
  try {
    return await run(admin.db);
  } finally {
    await admin.close();
  }
}

/** A migrated SQLite file in the temporary directory, made once by whichever test process needs it first. */
async function sqliteTemplate(): Promise<string> {
  const path = join(tmpdir(), `tpg-template-${TEMPLATE_KEY}.sqlite`);
  if (existsSync(path)) return path;
  const dir = mkdtempSync(join(tmpdir(), 'tpg-template-'));
  const building = join(dir, 'gateway.sqlite');
  const template = openDatabase({ sqlitePath: building, sqliteMode: 'direct' });
  await migrateToLatest(template.db);
  // everything in the main file: the copy is the whole database
  await sql`pragma wal_checkpoint(truncate)`.execute(template.db);
  await template.close();
  // atomic: a process that lost the race replaces it with an identical file
  renameSync(building, path);
  rmSync(dir, { recursive: true, force: true });
  return path;
}

/**
 * A migrated PostgreSQL database to copy, made once under an advisory lock (the test processes race for
 * it). Nobody stays connected to it: CREATE DATABASE … TEMPLATE refuses a template in use.
 */
async function postgresTemplate(admin: Database['db']): Promise<string> {
  const name = `tpg_template_${TEMPLATE_KEY}`;
  await sql`select pg_advisory_lock(hashtext(${name}))`.execute(admin);
  try {
    const found = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(admin);
    if ((found.rows[0]?.n ?? 0) > 0) return name;
    const building = `${name}_building`;
    await sql`drop database if exists ${sql.id(building)} with (force)`.execute(admin);
    await sql`create database ${sql.id(building)}`.execute(admin);
    const template = openDatabase({ url: databaseUrl(building), poolSize: 1 });
    try {
      await migrateToLatest(template.db);
    } finally {
      await template.close();
    }
    await sql`alter database ${sql.id(building)} rename to ${sql.id(name)}`.execute(admin);
    return name;
  } finally {
    await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(admin);
  }
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

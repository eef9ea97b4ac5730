/**
 * Opens the one query layer over either engine: better-sqlite3 (embedded default; WAL, synchronous=FULL,
 * integers read as bigint, money columns too: sqlite-money.ts) or PostgreSQL through a pg pool (int8 and
 * integral numerics read as bigint).
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type AtomicWriter, transactionWriter } from './atomic-writes.js';
import { prepareSqliteFiles } from './file-modes.js';
import type { DB } from './schema.js';
import { SqliteDatabase } from './sqlite-binding.js';
import { SqliteDirectDialect, SqliteRoutingDialect } from './sqlite-driver.js';
import { installMoneyFunctions } from './sqlite-money.js';
import { WAL_SIZE_LIMIT_BYTES, WRITER_AUTOCHECKPOINT_PAGES } from './sqlite-writer-thread.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** where it lives, with any password removed (for logs) */
  description: string;
  /** statements known up front, committed together (atomic-writes.ts) */
  writeAtomically: AtomicWriter;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent, SQLite at `sqlitePath` */
  url?: string;
  sqlitePath?: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  /** PostgreSQL schema to use (tests isolate themselves in one) */
  searchPath?: string;
  /**
   * SQLite only: `routed` (default) keeps the writer in its own thread and reads on this one; `direct`
   * opens one plain connection on this thread (for code that already runs in a worker of its own).
   */
  sqliteMode?: 'routed' | 'direct';
  /** PostgreSQL only: called with each statement sent, as it completes (tests count round trips) */
  onQuery?: (sql: string) => void;
  /** SQLite only: told when a database file's mode was tightened or its directory is open to others (file-modes.ts) */
  onFileMode?: (message: string) => void;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const INTEGER_TEXT = /^-?\d+$/;

/** int8 and integral numerics (money columns, sums) as bigint; a numeric with a fraction stays a string. */
function bigintParser(oid: number): ((value: string) => bigint | string) | null {
  if (oid === INT8_OID) return (value) => BigInt(value);
  if (oid === NUMERIC_OID) return (value) => (INTEGER_TEXT.test(value) ? BigInt(value) : value);
  return null;
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.url) return openPostgres(options.url, options);
  if (!options.sqlitePath) throw new Error('openDatabase needs a PostgreSQL url or a SQLite path');
  prepareSqliteFiles(options.sqlitePath, options.onFileMode);
  return options.sqliteMode === 'direct' ? openSqliteDirect(options.sqlitePath) : openSqlite(options.sqlitePath);
}

function openSqliteDirect(path: string): Database {
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The writer thread of a routed connection does the checkpoints; this one only catches up if it falls behind.
  sqlite.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`);
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  sqlite.defaultSafeIntegers(true);
  installMoneyFunctions(sqlite);
  const db = new Kysely<DB>({ dialect: new SqliteDirectDialect(sqlite) });
  return { db, engine: 'sqlite', description: `sqlite:${path}`, writeAtomically: transactionWriter(db), close: () => db.destroy() };
}

function openSqlite(path: string): Database {
  // WAL, synchronous=FULL and safe integers (int8 never read as a lossy JS number) are set by the
  // writer thread and the read connection in sqlite-driver.ts.
  const dialect = new SqliteRoutingDialect(path);
  const db = new Kysely<DB>({ dialect });
  const driver = dialect.driver;
  if (!driver) throw new Error('Kysely did not create the SQLite driver');
  return {
    db,
    engine: 'sqlite',
    description: `sqlite:${path}`,
    writeAtomically: (queries) => driver.writeAtomically(queries),
    close: () => db.destroy(),
  };
}

function openPostgres(url: string, options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        bigintParser(oid) ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const { onQuery } = options;
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(onQuery ? { log: (event) => onQuery(event.query.sql) } : {}) });
  return { db, engine: 'postgres', description: redactUrl(url), writeAtomically: transactionWriter(db), close: () => db.destroy() };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

/**
 * A Kysely dialect for better-sqlite3 with two connections to one WAL file: a writer in its own thread
 * (sqlite-writer-thread.ts), shared by transactions and single writes in strict FIFO order, and a
 * read-only connection on the main thread that answers standalone SELECTs at once. Kysely's own SQLite
 * driver puts every query behind one mutex on the main thread, so an API-key lookup waits for whatever
 * transaction is open and every fsync stalls the event loop. docs/adr/0007.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { SqliteDatabase } from './sqlite-binding.js';
import { bindable, installMoneyFunctions, readMoney } from './sqlite-money.js';
import { SqliteWriterThread, type WriterResult } from './sqlite-writer-thread.js';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

const STATEMENT_CACHE_LIMIT = 500;

/** First come, first served: one waiter is woken per release. */
class FifoLock {
  private locked = false;
  private readonly waiters: Array<() => void> = [];

  acquire(): Promise<void> {
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.locked = false;
  }
}

function toQueryResult<R>(result: WriterResult): QueryResult<R> {
  if (result.rows) return { rows: result.rows as R[] };
  return { numAffectedRows: result.changes ?? 0n, insertId: result.lastInsertRowid ?? 0n, rows: [] };
}

class RoutedConnection implements DatabaseConnection {
  holdsWriter = false;

  constructor(private readonly driver: SqliteRoutingDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const driver = this.driver;
    if (this.holdsWriter) return toQueryResult<R>(await driver.writer.exec(query.sql, query.parameters));
    const stmt = driver.readStatement(query.sql);
    if (stmt) return { rows: readMoney(stmt, stmt.all(...bindable(query.parameters)) as R[]) };
    await driver.lock.acquire();
    try {
      return toQueryResult<R>(await driver.writer.exec(query.sql, query.parameters));
    } finally {
      driver.lock.release();
    }
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported; the throw documents it
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the SQLite driver; page with limit/offset instead');
  }
}

export class SqliteRoutingDriver implements Driver {
  readonly writer: SqliteWriterThread;
  readonly lock = new FifoLock();
  private reader: BetterSqlite3.Database | null = null;
  /** read-only statements prepared on the reader; null marks a write */
  private readonly statements = new Map<string, Statement | null>();

  constructor(private readonly path: string) {
    this.writer = new SqliteWriterThread(path);
  }

  async init(): Promise<void> {
    await this.writer.ready;
    // The writer has created the file and switched it to WAL; readers never block it.
    if (this.path !== ':memory:') {
      this.reader = new SqliteDatabase(this.path, { readonly: true });
      this.reader.pragma('busy_timeout = 5000');
      this.reader.defaultSafeIntegers(true);
      installMoneyFunctions(this.reader);
    }
  }

  /**
   * The statement prepared on the read connection, or null when the writer must run it: a write, DDL, a
   * pragma that sets something (read-only to SQLite, but it must reach the writer's connection), no reader.
   */
  readStatement(sql: string): Statement | null {
    if (this.reader === null) return null;
    const cached = this.statements.get(sql);
    if (cached !== undefined) return cached;
    if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
    let stmt: Statement;
    try {
      stmt = this.reader.prepare(sql) as Statement;
    } catch {
      // DDL, or a statement SQLite refuses on a read-only connection: the writer takes it (not cached,
      // so a table created meanwhile is read here next time).
      return null;
    }
    const readable = stmt.readonly && stmt.reader ? stmt : null;
    // Writes are remembered too, so that they are not prepared here again.
    this.statements.set(sql, readable);
    return readable;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this);
  }

  /** atomic-writes.ts: the queries in one transaction on the writer thread, sent as one message. */
  async writeAtomically(queries: readonly CompiledQuery[]): Promise<QueryResult<unknown>[]> {
    if (queries.length === 0) return [];
    await this.writer.ready;
    await this.lock.acquire();
    try {
      const results = await this.writer.execBatch(queries.map((q) => ({ sql: q.sql, params: q.parameters })));
      return results.map((r) => toQueryResult<unknown>(r));
    } finally {
      this.lock.release();
    }
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const routed = connection as RoutedConnection;
    await this.lock.acquire();
    routed.holdsWriter = true;
    try {
      // IMMEDIATE takes the write lock now rather than at the first write.
      await this.writer.exec('begin immediate', []);
    } catch (error) {
      routed.holdsWriter = false;
      this.lock.release();
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.endTransaction(connection as RoutedConnection, 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.endTransaction(connection as RoutedConnection, 'rollback');
  }

  private async endTransaction(connection: RoutedConnection, command: 'commit' | 'rollback'): Promise<void> {
    try {
      await this.writer.exec(command, []);
    } finally {
      connection.holdsWriter = false;
      this.lock.release();
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const routed = connection as RoutedConnection;
    if (routed.holdsWriter) {
      // A transaction that neither committed nor rolled back: undo it so the writer is usable again.
      await this.writer.exec('rollback', []).catch(() => {});
      routed.holdsWriter = false;
      this.lock.release();
    }
  }

  async destroy(): Promise<void> {
    this.reader?.close();
    await this.writer.close();
  }
}

/** Compiler, adapter and introspector of SQLite; the subclasses choose the driver. */
abstract class SqliteDialectBase implements Dialect {
  abstract createDriver(): Driver;

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

export class SqliteRoutingDialect extends SqliteDialectBase {
  /** the driver Kysely created (it creates one per Kysely instance) */
  driver: SqliteRoutingDriver | null = null;

  constructor(private readonly path: string) {
    super();
  }

  createDriver(): Driver {
    this.driver = new SqliteRoutingDriver(this.path);
    return this.driver;
  }
}

/**
 * One connection on the calling thread, for code that already runs in a worker of its own (the create
 * pipeline): transactions and statements in FIFO order, prepared statements cached (Kysely's own SQLite
 * driver prepares every statement anew, which is costly for multi-row inserts).
 */
class DirectConnection implements DatabaseConnection {
  constructor(private readonly driver: SqliteDirectDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.driver.statement(query.sql);
    const values = bindable(query.parameters);
    if (stmt.reader) return { rows: readMoney(stmt, stmt.all(...values) as R[]) };
    const { changes, lastInsertRowid } = stmt.run(...values);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported; the throw documents it
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the SQLite driver; page with limit/offset instead');
  }
}

export class SqliteDirectDriver implements Driver {
  private readonly lock = new FifoLock();
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {}

  statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (stmt === undefined) {
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      stmt = this.db.prepare(sql) as Statement;
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire();
    return new DirectConnection(this);
  }

  async beginTransaction(): Promise<void> {
    this.statement('begin immediate').run();
  }

  async commitTransaction(): Promise<void> {
    this.statement('commit').run();
  }

  async rollbackTransaction(): Promise<void> {
    this.statement('rollback').run();
  }

  async releaseConnection(): Promise<void> {
    this.lock.release();
  }

  async destroy(): Promise<void> {
    this.db.close();
  }
}

export class SqliteDirectDialect extends SqliteDialectBase {
  constructor(private readonly db: BetterSqlite3.Database) {
    super();
  }

  createDriver(): Driver {
    return new SqliteDirectDriver(this.db);
  }
}

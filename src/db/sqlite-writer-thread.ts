/**
 * The SQLite writer connection lives in a worker thread: statements, commits and their fsyncs (a few
 * milliseconds each with synchronous=FULL) block that thread instead of the event loop that serves HTTP.
 * The worker is a few lines of plain JavaScript evaluated from a string, so it runs the same from the
 * TypeScript sources and from dist/.
 */
import { Worker } from 'node:worker_threads';
import { sqliteModulePath } from './sqlite-binding.js';
import { SQLITE_MONEY_SOURCE } from './sqlite-money.js';

/**
 * How often the writer thread copies committed WAL frames into the database file (a PASSIVE checkpoint:
 * it never blocks a writer). SQLite would otherwise checkpoint inside whichever commit pushes the WAL past
 * 1000 pages, and the create pipeline commits most: its thread stalled on writing the same pages a second
 * time, at random places in the file. Connections that write a lot raise their own automatic threshold
 * (WRITER_AUTOCHECKPOINT_PAGES) so that they only ever copy what this thread has not yet copied. ADR 0019.
 */
export const WAL_CHECKPOINT_MS = 100;
/** A connection's own automatic checkpoint: the fallback when the writer thread falls behind. */
export const WRITER_AUTOCHECKPOINT_PAGES = 8192;
/** After a checkpoint restarts the WAL, its file is truncated to this (it would keep its largest size). */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('journal_size_limit = ' + workerData.walSizeLimitBytes);
db.defaultSafeIntegers(true);
${SQLITE_MONEY_SOURCE}
installMoneyFunctions(db);
// Checkpoints: see the comment on WAL_CHECKPOINT_MS.
setInterval(() => {
  if (!db.open || db.inTransaction) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // a busy or failed checkpoint is retried on the next tick; the writers' own checkpoints are the fallback
  }
}, workerData.checkpointMs).unref();
const cache = new Map();
function run(sql, params) {
  let stmt = cache.get(sql);
  if (stmt === undefined) {
    if (cache.size >= 500) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  const values = bindable(params);
  if (stmt.reader) return { rows: readMoney(stmt, stmt.all(...values)) };
  const r = stmt.run(...values);
  return { changes: BigInt(r.changes), lastInsertRowid: BigInt(r.lastInsertRowid) };
}
// A batch is one IMMEDIATE transaction run here from start to end: the write lock is held for the
// statements only, never across a round trip to the thread that sent them.
const runBatch = db.transaction((statements) => statements.map((s) => run(s.sql, s.params)));
parentPort.on('message', (m) => {
  if (m.op === 'close') {
    db.close();
    parentPort.postMessage({ id: m.id, ok: true });
    parentPort.close();
    return;
  }
  try {
    if (m.op === 'batch') parentPort.postMessage({ id: m.id, ok: true, results: runBatch.immediate(m.statements) });
    else parentPort.postMessage({ id: m.id, ok: true, ...run(m.sql, m.params) });
  } catch (e) {
    parentPort.postMessage({ id: m.id, ok: false, message: String(e && e.message), code: e && e.code });
  }
});
parentPort.postMessage({ ready: true });
`;

export interface WriterResult {
  rows?: unknown[];
  changes?: bigint;
  lastInsertRowid?: bigint;
}

export interface WriterStatement {
  sql: string;
  params: readonly unknown[];
}

/** An error raised by SQLite in the writer thread, with its code (SQLITE_CONSTRAINT_UNIQUE, …). */
export class SqliteWriterError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

type Reply = WriterResult & { results?: WriterResult[] };
type Pending = { resolve(result: Reply): void; reject(error: Error): void };

export class SqliteWriterThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  readonly ready: Promise<void>;

  constructor(path: string) {
    const module = sqliteModulePath();
    // It runs a few lines of JavaScript around SQLite: a tiny heap keeps its resident memory down.
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, module, checkpointMs: WAL_CHECKPOINT_MS, walSizeLimitBytes: WAL_SIZE_LIMIT_BYTES },
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 64 },
    });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: { ready?: boolean }) => {
        if (message.ready) {
          this.worker.off('error', reject);
          resolve();
        }
      };
      this.worker.once('message', onMessage);
      this.worker.once('error', reject);
    });
    this.worker.on('message', (message: { id?: number; ok?: boolean; message?: string; code?: string } & Reply) => {
      if (message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message);
      else waiter.reject(new SqliteWriterError(message.message ?? 'SQLite error', message.code));
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the SQLite writer thread exited (${code})`)));
  }

  exec(sql: string, params: readonly unknown[]): Promise<WriterResult> {
    return this.send({ op: 'exec', sql, params });
  }

  /** The statements in one transaction, run by the writer thread without a round trip in between. */
  async execBatch(statements: readonly WriterStatement[]): Promise<WriterResult[]> {
    return (await this.send({ op: 'batch', statements })).results ?? [];
  }

  private send(
    message: { op: 'exec'; sql: string; params: readonly unknown[] } | { op: 'batch'; statements: readonly WriterStatement[] },
  ): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  async close(): Promise<void> {
    if (this.failure) return;
    const id = this.nextId++;
    const closed = new Promise<WriterResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.worker.postMessage({ id, op: 'close' });
    await closed.catch(() => {});
    await this.worker.terminate();
  }
}

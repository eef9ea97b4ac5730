/**
 * The SQLite writer connection lives in a worker thread: statements, commits and their fsyncs (a few
 * milliseconds each with synchronous=FULL) block that thread instead of the event loop that serves HTTP.
 * The worker is a few lines of plain JavaScript evaluated from a string, so it runs the same from the
 * TypeScript sources and from dist/.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.defaultSafeIntegers(true);
const cache = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'close') {
    db.close();
    parentPort.postMessage({ id: m.id, ok: true });
    parentPort.close();
    return;
  }
  try {
    let stmt = cache.get(m.sql);
    if (stmt === undefined) {
      if (cache.size >= 500) cache.clear();
      stmt = db.prepare(m.sql);
      cache.set(m.sql, stmt);
    }
    if (stmt.reader) {
      parentPort.postMessage({ id: m.id, ok: true, rows: stmt.all(...m.params) });
    } else {
      const r = stmt.run(...m.params);
      parentPort.postMessage({ id: m.id, ok: true, changes: BigInt(r.changes), lastInsertRowid: BigInt(r.lastInsertRowid) });
    }
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

type Pending = { resolve(result: WriterResult): void; reject(error: Error): void };

export class SqliteWriterThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  readonly ready: Promise<void>;

  constructor(path: string) {
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    // It runs a few lines of JavaScript around SQLite: a tiny heap keeps its resident memory down.
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, module },
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
    this.worker.on('message', (message: { id?: number; ok?: boolean; message?: string; code?: string } & WriterResult) => {
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
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op: 'exec', sql, params });
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

/**
 * One process at a time on a data directory's embedded files (the SQLite database, the embedded devnet's
 * chain): `<dir>/gateway.lock` is created exclusively (`wx`) and holds the PID and what holds it. A lock
 * whose process is gone (killed, crashed) is stale and taken over; a clean exit removes it.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'gateway.lock';

/** What holds a directory, for the message a second process gets. */
export type LockHolder = 'gateway' | 'devnet' | 'scanner rescan';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
    readonly holder: string,
  ) {
    super(
      `the data directory ${dir} is held by a running ${holder} (PID ${pid}); stop it first, or give this command another data directory`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** removes the lock file if it is still this process's; safe to call twice */
  release(): void;
}

export interface LockOptions {
  pid?: number;
  /** whether a process with this PID runs (default: signal 0) */
  isAlive?: (pid: number) => boolean;
}

export function acquireDataDirLock(dir: string, holder: LockHolder, options: LockOptions = {}): DataDirLock {
  const pid = options.pid ?? process.pid;
  const isAlive = options.isAlive ?? processIsAlive;
  const absolute = resolve(dir);
  // private, like everything the gateway keeps there (database, wallet seed): the database's own check
  // would otherwise warn about a directory the gateway made itself
  mkdirSync(absolute, { recursive: true, mode: 0o700 });
  const path = join(absolute, LOCK_FILE);
  const content = `${pid} ${holder}\n`;
  // Two rounds: the second after removing a stale lock; a process that wins the race in between is respected.
  for (let round = 0; round < 2; round++) {
    try {
      writeFileSync(path, content, { flag: 'wx', mode: 0o644 });
      return lockFor(path, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readLock(path);
    if (current && current.pid > 0 && current.pid !== pid && isAlive(current.pid))
      throw new DataDirLockedError(absolute, current.pid, current.holder);
    removeIfUnchanged(path, current?.raw ?? null);
  }
  const current = readLock(path);
  throw new DataDirLockedError(absolute, current?.pid ?? 0, current?.holder ?? 'process');
}

function lockFor(path: string, content: string): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    removeIfUnchanged(path, content);
  };
  // the last resort on process.exit(); a signal that kills the process leaves a stale lock, taken over later
  process.on('exit', release);
  return { path, release };
}

function readLock(path: string): { pid: number; holder: string; raw: string } | null {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const match = /^(\d+)(?: ([^\n]+))?/.exec(raw);
  // an unreadable or empty lock (a crash between create and write) is as good as stale
  if (!match) return { pid: 0, holder: 'process', raw };
  return { pid: Number(match[1]), holder: match[2] ?? 'process', raw };
}

function removeIfUnchanged(path: string, expected: string | null): void {
  try {
    if (expected === null || readFileSync(path, 'utf8') === expected) unlinkSync(path);
  } catch {
    // already gone
  }
}

export function processIsAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE, processIsAlive } from './data-dir-lock.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tpg-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const alive = () => true;
const dead = () => false;

describe('acquireDataDirLock', () => {
  it('creates <dir>/gateway.lock holding the PID and the holder, creating the directory (0700), and removes it on release', () => {
    const dir = join(tempDir(), 'data');
    const lock = acquireDataDirLock(dir, 'gateway', { pid: 4242 });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(lock.path).toBe(join(dir, LOCK_FILE));
    expect(readFileSync(lock.path, 'utf8')).toBe('4242 gateway\n');
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lock.release(); // twice is harmless
  });

  it('refuses a second holder while the first one runs, naming its PID and what it is', () => {
    const dir = tempDir();
    const first = acquireDataDirLock(dir, 'gateway', { pid: 100 });
    let refused: unknown;
    try {
      acquireDataDirLock(dir, 'scanner rescan', { pid: 200, isAlive: alive });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).pid).toBe(100);
    expect((refused as Error).message).toBe(
      `the data directory ${dir} is held by a running gateway (PID 100); stop it first, or give this command another data directory`,
    );
    expect(readFileSync(first.path, 'utf8')).toBe('100 gateway\n');
    first.release();
  });

  it('takes over a lock whose process is gone, and the old holder’s release leaves the new lock alone', () => {
    const dir = tempDir();
    const old = acquireDataDirLock(dir, 'gateway', { pid: 100 });
    const taken = acquireDataDirLock(dir, 'devnet', { pid: 300, isAlive: dead });
    expect(readFileSync(taken.path, 'utf8')).toBe('300 devnet\n');
    old.release();
    expect(readFileSync(taken.path, 'utf8')).toBe('300 devnet\n');
    taken.release();
    expect(existsSync(taken.path)).toBe(false);
  });

  it('takes over an empty or unreadable lock file and one left by its own PID (a container restarted as PID 1)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '');
    acquireDataDirLock(dir, 'gateway', { pid: 7, isAlive: alive }).release();
    writeFileSync(join(dir, LOCK_FILE), 'not a pid\n');
    acquireDataDirLock(dir, 'gateway', { pid: 7, isAlive: alive }).release();
    writeFileSync(join(dir, LOCK_FILE), '1 gateway\n');
    const lock = acquireDataDirLock(dir, 'gateway', { pid: 1, isAlive: alive });
    expect(readFileSync(lock.path, 'utf8')).toBe('1 gateway\n');
    lock.release();
  });

  it('sees a real process as alive until it exits', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    const pid = child.pid as number;
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), `${pid} gateway\n`);
    expect(processIsAlive(pid)).toBe(true);
    expect(() => acquireDataDirLock(dir, 'gateway')).toThrow(`held by a running gateway (PID ${pid})`);
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
    expect(processIsAlive(pid)).toBe(false);
    const lock = acquireDataDirLock(dir, 'gateway');
    expect(readFileSync(lock.path, 'utf8')).toBe(`${process.pid} gateway\n`);
    lock.release();
  });
});

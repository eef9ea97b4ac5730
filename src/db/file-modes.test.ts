import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

const temps: string[] = [];
let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tpg-file-modes-'));
  temps.push(dir);
  return dir;
}

describe('the embedded database files', () => {
  it('are created private on a fresh migrate: directories 0700, the database, -wal and -shm 0600', async () => {
    const previous = process.umask(0o022);
    try {
      const data = join(tempDir(), 'var', 'data');
      const path = join(data, 'gateway.sqlite');
      const messages: string[] = [];
      database = openDatabase({ sqlitePath: path, onFileMode: (message) => messages.push(message) });
      await migrateToLatest(database.db);
      expect(modeOf(data)).toBe(0o700);
      expect(modeOf(join(data, '..'))).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect(existsSync(file), file).toBe(true);
        expect(modeOf(file), file).toBe(0o600);
      }
      expect(messages).toEqual([]);
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a looser database and side files once, and warns about an open directory without changing it', async () => {
    const data = join(tempDir(), 'data');
    mkdirSync(data);
    chmodSync(data, 0o755);
    const path = join(data, 'gateway.sqlite');
    database = openDatabase({ sqlitePath: path });
    await migrateToLatest(database.db);
    await database.close();
    database = undefined;
    chmodSync(path, 0o644);
    writeFileSync(`${path}-wal`, '');
    chmodSync(`${path}-wal`, 0o666);

    const messages: string[] = [];
    database = openDatabase({ sqlitePath: path, onFileMode: (message) => messages.push(message) });
    await migrateToLatest(database.db);
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(`${path}-wal`)).toBe(0o600);
    expect(modeOf(`${path}-shm`)).toBe(0o600);
    expect(modeOf(data)).toBe(0o755);
    expect(messages).toEqual([
      `the database directory ${data} is mode 0755: other users can list it (chmod 700 it)`,
      `${path} was mode 0644; it is now 0600 (it holds webhook secrets)`,
      `${path}-wal was mode 0666; it is now 0600 (it holds webhook secrets)`,
    ]);
    await database.close();

    const again: string[] = [];
    database = openDatabase({ sqlitePath: path, onFileMode: (message) => again.push(message) });
    expect(again).toEqual([`the database directory ${data} is mode 0755: other users can list it (chmod 700 it)`]);
  });
});

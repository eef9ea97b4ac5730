/**
 * File modes of the embedded database. The SQLite file holds webhook secrets and API-key hashes, so its
 * directory is created 0700 and the file 0600 whatever the process umask. SQLite gives the `-wal`,
 * `-shm` and `-journal` files it creates the database file's own mode, so creating the file 0600 before
 * SQLite opens it covers them too.
 *
 * Files left looser by an earlier version are the gateway's own and are tightened (each is reported once:
 * the next open finds nothing to change). An existing directory is only warned about: it may be one the
 * operator chose and shares (`sqlite_file` can point anywhere), and a 0600 file in it stays private.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** The files SQLite keeps beside a database (WAL, shared memory, rollback journal). */
export const SQLITE_SIDE_FILE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

const GROUP_AND_OTHER_BITS = 0o077;

/**
 * Makes `path`'s directory (0700, with any missing parents) and the database file (0600) if they are
 * missing, and tightens an existing database file and its side files to 0600. `report` is told what was
 * changed and what is left looser than it should be.
 */
export function prepareSqliteFiles(path: string, report: (message: string) => void = () => {}): void {
  if (path === '' || path === ':memory:') return;
  const directory = dirname(path);
  if (existsSync(directory)) {
    const mode = modeOf(directory);
    if ((mode & GROUP_AND_OTHER_BITS) !== 0)
      report(`the database directory ${directory} is mode ${octal(mode)}: other users can list it (chmod 700 it)`);
  } else {
    mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  }
  // 'a' creates the file with this mode and never truncates an existing one.
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  for (const file of [path, ...SQLITE_SIDE_FILE_SUFFIXES.map((suffix) => `${path}${suffix}`)]) {
    if (!existsSync(file)) continue;
    const mode = modeOf(file);
    if ((mode & GROUP_AND_OTHER_BITS) === 0) continue;
    chmodSync(file, PRIVATE_FILE_MODE);
    report(`${file} was mode ${octal(mode)}; it is now 0600 (it holds webhook secrets)`);
  }
}

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}

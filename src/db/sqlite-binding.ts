/**
 * Which better-sqlite3 build this Node can load (docs/adr/0023). Version 13 is a Node-API addon with
 * prebuilt binaries that needs Node-API 10 (Node ≥ 22); on Node 24 version 12 aborts the process when the
 * garbage collector finalizes a statement. Node 20 has Node-API 9, where version 13 crashes on load, so it
 * runs version 12, installed under the alias `better-sqlite3-node20` and built from source there.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/** The Node-API version that better-sqlite3 13 is built against. */
const NODE_API_OF_THE_PREBUILT = 10;

/** The package name to load on a Node with this Node-API version. */
export function sqlitePackageFor(nodeApiVersion: number): 'better-sqlite3' | 'better-sqlite3-node20' {
  return nodeApiVersion >= NODE_API_OF_THE_PREBUILT ? 'better-sqlite3' : 'better-sqlite3-node20';
}

const require = createRequire(import.meta.url);

/** The package for this process, by name; also what the writer thread requires. */
export const SQLITE_PACKAGE = sqlitePackageFor(Number(process.versions.napi ?? 0));

/** Its resolved entry file, for `require` in a worker evaluated from a string. */
export function sqliteModulePath(): string {
  try {
    return require.resolve(SQLITE_PACKAGE);
  } catch {
    throw new Error(
      `SQLite needs the package ${SQLITE_PACKAGE} on Node ${process.versions.node}; run npm ci with this Node (optional dependencies included)`,
    );
  }
}

/** The constructor of the loadable build; both versions share one API. */
export const SqliteDatabase: typeof BetterSqlite3 = require(sqliteModulePath()) as typeof BetterSqlite3;

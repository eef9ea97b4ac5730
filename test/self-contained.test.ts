/**
 * A clone of the repository alone must install, run and pass its tests: no source, test, script or
 * configuration file may name a path outside the repository (such as a sibling folder beside the clone).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** its own examples of what it catches */
const THIS_FILE = fileURLToPath(import.meta.url);
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.git', 'data', 'coverage', '.devnet', 'secrets']);
const CHECKED = /\.(ts|mts|cts|js|mjs|cjs|json|ya?ml|sh)$|^(Dockerfile|run)$/;

function* codeFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry)) yield* codeFiles(path);
    } else if (CHECKED.test(entry) && entry !== 'package-lock.json' && path !== THIS_FILE) {
      yield path;
    }
  }
}

/** Relative paths in string literals (`'../x'`, `"../../y/z"`, `` `../${a}` ``) that leave the repository. */
function pathsLeavingRoot(file: string, text: string, root: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s$]*)/g)) {
    const literal = match[1] as string;
    const target = resolve(dirname(file), literal);
    if (target !== root && !target.startsWith(root + sep)) found.push(literal);
  }
  for (const match of text.matchAll(/['"`](\/work\/[^'"`\s]*)/g)) found.push(match[1] as string);
  return found;
}

describe('the repository is self-contained', () => {
  it('finds a path that leaves the repository, and passes one that stays inside', () => {
    const file = join(ROOT, 'test', 'vectors.ts');
    expect(pathsLeavingRoot(file, 'new URL(`../../elsewhere/tron/vectors/$' + '{name}`, import.meta.url)', ROOT)).toEqual([
      '../../elsewhere/tron/vectors/',
    ]);
    expect(pathsLeavingRoot(file, "import { x } from '../src/shared/money.js'", ROOT)).toEqual([]);
    expect(pathsLeavingRoot(join(ROOT, 'src', 'a', 'b.ts'), "from '../../lib/x.js'", ROOT)).toEqual([]);
    expect(pathsLeavingRoot(join(ROOT, 'src', 'a', 'b.ts'), "readFileSync('../../../elsewhere/x.json')", ROOT)).toEqual([
      '../../../elsewhere/x.json',
    ]);
  });

  it('no source, test, script or configuration file reads outside the repository', () => {
    const offenders: string[] = [];
    for (const file of codeFiles(ROOT)) {
      for (const path of pathsLeavingRoot(file, readFileSync(file, 'utf8'), ROOT)) offenders.push(`${relative(ROOT, file)}: ${path}`);
    }
    expect(offenders).toEqual([]);
  });
});

/**
 * Layer rules (docs/adr/0001, 0006): the TRON toolkit depends on nothing else in the project, the devnet
 * only on the toolkit, shared code on nothing, HTTP plumbing never on the modules it serves, and only
 * the composition root (src/app) and the CLI see everything. Checked on the import statements themselves.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Top-level folder under src/ that each relative import of `file` lands in. */
function importedAreas(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const areas: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
    const target = relative(SRC, resolve(file, '..', match[1] as string));
    areas.push(target.split('/')[0] as string);
  }
  return areas;
}

const ALLOWED: Record<string, string[]> = {
  tron: ['tron'],
  devnet: ['devnet', 'tron'],
  shared: ['shared'],
  config: ['config', 'shared', 'tron'],
  db: ['db', 'shared'],
  http: ['http', 'shared', 'config'],
  modules: ['modules', 'http', 'shared', 'db', 'config', 'tron'],
  workers: ['workers', 'modules', 'shared', 'db', 'config', 'tron'],
  app: ['app', 'http', 'modules', 'workers', 'shared', 'db', 'config', 'tron', 'devnet'],
  cli: ['cli', 'app', 'modules', 'shared', 'db', 'config', 'tron', 'devnet'],
};

describe('layer rules', () => {
  for (const [area, allowed] of Object.entries(ALLOWED)) {
    it.skipIf(!existsSync(join(SRC, area)))(`src/${area} imports only from ${allowed.map((a) => `src/${a}`).join(', ')}`, () => {
      const offenders = sourceFiles(join(SRC, area)).flatMap((file) =>
        importedAreas(file)
          .filter((target) => !allowed.includes(target))
          .map((target) => `${relative(SRC, file)} → src/${target}`),
      );
      expect(offenders).toEqual([]);
    });
  }

  it('the TRON toolkit does not load TronWeb at run time', () => {
    const offenders = sourceFiles(SRC).filter((file) => /from\s+'tronweb'/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});

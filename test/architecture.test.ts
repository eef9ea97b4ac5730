/**
 * Layer rules (docs/adr/0001): the TRON toolkit depends on nothing else in the project, the devnet
 * only on the toolkit, and the CLI holds commands only. Checked on the import statements themselves.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  cli: ['cli', 'devnet', 'tron'],
};

describe('layer rules', () => {
  for (const [area, allowed] of Object.entries(ALLOWED)) {
    it(`src/${area} imports only from ${allowed.map((a) => `src/${a}`).join(', ')}`, () => {
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

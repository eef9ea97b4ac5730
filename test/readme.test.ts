/**
 * The README is what a newcomer follows first: the files it cites exist in the repository, it reads
 * nothing from outside it, and its examples never pay a token contract.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** Mainnet USDT (TRC-20): a payee here would send money to a contract that cannot spend it. */
const MAINNET_USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

describe('README', () => {
  it('links only to files the repository has', () => {
    const targets = [...README.matchAll(/\]\(((?!https?:|#|mailto:)[^)\s#]+)(#[^)]*)?\)/g)].map((m) => m[1] as string);
    expect(targets.length).toBeGreaterThan(2);
    expect(targets.filter((target) => !existsSync(join(ROOT, target)))).toEqual([]);
  });

  it('cites only files the repository has', () => {
    const cited = [...README.matchAll(/`((?:src|docs|test|bench|bin|scripts|config|examples)\/[\w./-]+\.[a-z]+)`/g)].map(
      (m) => m[1] as string,
    );
    expect(cited.length).toBeGreaterThan(5);
    expect(cited.filter((path) => !path.includes('*') && !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('names no folder outside the repository', () => {
    expect(README).not.toMatch(/\.\.\/shared|\/work\//);
  });

  it('never uses a token contract as an example payee', () => {
    const lines = README.split('\n').filter((line) => line.includes(MAINNET_USDT));
    expect(lines.filter((line) => /payee|payouts\.csv|amount/.test(line))).toEqual([]);
  });
});

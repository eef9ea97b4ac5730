#!/usr/bin/env node
// Writes test/file-durations.json (seconds per test file, what test/longest-first-sequencer.ts orders by)
// from a Vitest JSON report: node scripts/test-durations.mjs /tmp/vitest.json
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const report = JSON.parse(readFileSync(process.argv[2] ?? '/tmp/vitest.json', 'utf8'));
const root = resolve(import.meta.dirname, '..');
const seconds = {};
for (const file of [...report.testResults].sort((a, b) => (a.name < b.name ? -1 : 1))) {
  const s = Math.round((file.endTime - file.startTime) / 1000);
  if (s >= 1) seconds[relative(root, file.name)] = s;
}
writeFileSync(resolve(root, 'test/file-durations.json'), `${JSON.stringify(seconds, null, 2)}\n`);
console.log(`${Object.keys(seconds).length} files`);

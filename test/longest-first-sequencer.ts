/**
 * Runs the slowest test files first. Two workers share the files; without an order the last one to start
 * may be a two-minute file running alone while the other worker idles (a clean clone, as in CI, has no
 * Vitest results cache to order by). Seconds per file, from a run on the CI machine, are in
 * test/file-durations.json; refresh them after large changes:
 *   npx vitest run --reporter=json --outputFile=/tmp/vitest.json && node scripts/test-durations.mjs /tmp/vitest.json
 * A file not listed counts as quick.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const seconds: Record<string, number> = JSON.parse(readFileSync(new URL('./file-durations.json', import.meta.url), 'utf8'));

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const weight = (file: TestSpecification) => seconds[relative(file.project.config.root, file.moduleId)] ?? 0;
    return [...files].sort((a, b) => weight(b) - weight(a));
  }
}

import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/longest-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // two test files at a time on two cores: most of a file's time is spent waiting on blocks and child processes
    maxWorkers: 2,
    globalSetup: ['./test/global-setup.ts'],
    // the slowest files first, so that neither worker ends the run alone on a long file
    sequence: { sequencer: LongestFirstSequencer },
    reporters: ['default', './test/summary-reporter.ts'],
  },
});

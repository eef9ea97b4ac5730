#!/usr/bin/env node
// Entry point of the `tron-payment-gateway` command: runs the compiled build in dist/ (made by `npm ci`
// and refreshed by `npm start` when stale; `npm run build` by hand). TPG_FROM_SOURCE=1 runs the
// TypeScript sources through tsx instead, a dev dependency, for the tests and development.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtEntry, root, staleReason } from './dist-freshness.mjs';

if (process.env.TPG_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
} else if (existsSync(builtEntry)) {
  const stale = staleReason();
  if (stale !== null) console.error(`warning: ${stale}; this runs the old build (npm run build, or npm start, rebuilds it)`);
  await import(pathToFileURL(builtEntry).href);
} else {
  console.error('error: no build in dist/: run npm run build (npm ci and npm start build it too)');
  process.exit(1);
}

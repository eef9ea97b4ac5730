#!/usr/bin/env node
// Compiles src/ into dist/ when dist/ is missing or older than a source file (`--force`: always).
// `npm ci` runs it (prepare) and `npm start` runs it first (prestart), so the gateway runs compiled
// JavaScript and never needs a TypeScript compiler at run time. After tsc it builds the dashboard
// (src/dashboard/build): the typed client's types from docs/openapi.json and the app's bundle.
// Without TypeScript installed (a production install that omits dev dependencies) there is nothing to
// build with: it says so.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildStamp, builtEntry, root, staleReason } from '../bin/dist-freshness.mjs';

const reason = process.argv.includes('--force') ? 'build requested' : staleReason();
if (reason !== null) {
  let tsc;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    console.error(`${reason}, and TypeScript is not installed (dev dependencies omitted): run npm ci, then npm run build`);
    process.exit(existsSync(builtEntry) ? 0 : 1);
  }
  console.error(`${reason}: compiling src/ into dist/ (tsc -p tsconfig.build.json)…`);
  rmSync(buildStamp, { force: true });
  const { status } = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (status !== 0) {
    console.error('the build failed: see the TypeScript errors above');
    process.exit(1);
  }
  try {
    const build = await import(pathToFileURL(join(root, 'dist', 'dashboard', 'build', 'dashboard-build.js')).href);
    if (await build.refreshApiTypes(root)) console.error(`docs/openapi.json changed: rewrote ${build.API_TYPES_FILE}`);
    await build.bundleDashboard(root);
  } catch (error) {
    console.error(`the dashboard build failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  writeFileSync(buildStamp, `${new Date().toISOString()}\n`);
}

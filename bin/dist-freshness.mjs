// Whether dist/ holds a build of the current sources: shared by the command's entry point (which warns)
// and scripts/build-if-stale.mjs (which compiles). Sources are src/ without its tests, plus the
// TypeScript configuration, package.json and the OpenAPI document (the dashboard's client types).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const builtEntry = join(root, 'dist', 'cli', 'main.js');
/** Written after a build that succeeded: tsc emits even when it reports errors, so its output proves nothing. */
export const buildStamp = join(root, 'dist', '.build-complete');

function newestModification(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

/** Why dist/ needs a build, or null when it is current (or when there are no sources, as in the image). */
export function staleReason() {
  if (!existsSync(join(root, 'src'))) return null;
  if (!existsSync(builtEntry)) return 'no build in dist/';
  if (!existsSync(buildStamp)) return 'the last build in dist/ did not finish';
  if (!existsSync(join(root, 'dist', 'dashboard-ui', 'manifest.json'))) return 'no dashboard bundle in dist/';
  const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'docs/openapi.json'].map((name) => join(root, name));
  const sources = Math.max(...inputs.filter((path) => existsSync(path)).map(newestModification));
  return sources > statSync(buildStamp).mtimeMs ? 'dist/ is older than the sources' : null;
}

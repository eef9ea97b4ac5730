/**
 * Before any test: a build of the current sources in dist/. The tests that spawn the command run
 * `bin/tron-payment-gateway.mjs` as users do, on the compiled JavaScript (starting through tsx cost each
 * spawn ~2 s of compiling); `npm ci` has already built it, so this only compiles after a source changed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildIfStale(): void {
  const script = fileURLToPath(new URL('../scripts/build-if-stale.mjs', import.meta.url));
  const { status } = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (status !== 0) throw new Error('the build of src/ into dist/ failed: the command-line tests need it (see the errors above)');
}

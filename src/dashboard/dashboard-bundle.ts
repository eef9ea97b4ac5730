/**
 * The dashboard's built files (ADR 0031): the bundle that scripts/build-if-stale.mjs wrote into
 * dist/dashboard-ui/ (names already carry esbuild's content hash), loaded into memory once with their
 * compressed forms. The same path from src/ (tests, `npm run dev`) and from dist/ (`npm start`, the image).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type StaticAsset, staticAsset } from '../http/static-assets.js';

export const BUNDLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'dashboard-ui');

export interface DashboardBundle {
  script: StaticAsset;
  stylesheet: StaticAsset;
}

/** The bundle in `dir`, or null when it was never built (the gateway then says how to build it). */
export function loadDashboardBundle(dir: string = BUNDLE_DIR): DashboardBundle | null {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { js: string; css: string };
  const read = (name: string, ext: string) => staticAsset('dashboard', ext, readFileSync(join(dir, name)), name);
  return { script: read(manifest.js, 'js'), stylesheet: read(manifest.css, 'css') };
}

/**
 * The dashboard's build (ADR 0031), run by scripts/build-if-stale.mjs after tsc, from dist/:
 * 1. regenerates the typed API client's types (src/dashboard/ui/api-types.generated.ts) from
 *    docs/openapi.json with openapi-typescript, writing only when they changed;
 * 2. bundles the Preact app (src/dashboard/ui/main.tsx) with esbuild into dist/dashboard-ui/ under
 *    content-hashed names, with a manifest.json naming the entry's script and stylesheet.
 * esbuild and openapi-typescript are development dependencies: loaded only here, never by the gateway.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const API_TYPES_FILE = 'src/dashboard/ui/api-types.generated.ts';
export const BUNDLE_DIR = 'dist/dashboard-ui';
export const MANIFEST = 'manifest.json';

export interface DashboardManifest {
  js: string;
  css: string;
}

const HEADER = [
  '// Generated from docs/openapi.json by openapi-typescript during the build (src/dashboard/build).',
  '// Do not edit: run `npm run build` after `npm run openapi`. test/dashboard.build.test.ts checks it is current.',
  '',
].join('\n');

/** The TypeScript types of an OpenAPI document, as the committed file holds them. */
export async function apiTypesOf(documentText: string): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(JSON.parse(documentText) as Parameters<typeof openapiTS>[0]);
  return `${HEADER}${astToString(ast)}`;
}

/** Rewrites the generated types when docs/openapi.json says something else; false when they were current (or there is no document). */
export async function refreshApiTypes(root: string): Promise<boolean> {
  const document = join(root, 'docs', 'openapi.json');
  if (!existsSync(document)) return false; // the image builds from src/ alone: the committed file stands
  const target = join(root, API_TYPES_FILE);
  const text = await apiTypesOf(readFileSync(document, 'utf8'));
  if (existsSync(target) && readFileSync(target, 'utf8') === text) return false;
  writeFileSync(target, text);
  return true;
}

/** Bundles the app into `${root}/dist/dashboard-ui` (emptied first) and returns the manifest it wrote. */
export async function bundleDashboard(root: string): Promise<DashboardManifest> {
  const esbuild = await import('esbuild');
  const outdir = join(root, BUNDLE_DIR);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { dashboard: join(root, 'src/dashboard/ui/main.tsx') },
    bundle: true,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(root, 'src/dashboard/ui/tsconfig.json'),
    outdir,
    entryNames: '[name].[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((path) => basename(path));
  const js = outputs.find((name) => name.endsWith('.js'));
  const css = outputs.find((name) => name.endsWith('.css'));
  if (js === undefined || css === undefined) throw new Error(`the dashboard bundle lacks a script or stylesheet: ${outputs.join(', ')}`);
  const manifest: DashboardManifest = { js, css };
  writeFileSync(join(outdir, MANIFEST), `${JSON.stringify(manifest)}\n`);
  return manifest;
}

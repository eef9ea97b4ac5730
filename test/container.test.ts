/**
 * What can be checked of the Dockerfile and compose.yaml without a Docker engine: the user, who owns the
 * data volume, the health check of each role, that every file the build copies exists, and that every
 * environment variable the code reads is documented (and every one the files set is read).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { healthTarget } from '../src/cli/healthcheck.js';
import { CONFIG_FILE_VARIABLE, ENV_OVERRIDES } from '../src/config/env.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (name: string) => readFileSync(join(ROOT, name), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions per stage, continuation lines joined, comments dropped. */
function dockerStages(text: string): Instruction[][] {
  const joined = text.replace(/\\\n/g, ' ');
  const stages: Instruction[][] = [];
  for (const line of joined.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const [keyword = '', ...rest] = trimmed.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

const stages = dockerStages(read('Dockerfile'));
const build = stages[0] ?? [];
const runtime = stages.at(-1) ?? [];
const all = (stage: Instruction[], keyword: string) => stage.filter((i) => i.keyword === keyword);
const one = (stage: Instruction[], keyword: string) => {
  const found = all(stage, keyword);
  expect(found, `${keyword} in the stage`).toHaveLength(1);
  return found[0] as Instruction;
};
const execForm = (args: string) => JSON.parse(args.replace(/^.*?(\[)/, '[')) as string[];

/** Every variable the code reads: the documented overrides, the config file's, and direct reads in entry points. */
function variablesTheCodeReads(): Set<string> {
  const names = new Set<string>([...ENV_OVERRIDES.map((o) => o.variable), CONFIG_FILE_VARIABLE]);
  const scan = (directory: string) => {
    for (const entry of readdirSync(join(ROOT, directory), { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) scan(path);
      else if (/\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        for (const match of read(path).matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g)) {
          names.add((match[1] ?? match[2]) as string);
        }
      }
    }
  };
  for (const directory of ['src', 'bin', 'scripts']) scan(directory);
  return names;
}

/** Variables Node itself or the C library reads, which the gateway only passes along. */
const PLATFORM_VARIABLES = new Set(['NODE_ENV', 'NODE_OPTIONS', 'MALLOC_ARENA_MAX']);

describe('Dockerfile', () => {
  it('builds on Node 24 and runs on a Node 24 distroless image as the non-root user', () => {
    expect(one(build, 'FROM').args).toMatch(/^node:24-bookworm\b/);
    expect(one(runtime, 'FROM').args).toBe('gcr.io/distroless/nodejs24-debian12:nonroot');
    expect(one(runtime, 'USER').args).toBe('nonroot');
  });

  it('gives the data volume to that user before declaring it, with a 0700 mount point', () => {
    const volume = one(runtime, 'VOLUME').args;
    expect(volume).toBe('["/data"]');
    const volumeAt = runtime.findIndex((i) => i.keyword === 'VOLUME');
    const seeded = runtime.findIndex((i) => i.keyword === 'COPY' && /--chown=nonroot:nonroot\s+\S+\s+\/data$/.test(i.args));
    expect(seeded).toBeGreaterThan(-1);
    expect(seeded).toBeLessThan(volumeAt);
    const source = /--from=build --chown=nonroot:nonroot (\S+) \/data$/.exec(runtime[seeded]?.args ?? '')?.[1];
    expect(all(build, 'RUN').some((i) => i.args.includes(`mkdir -p ${source}`) && i.args.includes(`chmod 0700 ${source}`))).toBe(true);
    // the code is root's: the process cannot rewrite itself
    for (const copy of all(runtime, 'COPY').filter((i) => !i.args.endsWith(' /data'))) expect(copy.args).not.toContain('--chown');
  });

  it('copies only files the repository has, and none that .dockerignore leaves out', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    for (const copy of all(build, 'COPY')) {
      const parts = copy.args.split(/\s+/).filter((part) => !part.startsWith('--'));
      for (const source of parts.slice(0, -1)) {
        expect(existsSync(join(ROOT, source)), `${source} exists`).toBe(true);
        expect(ignored, `${source} is sent to the build`).not.toContain(source);
      }
    }
    for (const needed of ['node_modules', '.git', 'data', 'secrets', 'dist']) expect(ignored).toContain(needed);
  });

  it('keeps only the runtime: dev and optional (Node 20) dependencies are pruned after the build', () => {
    expect(all(build, 'RUN').some((i) => /npm run build && npm prune --omit=dev --omit=optional/.test(i.args))).toBe(true);
    // npm ci runs the prepare script, which needs these before the sources arrive
    const ci = build.findIndex((i) => i.keyword === 'RUN' && i.args.startsWith('npm ci'));
    for (const needed of ['scripts', 'bin']) {
      expect(build.findIndex((i) => i.keyword === 'COPY' && i.args.startsWith(`${needed} `))).toBeLessThan(ci);
    }
  });

  it('its health check is a Node script the build produces, probing what each role serves', () => {
    const command = execForm(one(runtime, 'HEALTHCHECK').args);
    expect(command).toEqual(['/nodejs/bin/node', 'dist/cli/healthcheck.js']);
    expect(existsSync(join(ROOT, 'src/cli/healthcheck.ts'))).toBe(true);
    const entrypoint = execForm(one(runtime, 'ENTRYPOINT').args);
    expect(existsSync(join(ROOT, entrypoint.at(-1) as string))).toBe(true);
    const env = { SERVICE_PORT: '8097' };
    expect(healthTarget([...entrypoint, ...execForm(one(runtime, 'CMD').args)], env)).toEqual({ url: 'http://127.0.0.1:8097/health/live' });
    expect(healthTarget([...entrypoint, 'devnet'], env)).toEqual({ url: 'http://127.0.0.1:8090/devnet/info' });
  });

  it('sets only variables the code reads', () => {
    const known = variablesTheCodeReads();
    const set = one(runtime, 'ENV')
      .args.split(/\s+/)
      .map((pair) => pair.split('=')[0] as string);
    for (const name of set) expect(known.has(name) || PLATFORM_VARIABLES.has(name), name).toBe(true);
  });
});

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  secrets?: Array<string | { source: string; uid?: string; gid?: string; mode?: number }>;
  volumes?: string[];
  ports?: string[];
}

describe('compose.yaml', () => {
  const compose = parseYaml(read('compose.yaml'), { merge: true }) as {
    services: Record<string, ComposeService>;
    secrets: Record<string, { file?: string; environment?: string }>;
  };
  const ours = Object.entries(compose.services).filter(([, s]) => s.build !== undefined || s.image?.startsWith('tron-payment-gateway'));

  it('passes the wallet seed as a secret the image user can read, never as a bind-mounted file', () => {
    for (const secret of Object.values(compose.secrets)) {
      expect(secret.file).toBeUndefined();
      expect(secret.environment).toMatch(/^[A-Z_]+$/);
    }
    const users = ours.filter(([, s]) => s.secrets);
    expect(users.length).toBeGreaterThan(0);
    for (const [, service] of users) {
      for (const secret of service.secrets ?? []) {
        expect(secret).toMatchObject({ uid: '65532', gid: '65532', mode: 0o400 });
      }
      expect(service.environment?.TPG_WALLET_MNEMONIC).toBeUndefined();
    }
  });

  it('gives every gateway container a /data volume and a health check that fits its role', () => {
    for (const [name, service] of ours) {
      expect(service.volumes?.some((v) => v.endsWith(':/data')) ?? name === 'migrate', `${name} has /data`).toBe(true);
      expect(service.healthcheck, `${name} relies on the image's role-aware check`).toBeUndefined();
      const argv = ['/nodejs/bin/node', 'bin/tron-payment-gateway.mjs', ...(service.command ?? ['start'])];
      const target = healthTarget(argv, { SERVICE_PORT: '8097', ...service.environment });
      if ('url' in target) {
        const port = new URL(target.url).port;
        expect(
          service.ports?.some((p) => p.endsWith(`:${port}`)),
          `${name} serves ${target.url}`,
        ).toBe(true);
      }
    }
  });

  it('sets only variables the code reads', () => {
    const known = variablesTheCodeReads();
    for (const [name, service] of ours) {
      for (const variable of Object.keys(service.environment ?? {})) expect(known.has(variable), `${name}: ${variable}`).toBe(true);
    }
  });
});

describe('README', () => {
  it('documents every environment variable the code reads', () => {
    const readme = read('README.md');
    const missing = [...variablesTheCodeReads()].filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});

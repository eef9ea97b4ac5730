import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operatorChoseHeapGrowth } from './heap-tuning.js';

describe('operatorChoseHeapGrowth', () => {
  it('is false when neither the command line nor NODE_OPTIONS names the flag', () => {
    expect(operatorChoseHeapGrowth([], undefined)).toBe(false);
    expect(operatorChoseHeapGrowth(['--max-old-space-size=512'], '--enable-source-maps')).toBe(false);
  });

  it('sees the flag on the command line, in either spelling', () => {
    expect(operatorChoseHeapGrowth(['--heap-growing-percent=100'], undefined)).toBe(true);
    expect(operatorChoseHeapGrowth(['--heap_growing_percent=10'], '')).toBe(true);
  });

  it('sees the flag among other NODE_OPTIONS', () => {
    expect(operatorChoseHeapGrowth([], '--enable-source-maps  --heap-growing-percent=20')).toBe(true);
  });
});

describe('the Node flags the service is started with', () => {
  const root = new URL('../../', import.meta.url);
  const scripts = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> }).scripts;
  // `[VAR=value ]exec node <flags> bin/… start`: exec, so that the signals npm forwards reach the gateway, not `sh`
  const nodeFlags = (command: string | undefined): string[] =>
    (/^(?:\w+=\S* )*exec node((?: --[\w-]+(?:=\S+)?)*) bin\/tron-payment-gateway\.mjs start$/.exec(command ?? '')?.[1] ?? '')
      .trim()
      .split(' ');

  it('npm start and npm run dev give the young generation its size (ADR 0011)', () => {
    expect(nodeFlags(scripts.start)).toEqual(['--max-semi-space-size=8']);
    expect(nodeFlags(scripts.dev)).toEqual(nodeFlags(scripts.start));
  });

  it('npm start and the container run with two glibc malloc arenas (ADR 0011)', () => {
    const envOf = (command: string | undefined) =>
      /^((?:\w+=\S* )*)exec /
        .exec(command ?? '')?.[1]
        ?.trim()
        .split(' ') ?? [];
    expect(envOf(scripts.start)).toContain('MALLOC_ARENA_MAX=2');
    expect(envOf(scripts.dev)).toContain('MALLOC_ARENA_MAX=2');
    const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8').replace(/\\\n/g, ' ');
    expect(/^ENV .*\bMALLOC_ARENA_MAX=2\b/m.test(dockerfile)).toBe(true);
  });

  it('the container runs node with the same flags as npm start', () => {
    const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
    const entrypoint = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
    expect(entrypoint[0]).toBe('/nodejs/bin/node');
    expect(entrypoint.slice(1, -1)).toEqual(nodeFlags(scripts.start));
    expect(entrypoint.at(-1)).toBe('bin/tron-payment-gateway.mjs');
  });
});

/** `tron-payment-gateway devnet` as a stranger runs it: a separate process, its banner, its HTTP API, a clean stop. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '..', 'bin', 'tron-payment-gateway.mjs');

function run(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: 'pipe' });
  let text = '';
  child.stdout.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return { child, output: () => text };
}

async function waitFor(output: () => string, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = output().match(pattern);
    if (match) return match;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern}; output so far:\n${output()}`);
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

describe('tron-payment-gateway devnet', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('prints its URL, USDT contract, faucet and key location, serves the API and stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tpg-cli-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const { child, output } = run(['devnet', '--port', '0', '--manual', '--solidify-lag', '2', '--data-dir', dataDir]);
    cleanups.push(() => child.kill('SIGKILL'));
    const [, url] = await waitFor(output, /TRON devnet running at (http:\/\/127\.0\.0\.1:\d+)/);
    const info = (await (await fetch(`${url}/devnet/info`)).json()) as Record<string, unknown>;
    expect(output()).toContain(`USDT contract   ${info.usdt_contract}`);
    expect(output()).toContain(`faucet address  ${info.faucet_address}`);
    expect(output()).toContain(`faucet key      ${join(dataDir, 'keys.json')}`);
    expect(info).toMatchObject({ manual: true, solidify_lag: 2, head_block: 0 });
    expect(statSync(join(dataDir, 'keys.json')).mode & 0o777).toBe(0o600);
    expect(output()).not.toMatch(/[0-9a-f]{64}/); // no private key on the console

    const now = await (await fetch(`${url}/wallet/getnowblock`)).json();
    expect(now).toHaveProperty('blockID');
    const stopped = exited(child);
    child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  });

  it('deploys --token tokens at start and lists them on the --json started line and in /devnet/info', async () => {
    const { child, output } = run(['devnet', '--port', '0', '--manual', '--token', 'USDD:18', '--token', 'TUSD:18:blacklist', '--json']);
    cleanups.push(() => child.kill('SIGKILL'));
    const [line] = await waitFor(output, /\{"event":"started".*\}/);
    const started = JSON.parse(line) as {
      url: string;
      usdt_contract: string;
      tokens: { symbol: string; contract_address: string; decimals: number }[];
    };
    expect(started.tokens.map((t) => [t.symbol, t.decimals])).toEqual([
      ['USDT', 6],
      ['USDD', 18],
      ['TUSD', 18],
    ]);
    expect(started.tokens[0]?.contract_address).toBe(started.usdt_contract);
    const info = (await (await fetch(`${started.url}/devnet/info`)).json()) as {
      tokens: { contract_address: string; blacklist: boolean }[];
    };
    expect(info.tokens.map((t) => t.contract_address)).toEqual(started.tokens.map((t) => t.contract_address));
    expect(info.tokens.map((t) => t.blacklist)).toEqual([true, false, true]);
    const stopped = exited(child);
    child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  });

  it('refuses a bad --token with exit code 2, naming the option', async () => {
    // the other malformed values are unit-tested (src/devnet/token-spec.test.ts): each spawn costs ~2 s
    for (const value of ['USDD:19', 'USDD:18:frozen']) {
      const { child, output } = run(['devnet', '--port', '0', '--token', value]);
      expect(await exited(child), value).toBe(2);
      expect(output(), value).toContain('--token: ');
    }
  });

  it('rejects an unknown option with exit code 2 and names it', async () => {
    const { child, output } = run(['devnet', '--block-time', '5']);
    expect(await exited(child)).toBe(2);
    expect(output()).toContain('unknown option --block-time');
  });
});

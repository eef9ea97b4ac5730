import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, ROOT, runCli } from './cli-harness.js';

const SLOW = 180_000;
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const temp = mkdtempSync(join(tmpdir(), 'tpg-cli-usage-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

type Run = CliRun;
const cli = (args: string[]): Promise<Run> => runCli(args, { DATA_DIR: temp });

/** Runs the command lines a few at a time (the machine is shared). */
async function all(lines: string[][]): Promise<Run[]> {
  const runs: Run[] = new Array(lines.length);
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const i = next++;
      runs[i] = await cli(lines[i] as string[]);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return runs;
}

describe('help and version', () => {
  it('prints the version with --version and -v (JSON with --json)', { timeout: SLOW }, async () => {
    const [long, short, json] = await all([['--version'], ['-v'], ['--version', '--json']]);
    expect(long).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(short).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(JSON.parse(json?.stdout ?? '')).toEqual({ version: VERSION });
  });

  it('lists every command, and every command and group answers -h and --help with its usage on stdout (exit 0)', {
    timeout: SLOW,
  }, async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z]+(?: [a-z]+)?) {2,}\S/gm)].map((m) => m[1] as string);
    expect(commands).toEqual(
      expect.arrayContaining(['start', 'migrate', 'devnet', 'config check', 'keys create', 'merchants create', 'payouts approve']),
    );
    expect(commands).toEqual(expect.arrayContaining(['payouts send', 'webhooks redeliver', 'scanner rescan', 'reports export']));
    const groups = [...new Set(commands.filter((c) => c.includes(' ')).map((c) => c.split(' ')[0] as string))];
    const lines = [...commands.map((c) => [...c.split(' '), '--help']), ...groups.map((g) => [g, '-h']), ['help', 'payouts', 'send']];
    const runs = await all(lines);
    runs.forEach((run, i) => {
      const line = lines[i] as string[];
      const name = line.filter((w) => !w.startsWith('-') && w !== 'help').join(' ');
      expect(run.code, `${line.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.startsWith(`usage: tron-payment-gateway ${name}`), run.stdout).toBe(true);
      if (!groups.includes(name)) expect(run.stdout).toMatch(/^ {2}-h, --help {3,}show this help$/m);
    });
  });
});

describe('--json on the commands that print text otherwise', () => {
  it('config check and migrate answer one JSON document on stdout; migration progress stays on stderr', { timeout: SLOW }, async () => {
    const [check, migrate] = await all([
      ['config', 'check', '--json'],
      ['migrate', '--json'],
    ]);
    expect(check?.code, check?.stderr).toBe(0);
    expect(JSON.parse(check?.stdout ?? '')).toMatchObject({ ok: true, database: `sqlite ${join(temp, 'gateway.sqlite')}`, data_dir: temp });
    expect(migrate?.code, migrate?.stderr).toBe(0);
    const migrated = JSON.parse(migrate?.stdout ?? '');
    expect(migrated.applied).toContain('0001_gateway_core');
    expect(migrate?.stderr).toContain('migration 0001_gateway_core: Success');
  });
});

describe('usage errors (exit 2) and failures (exit 1)', () => {
  it('names an unknown option, command or subcommand and shows where the options are', { timeout: SLOW }, async () => {
    const [option, command, subcommand, missing] = await all([
      ['payouts', 'send', '--cvs', 'x.csv'],
      ['payout'],
      ['payouts', 'cancel'],
      ['scanner', 'rescan', '--from'],
    ]);
    expect(option?.code).toBe(2);
    expect(option?.stderr).toBe(
      'error: unknown option --cvs (did you mean --csv?)\n\nusage: tron-payment-gateway payouts send [options]\nRun "tron-payment-gateway payouts send --help" for its options.\n',
    );
    expect(command?.code).toBe(2);
    expect(command?.stderr).toMatch(/^error: unknown command "payout"\n/);
    expect(subcommand?.code).toBe(2);
    expect(subcommand?.stderr).toMatch(/^error: unknown subcommand "payouts cancel"\n\nusage: tron-payment-gateway payouts <subcommand>/);
    expect(missing?.code).toBe(2);
    expect(missing?.stderr).toBe('error: --from needs a value (--from <block>)\n');
  });

  it('with --json, writes the error as {"error":{code,message}} on stderr and nothing on stdout', { timeout: SLOW }, async () => {
    const [usage, failure] = await all([
      ['devnet', '--block-time-ms', '5', '--json'],
      ['openapi', '--out', join(temp, 'no', 'such', 'dir', 'openapi.json'), '--json'],
    ]);
    expect(usage).toMatchObject({ code: 2, stdout: '' });
    expect(JSON.parse(usage?.stderr ?? '')).toEqual({ error: { code: 'usage', message: '--block-time-ms must be at least 10, got 5' } });
    expect(failure).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(failure?.stderr ?? '')).toEqual({
      error: {
        code: 'failure',
        message: `--out: cannot write ${join(temp, 'no', 'such', 'dir', 'openapi.json')}: no such file or directory`,
      },
    });
  });

  it("replaces Node's raw messages with sentences naming the option", { timeout: SLOW }, async () => {
    const [port, csv] = await all([
      ['devnet', '--port', '70000'],
      ['payouts', 'send', '--csv', join(temp, 'nothing-here.csv')],
    ]);
    expect(port?.code).toBe(2);
    expect(port?.stderr).toBe('error: --port must be between 0 and 65535, got 70000\n');
    expect(csv?.code).toBe(1);
    expect(csv?.stderr).toBe(`error: --csv: no such file: ${join(temp, 'nothing-here.csv')}\n`);
    for (const run of [port, csv]) expect(run?.stderr).not.toMatch(/ENOENT|RangeError|ERR_/);
  });
});

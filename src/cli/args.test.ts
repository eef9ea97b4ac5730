import { describe, expect, it } from 'vitest';
import { type CommandSpec, formatHelp, HELP_OPTION, JSON_OPTION, parseCommand, UsageError } from './args.js';

const SPEC: CommandSpec = {
  name: 'things make',
  summary: 'make things',
  positionals: [{ name: 'thing_id', description: 'the thing' }],
  options: {
    port: { type: 'int', value: 'port', min: 1, max: 65535, description: 'where it listens' },
    'batch-reference': { type: 'string', value: 'text', description: 'a reference' },
    'no-wait': { type: 'boolean', description: 'do not wait' },
    ...JSON_OPTION,
    ...HELP_OPTION,
  },
};

function usageError(argv: string[]): UsageError {
  try {
    parseCommand(SPEC, argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseCommand', () => {
  it('reads options in both spellings, positionals and negative-looking switches', () => {
    expect(parseCommand(SPEC, ['t_1', '--port', '8080', '--batch-reference=run 1', '--no-wait', '--json'])).toEqual({
      values: { port: 8080, 'batch-reference': 'run 1', 'no-wait': true, json: true },
      positionals: ['t_1'],
    });
    expect(parseCommand(SPEC, ['--port=1', 't_2'])?.positionals).toEqual(['t_2']);
  });

  it('returns null for -h and --help, wherever they are and whatever else is wrong', () => {
    expect(parseCommand(SPEC, ['-h'])).toBeNull();
    expect(parseCommand(SPEC, ['--help'])).toBeNull();
    expect(parseCommand(SPEC, ['t_1', '--json', '-h'])).toBeNull();
  });

  it('names an unknown option as typed, with the nearest known one', () => {
    expect(usageError(['t', '--prot', '1']).message).toBe('unknown option --prot (did you mean --port?)');
    expect(usageError(['t', '--batch', 'x']).message).toBe('unknown option --batch (did you mean --batch-reference?)');
    expect(usageError(['t', '-x']).message).toBe('unknown option -x');
    expect(usageError(['t', '--colour']).usage).toContain('usage: tron-payment-gateway things make <thing_id> [options]');
  });

  it('refuses a missing value, a value for a switch, a bad or out-of-range number', () => {
    expect(usageError(['t', '--port']).message).toBe('--port needs a value (--port <port>)');
    expect(usageError(['t', '--batch-reference', '--json']).message).toBe('--batch-reference needs a value (--batch-reference <text>)');
    expect(usageError(['t', '--json=yes']).message).toBe('--json takes no value');
    expect(usageError(['t', '--port', '70000']).message).toBe('--port must be between 1 and 65535, got 70000');
    expect(usageError(['t', '--port', '0']).message).toBe('--port must be between 1 and 65535, got 0');
    expect(usageError(['t', '--port', '8o']).message).toBe('--port must be a whole number (between 1 and 65535), got "8o"');
  });

  it('refuses a missing or an extra positional argument', () => {
    expect(usageError([]).message).toBe('<thing_id> is required');
    expect(usageError(['a', 'b']).message).toBe('unexpected argument "b"');
  });
});

describe('a repeatable option', () => {
  const REPEAT: CommandSpec = {
    name: 'things',
    summary: 'things',
    options: { tag: { type: 'string', multiple: true, value: 'tag', description: 'a tag (repeatable)' }, ...HELP_OPTION },
  };

  it('collects every value in order, in both spellings, and is absent when not given', () => {
    expect(parseCommand(REPEAT, ['--tag', 'a', '--tag=b', '--tag', 'a'])?.values).toEqual({ tag: ['a', 'b', 'a'] });
    expect(parseCommand(REPEAT, [])?.values).toEqual({});
  });

  it('still needs a value each time', () => {
    expect(() => parseCommand(REPEAT, ['--tag', 'a', '--tag'])).toThrow('--tag needs a value (--tag <tag>)');
  });
});

describe('formatHelp', () => {
  it('lists the usage, the arguments and every option with its value, descriptions in one column', () => {
    const help = formatHelp(SPEC);
    expect(help.split('\n').slice(0, 3)).toEqual(['usage: tron-payment-gateway things make <thing_id> [options]', '', 'make things']);
    const options = help.split('options:\n')[1]?.split('\n') ?? [];
    expect(options.map((l) => l.trimEnd())).toEqual([
      '  --port <port>              where it listens',
      '  --batch-reference <text>   a reference',
      '  --no-wait                  do not wait',
      '  --json                     print JSON on stdout (errors as {"error":{…}} on stderr)',
      '  -h, --help                 show this help',
    ]);
    expect(help).toContain('arguments:\n  <thing_id>   the thing');
  });
});

import { describe, expect, it } from 'vitest';
import { formatHelp, parseCommand } from './args.js';
import { type Command, commandRows, isGroup } from './command.js';
import { COMMANDS } from './commands.js';

const ALL: Command[] = Object.values(COMMANDS).flatMap((entry) => (isGroup(entry) ? Object.values(entry.subcommands) : [entry]));

describe('the command table', () => {
  it('has every command of SPEC §8 and the issue', () => {
    const names = commandRows(COMMANDS).map(([name]) => name);
    for (const name of [
      'start',
      'migrate',
      'devnet',
      'keys create',
      'merchants create',
      'config check',
      'payments resolve',
      'payouts approve',
      'payouts send',
      'webhooks redeliver',
      'scanner rescan',
      'reports export',
    ]) {
      expect(names).toContain(name);
    }
  });

  for (const command of ALL) {
    describe(command.name, () => {
      it('takes -h, --help and --json, and its help shows every option in aligned columns', () => {
        expect(command.options.help).toMatchObject({ type: 'boolean', short: 'h' });
        expect(command.options.json).toMatchObject({ type: 'boolean' });
        expect(parseCommand(command, ['-h'])).toBeNull();
        const help = formatHelp(command);
        expect(help.startsWith(`usage: tron-payment-gateway ${command.name}`)).toBe(true);
        const lines = (help.split('options:\n')[1] ?? '').split('\n\n')[0]?.split('\n') ?? [];
        expect(lines).toHaveLength(Object.keys(command.options).length);
        // the descriptions start in one column: after the widest option label and three spaces
        const column = Math.max(...lines.map((l) => /^ {2}\S.*?\S {3}/.exec(l)?.[0].length ?? 0));
        for (const line of lines) expect(line.slice(column - 3, column)).toBe('   ');
        for (const option of Object.values(command.options)) expect(option.description.length).toBeGreaterThan(3);
      });
    });
  }
});

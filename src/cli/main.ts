/**
 * `tron-payment-gateway <command>`: commands only; the work lives in the modules they call. Exit 0 on
 * success, 2 for a usage error, 1 for a failure; `--json` makes results and errors JSON.
 */
import { PROGRAM, twoColumns, UsageError } from './args.js';
import { commandRows, reportError, runEntry, wantsJson } from './command.js';
import { COMMANDS } from './commands.js';
import { printJson, say } from './output.js';
import { packageVersion } from './version.js';

function help(): string {
  return [
    `usage: ${PROGRAM} <command> [options]`,
    '',
    'commands:',
    twoColumns(commandRows(COMMANDS)),
    '',
    'options:',
    twoColumns([
      ['-h, --help', 'show this help; after a command, its options'],
      ['-v, --version', 'print the version'],
    ]),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options. Exit 0 on success, 1 on failure, 2 on a usage error.`,
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help') return void say(help());
  if (name === '-v' || name === '--version') {
    if (wantsJson(rest)) return printJson({ version: packageVersion() });
    return void say(packageVersion());
  }
  // `help keys create` is `keys create --help`
  if (name === 'help') {
    if (rest.length === 0) return void say(help());
    return main([...rest, '--help']);
  }
  const entry = COMMANDS[name];
  if (!entry) {
    throw new UsageError(`unknown ${name.startsWith('-') ? 'option' : 'command'} "${name}"`, {
      usage: `commands: ${Object.keys(COMMANDS).join(', ')}\nRun "${PROGRAM} --help" for more.`,
    });
  }
  await runEntry(entry, rest);
}

const argv = process.argv.slice(2);
main(argv).catch((error: unknown) => {
  process.exit(reportError(error, wantsJson(argv)));
});

/**
 * Commands and groups of subcommands (`keys create`), their help, and how a failure reaches the
 * operator: `error: <sentence>` on stderr (or `{"error":{code,message,…}}` with `--json`), exit 2 for a
 * usage error and 1 for anything else.
 */
import { ConfigError } from '../config/load.js';
import { AppError } from '../shared/errors.js';
import { CliFailure, type CommandSpec, formatHelp, type ParsedCommand, PROGRAM, parseCommand, twoColumns, UsageError } from './args.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { say } from './output.js';

export interface Command extends CommandSpec {
  run(parsed: ParsedCommand): Promise<void>;
}

export interface CommandGroup {
  name: string;
  summary: string;
  subcommands: Readonly<Record<string, Command>>;
}

export type CommandEntry = Command | CommandGroup;

export function isGroup(entry: CommandEntry): entry is CommandGroup {
  return 'subcommands' in entry;
}

export async function runEntry(entry: CommandEntry, argv: readonly string[]): Promise<void> {
  if (!isGroup(entry)) return runCommand(entry, argv);
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') return void say(groupHelp(entry));
  const sub = first.startsWith('-') ? undefined : entry.subcommands[first];
  if (!sub) {
    const problem = first.startsWith('-') ? `${entry.name} needs a subcommand` : `unknown subcommand "${entry.name} ${first}"`;
    throw new UsageError(problem, { usage: groupHelp(entry) });
  }
  return runCommand(sub, rest);
}

async function runCommand(command: Command, argv: readonly string[]): Promise<void> {
  const parsed = parseCommand(command, argv);
  if (parsed === null) return void say(formatHelp(command));
  await command.run(parsed);
}

export function groupHelp(group: CommandGroup): string {
  const rows = Object.entries(group.subcommands).map(([name, c]) => [name, c.summary] as const);
  return [
    `usage: ${PROGRAM} ${group.name} <subcommand> [options]`,
    '',
    group.summary,
    '',
    'subcommands:',
    twoColumns(rows),
    '',
    `Run "${PROGRAM} ${group.name} <subcommand> --help" for its options.`,
  ].join('\n');
}

/** Every command line of a table of entries, `keys create` on its own line, aligned. */
export function commandRows(entries: Readonly<Record<string, CommandEntry>>): [string, string][] {
  return Object.values(entries).flatMap((entry): [string, string][] =>
    isGroup(entry) ? Object.values(entry.subcommands).map((c) => [c.name, c.summary]) : [[entry.name, entry.summary]],
  );
}

interface DescribedError {
  code: string;
  message: string;
  exitCode: 1 | 2;
  details: Record<string, unknown>;
  usage?: string;
}

/** Writes the error to stderr as text or JSON and returns the exit code. */
export function reportError(error: unknown, json: boolean): number {
  const described = describeError(error);
  if (json) {
    process.stderr.write(`${JSON.stringify({ error: { code: described.code, message: described.message, ...described.details } })}\n`);
  } else {
    process.stderr.write(`error: ${described.message}${described.usage ? `\n\n${described.usage}` : ''}\n`);
  }
  return described.exitCode;
}

function describeError(error: unknown): DescribedError {
  if (error instanceof UsageError) {
    return {
      code: 'usage',
      message: error.message,
      exitCode: 2,
      details: error.errors.length > 0 ? { errors: error.errors } : {},
      ...(error.usage ? { usage: error.usage } : {}),
    };
  }
  if (error instanceof CliFailure) return { code: error.code, message: error.message, exitCode: 1, details: error.details };
  if (error instanceof DataDirLockedError) {
    return { code: 'data_dir_locked', message: error.message, exitCode: 1, details: { data_dir: error.dir, pid: error.pid } };
  }
  if (error instanceof ConfigError) {
    return { code: 'config_invalid', message: error.message, exitCode: 1, details: { problems: error.problems } };
  }
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.detail,
      exitCode: error.code === 'validation_failed' ? 2 : 1,
      details: error.errors.length > 0 ? { errors: error.errors } : {},
    };
  }
  const errno = error as NodeJS.ErrnoException;
  if (error instanceof Error && typeof errno.code === 'string' && typeof errno.path === 'string') {
    return { code: 'failure', message: `${describeErrno(errno.code)}: ${errno.path}`, exitCode: 1, details: {} };
  }
  return { code: 'failure', message: error instanceof Error ? error.message : String(error), exitCode: 1, details: {} };
}

/** A file-system error code as a few words: ENOENT → "no such file or directory". */
export function describeErrno(code: string): string {
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    EEXIST: 'already exists',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
  };
  return known[code] ?? code;
}

/** Whether the command line asks for JSON (also for errors found before its options are parsed). */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

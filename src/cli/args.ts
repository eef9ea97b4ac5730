/**
 * Command-line parsing on `node:util` parseArgs: every command declares its options and positional
 * arguments once, and gets aligned help and errors that name the option. Unknown options, missing values
 * and values out of range are usage errors (exit 2).
 */
import { parseArgs } from 'node:util';

export const PROGRAM = 'tron-payment-gateway';

/**
 * Wrong use of the command line: exit 2. `errors` name the options concerned; `usage` is printed after
 * the message in text mode (never in a `--json` error).
 */
export class UsageError extends Error {
  readonly errors: { path: string; message: string }[];
  readonly usage: string | undefined;

  constructor(message: string, options: { errors?: { path: string; message: string }[]; usage?: string } = {}) {
    super(message);
    this.name = 'UsageError';
    this.errors = options.errors ?? [];
    this.usage = options.usage;
  }
}

/** The command ran and failed: exit 1. `code` is `failure` or a code of the error catalogue; `details` go into `--json` errors. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly code: string = 'failure',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export interface OptionSpec {
  type: 'string' | 'int' | 'boolean';
  description: string;
  /** one-letter alias, e.g. `h` for `-h` */
  short?: string;
  /** what the value is, in the help: `--out <file>` */
  value?: string;
  /** bounds of an `int` option, inclusive */
  min?: number;
  max?: number;
  /** a `string` option that may be given several times: its value is the array of them, in order */
  multiple?: boolean;
}

export interface PositionalSpec {
  name: string;
  description: string;
  /** default true */
  required?: boolean;
}

/** A runnable command: `keys create`, `start`, … */
export interface CommandSpec {
  /** the words after the program name */
  name: string;
  summary: string;
  positionals?: readonly PositionalSpec[];
  options: Readonly<Record<string, OptionSpec>>;
  /** extra lines after the options (examples, notes) */
  notes?: string;
}

export type OptionValues = Record<string, string | string[] | number | boolean | undefined>;

export interface ParsedCommand {
  values: OptionValues;
  positionals: string[];
}

export const HELP_OPTION: Record<string, OptionSpec> = { help: { type: 'boolean', short: 'h', description: 'show this help' } };
export const JSON_OPTION: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'print JSON on stdout (errors as {"error":{…}} on stderr)' },
};

/** Parses `argv` against the command's declaration; returns null when help was asked for. */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): ParsedCommand | null {
  const options = spec.options;
  const declared: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, option] of Object.entries(options)) {
    declared[name] = { type: option.type === 'boolean' ? 'boolean' : 'string', ...(option.short ? { short: option.short } : {}) };
  }
  // Not strict: the tokens are checked here, so that every error names the option as the operator typed it.
  const { tokens } = parseArgs({ args: [...argv], options: declared, strict: false, allowPositionals: true, tokens: true });
  const values: OptionValues = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) throw new UsageError(`unknown option ${token.rawName}${suggestion(token.name, options)}`, { usage: usageHint(spec) });
    const flag = `--${token.name}`;
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${flag} takes no value`);
      values[token.name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('-') && value.length > 1)) {
      throw new UsageError(`${flag} needs a value (${flag} <${option.value ?? 'value'}>)`);
    }
    if (option.multiple) {
      const previous = values[token.name];
      values[token.name] = [...(Array.isArray(previous) ? previous : []), value];
      continue;
    }
    values[token.name] = option.type === 'int' ? parseInteger(flag, value, option) : value;
  }
  if (values.help === true) return null;
  checkPositionals(spec, positionals);
  return { values, positionals };
}

function parseInteger(flag: string, value: string, option: OptionSpec): number {
  const { min, max } = option;
  const range =
    min !== undefined && max !== undefined
      ? `between ${min} and ${max}`
      : min !== undefined
        ? `at least ${min}`
        : max !== undefined
          ? `at most ${max}`
          : null;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`${flag} must be a whole number${range ? ` (${range})` : ''}, got "${value}"`);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) throw new UsageError(`${flag} must be ${range}, got ${value}`);
  return n;
}

function checkPositionals(spec: CommandSpec, positionals: readonly string[]): void {
  const expected = spec.positionals ?? [];
  const extra = positionals[expected.length];
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`, { usage: usageHint(spec) });
  expected.forEach((p, i) => {
    if (p.required !== false && positionals[i] === undefined) throw new UsageError(`<${p.name}> is required`, { usage: usageHint(spec) });
  });
}

/** ` (did you mean --name?)` for a near miss: a prefix either way, or a typo of at most two letters. */
function suggestion(name: string, options: Readonly<Record<string, OptionSpec>>): string {
  const known = Object.keys(options);
  const near =
    known.find((k) => name.length > 1 && (k.startsWith(name) || name.startsWith(k))) ?? known.find((k) => editDistance(name, k) <= 2);
  return near ? ` (did you mean --${near}?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The usage line and where the options are listed: what a usage error prints after its message. */
function usageHint(spec: CommandSpec): string {
  return `${usageLine(spec)}\nRun "${PROGRAM} ${spec.name} --help" for its options.`;
}

export function usageLine(spec: CommandSpec): string {
  const args = (spec.positionals ?? []).map((p) => (p.required === false ? `[${p.name}]` : `<${p.name}>`));
  return `usage: ${PROGRAM} ${[spec.name, ...args].join(' ')} [options]`;
}

/** Two columns, the second aligned: `  left   right`. */
export function twoColumns(rows: readonly (readonly [string, string])[], indent = 2): string {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${' '.repeat(indent)}${left.padEnd(width)}   ${right}`.trimEnd()).join('\n');
}

export function optionLabel(name: string, option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : '';
  const value = option.type === 'boolean' ? '' : ` <${option.value ?? (option.type === 'int' ? 'n' : 'value')}>`;
  return `${short}--${name}${value}`;
}

export function formatHelp(spec: CommandSpec): string {
  const parts = [usageLine(spec), '', spec.summary];
  if (spec.positionals && spec.positionals.length > 0) {
    parts.push('', 'arguments:', twoColumns(spec.positionals.map((p) => [`<${p.name}>`, p.description])));
  }
  parts.push(
    '',
    'options:',
    twoColumns(Object.entries(spec.options).map(([name, option]) => [optionLabel(name, option), option.description])),
  );
  if (spec.notes) parts.push('', spec.notes);
  return parts.join('\n');
}

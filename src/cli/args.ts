/** Minimal `--flag value` / `--flag=value` / `--switch` parsing with errors that name the flag. */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface FlagSpec {
  type: 'string' | 'int' | 'boolean';
  description: string;
}

export type ParsedFlags = Record<string, string | number | boolean | undefined>;

export function parseFlags(argv: string[], spec: Record<string, FlagSpec>): ParsedFlags {
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const def = spec[name];
    if (!def) throw new UsageError(`unknown option --${name}`);
    if (def.type === 'boolean') {
      if (eq !== -1) {
        const v = arg.slice(eq + 1);
        if (v !== 'true' && v !== 'false') throw new UsageError(`--${name} takes no value (or =true/=false)`);
        out[name] = v === 'true';
      } else out[name] = true;
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    if (def.type === 'int') {
      if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
      out[name] = Number(value);
    } else out[name] = value;
  }
  return out;
}

export function usage(command: string, spec: Record<string, FlagSpec>): string {
  const lines = Object.entries(spec).map(([name, s]) => `  --${name}${s.type === 'boolean' ? '' : ' <value>'}`.padEnd(28) + s.description);
  return `usage: tron-payment-gateway ${command} [options]\n${lines.join('\n')}`;
}

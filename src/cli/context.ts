/**
 * What every administrative command needs: the validated configuration (`--config <file>` and the
 * process environment, every problem listed), the database it names (migrated first), the modules over
 * it, and plain-text output helpers. Commands hold no SQL and no business rules.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, type GatewayConfig, loadConfig } from '../config/load.js';
import { type Database, openDatabase } from '../db/database.js';
import { type MigrationReport, migrateToLatest } from '../db/migrate.js';
import { createMerchantsModule, type MerchantsModule } from '../modules/merchants/merchants.module.js';
import { AppError } from '../shared/errors.js';
import { type FlagSpec, type ParsedFlags, UsageError } from './args.js';

/** Flags every administrative command accepts. */
export const COMMON_FLAGS: Record<string, FlagSpec> = {
  config: { type: 'string', description: 'YAML configuration (default: TPG_CONFIG_FILE or config/payment-gateway-config.yaml)' },
  help: { type: 'boolean', description: 'show this help' },
};

export const JSON_FLAG: Record<string, FlagSpec> = {
  json: { type: 'boolean', description: 'print JSON instead of text' },
};

/** The configuration as the gateway would load it; a bad one ends the command with every problem listed (exit 1). */
export function loadCliConfig(flags: ParsedFlags, env: Readonly<Record<string, string | undefined>> = process.env): GatewayConfig {
  const file = typeof flags.config === 'string' ? flags.config : undefined;
  try {
    return loadConfig({ file, env });
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(describeConfigProblems(error));
    throw error;
  }
}

export function describeConfigProblems(error: ConfigError): string {
  const count = error.problems.length;
  return [
    `configuration has ${count} problem${count === 1 ? '' : 's'} (${error.source}):`,
    ...error.problems.map((p) => `  ${p.key}: ${p.message}`),
  ].join('\n');
}

/** Whether the configuration came from a file or from defaults and environment only. */
export function configSourceLabel(config: GatewayConfig): string {
  return existsSync(config.source) ? config.source : `defaults; ${config.source} not found`;
}

/** Where the embedded database lives: `<server.data_dir>/<database.sqlite_file>`. */
export function sqlitePathOf(config: GatewayConfig): string {
  return resolve(config.raw.server.data_dir, config.raw.database.sqlite_file);
}

export interface CliDatabase extends Database {
  migrations: MigrationReport;
}

/** Opens the configured database (PostgreSQL when `database.url` is set, else SQLite) and migrates it to the latest schema. */
export async function openCliDatabase(config: GatewayConfig, options: { onProgress?: (line: string) => void } = {}): Promise<CliDatabase> {
  const url = config.raw.database.url;
  const database = openDatabase(
    url
      ? { url, poolSize: Math.min(2, config.raw.database.pool_size), statementTimeoutMs: config.raw.database.statement_timeout_ms }
      : { sqlitePath: sqlitePathOf(config) },
  );
  try {
    const migrations = await migrateToLatest(database.db, options.onProgress);
    return { ...database, migrations };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Runs `work` with the modules over the configured database and closes it afterwards. Refusals from a
 * use case become CLI errors: invalid input is a usage error (exit 2), anything else exits 1.
 */
export async function withModules<T>(config: GatewayConfig, work: (modules: MerchantsModule) => Promise<T>): Promise<T> {
  const database = await openCliDatabase(config);
  const modules = createMerchantsModule(database.db);
  try {
    return await work(modules);
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === 'validation_failed') throw new UsageError(error.detail);
      throw new Error(error.detail);
    }
    throw error;
  } finally {
    await modules.apiKeys.flush();
    await database.close();
  }
}

export function requireString(flags: ParsedFlags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function optionalString(flags: ParsedFlags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** `a, b,c` → ['a', 'b', 'c'] */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Left-aligned columns under upper-case headers. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** Splits `<subcommand> [flags]`; no subcommand or `--help` alone prints the command's usage. */
export function subcommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('--')) return { name: undefined, rest: [...argv] };
  return { name: first, rest };
}

/** Runs `<group> <subcommand>` from a table of handlers; no subcommand (or --help) prints the help. */
export async function dispatchSubcommand(
  group: string,
  argv: readonly string[],
  handlers: Record<string, (rest: string[]) => Promise<void>>,
  help: string,
): Promise<void> {
  const { name, rest } = subcommand(argv);
  const handler = name === undefined ? undefined : handlers[name];
  if (handler) return handler(rest);
  if (name === undefined && (rest.length === 0 || rest[0] === '--help')) {
    console.log(help);
    return;
  }
  throw new UsageError(`${name === undefined ? `${group} needs a subcommand` : `unknown subcommand "${group} ${name}"`}\n\n${help}`);
}

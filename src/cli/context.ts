/**
 * What the administrative commands need: the validated configuration (`--config <file>` and the process
 * environment, every problem listed), the database it names (migrated first, a line per migration on
 * stderr), the modules or the whole gateway core over it, the merchant a command acts for, and the
 * translation of a use case's refusal into a sentence naming the option. Commands hold no SQL and no
 * business rules.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { GatewayChain } from '../app/chain.js';
import { type CoreChain, createGatewayCore, type GatewayCore } from '../app/gateway-core.js';
import { ConfigError, type GatewayConfig, loadConfig } from '../config/load.js';
import { type Database, openDatabase } from '../db/database.js';
import { type MigrationReport, migrateToLatest } from '../db/migrate.js';
import type { DB } from '../db/schema.js';
import { AssetRegistry } from '../modules/assets/asset-registry.js';
import { DEFAULT_MERCHANT_HD_INDEX, type Merchant } from '../modules/merchants/merchant.js';
import { createMerchantsModule, type MerchantsModule } from '../modules/merchants/merchants.module.js';
import type { MerchantsService } from '../modules/merchants/merchants.service.js';
import { HdWalletAddresses } from '../modules/wallets/wallet-addresses.js';
import { loadWalletSeed } from '../modules/wallets/wallet-seed.js';
import { DEVNET_CONTRACT } from '../shared/catalogues/asset-catalog.js';
import { AppError, type FieldError } from '../shared/errors.js';
import type { Result } from '../shared/result.js';
import { CliFailure, type OptionSpec, type OptionValues, UsageError } from './args.js';
import { acquireDataDirLock, type DataDirLock, type LockHolder } from './data-dir-lock.js';
import { note } from './output.js';
import { packageVersion } from './version.js';

export const CONFIG_OPTION: Record<string, OptionSpec> = {
  config: {
    type: 'string',
    value: 'file',
    description: 'YAML configuration (default: TPG_CONFIG_FILE, else config/payment-gateway-config.yaml)',
  },
};

export const MERCHANT_OPTION: Record<string, OptionSpec> = {
  merchant: { type: 'string', value: 'id', description: 'merchant id, mer_… (default: the only merchant, else the default one)' },
};

/** The configuration as the gateway would load it; a bad one ends the command with every problem listed (exit 1). */
export function loadCliConfig(values: OptionValues, env: Readonly<Record<string, string | undefined>> = process.env): GatewayConfig {
  const file = typeof values.config === 'string' ? values.config : undefined;
  if (file !== undefined && !existsSync(file)) throw new CliFailure(`--config: no such file: ${resolve(file)}`, 'config_invalid');
  try {
    return loadConfig({ file, env });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(describeConfigProblems(error), 'config_invalid', { problems: error.problems });
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

/** Whether this configuration keeps the gateway's state in files of the data directory (SQLite, the embedded devnet). */
export function usesEmbeddedFiles(config: GatewayConfig): { sqlite: boolean; devnet: boolean } {
  const raw = config.raw;
  return { sqlite: !raw.database.url, devnet: raw.network.name === 'devnet' && raw.network.rpc_urls.length === 0 };
}

/**
 * Locks `<data_dir>` when the configuration keeps the database or the devnet there (and `<data_dir>/devnet`
 * for the embedded devnet, which a `devnet --data-dir` process would otherwise share). PostgreSQL with
 * a node of its own needs no lock: several instances may share one database.
 */
export function lockDataDirs(config: GatewayConfig, holder: LockHolder): DataDirLock[] {
  const embedded = usesEmbeddedFiles(config);
  const dirs = [
    ...(embedded.sqlite || embedded.devnet ? [config.raw.server.data_dir] : []),
    ...(embedded.devnet ? [join(config.raw.server.data_dir, 'devnet')] : []),
  ];
  const locks: DataDirLock[] = [];
  try {
    for (const dir of dirs) locks.push(acquireDataDirLock(dir, holder));
  } catch (error) {
    for (const lock of locks) lock.release();
    throw error;
  }
  return locks;
}

export interface CliDatabase extends Database {
  migrations: MigrationReport;
}

/**
 * Opens the configured database (PostgreSQL when `database.url` is set, else SQLite) and migrates it to
 * the latest schema; each migration applied is a line on stderr unless `onProgress` says otherwise.
 */
export async function openCliDatabase(config: GatewayConfig, options: { onProgress?: (line: string) => void } = {}): Promise<CliDatabase> {
  const url = config.raw.database.url;
  const database = openDatabase(
    url
      ? { url, poolSize: Math.min(2, config.raw.database.pool_size), statementTimeoutMs: config.raw.database.statement_timeout_ms }
      : { sqlitePath: sqlitePathOf(config), onFileMode: (message) => console.error(`warning: ${message}`) },
  );
  try {
    const migrations = await migrateToLatest(database.db, options.onProgress ?? note);
    return { ...database, migrations };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs `work` with the merchants module over the configured database (also given, for other modules) and closes it afterwards. */
export async function withModules<T>(
  config: GatewayConfig,
  work: (modules: MerchantsModule, db: Kysely<DB>) => Promise<T>,
  fields: Readonly<Record<string, string>> = {},
): Promise<T> {
  const database = await openCliDatabase(config);
  const modules = createMerchantsModule(database.db);
  try {
    return await work(modules, database.db);
  } catch (error) {
    throw error instanceof AppError ? cliError(error, fields) : error;
  } finally {
    await modules.apiKeys.flush();
    await database.close();
  }
}

/**
 * Runs `work` with the gateway core over the configured database: the same services as the API, no
 * listening socket and no background work. The chain is a node only when the configuration names one
 * (`network.rpc_urls`); the core reads it for fee estimates, and a command never starts a devnet here.
 */
export async function withCore<T>(
  config: GatewayConfig,
  work: (core: GatewayCore) => Promise<T>,
  fields: Readonly<Record<string, string>> = {},
): Promise<T> {
  const database = await openCliDatabase(config);
  try {
    const raw = config.raw;
    const seed = loadWalletSeed(config);
    const accounts = { deposit: raw.wallets.deposit_account, hotWallet: raw.wallets.hot_wallet_account };
    const core = createGatewayCore({
      config,
      database,
      chain: configuredChain(config),
      wallets: HdWalletAddresses.fromMnemonic(seed.mnemonic, seed.passphrase, accounts),
      networkName: raw.network.name,
      logger: pino({ level: 'warn' }, pino.destination(2)),
      version: packageVersion(),
    });
    try {
      return await work(core);
    } catch (error) {
      throw error instanceof AppError ? cliError(error, fields) : error;
    } finally {
      await core.stop();
    }
  } finally {
    await database.close();
  }
}

/** A node client when the configuration names nodes; otherwise a chain that answers nothing (estimates stay unknown). */
function configuredChain(config: GatewayConfig): CoreChain {
  const net = config.raw.network;
  if (net.rpc_urls.length === 0) return NO_NODE;
  return new GatewayChain(
    {
      fullNodeUrls: net.rpc_urls,
      solidityUrls: net.solidity_urls,
      eventUrls: net.event_urls,
      apiKey: net.trongrid_api_key,
      timeoutMs: Math.min(net.timeout_ms, 3000),
      maxAttempts: 1,
    },
    // a devnet's own contracts are only known to a running gateway: without them, TRX only
    config.assets.specs.some((s) => s.contract === DEVNET_CONTRACT) ? null : new AssetRegistry(config.assets),
  );
}

const noNode = () => Promise.reject(new CliFailure('this command does not reach a TRON node (no network.rpc_urls configured)'));
const NO_NODE: CoreChain = {
  energyPriceSun: noNode,
  bandwidthPriceSun: noNode,
  trxBalance: noNode,
  balances: noNode,
  resources: noNode,
  headBlock: noNode,
};

/**
 * The merchant a command acts for: `--merchant` when given (unknown: exit 1), else the only merchant,
 * else the install's default one.
 */
export async function resolveMerchant(merchants: MerchantsService, id: string | undefined): Promise<Merchant> {
  if (id !== undefined) {
    const found = await merchants.findMerchant(id);
    if (!found) throw new CliFailure(`--merchant: merchant ${id} not found`, 'not_found');
    return found;
  }
  const all = await merchants.listMerchants();
  const only = all.length === 1 ? all[0] : all.find((m) => m.hdIndex === DEFAULT_MERCHANT_HD_INDEX);
  if (!only) {
    throw new CliFailure(
      all.length === 0
        ? 'there is no merchant yet: start the gateway once (it creates the default merchant) or run "merchants create"'
        : 'several merchants and no default one: name one with --merchant',
    );
  }
  return only;
}

/** The value of a use case, or its refusal as a CLI error naming the options (`fields` maps input fields to options). */
export function unwrap<T>(result: Result<T, AppError>, fields: Readonly<Record<string, string>> = {}): T {
  if (!result.ok) throw cliError(result.error, fields);
  return result.value;
}

/**
 * A refusal from a use case as the operator should read it: invalid input is a usage error (exit 2)
 * whose fields are the command's options (`scopes/0` → `--scopes`); anything else exits 1 with its
 * catalogue code.
 */
export function cliError(error: AppError, fields: Readonly<Record<string, string>> = {}): Error {
  if (error.code !== 'validation_failed' || error.errors.length === 0) return new CliFailure(error.detail, error.code);
  const errors = error.errors.map((e) => ({ path: optionOf(e, fields), message: e.message }));
  return new UsageError(errors.map((e) => `${e.path}: ${e.message}`).join('\n'), { errors });
}

function optionOf(error: FieldError, fields: Readonly<Record<string, string>>): string {
  const field = error.path.split('/')[0] ?? error.path;
  const option = fields[field];
  return option ? `--${option}` : error.path;
}

export function requireString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function optionalString(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** `a, b,c` → ['a', 'b', 'c'] */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

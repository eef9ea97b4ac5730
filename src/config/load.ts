/**
 * Loads the YAML file, applies environment overrides, validates everything once and resolves amounts
 * to bigint base units. Every problem is collected and reported together; nothing starts on a bad config.
 */
import { readFileSync, statSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { AssetCatalog } from '../shared/catalogues/asset-catalog.js';
import { ALL_EVENTS } from '../shared/catalogues/webhook-events.js';
import { parseRate } from '../shared/money.js';
import { checkBase58Address } from '../tron/address.js';
import { validateMnemonic } from '../tron/hd.js';
import { resolveAssets } from './assets.js';
import { CONFIG_FILE_VARIABLE, readEnvOverrides } from './env.js';
import { ConfigSchema, PRIORITIES, type Priority, type RawConfig } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'config/payment-gateway-config.yaml';

export interface ConfigProblem {
  /** dotted key ("transaction_limits.daily_limit") or environment variable name */
  key: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(
    readonly problems: ConfigProblem[],
    readonly source: string,
  ) {
    super(`invalid configuration (${source}):\n${problems.map((p) => `  - ${p.key}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type { VolumeDiscount } from '../shared/catalogues/asset-catalog.js';

export interface PriorityPolicy {
  feeRate: bigint;
  processingTimeSeconds: number;
  maxRetries: number;
  confirmations: number;
}

/** Limits that are not amounts; amount limits are per asset (AssetSpec.limits). */
export interface Limits {
  ratePerMinute: number;
  maxConcurrentPayouts: number;
  addressActivityPerMinute: number;
  denyList: ReadonlySet<string>;
  allowSelfTransfer: boolean;
}

/** The validated configuration: the raw tree plus money resolved to base units. */
export interface GatewayConfig {
  raw: RawConfig;
  source: string;
  priorities: Readonly<Record<Priority, PriorityPolicy>>;
  /** every asset with its decimals, tiers, limits and transfer cost */
  assets: AssetCatalog;
  underpaymentTolerance: bigint;
  limits: Limits;
}

export interface LoadOptions {
  /** YAML path; default from TPG_CONFIG_FILE or config/payment-gateway-config.yaml */
  file?: string;
  /** environment to read overrides from (tests pass their own) */
  env?: Readonly<Record<string, string | undefined>>;
  /** extra values applied last, as a partial tree (tests) */
  overrides?: Record<string, unknown>;
  /** a missing file is fine when only defaults and environment are wanted */
  allowMissingFile?: boolean;
}

// `verbose` keeps the failing schema on each error so that a union can be reported once, with its allowed values.
const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false, coerceTypes: false, verbose: true });
const validateSchema = ajv.compile(ConfigSchema);

export function loadConfig(options: LoadOptions = {}): GatewayConfig {
  const env = options.env ?? {};
  const named = options.file ?? env[CONFIG_FILE_VARIABLE];
  const file = named ?? DEFAULT_CONFIG_FILE;
  const problems: ConfigProblem[] = [];

  let tree: Record<string, unknown> = {};
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    // Only the default location may be absent; a file someone named (option or TPG_CONFIG_FILE) must exist.
    if (!(missing && (options.allowMissingFile || named === undefined))) {
      throw new ConfigError([{ key: file, message: missing ? 'file not found' : (error as Error).message }], file);
    }
  }
  if (text !== undefined) {
    try {
      const parsed: unknown = parseYaml(text);
      if (parsed !== null && parsed !== undefined) {
        if (typeof parsed !== 'object' || Array.isArray(parsed)) {
          throw new ConfigError([{ key: file, message: 'must be a YAML mapping' }], file);
        }
        tree = withoutNulls(parsed as Record<string, unknown>);
      }
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      const message = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
      throw new ConfigError([{ key: file, message: `not valid YAML: ${message}` }], file);
    }
  }

  const envRead = readEnvOverrides(env);
  problems.push(...envRead.problems);
  for (const { path, value } of envRead.values) setPath(tree, path, value);
  if (options.overrides) mergeInto(tree, options.overrides);

  // Schema errors and the cross-field checks are reported together: values the schema refuses are
  // pruned (falling back to their defaults) so that the rest of the tree can still be checked.
  const envKeys = envRead.values.map(({ path, variable }) => ({ key: path.join('.'), variable }));
  const reported = new Set<string>();
  let valid = validateSchema(tree);
  if (!valid) {
    for (const problem of schemaProblems(validateSchema.errors ?? [])) {
      const from = envKeys.find(({ key }) => problem.key === key || problem.key.startsWith(`${key}.`));
      problems.push(from ? { ...problem, message: `${problem.message} (from ${from.variable})` } : problem);
      reported.add(problem.key);
    }
    for (let round = 0; round < 5 && !valid; round++) {
      for (const error of validateSchema.errors ?? []) prune(tree, errorPath(error));
      valid = validateSchema(tree);
    }
  }
  if (!valid) throw new ConfigError(problems, file);

  const crossField: ConfigProblem[] = [];
  const config = resolve(tree as RawConfig, file, crossField);
  // a shared default (transaction_limits.min_amount…) is checked once per asset: report it once
  const unique = new Map(crossField.map((p) => [`${p.key}\n${p.message}`, p]));
  problems.push(...[...unique.values()].filter((p) => !reported.has(p.key)));
  if (problems.length > 0) throw new ConfigError(problems, file);
  return config as GatewayConfig;
}

/** One problem per offending key: a union's failed branches collapse into one message naming the allowed values. */
function schemaProblems(errors: readonly ErrorObject[]): ConfigProblem[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath);
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (unions.some((path) => error.schemaPath.startsWith(`${path}/`))) continue;
    const problem = schemaProblem(error);
    const id = `${problem.key}\u0000${problem.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(problem);
  }
  return out;
}

function schemaProblem(error: ErrorObject): ConfigProblem {
  const path = errorPath(error);
  const key = path.join('.') || '(root)';
  switch (error.keyword) {
    case 'additionalProperties':
      return { key, message: 'unknown key' };
    case 'required':
      return { key, message: 'is required' };
    case 'pattern': {
      const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
      const shown = JSON.stringify(error.data).slice(0, 60);
      return {
        key,
        message: typeof description === 'string' ? `${shown} is not valid: ${description}` : `${shown} ${error.message ?? 'is invalid'}`,
      };
    }
    case 'enum':
      return {
        key,
        message: `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { key, message: `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}` };
    case 'anyOf': {
      const branches = Array.isArray(error.schema) ? (error.schema as Record<string, unknown>[]) : [];
      if (branches.length > 0 && branches.every((b) => 'const' in b)) {
        return { key, message: `must be one of ${branches.map((b) => JSON.stringify(b.const)).join(', ')}` };
      }
      const types = branches.map((b) => b.type).filter((t): t is string => typeof t === 'string');
      return {
        key,
        message:
          types.length === branches.length && types.length > 0 ? `must be a ${types.join(' or a ')}` : 'has a value that is not allowed',
      };
    }
    default:
      return { key, message: error.message ?? 'is invalid' };
  }
}

/** The path of the offending key; for unknown and missing keys, the key itself rather than its parent. */
function errorPath(error: ErrorObject): string[] {
  const path =
    error.instancePath === ''
      ? []
      : error.instancePath
          .slice(1)
          .split('/')
          .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'additionalProperties') path.push((error.params as { additionalProperty: string }).additionalProperty);
  if (error.keyword === 'required') path.push((error.params as { missingProperty: string }).missingProperty);
  return path;
}

/** Removes a refused value so that its default applies; inside a list the whole list goes (indexes would shift). */
function prune(tree: Record<string, unknown>, path: readonly string[]): void {
  let node: unknown = tree;
  for (let i = 0; i < path.length; i++) {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const key = path[i] as string;
    const next = record[key];
    if (i === path.length - 1 || Array.isArray(next)) {
      delete record[key];
      return;
    }
    node = next;
  }
}

/** A key written with no value (`server:` with every line below commented out) means "use the default". */
function withoutNulls(tree: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (value === null) continue;
    out[key] = typeof value === 'object' && !Array.isArray(value) ? withoutNulls(value as Record<string, unknown>) : value;
  }
  return out;
}

/** Cross-field checks and money resolution; problems are appended, the result is only used when none. */
function resolve(raw: RawConfig, source: string, problems: ConfigProblem[]): GatewayConfig | null {
  const rate = (key: string, value: string): bigint => {
    try {
      return parseRate(value);
    } catch (error) {
      problems.push({ key, message: (error as Error).message });
      return 0n;
    }
  };

  const priorities = {} as Record<Priority, PriorityPolicy>;
  for (const priority of PRIORITIES) {
    const policy = raw.payment_processing.priorities[priority];
    priorities[priority] = {
      feeRate: rate(`payment_processing.priorities.${priority}.fee_rate`, policy.fee_rate),
      processingTimeSeconds: policy.processing_time_seconds,
      maxRetries: policy.max_retries,
      confirmations: policy.confirmations,
    };
    if (priorities[priority].feeRate >= 1_000_000_000n) {
      problems.push({ key: `payment_processing.priorities.${priority}.fee_rate`, message: 'must be below 1' });
    }
  }

  const tl = raw.transaction_limits;
  const limits: Limits = {
    ratePerMinute: tl.rate_limit_per_minute,
    maxConcurrentPayouts: tl.max_concurrent_payouts,
    addressActivityPerMinute: tl.address_activity_per_minute,
    denyList: new Set(
      tl.deny_list.map((address, i) => {
        const check = checkBase58Address(address);
        if (!check.ok) problems.push({ key: `transaction_limits.deny_list.${i}`, message: `not a TRON address: ${check.message}` });
        return address;
      }),
    ),
    allowSelfTransfer: tl.allow_self_transfer,
  };
  const assets = resolveAssets(raw, problems);

  const pp = raw.payment_processing;
  if (!pp.supported_methods.includes(pp.default_method)) {
    problems.push({ key: 'payment_processing.default_method', message: 'is not among supported_methods' });
  }
  // A venue name would be accepted and then never watched: until a venue exists, none is allowed.
  if (pp.swap_venue !== '') {
    problems.push({
      key: 'payment_processing.swap_venue',
      message: 'the gateway supports no swap venue yet; leave it empty (swap payments are refused with 422)',
    });
  }

  const net = raw.network;
  for (const [key, urls] of [
    ['network.rpc_urls', net.rpc_urls],
    ['network.solidity_urls', net.solidity_urls],
    ['network.event_urls', net.event_urls],
  ] as const) {
    urls.forEach((url, i) => {
      if (!isHttpUrl(url)) problems.push({ key: `${key}.${i}`, message: `"${url.slice(0, 80)}" is not an http(s) URL` });
    });
  }
  if (net.name !== 'devnet' && net.rpc_urls.length === 0) {
    problems.push({ key: 'network.rpc_urls', message: `is required on ${net.name} (TRON_RPC_URL)` });
  }

  const w = raw.wallets;
  if (w.mnemonic !== '' && !validateMnemonic(w.mnemonic)) {
    problems.push({ key: 'wallets.mnemonic', message: 'is not a valid BIP-39 phrase' });
  }
  if (w.mnemonic !== '' && w.mnemonic_file !== '') {
    problems.push({ key: 'wallets.mnemonic_file', message: 'set either mnemonic or mnemonic_file, not both' });
  }
  if (w.mnemonic_file !== '' && !isFile(w.mnemonic_file)) {
    problems.push({ key: 'wallets.mnemonic_file', message: `${w.mnemonic_file} is not a readable file` });
  }
  if (net.name !== 'devnet' && w.mnemonic === '' && w.mnemonic_file === '') {
    problems.push({ key: 'wallets.mnemonic', message: `a seed (TPG_WALLET_MNEMONIC or wallets.mnemonic_file) is required on ${net.name}` });
  }
  // A late payment to an old invoice must be over before its address can serve a new one (attribution by block time).
  if (w.deposit_address_reuse === 'after_quiet_period' && w.quiet_period_days <= pp.late_payment_window_days) {
    problems.push({
      key: 'wallets.quiet_period_days',
      message: `must exceed payment_processing.late_payment_window_days (${pp.late_payment_window_days}) when deposit_address_reuse is after_quiet_period: a late payment to an address's old invoice must end before the address is reused`,
    });
  }
  if (w.deposit_account === w.hot_wallet_account) {
    problems.push({ key: 'wallets.hot_wallet_account', message: 'must differ from deposit_account' });
  }

  if (raw.database.url !== '' && !/^postgres(ql)?:\/\//.test(raw.database.url)) {
    problems.push({ key: 'database.url', message: 'must start with postgres:// or postgresql://' });
  }
  if (raw.security.bootstrap_api_key !== '' && !/^[A-Za-z0-9_-]{24,128}$/.test(raw.security.bootstrap_api_key)) {
    problems.push({ key: 'security.bootstrap_api_key', message: 'must be 24–128 characters of A-Z, a-z, 0-9, _ or -' });
  }
  raw.security.cors_origins.forEach((origin, i) => {
    if (origin !== '*' && !isHttpUrl(origin)) {
      problems.push({ key: `security.cors_origins.${i}`, message: `"${origin.slice(0, 80)}" is not an origin` });
    }
  });
  if (!isHttpUrl(raw.server.public_url)) problems.push({ key: 'server.public_url', message: 'must be an http(s) URL' });
  if (
    raw.checkout.explorer_tx_url !== '' &&
    !(isHttpUrl(raw.checkout.explorer_tx_url) && raw.checkout.explorer_tx_url.includes('{txid}'))
  ) {
    problems.push({ key: 'checkout.explorer_tx_url', message: 'must be an http(s) URL containing {txid}' });
  }
  if (raw.api.default_page_size > raw.api.max_page_size) problems.push({ key: 'api.default_page_size', message: 'exceeds max_page_size' });
  if (raw.webhooks.events.includes(ALL_EVENTS) && raw.webhooks.events.length > 1) {
    problems.push({ key: 'webhooks.events', message: '"*" stands for every event and must be the only entry' });
  }

  return {
    raw,
    source,
    priorities,
    assets,
    underpaymentTolerance: rate('payment_processing.underpayment_tolerance', pp.underpayment_tolerance),
    limits,
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function setPath(tree: Record<string, unknown>, path: string[], value: unknown): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)) {
      mergeInto(current as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
}

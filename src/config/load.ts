/**
 * Loads the YAML file, applies environment overrides, validates everything once and resolves amounts
 * to bigint base units. Every problem is collected and reported together; nothing starts on a bad config.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { type Asset, parseAmount, parseRate } from '../shared/money.js';
import { checkBase58Address } from '../tron/address.js';
import { validateMnemonic } from '../tron/hd.js';
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

export interface VolumeDiscount {
  threshold: bigint;
  /** parts per RATE_SCALE */
  discount: bigint;
}

export interface PriorityPolicy {
  feeRate: bigint;
  processingTimeSeconds: number;
  maxRetries: number;
  confirmations: number;
}

export interface Limits {
  minAmount: bigint;
  maxSinglePayment: bigint;
  dailyLimit: bigint;
  monthlyLimit: bigint;
  ratePerMinute: number;
  maxConcurrentPayouts: number;
  suspiciousAmount: bigint;
  approvalThreshold: bigint;
  addressActivityPerMinute: number;
  denyList: ReadonlySet<string>;
  allowSelfTransfer: boolean;
}

/** The validated configuration: the raw tree plus money resolved to base units. */
export interface GatewayConfig {
  raw: RawConfig;
  source: string;
  priorities: Readonly<Record<Priority, PriorityPolicy>>;
  volumeDiscounts: Readonly<Record<Asset, readonly VolumeDiscount[]>>;
  minimumFee: bigint;
  underpaymentTolerance: bigint;
  limits: Limits;
  settlement: { minAmount: bigint; maxAmount: bigint };
  devnetFunding: { trx: bigint; usdt: bigint };
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

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false, coerceTypes: false });
const validateSchema = ajv.compile(ConfigSchema);

export function loadConfig(options: LoadOptions = {}): GatewayConfig {
  const env = options.env ?? {};
  const file = options.file ?? env[CONFIG_FILE_VARIABLE] ?? DEFAULT_CONFIG_FILE;
  const problems: ConfigProblem[] = [];

  let tree: Record<string, unknown> = {};
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!(missing && (options.allowMissingFile || options.file === undefined))) {
      throw new ConfigError([{ key: file, message: missing ? 'file not found' : (error as Error).message }], file);
    }
  }
  if (text !== undefined) {
    try {
      const parsed: unknown = parseYaml(text);
      if (parsed !== null && parsed !== undefined) {
        if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError([{ key: file, message: 'must be a YAML mapping' }], file);
        tree = parsed as Record<string, unknown>;
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

  if (!validateSchema(tree)) problems.push(...(validateSchema.errors ?? []).map(schemaProblem));
  if (problems.length > 0) throw new ConfigError(problems, file);

  const config = resolve(tree as RawConfig, file, problems);
  if (problems.length > 0) throw new ConfigError(problems, file);
  return config as GatewayConfig;
}

function schemaProblem(error: ErrorObject): ConfigProblem {
  const base = error.instancePath.slice(1).replaceAll('/', '.');
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return { key: base ? `${base}.${extra}` : extra, message: 'unknown key' };
  }
  if (error.keyword === 'anyOf' || error.keyword === 'const') {
    return { key: base || '(root)', message: 'has a value that is not allowed' };
  }
  return { key: base || '(root)', message: error.message ?? 'is invalid' };
}

/** Cross-field checks and money resolution; problems are appended, the result is only used when none. */
function resolve(raw: RawConfig, source: string, problems: ConfigProblem[]): GatewayConfig | null {
  const amount = (key: string, value: string | number, allowZero = false): bigint => {
    const parsed = parseAmount(typeof value === 'number' ? String(value) : value, 6, { allowZero });
    if (!parsed.ok) {
      problems.push({ key, message: parsed.message });
      return 0n;
    }
    // Totals are kept in signed 64-bit columns.
    if (parsed.value >= 2n ** 62n) problems.push({ key, message: 'is too large' });
    return parsed.value;
  };
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

  const volumeDiscounts = {} as Record<Asset, VolumeDiscount[]>;
  for (const asset of ['USDT', 'TRX'] as const) {
    const list = raw.fee_management.volume_discounts[asset].map((entry, i) => ({
      threshold: amount(`fee_management.volume_discounts.${asset}.${i}.threshold`, entry.threshold),
      discount: rate(`fee_management.volume_discounts.${asset}.${i}.discount`, entry.discount),
    }));
    list.forEach((entry, i) => {
      if (entry.discount > 1_000_000_000n) problems.push({ key: `fee_management.volume_discounts.${asset}.${i}.discount`, message: 'must be at most 1' });
      const previous = list[i - 1];
      if (previous && entry.threshold <= previous.threshold) {
        problems.push({ key: `fee_management.volume_discounts.${asset}.${i}.threshold`, message: 'thresholds must increase' });
      }
    });
    volumeDiscounts[asset] = list;
  }

  const tl = raw.transaction_limits;
  const limits: Limits = {
    minAmount: amount('transaction_limits.min_amount', tl.min_amount),
    maxSinglePayment: amount('transaction_limits.max_single_payment', tl.max_single_payment),
    dailyLimit: amount('transaction_limits.daily_limit', tl.daily_limit),
    monthlyLimit: amount('transaction_limits.monthly_limit', tl.monthly_limit),
    ratePerMinute: tl.rate_limit_per_minute,
    maxConcurrentPayouts: tl.max_concurrent_payouts,
    suspiciousAmount: amount('transaction_limits.suspicious_amount_threshold', tl.suspicious_amount_threshold),
    approvalThreshold: amount('transaction_limits.approval_threshold', tl.approval_threshold),
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
  if (limits.minAmount > limits.maxSinglePayment) problems.push({ key: 'transaction_limits.min_amount', message: 'exceeds max_single_payment' });

  const settlement = {
    minAmount: amount('settlement.min_settlement_amount', raw.settlement.min_settlement_amount),
    maxAmount: amount('settlement.max_settlement_amount', raw.settlement.max_settlement_amount),
  };
  if (settlement.minAmount > settlement.maxAmount) {
    problems.push({ key: 'settlement.min_settlement_amount', message: 'exceeds max_settlement_amount' });
  }

  const pp = raw.payment_processing;
  if (!pp.supported_methods.includes(pp.default_method)) {
    problems.push({ key: 'payment_processing.default_method', message: 'is not among supported_methods' });
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
  if (net.usdt_contract !== '') {
    const check = checkBase58Address(net.usdt_contract);
    if (!check.ok) problems.push({ key: 'network.usdt_contract', message: `not a TRON address: ${check.message}` });
  }

  const w = raw.wallets;
  if (w.mnemonic !== '' && !validateMnemonic(w.mnemonic)) problems.push({ key: 'wallets.mnemonic', message: 'is not a valid BIP-39 phrase' });
  if (w.mnemonic !== '' && w.mnemonic_file !== '') problems.push({ key: 'wallets.mnemonic_file', message: 'set either mnemonic or mnemonic_file, not both' });
  if (net.name !== 'devnet' && w.mnemonic === '' && w.mnemonic_file === '') {
    problems.push({ key: 'wallets.mnemonic', message: `a seed (TPG_WALLET_MNEMONIC or wallets.mnemonic_file) is required on ${net.name}` });
  }
  if (w.deposit_account === w.hot_wallet_account) problems.push({ key: 'wallets.hot_wallet_account', message: 'must differ from deposit_account' });

  if (raw.database.url !== '' && !/^postgres(ql)?:\/\//.test(raw.database.url)) {
    problems.push({ key: 'database.url', message: 'must start with postgres:// or postgresql://' });
  }
  if (raw.security.bootstrap_api_key !== '' && !/^[A-Za-z0-9_-]{24,128}$/.test(raw.security.bootstrap_api_key)) {
    problems.push({ key: 'security.bootstrap_api_key', message: 'must be 24–128 characters of A-Z, a-z, 0-9, _ or -' });
  }
  raw.security.cors_origins.forEach((origin, i) => {
    if (origin !== '*' && !isHttpUrl(origin)) problems.push({ key: `security.cors_origins.${i}`, message: `"${origin.slice(0, 80)}" is not an origin` });
  });
  if (raw.api.default_page_size > raw.api.max_page_size) problems.push({ key: 'api.default_page_size', message: 'exceeds max_page_size' });

  return {
    raw,
    source,
    priorities,
    volumeDiscounts,
    minimumFee: amount('fee_management.minimum_fee', raw.fee_management.minimum_fee, true),
    underpaymentTolerance: rate('payment_processing.underpayment_tolerance', pp.underpayment_tolerance),
    limits,
    settlement,
    devnetFunding: {
      trx: amount('network.devnet.fund_hot_wallet_trx', net.devnet.fund_hot_wallet_trx, true),
      usdt: amount('network.devnet.fund_hot_wallet_usdt', net.devnet.fund_hot_wallet_usdt, true),
    },
  };
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

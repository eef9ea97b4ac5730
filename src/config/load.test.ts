import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PRIORITIES, PRIORITY_CATALOGUE } from '../shared/catalogues/priorities.js';
import { WEBHOOK_EVENTS } from '../shared/catalogues/webhook-events.js';
import { generateMnemonic } from '../tron/hd.js';
import { ConfigError, type ConfigProblem, type GatewayConfig, type LoadOptions, loadConfig } from './load.js';

const SHIPPED_FILE = resolve(import.meta.dirname, '..', '..', 'config', 'payment-gateway-config.yaml');
const USDT_MAINNET = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

const dir = mkdtempSync(join(tmpdir(), 'tpg-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
function writeConfig(text: string): string {
  const path = join(dir, `config-${++fileCount}.yaml`);
  writeFileSync(path, text);
  return path;
}

/** Defaults only: a file that does not exist, and no environment. */
function defaults(options: Omit<LoadOptions, 'file' | 'allowMissingFile'> = {}): GatewayConfig {
  return loadConfig({ file: join(dir, 'absent.yaml'), allowMissingFile: true, ...options });
}

function problemsOf(load: () => unknown): ConfigProblem[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

function keysOf(problems: ConfigProblem[]): string[] {
  return problems.map((p) => p.key);
}

/** Dotted paths of every leaf (arrays count as leaves). */
function leafPaths(tree: unknown, prefix = ''): string[] {
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => leafPaths(value, prefix ? `${prefix}.${key}` : key));
}

describe('defaults', () => {
  it('resolve with no file and no environment to the documented values', () => {
    const config = defaults();
    expect(config.raw.server).toMatchObject({ host: '127.0.0.1', port: 8097, data_dir: 'data', roles: ['api', 'workers', 'scanner'] });
    expect(config.raw.network.name).toBe('devnet');
    expect(config.raw.network.devnet.port).toBe(8090);
    expect(config.raw.database).toMatchObject({ url: '', sqlite_file: 'gateway.sqlite' });
    expect(config.raw.settlement).toMatchObject({ frequency: 'daily', settlement_time_utc: '23:00' });
    expect(config.raw.logging.level).toBe('info');
    expect(config.priorities).toEqual({
      low: { feeRate: 1_000_000n, processingTimeSeconds: 120, maxRetries: 3, confirmations: 1 },
      normal: { feeRate: 1_500_000n, processingTimeSeconds: 60, maxRetries: 5, confirmations: 1 },
      high: { feeRate: 2_000_000n, processingTimeSeconds: 30, maxRetries: 5, confirmations: 1 },
      urgent: { feeRate: 3_000_000n, processingTimeSeconds: 10, maxRetries: 7, confirmations: 1 },
    });
    const usdt = config.assets.get('USDT');
    expect(config.assets.symbols).toEqual(['TRX', 'USDT']);
    expect(usdt).toMatchObject({ kind: 'trc20', decimals: 6, contract: 'devnet', blacklist: true });
    expect(usdt.transferEnergy).toEqual({ existingHolder: 64_285n, newHolder: 130_285n });
    expect(usdt.volumeDiscounts).toEqual([
      { threshold: 10_000_000_000n, discount: 50_000_000n },
      { threshold: 100_000_000_000n, discount: 100_000_000n },
      { threshold: 1_000_000_000_000n, discount: 150_000_000n },
    ]);
    expect(config.limits).toMatchObject({ ratePerMinute: 1000, maxConcurrentPayouts: 100 });
    expect(usdt.limits).toEqual({
      minAmount: 1_000_000n,
      maxSinglePayment: 1_000_000_000_000_000n,
      dailyLimit: 100_000_000_000_000_000n,
      monthlyLimit: 1_000_000_000_000_000_000n,
      suspiciousAmount: 1_000_000_000_000n,
      approvalThreshold: 1_000_000_000_000n,
    });
    expect(usdt.settlement).toEqual({ minAmount: 100_000_000n, maxAmount: 1_000_000_000_000n });
    expect(usdt.devnetFunding).toBe(100_000_000_000n);
    expect(config.assets.get('TRX').devnetFunding).toBe(10_000_000_000n);
    expect(usdt.minimumFee).toBe(0n);
  });

  it('the shipped config/payment-gateway-config.yaml loads to exactly the defaults', () => {
    const fromFile = loadConfig({ file: SHIPPED_FILE });
    expect({ ...fromFile, source: '' }).toEqual({ ...defaults(), source: '' });
    expect(fromFile.source).toBe(SHIPPED_FILE);
  });

  it('the shipped file writes out every key of the schema', () => {
    const written = leafPaths(parseYaml(readFileSync(SHIPPED_FILE, 'utf8'))).sort();
    const schemaKeys = leafPaths(defaults().raw).sort();
    expect(written).toEqual(schemaKeys);
  });

  it('the shipped file keeps every secret empty', () => {
    const raw = loadConfig({ file: SHIPPED_FILE }).raw;
    expect([
      raw.wallets.mnemonic,
      raw.wallets.passphrase,
      raw.network.trongrid_api_key,
      raw.security.bootstrap_api_key,
      raw.database.url,
    ]).toEqual(['', '', '', '', '']);
  });

  it('an absent default file is fine, a file named explicitly must exist', () => {
    const cwd = process.cwd();
    process.chdir(dir); // no config/payment-gateway-config.yaml here
    try {
      expect({ ...loadConfig({ env: {} }), source: '' }).toEqual({ ...defaults(), source: '' });
    } finally {
      process.chdir(cwd);
    }
    expect(problemsOf(() => loadConfig({ file: join(dir, 'nope.yaml') }))).toEqual([
      { key: join(dir, 'nope.yaml'), message: 'file not found' },
    ]);
    expect(problemsOf(() => loadConfig({ env: { TPG_CONFIG_FILE: join(dir, 'nope.yaml') } }))).toEqual([
      { key: join(dir, 'nope.yaml'), message: 'file not found' },
    ]);
  });

  it('TPG_CONFIG_FILE names the file to read', () => {
    const file = writeConfig('server:\n  port: 9100\n');
    const config = loadConfig({ env: { TPG_CONFIG_FILE: file } });
    expect(config.raw.server.port).toBe(9100);
    expect(config.source).toBe(file);
  });

  it('a section written with every key commented out keeps its defaults', () => {
    const file = writeConfig('server:\n  # port: 1\nnetwork:\n  devnet:\n  name:\n');
    const config = loadConfig({ file });
    expect(config.raw.server.port).toBe(8097);
    expect(config.raw.network.devnet.port).toBe(8090);
    expect(config.raw.network.name).toBe('devnet');
  });

  it('an empty file is the defaults', () => {
    const file = writeConfig('# nothing here\n');
    expect({ ...loadConfig({ file }), source: '' }).toEqual({ ...defaults(), source: '' });
  });
});

describe('environment overrides', () => {
  it('SERVICE_PORT, DATABASE_URL, LOG_LEVEL, DEVNET_PORT and DATA_DIR set their keys over the file', () => {
    const file = writeConfig('server:\n  port: 9000\nlogging:\n  level: warn\n');
    const config = loadConfig({
      file,
      env: {
        SERVICE_PORT: '9100',
        DATABASE_URL: 'postgres://gw:secret@db.internal:5432/gateway',
        LOG_LEVEL: 'debug',
        DEVNET_PORT: '18090',
        DATA_DIR: '/var/lib/tpg',
      },
    });
    expect(config.raw.server.port).toBe(9100);
    expect(config.raw.database.url).toBe('postgres://gw:secret@db.internal:5432/gateway');
    expect(config.raw.logging.level).toBe('debug');
    expect(config.raw.network.devnet.port).toBe(18090);
    expect(config.raw.server.data_dir).toBe('/var/lib/tpg');
  });

  it('TRON_NETWORK and TRON_RPC_URL select a real network with its nodes', () => {
    const config = defaults({
      env: {
        TRON_NETWORK: 'nile',
        TRON_RPC_URL: 'https://nile.trongrid.io, https://backup.example.com',
        TPG_WALLET_MNEMONIC: generateMnemonic(),
      },
    });
    expect(config.raw.network.name).toBe('nile');
    expect(config.raw.network.rpc_urls).toEqual(['https://nile.trongrid.io', 'https://backup.example.com']);
  });

  it('CORS_ORIGINS is a comma-separated list; blanks are dropped', () => {
    expect(defaults({ env: { CORS_ORIGINS: 'https://shop.example.com, https://admin.example.com,' } }).raw.security.cors_origins).toEqual([
      'https://shop.example.com',
      'https://admin.example.com',
    ]);
    expect(defaults({ env: { CORS_ORIGINS: '' } }).raw.security.cors_origins).toEqual([]);
  });

  it('WEBHOOKS_ALLOW_PRIVATE_TARGETS accepts true/false/1/0/yes/no', () => {
    expect(defaults({ env: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' } }).raw.webhooks.allow_private_targets).toBe(true);
    expect(defaults({ env: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: '1' } }).raw.webhooks.allow_private_targets).toBe(true);
    expect(defaults({ env: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'no' } }).raw.webhooks.allow_private_targets).toBe(false);
    expect(problemsOf(() => defaults({ env: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'maybe' } }))).toEqual([
      { key: 'WEBHOOKS_ALLOW_PRIVATE_TARGETS', message: 'must be true or false, got "maybe"' },
    ]);
  });

  it('a value from the environment that the schema refuses names the variable', () => {
    const problems = problemsOf(() => defaults({ env: { LOG_LEVEL: 'verbose', SERVICE_PORT: '70000' } }));
    expect(problems).toContainEqual({
      key: 'logging.level',
      message: 'must be one of "fatal", "error", "warn", "info", "debug", "trace", "silent" (from LOG_LEVEL)',
    });
    expect(problems).toContainEqual({ key: 'server.port', message: 'must be <= 65535 (from SERVICE_PORT)' });
  });
});

describe('validation', () => {
  it('reports every bad key at once: file, schema, cross-field and environment problems together', () => {
    const file = writeConfig(
      [
        'server:',
        '  port: -1',
        '  colour: blue',
        'payment_processing:',
        '  priorities:',
        '    normal:',
        "      fee_rate: '0.15%'",
        'transaction_limits:',
        `  deny_list: ['${USDT_MAINNET}', 'TNotAnAddress']`,
        'settlement:',
        "  settlement_time_utc: '24:00'",
        'unknown_section: {}',
      ].join('\n'),
    );
    const problems = problemsOf(() => loadConfig({ file, env: { SERVICE_PORT: 'abc' } }));
    expect(keysOf(problems).sort()).toEqual(
      [
        'SERVICE_PORT',
        'payment_processing.priorities.normal.fee_rate',
        'server.colour',
        'server.port',
        'settlement.settlement_time_utc',
        'transaction_limits.deny_list.1',
        'unknown_section',
      ].sort(),
    );
    expect(problems).toContainEqual({ key: 'server.colour', message: 'unknown key' });
    expect(problems).toContainEqual({ key: 'unknown_section', message: 'unknown key' });
    expect(problems).toContainEqual({ key: 'server.port', message: 'must be >= 0' });
    expect(problems).toContainEqual({ key: 'SERVICE_PORT', message: 'must be a whole number, got "abc"' });
    expect(problems.find((p) => p.key === 'payment_processing.priorities.normal.fee_rate')?.message).toMatch(
      /^"0\.15%" is not valid: fee rate/,
    );
    expect(problems.find((p) => p.key === 'transaction_limits.deny_list.1')?.message).toMatch(/^not a TRON address/);
  });

  it('the ConfigError message lists each problem on its own line', () => {
    const file = writeConfig('server:\n  port: -1\nlogging:\n  level: loud\n');
    try {
      loadConfig({ file });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain(`invalid configuration (${file})`);
      expect(message).toContain('  - server.port: must be >= 0');
      expect(message).toContain('  - logging.level: must be one of');
    }
  });

  it('a union is reported once, naming the allowed values', () => {
    const problems = problemsOf(() =>
      defaults({ overrides: { network: { name: 'testnet' }, transaction_limits: { max_single_payment: true } } }),
    );
    expect(problems).toEqual([
      { key: 'network.name', message: 'must be one of "devnet", "nile", "shasta", "mainnet"' },
      { key: 'transaction_limits.max_single_payment', message: 'must be a string or a number' },
    ]);
  });

  it('a missing required key inside a list names that key', () => {
    const problems = problemsOf(() => defaults({ overrides: { fee_management: { volume_discounts: [{ discount: '0.1' }] } } }));
    expect(problems).toEqual([{ key: 'fee_management.volume_discounts.0.threshold', message: 'is required' }]);
  });

  it('deposit-address reuse needs a quiet period longer than the late-payment window', () => {
    const reuse = (quiet: number, late: number) =>
      defaults({
        overrides: {
          wallets: { deposit_address_reuse: 'after_quiet_period', quiet_period_days: quiet },
          payment_processing: { late_payment_window_days: late },
        },
      });
    const [problem, ...rest] = problemsOf(() => reuse(7, 7));
    expect(rest).toEqual([]);
    expect(problem?.key).toBe('wallets.quiet_period_days');
    expect(problem?.message).toMatch(
      /^must exceed payment_processing\.late_payment_window_days \(7\) when deposit_address_reuse is after_quiet_period/,
    );
    expect(reuse(8, 7).raw.wallets.quiet_period_days).toBe(8);
    // without reuse the two are unrelated
    expect(defaults({ overrides: { wallets: { quiet_period_days: 3 } } }).raw.wallets.quiet_period_days).toBe(3);
    const shipped = defaults();
    expect([shipped.raw.wallets.deposit_address_reuse, shipped.raw.wallets.quiet_period_days]).toEqual(['never', 30]);
  });

  it('bad YAML is refused with the parser message', () => {
    const file = writeConfig('server:\n  port: 8097\n   host: x\n');
    const problems = problemsOf(() => loadConfig({ file }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.key).toBe(file);
    expect(problems[0]?.message).toMatch(/^not valid YAML: /);
  });

  it('duplicate keys and a top level that is not a mapping are refused', () => {
    expect(problemsOf(() => loadConfig({ file: writeConfig('server:\n  port: 1\nserver:\n  port: 2\n') }))[0]?.message).toMatch(
      /^not valid YAML/,
    );
    expect(problemsOf(() => loadConfig({ file: writeConfig('- a\n- b\n') }))[0]?.message).toBe('must be a YAML mapping');
  });

  it('amounts are resolved to bigint base units, as numbers or strings', () => {
    const file = writeConfig(
      [
        'transaction_limits:',
        '  max_single_payment: 1000000000',
        "  min_amount: '0.000001'",
        '  daily_limit: 2500000000.5',
        'fee_management:',
        '  minimum_fee: 0.1',
      ].join('\n'),
    );
    const config = loadConfig({ file });
    const usdt = config.assets.get('USDT');
    expect(usdt.limits.maxSinglePayment).toBe(1_000_000_000_000_000n);
    expect(usdt.limits.minAmount).toBe(1n);
    expect(usdt.limits.dailyLimit).toBe(2_500_000_000_500_000n);
    expect(usdt.minimumFee).toBe(100_000n);
  });

  it('refuses amounts with too many decimals, exponents, zero where a positive amount is needed, and absurd sizes', () => {
    const problems = problemsOf(() =>
      defaults({
        overrides: {
          transaction_limits: { min_amount: '0.0000001', max_single_payment: '1e9', daily_limit: '0' },
          settlement: { min_settlement_amount: '-1' },
        },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { key: 'transaction_limits.min_amount', message: 'must have at most 6 decimal places' },
        { key: 'transaction_limits.max_single_payment', message: 'must be written without an exponent' },
        { key: 'transaction_limits.daily_limit', message: 'must be greater than zero' },
        { key: 'settlement.min_settlement_amount', message: 'must be greater than zero' },
      ]),
    );
  });

  it('refuses fee rates of 100 % or more and discount thresholds that do not increase', () => {
    const problems = problemsOf(() =>
      defaults({
        overrides: {
          payment_processing: { priorities: { urgent: { fee_rate: '1' } } },
          fee_management: {
            volume_discounts: [
              { threshold: '100', discount: '0.1' },
              { threshold: '50', discount: '0.2' },
            ],
          },
        },
      }),
    );
    expect(problems).toEqual([
      { key: 'payment_processing.priorities.urgent.fee_rate', message: 'must be below 1' },
      { key: 'fee_management.volume_discounts.1.threshold', message: 'thresholds must increase' },
    ]);
  });

  it('mainnet without node URLs or a wallet seed is refused', () => {
    const problems = problemsOf(() => defaults({ env: { TRON_NETWORK: 'mainnet' } }));
    expect(keysOf(problems).sort()).toEqual(['network.rpc_urls', 'wallets.mnemonic']);
    expect(problems.find((p) => p.key === 'network.rpc_urls')?.message).toContain('TRON_RPC_URL');
  });

  it('mainnet with node URLs and a seed is accepted', () => {
    const config = defaults({
      env: {
        TRON_NETWORK: 'mainnet',
        TRON_RPC_URL: 'https://api.trongrid.io',
        TRONGRID_API_KEY: 'k',
        TPG_WALLET_MNEMONIC: generateMnemonic(),
      },
    });
    expect(config.raw.network.name).toBe('mainnet');
  });

  it('an invalid mnemonic is refused without echoing it', () => {
    const phrase = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon';
    const problems = problemsOf(() => defaults({ env: { TPG_WALLET_MNEMONIC: phrase } }));
    expect(problems).toEqual([{ key: 'wallets.mnemonic', message: 'is not a valid BIP-39 phrase' }]);
    expect(JSON.stringify(problems)).not.toContain('abandon');
  });

  it('a mnemonic file that does not exist is refused', () => {
    const problems = problemsOf(() => defaults({ env: { TPG_WALLET_MNEMONIC_FILE: join(dir, 'no-seed.txt') } }));
    expect(problems).toEqual([{ key: 'wallets.mnemonic_file', message: `${join(dir, 'no-seed.txt')} is not a readable file` }]);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL and a malformed bootstrap key', () => {
    const problems = problemsOf(() => defaults({ env: { DATABASE_URL: 'mysql://x', TPG_BOOTSTRAP_API_KEY: 'short' } }));
    expect(keysOf(problems)).toEqual(['database.url', 'security.bootstrap_api_key']);
  });

  it('refuses CORS origins and node URLs that are not http(s)', () => {
    const problems = problemsOf(() =>
      defaults({ env: { CORS_ORIGINS: 'https://ok.example.com,ftp://x', TRON_RPC_URL: 'nile.trongrid.io' } }),
    );
    expect(keysOf(problems)).toEqual(['network.rpc_urls.0', 'security.cors_origins.1']);
  });

  it('refuses any swap venue, since none is supported yet', () => {
    const problems = problemsOf(() => defaults({ overrides: { payment_processing: { swap_venue: 'example-venue' } } }));
    expect(keysOf(problems)).toEqual(['payment_processing.swap_venue']);
    expect(problems[0]?.message).toMatch(/no swap venue yet; leave it empty/);
  });
});

describe('catalogue defaults', () => {
  it('each priority policy defaults to its catalogue entry', () => {
    const policies = defaults().raw.payment_processing.priorities;
    expect(Object.keys(policies)).toEqual([...PRIORITIES]);
    for (const priority of PRIORITIES) {
      const { feeRate, processingTimeSeconds, maxRetries, confirmations } = PRIORITY_CATALOGUE[priority].defaults;
      expect(policies[priority]).toEqual({
        fee_rate: feeRate,
        processing_time_seconds: processingTimeSeconds,
        max_retries: maxRetries,
        confirmations,
      });
    }
  });

  it('webhooks.events defaults to every event; a list names events of the catalogue', () => {
    expect(defaults().raw.webhooks.events).toEqual(['*']);
    expect(loadConfig({ file: SHIPPED_FILE }).raw.webhooks.events).toEqual(['*']);
    expect(defaults({ overrides: { webhooks: { events: ['batch.stalled', 'payment.created'] } } }).raw.webhooks.events).toEqual([
      'batch.stalled',
      'payment.created',
    ]);
  });

  it('webhooks.events refuses names outside the catalogue, an empty list, and "*" beside names', () => {
    const unknown = problemsOf(() => defaults({ overrides: { webhooks: { events: ['payment.created', 'payment.exploded'] } } }));
    expect(keysOf(unknown)).toEqual(['webhooks.events.1']);
    expect(unknown[0]?.message).toContain(`must be one of "*", ${WEBHOOK_EVENTS.map((e) => `"${e}"`).join(', ')}`);
    expect(keysOf(problemsOf(() => defaults({ overrides: { webhooks: { events: [] } } })))).toEqual(['webhooks.events']);
    expect(problemsOf(() => defaults({ overrides: { webhooks: { events: ['*', 'payment.created'] } } }))).toEqual([
      { key: 'webhooks.events', message: '"*" stands for every event and must be the only entry' },
    ]);
  });
});

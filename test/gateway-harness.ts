/**
 * A whole gateway core over a fresh test database (SQLite file or PostgreSQL schema), a fake chain and a
 * fixed HD seed, driven through `app.inject`. The job runner is not started: tests run jobs with
 * `core.runner.runOnce()`, usually with a fixedClock so that expiry is deterministic.
 */
import type { LightMyRequestResponse } from 'fastify';
import { type Logger, pino } from 'pino';
import { type CoreChain, createGatewayCore, type GatewayCore, type MoneyChain } from '../src/app/gateway-core.js';
import { type GatewayConfig, loadConfig } from '../src/config/load.js';
import type { Engine } from '../src/db/database.js';
import type { DB } from '../src/db/schema.js';
import type { HttpApp } from '../src/http/app.js';
import type { Scope } from '../src/http/ports.js';
import { ALL_SCOPES } from '../src/modules/merchants/merchant.js';
import { bootstrapDefaultMerchant } from '../src/modules/merchants/merchants.bootstrap.js';
import { HdWalletAddresses } from '../src/modules/wallets/wallet-addresses.js';
import { type WalletStaking, walletStakingOf } from '../src/modules/wallets/wallet-staking.js';
import type { Clock } from '../src/shared/clock.js';
import type { IdGenerator } from '../src/shared/ids.js';
import { privateKeyToAccount } from '../src/tron/keys.js';
import type { AccountInfo } from '../src/tron/node-json.js';
import { openTestDatabase, type TestDatabase } from './db-harness.js';

/** A valid BIP-39 phrase (the standard test vector); the gateway derives deposit and hot-wallet addresses from it. */
export const TEST_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

/** Valid, distinct TRON addresses from fixed private keys 1…n (none of them is a gateway-managed address). */
export function testAddresses(count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, i) => privateKeyToAccount((offset + i + 1).toString(16).padStart(64, '0')).base58);
}

/** The chain as the core needs it, answering fixed values; `failing = true` makes every call throw. */
export class FakeChain implements CoreChain {
  failing = false;
  trx = 1_234_500_000n;
  usdt = 98_765_432_100n;
  head = 4242;
  /** the hot wallet's energy limit: what staking gives it (0: nothing staked, `auto` burns) */
  energyLimit = 100_000n;

  private check(): void {
    if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:8090');
  }
  async energyPriceSun(): Promise<bigint> {
    this.check();
    return 100n;
  }
  async bandwidthPriceSun(): Promise<bigint> {
    this.check();
    return 1000n;
  }
  async activationFeeSun(): Promise<bigint> {
    this.check();
    return 1_100_000n;
  }
  async trxBalance(): Promise<bigint> {
    this.check();
    return this.trx;
  }
  async balances(): Promise<Record<string, bigint>> {
    this.check();
    return { TRX: this.trx, USDT: this.usdt };
  }
  async resources(): Promise<{ energyLimit: bigint; energyUsed: bigint; bandwidthLimit: bigint; bandwidthUsed: bigint }> {
    this.check();
    return { energyLimit: this.energyLimit, energyUsed: 35_715n, bandwidthLimit: 5000n, bandwidthUsed: 600n };
  }
  async headBlock(): Promise<number> {
    this.check();
    return this.head;
  }
  /** the hot wallet's stake as `getaccount` reports it (frozenV2, unfrozenV2) */
  frozenV2: AccountInfo['frozenV2'] = [];
  unfrozenV2: AccountInfo['unfrozenV2'] = [];
  async account(address: string): Promise<AccountInfo> {
    this.check();
    return {
      exists: true,
      address,
      balance: this.trx,
      frozenV2: [...this.frozenV2],
      unfrozenV2: [...this.unfrozenV2],
      delegatedFrozenV2BalanceForBandwidth: 0n,
      delegatedFrozenV2BalanceForEnergy: 0n,
      acquiredDelegatedFrozenV2BalanceForBandwidth: 0n,
      acquiredDelegatedFrozenV2BalanceForEnergy: 0n,
    };
  }
  /** 1,000 TRX staked for energy, 300 of it lent to a deposit address, 50 unstaking */
  async staking(): Promise<WalletStaking> {
    this.check();
    return walletStakingOf({
      frozenV2: [
        { type: 'ENERGY', amount: 700_000_000n },
        { type: 'BANDWIDTH', amount: 0n },
      ],
      unfrozenV2: [{ type: 'ENERGY', unfreezeAmount: 50_000_000n, unfreezeExpireTime: 1_777_531_707_000n }],
      delegatedFrozenV2BalanceForEnergy: 300_000_000n,
      delegatedFrozenV2BalanceForBandwidth: 0n,
    });
  }
}

/** The API view of a payment, as the tests read it. */
export interface PaymentJson {
  payment_id: string;
  object: 'payment';
  status: string;
  payment_method: string;
  priority: string;
  currency: string;
  amount: string;
  fee: string;
  fee_rate: string;
  discount_rate: string;
  net_amount: string;
  network_fee_estimate: string | null;
  network_fee: string | null;
  payer_address: string | null;
  payee_address: string;
  deposit_address: string | null;
  expires_at: string | null;
  reference_id: string | null;
  description: string | null;
  metadata: Record<string, unknown> | null;
  batch_id: string | null;
  amount_received: string;
  exception: string | null;
  confirmations: number;
  finalized: boolean;
  transaction_id: string | null;
  flags: Array<{ code: string; detail: string }>;
  requires_approval: boolean;
  approval_status: string | null;
  approved_at: string | null;
  approval_note: string | null;
  failure_reason: string | null;
  cancel_reason: string | null;
  estimated_completion_time: string;
  created_at: string;
  updated_at: string;
  processing_at: string | null;
  confirmed_at: string | null;
  completed_at: string | null;
  failed_at: string | null;
  cancelled_at: string | null;
  history?: Array<{ from: string | null; to: string; reason: string | null; actor: string | null; at: string }>;
}

export interface ProblemJson {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  request_id: string;
  errors: Array<{ path: string; message: string }>;
}

export interface ListJson {
  object: 'list';
  data: PaymentJson[];
  has_more: boolean;
  next_cursor: string | null;
}

export interface BatchJson {
  batch_id: string;
  object: 'batch';
  status: string;
  batch_reference: string | null;
  atomic: boolean;
  total_items: number;
  created_count: number;
  rejected_count: number;
  totals: Record<string, string>;
  counts?: Record<string, number>;
  created_at: string;
  completed_at?: string | null;
  results?: Array<{
    index: number;
    status: 'created' | 'rejected';
    payment_id?: string;
    amount?: string;
    fee?: string;
    net_amount?: string;
    deposit_address?: string | null;
    requires_approval?: boolean;
    errors?: Array<{ path: string; message: string }>;
  }>;
}

export interface CallOptions {
  /** API key sent as `Authorization: Bearer`; omitted: none */
  key?: string;
  /** serialised as JSON */
  body?: unknown;
  /** sent as is (with `content-type: application/json` unless headers say otherwise) */
  raw?: string;
  headers?: Record<string, string>;
}

export interface Answer<T> {
  status: number;
  headers: LightMyRequestResponse['headers'];
  text: string;
  body: T;
}

export interface TestMerchant {
  merchantId: string;
  adminKey: string;
  hotWalletAddress: string;
  /** another key of this merchant with just these scopes */
  key(scopes: readonly Scope[]): Promise<string>;
  /** revokes a key this merchant got from `key` (or its admin key) */
  revoke(secret: string): Promise<void>;
}

export interface TestGateway extends TestMerchant {
  app: HttpApp;
  core: GatewayCore;
  db: TestDatabase;
  config: GatewayConfig;
  chain: FakeChain;
  wallets: HdWalletAddresses;
  /** valid TRON addresses that are not managed by the gateway */
  addresses: string[];
  /** a further merchant with its own admin key and hot wallet */
  createMerchant(name?: string): Promise<TestMerchant>;
  /** `app.inject` with an API key and a JSON or raw body */
  call<T = unknown>(method: 'GET' | 'POST' | 'PUT', url: string, options?: CallOptions): Promise<Answer<T>>;
  /** rows in a table of the gateway's database */
  count(table: keyof DB): Promise<number>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  /** partial config tree applied over the defaults (the repository's YAML file is not read) */
  config?: Record<string, unknown>;
  clock?: Clock;
  /** the chain the core reads prices and balances from; default the FakeChain in `chain` (test/money-harness passes a devnet's) */
  chain?: CoreChain;
  /** node client and signer for the money-moving workers (test/money-harness.ts) */
  tron?: MoneyChain;
  /** seed phrase of the gateway's wallets; default TEST_MNEMONIC */
  mnemonic?: string;
  /** PostgreSQL: called with every statement the gateway sends */
  onQuery?: (sql: string) => void;
  /** how the core makes ids; default newId */
  ids?: IdGenerator;
  /** where the gateway logs; default silent (or TPG_TEST_LOG's level) */
  logger?: Logger;
}

/** Dashboard passwords at a test's cost: hashes name their parameters, and ADR 0030's cost is tested on its own. */
const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

let merchantSeq = 0;

/** The configuration a test gateway runs with: the defaults (not the repository's YAML) and `overrides`. */
export function testConfig(overrides: Record<string, unknown> = {}): GatewayConfig {
  return loadConfig({
    file: '/nonexistent/tpg-test-config.yaml',
    allowMissingFile: true,
    env: {},
    overrides: { logging: { level: 'silent' }, ...overrides },
  });
}

export async function startTestGateway(engine: Engine, options: TestGatewayOptions = {}): Promise<TestGateway> {
  const config = testConfig(options.config);
  const db = await openTestDatabase(engine, options.onQuery ? { onQuery: options.onQuery } : {});
  const chain = new FakeChain();
  const wallets = HdWalletAddresses.fromMnemonic(options.mnemonic ?? TEST_MNEMONIC, '', { deposit: 0, hotWallet: 1 });
  let core: GatewayCore;
  try {
    core = createGatewayCore({
      config,
      database: db,
      chain: options.chain ?? chain,
      ...(options.tron ? { tron: options.tron } : {}),
      wallets,
      networkName: 'devnet',
      // TPG_TEST_LOG=error shows what the gateway logs (the answer of a 500, for one)
      logger: options.logger ?? pino({ level: process.env.TPG_TEST_LOG ?? 'silent' }),
      version: '0.0.0-test',
      scrypt: TEST_SCRYPT,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.ids ? { ids: options.ids } : {}),
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const { merchants } = core;
  const app = core.app;

  const keyIds = new Map<string, string>();
  const merchantHandle = (merchantId: string, adminKey: string, hdIndex: number): TestMerchant => ({
    merchantId,
    adminKey,
    hotWalletAddress: wallets.hotWalletAddress(hdIndex),
    key: async (scopes) => {
      const created = await merchants.apiKeys.createKey({ merchantId, name: `test ${scopes.join(' ')}`.slice(0, 100), scopes });
      keyIds.set(created.secret, created.key.id);
      return created.secret;
    },
    revoke: async (secret) => {
      const id = keyIds.get(secret);
      if (id === undefined) throw new Error('not a key of this test gateway');
      await merchants.apiKeys.revokeKey(merchantId, id);
    },
  });

  try {
    const boot = await bootstrapDefaultMerchant(merchants);
    if (!boot.firstKey) throw new Error('the test database already had a default merchant');
    keyIds.set(boot.firstKey.secret, boot.firstKey.key.id);
    const main = merchantHandle(boot.merchant.id, boot.firstKey.secret, boot.merchant.hdIndex);
    await app.ready();

    const gateway: TestGateway = {
      ...main,
      app,
      core,
      db,
      config,
      chain,
      wallets,
      addresses: testAddresses(8),
      async createMerchant(name) {
        const merchant = await merchants.merchants.createMerchant({ name: name ?? `Test merchant ${++merchantSeq}` });
        const admin = await merchants.apiKeys.createKey({ merchantId: merchant.id, name: 'admin', scopes: ALL_SCOPES });
        keyIds.set(admin.secret, admin.key.id);
        return merchantHandle(merchant.id, admin.secret, merchant.hdIndex);
      },
      async call<T>(method: 'GET' | 'POST' | 'PUT', url: string, call: CallOptions = {}): Promise<Answer<T>> {
        const headers: Record<string, string> = {};
        if (call.key !== undefined) headers.authorization = `Bearer ${call.key}`;
        let payload: string | undefined;
        if (call.raw !== undefined) {
          payload = call.raw;
          headers['content-type'] = 'application/json';
        } else if (call.body !== undefined) {
          payload = JSON.stringify(call.body);
          headers['content-type'] = 'application/json';
        }
        Object.assign(headers, call.headers);
        const response = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
        let body: unknown = null;
        const type = String(response.headers['content-type'] ?? '');
        if (type.includes('json') && response.body !== '') body = JSON.parse(response.body);
        return { status: response.statusCode, headers: response.headers, text: response.body, body: body as T };
      },
      async count(table) {
        const row = await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      },
      async close() {
        await core.stop();
        await db.destroy();
      },
    };
    return gateway;
  } catch (error) {
    await core.stop().catch(() => {});
    await db.destroy();
    throw error;
  }
}

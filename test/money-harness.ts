/**
 * A gateway core over a fresh test database and a real, in-process devnet (manual blocks, solidification
 * lag TEST_SOLIDIFY_LAG): the money-moving workers get a real node client and an HD signer over a seed
 * generated for the test. Workers are not started; tests drive them step by step (`mine`, then each
 * module's run-once method) or call `core.startWorkers()`.
 */
import { GatewayChain } from '../src/app/chain.js';
import { fundFromFaucet } from '../src/app/network.js';
import type { Engine } from '../src/db/database.js';
import type { Devnet } from '../src/devnet/devnet.js';
import { AssetRegistry } from '../src/modules/assets/asset-registry.js';
import { HdSigner } from '../src/modules/wallets/signer.js';
import { type AssetCatalog, DEVNET_CONTRACT } from '../src/shared/catalogues/asset-catalog.js';
import { parseAmount } from '../src/shared/money.js';
import { generateMnemonic } from '../src/tron/hd.js';
import { startTestDevnet } from './devnet-harness.js';
import { startTestGateway, type TestGateway, type TestGatewayOptions, testConfig } from './gateway-harness.js';

export interface MoneyGateway extends TestGateway {
  devnet: Devnet;
  /** the gateway's view of the devnet (balances, head) */
  tronChain: GatewayChain;
  signer: HdSigner;
  mnemonic: string;
  /** mines n blocks (default 1) */
  mine(n?: number): void;
  /** mines until everything sent so far is solidified */
  mineUntilSolid(): void;
  /** faucet TRX/USDT (whole units as strings, e.g. '100') to an address; lands in the next block */
  /** whole units; `tokens` by symbol (or contract) */
  fund(address: string, amounts: { trx?: string; usdt?: string; tokens?: Record<string, string> }): Promise<void>;
}

export interface MoneyGatewayOptions extends Omit<TestGatewayOptions, 'chain' | 'tron' | 'mnemonic'> {
  /** an already running devnet to use (it is not stopped by close) */
  devnet?: Devnet;
  /** fund the default merchant's hot wallet (default 10,000 TRX and 100,000 USDT) and mine it in */
  fundHotWallet?: { trx: string; usdt: string; tokens?: Record<string, string> } | false;
}

export async function startMoneyGateway(engine: Engine, options: MoneyGatewayOptions = {}): Promise<MoneyGateway> {
  const ownDevnet = !options.devnet;
  const devnet = options.devnet ?? (await startTestDevnet());
  const mnemonic = generateMnemonic();
  const assets = devnetAssets(devnet, testConfig(options.config).assets);
  const tronChain = new GatewayChain(
    { fullNodeUrls: [devnet.url], solidityUrls: [], eventUrls: [], apiKey: '', timeoutMs: 5000, maxAttempts: 2 },
    assets,
  );
  const signer = HdSigner.fromMnemonic(mnemonic, '', { deposit: 0, hotWallet: 1 });
  let gateway: TestGateway;
  try {
    gateway = await startTestGateway(engine, {
      ...options,
      chain: tronChain,
      tron: { client: tronChain.client, assets, signer },
      mnemonic,
    });
  } catch (error) {
    if (ownDevnet) await devnet.stop();
    throw error;
  }
  const fund = async (address: string, amounts: { trx?: string; usdt?: string; tokens?: Record<string, string> }) => {
    const tokens = { ...(amounts.usdt ? { USDT: amounts.usdt } : {}), ...amounts.tokens };
    await fundFromFaucet(devnet.url, address, { trx: amounts.trx ?? null, tokens });
  };
  const money: MoneyGateway = {
    ...gateway,
    devnet,
    tronChain,
    signer,
    mnemonic,
    mine: (n = 1) => devnet.mine(n),
    mineUntilSolid: () => devnet.mine(devnet.chain.solidifyLag + 1),
    fund,
    async close() {
      await gateway.close();
      if (ownDevnet) await devnet.stop();
    },
  };
  if (options.fundHotWallet !== false) {
    const amounts = options.fundHotWallet ?? { trx: '10000', usdt: '100000' };
    await fund(gateway.hotWalletAddress, amounts);
    devnet.mine(1);
  }
  return money;
}

/** The configured assets on this devnet: each `contract: devnet` token found there, or deployed (as the gateway does at start). */
export function devnetAssets(devnet: Devnet, catalog: AssetCatalog): AssetRegistry {
  const contracts: Record<string, string> = {};
  for (const spec of catalog.specs) {
    if (spec.contract !== DEVNET_CONTRACT) continue;
    contracts[spec.symbol] = devnet.ensureToken({
      symbol: spec.symbol,
      decimals: spec.decimals,
      blacklist: spec.blacklist,
    }).contractAddress;
  }
  return new AssetRegistry(catalog, contracts);
}

/** A decimal amount as the API shows it ("11.88") in base units (6 decimals: TRX, USDT). */
export function baseUnits(text: string, decimals = 6): bigint {
  const parsed = parseAmount(text, decimals, { allowZero: true });
  if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
  return parsed.value;
}

/**
 * Settles what is due now and returns every settlement still `initiated`: the ones this look started and
 * the ones a ledger credit already started through its `settlement.kick` job (ADR 0033).
 */
export async function openSettlements(gw: MoneyGateway): Promise<string[]> {
  const settlement = gw.core.settlement;
  if (!settlement) throw new Error('no settlement worker');
  await settlement.runDue();
  const rows = await gw.db.db.selectFrom('settlements').select('id').where('status', '=', 'initiated').orderBy('created_at').execute();
  return rows.map((r) => r.id);
}

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
import { HdSigner } from '../src/modules/wallets/signer.js';
import { generateMnemonic } from '../src/tron/hd.js';
import { startTestDevnet } from './devnet-harness.js';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './gateway-harness.js';

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
  fund(address: string, amounts: { trx?: string; usdt?: string }): Promise<void>;
}

export interface MoneyGatewayOptions extends Omit<TestGatewayOptions, 'chain' | 'tron' | 'mnemonic'> {
  /** an already running devnet to use (it is not stopped by close) */
  devnet?: Devnet;
  /** fund the default merchant's hot wallet (default 10,000 TRX and 100,000 USDT) and mine it in */
  fundHotWallet?: { trx: string; usdt: string } | false;
}

export async function startMoneyGateway(engine: Engine, options: MoneyGatewayOptions = {}): Promise<MoneyGateway> {
  const ownDevnet = !options.devnet;
  const devnet = options.devnet ?? (await startTestDevnet());
  const mnemonic = generateMnemonic();
  const tronChain = new GatewayChain(
    { fullNodeUrls: [devnet.url], solidityUrls: [], eventUrls: [], apiKey: '', timeoutMs: 5000, maxAttempts: 2 },
    devnet.usdtAddress,
  );
  const signer = HdSigner.fromMnemonic(mnemonic, '', { deposit: 0, hotWallet: 1 });
  let gateway: TestGateway;
  try {
    gateway = await startTestGateway(engine, {
      ...options,
      chain: tronChain,
      tron: { client: tronChain.client, usdtContract: devnet.usdtAddress, signer },
      mnemonic,
    });
  } catch (error) {
    if (ownDevnet) await devnet.stop();
    throw error;
  }
  const fund = async (address: string, amounts: { trx?: string; usdt?: string }) => {
    const parse = (v: string | undefined) => (v === undefined ? 0n : BigInt(v) * 1_000_000n);
    await fundFromFaucet(devnet.url, address, { trx: parse(amounts.trx), usdt: parse(amounts.usdt) });
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

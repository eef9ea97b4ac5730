/**
 * `tron-payment-gateway start`: load the network (embedding a devnet by default), open and migrate the
 * database, build the core, make sure the default merchant and its first key exist, fund its hot wallet
 * from the devnet faucet once, listen, and start background work.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/load.js';
import { type Database, type DatabaseOptions, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../http/logger.js';
import type { CheckResult } from '../http/ports.js';
import { bootstrapDefaultMerchant } from '../modules/merchants/merchants.bootstrap.js';
import { PipelineWorkerClient } from '../modules/payments/create-pipeline.client.js';
import { HdSigner } from '../modules/wallets/signer.js';
import { HdWalletAddresses } from '../modules/wallets/wallet-addresses.js';
import { loadWalletSeed } from '../modules/wallets/wallet-seed.js';
import type { Clock } from '../shared/clock.js';
import { systemClock } from '../shared/clock.js';
import { GatewayChain } from './chain.js';
import { API_VERSION, createGatewayCore, type GatewayCore } from './gateway-core.js';
import { fundFromFaucet, type ResolvedNetwork, resolveNetwork } from './network.js';

export interface StartedGateway {
  core: GatewayCore;
  database: Database;
  network: ResolvedNetwork;
  logger: Logger;
  /** where the API listens, or null when this process has no `api` role */
  url: string | null;
  merchantId: string;
  hotWalletAddress: string;
  /** the first API key, only on the start that created it (print it once) */
  firstApiKey: string | null;
  /** what happened to the hot wallet's devnet funding on this start */
  funding: 'funded' | 'already' | 'failed' | 'not_devnet';
  stop(): Promise<void>;
}

export interface StartOptions {
  version: string;
  logger?: Logger;
  clock?: Clock;
}

export async function startGateway(config: GatewayConfig, options: StartOptions): Promise<StartedGateway> {
  const logger = options.logger ?? createLogger({ level: config.raw.logging.level });
  const clock = options.clock ?? systemClock;
  const raw = config.raw;

  const network = await resolveNetwork(config, (line) => logger.debug({ component: 'devnet' }, line));
  let database: Database | null = null;
  let pipeline: PipelineWorkerClient | null = null;
  try {
    const databaseOptions: DatabaseOptions = raw.database.url
      ? { url: raw.database.url, poolSize: raw.database.pool_size, statementTimeoutMs: raw.database.statement_timeout_ms }
      : { sqlitePath: join(raw.server.data_dir, raw.database.sqlite_file) };
    database = openDatabase({ ...databaseOptions, onFileMode: (message) => logger.warn(message) });
    await migrateToLatest(database.db, (line) => logger.info(line));

    const seed = loadWalletSeed(config);
    const wallets = HdWalletAddresses.fromMnemonic(seed.mnemonic, seed.passphrase, {
      deposit: raw.wallets.deposit_account,
      hotWallet: raw.wallets.hot_wallet_account,
    });
    const chain = new GatewayChain(network.endpoints, network.assets);
    let core: GatewayCore | null = null;
    pipeline = await PipelineWorkerClient.start(
      {
        config,
        database: databaseOptions,
        wallet: {
          mnemonic: seed.mnemonic,
          passphrase: seed.passphrase,
          deposit: raw.wallets.deposit_account,
          hotWallet: raw.wallets.hot_wallet_account,
        },
        idempotencyTtlMs: raw.api.idempotency_ttl_hours * 3_600_000,
        apiVersion: API_VERSION,
      },
      {
        onCommitted: (_units, jobsDueNow) => core?.creationsCommitted(jobsDueNow),
        onLog: (level, message, stack) => logger[level]({ err: { message, stack } }, 'payment creation failed'),
      },
    );
    core = createGatewayCore({
      submitter: pipeline,
      config,
      database,
      chain,
      wallets,
      networkName: network.name,
      logger,
      version: options.version,
      clock,
      readinessChecks: { chain: () => probeChain(chain, raw.health_check.chain_timeout_ms) },
      tron: {
        client: chain.client,
        clientOptions: chain.clientOptions,
        assets: network.assets,
        signer: HdSigner.fromMnemonic(seed.mnemonic, seed.passphrase, {
          deposit: raw.wallets.deposit_account,
          hotWallet: raw.wallets.hot_wallet_account,
        }),
      },
    });

    const boot = await bootstrapDefaultMerchant(
      core.merchants,
      raw.security.bootstrap_api_key ? { bootstrapApiKey: raw.security.bootstrap_api_key } : {},
    );
    const hotWalletAddress = wallets.hotWalletAddress(boot.merchant.hdIndex);
    const funding = network.devnetUrl
      ? await fundHotWalletOnce(database, network, config, boot.merchant.id, hotWalletAddress, clock, logger)
      : 'not_devnet';

    let url: string | null = null;
    if (raw.server.roles.includes('api')) {
      await core.app.listen({ host: raw.server.host, port: raw.server.port });
      const address = core.app.server.address();
      const port = typeof address === 'object' && address ? address.port : raw.server.port;
      url = `http://${raw.server.host.includes(':') ? `[${raw.server.host}]` : raw.server.host}:${port}`;
    }
    core.startWorkers();

    const db = database;
    const worker = pipeline;
    const started = core;
    let stopped = false;
    return {
      core,
      database,
      network,
      logger,
      url,
      merchantId: boot.merchant.id,
      hotWalletAddress,
      firstApiKey: boot.firstKey?.secret ?? null,
      funding,
      async stop() {
        if (stopped) return;
        stopped = true;
        await started.stop();
        await worker.close();
        await db.close();
        await network.embedded?.stop();
      },
    };
  } catch (error) {
    await pipeline?.close().catch(() => {});
    await database?.close().catch(() => {});
    await network.embedded?.stop().catch(() => {});
    throw error;
  }
}

/**
 * Funds the default merchant's hot wallet from the devnet faucet the first time the gateway meets this
 * devnet, once per asset (keyed by the token's contract, or the faucet for TRX: a fresh devnet changes
 * both), so that restarts do not keep minting and a token configured later is funded at its first start.
 */
async function fundHotWalletOnce(
  database: Database,
  network: ResolvedNetwork,
  config: GatewayConfig,
  merchantId: string,
  address: string,
  clock: Clock,
  logger: Logger,
): Promise<'funded' | 'already' | 'failed'> {
  const due: { symbol: string; key: string; amount: string }[] = [];
  for (const { asset } of network.assets.all()) {
    if (asset.devnetFunding <= 0n) continue;
    const key = `devnet_funded:${asset.contract ?? `${asset.symbol}@${network.faucetAddress}`}:${merchantId}`;
    const marker = await database.db.selectFrom('gateway_meta').select('key').where('key', '=', key).executeTakeFirst();
    if (!marker) due.push({ symbol: asset.symbol, key, amount: config.assets.format(asset.symbol, asset.devnetFunding) });
  }
  if (due.length === 0) return 'already';
  const native = due.find((d) => network.assets.get(d.symbol).asset.kind === 'native');
  const tokens = Object.fromEntries(due.filter((d) => d !== native).map((d) => [d.symbol, d.amount]));
  // Fund first, then remember: a crash in between funds twice on the next start (harmless on a devnet),
  // where the other order could leave the hot wallet empty for good.
  try {
    await fundFromFaucet(network.devnetUrl as string, address, { trx: native?.amount ?? null, tokens });
  } catch (error) {
    logger.warn({ err: error }, 'could not fund the hot wallet from the devnet faucet; the next start tries again');
    return 'failed';
  }
  const now = clock.now();
  await database.db
    .insertInto('gateway_meta')
    .values(due.map((d) => ({ key: d.key, value: address, updated_at: now })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  logger.info({ address, funded: Object.fromEntries(due.map((d) => [d.symbol, d.amount])) }, 'hot wallet funded from the devnet faucet');
  return 'funded';
}

async function probeChain(chain: GatewayChain, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  try {
    const head = await Promise.race([
      chain.headBlock(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return { ok: true, detail: `head block ${head}`, latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      detail: `TRON node unreachable: ${error instanceof Error ? error.message.slice(0, 160) : 'failed'}`,
      latency_ms: Math.round(performance.now() - started),
    };
  }
}

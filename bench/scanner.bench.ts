/**
 * Scanner catch-up. A devnet on its own thread (manual blocks; the node is another process in
 * production) gets BLOCKS pre-built blocks of TXS_PER_BLOCK transactions each — USDT and TRX transfers
 * between many addresses, one in every WATCHED_EVERY-th block to a deposit address of an open invoice —
 * built by bench/scan-blocks.ts, and renders their JSON once (as a node serves blocks from its store). A
 * fresh scanner on a fresh database (SQLite, then PostgreSQL; same seed, so the same invoices have the same
 * deposit addresses) catches up over all of them; blocks/s is the result. The node side alone is timed
 * too: the same range read with client.getBlockRange (fetch and parse), which bounds what any scanner
 * can reach here. The catch-up checks every block's parent hash (issue 20); the check alone is timed as
 * well. After each catch-up the devnet replaces its newest REORG_DEPTH blocks (POST /devnet/reorg, the
 * recorded invoice transfers among them dropped) and the time the scanner's next pass takes to agree
 * with the chain again (walk back, undo, rescan) is measured against two block intervals.
 */

import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { GatewayChain } from '../src/app/chain.js';
import { createGatewayCore, type GatewayCore } from '../src/app/gateway-core.js';
import { loadConfig } from '../src/config/load.js';
import type { Engine } from '../src/db/database.js';
import { AssetRegistry } from '../src/modules/assets/asset-registry.js';
import { bootstrapDefaultMerchant } from '../src/modules/merchants/merchants.bootstrap.js';
import { firstBreak } from '../src/modules/scanner/chain-continuity.js';
import { HdSigner } from '../src/modules/wallets/signer.js';
import { HdWalletAddresses } from '../src/modules/wallets/wallet-addresses.js';
import { generateMnemonic } from '../src/tron/hd.js';
import { generatePrivateKey, privateKeyToAccount } from '../src/tron/keys.js';
import { openTestDatabase, type TestDatabase } from '../test/db-harness.js';
import { DevnetWorker } from './devnet.bench.js';
import { type BenchResult, result } from './harness.js';
import type { BuiltScanBlocks } from './scan-blocks.js';

/** blocks built and scanned (BENCH_SCANNER_BLOCKS overrides, e.g. for a quick look) */
const BLOCKS = Number(process.env.BENCH_SCANNER_BLOCKS ?? 600);
const TXS_PER_BLOCK = 300;
const SENDERS = 60;
const RECIPIENTS = 2000;
const INVOICES = 200;
/** one transfer in every WATCHED_EVERY-th block pays an invoice's deposit address (the rest is other people's traffic) */
const WATCHED_EVERY = 10;
const USDT_SHARE = 0.6;
const TARGET_BLOCKS_PER_S = 300;
/** blocks the bench's reorganisation replaces (the devnet's solidification lag is 19) */
const REORG_DEPTH = 10;
const BLOCK_INTERVAL_MS = 3000;

export async function runScanner(log: (line: string) => void): Promise<BenchResult[]> {
  const mnemonic = generateMnemonic();
  // The node is another process in production: the devnet runs on its own thread, so the scanner's
  // thread does only what the scanner does (fetch, parse, match, record).
  const devnet = await DevnetWorker.start({ manual: true, solidifyLag: 19, blockTimeMs: 3000 });
  const results: BenchResult[] = [];
  try {
    // the invoices' deposit addresses are the seed's first INVOICES deposit addresses
    const wallets = HdWalletAddresses.fromMnemonic(mnemonic, '', { deposit: 0, hotWallet: 1 });
    const deposits = Array.from({ length: INVOICES }, (_, i) => wallets.depositAddress(i));
    log(`scanner: building ${BLOCKS} blocks of ${TXS_PER_BLOCK} transactions on the devnet thread…`);
    const built = await devnet.call('buildScanBlocks', {
      blocks: BLOCKS,
      txsPerBlock: TXS_PER_BLOCK,
      senders: SENDERS,
      recipients: RECIPIENTS,
      deposits,
      watchedEvery: WATCHED_EVERY,
      usdtShare: USDT_SHARE,
    });
    log(`scanner: built in ${(built.buildMs / 1000).toFixed(1)} s (${built.watchedTransfers} transfers to deposit addresses)`);
    await devnet.call('warm', { from: built.first, to: built.last });

    const chain = new GatewayChain(
      { fullNodeUrls: [devnet.url], solidityUrls: [], eventUrls: [], apiKey: '', timeoutMs: 30_000, maxAttempts: 2 },
      null,
    );
    const readStarted = performance.now();
    const headers: Array<{ number: number; blockId: string; parentHash: string }> = [];
    for (let n = built.first; n <= built.last; n += 100) {
      for (const b of await chain.client.getBlockRange(n, Math.min(n + 100, built.last + 1), { verify: false })) {
        headers.push({ number: Number(b.number), blockId: b.blockId, parentHash: b.parentHash });
      }
    }
    const readMs = performance.now() - readStarted;
    const checkStarted = performance.now();
    const broken = firstBreak(headers, null);
    const checkMs = Math.max(performance.now() - checkStarted, 0.001);
    if (broken !== -1) throw new Error(`the built blocks do not chain (block ${headers[broken]?.number})`);
    const readRate = ((built.last - built.first + 1) * 1000) / readMs;
    results.push(
      result('node side: getBlockRange (fetch + parse, devnet on its own thread)', Math.round(readRate), 'blocks/s', {
        details: { blocks: built.last - built.first + 1, txs_per_block: TXS_PER_BLOCK },
      }),
    );

    results.push(
      result('parent-hash check alone (part of every catch-up)', Math.round((headers.length * 1000) / checkMs), 'blocks/s', {
        details: { blocks: headers.length },
      }),
    );

    for (const engine of ['sqlite', 'postgres'] as Engine[]) {
      const run = await catchUp(engine, mnemonic, devnet.usdt, chain, built, devnet.url);
      log(`scanner (${engine}): ${run.blocks} blocks in ${(run.ms / 1000).toFixed(2)} s, ${run.credited} credited`);
      results.push(
        result(`catch-up ${run.blocks} blocks × ${TXS_PER_BLOCK} txs (${engine})`, Math.round((run.blocks * 1000) / run.ms), 'blocks/s', {
          target: { op: '>=', value: TARGET_BLOCKS_PER_S },
          details: {
            credited_transfers: run.credited,
            invoices: INVOICES,
            // receipts read on the scanner's own thread; a catch-up's fetching threads read the rest themselves
            info_calls_scanner_thread: run.infoCalls,
            watched_every_blocks: WATCHED_EVERY,
            parent_hash_checked: true,
          },
        }),
      );
      log(`scanner (${engine}): agreed with the chain ${run.reorg.ms.toFixed(0)} ms after a ${REORG_DEPTH}-block reorganisation`);
      results.push(
        result(`back in agreement after a ${REORG_DEPTH}-block reorg (${engine})`, Math.round(run.reorg.ms), 'ms', {
          target: { op: '<=', value: 2 * BLOCK_INTERVAL_MS },
          details: {
            // the scanner polls as each block is due, so it starts this pass within one block interval of the new head
            dropped_transfers: run.reorg.dropped,
            reverted_payments: run.reorg.reverted,
            block_interval_ms: BLOCK_INTERVAL_MS,
          },
        }),
      );
    }
    results.push(result('build: sign + execute + mine', Math.round((BLOCKS * TXS_PER_BLOCK * 1000) / built.buildMs), 'txs/s'));
  } finally {
    await devnet.stop();
  }
  return results;
}

/** Token contracts the bench configures beside USDT (none of them moves here): the scanner's index holds three. */
const EXTRA_TOKEN_CONTRACTS = ['TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8', 'TPYmHEhy5n8TCEfYGqW2rPxsghSfzghPDn'] as const;

async function catchUp(
  engine: Engine,
  mnemonic: string,
  usdtContract: string,
  chain: GatewayChain,
  built: BuiltScanBlocks,
  devnetUrl: string,
): Promise<{ blocks: number; ms: number; credited: number; infoCalls: number; reorg: ReorgRun }> {
  const config = loadConfig({
    file: '/nonexistent/bench.yaml',
    allowMissingFile: true,
    env: {},
    overrides: {
      logging: { level: 'silent' },
      wallets: { deposit_pool_size: 0 },
      network: { scanner: { start_block: built.first } },
      // the scanner watches several token contracts, as a multi-token gateway does
      assets: [
        { symbol: 'USDT', contract: usdtContract, decimals: 6, blacklist: true },
        { symbol: 'USDC', contract: EXTRA_TOKEN_CONTRACTS[0], decimals: 6 },
        { symbol: 'USDD', contract: EXTRA_TOKEN_CONTRACTS[1], decimals: 18 },
      ],
    },
  });
  const assets = new AssetRegistry(config.assets);
  const database: TestDatabase = await openTestDatabase(engine);
  let core: GatewayCore | null = null;
  try {
    // count the receipt calls the scanner makes
    let infoCalls = 0;
    const client = chain.client;
    const counting = Object.create(client) as typeof client;
    counting.getTransactionInfoByBlockNum = (n, options) => {
      infoCalls++;
      return client.getTransactionInfoByBlockNum(n, options);
    };
    core = createGatewayCore({
      config,
      database,
      chain,
      wallets: HdWalletAddresses.fromMnemonic(mnemonic, '', { deposit: 0, hotWallet: 1 }),
      networkName: 'devnet',
      logger: pino({ level: 'silent' }),
      version: 'bench',
      tron: {
        client: counting,
        clientOptions: chain.clientOptions,
        assets,
        signer: HdSigner.fromMnemonic(mnemonic, '', { deposit: 0, hotWallet: 1 }),
      },
    });
    const boot = await bootstrapDefaultMerchant(core.merchants);
    const actor = { merchantId: boot.merchant.id, actor: 'bench' };
    const payee = privateKeyToAccount(generatePrivateKey()).base58;
    for (let i = 0; i < INVOICES; i++) {
      const created = await core.payments.createPayment(actor, { amount: '1000000', payee_address: payee, expires_in_seconds: 86_400 });
      if (!created.ok) throw new Error(`invoice refused: ${created.error.detail}`);
    }
    const scanner = core.scanner;
    if (!scanner) throw new Error('no scanner');
    const started = performance.now();
    const blocks = await scanner.scanOnce();
    const ms = performance.now() - started;
    const credited = Number(
      (
        await database.db
          .selectFrom('chain_transfers')
          .select((eb) => eb.fn.countAll<bigint>().as('n'))
          .where('match', '=', 'deposit')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const reorg = await reorgAndAgree(database, scanner, chain, devnetUrl);
    return { blocks, ms, credited, infoCalls, reorg };
  } finally {
    await core?.stop();
    await database.destroy();
  }
}

interface ReorgRun {
  ms: number;
  dropped: number;
  reverted: number;
}

/**
 * The devnet replaces its newest REORG_DEPTH blocks, dropping the invoice transfers recorded in them; the
 * time is that of the scanner's next pass, which must end with its cursor on the node's head block (same
 * id) and those transfers dropped.
 */
async function reorgAndAgree(
  database: TestDatabase,
  scanner: NonNullable<GatewayCore['scanner']>,
  chain: GatewayChain,
  devnetUrl: string,
): Promise<ReorgRun> {
  const head = Number((await chain.client.getNowBlock()).number);
  const recorded = await database.db
    .selectFrom('chain_transfers')
    .select('tx_id')
    .where('block_number', '>', head - REORG_DEPTH)
    .where('match', '=', 'deposit')
    .execute();
  const dropTxids = [...new Set(recorded.map((r) => r.tx_id))];
  const res = await fetch(`${devnetUrl}/devnet/reorg`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ depth: REORG_DEPTH, drop_txids: dropTxids }),
  });
  if (!res.ok) throw new Error(`devnet reorg refused: ${await res.text()}`);
  const started = performance.now();
  await scanner.scanOnce();
  const ms = performance.now() - started;
  const now = await chain.client.getNowBlock();
  const cursor = await database.db
    .selectFrom('chain_cursors')
    .select(['block_number', 'block_id'])
    .where('name', '=', 'scanner')
    .executeTakeFirstOrThrow();
  if (Number(cursor.block_number) !== Number(now.number) || cursor.block_id !== now.blockId) {
    throw new Error(
      `after the reorg the scanner is at ${cursor.block_number} (${cursor.block_id}), the node at ${now.number} (${now.blockId})`,
    );
  }
  const dropped = await database.db.selectFrom('chain_transfers').select('id').where('status', '=', 'dropped').execute();
  if (dropped.length !== dropTxids.length) throw new Error(`${dropped.length} transfers dropped, ${dropTxids.length} expected`);
  const reverted = await database.db.selectFrom('outbox').select('id').where('type', '=', 'payment.reverted').execute();
  return { ms, dropped: dropped.length, reverted: reverted.length };
}

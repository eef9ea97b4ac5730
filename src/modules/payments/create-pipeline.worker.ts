/**
 * Worker thread that runs the create pipeline: its own database connection, deposit-address
 * derivation, rows, outbox events, jobs and the group commit, off the thread that serves HTTP.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/database.js';
import { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import { systemClock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { BatchesRepository } from '../batches/batches.repository.js';
import { JobQueue } from '../jobs/job-queue.js';
import { UsageRepository } from '../limits/usage.repository.js';
import { Outbox } from '../outbox/outbox.js';
import { DepositAddressPool } from '../wallets/deposit-pool.js';
import { HdWalletAddresses } from '../wallets/wallet-addresses.js';
import { CreatePipeline, type UnitOutcome } from './create-pipeline.js';
import {
  type FromWorker,
  type PipelineWorkerData,
  type SerializedOutcome,
  serializeOutcome,
  type ToWorker,
} from './create-pipeline.protocol.js';
import { PaymentsRepository } from './payments.repository.js';

const port = parentPort;
if (!port) throw new Error('create-pipeline.worker must run in a worker thread');
const data = workerData as PipelineWorkerData;
const post = (message: FromWorker) => port.postMessage(message);

try {
  // This thread is the only user of its connection, so SQLite runs directly here.
  const database = openDatabase({ ...data.database, sqliteMode: 'direct' });
  const { db, engine } = database;
  const wallets = HdWalletAddresses.fromMnemonic(data.wallet.mnemonic, data.wallet.passphrase, {
    deposit: data.wallet.deposit,
    hotWallet: data.wallet.hotWallet,
  });
  const depositPool = new DepositAddressPool(db, engine, wallets, systemClock);
  const pipeline = new CreatePipeline({
    db,
    // structured cloning keeps the catalogue's data, not its class: rebuild it here
    config: { ...data.config, assets: new AssetCatalog(data.config.assets.specs) },
    clock: systemClock,
    ids: newId,
    payments: new PaymentsRepository(engine),
    batches: new BatchesRepository(),
    usage: new UsageRepository(engine),
    depositPool,
    outbox: new Outbox({ clock: systemClock, ids: newId, apiVersion: data.apiVersion }),
    jobs: new JobQueue({ db, engine, clock: systemClock, ids: newId }),
    // appends to the same hash chain as the main thread: the audit head's lock orders them
    audit: new AuditTrail(systemClock),
    idempotencyTtlMs: data.idempotencyTtlMs,
    concurrency: 1,
    onCommitted: (units, jobsDueNow) => post({ type: 'committed', units, jobsDueNow }),
    onError: (error) =>
      post({
        type: 'log',
        level: 'error',
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
      }),
  });
  // Keep the deposit pool topped up while creation is quiet (one step of derivation at a time).
  const target = data.config.raw.wallets.deposit_pool_size;
  let closing = false;
  let refilling: Promise<void> | null = null;
  const refillWhileQuiet = async () => {
    try {
      // Only after 250 ms without a create: a refill step derives for ~10–20 ms and must not delay a burst.
      while (!closing && pipeline.quietFor(250) && (await depositPool.refillStep(target)) > 0)
        await new Promise((resolve) => setImmediate(resolve));
    } catch (error) {
      post({
        type: 'log',
        level: 'warn',
        message: `deposit pool refill failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };
  const refillTimer = setInterval(() => {
    // cleared in a callback, which always runs after this assignment
    if (!refilling && !closing && target > 0)
      refilling = refillWhileQuiet().finally(() => {
        refilling = null;
      });
  }, 200);
  refillTimer.unref();
  // A group's units resolve in the same turn: their outcomes go back as one message.
  let answers: Array<{ id: number; outcome: SerializedOutcome }> = [];
  const answer = (id: number, outcome: UnitOutcome) => {
    if (answers.length === 0)
      setImmediate(() => {
        post({ type: 'outcomes', outcomes: answers });
        answers = [];
      });
    answers.push({ id, outcome: serializeOutcome(outcome) });
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'submit') {
      for (const { id, unit } of message.units) void pipeline.submit(unit).then((outcome) => answer(id, outcome));
    } else if (message.type === 'close') {
      // A refill step still running would otherwise meet a closed connection.
      closing = true;
      clearInterval(refillTimer);
      void Promise.all([pipeline.drain(), refilling])
        .then(() => database.close())
        .finally(() => {
          post({ type: 'closed' });
          port.close();
        });
    }
  });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}

/**
 * The chain sender (SPEC §5 "Payout sender"): claims due sends in batches, checks funds, energy and each
 * token's blacklist, signs each transaction ONCE and commits the signed bytes before broadcasting them, then
 * broadcasts those stored bytes (again after transient failures). A send leaves the sender as `broadcast`
 * (the tracker follows it from there) or `failed`. It never signs a second transaction for an owner: only
 * the tracker queues a new sequence, after proving the previous one expired unseen.
 */
import type { Kysely } from 'kysely';
import { updateRows } from '../../db/bulk-update.js';
import type { Engine } from '../../db/database.js';
import { moneySum } from '../../db/money-sql.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { bytesToHex } from '../../tron/bytes.js';
import type { TronClient } from '../../tron/client.js';
import { encodeSignedTransaction, refBlockFields, type Transaction } from '../../tron/transaction.js';
import type { AssetRegistry } from '../assets/asset-registry.js';
import type { EnergyStrategy } from '../energy/energy-strategy.js';
import { parseKeyRef, type TransactionSigner } from '../wallets/signer.js';
import { decideEnergy, energyWaitNote } from './energy-wait.js';
import { type ResourceTransactionBuilder, resourceContractOf, trxSpentBy } from './resource-sends.js';
import { isResourcePurpose, type SendEvent, type SendFailureReason, type SendTransaction } from './send-contract.js';
import { type BroadcastVerdict, backoffMs, classifyBroadcast, classifyBroadcastError } from './send-failures.js';
import { allowedFrom, compareAndSet } from './send-lifecycle.js';
import type { ChainSendQueue } from './send-queue.js';
import { RECORD_COLUMNS, type SendRow, toSendRecord } from './send-records.js';

export interface SenderSettings {
  batchSize: number;
  /** sends signed/broadcast at once (transaction_limits.max_concurrent_payouts) */
  maxConcurrent: number;
  broadcastConcurrency: number;
  txExpirationMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  claimLeaseMs: number;
}

export interface SenderLogger {
  warn(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}

export interface ChainSenderOptions {
  db: Kysely<DB>;
  engine: Engine;
  client: TronClient;
  /** every asset the sender may move, with its strategy */
  assets: AssetRegistry;
  signer: TransactionSigner;
  queue: ChainSendQueue;
  clock: Clock;
  workerId: string;
  settings: SenderSettings;
  logger: SenderLogger;
  random?: () => number;
  /** builds stake, delegation and activation contracts; without it such sends fail their check */
  buildResource?: ResourceTransactionBuilder;
  /** burn-or-wait for hot-wallet token sends short of staked energy (energy-wait.ts); without it they burn */
  energy?: EnergyWaitSettings;
}

export interface EnergyWaitSettings {
  strategyFor(merchantId: string): Promise<EnergyStrategy>;
  /** how long a send of this queue rank may wait for energy: its priority's target processing time */
  maxWaitMs(rank: number): number;
  /** how soon a waiting send looks again */
  recheckMs: number;
}

/** Token sends from the hot wallet: the ones that spend its own staked energy, and may wait for it. */
const HOT_WALLET_TRANSFERS: ReadonlySet<string> = new Set(['payout', 'refund', 'settlement']);

export interface SenderRunCounts {
  claimed: number;
  /** held back to wait for staked energy (energy-wait.ts) */
  waiting: number;
  signed: number;
  broadcast: number;
  retried: number;
  failed: number;
}

interface AddressFunds {
  trx: bigint;
  /** token balances by symbol, less what is already committed */
  tokens: Map<string, bigint>;
  /** staked energy left */
  energy: bigint;
  /** staked energy limit (own stake and energy delegated to it) */
  energyLimit: bigint;
  /** free + staked bandwidth left */
  bandwidth: bigint;
  /** the tokens whose blacklist holds this sender */
  blacklistedFor: Set<string>;
}

type CheckFailure = { row: SendRow; reason: SendFailureReason; detail: string };
type EnergyWait = { row: SendRow; retryAt: number; note: string };

/** Ids per bulk status update. */
const UPDATE_CHUNK = 500;

/** How long a blacklist answer is reused (recipients repeat across batches and retries). */
const BLACKLIST_CACHE_MS = 5_000;

interface HeldBatch {
  /** signed rows to broadcast */
  rows: SendRow[];
  /** every send the run claimed (released once the batch is broadcast) */
  claimedIds: string[];
}

export class ChainSender {
  private lastTimestamp = 0n;
  private held: HeldBatch | null = null;
  private readonly blacklist = new Map<string, { listed: boolean; until: number }>();

  constructor(private readonly o: ChainSenderOptions) {}

  /**
   * Processes what is due now: claims one batch, checks, signs, stores, broadcasts. `signOnly` stops after
   * the signed bytes are committed (tests use it to stand for a crash before the broadcast).
   *
   * With `overlap` (the workers' loop) the batch's broadcast is left for the next run, which broadcasts it
   * while it signs and stores its own batch: signing (this thread) and the node's work overlap. The next
   * batch's funds check runs first, while the previous batch is still only `signed`, so its balances are
   * read with those sends counted exactly once (as committed, not yet taken by the node). `flush()`
   * broadcasts a batch left over (the loop calls it when it stops).
   */
  async runOnce(options: { signOnly?: boolean; overlap?: boolean } = {}): Promise<SenderRunCounts> {
    const counts: SenderRunCounts = { claimed: 0, waiting: 0, signed: 0, broadcast: 0, retried: 0, failed: 0 };
    const previous = this.held;
    this.held = null;
    let claimed: SendRow[];
    try {
      claimed = await this.claim();
    } catch (error) {
      if (previous) await this.finish(previous, counts);
      throw error;
    }
    counts.claimed = claimed.length;
    let tail: Promise<void> | null = null;
    let current: HeldBatch | null = null;
    try {
      const queued = claimed.filter((r) => r.status === 'queued');
      const toBroadcast = claimed.filter((r) => r.status === 'signed');
      let pass: SendRow[] = [];
      if (queued.length > 0) {
        const checked = await this.check(queued);
        pass = checked.pass;
        counts.waiting = await this.holdForEnergy(checked.wait);
        counts.failed += await this.failMany(
          checked.fail.map((f) => ({ row: f.row, reason: f.reason, detail: f.detail })),
          'check_failed',
        );
      }
      // the previous batch goes out while this one is signed and stored
      if (previous) tail = this.finish(previous, counts);
      const signed = await this.signAndStore(pass);
      counts.signed = signed.length;
      toBroadcast.push(...signed);
      current = { rows: toBroadcast, claimedIds: claimed.map((r) => r.id) };
      if (tail) await tail;
      tail = null;
      if (options.signOnly) {
        await this.release(current.claimedIds);
        return counts;
      }
      if (options.overlap && toBroadcast.length > 0) {
        this.held = current;
        return counts;
      }
      const held = current;
      current = null;
      await this.finish(held, counts);
    } catch (error) {
      if (tail) await tail.catch(() => {});
      // a chain or database failure for the whole batch: try again soon, counting no attempt
      const ids = claimed.map((r) => r.id);
      await this.postpone(ids, error).catch(() => {});
      await this.release(ids).catch(() => {});
      throw error;
    }
    return counts;
  }

  /** Broadcasts a batch a run left for the next one (see runOnce `overlap`); the loop calls it on stop. */
  async flush(): Promise<SenderRunCounts> {
    const counts: SenderRunCounts = { claimed: 0, waiting: 0, signed: 0, broadcast: 0, retried: 0, failed: 0 };
    const held = this.held;
    this.held = null;
    if (held) await this.finish(held, counts);
    return counts;
  }

  /** A batch whose broadcast was left for later (overlap) */
  get holding(): boolean {
    return this.held !== null;
  }

  /** Broadcasts a stored batch, records the outcome and releases its claim. */
  private async finish(batch: HeldBatch, counts: SenderRunCounts): Promise<void> {
    try {
      const outcome = await this.broadcastAll(batch.rows);
      counts.broadcast += outcome.broadcast;
      counts.retried += outcome.retried;
      counts.failed += outcome.failed;
    } catch (error) {
      await this.postpone(batch.claimedIds, error).catch(() => {});
      throw error;
    } finally {
      await this.release(batch.claimedIds).catch(() => {});
    }
  }

  // ------------------------------------------------------------ claim

  private async claim(): Promise<SendRow[]> {
    const now = this.o.clock.now();
    const limit = Math.min(this.o.settings.batchSize, this.o.settings.maxConcurrent);
    const lock = { locked_by: this.o.workerId, locked_until: now + this.o.settings.claimLeaseMs, updated_at: now };
    if (this.o.engine === 'postgres') {
      return this.o.db
        .with('due', (qb) =>
          qb
            .selectFrom('chain_sends')
            .select('id')
            .where('status', 'in', allowedFrom('claimed'))
            .where('next_attempt_at', '<=', now)
            .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
            .orderBy('priority')
            .orderBy('created_at')
            .orderBy('id')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .updateTable('chain_sends')
        .from('due')
        .set(lock)
        .whereRef('chain_sends.id', '=', 'due.id')
        .returningAll('chain_sends')
        .execute()
        .then(byPriority);
    }
    return this.o.db
      .updateTable('chain_sends')
      .set(lock)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('chain_sends')
          .select('id')
          .where('status', 'in', allowedFrom('claimed'))
          .where('next_attempt_at', '<=', now)
          .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', now)]))
          .orderBy('priority')
          .orderBy('created_at')
          .orderBy('id')
          .limit(limit),
      )
      .returningAll()
      .execute()
      .then(byPriority);
  }

  private async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.o.db
      .updateTable('chain_sends')
      .set({ locked_by: null, locked_until: null })
      .where('id', 'in', ids)
      .where('locked_by', '=', this.o.workerId)
      .execute();
  }

  private async postpone(ids: string[], error: unknown): Promise<void> {
    const now = this.o.clock.now();
    await this.o.db
      .updateTable('chain_sends')
      .set({ next_attempt_at: now + this.o.settings.retryBaseMs, last_error: errorText(error), updated_at: now })
      .where('id', 'in', ids)
      .where('locked_by', '=', this.o.workerId)
      .where('status', 'in', allowedFrom('postponed'))
      .execute();
  }

  // ------------------------------------------------------------ pre-send checks

  /**
   * Funds, fees and the blacklist, read once per sender address (and recipient) for the whole batch.
   * Sends are taken in priority order; each one uses up what it needs, so the later ones see the rest.
   */
  private async check(rows: SendRow[]): Promise<{ pass: SendRow[]; fail: CheckFailure[]; wait: EnergyWait[] }> {
    const { client, assets } = this.o;
    const senders = [...new Set(rows.map((r) => r.from_address))];
    const [energyPrice, bandwidthPrice, committed, strategies] = await Promise.all([
      client.getEnergyFee(),
      client.getTransactionFee(),
      this.committedBySender(senders),
      this.energyStrategies(rows),
    ]);
    /** TRX a send may burn at worst: energy (to a new holder) and bandwidth, both at the chain's price */
    const worstFee = (asset: string) => {
      const strategy = assets.get(asset);
      return strategy.transferEnergy(true) * energyPrice + strategy.asset.transferBytes * bandwidthPrice;
    };
    const tokensOf = new Map<string, Set<string>>();
    for (const r of rows) {
      if (assets.get(r.asset).asset.kind === 'native') continue;
      const set = tokensOf.get(r.from_address) ?? new Set<string>();
      set.add(r.asset);
      tokensOf.set(r.from_address, set);
    }
    const funds = new Map<string, AddressFunds>();
    await Promise.all(
      senders.map(async (address) => {
        const tokens = [...(tokensOf.get(address) ?? [])];
        const [account, resource, tokenBalances, listed] = await Promise.all([
          client.getAccount(address),
          client.getAccountResource(address),
          Promise.all(tokens.map((t) => assets.get(t).balanceOf(client, address))),
          Promise.all(tokens.map((t) => this.isBlacklisted(t, address))),
        ]);
        let energyLeft = resource.energyLimit - resource.energyUsed;
        const bandwidthLeft = positive(resource.freeNetLimit - resource.freeNetUsed) + positive(resource.netLimit - resource.netUsed);
        // signed-but-not-yet-accepted sends will spend their amount and (at worst) a full fee burn
        let trx = account.balance;
        const held = committed.get(address) ?? new Map<string, { total: bigint; count: bigint }>();
        for (const [asset, c] of held) {
          const strategy = assets.get(asset);
          const native = strategy.asset.kind === 'native';
          trx -= (native ? c.total : 0n) + c.count * worstFee(asset);
          // the node's figure does not know them yet: their staked energy is spoken for (to an existing holder)
          if (!native) energyLeft -= c.count * strategy.transferEnergy(false);
        }
        const balances = new Map<string, bigint>();
        tokens.forEach((t, i) => {
          balances.set(t, (tokenBalances[i] as bigint) - (held.get(t)?.total ?? 0n));
        });
        const blacklistedFor = new Set(tokens.filter((_, i) => listed[i]));
        funds.set(address, {
          trx,
          tokens: balances,
          energy: positive(energyLeft),
          energyLimit: resource.energyLimit,
          bandwidth: bandwidthLeft,
          blacklistedFor,
        });
      }),
    );
    const recipients = [...new Set(rows.filter((r) => assets.get(r.asset).asset.blacklist).map((r) => `${r.asset}|${r.to_address}`))];
    const listedRecipients = new Set<string>();
    await forEachBounded(recipients, this.o.settings.broadcastConcurrency, async (key) => {
      const [asset, address] = key.split('|') as [string, string];
      if (await this.isBlacklisted(asset, address)) listedRecipients.add(key);
    });

    const pass: SendRow[] = [];
    const fail: CheckFailure[] = [];
    const wait: EnergyWait[] = [];
    const now = this.o.clock.now();
    for (const row of rows) {
      const f = funds.get(row.from_address) as AddressFunds;
      let decided = row;
      if (isResourcePurpose(row.purpose) && !this.o.buildResource) {
        fail.push({ row, reason: 'rejected_by_node', detail: `this sender cannot build ${row.purpose} contracts` });
        continue;
      }
      const amount = isResourcePurpose(row.purpose) ? trxSpentBy(row.purpose, BigInt(row.amount)) : BigInt(row.amount);
      const strategy = assets.get(row.asset);
      const bytes = strategy.asset.transferBytes;
      if (strategy.asset.kind === 'trc20') {
        if (f.blacklistedFor.has(row.asset)) {
          fail.push({ row, reason: 'sender_blacklisted', detail: `sender ${row.from_address} is on the ${row.asset} blacklist` });
          continue;
        }
        if (listedRecipients.has(`${row.asset}|${row.to_address}`)) {
          fail.push({ row, reason: 'recipient_blacklisted', detail: `recipient ${row.to_address} is on the ${row.asset} blacklist` });
          continue;
        }
        const balance = f.tokens.get(row.asset) ?? 0n;
        if (balance < amount) {
          fail.push({ row, reason: 'insufficient_funds', detail: `${row.asset} balance of ${row.from_address} does not cover ${amount}` });
          continue;
        }
        const strategyNow = strategies.get(row.merchant_id);
        if (this.o.energy && strategyNow && HOT_WALLET_TRANSFERS.has(row.purpose)) {
          // what a transfer to a holder uses; one to a new holder burns the rest, and its receipt says so
          const needed = strategy.transferEnergy(false);
          const rank = Number(row.priority);
          const verdict = decideEnergy({
            needed,
            available: f.energy,
            limit: f.energyLimit,
            strategy: strategyNow,
            rank,
            queuedAt: Number(row.created_at),
            now,
            maxWaitMs: this.o.energy.maxWaitMs(rank),
            recheckMs: this.o.energy.recheckMs,
          });
          if (verdict.kind === 'wait') {
            wait.push({ row, retryAt: verdict.retryAt, note: energyWaitNote(needed, f.energy, verdict.burnsFrom) });
            continue;
          }
          decided = { ...row, energy_decision: verdict.decision, energy_wait_ms: verdict.waitedMs };
        }
        // a deposit address has energy only when the hot wallet lent it for this sweep, sized from the node's
        // own estimate plus a margin (delegated-sweeps.ts): that, not the worst case, is what it will use
        const lent = row.purpose === 'sweep' && f.energy > 0n;
        const energy = lent ? f.energy : strategy.transferEnergy(true);
        const energyBurn = (energy > f.energy ? energy - f.energy : 0n) * energyPrice;
        const netBurn = bytes > f.bandwidth ? bytes * bandwidthPrice : 0n;
        if (f.trx < energyBurn + netBurn) {
          fail.push({
            row,
            reason: 'insufficient_trx_for_fees',
            detail: `TRX of ${row.from_address} does not cover the fee of about ${energyBurn + netBurn} sun`,
          });
          continue;
        }
        f.tokens.set(row.asset, balance - amount);
        f.trx -= energyBurn + netBurn;
        f.energy = positive(f.energy - energy);
        f.bandwidth = netBurn > 0n ? f.bandwidth : f.bandwidth - bytes;
      } else {
        const netBurn = bytes > f.bandwidth ? bytes * bandwidthPrice : 0n;
        if (f.trx < amount) {
          const what = row.purpose === 'stake' ? 'the stake of ' : '';
          fail.push({ row, reason: 'insufficient_funds', detail: `TRX balance of ${row.from_address} does not cover ${what}${amount}` });
          continue;
        }
        if (f.trx < amount + netBurn) {
          fail.push({ row, reason: 'insufficient_trx_for_fees', detail: `TRX of ${row.from_address} does not cover amount and fee` });
          continue;
        }
        f.trx -= amount + netBurn;
        f.bandwidth = netBurn > 0n ? f.bandwidth : f.bandwidth - bytes;
      }
      pass.push(decided);
    }
    return { pass, fail, wait };
  }

  /** The energy strategy of each merchant with a hot-wallet send here (none without energy settings). */
  private async energyStrategies(rows: SendRow[]): Promise<Map<string, EnergyStrategy>> {
    const energy = this.o.energy;
    const out = new Map<string, EnergyStrategy>();
    if (!energy) return out;
    const merchants = [...new Set(rows.filter((r) => HOT_WALLET_TRANSFERS.has(r.purpose)).map((r) => r.merchant_id))];
    await Promise.all(merchants.map(async (m) => out.set(m, await energy.strategyFor(m))));
    return out;
  }

  /** Sends that wait for staked energy: queued again for later, with the wait noted; their claim is released with the batch's. */
  private async holdForEnergy(waits: EnergyWait[]): Promise<number> {
    if (waits.length === 0) return 0;
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (trx) => {
      for (const { row, retryAt, note } of waits) {
        await trx
          .updateTable('chain_sends')
          .set({ next_attempt_at: retryAt, last_error: note, energy_decision: 'waiting', updated_at: now })
          .where('id', '=', row.id)
          .where('status', '=', 'queued')
          .where('locked_by', '=', this.o.workerId)
          .execute();
      }
    });
    return waits.length;
  }

  /** An asset's blacklist status of an address, asked once per BLACKLIST_CACHE_MS. */
  private async isBlacklisted(asset: string, address: string): Promise<boolean> {
    const now = this.o.clock.now();
    const key = `${asset}|${address}`;
    const cached = this.blacklist.get(key);
    if (cached && cached.until > now) return cached.listed;
    const listed = await this.o.assets.get(asset).isBlacklisted(this.o.client, address);
    if (this.blacklist.size >= 20_000) for (const [a, c] of this.blacklist) if (c.until <= now) this.blacklist.delete(a);
    this.blacklist.set(key, { listed, until: now + BLACKLIST_CACHE_MS });
    return listed;
  }

  /** What signed (not yet accepted by a node) sends of these addresses will still take, per asset: amount total and count. */
  private async committedBySender(senders: string[]): Promise<Map<string, Map<string, { total: bigint; count: bigint }>>> {
    const rows = await this.o.db
      .selectFrom('chain_sends')
      .select((eb) => ['from_address', 'asset', 'purpose', moneySum('amount').as('total'), eb.fn.countAll<bigint | number>().as('n')])
      .where('status', '=', 'signed')
      .where('from_address', 'in', senders)
      .groupBy(['from_address', 'asset', 'purpose'])
      .execute();
    const out = new Map<string, Map<string, { total: bigint; count: bigint }>>();
    for (const r of rows) {
      const perAsset = out.get(r.from_address) ?? new Map<string, { total: bigint; count: bigint }>();
      const sum = perAsset.get(r.asset) ?? { total: 0n, count: 0n };
      // a delegation or an unstake moves stake, not the balance: only its fee counts
      const total = isResourcePurpose(r.purpose) ? trxSpentBy(r.purpose, BigInt(r.total)) : BigInt(r.total);
      perAsset.set(r.asset, { total: sum.total + total, count: sum.count + BigInt(r.n) });
      out.set(r.from_address, perAsset);
    }
    return out;
  }

  /**
   * Marks sends failed (those still in a status `event` leaves) and tells their owners, in one transaction;
   * if that fails, one transaction per send so that one owner's failing handler holds back nobody else.
   */
  private async failMany(failures: CheckFailure[], event: 'check_failed' | 'broadcast_refused'): Promise<number> {
    if (failures.length === 0) return 0;
    const step = compareAndSet({ type: event });
    const apply = async (trx: SendTransaction, batch: CheckFailure[]): Promise<number> => {
      await this.o.queue.lockOwners(
        trx,
        batch.map((f) => f.row),
      );
      const now = this.o.clock.now();
      const events: SendEvent[] = [];
      for (const { row, reason, detail } of batch) {
        const updated = await trx
          .updateTable('chain_sends')
          .set({ status: step.to, failure_reason: reason, last_error: detail, locked_by: null, locked_until: null, updated_at: now })
          .where('id', '=', row.id)
          .where('status', 'in', step.from)
          .returning(RECORD_COLUMNS)
          .executeTakeFirst();
        if (updated) events.push({ kind: 'failed', send: toSendRecord({ ...updated, signed_tx: null }), reason, detail });
      }
      await this.o.queue.report(trx, events);
      return events.length;
    };
    try {
      return await this.o.db.transaction().execute((trx) => apply(trx, failures));
    } catch (error) {
      if (failures.length === 1) throw error;
      this.o.logger.warn({ err: error }, 'recording a batch of failed sends failed; recording them one by one');
    }
    let n = 0;
    for (const failure of failures) {
      try {
        n += await this.o.db.transaction().execute((trx) => apply(trx, [failure]));
      } catch (error) {
        this.o.logger.warn({ err: error, send: failure.row.id }, 'recording a failed send failed; it is tried again later');
      }
    }
    return n;
  }

  // ------------------------------------------------------------ sign once, store, then broadcast

  private async signAndStore(rows: SendRow[]): Promise<SendRow[]> {
    if (rows.length === 0) return [];
    const head = await this.o.client.getNowBlock();
    const ref = refBlockFields(head.number, head.blockId);
    const now = BigInt(this.o.clock.now());
    // TaPoS and expiration follow the chain's clock (the devnet's may run ahead of ours)
    const base = head.timestamp > now ? head.timestamp : now;
    const expiration = base + BigInt(this.o.settings.txExpirationMs);
    const step = compareAndSet({ type: 'signed' });
    const signed: SendRow[] = [];
    for (const row of rows) {
      // distinct timestamps: two equal transfers in one batch must not share a txID
      const timestamp = base > this.lastTimestamp ? base : this.lastTimestamp + 1n;
      this.lastTimestamp = timestamp;
      const tx = this.build(row, { ref, timestamp, expiration });
      const signedTx = this.o.signer.sign(tx, parseKeyRef(row.signer));
      signed.push({
        ...row,
        status: step.to,
        tx_id: signedTx.txID,
        signed_tx: bytesToHex(encodeSignedTransaction(signedTx)),
        expiration: Number(expiration),
      });
    }
    // one commit for the whole batch, BEFORE any byte leaves the process
    // fenced: only sends still queued and still claimed by this sender (a cancel or a claim that lapsed
    // to another sender in between leaves its row alone, and those bytes are never broadcast)
    const storedAt = this.o.clock.now();
    const stored = await this.o.db.transaction().execute((trx) =>
      updateRows(
        trx,
        'chain_sends',
        ['status', 'tx_id', 'signed_tx', 'expiration', 'energy_decision', 'energy_wait_ms', 'updated_at'],
        signed.map((row) => ({ ...row, updated_at: storedAt })),
        { whereIn: { status: step.from, locked_by: [this.o.workerId] } },
      ),
    );
    return signed.filter((row) => stored.has(row.id));
  }

  private build(row: SendRow, common: { ref: ReturnType<typeof refBlockFields>; timestamp: bigint; expiration: bigint }): Transaction {
    if (isResourcePurpose(row.purpose)) {
      const build = this.o.buildResource;
      if (!build) throw new Error(`this sender cannot build ${row.purpose} contracts`);
      return build(resourceContractOf({ ...row, purpose: row.purpose }), common);
    }
    return this.o.assets.get(row.asset).buildTransfer({
      common,
      from: row.from_address,
      to: row.to_address,
      amount: BigInt(row.amount),
      feeLimit: BigInt(row.fee_limit),
    });
  }

  private async broadcastAll(rows: SendRow[]): Promise<{ broadcast: number; retried: number; failed: number }> {
    const verdicts = new Map<string, BroadcastVerdict>();
    await forEachBounded(rows, this.o.settings.broadcastConcurrency, async (row) => {
      try {
        verdicts.set(row.id, classifyBroadcast(await this.o.client.broadcastHex(row.signed_tx as string)));
      } catch (error) {
        verdicts.set(row.id, classifyBroadcastError(error));
      }
    });
    const landed = rows.filter((r) => verdicts.get(r.id)?.kind === 'landed');
    const out = { broadcast: 0, retried: 0, failed: 0 };
    out.broadcast = await this.markBroadcast(landed);
    const refused: CheckFailure[] = [];
    for (const row of rows) {
      const verdict = verdicts.get(row.id) as BroadcastVerdict;
      if (verdict.kind === 'final') refused.push({ row, reason: verdict.reason, detail: verdict.error });
    }
    out.failed += await this.failMany(refused, 'broadcast_refused');
    const now = this.o.clock.now();
    for (const row of rows) {
      const verdict = verdicts.get(row.id) as BroadcastVerdict;
      if (verdict.kind === 'landed' || verdict.kind === 'final') continue;
      // the same bytes again later; the tracker decides once they have provably expired
      const attempts = Number(row.attempts) + 1;
      const expiration = Number(row.expiration ?? now);
      const next =
        verdict.kind === 'wait_expiry'
          ? Math.max(now + this.o.settings.retryMaxMs, expiration)
          : now + backoffMs(attempts, this.o.settings.retryBaseMs, this.o.settings.retryMaxMs, this.o.random);
      await this.o.db
        .updateTable('chain_sends')
        .set({ attempts, next_attempt_at: next, last_error: verdict.error, updated_at: now })
        .where('id', '=', row.id)
        .where('status', 'in', allowedFrom('broadcast_retried'))
        .execute();
      out.retried += 1;
      this.o.logger.debug?.({ send: row.id, attempts, error: verdict.error }, 'broadcast will be retried with the same bytes');
    }
    return out;
  }

  /** `signed` → `broadcast` for the accepted ones, and their owners' onBroadcast, in one transaction. */
  private async markBroadcast(rows: SendRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const apply = async (trx: SendTransaction, batch: SendRow[]): Promise<number> => {
      await this.o.queue.lockOwners(trx, batch);
      const now = this.o.clock.now();
      const step = compareAndSet({ type: 'broadcast_accepted' });
      const updated: Array<Omit<SendRow, 'signed_tx'>> = [];
      for (let i = 0; i < batch.length; i += UPDATE_CHUNK) {
        updated.push(
          ...(await trx
            .updateTable('chain_sends')
            .set({ status: step.to, broadcast_at: now, updated_at: now })
            .where(
              'id',
              'in',
              batch.slice(i, i + UPDATE_CHUNK).map((r) => r.id),
            )
            // the tracker may have seen it in a block first
            .where('status', 'in', step.from)
            .returning(RECORD_COLUMNS)
            .execute()),
        );
      }
      // in the batch's order (priority), as the owners' steps are reported
      const order = new Map(batch.map((r, i) => [r.id, i]));
      updated.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      await this.o.queue.report(
        trx,
        updated.map((row) => ({ kind: 'broadcast', send: toSendRecord({ ...row, signed_tx: null }) })),
      );
      return updated.length;
    };
    try {
      return await this.o.db.transaction().execute((trx) => apply(trx, rows));
    } catch (error) {
      // one owner's handler failing must not hold back the others: one transaction each
      this.o.logger.warn({ err: error }, 'recording a batch of broadcasts failed; recording them one by one');
      let n = 0;
      for (const row of rows) {
        try {
          n += await this.o.db.transaction().execute((trx) => apply(trx, [row]));
        } catch (single) {
          this.o.logger.warn({ err: single, send: row.id }, 'recording a broadcast failed; the tracker will pick it up');
        }
      }
      return n;
    }
  }
}

function byPriority(rows: SendRow[]): SendRow[] {
  return rows.sort(
    (a, b) => Number(a.priority) - Number(b.priority) || Number(a.created_at) - Number(b.created_at) || (a.id < b.id ? -1 : 1),
  );
}

function positive(n: bigint): bigint {
  return n > 0n ? n : 0n;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/** Runs `fn` over `items` with at most `limit` at once. */
export async function forEachBounded<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

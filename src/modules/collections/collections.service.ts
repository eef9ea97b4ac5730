/**
 * Collections (SPEC §3.2, §3.3): transfers seen on chain are stored once per (tx_id, log_index), matched
 * to a `payment_gateway` payment (its deposit address, any sender) or a `direct_transfer` (payer → payee,
 * after its creation), and move it pending → processing → confirmed → completed. Crediting a transfer
 * and the payment's new amount commit together; confirming and completing are separate steps, each in
 * its own transaction, so that their webhook events keep their order.
 */
import type { Kysely, Transaction } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Asset } from '../../shared/money.js';
import type { TronClient } from '../../tron/client.js';
import type { AuditRecorder } from '../audit/audit-trail.js';
import type { Ledger, LedgerPosting } from '../ledger/ledger.js';
import { amountExpected, type Payment } from '../payments/payment.js';
import type { PaymentsRepository } from '../payments/payments.repository.js';
import type { PaymentsService } from '../payments/payments.service.js';
import { holderAt, withinLateWindow } from './attribution.js';
import { confirmationsOf, exceptionFor, isPaid, ledgerCreditFor } from './collection-progress.js';
import { type UndoSummary, undoAbove } from './reorg-undo.js';
import type { ChainTip, ObservedTransfer, RecordResult, RecordSource, TransferMatch, TransferRecorder } from './transfer-recorder.js';

/** Runs in the transaction of a positive ledger credit that was just posted. */
export type CreditedHandler = (trx: Transaction<DB>, credit: LedgerPosting) => Promise<void>;

/** Called when a completed collection received more than its amount (the refunds module may refund the excess). */
export type OverpaidHandler = (trx: Transaction<DB>, payment: Payment, excess: bigint, senderAddress: string) => Promise<void>;

export interface CollectionsDeps {
  db: Kysely<DB>;
  config: GatewayConfig;
  clock: Clock;
  ids: IdGenerator;
  payments: PaymentsService;
  /** payments storage (the payments module's table): the matching reads lock rows through it */
  repository: Pick<PaymentsRepository, 'findById' | 'depositHoldersForUpdate' | 'directTransfersForUpdate' | 'byUniqueAmountForUpdate'>;
  ledger: Ledger;
  audit: AuditRecorder;
  /** the solidity node confirms a transfer before its payment completes */
  client: Pick<TronClient, 'getTransactionInfoById'>;
  /** base58 addresses of the gateway's hot wallets: their transfers to deposit addresses are sweep fuel */
  hotWallets: () => Promise<ReadonlySet<string>>;
  onOverpaid?: OverpaidHandler;
}

/** Matches that count towards a payment's amount. */
const COUNTED: readonly TransferMatch[] = ['deposit', 'direct', 'late'];
const ACTOR = { actor: 'system:scanner', requestId: null } as const;
/** Longest wait for the clock to move on between two status steps of one payment (see `nextStepTime`). */
const STEP_CLOCK_WAIT_MS = 5;

interface Decision {
  match: TransferMatch;
  payment: Payment | null;
  note: string | null;
}

interface StoredTransfer {
  id: string;
  txId: string;
  logIndex: number;
  blockNumber: number;
  asset: Asset;
  from: string;
  amount: bigint;
  status: string;
  confirmations: number;
}

/** Thrown inside a transaction to roll it back when a concurrent change got there first; the caller retries later. */
export class CollectionConflict extends Error {}

export class CollectionsService implements TransferRecorder {
  private onOverpaid: OverpaidHandler;
  private onCredited: CreditedHandler = async () => {};
  private onChanged: () => void = () => {};
  private lastStepAt = 0;

  constructor(private readonly deps: CollectionsDeps) {
    this.onOverpaid = deps.onOverpaid ?? (async () => {});
  }

  /** Wires the overpayment handler after construction (the refunds module is built later). */
  setOverpaidHandler(handler: OverpaidHandler): void {
    this.onOverpaid = handler;
  }

  /**
   * Wires what a ledger credit triggers in its own transaction (settlement: an `instant` merchant's or a
   * threshold-reaching balance is looked at at once, not at the next periodic run).
   */
  setCreditedHandler(handler: CreditedHandler): void {
    this.onCredited = handler;
  }

  /**
   * Called after payments may have changed (transfers credited, payments stepped), once their
   * transaction committed: the checkout's status hub looks at once instead of at its next tick.
   */
  setChangeListener(listener: () => void): void {
    this.onChanged = listener;
  }

  private changed(): void {
    try {
      this.onChanged();
    } catch {
      // a listener's failure is not the scanner's
    }
  }

  /**
   * Records a range's transfers in one database transaction (one commit, where recording them one by one
   * would wait for one per transfer). When that fails — a concurrent change got to a payment first, say —
   * they are recorded one transaction each, so a failure leaves the earlier ones recorded.
   */
  async recordTransfers(observed: readonly ObservedTransfer[], tip: ChainTip, source: RecordSource): Promise<RecordResult[]> {
    if (observed.length === 0) return [];
    const hotWallets = await this.deps.hotWallets();
    const credited = (results: RecordResult[]) => {
      if (results.some((r) => r.outcome === 'credited')) this.changed();
      return results;
    };
    if (observed.length > 1) {
      try {
        return credited(
          await this.deps.db.transaction().execute(async (trx) => {
            const out: RecordResult[] = [];
            for (const transfer of observed) out.push(await this.recordIn(trx, transfer, tip, source, hotWallets));
            return out;
          }),
        );
      } catch {
        // one at a time below: the failing transfer throws again on its own, after the others are in
      }
    }
    const out: RecordResult[] = [];
    try {
      for (const transfer of observed) {
        out.push(await this.deps.db.transaction().execute((trx) => this.recordIn(trx, transfer, tip, source, hotWallets)));
      }
    } finally {
      credited(out);
    }
    return out;
  }

  async recordTransfer(observed: ObservedTransfer, tip: ChainTip, source: RecordSource): Promise<RecordResult> {
    const hotWallets = await this.deps.hotWallets();
    return this.deps.db.transaction().execute((trx) => this.recordIn(trx, observed, tip, source, hotWallets));
  }

  private async recordIn(
    trx: Transaction<DB>,
    observed: ObservedTransfer,
    tip: ChainTip,
    source: RecordSource,
    hotWallets: ReadonlySet<string>,
  ): Promise<RecordResult> {
    const existing = await this.findStored(trx, observed.txId, observed.logIndex);
    if (existing && existing.status !== 'dropped') {
      // seen again in another block: a reorganisation moved it (the new branch re-included it)
      if (existing.blockNumber !== observed.blockNumber && existing.status !== 'final') {
        await trx
          .updateTable('chain_transfers')
          .set({ block_number: observed.blockNumber, block_timestamp: observed.blockTimestamp, updated_at: this.deps.clock.now() })
          .where('id', '=', existing.transferId)
          .execute();
      }
      return { ...resultOf(existing), outcome: 'duplicate' as const };
    }
    // a transfer a reorganisation dropped is back on chain: recorded anew (under its id), matched afresh
    if (existing) await trx.deleteFrom('chain_transfers').where('id', '=', existing.transferId).execute();
    const decision = await this.decide(trx, observed, hotWallets);
    const now = this.deps.clock.now();
    const confirmations = confirmationsOf(tip.head, observed.blockNumber);
    const id = existing?.transferId ?? this.deps.ids('ctr');
    const credited = decision.match === 'deposit' || decision.match === 'direct' || decision.match === 'late';
    const inserted = await trx
      .insertInto('chain_transfers')
      .values({
        id,
        tx_id: observed.txId,
        log_index: observed.logIndex,
        block_number: observed.blockNumber,
        block_timestamp: observed.blockTimestamp,
        asset: observed.asset,
        from_address: observed.from,
        to_address: observed.to,
        amount: observed.amount,
        merchant_id: decision.payment?.merchantId ?? null,
        payment_id: decision.payment?.id ?? null,
        match: decision.match,
        note: decision.note,
        source,
        // counted transfers stay open until their payment completes (see advanceOpen)
        status: !credited && observed.blockNumber <= tip.solid ? 'final' : 'seen',
        confirmations,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['tx_id', 'log_index']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
      const raced = await this.findStored(trx, observed.txId, observed.logIndex);
      if (raced) return { ...resultOf(raced), outcome: 'duplicate' as const };
      throw new CollectionConflict(`transfer ${observed.txId}:${observed.logIndex} vanished while recording`);
    }
    const result: RecordResult = {
      outcome: credited ? 'credited' : decision.match === 'internal' ? 'internal' : 'unmatched',
      transferId: id,
      paymentId: decision.payment?.id ?? null,
      match: decision.match,
      note: decision.note,
    };
    if (credited && decision.payment) {
      const problem = await this.credit(trx, decision.payment, observed, decision.match === 'late', confirmations, source);
      if (problem === null) return result;
      // Not creditable after all (a concurrent step got there first): keep the transfer, unmatched, with why.
      await trx.updateTable('chain_transfers').set({ match: 'unmatched', note: problem, status: 'seen' }).where('id', '=', id).execute();
      Object.assign(result, { outcome: 'unmatched', match: 'unmatched', note: problem });
    }
    await this.deps.audit.record(trx, [
      {
        merchantId: decision.payment?.merchantId ?? null,
        actor: `system:${source}`,
        action: `chain_transfer.${result.outcome}`,
        entityType: 'chain_transfer',
        entityId: id,
        requestId: null,
        after: transferView(observed, result),
      },
    ]);
    return result;
  }

  /**
   * Moves every open transfer (seen or confirmed) and its payment along with the chain: confirmations
   * from the head, confirmed when the payment's priority has enough, completed when every counted
   * transfer is solidified and the solidity node has it. Returns the payments that changed status.
   */
  async advanceOpen(tip: ChainTip): Promise<number> {
    const open = await this.deps.db
      .selectFrom('chain_transfers')
      .select(['id', 'payment_id', 'match', 'block_number', 'status', 'confirmations'])
      .where('status', 'in', ['seen', 'confirmed'])
      .orderBy('block_number')
      .execute();
    const paymentIds = new Set<string>();
    const loose: string[] = [];
    for (const row of open) {
      if (row.payment_id !== null && COUNTED.includes(row.match as TransferMatch)) paymentIds.add(row.payment_id);
      else if (Number(row.block_number) <= tip.solid) loose.push(row.id);
    }
    // transfers that count for nothing are final once solidified
    if (loose.length > 0) {
      await this.deps.db
        .updateTable('chain_transfers')
        .set({ status: 'final', updated_at: this.deps.clock.now() })
        .where('id', 'in', loose)
        .execute();
    }
    let moved = 0;
    try {
      for (const paymentId of paymentIds) moved += await this.advancePayment(paymentId, tip);
    } finally {
      // confirmations move a payment's version too, not only its status steps
      if (paymentIds.size > 0) this.changed();
    }
    return moved;
  }

  /**
   * A reorganisation orphaned the blocks above `ancestor`: what the scanner recorded from them is moved to
   * the new branch or dropped, and payments credited by dropped transfers step back (reorg-undo.ts).
   */
  async revertAbove(ancestor: number, tip: ChainTip): Promise<UndoSummary> {
    const summary = await undoAbove(this.deps, ancestor, tip);
    if (summary.moved + summary.dropped > 0) this.changed();
    return summary;
  }

  /** The sender seen on chain for a collection (its first counted transfer's `from`): where a refund goes by default. */
  async senderOf(paymentId: string, executor: Kysely<DB> | Transaction<DB> = this.deps.db): Promise<string | null> {
    const row = await executor
      .selectFrom('chain_transfers')
      .select('from_address')
      .where('payment_id', '=', paymentId)
      .where('match', 'in', COUNTED)
      .where('status', '!=', 'dropped')
      .orderBy('block_number')
      .orderBy('log_index')
      .limit(1)
      .executeTakeFirst();
    return row?.from_address ?? null;
  }

  /** Steps one payment as far as the chain allows; returns how many status steps it took. */
  private async advancePayment(paymentId: string, tip: ChainTip): Promise<number> {
    const db = this.deps.db;
    let payment = await this.findPayment(db, paymentId);
    if (!payment) return 0;
    const transfers = await this.countedTransfers(db, paymentId);
    if (transfers.length === 0) return 0;
    const confirmations = Math.min(...transfers.map((t) => confirmationsOf(tip.head, t.blockNumber)));
    const required = this.deps.config.priorities[payment.priority].confirmations;
    const allSolid = transfers.every((t) => t.blockNumber <= tip.solid);
    let steps = 0;

    if (!['processing', 'confirmed'].includes(payment.status)) {
      // failed, cancelled, completed elsewhere, disputed…: nothing to step; close what is final
      if (allSolid) await this.closeTransfers(db, transfers, tip);
      return 0;
    }
    await this.refreshTransfers(transfers, tip, required);

    const received = transfers.reduce((sum, t) => sum + t.amount, 0n);
    const paid = isPaid(amountExpected(payment), received, this.deps.config.underpaymentTolerance);
    if (payment.status === 'processing' && paid && confirmations >= required) {
      await this.nextStepTime();
      const done = await this.deps.payments.advancePayment(paymentId, { to: 'confirmed', confirmations }, ACTOR);
      if (!done.ok) return steps;
      payment = done.value;
      steps++;
    }
    if (payment.status === 'confirmed' && allSolid && (await this.verifiedOnSolidity(transfers))) {
      await this.nextStepTime();
      const completed = await this.complete(payment, transfers, received, confirmations, tip);
      if (completed) return steps + 1;
      payment = (await this.findPayment(db, paymentId)) ?? payment;
    }
    if (payment.confirmations !== confirmations && (payment.status === 'processing' || payment.status === 'confirmed')) {
      await db.transaction().execute(async (trx) => {
        await this.deps.payments.recordProgressIn(trx, paymentId, { confirmations }, { ...ACTOR, action: 'payment.confirmations' });
      });
    }
    return steps;
  }

  /** Completes a confirmed collection: ledger entry, transfers final, the step, then the overpayment hook. */
  private async complete(
    payment: Payment,
    transfers: StoredTransfer[],
    received: bigint,
    confirmations: number,
    tip: ChainTip,
  ): Promise<boolean> {
    return this.deps.db
      .transaction()
      .execute(async (trx) => {
        const credit = ledgerCreditFor(payment, received);
        if (credit) {
          const posting = {
            merchantId: payment.merchantId,
            payeeAddress: payment.payeeAddress,
            currency: payment.currency,
            kind: credit.kind,
            referenceId: payment.id,
            amount: credit.amount,
          };
          if ((await this.deps.ledger.post(trx, posting)) && credit.amount > 0n) await this.onCredited(trx, posting);
        }
        await this.closeTransfers(trx, transfers, tip);
        const done = await this.deps.payments.advancePaymentIn(
          trx,
          payment.id,
          { to: 'completed', confirmations, amountReceived: received },
          ACTOR,
        );
        if (!done.ok) throw new CollectionConflict(done.error.detail);
        const expected = amountExpected(payment);
        if (received > expected) {
          const sender = transfers[0]?.from ?? '';
          await this.onOverpaid(trx, done.value, received - expected, sender);
        }
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof CollectionConflict) return false;
        throw error;
      });
  }

  /** Credits a transfer to its payment inside the recording transaction; returns why not, or null when done. */
  private async credit(
    trx: Transaction<DB>,
    payment: Payment,
    observed: ObservedTransfer,
    late: boolean,
    confirmations: number,
    source: RecordSource,
  ): Promise<string | null> {
    const received = payment.amountReceived + observed.amount;
    const wasLate = late || payment.exception === 'paid_late';
    const exception = exceptionFor(amountExpected(payment), received, this.deps.config.underpaymentTolerance, wasLate);
    const context = { actor: `system:${source}`, requestId: null };
    if (payment.status === 'pending' || payment.status === 'cancelled') {
      await this.nextStepTime();
      const moved = await this.deps.payments.advancePaymentIn(
        trx,
        payment.id,
        { to: 'processing', transactionId: observed.txId, amountReceived: received, confirmations, exception },
        context,
      );
      return moved.ok
        ? null
        : moved.error.code === 'conflict'
          ? this.conflict(moved.error.detail)
          : `not_creditable: ${moved.error.detail}`;
    }
    const progressed = await this.deps.payments.recordProgressIn(
      trx,
      payment.id,
      { amountReceived: received, exception, ...(payment.transactionId === null ? { transactionId: observed.txId } : {}) },
      { ...context, action: 'payment.credited' },
    );
    return progressed.ok ? null : this.conflict(progressed.error.detail);
  }

  private conflict(detail: string): never {
    throw new CollectionConflict(detail);
  }

  /**
   * Which payment a transfer is for. A deposit address names its payment (the one holding it at the
   * transfer's block time, once addresses are reused); a direct transfer is matched by its unique amount
   * (no payer given) or by (payer, payee), asset and time. The payment rows are locked on PostgreSQL so
   * the decision holds.
   */
  private async decide(trx: Transaction<DB>, t: ObservedTransfer, hotWallets: ReadonlySet<string>): Promise<Decision> {
    // a contract the configuration does not name credits nothing, whatever symbol it claims
    const unknownToken = !this.deps.config.assets.has(t.asset);
    const payment = holderAt(await this.deps.repository.depositHoldersForUpdate(trx, t.to), t.blockTimestamp);
    if (payment) {
      if (hotWallets.has(t.from)) return { match: 'internal', payment, note: 'sweep_fuel' };
      if (payment.method !== 'payment_gateway') return { match: 'unmatched', payment, note: 'not_a_collection' };
      if (unknownToken) return { match: 'unmatched', payment, note: 'unknown_token' };
      if (payment.currency !== t.asset) return { match: 'unmatched', payment, note: 'wrong_asset' };
      return this.byStatus(payment, 'deposit', t);
    }
    // by unique amount: exact amount, this payee, this asset, sent after the payment was created
    const byAmount = unknownToken
      ? []
      : (await this.deps.repository.byUniqueAmountForUpdate(trx, t.to, t.asset, t.amount)).filter((p) => p.createdAt <= t.blockTimestamp);
    const openByAmount = byAmount.find((p) => p.status === 'pending' || p.status === 'processing' || p.status === 'confirmed');
    if (openByAmount) return this.byStatus(openByAmount, 'direct', t);
    const candidates = await this.deps.repository.directTransfersForUpdate(trx, t.to, t.from);
    if (candidates.length === 0) {
      // the newest payment that held this amount, if it expired: late within the window
      const newest = byAmount[0];
      return newest ? this.byStatus(newest, 'direct', t) : { match: 'unmatched', payment: null, note: 'unknown_payment' };
    }
    if (unknownToken) return { match: 'unmatched', payment: candidates[0] ?? null, note: 'unknown_token' };
    const inTime = candidates.filter((p) => p.createdAt <= t.blockTimestamp);
    if (inTime.length === 0) return { match: 'unmatched', payment: candidates[0] ?? null, note: 'before_created_at' };
    const sameAsset = inTime.filter((p) => p.currency === t.asset);
    if (sameAsset.length === 0) return { match: 'unmatched', payment: inTime[0] ?? null, note: 'wrong_asset' };
    // the oldest one still short of its amount, else the oldest open one, else the newest expired one
    const open = sameAsset.filter((p) => p.status === 'pending' || p.status === 'processing' || p.status === 'confirmed');
    const short = open.find((p) => p.amountReceived < p.amount);
    if (short) return this.byStatus(short, 'direct', t);
    if (open[0]) return this.byStatus(open[0], 'direct', t);
    const expired = sameAsset.filter((p) => p.status === 'cancelled' && p.cancelReason === 'expired');
    const newestExpired = expired[expired.length - 1];
    if (newestExpired) return this.byStatus(newestExpired, 'direct', t);
    return { match: 'unmatched', payment: sameAsset[sameAsset.length - 1] ?? null, note: 'payment_final' };
  }

  private byStatus(payment: Payment, match: 'deposit' | 'direct', t: ObservedTransfer): Decision {
    if (payment.status === 'pending' || payment.status === 'processing' || payment.status === 'confirmed')
      return { match, payment, note: null };
    if (payment.status === 'cancelled' && payment.cancelReason === 'expired') {
      const window = this.deps.config.raw.payment_processing.late_payment_window_days;
      return withinLateWindow(payment, t.blockTimestamp, window)
        ? { match: 'late', payment, note: null }
        : { match: 'unmatched', payment, note: 'late_window_passed' };
    }
    return { match: 'unmatched', payment, note: 'payment_final' };
  }

  /** Every counted transfer of a payment passes the solidity node's check: present, same block, successful. */
  private async verifiedOnSolidity(transfers: readonly StoredTransfer[]): Promise<boolean> {
    for (const t of transfers) {
      if (t.status === 'final') continue;
      const info = await this.deps.client.getTransactionInfoById(t.txId, { solid: true });
      if (!info || Number(info.blockNumber) !== t.blockNumber || info.failed) return false;
      // a token transfer (a log) or TRX a contract forwarded also needs its contract call to have succeeded
      if (t.logIndex !== -1 && info.receipt.result !== 'SUCCESS') return false;
    }
    return true;
  }

  /** Confirmations and seen → confirmed of a payment's open transfers. */
  private async refreshTransfers(transfers: readonly StoredTransfer[], tip: ChainTip, required: number): Promise<void> {
    const now = this.deps.clock.now();
    for (const t of transfers) {
      if (t.status === 'final') continue;
      const confirmations = confirmationsOf(tip.head, t.blockNumber);
      const status = confirmations >= required ? 'confirmed' : 'seen';
      if (confirmations === t.confirmations && status === t.status) continue;
      await this.deps.db.updateTable('chain_transfers').set({ confirmations, status, updated_at: now }).where('id', '=', t.id).execute();
    }
  }

  private async closeTransfers(executor: Kysely<DB> | Transaction<DB>, transfers: readonly StoredTransfer[], tip: ChainTip): Promise<void> {
    const ids = transfers.filter((t) => t.status !== 'final' && t.blockNumber <= tip.solid).map((t) => t.id);
    if (ids.length === 0) return;
    const now = this.deps.clock.now();
    for (const t of transfers) {
      if (!ids.includes(t.id)) continue;
      await executor
        .updateTable('chain_transfers')
        .set({ status: 'final', confirmations: confirmationsOf(tip.head, t.blockNumber), updated_at: now })
        .where('id', '=', t.id)
        .execute();
    }
  }

  private async countedTransfers(executor: Kysely<DB> | Transaction<DB>, paymentId: string): Promise<StoredTransfer[]> {
    const rows = await executor
      .selectFrom('chain_transfers')
      .selectAll()
      .where('payment_id', '=', paymentId)
      .where('match', 'in', COUNTED)
      .where('status', '!=', 'dropped')
      .orderBy('block_number')
      .orderBy('log_index')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      txId: r.tx_id,
      logIndex: Number(r.log_index),
      blockNumber: Number(r.block_number),
      asset: r.asset as Asset,
      from: r.from_address,
      amount: BigInt(r.amount),
      status: r.status,
      confirmations: Number(r.confirmations),
    }));
  }

  private async findPayment(executor: Kysely<DB> | Transaction<DB>, id: string): Promise<Payment | null> {
    return this.deps.repository.findById(executor, id);
  }

  private async findStored(executor: Kysely<DB> | Transaction<DB>, txId: string, logIndex: number): Promise<StoredRecord | null> {
    const row = await executor
      .selectFrom('chain_transfers')
      .select(['id', 'payment_id', 'match', 'note', 'status', 'block_number'])
      .where('tx_id', '=', txId)
      .where('log_index', '=', logIndex)
      .executeTakeFirst();
    if (!row) return null;
    const { id, payment_id, match, note, status, block_number } = row;
    return { transferId: id, paymentId: payment_id, match: match as TransferMatch, note, status, blockNumber: Number(block_number) };
  }

  /**
   * Status events of one payment sort by their outbox timestamp (then a random id): two steps in the same
   * millisecond could be delivered out of order. Waits (briefly, bounded for fixed test clocks) until the
   * clock has moved past the previous step.
   */
  private async nextStepTime(): Promise<void> {
    const deadline = Date.now() + STEP_CLOCK_WAIT_MS;
    while (this.deps.clock.now() <= this.lastStepAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    this.lastStepAt = this.deps.clock.now();
  }
}

/** A stored transfer as recordIn needs it: its result fields, its status and block. */
type StoredRecord = Omit<RecordResult, 'outcome'> & { status: string; blockNumber: number };

function resultOf(stored: StoredRecord): Omit<RecordResult, 'outcome'> {
  const { status: _status, blockNumber: _block, ...result } = stored;
  return result;
}

/** The audit view of a recorded transfer (amounts as decimal strings of base units, never numbers). */
function transferView(t: ObservedTransfer, result: RecordResult): Record<string, unknown> {
  return {
    tx_id: t.txId,
    log_index: t.logIndex,
    block_number: t.blockNumber,
    asset: t.asset,
    from: t.from,
    to: t.to,
    amount: t.amount.toString(),
    payment_id: result.paymentId,
    match: result.match,
    note: result.note,
  };
}

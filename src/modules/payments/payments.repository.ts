/** Storage of payments and their history; the same queries on SQLite and PostgreSQL. */
import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import { type InsertTarget, insertRows } from '../../db/bulk-insert.js';
import { updateRows } from '../../db/bulk-update.js';
import type { Engine } from '../../db/database.js';
import { afterKeyset } from '../../db/keyset.js';
import type { DB } from '../../db/schema.js';
import type { Asset } from '../../shared/money.js';
import type { UniqueAmountClaim } from './creation-plan.js';
import { FINAL_STATUSES, type HistoryEntry, type NewHistoryEntry, type Payment, type PaymentStatus } from './payment.js';
import { paymentToRow, rowToHistory, rowToPayment } from './payment.row.js';
import { claimKey } from './unique-amount.js';

export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Rows per multi-row INSERT. A fixed size means the same few statements are prepared once and reused
 * (payments have 43 columns; SQLite allows 32,766 variables per statement, PostgreSQL 65,535).
 */
const INSERT_CHUNK = 64;
/** Ids per locking read (findManyForUpdate). */
const LOCK_CHUNK = 500;

export interface PaymentFilters {
  status?: PaymentStatus;
  method?: string;
  priority?: string;
  currency?: string;
  referenceId?: string;
  /** deposit, payer or payee address */
  address?: string;
  /** chain transaction id, lowercase hex */
  transactionId?: string;
  batchId?: string;
  createdFrom?: number;
  createdTo?: number;
}

export interface PaymentPage {
  payments: Payment[];
  hasMore: boolean;
}

/** A deposit address as the balance reconciliation sees it (`depositAddressPage`). */
export interface DepositAddressSummary {
  address: string;
  /** the merchant of its newest payment */
  merchantId: string;
  /** a payment on it is not final yet: funds may still arrive */
  open: boolean;
  /** each asset its payments were in, with the newest payment in it */
  assets: Array<{ asset: Asset; paymentId: string }>;
}

export class PaymentsRepository {
  constructor(private readonly engine: Engine) {}

  async insert(executor: InsertTarget, payments: readonly Payment[]): Promise<void> {
    await insertRows(executor, 'payments', payments.map(paymentToRow), { chunk: INSERT_CHUNK });
  }

  async appendHistory(executor: InsertTarget, entries: readonly NewHistoryEntry[]): Promise<void> {
    await insertRows(
      executor,
      'payment_history',
      entries.map((e) => ({
        payment_id: e.paymentId,
        seq: e.seq,
        from_status: e.from,
        to_status: e.to,
        reason: e.reason,
        actor: e.actor,
        at: e.at,
      })),
      { chunk: INSERT_CHUNK },
    );
  }

  /** A payment of this merchant; another merchant's id reads as absent. */
  async find(executor: Executor, merchantId: string, id: string): Promise<Payment | null> {
    const row = await executor
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', id)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    return row ? rowToPayment(row) : null;
  }

  /** Same as find, locking the row until the transaction ends on PostgreSQL (SQLite has one writer anyway). */
  async findForUpdate(trx: Transaction<DB>, merchantId: string, id: string): Promise<Payment | null> {
    let query = trx.selectFrom('payments').selectAll().where('id', '=', id).where('merchant_id', '=', merchantId);
    if (this.engine === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? rowToPayment(row) : null;
  }

  /**
   * Payments by id (any merchant), read in id order and locked until the transaction ends on PostgreSQL:
   * two transactions locking overlapping sets this way never wait for each other in a cycle.
   */
  async findManyForUpdate(trx: Transaction<DB>, ids: readonly string[]): Promise<Map<string, Payment>> {
    const out = new Map<string, Payment>();
    const sorted = [...new Set(ids)].sort();
    for (let i = 0; i < sorted.length; i += LOCK_CHUNK) {
      let query = trx
        .selectFrom('payments')
        .selectAll()
        .where('id', 'in', sorted.slice(i, i + LOCK_CHUNK))
        .orderBy('id');
      if (this.engine === 'postgres') query = query.forUpdate();
      for (const row of await query.execute()) out.set(row.id, rowToPayment(row));
    }
    return out;
  }

  async findById(executor: Executor, id: string): Promise<Payment | null> {
    const row = await executor.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToPayment(row) : null;
  }

  /**
   * Every payment that has held this deposit address (one, or more once addresses are reused), oldest
   * first, locked until the transaction ends on PostgreSQL (collections).
   */
  async depositHoldersForUpdate(trx: Transaction<DB>, depositAddress: string): Promise<Payment[]> {
    let query = trx.selectFrom('payments').selectAll().where('deposit_address', '=', depositAddress).orderBy('created_at').orderBy('id');
    if (this.engine === 'postgres') query = query.forUpdate();
    return (await query.execute()).map(rowToPayment);
  }

  /** `direct_transfer` payments from this payer to this payee, oldest first, locked on PostgreSQL (collections). */
  async directTransfersForUpdate(trx: Transaction<DB>, payeeAddress: string, payerAddress: string): Promise<Payment[]> {
    let query = trx
      .selectFrom('payments')
      .selectAll()
      .where('payee_address', '=', payeeAddress)
      .where('payer_address', '=', payerAddress)
      .where('payment_method', '=', 'direct_transfer')
      .orderBy('created_at')
      .orderBy('id');
    if (this.engine === 'postgres') query = query.forUpdate();
    return (await query.execute()).map(rowToPayment);
  }

  /**
   * `direct_transfer` payments without a payer whose unique amount is `amount`, to this payee in this
   * asset, newest first, locked on PostgreSQL (collections). At most one of them is open.
   */
  async byUniqueAmountForUpdate(trx: Transaction<DB>, payeeAddress: string, asset: string, amount: bigint): Promise<Payment[]> {
    let query = trx
      .selectFrom('payments')
      .selectAll()
      .where('payee_address', '=', payeeAddress)
      .where('amount_due', '=', amount)
      .where('currency', '=', asset)
      .where('payment_method', '=', 'direct_transfer')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc');
    if (this.engine === 'postgres') query = query.forUpdate();
    return (await query.execute()).map(rowToPayment);
  }

  /** The amounts open unique-amount payments hold, per claimKey of these (payee, asset) pairs. */
  async claimedAmounts(executor: Executor, keys: ReadonlyArray<{ payeeAddress: string; asset: Asset }>): Promise<Map<string, Set<bigint>>> {
    const out = new Map<string, Set<bigint>>();
    for (const { payeeAddress, asset } of keys) {
      const rows = await executor
        .selectFrom('unique_amount_claims')
        .select('amount')
        .where('payee_address', '=', payeeAddress)
        .where('asset', '=', asset)
        .execute();
      out.set(claimKey(payeeAddress, asset), new Set(rows.map((r) => BigInt(r.amount))));
    }
    return out;
  }

  /**
   * Claims the unique amounts with the payments' rows. The primary key (payee, asset, amount) is what
   * makes a collision impossible: a concurrent claim of the same amount fails this insert, and the
   * create pipeline writes its group again (isUniqueAmountConflict).
   */
  async claimUniqueAmounts(executor: InsertTarget, claims: readonly UniqueAmountClaim[], now: number): Promise<void> {
    await insertRows(
      executor,
      'unique_amount_claims',
      claims.map((c) => ({ payee_address: c.payeeAddress, asset: c.asset, amount: c.amount, payment_id: c.paymentId, claimed_at: now })),
      { chunk: INSERT_CHUNK },
    );
  }

  /** A payment that became final frees its unique amount (expired, cancelled, completed, failed). */
  private async releaseUniqueAmounts(executor: Executor, changes: ReadonlyArray<{ before: Payment; after: Payment }>): Promise<void> {
    const ids = changes
      .filter(({ before, after }) => after.amountDue != null && FINAL_STATUSES.has(after.status) && !FINAL_STATUSES.has(before.status))
      .map(({ after }) => after.id);
    if (ids.length === 0) return;
    await executor.deleteFrom('unique_amount_claims').where('payment_id', 'in', ids).execute();
  }

  /**
   * Ids of pending payouts (`route`, not awaiting approval) that have no payout send yet, oldest first.
   * Reads `chain_sends` in a NOT EXISTS: one query, so the payout sweep stays a single index walk.
   */
  async payoutsWithoutSend(executor: Executor, limit: number): Promise<string[]> {
    const rows = await executor
      .selectFrom('payments')
      .select('id')
      .where('payment_method', '=', 'route')
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('approval_status', 'is', null), eb('approval_status', '!=', 'required')]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('chain_sends')
              .select('chain_sends.id')
              .where('chain_sends.purpose', '=', 'payout')
              .whereRef('chain_sends.owner_id', '=', 'payments.id'),
          ),
        ),
      )
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Deposit addresses of `payment_gateway` payments created since `since`, newest first, at most `limit` (reconciliation). */
  /**
   * One page of the deposit addresses ever assigned to a collection, in address order after `after`
   * (keyset on the `payments_deposit_address` index), each with what the balance reconciliation needs:
   * the merchant of its newest payment, whether a payment on it is still open, and per asset its newest
   * payment. An address serves several payments only when reused, so a page stays small.
   */
  async depositAddressPage(executor: Executor, after: string | null, limit: number): Promise<DepositAddressSummary[]> {
    let page = executor
      .selectFrom('payments')
      .select('deposit_address')
      .distinct()
      .where('payment_method', '=', 'payment_gateway')
      .where('deposit_address', 'is not', null);
    if (after !== null) page = page.where('deposit_address', '>', after);
    const addresses = (await page.orderBy('deposit_address').limit(limit).execute()).map((r) => r.deposit_address as string);
    if (addresses.length === 0) return [];
    const rows = await executor
      .selectFrom('payments')
      .select(['id', 'merchant_id', 'deposit_address', 'currency', 'status', 'created_at'])
      .where('payment_method', '=', 'payment_gateway')
      .where('deposit_address', 'in', addresses)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const byAddress = new Map<string, DepositAddressSummary>(
      addresses.map((address) => [address, { address, merchantId: '', open: false, assets: [] }]),
    );
    // oldest first: the newest payment is the last one written over each field
    for (const r of rows) {
      const summary = byAddress.get(r.deposit_address as string) as DepositAddressSummary;
      summary.merchantId = r.merchant_id;
      summary.open ||= !FINAL_STATUSES.has(r.status as PaymentStatus);
      const asset = summary.assets.find((a) => a.asset === r.currency);
      if (asset) asset.paymentId = r.id;
      else summary.assets.push({ asset: r.currency as Asset, paymentId: r.id });
    }
    return [...byAddress.values()];
  }

  /** Locks these payments in id order (PostgreSQL; SQLite has one writer), so two workers never deadlock on them. */
  async lockInIdOrder(trx: Transaction<DB>, ids: readonly string[]): Promise<void> {
    if (this.engine !== 'postgres' || ids.length === 0) return;
    await trx.selectFrom('payments').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
  }

  /**
   * Stores `after` if the row still has `before`'s version (optimistic lock), and appends its history
   * entry. Returns false when someone else changed the payment first.
   */
  async update(
    executor: Executor,
    before: Payment,
    after: Payment,
    history: { reason: string | null; actor: string | null },
  ): Promise<boolean> {
    const { id: _id, created_at: _created, merchant_id: _merchant, ...changes } = paymentToRow(after);
    const result = await executor
      .updateTable('payments')
      .set(changes)
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) return false;
    await this.releaseUniqueAmounts(executor, [{ before, after }]);
    await this.appendHistory(executor, [
      {
        paymentId: after.id,
        seq: after.version,
        from: before.status,
        to: after.status,
        reason: history.reason,
        actor: history.actor,
        at: after.updatedAt,
      },
    ]);
    return true;
  }

  /**
   * update() for many payments in one go: each row is stored if it still has its `before` version, and
   * the history entries of all stored ones are appended in one insert. Returns the ids stored.
   */
  async updateMany(
    executor: Executor,
    changes: ReadonlyArray<{ before: Payment; after: Payment; history: { reason: string | null; actor: string | null } }>,
  ): Promise<Set<string>> {
    let stored = new Set<string>();
    if (changes.every(({ before, after }) => after.version === before.version + 1)) {
      // one statement for all rows (PostgreSQL): the columns any of them changes, each row's new values
      const columns = new Set<string>(['version', 'updated_at']);
      const rows = changes.map(({ before, after }) => {
        const old = paymentToRow(before) as Record<string, unknown>;
        const row = paymentToRow(after) as Record<string, unknown>;
        for (const [column, value] of Object.entries(row)) if (String(value) !== String(old[column])) columns.add(column);
        return row;
      });
      for (const fixed of ['id', 'created_at', 'merchant_id']) columns.delete(fixed);
      stored = new Set((await updateRows(executor, 'payments', [...columns], rows, { nextVersion: true })).keys());
    } else {
      for (const { before, after } of changes) {
        const { id: _id, created_at: _created, merchant_id: _merchant, ...row } = paymentToRow(after);
        const result = await executor
          .updateTable('payments')
          .set(row)
          .where('id', '=', before.id)
          .where('version', '=', before.version)
          .executeTakeFirst();
        if (result.numUpdatedRows === 1n) stored.add(before.id);
      }
    }
    await this.releaseUniqueAmounts(
      executor,
      changes.filter(({ before }) => stored.has(before.id)),
    );
    await this.appendHistory(
      executor,
      changes
        .filter(({ before }) => stored.has(before.id))
        .map(({ before, after, history }) => ({
          paymentId: after.id,
          seq: after.version,
          from: before.status,
          to: after.status,
          reason: history.reason,
          actor: history.actor,
          at: after.updatedAt,
        })),
    );
    return stored;
  }

  /** Same as update, for a change that is not a lifecycle step (no history entry). */
  async updateWithoutHistory(executor: Executor, before: Payment, after: Payment): Promise<boolean> {
    const { id: _id, created_at: _created, merchant_id: _merchant, ...changes } = paymentToRow(after);
    const result = await executor
      .updateTable('payments')
      .set(changes)
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) return false;
    await this.releaseUniqueAmounts(executor, [{ before, after }]);
    return true;
  }

  /** Who created the payment: the actor of its first history entry (`key_…`, `cli:…`, `system:…`). */
  async creator(executor: Executor, paymentId: string): Promise<string | null> {
    const row = await executor
      .selectFrom('payment_history')
      .select('actor')
      .where('payment_id', '=', paymentId)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    return row?.actor ?? null;
  }

  async history(executor: Executor, paymentId: string): Promise<HistoryEntry[]> {
    const rows = await executor.selectFrom('payment_history').selectAll().where('payment_id', '=', paymentId).orderBy('seq').execute();
    return rows.map(rowToHistory);
  }

  /** Newest first; `after` is the last payment of the previous page. */
  async list(executor: Executor, merchantId: string, filters: PaymentFilters, limit: number, after?: Payment): Promise<PaymentPage> {
    let query = executor.selectFrom('payments').selectAll().where('merchant_id', '=', merchantId).where(matching(filters));
    if (after) query = query.where(afterKeyset('desc', after));
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return { payments: rows.slice(0, limit).map(rowToPayment), hasMore: rows.length > limit };
  }

  /** How many payments `list` pages through with these filters (all pages). */
  async count(executor: Executor, merchantId: string, filters: PaymentFilters): Promise<number> {
    const row = await executor
      .selectFrom('payments')
      .select((eb) => eb.fn.countAll<bigint | number | string>().as('n'))
      .where('merchant_id', '=', merchantId)
      .where(matching(filters))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Each payment's version (rows that changed since the caller last looked have a higher one). */
  async versions(executor: Executor, ids: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < ids.length; i += LOCK_CHUNK) {
      const rows = await executor
        .selectFrom('payments')
        .select(['id', 'version'])
        .where('id', 'in', ids.slice(i, i + LOCK_CHUNK))
        .execute();
      for (const row of rows) out.set(row.id, Number(row.version));
    }
    return out;
  }

  /** A merchant's payments created through one payment link, newest first. */
  async listByPaymentLink(
    executor: Executor,
    merchantId: string,
    paymentLinkId: string,
    limit: number,
    after?: Payment,
  ): Promise<PaymentPage> {
    let query = executor
      .selectFrom('payments')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('payment_link_id', '=', paymentLinkId);
    if (after) query = query.where(afterKeyset('desc', after));
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return { payments: rows.slice(0, limit).map(rowToPayment), hasMore: rows.length > limit };
  }

  async countByStatus(executor: Executor): Promise<Array<{ status: string; method: string; count: number }>> {
    const rows = await executor
      .selectFrom('payments')
      .select((eb) => ['status', 'payment_method', eb.fn.countAll<bigint>().as('count')])
      .groupBy(['status', 'payment_method'])
      .execute();
    return rows.map((r) => ({ status: r.status, method: r.payment_method, count: Number(r.count) }));
  }

  /** How many of a batch's payments are in each status (the batch's live counts). */
  async batchStatusCounts(executor: Executor, batchId: string): Promise<Record<string, number>> {
    const rows = await executor
      .selectFrom('payments')
      .select((eb) => ['status', eb.fn.countAll<bigint>().as('count')])
      .where('batch_id', '=', batchId)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }
}

/** The payments these filters keep (all of them when none is set). */
function matching(filters: PaymentFilters) {
  return (eb: ExpressionBuilder<DB, 'payments'>) => {
    const kept: Expression<SqlBool>[] = [];
    if (filters.status) kept.push(eb('status', '=', filters.status));
    if (filters.method) kept.push(eb('payment_method', '=', filters.method));
    if (filters.priority) kept.push(eb('priority', '=', filters.priority));
    if (filters.currency) kept.push(eb('currency', '=', filters.currency));
    if (filters.referenceId) kept.push(eb('reference_id', '=', filters.referenceId));
    if (filters.address) {
      const address = filters.address;
      kept.push(eb.or([eb('deposit_address', '=', address), eb('payer_address', '=', address), eb('payee_address', '=', address)]));
    }
    if (filters.transactionId) kept.push(eb('transaction_id', '=', filters.transactionId));
    if (filters.batchId) kept.push(eb('batch_id', '=', filters.batchId));
    if (filters.createdFrom !== undefined) kept.push(eb('created_at', '>=', filters.createdFrom));
    if (filters.createdTo !== undefined) kept.push(eb('created_at', '<', filters.createdTo));
    return eb.and(kept);
  };
}

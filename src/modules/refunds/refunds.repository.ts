/** Storage of refunds; the same queries on SQLite and PostgreSQL. */
import type { Kysely, Transaction } from 'kysely';
import { moneySum } from '../../db/money-sql.js';
import type { DB } from '../../db/schema.js';
import { ACTIVE_REFUND_STATUSES, type Refund, type RefundStatus, rowToRefund } from './refund.js';
import { OPEN_REFUND_STATUSES } from './refund-lifecycle.js';

export type Executor = Kysely<DB> | Transaction<DB>;

export class RefundsRepository {
  async insert(executor: Executor, refund: Refund): Promise<void> {
    await executor
      .insertInto('refunds')
      .values({
        id: refund.id,
        merchant_id: refund.merchantId,
        payment_id: refund.paymentId,
        currency: refund.currency,
        amount: refund.amount,
        status: refund.status,
        reason: refund.reason,
        refund_address: refund.refundAddress,
        transaction_id: refund.transactionId,
        network_fee: refund.networkFee,
        failure_reason: refund.failureReason,
        created_at: refund.createdAt,
        updated_at: refund.updatedAt,
        completed_at: refund.completedAt,
        origin: refund.origin,
        actor: refund.actor,
        flagged: refund.flagged ? 1 : 0,
      })
      .execute();
  }

  /** A refund of this merchant; another merchant's id reads as absent. */
  async find(executor: Executor, merchantId: string, id: string): Promise<Refund | null> {
    const row = await executor
      .selectFrom('refunds')
      .selectAll()
      .where('id', '=', id)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    return row ? rowToRefund(row) : null;
  }

  async findById(executor: Executor, id: string): Promise<Refund | null> {
    const row = await executor.selectFrom('refunds').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToRefund(row) : null;
  }

  /** Sum of a payment's refunds in the given statuses (default: every one that is not failed). */
  async sumFor(
    executor: Executor,
    paymentId: string,
    statuses: readonly RefundStatus[] = ACTIVE_REFUND_STATUSES,
    origin?: Refund['origin'],
  ): Promise<bigint> {
    let query = executor
      .selectFrom('refunds')
      .select(moneySum('amount').as('total'))
      .where('payment_id', '=', paymentId)
      .where('status', 'in', [...statuses]);
    if (origin !== undefined) query = query.where('origin', '=', origin);
    const row = await query.executeTakeFirst();
    return row?.total === null || row?.total === undefined ? 0n : BigInt(row.total);
  }

  async listForPayment(executor: Executor, paymentId: string): Promise<Refund[]> {
    const rows = await executor.selectFrom('refunds').selectAll().where('payment_id', '=', paymentId).orderBy('created_at').execute();
    return rows.map(rowToRefund);
  }

  /** Moves a refund from one of `from` to `changes.status`; false when it was no longer in `from`. */
  async update(
    executor: Executor,
    id: string,
    from: readonly RefundStatus[],
    changes: Partial<Pick<Refund, 'status' | 'transactionId' | 'networkFee' | 'failureReason' | 'completedAt' | 'flagged'>> & {
      updatedAt: number;
    },
  ): Promise<boolean> {
    const result = await executor
      .updateTable('refunds')
      .set({
        updated_at: changes.updatedAt,
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        ...(changes.transactionId !== undefined ? { transaction_id: changes.transactionId } : {}),
        ...(changes.networkFee !== undefined ? { network_fee: changes.networkFee } : {}),
        ...(changes.failureReason !== undefined ? { failure_reason: changes.failureReason } : {}),
        ...(changes.completedAt !== undefined ? { completed_at: changes.completedAt } : {}),
        ...(changes.flagged !== undefined ? { flagged: changes.flagged ? 1 : 0 } : {}),
      })
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Open refunds created before `before` and not flagged yet, oldest first (the timeout sweep). */
  async openBefore(executor: Executor, before: number, limit: number): Promise<Refund[]> {
    const rows = await executor
      .selectFrom('refunds')
      .selectAll()
      .where('status', 'in', [...OPEN_REFUND_STATUSES])
      .where('created_at', '<', before)
      .where((eb) => eb.or([eb('flagged', 'is', null), eb('flagged', '=', 0)]))
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map(rowToRefund);
  }
}

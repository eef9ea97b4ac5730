/** Storage of reconciliation results; the same queries on SQLite and PostgreSQL. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { afterKeyset } from '../../db/keyset.js';
import type { DB, ReconciliationsTable } from '../../db/schema.js';
import type { Discrepancy, ReconciliationOutcome, ReconciliationStatus } from './reconciliation.js';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface ReconciliationRecord {
  id: string;
  merchantId: string | null;
  paymentId: string | null;
  kind: 'payment' | 'balances';
  trigger: 'api' | 'background';
  status: ReconciliationStatus;
  outcome: ReconciliationOutcome;
  externalTransactionId: string | null;
  notes: string | null;
  checks: Record<string, unknown>;
  discrepancies: Discrepancy[];
  actor: string;
  createdAt: number;
}

function toRecord(row: Selectable<ReconciliationsTable>): ReconciliationRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    paymentId: row.payment_id,
    kind: row.kind as ReconciliationRecord['kind'],
    trigger: row.trigger as ReconciliationRecord['trigger'],
    status: row.status as ReconciliationStatus,
    outcome: row.outcome as ReconciliationOutcome,
    externalTransactionId: row.external_transaction_id,
    notes: row.notes,
    checks: JSON.parse(row.checks) as Record<string, unknown>,
    discrepancies: JSON.parse(row.discrepancies) as Discrepancy[],
    actor: row.actor,
    createdAt: Number(row.created_at),
  };
}

export interface ReconciliationFilters {
  paymentId?: string;
  status?: ReconciliationStatus;
  outcome?: ReconciliationOutcome;
}

export class ReconciliationsRepository {
  async insert(executor: Executor, record: ReconciliationRecord): Promise<void> {
    await executor
      .insertInto('reconciliations')
      .values({
        id: record.id,
        merchant_id: record.merchantId,
        payment_id: record.paymentId,
        kind: record.kind,
        trigger: record.trigger,
        status: record.status,
        outcome: record.outcome,
        external_transaction_id: record.externalTransactionId,
        notes: record.notes,
        checks: JSON.stringify(record.checks),
        discrepancies: JSON.stringify(record.discrepancies),
        actor: record.actor,
        created_at: record.createdAt,
      })
      .execute();
  }

  async find(executor: Executor, merchantId: string, id: string): Promise<ReconciliationRecord | null> {
    const row = await executor
      .selectFrom('reconciliations')
      .selectAll()
      .where('id', '=', id)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** A merchant's payment reconciliations, newest first; `after` is the last one of the previous page. */
  async list(
    executor: Executor,
    merchantId: string,
    filters: ReconciliationFilters,
    limit: number,
    after?: ReconciliationRecord,
  ): Promise<{ records: ReconciliationRecord[]; hasMore: boolean }> {
    let query = executor.selectFrom('reconciliations').selectAll().where('merchant_id', '=', merchantId);
    if (filters.paymentId) query = query.where('payment_id', '=', filters.paymentId);
    if (filters.status) query = query.where('status', '=', filters.status);
    if (filters.outcome) query = query.where('outcome', '=', filters.outcome);
    if (after) {
      query = query.where(afterKeyset('desc', after));
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return { records: rows.slice(0, limit).map(toRecord), hasMore: rows.length > limit };
  }

  async latestBalances(executor: Executor): Promise<ReconciliationRecord | null> {
    const row = await executor
      .selectFrom('reconciliations')
      .selectAll()
      .where('kind', '=', 'balances')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /**
   * Completed payments of the lookback window that have a transaction and no `verified` or `credited`
   * result since they completed (final-verified), oldest first.
   */
  async unverifiedCompleted(executor: Executor, since: number, limit: number): Promise<Array<{ id: string; merchantId: string }>> {
    const rows = await executor
      .selectFrom('payments as p')
      .select(['p.id', 'p.merchant_id'])
      .where('p.status', '=', 'completed')
      .where('p.completed_at', '>=', since)
      .where((eb) =>
        eb.or([
          eb('p.transaction_id', 'is not', null),
          eb.exists(eb.selectFrom('chain_transfers as t').select('t.id').whereRef('t.payment_id', '=', 'p.id')),
        ]),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('reconciliations as r')
              .select('r.id')
              .whereRef('r.payment_id', '=', 'p.id')
              .where('r.outcome', 'in', ['verified', 'credited'])
              .whereRef('r.created_at', '>=', 'p.completed_at'),
          ),
        ),
      )
      .orderBy('p.completed_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, merchantId: r.merchant_id }));
  }
}

/**
 * Storage side of reports: grouped aggregates over a merchant's payments, refunds and settlements in a
 * range, the `reports` rows, and the payments of a report read in keyset-paginated chunks so that a
 * download never holds the whole range in memory.
 */
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { afterKeyset } from '../../db/keyset.js';
import { moneySum } from '../../db/money-sql.js';
import type { DB, ReportsTable } from '../../db/schema.js';
import { PAYMENT_CSV_COLUMNS } from '../../shared/catalogues/payment-csv-columns.js';
import type { MovementGroup, PaymentGroup } from './report-summary.js';

export type Executor = Kysely<DB> | Transaction<DB>;
export type ReportRecord = Selectable<ReportsTable>;

/** Which payments: one merchant's, created in [startAt, endAt), with one of `statuses` (null: any). */
export interface PaymentScope {
  merchantId: string;
  startAt: number;
  endAt: number;
  statuses: readonly string[] | null;
}

/** One line of a report download. */
export interface ReportRow {
  id: string;
  createdAt: number;
  status: string;
  method: string;
  priority: string;
  currency: string;
  amount: bigint;
  fee: bigint;
  netAmount: bigint;
  payerAddress: string | null;
  payeeAddress: string;
  referenceId: string | null;
  transactionId: string | null;
  completedAt: number | null;
}

export const DOWNLOAD_CHUNK_ROWS = 500;

function scopedPayments(executor: Executor, scope: PaymentScope) {
  let query = executor
    .selectFrom('payments')
    .where('merchant_id', '=', scope.merchantId)
    .where('created_at', '>=', scope.startAt)
    .where('created_at', '<', scope.endAt);
  if (scope.statuses !== null) {
    // An empty status set (a filter of only failed statuses with include_failed false) matches nothing.
    query = scope.statuses.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('status', 'in', [...scope.statuses]);
  }
  return query;
}

/** Count and exact sums per (currency, status, method, priority): at most a few hundred groups. */
export async function paymentGroups(executor: Executor, scope: PaymentScope): Promise<PaymentGroup[]> {
  const rows = await scopedPayments(executor, scope)
    .select((eb) => [
      'currency',
      'status',
      'payment_method',
      'priority',
      eb.fn.countAll<bigint>().as('n'),
      moneySum('amount').as('amount'),
      moneySum('fee').as('fee'),
      moneySum('net_amount').as('net'),
    ])
    .groupBy(['currency', 'status', 'payment_method', 'priority'])
    .execute();
  return rows.map((r) => ({
    currency: r.currency,
    status: r.status,
    method: r.payment_method,
    priority: r.priority,
    count: Number(r.n),
    amount: BigInt(r.amount),
    fee: BigInt(r.fee),
    netAmount: BigInt(r.net),
  }));
}

/** Refunds or settlements of a merchant created in [startAt, endAt), per currency and status. */
export async function movementGroups(
  executor: Executor,
  table: 'refunds' | 'settlements',
  merchantId: string,
  startAt: number,
  endAt: number,
): Promise<MovementGroup[]> {
  const rows = await executor
    .selectFrom(table)
    .select((eb) => ['currency', 'status', eb.fn.countAll<bigint>().as('n'), moneySum('amount').as('amount')])
    .where('merchant_id', '=', merchantId)
    .where('created_at', '>=', startAt)
    .where('created_at', '<', endAt)
    .groupBy(['currency', 'status'])
    .execute();
  return rows.map((r) => ({ currency: r.currency, status: r.status, count: Number(r.n), amount: BigInt(r.amount) }));
}

/** The payment columns a report row carries, in the order a CSV download writes them. */
export const REPORT_ROW_COLUMNS = PAYMENT_CSV_COLUMNS;

/** The payments in scope, oldest first, fetched `chunkRows` at a time after the last (created_at, id) seen. */
export async function* reportRows(executor: Executor, scope: PaymentScope, chunkRows = DOWNLOAD_CHUNK_ROWS): AsyncGenerator<ReportRow> {
  let after: { createdAt: number; id: string } | null = null;
  for (;;) {
    let query = scopedPayments(executor, scope).select([...REPORT_ROW_COLUMNS]);
    if (after !== null) query = query.where(afterKeyset('asc', after));
    const rows = await query.orderBy('created_at', 'asc').orderBy('id', 'asc').limit(chunkRows).execute();
    for (const r of rows) {
      yield {
        id: r.id,
        createdAt: Number(r.created_at),
        status: r.status,
        method: r.payment_method,
        priority: r.priority,
        currency: r.currency,
        amount: BigInt(r.amount),
        fee: BigInt(r.fee),
        netAmount: BigInt(r.net_amount),
        payerAddress: r.payer_address,
        payeeAddress: r.payee_address,
        referenceId: r.reference_id,
        transactionId: r.transaction_id,
        completedAt: r.completed_at === null ? null : Number(r.completed_at),
      };
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < chunkRows) return;
    after = { createdAt: Number(last.created_at), id: last.id };
  }
}

export async function insertReport(executor: Executor, row: Insertable<ReportsTable>): Promise<void> {
  await executor.insertInto('reports').values(row).execute();
}

/** A merchant's report; another merchant's id reads as unknown. */
export async function findReport(executor: Executor, merchantId: string, id: string): Promise<ReportRecord | null> {
  const row = await executor
    .selectFrom('reports')
    .selectAll()
    .where('id', '=', id)
    .where('merchant_id', '=', merchantId)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * What other modules read of `chain_transfers`, the table collections owns (issue 18: one owner per
 * table). The same queries on SQLite and PostgreSQL.
 */
import type { Kysely, Transaction } from 'kysely';
import { moneySum } from '../../db/money-sql.js';
import type { DB } from '../../db/schema.js';
import type { Asset } from '../../shared/money.js';

export type Executor = Kysely<DB> | Transaction<DB>;

/** Transfers counted towards a payment (a dropped one is not). */
const COUNTED_MATCHES = ['deposit', 'direct', 'late'];
/** Payments whose collected funds are final on their deposit address. */
const COLLECTED_STATUSES = ['completed', 'refunded'];

/** A transfer the gateway recorded for a payment. */
export interface RecordedTransferRow {
  txId: string;
  logIndex: number;
  amount: bigint;
  to: string;
  asset: string;
}

/** A final transfer onto the deposit address of a collected payment (null address/index: none assigned). */
export interface DepositCredit {
  depositAddress: string | null;
  depositIndex: number | null;
  amount: bigint;
}

export interface CollectedKey {
  merchantId: string;
  payeeAddress: string;
  currency: Asset;
}

export class TransfersRepository {
  /** The sender of the payment's first counted transfer (by block, then log index), if any. */
  async firstSenderOf(executor: Executor, paymentId: string): Promise<string | null> {
    const row = await executor
      .selectFrom('chain_transfers')
      .select('from_address')
      .where('payment_id', '=', paymentId)
      .where('match', 'in', COUNTED_MATCHES)
      .where('status', '!=', 'dropped')
      .orderBy('block_number')
      .orderBy('log_index')
      .limit(1)
      .executeTakeFirst();
    return row?.from_address ?? null;
  }

  /** The payment's counted transfers, oldest block first, at most `limit`. */
  async recordedFor(executor: Executor, paymentId: string, limit: number): Promise<RecordedTransferRow[]> {
    const rows = await executor
      .selectFrom('chain_transfers')
      .select(['tx_id', 'log_index', 'amount', 'to_address', 'asset'])
      .where('payment_id', '=', paymentId)
      .where('match', 'in', COUNTED_MATCHES)
      .where('status', '!=', 'dropped')
      .orderBy('block_number')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ txId: r.tx_id, logIndex: Number(r.log_index), amount: BigInt(r.amount), to: r.to_address, asset: r.asset }));
  }

  /**
   * Final `deposit`/`late` transfers onto the deposit addresses of this merchant's collected
   * `payment_gateway` payments to this payee in this asset: what a settlement may sweep.
   */
  async collectedOnDepositAddresses(executor: Executor, key: CollectedKey): Promise<DepositCredit[]> {
    const rows = await executor
      .selectFrom('chain_transfers as ct')
      .innerJoin('payments as p', 'p.id', 'ct.payment_id')
      .select(['p.deposit_address', 'p.deposit_index', 'ct.amount'])
      .where('p.merchant_id', '=', key.merchantId)
      .where('p.payee_address', '=', key.payeeAddress)
      .where('p.payment_method', '=', 'payment_gateway')
      .where('p.currency', '=', key.currency)
      .where('p.status', 'in', COLLECTED_STATUSES)
      .where('ct.asset', '=', key.currency)
      .where('ct.match', 'in', ['deposit', 'late'])
      .where('ct.status', '=', 'final')
      .whereRef('ct.to_address', '=', 'p.deposit_address')
      .execute();
    return rows.map((r) => ({
      depositAddress: r.deposit_address,
      depositIndex: r.deposit_index === null ? null : Number(r.deposit_index),
      amount: BigInt(r.amount),
    }));
  }

  /** Per (address, asset): what counted transfers (deposit, late; not dropped) credited to payments on these addresses. */
  async creditedTotals(
    executor: Executor,
    addresses: readonly string[],
  ): Promise<Array<{ address: string; asset: string; total: bigint }>> {
    if (addresses.length === 0) return [];
    const rows = await executor
      .selectFrom('chain_transfers')
      .select(['to_address', 'asset', moneySum('amount').as('total')])
      .where('to_address', 'in', [...addresses])
      .where('match', 'in', ['deposit', 'late'])
      .where('status', '!=', 'dropped')
      .groupBy(['to_address', 'asset'])
      .execute();
    return rows.flatMap((r) => (r.total === null ? [] : [{ address: r.to_address, asset: r.asset, total: BigInt(r.total) }]));
  }

  /** Per (address, asset): what every transfer not dropped brought into these addresses (reconciliation). */
  async receivedTotals(
    executor: Executor,
    addresses: readonly string[],
  ): Promise<Array<{ address: string; asset: string; total: bigint }>> {
    const rows = await executor
      .selectFrom('chain_transfers')
      .select(['to_address', 'asset', moneySum('amount').as('total')])
      .where('to_address', 'in', [...addresses])
      .where('status', '!=', 'dropped')
      .groupBy(['to_address', 'asset'])
      .execute();
    return rows.flatMap((r) => (r.total === null ? [] : [{ address: r.to_address, asset: r.asset, total: BigInt(r.total) }]));
  }
}

/**
 * Storage of settlements and sweeps, the tables the settlement module owns (issue 18: one owner per
 * table). Engine differences (row locks on PostgreSQL; SQLite has one writer) stay here.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Engine } from '../../db/database.js';
import { moneySum } from '../../db/money-sql.js';
import type { DB } from '../../db/schema.js';
import type { Asset } from '../../shared/money.js';

export type Executor = Kysely<DB> | Transaction<DB>;

/** A settlement with what its payee transfer needs: the merchant's hot wallet index. */
export interface PayableSettlement {
  id: string;
  status: string;
  merchantId: string;
  currency: Asset;
  amount: bigint;
  payeeAddress: string;
  hdIndex: number;
}

/** A balance a settlement is for. */
export interface SettlementKey {
  merchantId: string;
  payeeAddress: string;
  currency: Asset;
}

export class SettlementsRepository {
  constructor(private readonly engine: Engine) {}

  /**
   * What earlier sweeps (not failed) of this balance (merchant, payee) took from these deposit addresses
   * in this asset. A reused address (issue 19) may have been swept for another merchant or payee before:
   * those sweeps took that balance's funds, not this one's.
   */
  async sweptFrom(
    executor: Executor,
    depositAddresses: readonly string[],
    key: SettlementKey,
  ): Promise<Array<{ depositAddress: string; amount: bigint }>> {
    const rows = await executor
      .selectFrom('sweeps as w')
      .innerJoin('settlements as s', 's.id', 'w.settlement_id')
      .select(['w.deposit_address', 'w.amount'])
      .where('w.deposit_address', 'in', depositAddresses)
      .where('w.asset', '=', key.currency)
      .where('w.merchant_id', '=', key.merchantId)
      .where('s.payee_address', '=', key.payeeAddress)
      .where('w.status', '!=', 'failed')
      .execute();
    return rows.map((r) => ({ depositAddress: r.deposit_address, amount: BigInt(r.amount) }));
  }

  /**
   * The settlement, its row locked for the rest of the transaction on PostgreSQL, so that two sweeps
   * finishing at once cannot both miss the moment its payee transfer is due.
   */
  async lockedForPayeeTransfer(trx: Transaction<DB>, settlementId: string): Promise<PayableSettlement | null> {
    let query = trx
      .selectFrom('settlements as s')
      .innerJoin('merchants as m', 'm.id', 's.merchant_id')
      .select(['s.id', 's.status', 's.merchant_id', 's.currency', 's.amount', 's.payee_address', 'm.hd_index'])
      .where('s.id', '=', settlementId);
    if (this.engine === 'postgres') query = query.forUpdate('s');
    const row = await query.executeTakeFirst();
    return row
      ? {
          id: row.id,
          status: row.status,
          merchantId: row.merchant_id,
          currency: row.currency as Asset,
          amount: BigInt(row.amount),
          payeeAddress: row.payee_address,
          hdIndex: Number(row.hd_index),
        }
      : null;
  }

  /** Per (deposit address, asset): what completed sweeps took out of these addresses (reconciliation). */
  async sweptTotals(executor: Executor, addresses: readonly string[]): Promise<Array<{ address: string; asset: string; total: bigint }>> {
    const rows = await executor
      .selectFrom('sweeps')
      .select(['deposit_address', 'asset', moneySum('amount').as('total')])
      .where('deposit_address', 'in', [...addresses])
      .where('status', '=', 'completed')
      .groupBy(['deposit_address', 'asset'])
      .execute();
    return rows.flatMap((r) => (r.total === null ? [] : [{ address: r.deposit_address, asset: r.asset, total: BigInt(r.total) }]));
  }

  /**
   * The sweeps of these deposit addresses, each with the owners of the sends that served it: the sweep
   * (its transfer and fuel) and its energy delegation (activation, delegate, reclaim). Their costs belong
   * to the collections swept.
   */
  async sweepsOf(
    executor: Executor,
    addresses: readonly string[],
  ): Promise<Array<{ id: string; depositAddress: string; createdAt: number; ownerIds: string[] }>> {
    if (addresses.length === 0) return [];
    const rows = await executor
      .selectFrom('sweeps')
      .leftJoin('energy_delegations', 'energy_delegations.sweep_id', 'sweeps.id')
      .select([
        'sweeps.id as id',
        'sweeps.deposit_address as deposit_address',
        'sweeps.created_at as created_at',
        'energy_delegations.id as delegation_id',
      ])
      .where('sweeps.deposit_address', 'in', [...new Set(addresses)])
      .execute();
    return rows.map((r) => ({
      id: r.id,
      depositAddress: r.deposit_address,
      createdAt: Number(r.created_at),
      ownerIds: r.delegation_id ? [r.id, r.delegation_id] : [r.id],
    }));
  }

  /** Ids of settlements still `initiated` (the periodic job pushes them on). */
  async openIds(executor: Executor): Promise<string[]> {
    const rows = await executor.selectFrom('settlements').select('id').where('status', '=', 'initiated').execute();
    return rows.map((r) => r.id);
  }

  /** The newest settlement of this balance (by creation, then id), if any. */
  async lastFor(executor: Executor, key: SettlementKey): Promise<{ status: string; createdAt: number; updatedAt: number | null } | null> {
    const row = await executor
      .selectFrom('settlements')
      .select(['status', 'created_at', 'updated_at'])
      .where('merchant_id', '=', key.merchantId)
      .where('payee_address', '=', key.payeeAddress)
      .where('currency', '=', key.currency)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row
      ? { status: row.status, createdAt: Number(row.created_at), updatedAt: row.updated_at === null ? null : Number(row.updated_at) }
      : null;
  }

  /** Whether this balance has a settlement still `initiated`. */
  async hasOpen(executor: Executor, key: SettlementKey): Promise<boolean> {
    const open = await executor
      .selectFrom('settlements')
      .select('id')
      .where('merchant_id', '=', key.merchantId)
      .where('payee_address', '=', key.payeeAddress)
      .where('currency', '=', key.currency)
      .where('status', '=', 'initiated')
      .executeTakeFirst();
    return open !== undefined;
  }

  /** Archives (never deletes) settlements in these final statuses created before `cutoff`; returns how many. */
  async archiveBefore(executor: Executor, cutoff: number, finalStatuses: readonly string[], now: number): Promise<number> {
    const result = await executor
      .updateTable('settlements')
      .set({ archived_at: now })
      .where('archived_at', 'is', null)
      .where('status', 'in', finalStatuses)
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

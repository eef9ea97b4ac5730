/**
 * Reading settlements for the API (`GET /settlements`, `GET /settlements/{id}`): newest first with cursor
 * pagination like `GET /api/v1/payments`, each with what its sweeps moved and cost. A foreign id is 404.
 */
import type { Kysely, Selectable } from 'kysely';
import { afterKeyset } from '../../db/keyset.js';
import type { DB, SweepsTable } from '../../db/schema.js';
import { type AssetCatalog, NATIVE_SYMBOL } from '../../shared/catalogues/asset-catalog.js';
import { toIso } from '../../shared/clock.js';
import { type AppError, fieldError, notFound } from '../../shared/errors.js';
import { err, ok, type Result } from '../../shared/result.js';
import { costOfOwners, type OwnerCosts, type SendCost } from '../chain/send-cost.js';
import { networkCostView } from '../chain/send-cost.view.js';
import { type Settlement, toSettlement, toSettlementView } from './settlement-records.js';

export interface SettlementFilters {
  status?: string;
  currency?: string;
  /** archived records (older than retention_period_days) are left out unless asked for */
  includeArchived?: boolean;
}

interface Extra {
  trigger: string | null;
  failureReason: string | null;
  sweepCost: bigint | null;
  archivedAt: number | null;
}

export interface SettlementRecord {
  settlement: Settlement;
  extra: Extra;
  sweeps: Array<Selectable<SweepsTable>>;
  /** what the settlement's and its sweeps' sends cost, by owner id */
  costs: ReadonlyMap<string, SendCost>;
}

export class SettlementsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly ownerCosts: OwnerCosts,
  ) {}

  async list(
    merchantId: string,
    filters: SettlementFilters,
    limit: number,
    startingAfter?: string,
  ): Promise<Result<{ items: SettlementRecord[]; hasMore: boolean }, AppError>> {
    let query = this.db.selectFrom('settlements').selectAll().where('merchant_id', '=', merchantId);
    if (filters.status) query = query.where('status', '=', filters.status);
    if (filters.currency) query = query.where('currency', '=', filters.currency);
    if (!filters.includeArchived) query = query.where('archived_at', 'is', null);
    if (startingAfter !== undefined) {
      const cursor = await this.db
        .selectFrom('settlements')
        .select(['id', 'created_at'])
        .where('id', '=', startingAfter)
        .where('merchant_id', '=', merchantId)
        .executeTakeFirst();
      if (!cursor) return err(fieldError('query.starting_after', `settlement ${startingAfter} not found`));
      const at = cursor.created_at;
      query = query.where(afterKeyset('desc', { createdAt: at, id: cursor.id }));
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const sweeps = page.length
      ? await this.db
          .selectFrom('sweeps')
          .selectAll()
          .where(
            'settlement_id',
            'in',
            page.map((r) => r.id),
          )
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : [];
    const costs = await this.ownerCosts([...page.map((r) => r.id), ...sweeps.map((w) => w.id)]);
    const items = page.map((row) => ({
      settlement: toSettlement(row),
      extra: extraOf(row),
      sweeps: sweeps.filter((w) => w.settlement_id === row.id),
      costs,
    }));
    return ok({ items, hasMore: rows.length > limit });
  }

  async get(merchantId: string, id: string): Promise<Result<SettlementRecord, AppError>> {
    const row = await this.db
      .selectFrom('settlements')
      .selectAll()
      .where('id', '=', id)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    if (!row) return err(notFound('settlement', id));
    const sweeps = await this.db
      .selectFrom('sweeps')
      .selectAll()
      .where('settlement_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const costs = await this.ownerCosts([id, ...sweeps.map((w) => w.id)]);
    return ok({ settlement: toSettlement(row), extra: extraOf(row), sweeps, costs });
  }
}

function extraOf(row: Selectable<DB['settlements']>): Extra {
  return {
    trigger: row.trigger,
    failureReason: row.failure_reason,
    sweepCost: row.sweep_cost === null ? null : BigInt(row.sweep_cost),
    archivedAt: row.archived_at === null ? null : Number(row.archived_at),
  };
}

/** The API list item: the event view plus trigger, failure, costs and a summary of the sweeps. */
export function toSettlementListView(record: SettlementRecord, assets: AssetCatalog) {
  const { settlement, extra, sweeps } = record;
  // costs are TRX burned or sent as fuel; swept amounts are in the settlement's asset
  const trx = (v: bigint) => assets.format(NATIVE_SYMBOL, v);
  const swept = sweeps.filter((w) => w.status === 'completed').reduce((s, w) => s + BigInt(w.amount), 0n);
  const fuel = sweeps.reduce((s, w) => s + (w.fuel_amount === null ? 0n : BigInt(w.fuel_amount)), 0n);
  const sweepFees = sweeps.reduce((s, w) => s + (w.network_fee === null ? 0n : BigInt(w.network_fee)), 0n);
  const sweepCost = extra.sweepCost ?? sweepFees;
  const total = settlement.networkFee === null ? sweepCost : sweepCost + settlement.networkFee;
  return {
    ...toSettlementView(settlement, assets),
    trigger: extra.trigger,
    failure_reason: extra.failureReason,
    sweep_cost: trx(sweepCost),
    total_network_cost: trx(total),
    network_cost: networkCostView(costOfOwners(record.costs, [settlement.id, ...sweeps.map((w) => w.id)])),
    archived: extra.archivedAt !== null,
    sweeps_summary: {
      count: sweeps.length,
      completed: sweeps.filter((w) => w.status === 'completed').length,
      failed: sweeps.filter((w) => w.status === 'failed').length,
      in_progress: sweeps.filter((w) => w.status !== 'completed' && w.status !== 'failed').length,
      amount_swept: assets.format(settlement.currency, swept),
      fuel_sent: trx(fuel),
      network_fee: trx(sweepFees),
    },
  };
}

/** `GET /settlements/{id}`: the list item plus every sweep. */
export function toSettlementDetailView(record: SettlementRecord, assets: AssetCatalog) {
  const trx = (v: bigint | number | null) => (v === null ? null : assets.format(NATIVE_SYMBOL, BigInt(v)));
  return {
    ...toSettlementListView(record, assets),
    sweeps: record.sweeps.map((w) => ({
      sweep_id: w.id,
      status: w.status,
      deposit_address: w.deposit_address,
      asset: w.asset,
      amount: assets.format(w.asset, BigInt(w.amount)),
      fuel_amount: trx(w.fuel_amount),
      network_fee: trx(w.network_fee),
      network_cost: networkCostView(costOfOwners(record.costs, [w.id])),
      failure_reason: w.failure_reason,
      created_at: toIso(Number(w.created_at)),
      completed_at: w.completed_at === null ? null : toIso(Number(w.completed_at)),
    })),
  };
}

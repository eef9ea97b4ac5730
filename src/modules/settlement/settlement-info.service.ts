/**
 * `GET /settlement/info`: the merchant's schedule and what is waiting to be settled, computed from stored
 * payments and settlements (SPEC §3.7). Collected net amounts accrue once a collection is completed.
 */
import { type Kysely, sql } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { SettlementFrequency } from '../../config/schema.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { ASSETS, type Asset } from '../../shared/money.js';
import { nextSettlementAt } from './settlement-schedule.js';

export interface SettlementInfo {
  frequency: SettlementFrequency;
  settlementTimeUtc: string;
  nextSettlementAt: number | null;
  pending: Record<Asset, bigint>;
  minAmount: bigint;
  maxAmount: bigint;
  lastSettlement: {
    id: string;
    status: string;
    currency: string;
    amount: bigint;
    createdAt: number;
    completedAt: number | null;
    transactionId: string | null;
  } | null;
}

export class SettlementInfoService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: GatewayConfig,
    private readonly clock: Clock,
  ) {}

  async info(merchantId: string): Promise<SettlementInfo> {
    const merchant = await this.db.selectFrom('merchants').select('settlement_frequency').where('id', '=', merchantId).executeTakeFirst();
    const s = this.config.raw.settlement;
    const frequency = (merchant?.settlement_frequency ?? s.frequency) as SettlementFrequency;

    // Sums are cast to text so that both engines hand back exact integers (PostgreSQL's sum(int8) is numeric).
    const collected = await this.db
      .selectFrom('payments')
      .select(['currency', sql<string>`cast(coalesce(sum(net_amount), 0) as text)`.as('total')])
      .where('merchant_id', '=', merchantId)
      .where('payment_method', '=', 'payment_gateway')
      .where('status', '=', 'completed')
      .groupBy('currency')
      .execute();
    const settled = await this.db
      .selectFrom('settlements')
      .select(['currency', sql<string>`cast(coalesce(sum(amount), 0) as text)`.as('total')])
      .where('merchant_id', '=', merchantId)
      .where('status', '!=', 'failed')
      .groupBy('currency')
      .execute();
    const pending = Object.fromEntries(ASSETS.map((a) => [a, 0n])) as Record<Asset, bigint>;
    for (const row of collected) if (row.currency in pending) pending[row.currency as Asset] += BigInt(row.total);
    for (const row of settled) if (row.currency in pending) pending[row.currency as Asset] -= BigInt(row.total);

    const last = await this.db
      .selectFrom('settlements')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();

    return {
      frequency,
      settlementTimeUtc: s.settlement_time_utc,
      nextSettlementAt: nextSettlementAt(frequency, s.settlement_time_utc, s.weekly_day, this.clock.now()),
      pending,
      minAmount: this.config.settlement.minAmount,
      maxAmount: this.config.settlement.maxAmount,
      lastSettlement: last
        ? {
            id: last.id,
            status: last.status,
            currency: last.currency,
            amount: BigInt(last.amount),
            createdAt: Number(last.created_at),
            completedAt: last.completed_at === null ? null : Number(last.completed_at),
            transactionId: last.transaction_id,
          }
        : null,
    };
  }
}

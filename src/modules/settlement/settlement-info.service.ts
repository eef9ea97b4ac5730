/**
 * `GET /settlement/info`: the merchant's schedule (its own frequency, else the configured one) and what
 * is waiting to be settled: the positive ledger balances per asset (SPEC §3.7), and the last settlement.
 */
import { type Kysely, sql } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { SettlementFrequency } from '../../config/schema.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { effectiveFrequency, nextSettlementAt } from './settlement-schedule.js';

export interface SettlementInfo {
  frequency: SettlementFrequency;
  settlementTimeUtc: string;
  nextSettlementAt: number | null;
  /** per asset: what waits, and the asset's settlement thresholds */
  assets: Record<string, { pending: bigint; minAmount: bigint; maxAmount: bigint }>;
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
    const frequency = effectiveFrequency(merchant?.settlement_frequency ?? null, s.frequency);

    // What waits is the ledger: collections credited, settlements (and refunds) debited, failures given back.
    // Sums are cast to text so that both engines hand back exact integers (PostgreSQL's sum(int8) is numeric).
    const balances = await this.db
      .selectFrom('merchant_balances')
      .select(['currency', sql<string>`cast(coalesce(sum(balance), 0) as text)`.as('total')])
      .where('merchant_id', '=', merchantId)
      .where('balance', '>', 0)
      .groupBy('currency')
      .execute();
    const assets: SettlementInfo['assets'] = {};
    for (const spec of this.config.assets.specs) {
      assets[spec.symbol] = { pending: 0n, minAmount: spec.settlement.minAmount, maxAmount: spec.settlement.maxAmount };
    }
    for (const row of balances) {
      const entry = assets[row.currency];
      if (entry) entry.pending += BigInt(row.total);
    }

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
      assets,
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

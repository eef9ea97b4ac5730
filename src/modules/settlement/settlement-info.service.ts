/**
 * `GET /settlement/info`: the merchant's schedule (its own frequency, else the configured one) and what
 * is waiting to be settled: the positive ledger balances per asset (SPEC §3.7), and the last settlement.
 */
import type { Kysely } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { SettlementFrequency } from '../../config/schema.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { Ledger } from '../ledger/ledger.js';
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

/** The merchant's own settlement frequency, through the merchants module. */
export interface MerchantFrequencies {
  findMerchant(id: string): Promise<{ settlementFrequency: string | null } | null>;
}

export class SettlementInfoService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: GatewayConfig,
    private readonly clock: Clock,
    private readonly ledger: Pick<Ledger, 'pendingByAsset'>,
    private readonly merchants: MerchantFrequencies,
  ) {}

  async info(merchantId: string): Promise<SettlementInfo> {
    const merchant = await this.merchants.findMerchant(merchantId);
    const s = this.config.raw.settlement;
    const frequency = effectiveFrequency(merchant?.settlementFrequency ?? null, s.frequency);

    // What waits is the ledger: collections credited, settlements (and refunds) debited, failures given back.
    const balances = await this.ledger.pendingByAsset(this.db, merchantId);
    const assets: SettlementInfo['assets'] = {};
    for (const spec of this.config.assets.specs) {
      assets[spec.symbol] = { pending: 0n, minAmount: spec.settlement.minAmount, maxAmount: spec.settlement.maxAmount };
    }
    for (const row of balances) {
      const entry = assets[row.currency];
      if (entry) entry.pending += row.total;
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

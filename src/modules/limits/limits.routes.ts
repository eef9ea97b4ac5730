/**
 * `GET /api/v1/merchant/limits`: the limits a merchant's payment creations are checked against (SPEC
 * §3.5; configured in `transaction_limits`, per asset where they are amounts) and how much of the day's
 * and month's totals is used. Read-only: limits are configuration. Register with `{ prefix: '/api/v1/merchant/limits' }`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { GatewayConfig } from '../../config/load.js';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf } from '../../http/route-helpers.js';

/** Base units per asset created so far in the current UTC day and month (UsageRepository.readTotals). */
export interface UsedTotals {
  day: ReadonlyMap<string, bigint>;
  month: ReadonlyMap<string, bigint>;
}

export interface LimitsRoutesDeps {
  config: GatewayConfig;
  usedTotals: (merchantId: string) => Promise<UsedTotals>;
}

const Amount = (description: string) => Type.String({ description: `decimal string in the asset's units: ${description}` });

const AssetLimitsSchema = Type.Object(
  {
    currency: Type.String(),
    min_amount: Amount('smallest payment'),
    max_single_payment: Amount('largest payment'),
    daily_limit: Amount('total created per UTC day'),
    monthly_limit: Amount('total created per UTC month'),
    approval_threshold: Amount('payouts at or above it wait for approval'),
    suspicious_amount: Amount('payments at or above it are flagged'),
    used_today: Amount('created so far today (UTC)'),
    used_this_month: Amount('created so far this month (UTC)'),
  },
  { additionalProperties: false },
);

const LimitsSchema = Type.Object(
  {
    rate_per_minute: Type.Integer({ description: 'create requests accepted per minute (a batch counts once)' }),
    max_concurrent_payouts: Type.Integer(),
    max_batches_in_flight: Type.Integer(),
    assets: Type.Array(AssetLimitsSchema),
  },
  { additionalProperties: false },
);

export function limitsRoutes(deps: LimitsRoutesDeps): FastifyPluginAsyncTypebox {
  const { config } = deps;
  return async (app) => {
    app.get(
      '/',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['limits'],
          operationId: 'getMerchantLimits',
          summary: "The merchant's limits and what is used of them",
          response: { 200: LimitsSchema, 401: ProblemSchema, 403: ProblemSchema },
        },
      },
      async (request) => {
        const used = await deps.usedTotals(actorOf(request).merchantId);
        const format = (symbol: string, units: bigint) => config.assets.format(symbol, units);
        return {
          rate_per_minute: config.limits.ratePerMinute,
          max_concurrent_payouts: config.limits.maxConcurrentPayouts,
          max_batches_in_flight: config.raw.batch_processing.max_concurrent_batches,
          assets: config.assets.specs.map(({ symbol, limits }) => ({
            currency: symbol,
            min_amount: format(symbol, limits.minAmount),
            max_single_payment: format(symbol, limits.maxSinglePayment),
            daily_limit: format(symbol, limits.dailyLimit),
            monthly_limit: format(symbol, limits.monthlyLimit),
            approval_threshold: format(symbol, limits.approvalThreshold),
            suspicious_amount: format(symbol, limits.suspiciousAmount),
            used_today: format(symbol, used.day.get(symbol) ?? 0n),
            used_this_month: format(symbol, used.month.get(symbol) ?? 0n),
          })),
        };
      },
    );
  };
}

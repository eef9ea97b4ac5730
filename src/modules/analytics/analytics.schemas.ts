/** Request and response schemas of `GET /analytics`; the OpenAPI document is generated from these. */
import { Type } from 'typebox';
import { Amounts, Counts, Iso, Money, Totals } from '../reports/reports.schemas.js';
import { MAX_PERIOD_DAYS, MIN_PERIOD_DAYS } from './analytics.js';

export const AnalyticsQuery = Type.Object(
  {
    period_days: Type.Optional(
      Type.Integer({ minimum: MIN_PERIOD_DAYS, maximum: MAX_PERIOD_DAYS, description: 'today (UTC) and the days before it; default 30' }),
    ),
  },
  { additionalProperties: false },
);

const CountAndVolume = Type.Object({ count: Type.Integer(), volume: Amounts });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const AnalyticsSchema = Type.Object({
  object: Type.Literal('analytics'),
  period_days: Type.Integer(),
  period_start: Iso,
  period_end: Type.String({ format: 'date-time', description: 'exclusive' }),
  generated_at: Type.String({ format: 'date-time', description: 'when this answer was computed (answers are cached briefly)' }),
  total_count: Type.Integer(),
  by_status: Counts,
  volume: Type.Record(Type.String(), Totals, { description: 'every payment created in the period, per currency' }),
  completed_volume: Type.Record(Type.String(), Totals, { description: 'completed payments, per currency' }),
  refunds: Type.Object({ count: Type.Integer(), completed_count: Type.Integer() }),
  refunded_volume: Type.Record(Type.String(), Money, { description: "completed refunds, per currency (also the seed's metric)" }),
  success_rate: Nullable(Type.Number({ description: 'completed / (completed + failed + cancelled), 4 decimal places' })),
  processing_time_seconds: Type.Object({
    count: Type.Integer({ description: 'completed payments measured' }),
    average: Nullable(Type.Number()),
    p50: Nullable(Type.Number({ description: 'nearest-rank percentile' })),
    p95: Nullable(Type.Number({ description: 'nearest-rank percentile' })),
  }),
  peak_hour: Nullable(Type.Object({ hour: Type.Integer({ description: 'UTC hour, 0–23' }), count: Type.Integer() })),
  by_hour: Type.Array(Type.Integer(), { description: 'payments per UTC hour of day, index 0–23' }),
  most_common_amount: Type.Record(Type.String(), Nullable(Type.Object({ amount: Money, count: Type.Integer() })), {
    description: 'per currency; ties go to the smallest amount',
  }),
  daily: Type.Array(Type.Object({ date: Type.String({ description: 'YYYY-MM-DD (UTC)' }), count: Type.Integer(), volume: Amounts })),
  collection_cost_daily: Type.Array(
    Type.Object({
      date: Type.String({ description: 'YYYY-MM-DD (UTC)' }),
      completed_collections: Type.Integer({ description: 'collections completed that day' }),
      trx_burned: Type.String({
        description: 'TRX burned that day by the sends that collected: sweeps, their fuel and activation (receipts)',
      }),
      trx_burned_per_collection: Nullable(Type.String({ description: 'trx_burned / completed_collections; null when none completed' })),
    }),
    { description: 'what collecting cost on chain, per day' },
  ),
  by_priority: Type.Record(Type.String(), CountAndVolume),
  by_payment_method: Type.Record(Type.String(), CountAndVolume),
  total_payments: Type.Integer({ description: "the seed's metric: payments created in the period (= total_count)" }),
  successful_payments: Type.Integer({ description: "the seed's metric: those completed (= by_status.completed)" }),
  failed_payments: Type.Integer({ description: "the seed's metric: those failed (= by_status.failed)" }),
  total_volume: Type.Record(Type.String(), Money, {
    description: "the seed's metric: amount of the completed payments, per currency (= completed_volume.*.amount)",
  }),
  total_fees: Type.Record(Type.String(), Money, {
    description: "the seed's metric: fees of the completed payments, per currency (= completed_volume.*.fee)",
  }),
  batches_processed: Type.Integer({
    description: "the seed's metric: batches created in the period whose items are all final (completed, partial_failure or failed)",
  }),
  avg_processing_time: Type.Number({
    description: "the seed's metric: mean seconds from creation to completion of completed payments; 0 when none completed",
  }),
});

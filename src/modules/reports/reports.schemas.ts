/** Request and response schemas of the reports API; the OpenAPI document is generated from these. */
import { Type } from 'typebox';
import { PAYMENT_STATUSES } from '../payments/payment.js';
import { MAX_REPORT_DAYS, REPORT_FORMATS } from './report-request.js';

export const Money = Type.String({ description: 'whole units, decimal string', examples: ['998.5'] });
export const Iso = Type.String({ format: 'date-time' });
const DateInput = (description: string) =>
  Type.String({
    maxLength: 40,
    description: `${description}; YYYY-MM-DD (a UTC day) or ISO 8601 with Z or an offset`,
    examples: ['2026-03-01'],
  });

export const GenerateReportBody = Type.Object(
  {
    start_date: DateInput('first day or instant covered (inclusive)'),
    end_date: DateInput(
      `last day covered (a bare date includes that whole day; an instant is exclusive); at most ${MAX_REPORT_DAYS} days after start_date`,
    ),
    status_filter: Type.Optional(
      Type.Union([Type.Array(Type.Enum(PAYMENT_STATUSES), { maxItems: PAYMENT_STATUSES.length * 2 }), Type.Null()], {
        description: 'only payments with one of these statuses; omitted or null: every status',
      }),
    ),
    include_failed: Type.Optional(Type.Boolean({ description: 'false leaves out failed and cancelled payments; default true' })),
    format: Type.Optional(Type.Enum(REPORT_FORMATS, { description: 'format of the download: json (default) or csv' })),
  },
  { additionalProperties: false },
);

export const Totals = Type.Object({ count: Type.Integer(), amount: Money, fee: Money, net_amount: Money });
export const Counts = Type.Record(Type.String(), Type.Integer());
export const Amounts = Type.Record(Type.String(), Money, { description: 'per currency' });
const Movements = Type.Object({ count: Type.Integer(), completed_count: Type.Integer(), completed_amount: Amounts });

export const ReportSummarySchema = Type.Object({
  payment_count: Type.Integer(),
  totals: Type.Record(Type.String(), Totals, { description: 'per currency' }),
  by_status: Counts,
  by_payment_method: Counts,
  by_priority: Counts,
  refunds: Movements,
  settlements: Movements,
});

export const ReportViewSchema = Type.Object({
  id: Type.String({ examples: ['report_019cd79e4600164b0967d8c70750e10b'] }),
  object: Type.Literal('report'),
  status: Type.Literal('completed'),
  start_date: Type.String({ format: 'date-time', description: 'inclusive' }),
  end_date: Type.String({ format: 'date-time', description: 'exclusive: the instant after the last one covered' }),
  status_filter: Type.Union([Type.Array(Type.String()), Type.Null()]),
  include_failed: Type.Boolean(),
  format: Type.Enum(REPORT_FORMATS),
  summary: ReportSummarySchema,
  row_count: Type.Integer({ description: 'payments in the report (lines of the download when nothing changed since)' }),
  created_at: Iso,
  completed_at: Type.Union([Iso, Type.Null()]),
  download_url: Type.String({ description: 'GET it for the rows, streamed as CSV or a JSON array' }),
});

export const ReportParams = Type.Object({ report_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

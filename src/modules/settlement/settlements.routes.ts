/**
 * `GET /api/v1/payments/settlements` (newest first, cursor pagination like `GET /api/v1/payments`) and
 * `GET /api/v1/payments/settlements/{settlement_id}`; scope payments:read.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { GatewayConfig } from '../../config/load.js';
import { requirePrincipal } from '../../http/auth.js';
import { ProblemSchema } from '../../http/problem.js';
import { unwrap } from '../../http/route-helpers.js';
import { NetworkCostSchema } from '../chain/send-cost.view.js';
import { type SettlementsService, toSettlementDetailView, toSettlementListView } from './settlements.service.js';

export interface SettlementsRoutesDeps {
  config: GatewayConfig;
  settlements: SettlementsService;
}

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };
const Iso = Type.String({ format: 'date-time' });
const Money = Type.String({ description: 'whole units, decimal string', examples: ['998.5'] });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const SweepsSummary = Type.Object({
  count: Type.Integer(),
  completed: Type.Integer(),
  failed: Type.Integer(),
  in_progress: Type.Integer(),
  amount_swept: Money,
  fuel_sent: Money,
  network_fee: Money,
});

const SweepView = Type.Object({
  sweep_id: Type.String(),
  status: Type.String({ description: 'pending | fueling | sweeping | completed | failed' }),
  deposit_address: Type.String(),
  asset: Type.String(),
  amount: Money,
  fuel_amount: Nullable(Money),
  network_fee: Nullable(Money),
  network_cost: NetworkCostSchema,
  failure_reason: Nullable(Type.String()),
  created_at: Iso,
  completed_at: Nullable(Iso),
});

const SettlementFields = {
  settlement_id: Type.String(),
  object: Type.Literal('settlement'),
  status: Type.String({ description: 'initiated | completed | failed' }),
  currency: Type.String(),
  amount: Money,
  payee_address: Type.String(),
  transaction_id: Nullable(Type.String()),
  network_fee: Nullable(Money),
  created_at: Iso,
  completed_at: Nullable(Iso),
  trigger: Nullable(Type.String({ description: 'schedule | threshold | manual' })),
  failure_reason: Nullable(Type.String()),
  sweep_cost: Type.String({ description: 'TRX burned by the sweeps and their fuel transfers' }),
  total_network_cost: Type.String({ description: 'sweep_cost plus the payee transfer network_fee (TRX)' }),
  network_cost: NetworkCostSchema,
  archived: Type.Boolean(),
  sweeps_summary: SweepsSummary,
};

const SettlementListItem = Type.Object(SettlementFields);
const SettlementDetail = Type.Object({ ...SettlementFields, sweeps: Type.Array(SweepView) });

const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    starting_after: Type.Optional(Type.String({ maxLength: 64, description: 'settlement_id of the last item of the previous page' })),
    status: Type.Optional(Type.Enum(['initiated', 'completed', 'failed'], { description: 'filter by status' })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,16}$', description: 'filter by asset symbol' })),
    include_archived: Type.Optional(Type.Boolean({ description: 'also records older than retention_period_days' })),
  },
  { additionalProperties: false },
);

const ListResponse = Type.Object({
  object: Type.Literal('list'),
  data: Type.Array(SettlementListItem),
  has_more: Type.Boolean(),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
});

function merchantOf(request: FastifyRequest): string {
  return requirePrincipal(request).merchantId;
}

export function settlementsRoutes(deps: SettlementsRoutesDeps): FastifyPluginAsyncTypebox {
  const { config } = deps;
  return async (app) => {
    app.get(
      '/settlements',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['settlement'],
          operationId: 'listSettlements',
          summary: 'List settlements, newest first',
          querystring: ListQuery,
          response: { 200: ListResponse, ...errors },
        },
      },
      async (request) => {
        const q = request.query;
        const limit = Math.min(q.limit ?? config.raw.api.default_page_size, config.raw.api.max_page_size);
        const page = unwrap(
          await deps.settlements.list(
            merchantOf(request),
            {
              ...(q.status ? { status: q.status } : {}),
              ...(q.currency ? { currency: q.currency } : {}),
              ...(q.include_archived ? { includeArchived: true } : {}),
            },
            limit,
            q.starting_after,
          ),
        );
        const data = page.items.map((item) => toSettlementListView(item, config.assets));
        return {
          object: 'list' as const,
          data,
          has_more: page.hasMore,
          next_cursor: page.hasMore ? (data[data.length - 1]?.settlement_id ?? null) : null,
        };
      },
    );

    app.get(
      '/settlements/:settlement_id',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['settlement'],
          operationId: 'getSettlement',
          summary: 'A settlement with its sweeps and costs',
          params: Type.Object({ settlement_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
          response: { 200: SettlementDetail, ...errors },
        },
      },
      async (request) =>
        toSettlementDetailView(unwrap(await deps.settlements.get(merchantOf(request), request.params.settlement_id)), config.assets),
    );
  };
}

/** `POST /reconcile` and `GET /reconciliations` under `/api/v1/payments`. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { GatewayConfig } from '../../config/load.js';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf, claimedAnswer, schemaAnswer, sendAnswer, unwrap } from '../../http/route-helpers.js';
import { toIso } from '../../shared/clock.js';
import { validationError } from '../../shared/errors.js';
import { RECONCILIATION_OUTCOMES, RECONCILIATION_STATUSES } from './reconciliation.js';
import type { ReconciliationService } from './reconciliation.service.js';
import type { ReconciliationRecord } from './reconciliations.repository.js';

const ReconcileFields = {
  payment_id: Type.Optional(Type.String({ maxLength: 64 })),
  external_transaction_id: Type.Optional(
    Type.Union([Type.String({ maxLength: 66, description: 'a transaction to check against the payment (64 hex)' }), Type.Null()]),
  ),
  notes: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
};
const ReconcileBody = Type.Object(ReconcileFields, { additionalProperties: false });
const ReconcileQuery = Type.Object(
  {
    payment_id: Type.Optional(Type.String({ maxLength: 64 })),
    external_transaction_id: Type.Optional(Type.String({ maxLength: 66 })),
    notes: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

const DiscrepancySchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  transaction_id: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  asset: Type.Optional(Type.String()),
  expected: Type.Optional(Type.String()),
  actual: Type.Optional(Type.String()),
});

export const ReconciliationViewSchema = Type.Object({
  reconciliation_id: Type.String({ examples: ['recon_019cd79e4600ace14df115844f1f9258'] }),
  object: Type.Literal('reconciliation'),
  payment_id: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String({ description: 'payment | balances' }),
  trigger: Type.String({ description: 'api | background' }),
  status: Type.Enum(RECONCILIATION_STATUSES, {
    description:
      "Where the reconciliation stands (the seed's ReconciliationStatus): `completed` when the chain was read to the end — the outcome says what it showed; `pending` while the transaction is not confirmed enough; `disputed` when the chain disagrees with the records; `failed` when it could not be checked. Results are stored when a run ends, so `processing` is not seen.",
  }),
  outcome: Type.Enum(RECONCILIATION_OUTCOMES, {
    description:
      'What the run found. A payment: `verified` (the chain agrees), `credited` (it agrees, and a transfer the scanner missed was credited), `pending` (not confirmed enough yet), `disputed` (a mismatch; see discrepancies), `error` (no transaction to check, or the node could not be read). A balance comparison: `balanced` or `differences`.',
  }),
  external_transaction_id: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  checks: Type.Record(Type.String(), Type.Unknown(), { description: 'what was checked and found on chain' }),
  discrepancies: Type.Array(DiscrepancySchema),
  created_at: Type.String({ format: 'date-time' }),
});

const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    starting_after: Type.Optional(Type.String({ maxLength: 64, description: 'reconciliation_id of the last item of the previous page' })),
    payment_id: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(Type.Enum(RECONCILIATION_STATUSES)),
    outcome: Type.Optional(Type.Enum(RECONCILIATION_OUTCOMES)),
  },
  { additionalProperties: false },
);

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

export function toReconciliationView(r: ReconciliationRecord) {
  return {
    reconciliation_id: r.id,
    object: 'reconciliation' as const,
    payment_id: r.paymentId,
    kind: r.kind,
    trigger: r.trigger,
    status: r.status,
    outcome: r.outcome,
    external_transaction_id: r.externalTransactionId,
    notes: r.notes,
    checks: r.checks,
    discrepancies: r.discrepancies,
    created_at: toIso(r.createdAt),
  };
}

export function reconciliationRoutes(deps: { config: GatewayConfig; reconciliation: ReconciliationService }): FastifyPluginAsyncTypebox {
  const { config } = deps;
  return async (app) => {
    app.post(
      '/reconcile',
      {
        config: { scope: 'payments:write', claimsIdempotencyKey: true },
        schema: {
          tags: ['reconciliation'],
          operationId: 'reconcilePayment',
          summary: 'Check a payment against the chain',
          description:
            'Verifies the payment’s transaction(s), or external_transaction_id, on chain: exists, succeeded, right asset, addresses and amount, confirmations. A transfer the scanner missed is credited; a mismatch marks the payment disputed.',
          body: ReconcileBody,
          querystring: ReconcileQuery,
          response: { 201: ReconciliationViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const body = request.body ?? {};
        const query = request.query ?? {};
        const problems = (['payment_id', 'external_transaction_id', 'notes'] as const)
          .filter((k) => body[k] !== undefined && body[k] !== null && query[k] !== undefined && body[k] !== query[k])
          .map((k) => ({ path: k, message: 'is given in the body and the query with different values' }));
        const paymentId = body.payment_id ?? query.payment_id;
        if (paymentId === undefined) problems.push({ path: 'payment_id', message: 'is required (JSON body or query parameter)' });
        if (problems.length > 0) throw validationError(problems);
        const render = (record: ReconciliationRecord) => schemaAnswer(reply, 201, toReconciliationView(record));
        const record = unwrap(
          await deps.reconciliation.reconcile(
            actorOf(request),
            {
              payment_id: paymentId as string,
              external_transaction_id: body.external_transaction_id ?? query.external_transaction_id ?? null,
              notes: body.notes ?? query.notes ?? null,
            },
            claimedAnswer(request, render),
          ),
        );
        return sendAnswer(request, reply, render(record));
      },
    );

    app.get(
      '/reconciliations',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['reconciliation'],
          operationId: 'listReconciliations',
          summary: 'Reconciliation results, newest first',
          querystring: ListQuery,
          response: {
            200: Type.Object({
              object: Type.Literal('list'),
              data: Type.Array(ReconciliationViewSchema),
              has_more: Type.Boolean(),
              next_cursor: Type.Union([Type.String(), Type.Null()]),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const q = request.query;
        const limit = Math.min(q.limit ?? config.raw.api.default_page_size, config.raw.api.max_page_size);
        const page = unwrap(
          await deps.reconciliation.list(
            actorOf(request),
            {
              ...(q.payment_id ? { paymentId: q.payment_id } : {}),
              ...(q.status ? { status: q.status } : {}),
              ...(q.outcome ? { outcome: q.outcome } : {}),
            },
            limit,
            q.starting_after,
          ),
        );
        const data = page.records.map(toReconciliationView);
        return {
          object: 'list' as const,
          data,
          has_more: page.hasMore,
          next_cursor: page.hasMore ? (data[data.length - 1]?.reconciliation_id ?? null) : null,
        };
      },
    );
  };
}

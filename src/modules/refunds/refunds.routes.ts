/**
 * `POST /refund` and `GET /refunds/{refund_id}` under `/api/v1/payments`. The refund's parameters come
 * as a JSON body or, as seed clients send them, as query parameters; the same field in both with
 * different values is refused rather than guessed.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf, claimedAnswer, sendAnswer, unwrap } from '../../http/route-helpers.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import type { CrashPoint } from '../../shared/crash-point.js';
import { type FieldError, validationError } from '../../shared/errors.js';
import { costOfOwners, type OwnerCosts } from '../chain/send-cost.js';
import { NetworkCostSchema, networkCostView } from '../chain/send-cost.view.js';
import { type Refund, toRefundDetailView } from './refund.js';
import type { RefundInput, RefundsService } from './refunds.service.js';

const RefundFields = {
  payment_id: Type.String({ maxLength: 64, description: 'the collection to refund' }),
  reason: Type.Optional(
    Type.String({
      maxLength: 64,
      description: 'one of refunds.allowed_reasons: user_request, payment_failure, duplicate_payment, merchant_initiated, system_error',
    }),
  ),
  amount: Type.Optional(
    Type.Unknown({ description: 'decimal string in whole units; default: everything still refundable', examples: ['12.5'] }),
  ),
  refund_address: Type.Optional(Type.String({ maxLength: 128, description: 'default: the payer_address, else the sender seen on chain' })),
};
const RefundBody = Type.Object({ ...RefundFields, payment_id: Type.Optional(RefundFields.payment_id) }, { additionalProperties: false });
const RefundQuery = Type.Object(
  {
    payment_id: Type.Optional(RefundFields.payment_id),
    reason: RefundFields.reason,
    amount: Type.Optional(Type.String({ maxLength: 64 })),
    refund_address: RefundFields.refund_address,
  },
  { additionalProperties: false },
);

const Iso = Type.String({ format: 'date-time' });
export const RefundViewSchema = Type.Object({
  refund_id: Type.String({ examples: ['refund_019cd79e4600a57032d2461f5f9994a6'] }),
  object: Type.Literal('refund'),
  payment_id: Type.String(),
  status: Type.Enum(['pending', 'processing', 'completed', 'failed'] as const),
  currency: Type.String(),
  amount: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  refund_address: Type.String(),
  transaction_id: Type.Union([Type.String(), Type.Null()]),
  network_fee: Type.Union([Type.String({ description: 'TRX burned' }), Type.Null()]),
  network_cost: NetworkCostSchema,
  created_at: Iso,
  completed_at: Type.Union([Iso, Type.Null()]),
  origin: Type.Enum(['api', 'auto'] as const, { description: 'api, or auto (overpayment refunded by refunds.auto_refund)' }),
  failure_reason: Type.Union([Type.String(), Type.Null()]),
  flagged: Type.Boolean({ description: 'not completed within refunds.refund_timeout_hours' }),
});

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

/** Body and query merged; a field given in both must carry the same value. */
export function mergeRefundInput(body: Static<typeof RefundBody>, query: Static<typeof RefundQuery>): RefundInput {
  const problems: FieldError[] = [];
  const pick = <K extends keyof RefundInput>(key: K): RefundInput[K] | undefined => {
    const inBody = body[key as keyof typeof body] as RefundInput[K] | undefined;
    const inQuery = query[key as keyof typeof query] as RefundInput[K] | undefined;
    if (inBody !== undefined && inQuery !== undefined && String(inBody) !== String(inQuery)) {
      problems.push({
        path: key,
        message: `is given in the body (${String(inBody)}) and the query (${String(inQuery)}) with different values`,
      });
    }
    return inBody ?? inQuery;
  };
  const paymentId = pick('payment_id');
  const input: RefundInput = {
    payment_id: paymentId ?? '',
    reason: pick('reason'),
    amount: pick('amount'),
    refund_address: pick('refund_address'),
  };
  if (paymentId === undefined) problems.push({ path: 'payment_id', message: 'is required (JSON body or query parameter)' });
  if (problems.length > 0) throw validationError(problems);
  return input;
}

export function refundsRoutes(deps: {
  refunds: RefundsService;
  assets: AssetCatalog;
  costs: OwnerCosts;
  crashPoint?: CrashPoint;
}): FastifyPluginAsyncTypebox {
  /** the refund with what its send cost on chain */
  const render = async (refund: Refund) => ({
    ...toRefundDetailView(refund, deps.assets),
    network_cost: networkCostView(costOfOwners(await deps.costs([refund.id]), [refund.id])),
  });
  /** a refund just created has sent nothing yet: its answer needs no read, so it is rendered in its transaction */
  const created = (refund: Refund) => ({
    statusCode: 201,
    body: JSON.stringify({ ...toRefundDetailView(refund, deps.assets), network_cost: null }),
  });
  return async (app) => {
    app.post(
      '/refund',
      {
        config: { scope: 'refunds:write', claimsIdempotencyKey: true },
        schema: {
          tags: ['refunds'],
          operationId: 'createRefund',
          summary: 'Refund a collection, fully or in part',
          description:
            'Parameters as a JSON body or as query parameters (seed clients); 201 with the refund, sent on chain from the hot wallet.',
          body: RefundBody,
          querystring: RefundQuery,
          response: { 201: RefundViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const input = mergeRefundInput(request.body ?? {}, request.query ?? {});
        const answer = claimedAnswer(request, created);
        const refund = unwrap(await deps.refunds.requestRefund(actorOf(request), input, answer));
        deps.crashPoint?.('refund');
        return sendAnswer(request, reply, created(refund));
      },
    );

    app.get(
      '/refunds/:refund_id',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['refunds'],
          operationId: 'getRefund',
          summary: 'A refund',
          params: Type.Object({ refund_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
          response: { 200: RefundViewSchema, ...errors },
        },
      },
      async (request) => render(unwrap(await deps.refunds.getRefund(actorOf(request), request.params.refund_id))),
    );
  };
}

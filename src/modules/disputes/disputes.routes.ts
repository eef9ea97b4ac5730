/**
 * `POST /api/v1/payments/{payment_id}/resolve`: an admin resolves a disputed payment (ADR 0033). The
 * answer is rendered inside the resolution's transaction, so an Idempotency-Key replays it byte for byte.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf, claimedAnswer, sendAnswer, unwrap } from '../../http/route-helpers.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import { toIso } from '../../shared/clock.js';
import { toRefundDetailView } from '../refunds/refund.js';
import { type DisputeResolution, type DisputesService, MAX_NOTES_LENGTH, RESOLUTIONS } from './disputes.service.js';

const ResolveBody = Type.Object(
  {
    resolution: Type.String({
      maxLength: 16,
      description:
        '`accept`: the credit counts, the payment completes; `refund`: what is still refundable goes back to the payer (payer_address, else the sender seen on chain), the payment becomes `refunded` when the refund completes; `reject`: the payment fails (`dispute_rejected`), its credit is excluded for good and the funds are left for manual handling',
      examples: [...RESOLUTIONS],
    }),
    notes: Type.Optional(Type.String({ maxLength: MAX_NOTES_LENGTH, description: 'why, for the audit log' })),
  },
  { additionalProperties: false },
);

export const DisputeResolutionSchema = Type.Object({
  object: Type.Literal('dispute_resolution'),
  payment_id: Type.String(),
  resolution: Type.Enum([...RESOLUTIONS]),
  notes: Type.Union([Type.String(), Type.Null()]),
  payment_status: Type.String({ description: 'completed (accept), failed (reject), or disputed until the refund completes' }),
  refund_id: Type.Union([Type.String(), Type.Null()]),
  refund_amount: Type.Union([Type.String(), Type.Null()]),
  resolved_at: Type.String({ format: 'date-time' }),
});

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

export function disputesRoutes(deps: { disputes: DisputesService; assets: AssetCatalog }): FastifyPluginAsyncTypebox {
  const render = (r: DisputeResolution) => ({
    statusCode: 200,
    body: JSON.stringify({
      object: 'dispute_resolution',
      payment_id: r.paymentId,
      resolution: r.resolution,
      notes: r.notes,
      payment_status: r.paymentStatus,
      refund_id: r.refund?.id ?? null,
      refund_amount: r.refund ? toRefundDetailView(r.refund, deps.assets).amount : null,
      resolved_at: toIso(r.resolvedAt),
    }),
  });
  return async (app) => {
    app.post(
      '/:payment_id/resolve',
      {
        config: { scope: 'admin', claimsIdempotencyKey: true },
        schema: {
          tags: ['payments'],
          operationId: 'resolvePayment',
          summary: 'Resolve a disputed payment: accept, refund or reject (admin)',
          params: Type.Object({ payment_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
          body: ResolveBody,
          response: { 200: DisputeResolutionSchema, ...errors },
        },
      },
      async (request, reply) => {
        const answer = claimedAnswer(request, render);
        const resolved = unwrap(await deps.disputes.resolve(actorOf(request), request.params.payment_id, request.body, answer));
        return sendAnswer(request, reply, render(resolved));
      },
    );
  };
}

/**
 * `POST /api/v1/wallet/stake`, `/unstake` and `/withdraw-unstaked` (admin scope): the operator stakes the
 * merchant's hot wallet TRX for energy or bandwidth. 202: the operation is queued; the chain sender signs
 * and broadcasts it, and the audit log records the request and its outcome. Idempotency-Key replays the
 * first answer.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf, claimedAnswer, sendAnswer, unwrap } from '../../http/route-helpers.js';
import { STAKING_ACTIONS, type StakingOperation, type StakingService, toStakingOperationView } from './staking.service.js';

const StakeBody = Type.Object(
  {
    trx: Type.Unknown({ description: 'whole TRX as a decimal string, at least 1', examples: ['1000'] }),
    resource: Type.Optional(Type.Unknown({ description: 'ENERGY (default) or BANDWIDTH', examples: ['ENERGY'] })),
  },
  { additionalProperties: false },
);

const OperationSchema = Type.Object({
  object: Type.Literal('staking_operation'),
  operation_id: Type.String({ examples: ['stk_019cd79e4600a57032d2461f5f9994a6'] }),
  action: Type.Enum(STAKING_ACTIONS),
  hot_wallet: Type.String(),
  resource: Type.Union([Type.Enum(['ENERGY', 'BANDWIDTH'] as const), Type.Null()]),
  trx: Type.String({ description: 'TRX staked or unstaked; for a withdrawal, what was withdrawable when asked' }),
  status: Type.String({ description: 'the chain send: queued, signed, broadcast, confirmed, completed, failed' }),
  send_id: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});

const errors = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };

export function stakingRoutes(deps: { staking: StakingService }): FastifyPluginAsyncTypebox {
  /** 202 with the queued operation, rendered once: stored with the Idempotency-Key and sent as is */
  const queued = (op: StakingOperation) => ({ statusCode: 202, body: JSON.stringify(toStakingOperationView(op)) });
  return async (app) => {
    app.post(
      '/stake',
      {
        config: { scope: 'admin', claimsIdempotencyKey: true },
        schema: {
          tags: ['wallet'],
          operationId: 'stakeTrx',
          summary: "Stake the hot wallet's TRX for energy or bandwidth",
          body: StakeBody,
          response: { 202: OperationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const op = unwrap(await deps.staking.stake(actorOf(request), request.body, claimedAnswer(request, queued)));
        return sendAnswer(request, reply, queued(op));
      },
    );

    app.post(
      '/unstake',
      {
        config: { scope: 'admin', claimsIdempotencyKey: true },
        schema: {
          tags: ['wallet'],
          operationId: 'unstakeTrx',
          summary: 'Start unstaking; the TRX is withdrawable after the unfreeze delay',
          body: StakeBody,
          response: { 202: OperationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const op = unwrap(await deps.staking.unstake(actorOf(request), request.body, claimedAnswer(request, queued)));
        return sendAnswer(request, reply, queued(op));
      },
    );

    app.post(
      '/withdraw-unstaked',
      {
        config: { scope: 'admin', claimsIdempotencyKey: true },
        schema: {
          tags: ['wallet'],
          operationId: 'withdrawUnstakedTrx',
          summary: 'Withdraw every unstaked amount past the unfreeze delay to the hot wallet balance',
          response: { 202: OperationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const op = unwrap(await deps.staking.withdrawUnstaked(actorOf(request), claimedAnswer(request, queued)));
        return sendAnswer(request, reply, queued(op));
      },
    );
  };
}

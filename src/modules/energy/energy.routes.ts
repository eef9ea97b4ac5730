/** `/api/v1/wallet/energy-strategy`: how the merchant's sends pay for energy, readable and settable at run time. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ENERGY_STRATEGY_SETTINGS } from '../../config/schema.js';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf, claimedAnswer, schemaAnswer, sendAnswer } from '../../http/route-helpers.js';
import type { EnergyStrategyService, EnergyStrategyView } from './energy-strategy.service.js';

const Setting = Type.Enum(ENERGY_STRATEGY_SETTINGS, {
  description: 'burn: pay energy in TRX; stake: spend staked energy; auto: stake while the hot wallet has staked energy',
});

const EnergyStrategySchema = Type.Object({
  object: Type.Literal('energy_strategy'),
  strategy: Setting,
  source: Type.Union([Type.Literal('merchant'), Type.Literal('config')], {
    description: 'merchant: set with PUT; config: energy.strategy of the configuration',
  }),
  effective: Type.Union([Type.Literal('burn'), Type.Literal('stake')], { description: 'what sends use now (auto resolved)' }),
});

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema };
const tags = ['wallet'];

const render = (view: EnergyStrategyView) => ({
  object: 'energy_strategy' as const,
  strategy: view.setting,
  source: view.source,
  effective: view.effective,
});

export function energyRoutes(deps: { strategies: EnergyStrategyService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags,
          operationId: 'getEnergyStrategy',
          summary: 'How the merchant’s sends pay for energy',
          response: { 200: EnergyStrategySchema, ...errors },
        },
      },
      async (request) => render(await deps.strategies.view(actorOf(request).merchantId)),
    );

    app.put(
      '/',
      {
        config: { scope: 'admin', claimsIdempotencyKey: true },
        schema: {
          tags,
          operationId: 'setEnergyStrategy',
          summary: 'Choose how the merchant’s sends pay for energy, overriding the configuration (admin)',
          body: Type.Object({ strategy: Setting }, { additionalProperties: false }),
          response: { 200: EnergyStrategySchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const answer = (view: EnergyStrategyView) => schemaAnswer(reply, 200, render(view));
        const set = await deps.strategies.set(actor.merchantId, request.body.strategy, actor, claimedAnswer(request, answer));
        return sendAnswer(request, reply, answer(set));
      },
    );
  };
}

/** `GET /api/v1/payments/analytics?period_days=`: a thin handler over AnalyticsService. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/auth.js';
import { ProblemSchema } from '../../http/problem.js';
import { AnalyticsQuery, AnalyticsSchema } from './analytics.schemas.js';
import type { AnalyticsService } from './analytics.service.js';

const DEFAULT_PERIOD_DAYS = 30;

export function analyticsRoutes(deps: { analytics: AnalyticsService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/analytics',
      {
        config: { scope: 'reports:read' },
        schema: {
          tags: ['reports'],
          operationId: 'getAnalytics',
          summary: 'Counts, volumes, success rate, processing times, peak hour, most common amount and per-day series',
          querystring: AnalyticsQuery,
          response: { 200: AnalyticsSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema },
        },
      },
      async (request) => {
        const merchantId = requirePrincipal(request).merchantId;
        const result = await deps.analytics.analytics(merchantId, request.query.period_days ?? DEFAULT_PERIOD_DAYS);
        if (!result.ok) throw result.error;
        return result.value;
      },
    );
  };
}

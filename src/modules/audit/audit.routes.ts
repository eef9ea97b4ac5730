/**
 * `GET /api/v1/audit` (admin scope): the calling merchant's audit records, newest first or by seq, with
 * a seq cursor and filters. Register with `{ prefix: '/api/v1/audit' }`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requirePrincipal } from '../../http/auth.js';
import { ProblemSchema } from '../../http/problem.js';
import { validationError } from '../../shared/errors.js';
import type { AuditFilters, AuditPage, AuditPageRequest } from './audit.repository.js';
import { toAuditView } from './audit.view.js';

export interface AuditLogReader {
  list(merchantId: string, filters: AuditFilters, page: AuditPageRequest): Promise<AuditPage>;
}

export interface AuditRoutesDeps {
  reader: AuditLogReader;
  defaultPageSize: number;
  maxPageSize: number;
}

const Iso = Type.String({ format: 'date-time', description: 'ISO 8601 UTC' });

export const AuditRecordSchema = Type.Object(
  {
    seq: Type.Integer({ description: 'position in the chain: 1, 2, 3… across all merchants' }),
    at: Iso,
    actor: Type.String({ description: 'key_… (API key id), cli:<command> or system:<worker>' }),
    action: Type.String({ examples: ['payment.created', 'api_key.revoked'] }),
    entity_type: Type.String(),
    entity_id: Type.Union([Type.String(), Type.Null()]),
    request_id: Type.Union([Type.String(), Type.Null()]),
    before: Type.Unknown({ description: 'the object before the change (null for creations)' }),
    after: Type.Unknown({ description: 'the object after the change' }),
    hash: Type.String({ description: 'sha-256 hex over this record and prev_hash' }),
    prev_hash: Type.String(),
  },
  { additionalProperties: false },
);

export const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    starting_after: Type.Optional(Type.Integer({ minimum: 0, description: 'seq of the last record of the previous page' })),
    order: Type.Optional(
      Type.Union([Type.Literal('desc'), Type.Literal('asc')], { description: 'desc: newest first (default); asc: by seq' }),
    ),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    entity_id: Type.Optional(Type.String({ maxLength: 64 })),
    actor: Type.Optional(Type.String({ maxLength: 128 })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'inclusive, ISO 8601' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'exclusive, ISO 8601' })),
  },
  { additionalProperties: false },
);

const AuditListSchema = Type.Object({
  object: Type.Literal('list'),
  data: Type.Array(AuditRecordSchema),
  has_more: Type.Boolean(),
  next_cursor: Type.Union([Type.Integer(), Type.Null()], { description: 'pass as starting_after for the next page' }),
});

export function auditRoutes(deps: AuditRoutesDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/',
      {
        config: { scope: 'admin' },
        schema: {
          tags: ['audit'],
          operationId: 'listAuditRecords',
          summary: "The merchant's audit log (admin)",
          querystring: AuditQuery,
          response: { 200: AuditListSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema },
        },
      },
      async (request) => {
        const q = request.query;
        const from = q.from === undefined ? undefined : Date.parse(q.from);
        const to = q.to === undefined ? undefined : Date.parse(q.to);
        if (from !== undefined && to !== undefined && from >= to) {
          throw validationError([{ path: 'query.to', message: 'must be after query.from' }]);
        }
        const filters: AuditFilters = {
          ...(q.action !== undefined ? { action: q.action } : {}),
          ...(q.entity_id !== undefined ? { entityId: q.entity_id } : {}),
          ...(q.actor !== undefined ? { actor: q.actor } : {}),
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
        };
        const page = await deps.reader.list(requirePrincipal(request).merchantId, filters, {
          limit: Math.min(q.limit ?? deps.defaultPageSize, deps.maxPageSize),
          order: q.order ?? 'desc',
          ...(q.starting_after !== undefined ? { startingAfter: q.starting_after } : {}),
        });
        const data = page.records.map(toAuditView);
        return {
          object: 'list' as const,
          data,
          has_more: page.hasMore,
          next_cursor: page.hasMore ? (data[data.length - 1]?.seq ?? null) : null,
        };
      },
    );
  };
}

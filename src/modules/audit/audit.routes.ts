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
import { type AuditStep, CHAIN_START, type ChainLink } from './audit-verify.js';

export interface AuditLogReader {
  list(merchantId: string, filters: AuditFilters, page: AuditPageRequest): Promise<AuditPage>;
  /** one bounded step of verifying the whole chain (audit-verify.ts) */
  verifyStep(from: ChainLink, limit: number): Promise<AuditStep>;
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

const DEFAULT_VERIFY_STEP = 1000;
const HASH = '^[0-9a-f]{64}$';

const VerifyQuery = Type.Object(
  {
    after_seq: Type.Optional(
      Type.Integer({ minimum: 1, description: 'the previous step’s next.after_seq; absent: from the first record' }),
    ),
    prev_hash: Type.Optional(
      Type.String({ pattern: HASH, description: 'the previous step’s next.prev_hash (the running hash); with after_seq' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, description: 'records checked in this step (default 1000)' })),
  },
  { additionalProperties: false },
);

const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

const VerifyStepSchema = Type.Object(
  {
    ok: Type.Boolean({ description: 'false: the chain is broken at `problem`' }),
    done: Type.Boolean({ description: 'the whole chain up to the head is checked (or a problem was found)' }),
    checked: Type.Integer({ description: 'records 1..checked are verified' }),
    total: Type.Integer({ description: 'records in the chain (the head’s seq) as this step read it; it grows as records are added' }),
    next: Type.Union([Type.Object({ after_seq: Type.Integer(), prev_hash: Type.String() }, { additionalProperties: false }), Type.Null()], {
      description: 'pass both as the query of the next step; null when done',
    }),
    problem: Type.Union(
      [
        Type.Object(
          {
            kind: Type.Union([
              Type.Literal('changed'),
              Type.Literal('broken_link'),
              Type.Literal('missing'),
              Type.Literal('truncated'),
              Type.Literal('head_mismatch'),
            ]),
            seq: NullableInt,
            from: NullableInt,
            to: NullableInt,
            message: Type.String(),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'where the chain is broken: the record (seq) or the range of missing records' },
    ),
  },
  { additionalProperties: false },
);

function toStepView(step: AuditStep) {
  if (!step.ok) {
    const { problem } = step;
    const seq = 'seq' in problem ? problem.seq : null;
    const range = 'from' in problem ? { from: problem.from, to: problem.to } : { from: null, to: null };
    return {
      ok: false,
      done: true,
      checked: step.checked,
      total: step.headSeq,
      next: null,
      problem: { kind: problem.kind, seq, ...range, message: problem.message },
    };
  }
  return {
    ok: true,
    done: step.done,
    checked: step.checked,
    total: step.headSeq,
    next: step.done ? null : { after_seq: step.last.seq, prev_hash: step.last.hash },
    problem: null,
  };
}

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

    app.get(
      '/verify',
      {
        config: { scope: 'admin' },
        schema: {
          tags: ['audit'],
          operationId: 'verifyAuditChain',
          summary: 'Verify the audit chain one bounded step at a time (admin)',
          description:
            'Checks up to `limit` records of the whole hash chain (every merchant’s records: the chain is one) and answers how far it got and where to go on, so a client can show progress; the step that reaches the head also checks the head. The same checks as `tron-payment-gateway audit verify`.',
          querystring: VerifyQuery,
          response: { 200: VerifyStepSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema },
        },
      },
      async (request) => {
        const q = request.query;
        if ((q.after_seq === undefined) !== (q.prev_hash === undefined)) {
          const missing = q.after_seq === undefined ? 'after_seq' : 'prev_hash';
          throw validationError([{ path: `query.${missing}`, message: 'after_seq and prev_hash go together (the previous step’s next)' }]);
        }
        const from = q.after_seq === undefined ? CHAIN_START : { seq: q.after_seq, hash: q.prev_hash as string };
        return toStepView(await deps.reader.verifyStep(from, q.limit ?? DEFAULT_VERIFY_STEP));
      },
    );
  };
}

/**
 * RFC 9457 problem documents: the one shape every error answer of the API takes (SPEC §4). The body is
 * serialised here, not by a route's response schema, so no route schema can drop or reshape its fields.
 */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { type AppError, ERROR_CATALOGUE, type ErrorCode, type FieldError } from '../shared/errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const PROBLEM_TYPE_BASE = 'https://tron-payment-gateway.dev/problems/';

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: `${PROBLEM_TYPE_BASE}<code>` }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'stable error code from the catalogue' }),
    request_id: Type.String(),
    errors: Type.Array(Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false, description: 'application/problem+json' },
);

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  request_id: string;
  errors: FieldError[];
}

export function problemType(code: ErrorCode): string {
  return `${PROBLEM_TYPE_BASE}${code}`;
}

export function problemDocument(error: AppError, requestId: string): ProblemDocument {
  const entry = ERROR_CATALOGUE[error.code];
  return {
    type: problemType(error.code),
    title: entry.title,
    status: entry.status,
    detail: error.detail,
    code: error.code,
    request_id: requestId,
    errors: error.errors.map((e) => ({ path: e.path, message: e.message })),
  };
}

/** Sends `error` as a problem document; the only place an AppError becomes HTTP. */
export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  const body = problemDocument(error, reply.request.id);
  reply.code(body.status).type(PROBLEM_CONTENT_TYPE);
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.max(0, Math.ceil(error.retryAfterSeconds))));
  if (error.code === 'unauthorized') reply.header('www-authenticate', 'Bearer');
  return reply.send(JSON.stringify(body));
}

/**
 * What every module's routes do the same way: name the caller for the use case, and turn a use case's
 * refusal into the thrown AppError the error handler renders as a problem document.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../shared/errors.js';
import type { Result } from '../shared/result.js';
import { requirePrincipal } from './auth.js';
import type { ClaimedAnswer, RenderedAnswer } from './ports.js';

/**
 * The caller as the use cases take it (payments' `Actor`, reports' `Requester`, webhooks' `WebhookCaller`
 * have this shape): the merchant, the API key or dashboard user acting for it, and the request id for the
 * audit record.
 */
export interface RequestActor {
  merchantId: string;
  actor: string;
  requestId: string;
}

/** The authenticated caller of the request; no key answers 401. */
export function actorOf(request: FastifyRequest): RequestActor {
  const principal = requirePrincipal(request);
  return { merchantId: principal.merchantId, actor: principal.actor, requestId: request.id };
}

/** A use case's value, or its refusal thrown for the error handler. */
export function unwrap<T>(result: Result<T, AppError>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * The request's Idempotency-Key for a use case that claims it in its own transaction (route config
 * `claimsIdempotencyKey`, ADR 0033), answered on success with `render`; undefined without a key.
 */
export function claimedAnswer<T>(request: FastifyRequest, render: (value: T) => RenderedAnswer): ClaimedAnswer<T> | undefined {
  return request.idempotency ? { claim: request.idempotency, render } : undefined;
}

/**
 * `view` serialised by the route's own response schema for `statusCode`, byte for byte what Fastify would
 * send, for a use case to store with its claimed key.
 */
export function schemaAnswer(reply: FastifyReply, statusCode: number, view: object): RenderedAnswer {
  return { statusCode, body: reply.serializeInput(view as Record<string, unknown>, String(statusCode)) as string };
}

/** Sends an answer rendered (and, with a key, stored) by the use case, so that a replay is byte-identical. */
export function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: RenderedAnswer): FastifyReply {
  if (request.idempotency) request.idempotencyStored = true;
  return reply.code(answer.statusCode).type('application/json; charset=utf-8').send(answer.body);
}

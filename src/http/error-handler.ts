/**
 * Every failure becomes a problem document here: AppErrors keep their catalogue status, Fastify's own
 * errors (body too large, wrong content type, bad URL…) get the matching code, and anything else is a 500
 * whose body says only "internal error" — the exception is logged with the request id, never sent.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../shared/errors.js';
import { sendProblem } from './problem.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'malformed_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'not_ready',
};

/** Maps any thrown value to the AppError the client sees. */
export function toAppError(error: unknown, request?: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError> | null;
  const code = typeof fastifyError?.code === 'string' ? fastifyError.code : '';
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request?.routeOptions.bodyLimit;
      return new AppError('payload_too_large', limit ? `request body is larger than ${limit} bytes` : 'request body is too large');
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new AppError('unsupported_media_type', `${describeContentType(request)} is not supported; send application/json`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_request', 'request body is empty; send a JSON document or no Content-Type');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('malformed_request', 'request body size does not match Content-Length');
    case 'FST_ERR_BAD_URL':
      return new AppError('malformed_request', 'the URL contains an invalid percent-encoding');
    case 'FST_ERR_HANDLER_TIMEOUT':
      return new AppError('not_ready', 'the request took too long; retry later', [], 1);
  }
  // Other Fastify and plugin errors carry a client-facing status and message; anything else is a bug.
  const status = fastifyError?.statusCode;
  if (code.startsWith('FST_') && typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(STATUS_CODES[status] ?? 'malformed_request', fastifyError?.message ?? 'bad request');
  }
  return new AppError('internal', 'internal error');
}

function describeContentType(request: FastifyRequest | undefined): string {
  const type = request?.headers['content-type'];
  return typeof type === 'string' ? `Content-Type "${type.slice(0, 100)}"` : 'a body without Content-Type';
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error, request);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code, status: appError.status }, appError.detail);
  return sendProblem(reply, appError);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
}

/**
 * Request bodies: JSON only, parsed by `parseRequestJson` so that amounts such as `1e3` or
 * `1000000000.000001` reach the handler as their exact text instead of a rounded double. The raw text is
 * kept on the request because the Idempotency-Key hash must cover the bytes the client sent.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors.js';
import { parseRequestJson, RequestJsonError } from '../shared/request-json.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the body text as received; '' for a POST without a body; undefined for bodyless methods */
    rawBody: string | undefined;
  }
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function registerJsonBody(app: FastifyInstance): void {
  app.decorateRequest('rawBody', undefined);
  // Without any other parser Fastify answers 415 to every other content type, including a body sent without one.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    if (text.trim() === '') {
      done(new AppError('malformed_request', 'request body is empty; send a JSON document or no Content-Type'), undefined);
      return;
    }
    try {
      done(null, parseRequestJson(text));
    } catch (error) {
      const detail = error instanceof RequestJsonError ? error.message : 'body is not valid JSON';
      done(new AppError('malformed_request', detail), undefined);
    }
  });
  // Seed clients POST with query parameters and no body at all (no Content-Type, no length): that is `{}`.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && BODY_METHODS.has(request.method)) {
      request.body = {};
      request.rawBody = '';
    }
  });
}

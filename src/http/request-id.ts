/**
 * Request ids: a caller's own `X-Request-Id` is kept when it is safe to log and echo (so ids can be
 * followed across services); anything else is replaced, so a header cannot inject text into logs.
 */
import type { IncomingMessage } from 'node:http';
import { randomHex16 } from '../shared/ids.js';

export const REQUEST_ID_HEADER = 'x-request-id';
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export function newRequestId(): string {
  return `req_${randomHex16()}`;
}

/** Fastify `genReqId`. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : newRequestId();
}

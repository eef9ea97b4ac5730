/**
 * Idempotency-Key on POST and JSON PUT (SPEC §4): the same key and request replays the first answer byte for byte,
 * the same key with another request is a 422, and a duplicate that arrives while the first is still
 * running is a 409. Keys are scoped per merchant.
 *
 * Use cases that claim the key in their own database transaction (ADR 0033, `claimed-answer.ts`) read
 * `request.idempotency`, set `request.idempotencyStored = true`, and declare `config.claimsIdempotencyKey`
 * on the route: the database decides duplicates across processes and crashes. A duplicate that lost the
 * race (its claim failed, or its effect was refused because the first one's had happened) is answered
 * with the first one's stored answer once that is committed. Other routes get their answer saved here
 * just before it is sent, with a per-process in-flight guard.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../shared/errors.js';
import type { IdempotencyClaim, IdempotencyRecord, IdempotencyStore } from './ports.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** set when this request carries a new Idempotency-Key; null otherwise */
    idempotency: IdempotencyClaim | null;
    /** a handler that saved the record itself sets this so the plugin does not save it again */
    idempotencyStored: boolean;
  }
  interface FastifyContextConfig {
    /** the use case claims the Idempotency-Key in its own transaction (no per-process guard needed) */
    claimsIdempotencyKey?: boolean;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** The store plus how long its records live (the store enforces expiry; callers may show it). */
export type HttpIdempotency = IdempotencyStore & { ttlMs: number };

/** Covers the concrete path and query string (seed clients POST parameters in the query) and the body bytes. */
export function idempotencyRequestHash(method: string, url: string, rawBody: string): string {
  return createHash('sha256').update(`${method}\n${url}\n${rawBody}`).digest('hex');
}

export function registerIdempotency(app: FastifyInstance, store: HttpIdempotency): void {
  const inFlight = new Set<string>();
  const held = new WeakMap<FastifyRequest, string>();
  const release = (request: FastifyRequest) => {
    const slot = held.get(request);
    if (slot === undefined) return;
    held.delete(request);
    inFlight.delete(slot);
  };

  app.decorateRequest('idempotency', null);
  app.decorateRequest('idempotencyStored', false);

  app.addHook('preHandler', async (request, reply) => {
    // a PUT of JSON too (its bytes are hashed); a binary PUT (a logo) is idempotent by its own nature
    if (request.method !== 'POST' && !(request.method === 'PUT' && request.rawBody !== undefined)) return;
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw fieldError(`headers.${IDEMPOTENCY_HEADER}`, 'must be 1 to 255 printable ASCII characters');
    }
    // Keys belong to a merchant; a public POST has none to scope them by.
    const principal = request.principal;
    if (principal === null) return;

    if (!request.routeOptions.config.claimsIdempotencyKey) {
      const slot = `${principal.merchantId}\u0000${key}`;
      if (inFlight.has(slot)) {
        throw new AppError('idempotency_in_flight', `a request with this Idempotency-Key is still being processed; retry later`, [], 1);
      }
      // Marked before the first await so two concurrent duplicates cannot both pass the check.
      inFlight.add(slot);
      held.set(request, slot);
    }

    const path = request.url.split('?')[0] ?? request.url;
    const requestHash = idempotencyRequestHash(request.method, request.url, request.rawBody ?? '');
    const record = await store.find(principal.merchantId, key);
    if (record === null) {
      request.idempotency = { merchantId: principal.merchantId, key, requestHash, method: request.method, path, ttlMs: store.ttlMs };
      return;
    }
    release(request);
    if (record.requestHash !== requestHash) {
      throw new AppError('idempotency_key_reused', 'this Idempotency-Key was already used with a different request; use a new key');
    }
    return replay(reply, record).send(record.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    try {
      if (claim !== null && !request.idempotencyStored && reply.statusCode >= 400 && request.routeOptions.config.claimsIdempotencyKey) {
        // a duplicate that lost the race to a request that committed meanwhile: answer what that one answered
        const winner = await store.find(claim.merchantId, claim.key);
        if (winner !== null && winner.requestHash === claim.requestHash) {
          request.idempotencyStored = true;
          replay(reply, winner).removeHeader('retry-after');
          return winner.body;
        }
      }
      const status = reply.statusCode;
      // 5xx, 409 and 429 say "try again": storing them would make the retry replay the failure.
      const replayable = status < 500 && status !== 409 && status !== 429;
      if (claim !== null && !request.idempotencyStored && replayable && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
        const body = typeof payload === 'string' ? payload : payload.toString('utf8');
        await store.save(claim.merchantId, claim.key, { ...recordOf(claim), statusCode: status, body });
        request.idempotencyStored = true;
      }
    } catch (error) {
      // The side effect already happened; the client still gets its answer, only a retry would run again.
      request.log.error({ err: error }, 'could not store the Idempotency-Key response');
    } finally {
      // Released once the record is saved, so a retry from here on finds it.
      release(request);
    }
    return payload;
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
}

function replay(reply: FastifyReply, record: IdempotencyRecord): FastifyReply {
  return reply
    .code(record.statusCode)
    .header(REPLAYED_HEADER, 'true')
    .type(record.statusCode >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json; charset=utf-8');
}

function recordOf(claim: IdempotencyClaim) {
  return { requestHash: claim.requestHash, method: claim.method, path: claim.path };
}

/**
 * Idempotency-Key on POST and JSON PUT (SPEC §4): the same key and request replays the first answer byte for byte,
 * the same key with another request is a 422, and a duplicate that arrives while the first is still
 * running is a 409. Keys are scoped per merchant.
 *
 * Every route with an effect claims the key in its use case's own database transaction (ADR 0033,
 * `claimed-answer.ts`): it reads `request.idempotency`, sets `request.idempotencyStored = true`, and
 * declares `config.claimsIdempotencyKey`. The database decides duplicates across processes and crashes. A
 * duplicate that lost the race (its claim failed, or its effect was refused because the first one's had
 * happened) is answered with the first one's stored answer once that is committed. A refusal, and the
 * answer of a route without an effect (`config.changesNothing`, a preview), are saved here just before
 * they are sent: running those twice changes nothing, so no in-flight guard is needed.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
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
    /** the use case claims the Idempotency-Key in its own transaction, with its effect */
    claimsIdempotencyKey?: boolean;
    /** the route has no effect (a preview): its answer is stored after it is sent, nothing to claim */
    changesNothing?: boolean;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** The store plus how long its records live (the store enforces expiry; callers may show it). */
export type HttpIdempotency = IdempotencyStore & { ttlMs: number };

/**
 * Covers the concrete path and query string (seed clients POST parameters in the query) and the body bytes;
 * for a dashboard session also the user: keys are the merchant's, and one user's stored answer (a TOTP
 * secret, a one-time password) must never replay to another user who happened to send the same request.
 */
export function idempotencyRequestHash(method: string, url: string, rawBody: string, sessionActor: string | null = null): string {
  const who = sessionActor === null ? '' : `${sessionActor}\n`;
  return createHash('sha256').update(`${method}\n${url}\n${who}${rawBody}`).digest('hex');
}

export function registerIdempotency(app: FastifyInstance, store: HttpIdempotency): void {
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

    const path = request.url.split('?')[0] ?? request.url;
    const requestHash = idempotencyRequestHash(request.method, request.url, request.rawBody ?? '', principal.user ? principal.actor : null);
    const record = await store.find(principal.merchantId, key);
    if (record === null) {
      request.idempotency = { merchantId: principal.merchantId, key, requestHash, method: request.method, path, ttlMs: store.ttlMs };
      return;
    }
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
    }
    return payload;
  });
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

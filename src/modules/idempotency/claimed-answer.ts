/**
 * An Idempotency-Key claimed in the database, in the same transaction as the effect it guards (ADR 0033).
 * The key's row is inserted first, before the effect reads anything: on PostgreSQL a concurrent duplicate
 * (in any process) then waits on the key's unique index until the first commits, and fails instead of
 * running the effect twice; the HTTP layer answers it with the stored answer. The row is completed with
 * the rendered answer before the commit, so a crash after the commit still leaves the answer for a retry.
 * A refusal removes the claim again (nothing happened; the plugin stores the refusal as before).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ClaimedAnswer, IdempotencyClaim, RenderedAnswer } from '../../http/ports.js';
import { AppError } from '../../shared/errors.js';
import type { Result } from '../../shared/result.js';

/** re-exported so that use cases take it from here rather than from the HTTP layer */
export type { ClaimedAnswer } from '../../http/ports.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Claims the key inside `trx`; a concurrent duplicate that committed first makes this throw `idempotency_in_flight`. */
export async function claimKey(trx: Executor, claim: IdempotencyClaim, at: number): Promise<void> {
  // an expired record of the same key no longer counts (the plugin did not find it): replace it
  await trx
    .deleteFrom('idempotency_keys')
    .where('merchant_id', '=', claim.merchantId)
    .where('key', '=', claim.key)
    .where('expires_at', '<=', at)
    .execute();
  try {
    await trx
      .insertInto('idempotency_keys')
      .values({
        merchant_id: claim.merchantId,
        key: claim.key,
        request_hash: claim.requestHash,
        method: claim.method,
        path: claim.path,
        // completed by storeAnswer before the commit; never visible to anyone else in this state
        status_code: 0,
        response_body: '',
        created_at: at,
        expires_at: at + claim.ttlMs,
      })
      .execute();
  } catch (error) {
    if (isIdempotencyKeyConflict(error)) throw inFlight();
    throw error;
  }
}

/** Completes the claimed row with the answer, in the same transaction as the effect. */
export async function storeAnswer(trx: Executor, claim: IdempotencyClaim, answer: RenderedAnswer): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({ status_code: answer.statusCode, response_body: answer.body })
    .where('merchant_id', '=', claim.merchantId)
    .where('key', '=', claim.key)
    .execute();
}

/** Drops a claim whose effect was refused, so that nothing but the refusal is remembered. */
export async function releaseKey(trx: Executor, claim: IdempotencyClaim): Promise<void> {
  await trx
    .deleteFrom('idempotency_keys')
    .where('merchant_id', '=', claim.merchantId)
    .where('key', '=', claim.key)
    .where('status_code', '=', 0)
    .execute();
}

/**
 * Runs `effect` (inside `trx`) under the claim: claim first, then the effect, then its answer — or, on a
 * refusal, the claim released. Without an answer to claim it is just the effect.
 */
export async function claimed<T>(
  trx: Executor,
  answer: ClaimedAnswer<T> | undefined,
  at: number,
  effect: () => Promise<Result<T, AppError>>,
): Promise<Result<T, AppError>> {
  if (!answer) return effect();
  await claimKey(trx, answer.claim, at);
  const result = await effect();
  if (result.ok) await storeAnswer(trx, answer.claim, answer.render(result.value));
  else await releaseKey(trx, answer.claim);
  return result;
}

/**
 * `claimed` for an effect that throws its refusal instead of returning it: the throw rolls the claim back
 * with the rest of the transaction.
 */
export async function claimedValue<T>(
  trx: Executor,
  answer: ClaimedAnswer<T> | undefined,
  at: number,
  effect: () => Promise<T>,
): Promise<T> {
  if (!answer) return effect();
  await claimKey(trx, answer.claim, at);
  const value = await effect();
  await storeAnswer(trx, answer.claim, answer.render(value));
  return value;
}

export function inFlight(): AppError {
  return new AppError(
    'idempotency_in_flight',
    'a concurrent request with the same Idempotency-Key was just completed; retry to get its response',
  );
}

/** A duplicate Idempotency-Key row: another request with the same key committed first. */
export function isIdempotencyKeyConflict(error: unknown): boolean {
  const e = error as { code?: string; message?: string; table?: string; constraint?: string };
  const unique = e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
  return unique && [e.table, e.constraint, e.message].some((text) => typeof text === 'string' && text.includes('idempotency_keys'));
}

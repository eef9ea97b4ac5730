/**
 * Cancelling an owner's transfer before it exists (SPEC §3.3: a payout may be cancelled while pending).
 * Only a send still `queued` can be cancelled: it is marked failed (reason `cancelled`) in the caller's
 * transaction. The sender's store of signed bytes requires `status = 'queued'` and counts the rows it
 * changed, so a sender that claimed the send before the cancel committed stores nothing and broadcasts
 * nothing. Once signed bytes exist they may be in a node's pool: the cancel is refused.
 */
import type { SendPurpose, SendTransaction } from './send-contract.js';
import { compareAndSet } from './send-lifecycle.js';

/**
 * - `none`: the owner has no live send (nothing was queued, or it ended without landing)
 * - `cancelled`: its queued send was marked failed with reason `cancelled`
 * - `in_flight`: a send is signed or later; it may land, so the owner must not be cancelled
 */
export type SendCancelOutcome = 'none' | 'cancelled' | 'in_flight';

export const CANCELLED_SEND_REASON = 'cancelled';

const IN_FLIGHT_OR_DONE = ['signed', 'broadcast', 'confirmed', 'failing', 'completed'] as const;

export async function cancelQueuedSend(
  trx: SendTransaction,
  purpose: SendPurpose,
  ownerId: string,
  now: number,
): Promise<SendCancelOutcome> {
  if (await hasSigned(trx, purpose, ownerId)) return 'in_flight';
  const step = compareAndSet({ type: 'cancelled' });
  const result = await trx
    .updateTable('chain_sends')
    .set({
      status: step.to,
      failure_reason: CANCELLED_SEND_REASON,
      last_error: 'cancelled before it was signed',
      // the claim (locked_by) is left as it is: the status alone must stop a sender that holds it
      updated_at: now,
    })
    .where('purpose', '=', purpose)
    .where('owner_id', '=', ownerId)
    .where('status', 'in', step.from)
    .executeTakeFirst();
  // A sender may have stored its signed bytes between the read above and this update (PostgreSQL, READ
  // COMMITTED): the update then changed nothing, and this read, a new snapshot, sees the signed send.
  if (await hasSigned(trx, purpose, ownerId)) return 'in_flight';
  return Number(result.numUpdatedRows) > 0 ? 'cancelled' : 'none';
}

async function hasSigned(trx: SendTransaction, purpose: SendPurpose, ownerId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('chain_sends')
    .select('id')
    .where('purpose', '=', purpose)
    .where('owner_id', '=', ownerId)
    .where('status', 'in', [...IN_FLIGHT_OR_DONE])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

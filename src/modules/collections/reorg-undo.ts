/**
 * Undoing what orphaned blocks recorded (issue 20, docs/adr/0034). When the scanner rewinds to the common
 * ancestor of its blocks and the node's, every open transfer recorded above that block is looked up on
 * the node: one the new branch holds again (same transaction, successful) keeps its row and its credit,
 * moved to its new block; one the chain no longer has becomes `dropped`, and its payment is recounted
 * from the transfers still on chain (PaymentsService.revertPaymentIn: `payment.reverted`). Ledger credits
 * need no undo: they are posted at completion only, from solidified blocks, which no reorganisation reaches.
 */
import type { Kysely } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { TronClient } from '../../tron/client.js';
import type { TransactionInfo } from '../../tron/node-json.js';
import type { AuditRecorder } from '../audit/audit-trail.js';
import { amountExpected } from '../payments/payment.js';
import type { PaymentsRepository } from '../payments/payments.repository.js';
import type { PaymentsService } from '../payments/payments.service.js';
import { confirmationsOf, exceptionFor } from './collection-progress.js';
import type { ChainTip, TransferMatch } from './transfer-recorder.js';

export interface ReorgUndoDeps {
  db: Kysely<DB>;
  config: GatewayConfig;
  clock: Clock;
  payments: Pick<PaymentsService, 'revertPaymentIn'>;
  repository: Pick<PaymentsRepository, 'findById'>;
  audit: AuditRecorder;
  client: Pick<TronClient, 'getTransactionInfoById'>;
}

export interface UndoSummary {
  /** transfers the new branch holds again, in another block */
  moved: number;
  /** transfers the chain no longer has */
  dropped: number;
  /** payments stepped back (payment.reverted) */
  reverted: string[];
}

const COUNTED: readonly TransferMatch[] = ['deposit', 'direct', 'late'];
const ACTOR = { actor: 'system:scanner', requestId: null } as const;

interface OpenRow {
  id: string;
  tx_id: string;
  log_index: number | bigint | string;
  payment_id: string | null;
  merchant_id: string | null;
  match: string;
  block_number: number | bigint | string;
}

/** Undoes the open transfers recorded above `ancestor` (see the module comment). */
export async function undoAbove(deps: ReorgUndoDeps, ancestor: number, tip: ChainTip): Promise<UndoSummary> {
  const rows: OpenRow[] = await deps.db
    .selectFrom('chain_transfers')
    .select(['id', 'tx_id', 'log_index', 'payment_id', 'merchant_id', 'match', 'block_number'])
    .where('block_number', '>', ancestor)
    .where('status', 'in', ['seen', 'confirmed'])
    .orderBy('block_number')
    .execute();
  const summary: UndoSummary = { moved: 0, dropped: 0, reverted: [] };
  const gone: OpenRow[] = [];
  const infos = new Map<string, TransactionInfo | null>();
  for (const row of rows) {
    if (!infos.has(row.tx_id)) infos.set(row.tx_id, await deps.client.getTransactionInfoById(row.tx_id));
    const info = infos.get(row.tx_id) ?? null;
    if (info && stillOnChain(info, Number(row.log_index), ancestor)) {
      await deps.db
        .updateTable('chain_transfers')
        .set({
          block_number: Number(info.blockNumber),
          block_timestamp: Number(info.blockTimestamp),
          confirmations: confirmationsOf(tip.head, Number(info.blockNumber)),
          status: 'seen',
          updated_at: deps.clock.now(),
        })
        .where('id', '=', row.id)
        .execute();
      summary.moved++;
    } else {
      gone.push(row);
    }
  }
  const byPayment = new Map<string | null, OpenRow[]>();
  for (const row of gone) byPayment.set(row.payment_id, [...(byPayment.get(row.payment_id) ?? []), row]);
  for (const [paymentId, dropped] of byPayment) {
    const reverted = await dropTransfers(deps, paymentId, dropped);
    summary.dropped += dropped.length;
    if (reverted) summary.reverted.push(reverted);
  }
  return summary;
}

/** Whether the node's receipt still shows the transfer, in a block of the new branch. */
function stillOnChain(info: TransactionInfo, logIndex: number, ancestor: number): boolean {
  if (info.failed || Number(info.blockNumber) <= ancestor) return false;
  if (logIndex === -1) return true; // a TRX transfer
  if (info.receipt.result !== 'SUCCESS') return false;
  // a token transfer's log, or TRX a contract forwarded (transfer-recorder.ts internalLogIndex)
  return logIndex >= 0 ? logIndex < info.logs.length : -2 - logIndex < info.internalTransfers.length;
}

/** Marks one payment's vanished transfers dropped and steps the payment back, in one transaction; returns the payment reverted, if any. */
async function dropTransfers(deps: ReorgUndoDeps, paymentId: string | null, dropped: readonly OpenRow[]): Promise<string | null> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await trx
      .updateTable('chain_transfers')
      .set({ status: 'dropped', updated_at: now })
      .where(
        'id',
        'in',
        dropped.map((r) => r.id),
      )
      .execute();
    let reverted: string | null = null;
    const payment =
      paymentId && dropped.some((r) => COUNTED.includes(r.match as TransferMatch)) ? await deps.repository.findById(trx, paymentId) : null;
    if (payment) {
      const remaining = await trx
        .selectFrom('chain_transfers')
        .select(['tx_id', 'amount', 'match'])
        .where('payment_id', '=', payment.id)
        .where('match', 'in', COUNTED)
        .where('status', '!=', 'dropped')
        .orderBy('block_number')
        .orderBy('log_index')
        .execute();
      const received = remaining.reduce((sum, r) => sum + BigInt(r.amount), 0n);
      const late = payment.exception === 'paid_late' || remaining.some((r) => r.match === 'late');
      const result = await deps.payments.revertPaymentIn(
        trx,
        payment.id,
        {
          amountReceived: received,
          exception: received > 0n ? exceptionFor(amountExpected(payment), received, deps.config.underpaymentTolerance, late) : null,
          transactionId: remaining[0]?.tx_id ?? null,
        },
        ACTOR,
      );
      // a payment that is no longer processing or confirmed (failed as underpaid, say) keeps its status
      if (result.ok) reverted = payment.id;
    }
    await deps.audit.record(
      trx,
      dropped.map((r) => ({
        merchantId: r.merchant_id,
        actor: ACTOR.actor,
        action: 'chain_transfer.dropped',
        entityType: 'chain_transfer',
        entityId: r.id,
        requestId: null,
        after: {
          tx_id: r.tx_id,
          log_index: Number(r.log_index),
          block_number: Number(r.block_number),
          payment_id: r.payment_id,
          reason: 'chain_reorganization',
        },
      })),
    );
    return reverted;
  });
}

/**
 * Payouts (SPEC §3.2 `route`, §3.3): the durable `payout.send` job hands a pending payout to the chain
 * sender, and the sender's steps move the payment along its lifecycle — broadcast → processing (with its
 * transaction id), confirmed (with the TRX burned), completed (solidified), or failed with the reason.
 */
import type { Kysely, Transaction } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import { queueRank } from '../../shared/catalogues/priorities.js';
import type { AppError } from '../../shared/errors.js';
import type { AuditContext } from '../audit/audit-trail.js';
import type { SendFailure, SendHandler, SendQueue, SendRecord, SendRequest, SendTransaction } from '../chain/send-contract.js';
import { CHAIN_REORGANIZATION, type Payment } from '../payments/payment.js';
import type { PaymentsRepository } from '../payments/payments.repository.js';
import type { MerchantDirectory, PaymentAdvance, PaymentsService } from '../payments/payments.service.js';

export const PAYOUTS_ACTOR: AuditContext = { actor: 'system:payouts', requestId: null };

export interface PayoutsLogger {
  warn(obj: object, msg: string): void;
}

export interface PayoutsDeps {
  db: Kysely<DB>;
  config: GatewayConfig;
  payments: PaymentsService;
  repository: PaymentsRepository;
  merchants: MerchantDirectory;
  sends: SendQueue;
  logger: PayoutsLogger;
  /** a send was queued (wake the sender) */
  onQueued?: () => void;
  /** the job queue: the `payout.send` jobs of payouts a sweep queued are done in the sweep's transaction */
  jobs?: { completeQueuedByDedupeKeys(executor: Transaction<DB>, dedupeKeys: readonly string[]): Promise<number> };
}

export type PayoutJobOutcome = 'queued' | 'skipped' | 'denied' | 'merchant_inactive';

/** Pending payouts one `payout.send` job hands to the sender besides its own (see sendPayout). */
export const PAYOUT_SWEEP_LIMIT = 500;

export class PayoutsService {
  constructor(private readonly deps: PayoutsDeps) {}

  /**
   * The `payout.send` job: a pending `route` payout that is not held for approval and whose payee is not
   * deny-listed gets one send (purpose payout, owner = the payment); anything else is left alone. Safe to
   * run twice: the send is idempotent per payment. The job also queues up to PAYOUT_SWEEP_LIMIT other
   * pending payouts that have no send yet, in one transaction: a batch of 1000 payouts reaches the sender
   * in a few commits instead of 1000 job runs (their own jobs then find the send there and finish at once).
   */
  async sendPayout(paymentId: string): Promise<PayoutJobOutcome> {
    const outcome = await this.sendOne(paymentId);
    // a payout queued already by another job's sweep: that sweep (or the job of a payout it left) covers the rest
    if (outcome === 'queued' || outcome === 'denied') await this.queuePending(PAYOUT_SWEEP_LIMIT);
    return outcome;
  }

  /** Queues sends for pending payouts without one (oldest and most urgent first); returns how many. */
  async queuePending(limit: number): Promise<number> {
    const { db, config, sends } = this.deps;
    const rows = (await this.deps.repository.payoutsWithoutSend(db, limit)).map((id) => ({ id }));
    if (rows.length === 0) return 0;
    const denyList = new Set(config.raw.transaction_limits.deny_list);
    const indexes = new Map<string, number | null>();
    const queued = await db.transaction().execute(async (trx) => {
      // read again, locked, inside the transaction: a cancel may have come first
      const payments = await this.deps.repository.findManyForUpdate(
        trx,
        rows.map((r) => r.id),
      );
      const requests: SendRequest[] = [];
      for (const { id } of rows) {
        const payment = payments.get(id);
        if (!payment || !isSendable(payment) || denyList.has(payment.payeeAddress)) continue;
        if (!indexes.has(payment.merchantId)) indexes.set(payment.merchantId, await this.deps.merchants.hotWalletIndex(payment.merchantId));
        const merchantIndex = indexes.get(payment.merchantId);
        if (merchantIndex === null || merchantIndex === undefined) continue;
        requests.push(this.request(payment, merchantIndex));
      }
      if (sends.enqueueMany) await sends.enqueueMany(trx, requests);
      else for (const request of requests) await sends.enqueue(trx, request);
      // their own jobs have nothing left to do: one statement instead of a claim and a commit each
      await this.deps.jobs?.completeQueuedByDedupeKeys(
        trx,
        requests.map((r) => `payout:${r.ownerId}`),
      );
      return requests.length;
    });
    if (queued > 0) this.deps.onQueued?.();
    return queued;
  }

  private async sendOne(paymentId: string): Promise<PayoutJobOutcome> {
    const { db, config, sends } = this.deps;
    const found = await this.deps.repository.findById(db, paymentId);
    if (!found || !isSendable(found)) return 'skipped';
    // queued already by another payout's job (queuePending): nothing to do
    if ((await sends.forOwner(db, 'payout', paymentId)).length > 0) return 'skipped';
    if (config.raw.transaction_limits.deny_list.includes(found.payeeAddress)) {
      await this.deps.payments.advancePayment(paymentId, { to: 'failed', reason: 'payee_denied' }, PAYOUTS_ACTOR);
      return 'denied';
    }
    const merchantIndex = await this.deps.merchants.hotWalletIndex(found.merchantId);
    if (merchantIndex === null) return 'merchant_inactive';
    const queued = await db.transaction().execute(async (trx) => {
      // read again, locked, inside the transaction: a cancel or a second run may have come first (and a
      // cancel committing after this one sees the queued send and cancels it too)
      const payment = (await this.deps.repository.findManyForUpdate(trx, [paymentId])).get(paymentId);
      if (!payment || !isSendable(payment)) return false;
      await sends.enqueue(trx, this.request(payment, merchantIndex));
      return true;
    });
    if (!queued) return 'skipped';
    this.deps.onQueued?.();
    return 'queued';
  }

  private request(payment: Payment, merchantIndex: number): SendRequest {
    return {
      purpose: 'payout',
      ownerId: payment.id,
      merchantId: payment.merchantId,
      signer: { kind: 'hot', merchantIndex },
      toAddress: payment.payeeAddress,
      asset: payment.currency,
      amount: payment.netAmount,
      priority: queueRank(payment.priority),
      maxRetries: this.deps.config.priorities[payment.priority].maxRetries,
    };
  }

  /** What the sender reports about payout sends, applied to the payment in the step's transaction. */
  sendHandler(): SendHandler {
    return {
      // every payment of the steps, in id order, before any of them: two workers never deadlock on them
      lockOwners: (trx, ownerIds) => this.deps.repository.lockInIdOrder(trx, ownerIds),
      onBroadcast: (trx, send) => this.advance(trx, send, broadcastStep(send)),
      onConfirmed: (trx, send) => this.advance(trx, send, confirmedStep(send)),
      onCompleted: (trx, send) => this.advance(trx, send, { to: 'completed' }),
      // back to processing (payment.reverted) until the same bytes, or the next sequence, land again
      onOrphaned: async (trx, send) => {
        const result = await this.deps.payments.revertPaymentIn(trx, send.ownerId, {}, PAYOUTS_ACTOR);
        if (!result.ok) this.handleRefused(send, { to: 'processing', reason: CHAIN_REORGANIZATION }, result.error);
      },
      onFailed: (trx, send, reason) => this.advance(trx, send, failedStep(send, reason)),
      // a whole batch of sends: one bulk step of their payments (one lock query, one audit append)
      onBroadcastMany: (trx, sends) => this.advanceMany(trx, sends, broadcastStep),
      onConfirmedMany: (trx, sends) => this.advanceMany(trx, sends, confirmedStep),
      onCompletedMany: (trx, sends) => this.advanceMany(trx, sends, () => ({ to: 'completed' })),
      onFailedMany: (trx, failures) =>
        this.advanceMany(
          trx,
          failures.map((f) => f.send),
          (send, i) => failedStep(send, (failures[i] as SendFailure).reason),
        ),
    };
  }

  private async advanceMany(
    trx: SendTransaction,
    sends: readonly SendRecord[],
    stepOf: (send: SendRecord, index: number) => PaymentAdvance,
  ): Promise<void> {
    if (sends.length === 0) return;
    const steps = sends.map((send, i) => ({ paymentId: send.ownerId, step: stepOf(send, i) }));
    const results = await this.deps.payments.advancePaymentsIn(trx, steps, PAYOUTS_ACTOR);
    results.forEach((result, i) => {
      if (!result.ok) this.handleRefused(sends[i] as SendRecord, (steps[i] as { step: PaymentAdvance }).step, result.error);
    });
  }

  private async advance(trx: SendTransaction, send: SendRecord, step: PaymentAdvance): Promise<void> {
    const result = await this.deps.payments.advancePaymentIn(trx, send.ownerId, step, PAYOUTS_ACTOR);
    if (!result.ok) this.handleRefused(send, step, result.error);
  }

  /** A step the payment did not take: logged when harmless, else thrown (the step's transaction rolls back). */
  private handleRefused(send: SendRecord, step: PaymentAdvance, error: AppError): void {
    // a step the payment already took (a new sequence broadcast after an expired one) changes nothing
    if (error.code === 'invalid_transition' || error.code === 'not_found') {
      this.deps.logger.warn({ payment: send.ownerId, send: send.id, step: step.to, detail: error.message }, 'payout step not applied');
      return;
    }
    throw new Error(`payout ${send.ownerId}: ${error.message}`);
  }
}

function broadcastStep(send: SendRecord): PaymentAdvance {
  return { to: 'processing', ...(send.txId ? { transactionId: send.txId } : {}) };
}

function confirmedStep(send: SendRecord): PaymentAdvance {
  return {
    to: 'confirmed',
    confirmations: 1,
    ...(send.txId ? { transactionId: send.txId } : {}),
    ...(send.networkFee !== null ? { networkFee: send.networkFee } : {}),
  };
}

function failedStep(send: SendRecord, reason: string): PaymentAdvance {
  return { to: 'failed', reason, ...(send.networkFee !== null ? { networkFee: send.networkFee } : {}) };
}

function isSendable(payment: Payment): boolean {
  return payment.method === 'route' && payment.status === 'pending' && payment.approvalStatus !== 'required';
}

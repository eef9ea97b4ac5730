/**
 * Refund use cases (SPEC §3.8): request a refund of a collection, read it, follow its send on chain,
 * refund overpayments automatically and fail or flag refunds that take too long. The refund row, its
 * send request, its ledger debit and its audit record are written in one transaction under the
 * payment's row lock, so concurrent requests can never refund more than the payment received.
 */

import type { Kysely, Transaction } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import type { ClaimedAnswer } from '../../http/ports.js';
import { type AssetCatalog, MAX_ASSET_DECIMALS } from '../../shared/catalogues/asset-catalog.js';
import { queueRank } from '../../shared/catalogues/priorities.js';
import type { Clock } from '../../shared/clock.js';
import { AppError, type FieldError, notFound, validationError } from '../../shared/errors.js';
import { type IdGenerator, isId } from '../../shared/ids.js';
import { parseAmount } from '../../shared/money.js';
import { err, ok, type Result } from '../../shared/result.js';
import { checkBase58Address } from '../../tron/address.js';
import type { AuditContext, AuditEntry, AuditRecorder } from '../audit/audit-trail.js';
import type { SendFailureReason, SendHandler, SendQueue, SendRecord } from '../chain/send-contract.js';
import type { TransfersRepository } from '../collections/transfers.repository.js';
import type { DisputeHolds } from '../disputes/dispute-holds.js';
import { claimed } from '../idempotency/claimed-answer.js';
import type { Ledger } from '../ledger/ledger.js';
import type { JobWriter, OutboxWriter } from '../payments/create-pipeline.js';
import type { Payment } from '../payments/payment.js';
import { toPaymentView } from '../payments/payment.view.js';
import { paymentRefundedObject, type RefundReason } from '../payments/payment-refunded.js';
import type { PaymentsRepository } from '../payments/payments.repository.js';
import type { Actor, MerchantDirectory, PaymentsService } from '../payments/payments.service.js';
import type { WalletAddresses } from '../wallets/wallet-addresses.js';
import { type Refund, type RefundOrigin, refundableAmount, toRefundDetailView } from './refund.js';
import * as refundLifecycle from './refund-lifecycle.js';
import type { RefundsRepository } from './refunds.repository.js';

export const AUTO_REFUND_JOB = 'refund.auto';
export const REFUND_TIMEOUT_JOB = 'refund.timeout';
/** How often the timeout sweep looks for refunds that take too long. */
export const REFUND_TIMEOUT_EVERY_MS = 60_000;
/** Reason of automatic refunds of overpayments: the payer sent more than asked, most often twice. */
export const AUTO_REFUND_REASON: RefundReason = 'duplicate_payment';
const AUTO_ACTOR = 'system:auto-refund';
const TIMEOUT_ACTOR = 'system:refund-timeout';
const SENDER_ACTOR = 'system:refund-sender';

/** The request as received (JSON body and query string merged by the route). */
export interface RefundInput {
  payment_id: string;
  reason?: string | undefined;
  amount?: unknown;
  refund_address?: string | undefined;
}

export interface RefundsServiceDeps {
  db: Kysely<DB>;
  config: GatewayConfig;
  clock: Clock;
  ids: IdGenerator;
  payments: PaymentsRepository;
  /** moves a fully refunded payment to `refunded` inside the refund's transaction */
  lifecycle: Pick<PaymentsService, 'advancePaymentIn'>;
  refunds: RefundsRepository;
  /** the chain sender; null when the gateway runs without a chain (requests answer 503) */
  sends: SendQueue | null;
  ledger: Pick<Ledger, 'post' | 'entry'>;
  /** the payment's transfers (collections' table): who sent the money */
  transfers: Pick<TransfersRepository, 'firstSenderOf'>;
  outbox: OutboxWriter;
  jobs: JobWriter;
  audit: AuditRecorder;
  merchants: MerchantDirectory;
  wallets: WalletAddresses;
  /** whether an asset's contract has blacklisted an address (refused before anything is stored; false for assets without a blacklist) */
  isBlacklisted?: (asset: string, address: string) => Promise<boolean>;
  /** called after a refund's send was committed (wakes the sender) */
  onQueued?: () => void;
  /** a disputed payment's held credit: a refund of it debits nothing more (ADR 0033) */
  holds?: Pick<DisputeHolds, 'openHold'>;
}

/** Runs inside the refund's transaction, with the payment locked, before the refund is stored; a refusal stops it. */
export type RefundPrecondition = (trx: Transaction<DB>, locked: Payment) => Promise<Result<void, AppError>>;

export interface TimeoutSweep {
  failed: string[];
  flagged: string[];
}

export class RefundsService {
  constructor(private readonly deps: RefundsServiceDeps) {}

  /** `POST /refund`: validates, then stores the refund with its send, ledger debit and audit record. */
  /** With `answer`, the Idempotency-Key is claimed and answered in the refund's own transaction (ADR 0033). */
  async requestRefund(
    actor: Actor,
    input: RefundInput,
    answer?: ClaimedAnswer<Refund>,
    precondition?: RefundPrecondition,
  ): Promise<Result<Refund, AppError>> {
    const { config } = this.deps;
    const errors: FieldError[] = [];
    const allowed = config.raw.refunds.allowed_reasons as readonly string[];
    let reason: RefundReason | null = null;
    if (input.reason === undefined) {
      if (allowed.includes('merchant_initiated')) reason = 'merchant_initiated';
      else errors.push({ path: 'reason', message: `is required (one of ${allowed.join(', ')})` });
    } else if (!allowed.includes(input.reason)) {
      errors.push({ path: 'reason', message: `must be one of ${allowed.join(', ')}` });
    } else {
      reason = input.reason as RefundReason;
    }
    // the amount's form is checked now; its decimals once the payment (and so its asset) is known
    const amountGiven = input.amount !== undefined && input.amount !== null;
    if (amountGiven) {
      const parsed = parseAmount(input.amount, MAX_ASSET_DECIMALS);
      if (!parsed.ok) errors.push({ path: 'amount', message: parsed.message });
    }
    if (input.refund_address !== undefined) {
      const problem = this.addressProblem(input.refund_address);
      if (problem) errors.push({ path: 'refund_address', message: problem });
    }
    if (errors.length > 0) return err(validationError(errors));
    if (!isId('pay', input.payment_id)) return err(notFound('payment', input.payment_id));

    const payment = await this.deps.payments.find(this.deps.db, actor.merchantId, input.payment_id);
    if (!payment) return err(notFound('payment', input.payment_id));
    let amount: bigint | null = null;
    if (amountGiven) {
      const parsed = config.assets.parse(payment.currency, input.amount);
      if (!parsed.ok) return err(validationError([{ path: 'amount', message: `${parsed.message} (${payment.currency})` }]));
      amount = parsed.value;
    }
    // the cheap rules first (payouts → 409) so that a refused refund never needs the chain
    const early = refundableAmount(payment, await this.deps.refunds.sumFor(this.deps.db, payment.id), this.deps.config.assets);
    if (!early.ok) return early;
    if (amount !== null && amount > early.value) return err(exceeds(payment, early.value, config.assets));
    const sends = this.deps.sends;
    if (!sends) return err(new AppError('chain_unavailable', 'refunds need the TRON chain sender, which this gateway runs without'));

    const address = input.refund_address ?? payment.payerAddress ?? (await this.senderSeenOnChain(payment.id));
    if (address === null) {
      return err(
        validationError([
          { path: 'refund_address', message: 'is required: the payment has no payer_address and no sender was seen on chain' },
        ]),
      );
    }
    const problem = this.addressProblem(address) ?? this.managedAddressProblem(address, payment);
    if (problem) {
      const where = input.refund_address === undefined ? ' (the default refund address)' : '';
      return err(validationError([{ path: 'refund_address', message: `${problem}${where}` }]));
    }
    const managed = await this.hotWalletProblem(payment.merchantId, address);
    if (managed) return err(validationError([{ path: 'refund_address', message: managed }]));
    if (await this.blacklisted(payment.currency, address)) {
      return err(new AppError('compliance_refused', `refund_address ${address} is blacklisted by the ${payment.currency} contract`));
    }

    const merchantIndex = await this.deps.merchants.hotWalletIndex(actor.merchantId);
    if (merchantIndex === null) return err(new AppError('unauthorized', `merchant ${actor.merchantId} is not active`));
    const created = await this.deps.db.transaction().execute((trx) =>
      claimed(trx, answer, this.deps.clock.now(), async () => {
        const locked = await this.deps.payments.findForUpdate(trx, actor.merchantId, payment.id);
        if (!locked) return err(notFound('payment', payment.id));
        const allowed = (await precondition?.(trx, locked)) ?? ok(undefined);
        if (!allowed.ok) return allowed;
        const committed = await this.deps.refunds.sumFor(trx, locked.id);
        const remaining = refundableAmount(locked, committed, this.deps.config.assets);
        if (!remaining.ok) return remaining;
        const value = amount ?? remaining.value;
        if (value > remaining.value) return err(exceeds(locked, remaining.value, this.deps.config.assets));
        const refund = await this.createLocked(trx, sends, locked, merchantIndex, {
          amount: value,
          committed,
          reason,
          address,
          origin: 'api',
          context: { actor: actor.actor, requestId: actor.requestId ?? null },
        });
        return ok(refund);
      }),
    );
    if (created.ok) this.deps.onQueued?.();
    return created;
  }

  async getRefund(actor: Actor, id: string): Promise<Result<Refund, AppError>> {
    if (!isId('refund', id)) return err(notFound('refund', id));
    const refund = await this.deps.refunds.find(this.deps.db, actor.merchantId, id);
    return refund ? ok(refund) : err(notFound('refund', id));
  }

  /**
   * The collections hook for an overpaid payment (SPEC §3.8 `refunds.auto_refund`): queues a durable
   * job in the caller's transaction; the job refunds the excess once the payment's funds are final.
   * Returns whether a job was queued.
   */
  async onOverpaid(trx: Transaction<DB>, payment: Payment, excess: bigint, senderAddress: string | null): Promise<boolean> {
    if (!this.deps.config.raw.refunds.auto_refund || excess <= 0n) return false;
    if (payment.method !== 'payment_gateway' && payment.method !== 'direct_transfer') return false;
    await this.deps.jobs.enqueue(trx, [
      {
        type: AUTO_REFUND_JOB,
        payload: { payment_id: payment.id, excess: excess.toString(), sender: senderAddress },
        priority: queueRank(payment.priority),
        // one job per excess seen: a further overpayment raises the excess and queues another
        dedupeKey: `refund.auto:${payment.id}:${excess}`,
      },
    ]);
    return true;
  }

  /**
   * The `refund.auto` job: refunds what is left of the excess (the excess minus earlier automatic
   * refunds) once the payment is final. `waiting` asks to run again later; `done` ends the job.
   */
  async runAutoRefund(payload: { payment_id: string; excess: string; sender: string | null }): Promise<'waiting' | 'done'> {
    const sends = this.deps.sends;
    if (!sends) return 'waiting';
    const payment = await this.deps.payments.findById(this.deps.db, payload.payment_id);
    if (!payment) return 'done';
    if (payment.status === 'processing' || payment.status === 'confirmed') return 'waiting';
    const merchantIndex = await this.deps.merchants.hotWalletIndex(payment.merchantId);
    if (merchantIndex === null) return 'done';
    const address = payment.payerAddress ?? payload.sender ?? (await this.senderSeenOnChain(payment.id));
    const context: AuditContext = { actor: AUTO_ACTOR, requestId: null };
    const problem =
      address === null
        ? 'no refund address: no payer_address and no sender seen on chain'
        : (this.addressProblem(address) ??
          this.managedAddressProblem(address, payment) ??
          (await this.hotWalletProblem(payment.merchantId, address)) ??
          ((await this.blacklisted(payment.currency, address)) ? `is blacklisted by the ${payment.currency} contract` : null));
    await this.deps.db.transaction().execute(async (trx) => {
      const locked = await this.deps.payments.findForUpdate(trx, payment.merchantId, payment.id);
      if (!locked) return;
      const already = await this.deps.refunds.sumFor(trx, locked.id, undefined, 'auto');
      const committed = await this.deps.refunds.sumFor(trx, locked.id);
      const remaining = refundableAmount(locked, committed, this.deps.config.assets);
      const wanted = BigInt(payload.excess) - already;
      if (wanted <= 0n || !remaining.ok) return;
      if (problem !== null || address === null) {
        await this.deps.audit.record(trx, [
          {
            merchantId: locked.merchantId,
            actor: AUTO_ACTOR,
            action: 'refund.auto_skipped',
            entityType: 'payment',
            entityId: locked.id,
            requestId: null,
            after: { excess: this.deps.config.assets.format(locked.currency, wanted), refund_address: address, problem },
          },
        ]);
        return;
      }
      const value = wanted < remaining.value ? wanted : remaining.value;
      await this.createLocked(trx, sends, locked, merchantIndex, {
        amount: value,
        committed,
        reason: AUTO_REFUND_REASON,
        address,
        origin: 'auto',
        context,
      });
    });
    this.deps.onQueued?.();
    return 'done';
  }

  /** What the chain sender reports back about refund sends. */
  sendHandler(): SendHandler {
    return {
      onBroadcast: async (trx, send) => {
        const refund = await this.deps.refunds.findById(trx, send.ownerId);
        if (!refund) return;
        const next = refundLifecycle.transition(refund.status, { type: 'send_broadcast' });
        if (!next.ok) return;
        const now = this.deps.clock.now();
        await this.deps.refunds.update(trx, refund.id, refundLifecycle.allowedFrom('send_broadcast'), {
          status: next.value,
          transactionId: send.txId,
          updatedAt: now,
        });
        if (next.value !== refund.status) {
          await this.deps.audit.record(trx, [
            this.auditEntry(refund, 'refund.processing', { actor: SENDER_ACTOR, requestId: null }, { transaction_id: send.txId }),
          ]);
        }
      },
      onCompleted: (trx, send) => this.completeRefund(trx, send),
      // a reorganisation took its transaction off the chain; it stays `processing` while the same bytes go out again
      onOrphaned: async (trx, send) => {
        const refund = await this.deps.refunds.findById(trx, send.ownerId);
        if (!refund) return;
        await this.deps.audit.record(trx, [
          this.auditEntry(refund, 'refund.transaction_orphaned', { actor: SENDER_ACTOR, requestId: null }, { transaction_id: send.txId }),
        ]);
      },
      onFailed: async (trx, send, reason, detail) => {
        await this.failRefund(trx, send.ownerId, failureText(reason, detail), { actor: SENDER_ACTOR, requestId: null }, false);
      },
    };
  }

  /**
   * The timeout sweep: a refund still open `refund_timeout_hours` after it was made is failed when its
   * send can no longer land (no send, or the sender gave it up), and otherwise flagged for an operator:
   * failing a refund whose transaction may still land would give the merchant's balance back for money
   * that leaves anyway.
   */
  async sweepTimeouts(limit = 100): Promise<TimeoutSweep> {
    const cutoff = this.deps.clock.now() - this.deps.config.raw.refunds.refund_timeout_hours * 3_600_000;
    const due = await this.deps.refunds.openBefore(this.deps.db, cutoff, limit);
    const outcome: TimeoutSweep = { failed: [], flagged: [] };
    const context: AuditContext = { actor: TIMEOUT_ACTOR, requestId: null };
    for (const refund of due) {
      const sends = this.deps.sends ? await this.deps.sends.forOwner(this.deps.db, 'refund', refund.id) : [];
      const latest = sends[0];
      if (!latest || latest.status === 'failed') {
        const done = await this.deps.db
          .transaction()
          .execute((trx) => this.failRefund(trx, refund.id, `timeout: not completed within ${this.timeoutHours()} h`, context, true));
        if (done) outcome.failed.push(refund.id);
        continue;
      }
      const flagged = await this.deps.db.transaction().execute(async (trx) => {
        const now = this.deps.clock.now();
        const changed = await this.deps.refunds.update(trx, refund.id, refundLifecycle.allowedFrom('flagged'), {
          flagged: true,
          updatedAt: now,
        });
        if (!changed) return false;
        await this.deps.audit.record(trx, [
          this.auditEntry(refund, 'refund.flagged', context, {
            reason: `not completed within ${this.timeoutHours()} h; its transaction may still land, so it is left open`,
            send_status: latest.status,
            transaction_id: latest.txId,
          }),
        ]);
        return true;
      });
      if (flagged) outcome.flagged.push(refund.id);
    }
    return outcome;
  }

  // ------------------------------------------------------------------ internals

  private timeoutHours(): number {
    return this.deps.config.raw.refunds.refund_timeout_hours;
  }

  /** Stores the refund, queues its send, debits the ledger and records it; the payment is locked by the caller. */
  private async createLocked(
    trx: Transaction<DB>,
    sends: SendQueue,
    payment: Payment,
    merchantIndex: number,
    spec: {
      amount: bigint;
      /** the payment's non-failed refunds before this one */
      committed: bigint;
      reason: RefundReason | null;
      address: string;
      origin: RefundOrigin;
      context: AuditContext;
    },
  ): Promise<Refund> {
    const now = this.deps.clock.now();
    const refund: Refund = {
      id: this.deps.ids('refund'),
      merchantId: payment.merchantId,
      paymentId: payment.id,
      status: 'pending',
      currency: payment.currency,
      amount: spec.amount,
      reason: spec.reason,
      refundAddress: spec.address,
      transactionId: null,
      networkFee: null,
      failureReason: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
      origin: spec.origin,
      actor: spec.context.actor,
      flagged: false,
    };
    await this.deps.refunds.insert(trx, refund);
    const policy = this.deps.config.priorities[payment.priority];
    await sends.enqueue(trx, {
      purpose: 'refund',
      ownerId: refund.id,
      merchantId: payment.merchantId,
      signer: { kind: 'hot', merchantIndex },
      toAddress: spec.address,
      asset: payment.currency,
      amount: spec.amount,
      priority: queueRank(payment.priority),
      maxRetries: policy.maxRetries,
    });
    const debit = await this.ledgerDebitFor(trx, payment, spec.amount, spec.committed);
    if (debit > 0n) {
      await this.deps.ledger.post(trx, {
        merchantId: payment.merchantId,
        payeeAddress: payment.payeeAddress,
        currency: payment.currency,
        kind: 'refund',
        referenceId: refund.id,
        amount: -debit,
      });
    }
    await this.deps.audit.record(trx, [this.auditEntry(refund, 'refund.created', spec.context)]);
    return refund;
  }

  private async completeRefund(trx: Transaction<DB>, send: SendRecord): Promise<void> {
    const refund = await this.deps.refunds.findById(trx, send.ownerId);
    if (!refund) return;
    const next = refundLifecycle.transition(refund.status, { type: 'send_completed' });
    if (!next.ok) return;
    const payment = await this.deps.payments.findForUpdate(trx, refund.merchantId, refund.paymentId);
    if (!payment) return;
    const now = this.deps.clock.now();
    await this.deps.refunds.update(trx, refund.id, refundLifecycle.allowedFrom('send_completed'), {
      status: next.value,
      transactionId: send.txId,
      networkFee: send.networkFee,
      completedAt: send.completedAt ?? now,
      updatedAt: now,
    });
    const done: Refund = {
      ...refund,
      status: next.value,
      transactionId: send.txId,
      networkFee: send.networkFee,
      completedAt: send.completedAt ?? now,
      updatedAt: now,
    };
    const context: AuditContext = { actor: SENDER_ACTOR, requestId: null };
    const completedSum = await this.deps.refunds.sumFor(trx, payment.id, ['completed']);
    let moved = false;
    if (completedSum >= payment.amountReceived && (payment.status === 'completed' || payment.status === 'disputed')) {
      // a full refund: the payment becomes `refunded`, and its status event carries the refund
      const advanced = await this.deps.lifecycle.advancePaymentIn(trx, payment.id, { to: 'refunded', refund: done }, context);
      moved = advanced.ok;
    }
    if (!moved) {
      // partial (or a payment that cannot become `refunded`, e.g. a failed underpayment): the event alone
      await this.deps.outbox.append(trx, [
        {
          merchantId: payment.merchantId,
          type: 'payment.refunded',
          aggregateType: 'payment',
          aggregateId: payment.id,
          object: paymentRefundedObject(toPaymentView(payment, this.deps.config), done, this.deps.config.assets),
        },
      ]);
    }
    await this.deps.audit.record(trx, [
      this.auditEntry(done, 'refund.completed', context, {
        full: moved,
        refunded_total: this.deps.config.assets.format(payment.currency, completedSum),
      }),
    ]);
  }

  /** Fails an open refund and gives its ledger debit back; false when it was no longer open. */
  private async failRefund(trx: Transaction<DB>, refundId: string, reason: string, context: AuditContext, flag: boolean): Promise<boolean> {
    const refund = await this.deps.refunds.findById(trx, refundId);
    if (!refund) return false;
    const event = flag ? 'timed_out' : 'send_failed';
    const next = refundLifecycle.transition(refund.status, { type: event });
    if (!next.ok) return false;
    const now = this.deps.clock.now();
    const changed = await this.deps.refunds.update(trx, refund.id, refundLifecycle.allowedFrom(event), {
      status: next.value,
      failureReason: reason,
      updatedAt: now,
      ...(flag ? { flagged: true } : {}),
    });
    if (!changed) return false;
    // gives back exactly what the refund debited (nothing when it was paid from an uncredited excess)
    const debit = await this.deps.ledger.entry(trx, 'refund', refund.id);
    if (debit && debit.amount !== 0n) {
      await this.deps.ledger.post(trx, {
        merchantId: refund.merchantId,
        payeeAddress: debit.payeeAddress,
        currency: refund.currency,
        kind: 'refund_reversal',
        referenceId: refund.id,
        amount: -debit.amount,
      });
    }
    const failed: Refund = { ...refund, status: next.value, failureReason: reason, updatedAt: now, flagged: flag || refund.flagged };
    await this.deps.audit.record(trx, [this.auditEntry(failed, flag ? 'refund.timed_out' : 'refund.failed', context)]);
    return true;
  }

  /**
   * What a refund takes from the merchant's ledger balance. Only a credited `payment_gateway` collection
   * has a balance to take from (a direct transfer never entered it; a failed underpayment was never
   * credited), and the overpaid excess (received − amount) was never credited either: refunds use it up
   * first, and only the rest is debited.
   */
  private async ledgerDebitFor(trx: Transaction<DB>, payment: Payment, amount: bigint, committed: bigint): Promise<bigint> {
    if (payment.method !== 'payment_gateway') return 0n;
    const credit = await this.deps.ledger.entry(trx, 'collection', payment.id);
    if (!credit) return 0n;
    if (await this.deps.holds?.openHold(trx, payment.id)) return 0n;
    const excess = payment.amountReceived > payment.amount ? payment.amountReceived - payment.amount : 0n;
    const excessLeft = excess > committed ? excess - committed : 0n;
    return amount > excessLeft ? amount - excessLeft : 0n;
  }

  private auditEntry(refund: Refund, action: string, context: AuditContext, extra?: Record<string, unknown>): AuditEntry {
    return {
      merchantId: refund.merchantId,
      actor: context.actor,
      action,
      entityType: 'refund',
      entityId: refund.id,
      requestId: context.requestId,
      after: { ...toRefundDetailView(refund, this.deps.config.assets), ...extra },
    };
  }

  /** The sender of the payment's first counted transfer (SPEC §3.8: "or the sender seen on chain"). */
  private async senderSeenOnChain(paymentId: string): Promise<string | null> {
    return this.deps.transfers.firstSenderOf(this.deps.db, paymentId);
  }

  private addressProblem(address: string): string | null {
    const check = checkBase58Address(address);
    if (!check.ok) return `is not a valid TRON address: ${check.message}`;
    if (this.deps.config.limits.denyList.has(address)) return 'is on the deny-list';
    return null;
  }

  private managedAddressProblem(address: string, payment: Payment): string | null {
    if (address === payment.depositAddress) return 'is the payment’s own deposit address';
    return null;
  }

  private async hotWalletProblem(merchantId: string, address: string): Promise<string | null> {
    const index = await this.deps.merchants.hotWalletIndex(merchantId);
    if (index !== null && this.deps.wallets.hotWalletAddress(index) === address) {
      return 'is the hot wallet the refund is sent from: self-transfers are not allowed';
    }
    return null;
  }

  private async blacklisted(asset: string, address: string): Promise<boolean> {
    if (!this.deps.isBlacklisted) return false;
    try {
      return await this.deps.isBlacklisted(asset, address);
    } catch {
      // the sender checks the blacklist again before it signs; an unreachable node must not block the request
      return false;
    }
  }
}

function exceeds(payment: Payment, remaining: bigint, assets: AssetCatalog): AppError {
  const money = (units: bigint) => assets.format(payment.currency, units);
  return validationError([
    {
      path: 'amount',
      message: `exceeds the refundable amount ${money(remaining)} ${payment.currency} (received ${money(payment.amountReceived)})`,
    },
  ]);
}

function failureText(reason: SendFailureReason, detail: string): string {
  return detail ? `${reason}: ${detail}`.slice(0, 500) : reason;
}

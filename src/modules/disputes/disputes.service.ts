/**
 * Resolving a `disputed` payment (ADR 0033): `accept` completes it and gives its held credit back (or
 * posts the credit, when it was disputed before it completed); `refund` sends what is still refundable
 * back to the payer (payer_address, else the sender seen on chain) through the refund path, the credit
 * staying held so the refund debits nothing more, and the payment becomes `refunded` once the refund
 * completes; `reject` fails it (`dispute_rejected`): the credit stays excluded for good and the funds on
 * the deposit address are left for manual handling. Each resolution is audited with its notes, and
 * claims the request's Idempotency-Key in its own transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ClaimedAnswer } from '../../http/ports.js';
import type { Clock } from '../../shared/clock.js';
import { AppError, notFound, validationError } from '../../shared/errors.js';
import { isId } from '../../shared/ids.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { AuditRecorder } from '../audit/audit-trail.js';
import { ledgerCreditFor } from '../collections/collection-progress.js';
import { claimed } from '../idempotency/claimed-answer.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Payment } from '../payments/payment.js';
import type { PaymentsRepository } from '../payments/payments.repository.js';
import type { Actor, PaymentsService } from '../payments/payments.service.js';
import type { Refund } from '../refunds/refund.js';
import type { RefundsService } from '../refunds/refunds.service.js';
import type { DisputeHolds } from './dispute-holds.js';

export const RESOLUTIONS = ['accept', 'refund', 'reject'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const MAX_NOTES_LENGTH = 1000;

export interface ResolveInput {
  resolution: string;
  notes?: string | undefined;
}

export interface DisputeResolution {
  paymentId: string;
  resolution: Resolution;
  notes: string | null;
  /** the payment's status after the resolution (`disputed` until a refund completes) */
  paymentStatus: Payment['status'];
  refund: Refund | null;
  resolvedAt: number;
}

export interface DisputesServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  payments: Pick<PaymentsRepository, 'findForUpdate'>;
  lifecycle: Pick<PaymentsService, 'advancePaymentIn'>;
  refunds: Pick<RefundsService, 'requestRefund'>;
  ledger: Pick<Ledger, 'post' | 'entry'>;
  holds: Pick<DisputeHolds, 'release'>;
  audit: AuditRecorder;
}

export class DisputesService {
  constructor(private readonly deps: DisputesServiceDeps) {}

  async resolve(
    actor: Actor,
    paymentId: string,
    input: ResolveInput,
    answer?: ClaimedAnswer<DisputeResolution>,
  ): Promise<Result<DisputeResolution, AppError>> {
    const problems = [];
    if (!(RESOLUTIONS as readonly string[]).includes(input.resolution)) {
      problems.push({ path: 'resolution', message: `must be one of ${RESOLUTIONS.join(', ')}` });
    }
    if (input.notes !== undefined && input.notes.length > MAX_NOTES_LENGTH) {
      problems.push({ path: 'notes', message: `must be at most ${MAX_NOTES_LENGTH} characters` });
    }
    if (problems.length > 0) return err(validationError(problems));
    if (!isId('pay', paymentId)) return err(notFound('payment', paymentId));
    const resolution = input.resolution as Resolution;
    const notes = input.notes ?? null;
    const context = { actor: actor.actor, requestId: actor.requestId ?? null };
    const audit = (trx: Transaction<DB>, payment: Payment, extra: Record<string, unknown>) =>
      this.deps.audit.record(trx, [
        {
          merchantId: payment.merchantId,
          actor: actor.actor,
          action: 'payment.dispute_resolved',
          entityType: 'payment',
          entityId: payment.id,
          requestId: context.requestId,
          after: { resolution, notes, ...extra },
        },
      ]);

    if (resolution === 'refund') {
      let disputed: Payment | null = null;
      const refunded = await this.deps.refunds.requestRefund(
        actor,
        { payment_id: paymentId },
        answer && { claim: answer.claim, render: (refund) => answer.render(this.refundResolution(refund, notes)) },
        async (trx, locked) => {
          const open = stillDisputed(locked);
          if (!open.ok) return open;
          disputed = locked;
          await audit(trx, locked, { credit: 'held; the refund debits nothing more' });
          return ok(undefined);
        },
      );
      if (!refunded.ok) return refunded;
      return disputed ? ok(this.refundResolution(refunded.value, notes)) : err(new AppError('conflict', 'the dispute changed meanwhile'));
    }

    return this.deps.db.transaction().execute((trx) =>
      claimed(trx, answer, this.deps.clock.now(), async () => {
        const locked = await this.deps.payments.findForUpdate(trx, actor.merchantId, paymentId);
        if (!locked) return err(notFound('payment', paymentId));
        const open = stillDisputed(locked);
        if (!open.ok) return open;
        let credit: string;
        if (resolution === 'accept') {
          credit = (await this.deps.holds.release(trx, locked)) ? 'released' : await this.creditAccepted(trx, locked);
        } else {
          credit = 'held for good; the funds on the deposit address are left for manual handling';
        }
        const step = await this.deps.lifecycle.advancePaymentIn(
          trx,
          locked.id,
          resolution === 'accept' ? { to: 'completed', reason: 'dispute_accepted' } : { to: 'failed', reason: 'dispute_rejected' },
          context,
        );
        if (!step.ok) return step;
        await audit(trx, step.value, { credit });
        return ok({
          paymentId: locked.id,
          resolution,
          notes,
          paymentStatus: step.value.status,
          refund: null,
          resolvedAt: this.deps.clock.now(),
        });
      }),
    );
  }

  /** A collection disputed before it completed was never credited: accepting it credits it now. */
  private async creditAccepted(trx: Transaction<DB>, payment: Payment): Promise<string> {
    const credit = ledgerCreditFor(payment, payment.amountReceived);
    if (!credit || (await this.deps.ledger.entry(trx, credit.kind, payment.id))) return 'unchanged';
    await this.deps.ledger.post(trx, {
      merchantId: payment.merchantId,
      payeeAddress: payment.payeeAddress,
      currency: payment.currency,
      kind: credit.kind,
      referenceId: payment.id,
      amount: credit.amount,
    });
    return 'posted';
  }

  private refundResolution(refund: Refund, notes: string | null): DisputeResolution {
    return {
      paymentId: refund.paymentId,
      resolution: 'refund',
      notes,
      paymentStatus: 'disputed',
      refund,
      resolvedAt: refund.createdAt,
    };
  }
}

function stillDisputed(payment: Payment): Result<void, AppError> {
  return payment.status === 'disputed'
    ? ok(undefined)
    : err(new AppError('invalid_transition', `payment ${payment.id} is ${payment.status}; only a disputed payment can be resolved`));
}

/**
 * Payment use cases: create (single and batch), read, list, cancel, approve, expire. HTTP, CLI and
 * workers all come through here. Expected outcomes are returned as AppError values; exceptions are bugs
 * or infrastructure.
 */
import type { Kysely, Transaction } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import type { ClaimedAnswer, IdempotencyClaim } from '../../http/ports.js';
import { queueRank } from '../../shared/catalogues/priorities.js';
import type { WebhookEventType } from '../../shared/catalogues/webhook-events.js';
import type { Clock } from '../../shared/clock.js';
import { AppError, type FieldError, notFound, validationError } from '../../shared/errors.js';
import { isId } from '../../shared/ids.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { AuditContext, AuditEntry, AuditRecorder } from '../audit/audit-trail.js';
import { type Batch, deriveBatchStatus, FINAL_BATCH_STATUSES } from '../batches/batch.js';
import type { BatchesRepository } from '../batches/batches.repository.js';
import { cancelQueuedSend } from '../chain/send-cancel.js';
import { newSecret } from '../checkout/checkout-secret.js';
import type { NetworkCostEstimator } from '../fees/network-cost.js';
import { claimed } from '../idempotency/claimed-answer.js';
import { managedDepositAddresses } from '../wallets/deposit-addresses.js';
import { checkBatchItem } from './batch-item-validator.js';
import { batchEventObject } from './batch-view.js';
import { type CreateSubmitter, type JobWriter, type OutboxWriter, PAYOUT_JOB } from './create-pipeline.js';
import {
  approve,
  CHAIN_REORGANIZATION,
  canCancel,
  FINAL_STATUSES,
  type HistoryEntry,
  type Payment,
  type PaymentException,
  type PaymentStatus,
  type RevertInput,
  reject,
  revertStep,
  transition,
} from './payment.js';
import { type PaymentView, toPaymentView } from './payment.view.js';
import { paymentChangeEntries } from './payment-audit.js';
import { buildPaymentDraft, type CreatePaymentInput, type DraftContext, type PaymentDraft } from './payment-draft.js';
import { paymentRefundedObject, type RefundSnapshot } from './payment-refunded.js';
import type { BatchItemResult, Rendered } from './payment-responses.js';
import type { Executor, PaymentFilters, PaymentsRepository } from './payments.repository.js';
import { DEPOSIT_ADDRESS_REFUSAL, unpayableAddresses } from './unpayable-addresses.js';

/** Who is asking: the merchant, the API key (or CLI/worker name) acting for it, and the HTTP request id. */
export interface Actor {
  merchantId: string;
  /** `key_…`, `cli:<command>` or `system:<worker>` */
  actor: string;
  /** Fastify's request id for HTTP; absent or null for the CLI and workers */
  requestId?: string | null;
}

/**
 * A step of a payment's lifecycle seen on chain (the scanner, payout sender and reconciliation call
 * advancePayment with it). Fields other than `to` are set on the payment when given.
 */
export interface PaymentAdvance {
  to: PaymentStatus;
  /** when it happened (default: now) */
  at?: number;
  transactionId?: string;
  confirmations?: number;
  amountReceived?: bigint;
  networkFee?: bigint;
  exception?: PaymentException | null;
  /** the failure reason for `failed`; recorded in the history for every step */
  reason?: string;
  /** for `refunded`: the refund that completed it, added to the event object as `refund` */
  refund?: RefundSnapshot;
}

/**
 * Progress of a collection that does not change its status (the scanner's view of a payment between two
 * steps): what has been received so far, confirmations, the exception, the first transaction.
 */
export interface PaymentProgress {
  amountReceived?: bigint;
  confirmations?: number;
  exception?: PaymentException | null;
  transactionId?: string;
}

/** The merchant's hot-wallet derivation index, from the merchants module. */
export interface MerchantDirectory {
  hotWalletIndex(merchantId: string): Promise<number | null>;
}

export interface HotWallets {
  hotWalletAddress(merchantIndex: number): string;
}

export interface BatchInput {
  /** items as received; each is checked against the create schema here */
  payments: unknown[];
  batch_reference?: string | null;
  atomic?: boolean;
}

export type { BatchItemResult, Rendered };

export interface PaymentsServiceDeps {
  db: Kysely<DB>;
  config: GatewayConfig;
  clock: Clock;
  payments: PaymentsRepository;
  batches: BatchesRepository;
  pipeline: CreateSubmitter;
  merchants: MerchantDirectory;
  wallets: HotWallets;
  networkCost: NetworkCostEstimator;
  outbox: OutboxWriter;
  /** audit records of every change, appended last in the change's transaction */
  audit: AuditRecorder;
  jobs: JobWriter & { cancelByDedupeKey?(executor: Executor, key: string): Promise<unknown> };
  /** the configured token contracts: no payment may be paid to one */
  tokenContracts: readonly string[];
}

/** One payment's step, for advancePaymentsIn. */
export interface PaymentStepInput {
  paymentId: string;
  step: PaymentAdvance;
}

/** Gives a draft with a hosted checkout its token secret; only the hash is stored. */
function sealCheckout(draft: PaymentDraft): void {
  if (!draft.checkout) return;
  const { secret, hash } = newSecret();
  draft.checkout.secret = secret;
  draft.checkout.secretHash = hash;
}

/** A lifecycle step applied to a payment: the transition, then the step's fields. */
function applyAdvance(
  payment: Payment,
  step: PaymentAdvance,
  now: number,
): Result<Payment, { code: 'invalid_transition'; message: string }> {
  const moved = transition(payment, {
    to: step.to,
    at: step.at ?? now,
    ...(step.reason !== undefined ? { reason: step.reason } : {}),
  });
  if (!moved.ok) return moved;
  const next = { ...moved.value };
  if (step.transactionId !== undefined) next.transactionId = step.transactionId;
  if (step.confirmations !== undefined) next.confirmations = step.confirmations;
  if (step.amountReceived !== undefined) next.amountReceived = step.amountReceived;
  if (step.networkFee !== undefined) next.networkFee = step.networkFee;
  if (step.exception !== undefined) next.exception = step.exception;
  return ok(next);
}

/** Outbox event for each status a payment can reach (SPEC §3.10; `payment.cancelled` is ours). */
const STATUS_EVENTS: Partial<Record<PaymentStatus, WebhookEventType>> = {
  processing: 'payment.started',
  confirmed: 'payment.confirmed',
  completed: 'payment.completed',
  failed: 'payment.failed',
  refunded: 'payment.refunded',
  disputed: 'payment.disputed',
  cancelled: 'payment.cancelled',
};

export class PaymentsService {
  private readonly unpayable: ReadonlyMap<string, string>;

  constructor(private readonly deps: PaymentsServiceDeps) {
    this.unpayable = unpayableAddresses(deps.tokenContracts);
  }

  async createPayment(
    actor: Actor,
    input: CreatePaymentInput,
    idempotency?: IdempotencyClaim,
  ): Promise<Result<{ rendered: Rendered }, AppError>> {
    const context = await this.draftContext(actor.merchantId);
    const built = buildPaymentDraft(input, context);
    if (!built.ok) return err(validationError(built.errors));
    sealCheckout(built.draft);
    const toDeposit = await this.payoutsToDepositAddresses([built.draft]);
    if (toDeposit.has(built.draft)) return err(validationError([{ path: 'payee_address', message: DEPOSIT_ADDRESS_REFUSAL }]));
    const outcome = await this.deps.pipeline.submit({
      merchantId: actor.merchantId,
      actor: actor.actor,
      requestId: actor.requestId ?? null,
      drafts: [built.draft],
      response: { kind: 'payment' },
      ...(idempotency ? { idempotency } : {}),
    });
    if (!outcome.ok) return outcome;
    return ok({ rendered: outcome.value.rendered });
  }

  /**
   * Creates a `payment_gateway` collection for a payment link's visitor (issue 21): the link's merchant,
   * payee, asset and return URL, the visitor's amount when the link has none. Answers the payment id and
   * its checkout URL; validation problems name the create field (`amount`, …).
   */
  async createForLink(
    actor: Actor,
    input: CreatePaymentInput,
    paymentLinkId: string,
  ): Promise<Result<{ paymentId: string; checkoutUrl: string }, AppError>> {
    const context = await this.draftContext(actor.merchantId);
    const built = buildPaymentDraft({ ...input, payment_method: 'payment_gateway' }, context);
    if (!built.ok) return err(validationError(built.errors));
    built.draft.checkout = { ...(built.draft.checkout ?? { successUrl: null, cancelUrl: null, customerEmail: null }), paymentLinkId };
    sealCheckout(built.draft);
    const outcome = await this.deps.pipeline.submit({
      merchantId: actor.merchantId,
      actor: actor.actor,
      requestId: actor.requestId ?? null,
      drafts: [built.draft],
      response: { kind: 'payment' },
    });
    if (!outcome.ok) return outcome;
    const body = JSON.parse(outcome.value.rendered.body) as { payment_id: string; checkout_url: string };
    return ok({ paymentId: body.payment_id, checkoutUrl: body.checkout_url });
  }

  /** A payment by id, whichever merchant's (the checkout page, which proves its right with the token's secret). */
  async findAnyPayment(id: string): Promise<Payment | null> {
    if (!isId('pay', id)) return null;
    return this.deps.payments.findById(this.deps.db, id);
  }

  /** The current version of each of these payments (the checkout's status poller): one query. */
  async paymentVersions(ids: readonly string[]): Promise<Map<string, number>> {
    return this.deps.payments.versions(this.deps.db, ids);
  }

  /** Payments created through a payment link, newest first. */
  async listLinkPayments(
    merchantId: string,
    paymentLinkId: string,
    limit: number,
    startingAfter?: string,
  ): Promise<Result<{ payments: Payment[]; hasMore: boolean }, AppError>> {
    let after: Payment | undefined;
    if (startingAfter !== undefined) {
      const cursor = isId('pay', startingAfter) ? await this.deps.payments.find(this.deps.db, merchantId, startingAfter) : null;
      if (!cursor) return err(validationError([{ path: 'query.starting_after', message: `payment ${startingAfter} not found` }]));
      after = cursor;
    }
    return ok(await this.deps.payments.listByPaymentLink(this.deps.db, merchantId, paymentLinkId, limit, after));
  }

  /**
   * The customer cancels on the checkout page: only while nothing has arrived (canCancel). The token is
   * revoked in the same change, so the page stays readable (cancelled) and offers nothing more.
   */
  async cancelFromCheckout(paymentId: string): Promise<Result<Payment, AppError>> {
    const found = await this.findAnyPayment(paymentId);
    if (!found) return err(notFound('payment', paymentId));
    return this.change(
      { merchantId: found.merchantId, actor: 'customer:checkout', requestId: null },
      paymentId,
      'payment.cancelled',
      (payment, at) => {
        if (payment.checkout?.revokedAt != null) {
          return { ok: false, error: { code: 'invalid_transition', message: `payment ${payment.id} was cancelled on its checkout page` } };
        }
        const allowed = canCancel(payment);
        if (!allowed.ok) return allowed;
        const moved = transition(payment, { to: 'cancelled', at, reason: 'customer_cancelled' });
        if (!moved.ok || !moved.value.checkout) return moved;
        return ok({ ...moved.value, checkout: { ...moved.value.checkout, revokedAt: at } });
      },
      {
        alsoInTransaction: async (trx, after) => {
          await this.deps.jobs.cancelByDedupeKey?.(trx, `expire:${after.id}`);
        },
      },
    );
  }

  /**
   * Validates every item; valid ones are created together in one transaction, invalid ones are reported
   * by index. With `atomic`, any invalid item refuses the whole batch and nothing is stored.
   */
  async createBatch(actor: Actor, input: BatchInput, idempotency?: IdempotencyClaim): Promise<Result<{ rendered: Rendered }, AppError>> {
    const drafted = await this.draftBatch(actor, input);
    if (!drafted.ok) return drafted;
    const { drafts, items, rejected } = drafted.value;
    const atomic = input.atomic === true;
    if (drafts.length === 0 || (atomic && rejected.length > 0)) {
      const detail = atomic
        ? `atomic batch refused: ${items.filter((i) => i.errors).length} of ${input.payments.length} payments are invalid`
        : `every payment in the batch is invalid`;
      return err(validationError(rejected, detail));
    }
    const rejectedCount = input.payments.length - drafts.length;
    const outcome = await this.deps.pipeline.submit({
      merchantId: actor.merchantId,
      actor: actor.actor,
      requestId: actor.requestId ?? null,
      drafts,
      batch: { reference: input.batch_reference ?? null, atomic, itemCount: input.payments.length, rejectedCount },
      response: { kind: 'batch', items },
      ...(idempotency ? { idempotency } : {}),
    });
    if (!outcome.ok) return outcome;
    return ok({ rendered: outcome.value.rendered });
  }

  /**
   * Checks a batch's items exactly as createBatch would, and creates nothing: the problems of every item
   * by index (`payments/<i>/<field>`), so that a caller can refuse a file before anything is stored.
   */
  async checkBatch(actor: Actor, input: Pick<BatchInput, 'payments'>): Promise<Result<{ valid: number }, AppError>> {
    const drafted = await this.draftBatch(actor, input);
    if (!drafted.ok) return drafted;
    const { drafts, rejected } = drafted.value;
    return rejected.length > 0 ? err(validationError(rejected)) : ok({ valid: drafts.length });
  }

  /**
   * checkBatch item by item, for a preview before submitting (the dashboard's CSV upload): every item's
   * outcome by index, with its problems (`payments/<i>/<field>`). Creates nothing.
   */
  async previewBatch(
    actor: Actor,
    input: Pick<BatchInput, 'payments'>,
  ): Promise<Result<{ index: number; errors?: FieldError[] }[], AppError>> {
    const drafted = await this.draftBatch(actor, input);
    return drafted.ok ? ok(drafted.value.items.map(({ index, errors }) => (errors ? { index, errors } : { index }))) : drafted;
  }

  private async draftBatch(
    actor: Actor,
    input: Pick<BatchInput, 'payments'>,
  ): Promise<Result<{ drafts: PaymentDraft[]; items: BatchItemResult[]; rejected: FieldError[] }, AppError>> {
    const max = this.deps.config.raw.batch_processing.max_batch_size;
    if (input.payments.length === 0) return err(validationError([{ path: 'payments', message: 'must contain at least one payment' }]));
    if (input.payments.length > max) return err(validationError([{ path: 'payments', message: `must contain at most ${max} payments` }]));
    const context = await this.draftContext(actor.merchantId);
    const built = input.payments.map((item, index): { draft: PaymentDraft } | { errors: FieldError[] } => {
      const checked = checkBatchItem(item, index);
      if (!checked.ok) return { errors: checked.errors };
      const draft = buildPaymentDraft(checked.input, context, `payments/${index}/`);
      if (draft.ok) sealCheckout(draft.draft);
      return draft.ok ? { draft: draft.draft } : { errors: draft.errors };
    });
    const toDeposit = await this.payoutsToDepositAddresses(built.flatMap((b) => ('draft' in b ? [b.draft] : [])));
    const drafts: PaymentDraft[] = [];
    const items: BatchItemResult[] = [];
    const rejected: FieldError[] = [];
    for (const [index, b] of built.entries()) {
      if ('draft' in b && !toDeposit.has(b.draft)) {
        drafts.push(b.draft);
        items.push({ index });
        continue;
      }
      const errors = 'errors' in b ? b.errors : [{ path: `payments/${index}/payee_address`, message: DEPOSIT_ADDRESS_REFUSAL }];
      items.push({ index, errors });
      rejected.push(...errors);
    }
    return ok({ drafts, items, rejected });
  }

  async getPayment(actor: Actor, id: string): Promise<Result<{ payment: Payment; history: HistoryEntry[] }, AppError>> {
    const payment = await this.find(actor, id);
    if (!payment) return err(notFound('payment', id));
    return ok({ payment, history: await this.deps.payments.history(this.deps.db, payment.id) });
  }

  async getStatus(actor: Actor, id: string): Promise<Result<Payment, AppError>> {
    const payment = await this.find(actor, id);
    return payment ? ok(payment) : err(notFound('payment', id));
  }

  async listPayments(
    actor: Actor,
    filters: PaymentFilters,
    limit: number,
    startingAfter?: string,
  ): Promise<Result<{ payments: Payment[]; hasMore: boolean }, AppError>> {
    let after: Payment | undefined;
    if (startingAfter !== undefined) {
      const cursor = await this.find(actor, startingAfter);
      if (!cursor) return err(validationError([{ path: 'query.starting_after', message: `payment ${startingAfter} not found` }]));
      after = cursor;
    }
    return ok(await this.deps.payments.list(this.deps.db, actor.merchantId, filters, limit, after));
  }

  /** How many payments the filters keep, over every page (an export shows its progress against it). */
  countPayments(actor: Actor, filters: PaymentFilters): Promise<number> {
    return this.deps.payments.count(this.deps.db, actor.merchantId, filters);
  }

  async cancelPayment(
    actor: Actor,
    id: string,
    reason = 'merchant_request',
    answer?: ClaimedAnswer<Payment>,
  ): Promise<Result<Payment, AppError>> {
    return this.change(
      actor,
      id,
      'payment.cancelled',
      (payment, at) => {
        const allowed = canCancel(payment);
        if (!allowed.ok) return allowed;
        return transition(payment, { to: 'cancelled', at, reason });
      },
      { ...this.cancelSteps(), answer },
    );
  }

  /** What cancelling a payment does besides its row: a queued payout transfer and its jobs go with it. */
  private cancelSteps() {
    return {
      // a payout whose transfer is queued: the send is cancelled with it; once signed, it is too late
      guard: async (trx: Transaction<DB>, before: Payment, at: number) => {
        if (before.method !== 'route') return null;
        const outcome = await cancelQueuedSend(trx, 'payout', before.id, at);
        return outcome === 'in_flight'
          ? new AppError('conflict', `payout ${before.id} is being sent and can no longer be cancelled`)
          : null;
      },
      alsoInTransaction: async (trx: Executor, after: Payment) => {
        await this.deps.jobs.cancelByDedupeKey?.(trx, `expire:${after.id}`);
        await this.deps.jobs.cancelByDedupeKey?.(trx, `payout:${after.id}`);
      },
    };
  }

  /**
   * Releases a held payout (SPEC §3.5) and queues it for sending, with the approver's note. The approver
   * must not be the key or user that created the payout unless `mayApproveOwn` (an admin key or session,
   * the operator's CLI); `transaction_limits.two_person_approval` takes that exception away from everyone.
   */
  async approvePayment(
    actor: Actor,
    id: string,
    options: { mayApproveOwn?: boolean; note?: string; answer?: ClaimedAnswer<Payment> } = {},
  ): Promise<Result<Payment, AppError>> {
    const twoPerson = this.deps.config.raw.transaction_limits.two_person_approval;
    const mayApproveOwn = !twoPerson && (options.mayApproveOwn ?? true);
    return this.change(actor, id, 'payment.approved', (payment, at) => approve(payment, at, actor.actor, options.note ?? null), {
      guard: async (trx, before) => {
        if (mayApproveOwn || (await this.deps.payments.creator(trx, before.id)) !== actor.actor) return null;
        const who = actor.actor.startsWith('user:') ? 'dashboard user' : 'API key';
        return new AppError(
          'forbidden',
          twoPerson
            ? `payment ${before.id} was created by this ${who}; two-person approval is on (transaction_limits.two_person_approval): someone else must approve it`
            : `payment ${before.id} was created by this ${who}; another key or user with "payouts:write", or an admin, must approve it`,
        );
      },
      alsoInTransaction: async (trx, after) => {
        await this.deps.jobs.enqueue(trx, [
          {
            type: PAYOUT_JOB,
            payload: { payment_id: after.id },
            priority: queueRank(after.priority),
            dedupeKey: `payout:${after.id}`,
          },
        ]);
      },
      reason: 'approved',
      answer: options.answer,
    });
  }

  /** Refuses a held payout: it is cancelled with the note as its reason (anyone who may approve may reject). */
  async rejectPayment(actor: Actor, id: string, note?: string, answer?: ClaimedAnswer<Payment>): Promise<Result<Payment, AppError>> {
    return this.change(actor, id, 'payment.rejected', (payment, at) => reject(payment, at, note ?? null), {
      ...this.cancelSteps(),
      answer,
    });
  }

  /** The `payment.expire` job: a collection that received nothing by `expires_at` is cancelled. */
  async expirePayment(paymentId: string): Promise<'expired' | 'not_due' | 'unchanged'> {
    const found = await this.deps.payments.findById(this.deps.db, paymentId);
    if (!found) return 'unchanged';
    const now = this.deps.clock.now();
    if (found.expiresAt === null || found.expiresAt > now) return 'not_due';
    // A collection still short of its amount (beyond the tolerance) when it expires has failed: what it
    // received stays on the deposit address and can be refunded.
    const underpaid = (p: Payment) => p.status === 'processing' && p.exception === 'underpaid';
    if (underpaid(found)) {
      const failed = await this.change(
        { merchantId: found.merchantId, actor: 'system:expiry', requestId: null },
        paymentId,
        'payment.expired',
        (payment, at) =>
          underpaid(payment)
            ? transition(payment, { to: 'failed', at, reason: 'underpaid' })
            : err({ code: 'invalid_transition', message: 'no longer underpaid' }),
        { reason: 'underpaid' },
      );
      return failed.ok ? 'expired' : 'unchanged';
    }
    if (found.status !== 'pending' || found.amountReceived > 0n) return 'unchanged';
    const result = await this.change(
      { merchantId: found.merchantId, actor: 'system:expiry', requestId: null },
      paymentId,
      'payment.expired',
      (payment, at) =>
        payment.status === 'pending' && payment.amountReceived === 0n
          ? transition(payment, { to: 'cancelled', at, reason: 'expired' })
          : err({ code: 'invalid_transition', message: 'no longer pending' }),
    );
    return result.ok ? 'expired' : 'unchanged';
  }

  /**
   * Records a collection's progress without a status change (amount received, confirmations, exception,
   * first transaction), inside the caller's transaction: the row is locked and its version bumped, an
   * audit record (`action`, default `payment.progress`) is appended; no history entry, no event.
   */
  async recordProgressIn(
    trx: Transaction<DB>,
    paymentId: string,
    fields: PaymentProgress,
    context: AuditContext & { action?: string },
  ): Promise<Result<Payment, AppError>> {
    const found = isId('pay', paymentId) ? await this.deps.payments.findById(trx, paymentId) : null;
    if (!found) return err(notFound('payment', paymentId));
    const before = await this.deps.payments.findForUpdate(trx, found.merchantId, paymentId);
    if (!before) return err(notFound('payment', paymentId));
    const after: Payment = { ...before, updatedAt: this.deps.clock.now(), version: before.version + 1 };
    if (fields.amountReceived !== undefined) after.amountReceived = fields.amountReceived;
    if (fields.confirmations !== undefined) after.confirmations = fields.confirmations;
    if (fields.exception !== undefined) after.exception = fields.exception;
    if (fields.transactionId !== undefined) after.transactionId = fields.transactionId;
    const stored = await this.deps.payments.updateWithoutHistory(trx, before, after);
    if (!stored) return err(new AppError('conflict', `payment ${paymentId} changed meanwhile; retry`));
    await this.deps.audit.record(
      trx,
      paymentChangeEntries(
        after.merchantId,
        context.action ?? 'payment.progress',
        context,
        toPaymentView(before, this.deps.config),
        toPaymentView(after, this.deps.config),
      ),
    );
    return ok(after);
  }

  /**
   * Moves a payment one step along its lifecycle (SPEC §3.3) as the chain workers see it: processing,
   * confirmed, completed, failed, refunded or disputed. The step is checked by transition(); its status
   * event (payment.started, payment.confirmed, …) and audit record are written in the same transaction.
   * An invalid step answers `invalid_transition`.
   */
  async advancePayment(paymentId: string, step: PaymentAdvance, context: AuditContext): Promise<Result<Payment, AppError>> {
    return this.advance(null, paymentId, step, context);
  }

  /**
   * advancePayment inside the caller's transaction (a chain worker that records its own state in the same
   * commit, e.g. the sender's step handlers). An invalid step leaves the transaction usable.
   */
  async advancePaymentIn(
    trx: Transaction<DB>,
    paymentId: string,
    step: PaymentAdvance,
    context: AuditContext,
  ): Promise<Result<Payment, AppError>> {
    return this.advance(trx, paymentId, step, context);
  }

  private async advance(
    trx: Transaction<DB> | null,
    paymentId: string,
    step: PaymentAdvance,
    context: AuditContext,
  ): Promise<Result<Payment, AppError>> {
    const found = isId('pay', paymentId) ? await this.deps.payments.findById(trx ?? this.deps.db, paymentId) : null;
    if (!found) return err(notFound('payment', paymentId));
    return this.change(
      { merchantId: found.merchantId, ...context },
      paymentId,
      `payment.${step.to}`,
      (payment, now) => applyAdvance(payment, step, now),
      {
        ...(step.reason !== undefined ? { reason: step.reason } : {}),
        ...(step.refund
          ? { eventObject: (view: PaymentView) => paymentRefundedObject(view, step.refund as RefundSnapshot, this.deps.config.assets) }
          : {}),
        ...(trx ? { trx } : {}),
      },
    );
  }

  /**
   * Steps a payment back because a reorganisation orphaned the block that moved it on (payment.ts
   * revertStep), inside the caller's transaction: history reason `chain_reorganization`, the
   * `payment.reverted` event, an audit record. Refused (`invalid_transition`) unless processing or confirmed.
   */
  async revertPaymentIn(
    trx: Transaction<DB>,
    paymentId: string,
    input: Omit<RevertInput, 'at'>,
    context: AuditContext,
  ): Promise<Result<Payment, AppError>> {
    const found = isId('pay', paymentId) ? await this.deps.payments.findById(trx, paymentId) : null;
    if (!found) return err(notFound('payment', paymentId));
    return this.change(
      { merchantId: found.merchantId, ...context },
      paymentId,
      'payment.reverted',
      (payment, at) => revertStep(payment, { ...input, at }),
      {
        reason: CHAIN_REORGANIZATION,
        event: 'payment.reverted',
        trx,
      },
    );
  }

  /**
   * advancePaymentIn for many payments at once, in the caller's transaction (the chain sender reports a
   * whole batch of sends): the payments are locked in id order by one query, the valid steps stored with
   * their history in bulk, their status events appended in one insert, each affected batch refreshed once
   * and ONE audit append made (one record per step). The answer has one result per step, in order; an
   * invalid step (or an unknown payment) is answered in its slot and changes nothing. A payment named
   * twice takes its steps one after the other.
   */
  async advancePaymentsIn(
    trx: Transaction<DB>,
    steps: readonly PaymentStepInput[],
    context: AuditContext,
  ): Promise<Array<Result<Payment, AppError>>> {
    const results: Array<Result<Payment, AppError>> = new Array(steps.length);
    // a payment named again waits for the next round: each round moves a payment at most once
    let pending = steps.map((input, index) => ({ input, index }));
    while (pending.length > 0) {
      const seen = new Set<string>();
      const round: typeof pending = [];
      const later: typeof pending = [];
      for (const item of pending) {
        if (seen.has(item.input.paymentId)) later.push(item);
        else {
          seen.add(item.input.paymentId);
          round.push(item);
        }
      }
      const answered = await this.advanceRound(
        trx,
        round.map((r) => r.input),
        context,
      );
      round.forEach((r, i) => {
        results[r.index] = answered[i] as Result<Payment, AppError>;
      });
      pending = later;
    }
    return results;
  }

  private async advanceRound(
    trx: Transaction<DB>,
    steps: readonly PaymentStepInput[],
    context: AuditContext,
  ): Promise<Array<Result<Payment, AppError>>> {
    const valid = steps.filter((s) => isId('pay', s.paymentId)).map((s) => s.paymentId);
    const locked = await this.deps.payments.findManyForUpdate(trx, valid);
    const at = this.deps.clock.now();
    const results: Array<Result<Payment, AppError>> = [];
    const changes: Array<{ before: Payment; after: Payment; step: PaymentAdvance; slot: number }> = [];
    steps.forEach(({ paymentId, step }, slot) => {
      const before = locked.get(paymentId);
      if (!before) {
        results.push(err(notFound('payment', paymentId)));
        return;
      }
      const decided = applyAdvance(before, step, at);
      if (!decided.ok) {
        results.push(err(new AppError('invalid_transition', decided.error.message)));
        return;
      }
      results.push(ok(decided.value));
      changes.push({ before, after: decided.value, step, slot });
    });
    if (changes.length === 0) return results;
    const stored = await this.deps.payments.updateMany(
      trx,
      changes.map(({ before, after, step }) => ({
        before,
        after,
        history: { reason: step.reason ?? after.cancelReason ?? after.failureReason, actor: context.actor },
      })),
    );
    const events: Parameters<OutboxWriter['append']>[1] = [];
    const entries: AuditEntry[] = [];
    const finalBatches = new Set<string>();
    for (const { before, after, step, slot } of changes) {
      if (!stored.has(after.id)) {
        results[slot] = err(new AppError('conflict', `payment ${after.id} changed meanwhile; retry`));
        continue;
      }
      const afterView = toPaymentView(after, this.deps.config);
      const event = after.status !== before.status ? STATUS_EVENTS[after.status] : undefined;
      if (event) {
        const object = step.refund ? paymentRefundedObject(afterView, step.refund, this.deps.config.assets) : afterView;
        events.push({ merchantId: after.merchantId, type: event, aggregateType: 'payment', aggregateId: after.id, object });
      }
      entries.push(
        ...paymentChangeEntries(after.merchantId, `payment.${step.to}`, context, toPaymentView(before, this.deps.config), afterView),
      );
      if (after.batchId && FINAL_STATUSES.has(after.status)) finalBatches.add(after.batchId);
    }
    if (events.length > 0) await this.deps.outbox.append(trx, events);
    for (const batchId of [...finalBatches].sort()) {
      const completed = await this.refreshBatch(trx, batchId, at);
      if (completed) entries.push({ ...completed, actor: context.actor, requestId: context.requestId });
    }
    // Last, so that the audit head's row lock is held only until the commit (and after the batch rows').
    await this.deps.audit.record(trx, entries);
    return results;
  }

  async getBatch(actor: Actor, id: string): Promise<Result<{ batch: Batch; counts: Record<string, number> }, AppError>> {
    if (!isId('batch', id)) return err(notFound('batch', id));
    const batch = await this.deps.batches.find(this.deps.db, actor.merchantId, id);
    if (!batch) return err(notFound('batch', id));
    const counts = await this.deps.payments.batchStatusCounts(this.deps.db, id);
    return ok({ batch, counts });
  }

  private async find(actor: Actor, id: string): Promise<Payment | null> {
    if (!isId('pay', id)) return null;
    return this.deps.payments.find(this.deps.db, actor.merchantId, id);
  }

  /**
   * Applies a change to one payment in a transaction: locks it, checks the change, stores it with its
   * history, emits the status event, keeps the batch status current and appends the audit record
   * (`action`, before and after as payment views).
   */
  private async change(
    actor: Actor,
    id: string,
    action: string,
    decide: (payment: Payment, at: number) => Result<Payment, { code: 'invalid_transition'; message: string }>,
    options: {
      /**
       * runs after the change was decided and before it is stored; an error refuses the change (whatever
       * the guard wrote must then be nothing: the transaction still commits)
       */
      guard?: (trx: Transaction<DB>, before: Payment, at: number) => Promise<AppError | null>;
      alsoInTransaction?: (trx: Executor, after: Payment) => Promise<void>;
      reason?: string;
      /** the status event's object, when it is more than the payment view */
      eventObject?: (view: PaymentView) => unknown;
      /** the event to emit instead of the new status's (emitted even when the status stays) */
      event?: WebhookEventType;
      /** run inside this transaction instead of a new one */
      trx?: Transaction<DB>;
      /** the request's Idempotency-Key, claimed and answered in the change's transaction (ADR 0033) */
      answer?: ClaimedAnswer<Payment> | undefined;
    } = {},
  ): Promise<Result<Payment, AppError>> {
    const { alsoInTransaction, reason, eventObject } = options;
    if (!isId('pay', id)) return err(notFound('payment', id));
    const inTransaction = async (trx: Transaction<DB>): Promise<Result<Payment, AppError>> => {
      const before = await this.deps.payments.findForUpdate(trx, actor.merchantId, id);
      if (!before) return err(notFound('payment', id));
      const at = this.deps.clock.now();
      const decided = decide(before, at);
      if (!decided.ok) return err(new AppError('invalid_transition', decided.error.message));
      const refused = await options.guard?.(trx, before, at);
      if (refused) return err(refused);
      const after = decided.value;
      const stored = await this.deps.payments.update(trx, before, after, {
        reason: reason ?? after.cancelReason ?? after.failureReason,
        actor: actor.actor,
      });
      if (!stored) return err(new AppError('conflict', `payment ${id} changed meanwhile; retry`));
      const afterView = toPaymentView(after, this.deps.config);
      const event = options.event ?? (after.status !== before.status ? STATUS_EVENTS[after.status] : undefined);
      if (event) {
        await this.deps.outbox.append(trx, [
          {
            merchantId: after.merchantId,
            type: event,
            aggregateType: 'payment',
            aggregateId: after.id,
            object: eventObject ? eventObject(afterView) : afterView,
          },
        ]);
      }
      await alsoInTransaction?.(trx, after);
      const context = { actor: actor.actor, requestId: actor.requestId ?? null };
      const entries = paymentChangeEntries(after.merchantId, action, context, toPaymentView(before, this.deps.config), afterView);
      if (after.batchId && FINAL_STATUSES.has(after.status)) {
        const completed = await this.refreshBatch(trx, after.batchId, at);
        if (completed) entries.push({ ...completed, actor: actor.actor, requestId: actor.requestId ?? null });
      }
      // Last, so that the audit head's row lock is held only until the commit (and after the batch row's).
      await this.deps.audit.record(trx, entries);
      return ok(after);
    };
    const claimedChange = (trx: Transaction<DB>) => claimed(trx, options.answer, this.deps.clock.now(), () => inTransaction(trx));
    return options.trx ? claimedChange(options.trx) : this.deps.db.transaction().execute(claimedChange);
  }

  /** Re-derives the batch's status; when it becomes final, emits batch.completed and returns its audit entry. */
  private async refreshBatch(trx: Executor, batchId: string, at: number): Promise<Omit<AuditEntry, 'actor' | 'requestId'> | null> {
    // A no-op update takes the batch row's lock first, so that concurrent changes to payments of one batch
    // refresh it one after another and the last one counts every payment's new status (on PostgreSQL each
    // would otherwise miss the others' uncommitted changes and the batch could stay pending for ever).
    const row = await trx
      .updateTable('batches')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', batchId)
      .returning(['merchant_id', 'status', 'rejected_count'])
      .executeTakeFirst();
    if (!row) return null;
    const counts = await this.deps.payments.batchStatusCounts(trx, batchId);
    const status = deriveBatchStatus(counts, Number(row.rejected_count));
    if (status === row.status) return null;
    const final = FINAL_BATCH_STATUSES.has(status);
    await this.deps.batches.setStatus(trx, batchId, status, at, final);
    if (!final) return null;
    const batch = await this.deps.batches.find(trx, row.merchant_id, batchId);
    if (!batch) return null;
    const object = { ...batchEventObject(batch, this.deps.config.assets), counts };
    await this.deps.outbox.append(trx, [
      { merchantId: batch.merchantId, type: 'batch.completed', aggregateType: 'batch', aggregateId: batch.id, object },
    ]);
    return {
      merchantId: batch.merchantId,
      action: 'batch.completed',
      entityType: 'batch',
      entityId: batch.id,
      before: { status: row.status },
      after: object,
    };
  }

  /**
   * The payout drafts whose payee is a deposit address of the gateway. One query for a whole batch, and
   * none at all when there is no payout: collections keep their create path as it was (ADR 0020).
   */
  private async payoutsToDepositAddresses(drafts: readonly PaymentDraft[]): Promise<Set<PaymentDraft>> {
    const payouts = drafts.filter((d) => d.method === 'route');
    if (payouts.length === 0) return new Set();
    const managed = await managedDepositAddresses(
      this.deps.db,
      payouts.map((d) => d.payeeAddress),
    );
    return new Set(payouts.filter((d) => managed.has(d.payeeAddress)));
  }

  private async draftContext(merchantId: string): Promise<DraftContext> {
    const index = await this.deps.merchants.hotWalletIndex(merchantId);
    if (index === null) throw new AppError('unauthorized', `merchant ${merchantId} is not active`);
    return {
      config: this.deps.config,
      hotWalletAddress: this.deps.wallets.hotWalletAddress(index),
      networkFeeEstimate: (asset) => this.deps.networkCost.cached(asset)?.trx ?? null,
      unpayable: this.unpayable,
    };
  }
}

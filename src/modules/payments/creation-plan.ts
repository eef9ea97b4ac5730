/**
 * What creating payments writes, decided without I/O (issue 18): from checked drafts, the merchant's
 * usage and the claims already made (ids, deposit addresses, address activity), the rows, history,
 * outbox events, jobs, audit records, answers and limit consumption of a group of create requests,
 * or the refusal. The create pipeline only commits what a plan says; every limit is judged here, via
 * limit-rules (the counters' conditional increments at commit remain the guard against races).
 */
import type { GatewayConfig } from '../../config/load.js';
import { queueRank } from '../../shared/catalogues/priorities.js';
import type { WebhookEventType } from '../../shared/catalogues/webhook-events.js';
import { AppError } from '../../shared/errors.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Asset } from '../../shared/money.js';
import type { AuditEntry } from '../audit/audit-trail.js';
import type { Batch } from '../batches/batch.js';
import { checkoutToken, checkoutUrl } from '../checkout/checkout-rules.js';
import { admitUnit, fitsBatchesInFlight, type MerchantUsage, type UnitDemand } from '../limits/limit-rules.js';
import type { DepositAddress } from '../wallets/deposit-pool.js';
import { batchEventObject } from './batch-view.js';
import { isCollection, type NewHistoryEntry, type Payment } from './payment.js';
import { type PaymentView, toPaymentView } from './payment.view.js';
import type { PaymentDraft } from './payment-draft.js';
import { type CreateResponse, type Rendered, renderCreated } from './payment-responses.js';
import { assignUniqueAmounts, claimKey } from './unique-amount.js';

export const PAYOUT_JOB = 'payout.send';
export const EXPIRE_JOB = 'payment.expire';

/** One create request: a payment, or the created items of a batch. */
export interface CreationRequest {
  merchantId: string;
  actor: string;
  /** the HTTP request id, recorded in the audit log; null outside HTTP */
  requestId: string | null;
  drafts: PaymentDraft[];
  batch?: { reference: string | null; atomic: boolean; itemCount: number; rejectedCount: number };
  /** what to answer with */
  response: CreateResponse;
}

export interface PlannedEvent {
  merchantId: string;
  type: WebhookEventType;
  aggregateType: 'payment' | 'batch';
  aggregateId: string;
  object: unknown;
}

export interface PlannedJob {
  type: string;
  payload: unknown;
  runAt?: number;
  priority?: number;
  maxAttempts?: number;
  dedupeKey?: string;
}

/** What a merchant's requests in the plan add to its counters. */
export interface LimitConsumption {
  merchantId: string;
  count: number;
  totals: Map<Asset, bigint>;
}

export interface CreationPlanInput {
  requests: readonly CreationRequest[];
  config: GatewayConfig;
  now: number;
  ids: IdGenerator;
  /** deposit addresses taken for the drafts that need one (depositsNeeded), in draft order */
  deposits: readonly DepositAddress[];
  /** payments per watched address in this minute before these requests (activityBefore) */
  addressActivityBefore: ReadonlyMap<string, number>;
  /**
   * Exact check: each merchant's usage, read and locked (batches in flight included); every request is
   * admitted against it in turn. Absent for a group, whose usage is consumed conditionally at commit.
   */
  usage?: ReadonlyMap<string, MerchantUsage>;
  /** for a group: batches in flight per merchant that has a batch among the requests */
  batchesInFlight?: ReadonlyMap<string, number>;
  /** amounts already claimed by open unique-amount payments, by claimKey (uniqueAmountKeys of the requests) */
  claimedAmounts?: ReadonlyMap<string, ReadonlySet<bigint>>;
}

/** A unique amount the plan claims for a payment it creates (`unique_amount_claims`). */
export interface UniqueAmountClaim {
  payeeAddress: string;
  asset: Asset;
  amount: bigint;
  paymentId: string;
}

export interface PlannedCreation {
  ok: true;
  batches: Batch[];
  payments: Payment[];
  history: NewHistoryEntry[];
  events: PlannedEvent[];
  jobs: PlannedJob[];
  /** one per batch, one per payment otherwise (auditRecordsNeeded) */
  audit: AuditEntry[];
  /** each request's answer, by request index */
  rendered: Rendered[];
  /** per merchant, sorted by merchant id (the order the counters are locked in) */
  consumption: LimitConsumption[];
  /** with `usage`: each merchant's usage after admitting its requests, to write back */
  usageAfter: Map<string, MerchantUsage>;
  /** jobs due at `now` (payouts), worth waking the job runner for */
  jobsDueNow: number;
  /** the unique amounts of the payments that have one, to claim with the rows */
  uniqueAmountClaims: UniqueAmountClaim[];
}

/**
 * Refused: with `usage`, the limit's answer to the request over it; for a group, `refusal` is null and
 * the requests must be checked one by one (one of them is over a limit, which one is not known here).
 */
export type CreationPlan = PlannedCreation | { ok: false; refusal: AppError | null };

export function planCreation(input: CreationPlanInput): CreationPlan {
  const { requests, config, now, ids } = input;
  const usageAfter = new Map<string, MerchantUsage>();
  if (input.usage) {
    for (const request of requests) {
      const loaded = usageAfter.get(request.merchantId) ?? input.usage.get(request.merchantId);
      if (!loaded) throw new Error(`no usage given for merchant ${request.merchantId}`);
      const usage = usageAfter.get(request.merchantId) ?? copyUsage(loaded);
      const refusal = admitUnit(
        usage,
        demandOf(request),
        config.limits,
        config.assets,
        config.raw.batch_processing.max_concurrent_batches,
        now,
      );
      if (refusal) return { ok: false, refusal };
      usageAfter.set(request.merchantId, usage);
    }
  } else if (input.batchesInFlight) {
    const maxBatches = config.raw.batch_processing.max_concurrent_batches;
    for (const [merchantId, count] of batchesPerMerchant(requests)) {
      if (!fitsBatchesInFlight(input.batchesInFlight.get(merchantId) ?? 0, count, maxBatches)) return { ok: false, refusal: null };
    }
  }

  const uniqueDrafts = requests.flatMap((r) => r.drafts.filter((d) => d.needsUniqueAmount));
  const unique = assignUniqueAmounts(
    uniqueDrafts.map((d) => ({ payeeAddress: d.payeeAddress, currency: d.currency, amount: d.quote.amount })),
    input.claimedAmounts ?? new Map(),
    { maxOffset: config.raw.payment_processing.unique_amount_max_offset, decimalsOf: (asset) => config.assets.decimals(asset) },
  );
  if (!unique.ok) {
    // a group does not know which request to refuse: each is written on its own, and that answer is exact
    if (!input.usage) return { ok: false, refusal: null };
    const draft = uniqueDrafts[unique.index] as PaymentDraft;
    const money = (units: bigint) => config.assets.format(draft.currency, units);
    const message = `every unique amount for ${draft.payeeAddress} in ${draft.currency} from ${money(unique.lowest)} to ${money(unique.highest)} is held by an open payment; retry when one ends, or raise payment_processing.unique_amount_max_offset`;
    return { ok: false, refusal: new AppError('conflict', `amount: ${message}`, [{ path: 'amount', message }]) };
  }
  const amountsDue = new Map(uniqueDrafts.map((d, i) => [d, unique.amountsDue[i] as bigint]));
  const uniqueAmountClaims: UniqueAmountClaim[] = [];

  const activityLimit = config.limits.addressActivityPerMinute;
  // Each payment counts the activity up to and including itself, so only those beyond the limit are flagged.
  const activitySoFar = new Map(input.addressActivityBefore);
  const payments: Payment[] = [];
  const batches: Batch[] = [];
  const events: PlannedEvent[] = [];
  const jobs: PlannedJob[] = [];
  const history: NewHistoryEntry[] = [];
  const audit: AuditEntry[] = [];
  const rendered: Rendered[] = [];

  let nextDeposit = 0;
  for (const request of requests) {
    let batch: Batch | null = null;
    if (request.batch) {
      const totals: Partial<Record<Asset, bigint>> = {};
      for (const d of request.drafts) totals[d.currency] = (totals[d.currency] ?? 0n) + d.quote.amount;
      batch = {
        id: ids('batch'),
        merchantId: request.merchantId,
        reference: request.batch.reference,
        atomic: request.batch.atomic,
        status: 'pending',
        itemCount: request.batch.itemCount,
        createdCount: request.drafts.length,
        rejectedCount: request.batch.rejectedCount,
        totals,
        createdAt: now,
        updatedAt: now,
        completedAt: null,
      };
      batches.push(batch);
    }
    const created: Payment[] = request.drafts.map((d, i) => {
      const deposit = d.needsDepositAddress ? (input.deposits[nextDeposit++] as DepositAddress) : null;
      const flags = [...d.flags];
      for (const address of watchedAddresses(d)) {
        if (!address) continue;
        const count = (activitySoFar.get(address) ?? 0) + 1;
        activitySoFar.set(address, count);
        if (count > activityLimit) {
          flags.push({
            code: 'high_address_activity',
            detail: `${address} is involved in ${count} payments this minute (limit ${activityLimit})`,
          });
        }
      }
      return {
        id: ids('pay'),
        merchantId: request.merchantId,
        batchId: batch?.id ?? null,
        batchIndex: batch ? i : null,
        status: 'pending',
        method: d.method,
        priority: d.priority,
        currency: d.currency,
        amount: d.quote.amount,
        fee: d.quote.fee,
        netAmount: d.quote.netAmount,
        feeRatePpb: d.quote.ratePpb,
        discountPpb: d.quote.discountPpb,
        networkFeeEstimate: d.networkFeeEstimate,
        payerAddress: d.payerAddress,
        payeeAddress: d.payeeAddress,
        depositAddress: deposit?.address ?? null,
        depositIndex: deposit?.index ?? null,
        referenceId: d.referenceId,
        description: d.description,
        metadata: d.metadata,
        expiresAt: d.expiresInMs === null ? null : now + d.expiresInMs,
        amountReceived: 0n,
        exception: null,
        confirmations: 0,
        finalized: false,
        transactionId: null,
        networkFee: null,
        flags,
        approvalStatus: d.approvalRequired ? 'required' : null,
        approvedAt: null,
        approvedBy: null,
        failureReason: null,
        cancelReason: null,
        createdAt: now,
        updatedAt: now,
        processingAt: null,
        confirmedAt: null,
        completedAt: null,
        failedAt: null,
        cancelledAt: null,
        version: 1,
        checkout: d.checkout
          ? {
              secretHash: d.checkout.secretHash ?? null,
              successUrl: d.checkout.successUrl,
              cancelUrl: d.checkout.cancelUrl,
              customerEmail: d.checkout.customerEmail,
              paymentLinkId: d.checkout.paymentLinkId,
              revokedAt: null,
            }
          : null,
        ...(amountsDue.has(d) ? { amountDue: amountsDue.get(d) } : {}),
      };
    });
    payments.push(...created);
    for (const p of created) {
      if (p.amountDue !== null && p.amountDue !== undefined)
        uniqueAmountClaims.push({ payeeAddress: p.payeeAddress, asset: p.currency, amount: p.amountDue, paymentId: p.id });
    }
    const views = created.map((p) => toPaymentView(p, config));
    for (const [i, p] of created.entries()) {
      history.push({ paymentId: p.id, seq: 1, from: null, to: 'pending', reason: 'created', actor: request.actor, at: now });
      events.push({
        merchantId: p.merchantId,
        type: 'payment.created',
        aggregateType: 'payment',
        aggregateId: p.id,
        object: views[i],
      });
      if (p.method === 'route' && p.approvalStatus === null) {
        jobs.push({
          type: PAYOUT_JOB,
          payload: { payment_id: p.id },
          priority: queueRank(p.priority),
          dedupeKey: `payout:${p.id}`,
          runAt: now,
        });
      } else if (isCollection(p.method) && p.expiresAt !== null) {
        jobs.push({ type: EXPIRE_JOB, payload: { payment_id: p.id }, runAt: p.expiresAt, priority: 50, dedupeKey: `expire:${p.id}` });
      }
    }
    if (batch) {
      events.push({
        merchantId: batch.merchantId,
        type: 'batch.created',
        aggregateType: 'batch',
        aggregateId: batch.id,
        object: batchEventObject(batch, config.assets),
      });
      audit.push(batchCreatedAudit(request, batch, created));
    } else {
      for (const view of views) audit.push(paymentCreatedAudit(request, view));
    }
    const checkoutUrls = checkoutUrlsOf(config.raw.server.public_url, created, request.drafts);
    rendered.push(renderCreated(request.response, created, batch, config, views, checkoutUrls));
  }

  // payout jobs run at once; expiry jobs much later
  let jobsDueNow = 0;
  for (const job of jobs) if ((job.runAt ?? now) <= now) jobsDueNow++;
  return {
    ok: true,
    batches,
    payments,
    history,
    events,
    jobs,
    audit,
    rendered,
    consumption: consumptionOf(requests),
    usageAfter,
    jobsDueNow,
    uniqueAmountClaims,
  };
}

/** The checkout page URL of each created payment that has one (its secret is in the draft only). */
function checkoutUrlsOf(publicUrl: string, created: readonly Payment[], drafts: readonly PaymentDraft[]): Map<string, string> {
  const urls = new Map<string, string>();
  created.forEach((p, i) => {
    const secret = drafts[i]?.checkout?.secret;
    if (secret !== undefined) urls.set(p.id, checkoutUrl(publicUrl, checkoutToken(p.id, secret)));
  });
  return urls;
}

/**
 * What a request counts against the limits. Against the per-minute creation limit: one per request. A
 * batch is one request (its size is bounded by max_batch_size and its concurrency by
 * max_concurrent_batches); counting its items would let a single full batch use the whole minute and
 * make the ten batches in flight the spec allows impossible.
 */
export function demandOf(request: CreationRequest): UnitDemand {
  const totals = new Map<Asset, bigint>();
  for (const d of request.drafts) totals.set(d.currency, (totals.get(d.currency) ?? 0n) + d.quote.amount);
  return { count: creationRequests(request), totals, isBatch: request.batch !== undefined };
}

/** Batches among the requests, per merchant. */
export function batchesPerMerchant(requests: readonly CreationRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of requests) if (r.batch) counts.set(r.merchantId, (counts.get(r.merchantId) ?? 0) + 1);
  return counts;
}

/** Payments per watched address among the requests: the increments of the address-activity counters. */
export function addressActivityOf(requests: readonly CreationRequest[]): Map<string, number> {
  const activity = new Map<string, number>();
  for (const request of requests) {
    for (const d of request.drafts) {
      for (const address of watchedAddresses(d)) activity.set(address, (activity.get(address) ?? 0) + 1);
    }
  }
  return activity;
}

/** The activity before the requests, from the counters after their increments. */
export function activityBefore(counted: ReadonlyMap<string, number>, increments: ReadonlyMap<string, number>): Map<string, number> {
  const before = new Map<string, number>();
  for (const [address, total] of counted) before.set(address, total - (increments.get(address) ?? 0));
  return before;
}

/** Deposit addresses the requests take (collections). */
export function depositsNeeded(requests: readonly CreationRequest[]): number {
  let count = 0;
  for (const r of requests) for (const d of r.drafts) if (d.needsDepositAddress) count++;
  return count;
}

/** The (payee, asset) pairs whose claimed amounts the plan needs (drafts matched by a unique amount). */
export function uniqueAmountKeys(requests: readonly CreationRequest[]): Array<{ payeeAddress: string; asset: Asset }> {
  const keys = new Map<string, { payeeAddress: string; asset: Asset }>();
  for (const r of requests) {
    for (const d of r.drafts)
      if (d.needsUniqueAmount) keys.set(claimKey(d.payeeAddress, d.currency), { payeeAddress: d.payeeAddress, asset: d.currency });
  }
  return [...keys.values()];
}

/** Audit records the plan writes: one per batch, one per payment otherwise. */
export function auditRecordsNeeded(requests: readonly CreationRequest[]): number {
  return requests.reduce((n, r) => n + (r.batch ? 1 : r.drafts.length), 0);
}

/** Per merchant, in merchant-id order, the requests' count and per-asset totals. */
function consumptionOf(requests: readonly CreationRequest[]): LimitConsumption[] {
  const byMerchant = new Map<string, LimitConsumption>();
  for (const r of requests) {
    let consumption = byMerchant.get(r.merchantId);
    if (!consumption) {
      consumption = { merchantId: r.merchantId, count: 0, totals: new Map() };
      byMerchant.set(r.merchantId, consumption);
    }
    consumption.count += creationRequests(r);
    for (const d of r.drafts) consumption.totals.set(d.currency, (consumption.totals.get(d.currency) ?? 0n) + d.quote.amount);
  }
  return [...byMerchant.values()].sort((a, b) => (a.merchantId < b.merchantId ? -1 : a.merchantId > b.merchantId ? 1 : 0));
}

function creationRequests(request: CreationRequest): number {
  return request.batch ? 1 : request.drafts.length;
}

function copyUsage(usage: MerchantUsage): MerchantUsage {
  return { ...usage, dayTotals: new Map(usage.dayTotals), monthTotals: new Map(usage.monthTotals) };
}

/**
 * Addresses whose activity is counted for the busy-address flag: the other party of the payment. A
 * payout's payer is the merchant's own hot wallet, which pays every payout and says nothing suspicious.
 */
function watchedAddresses(draft: PaymentDraft): string[] {
  if (draft.method === 'route') return [draft.payeeAddress];
  return draft.payerAddress && draft.payerAddress !== draft.payeeAddress ? [draft.payerAddress, draft.payeeAddress] : [draft.payeeAddress];
}

/** Compact on purpose: this is the hot path, and the full payment is in the outbox event and the table. */
function paymentCreatedAudit(request: CreationRequest, view: PaymentView): AuditEntry {
  return {
    merchantId: request.merchantId,
    actor: request.actor,
    action: 'payment.created',
    entityType: 'payment',
    entityId: view.payment_id,
    requestId: request.requestId,
    after: {
      id: view.payment_id,
      status: view.status,
      amount: view.amount,
      currency: view.currency,
      payment_method: view.payment_method,
      payee_address: view.payee_address,
      // the flags set at creation (large_amount, high_address_activity), only when there are some
      ...(view.flags.length > 0 ? { flags: view.flags } : {}),
    },
  };
}

function batchCreatedAudit(request: CreationRequest, batch: Batch, created: readonly Payment[]): AuditEntry {
  return {
    merchantId: request.merchantId,
    actor: request.actor,
    action: 'batch.created',
    entityType: 'batch',
    entityId: batch.id,
    requestId: request.requestId,
    after: {
      batch_id: batch.id,
      created_count: batch.createdCount,
      rejected_count: batch.rejectedCount,
      payment_ids: created.map((p) => p.id),
      ...flaggedItems(created),
    },
  };
}

/** The items of a batch flagged at creation, with their flags; nothing when none is. */
function flaggedItems(created: readonly Payment[]): { flagged?: Array<{ payment_id: string; flags: Payment['flags'] }> } {
  const flagged = created.filter((p) => p.flags.length > 0).map((p) => ({ payment_id: p.id, flags: p.flags }));
  return flagged.length > 0 ? { flagged } : {};
}

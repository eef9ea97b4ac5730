import { describe, expect, it } from 'vitest';
import { type GatewayConfig, loadConfig } from '../../config/load.js';
import { AssetCatalog, NATIVE_SYMBOL } from '../../shared/catalogues/asset-catalog.js';
import { AppError } from '../../shared/errors.js';
import type { IdPrefix } from '../../shared/ids.js';
import type { Asset } from '../../shared/money.js';
import { privateKeyToAccount } from '../../tron/keys.js';
import type { MerchantUsage } from '../limits/limit-rules.js';
import {
  activityBefore,
  addressActivityOf,
  auditRecordsNeeded,
  type CreationPlanInput,
  type CreationRequest,
  depositsNeeded,
  EXPIRE_JOB,
  PAYOUT_JOB,
  type PlannedCreation,
  planCreation,
} from './creation-plan.js';
import { toPaymentView } from './payment.view.js';
import { buildPaymentDraft, type CreatePaymentInput, type PaymentDraft } from './payment-draft.js';
import { renderCreated } from './payment-responses.js';
import { unpayableAddresses } from './unpayable-addresses.js';

const account = (n: number) => privateKeyToAccount(n.toString(16).padStart(64, '0')).base58;
const HOT_WALLET = account(1);
const PAYER = account(2);
const PAYEE = account(3);
const OTHER_PAYEE = account(4);
const DEPOSIT = account(5);
const NETWORK_FEE_SUN = 13_845_000n;
const MERCHANT = 'mer_a';
const NOW = Date.UTC(2026, 11, 7, 2, 30, 15);

const shipped = loadConfig({ allowMissingFile: true, env: {} });
const USDT: Asset = shipped.raw.payment_processing.default_currency;
const units = (whole: bigint) => whole * 1_000_000n;

function draft(input: Partial<CreatePaymentInput>, config: GatewayConfig = shipped): PaymentDraft {
  const result = buildPaymentDraft(
    { payee_address: PAYEE, amount: '100', ...input },
    {
      config,
      hotWalletAddress: HOT_WALLET,
      networkFeeEstimate: () => NETWORK_FEE_SUN,
      unpayable: unpayableAddresses([]),
    },
  );
  if (!result.ok) throw new Error(`expected a draft, got ${JSON.stringify(result.errors)}`);
  return result.draft;
}

/** Ids `pay_1`, `pay_2`, `batch_1`…, in the order the plan draws them. */
function sequentialIds() {
  const drawn: string[] = [];
  const counters = new Map<string, number>();
  const ids = (prefix: IdPrefix) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    const id = `${prefix}_${n}`;
    drawn.push(id);
    return id;
  };
  return { ids, drawn };
}

function request(drafts: PaymentDraft[], overrides: Partial<CreationRequest> = {}): CreationRequest {
  return { merchantId: MERCHANT, actor: 'key_1', requestId: 'req_1', drafts, response: { kind: 'payment' }, ...overrides };
}

function input(requests: CreationRequest[], overrides: Partial<CreationPlanInput> = {}): CreationPlanInput {
  return {
    requests,
    config: shipped,
    now: NOW,
    ids: sequentialIds().ids,
    deposits: [],
    addressActivityBefore: new Map(),
    ...overrides,
  };
}

function planned(plan: ReturnType<typeof planCreation>): PlannedCreation {
  if (!plan.ok) throw new Error(`expected a plan, got refusal ${plan.refusal?.message}`);
  return plan;
}

function usage(overrides: Partial<MerchantUsage> = {}): MerchantUsage {
  return { createdThisWindow: 0, dayTotals: new Map(), monthTotals: new Map(), batchesInFlight: 0, ...overrides };
}

describe('planCreation: a single payment', () => {
  it('plans the row, history, event, expiry job, audit record, answer and consumption of a collection', () => {
    const collection = draft({ payment_method: 'payment_gateway', payer_address: PAYER, reference_id: 'order-1' });
    const req = request([collection]);
    const plan = planned(planCreation(input([req], { deposits: [{ index: 7, address: DEPOSIT }] })));

    const expiresAt = NOW + shipped.raw.payment_processing.payment_expiry_seconds * 1000;
    expect(plan.payments).toEqual([
      {
        id: 'pay_1',
        merchantId: MERCHANT,
        batchId: null,
        batchIndex: null,
        status: 'pending',
        method: 'payment_gateway',
        priority: collection.priority,
        currency: USDT,
        amount: units(100n),
        fee: collection.quote.fee,
        netAmount: collection.quote.netAmount,
        feeRatePpb: collection.quote.ratePpb,
        discountPpb: collection.quote.discountPpb,
        networkFeeEstimate: null,
        payerAddress: PAYER,
        payeeAddress: PAYEE,
        depositAddress: DEPOSIT,
        depositIndex: 7,
        referenceId: 'order-1',
        description: null,
        metadata: null,
        expiresAt,
        amountReceived: 0n,
        exception: null,
        confirmations: 0,
        finalized: false,
        transactionId: null,
        networkFee: null,
        flags: [],
        approvalStatus: null,
        approvedAt: null,
        approvedBy: null,
        failureReason: null,
        cancelReason: null,
        createdAt: NOW,
        updatedAt: NOW,
        processingAt: null,
        confirmedAt: null,
        completedAt: null,
        failedAt: null,
        cancelledAt: null,
        version: 1,
        checkout: { secretHash: null, successUrl: null, cancelUrl: null, customerEmail: null, paymentLinkId: null, revokedAt: null },
      },
    ]);
    const view = toPaymentView(plan.payments[0] as PlannedCreation['payments'][number], shipped);
    expect(plan.batches).toEqual([]);
    expect(plan.history).toEqual([{ paymentId: 'pay_1', seq: 1, from: null, to: 'pending', reason: 'created', actor: 'key_1', at: NOW }]);
    expect(plan.events).toEqual([
      { merchantId: MERCHANT, type: 'payment.created', aggregateType: 'payment', aggregateId: 'pay_1', object: view },
    ]);
    expect(plan.jobs).toEqual([
      { type: EXPIRE_JOB, payload: { payment_id: 'pay_1' }, runAt: expiresAt, priority: 50, dedupeKey: 'expire:pay_1' },
    ]);
    expect(plan.jobsDueNow).toBe(0);
    expect(plan.audit).toEqual([
      {
        merchantId: MERCHANT,
        actor: 'key_1',
        action: 'payment.created',
        entityType: 'payment',
        entityId: 'pay_1',
        requestId: 'req_1',
        after: { id: 'pay_1', status: 'pending', amount: '100', currency: USDT, payment_method: 'payment_gateway', payee_address: PAYEE },
      },
    ]);
    expect(plan.rendered).toEqual([{ statusCode: 201, body: JSON.stringify(view) }]);
    expect(plan.consumption).toEqual([{ merchantId: MERCHANT, count: 1, totals: new Map([[USDT, units(100n)]]) }]);
    expect(plan.usageAfter).toEqual(new Map());
    expect(depositsNeeded([req])).toBe(1);
    expect(auditRecordsNeeded([req])).toBe(1);
  });

  it('plans a payout below the approval threshold with a payout job due now', () => {
    const payout = draft({ payment_method: 'route', priority: 'high' });
    const plan = planned(planCreation(input([request([payout])])));
    expect(plan.payments[0]).toMatchObject({
      method: 'route',
      payerAddress: HOT_WALLET,
      approvalStatus: null,
      networkFeeEstimate: NETWORK_FEE_SUN,
    });
    expect(plan.jobs).toEqual([{ type: PAYOUT_JOB, payload: { payment_id: 'pay_1' }, priority: 1, dedupeKey: 'payout:pay_1', runAt: NOW }]);
    expect(plan.jobsDueNow).toBe(1);
  });
});

describe('planCreation: a batch', () => {
  it('plans one batch row, its items in order, payment events then the batch event, one audit record', () => {
    const drafts = [
      draft({ payment_method: 'route', amount: '10' }),
      draft({ payment_method: 'route', amount: '20', payee_address: OTHER_PAYEE }),
    ];
    const req = request(drafts, {
      batch: { reference: 'run-9', atomic: false, itemCount: 3, rejectedCount: 1 },
      response: { kind: 'batch', items: [] },
    });
    const { ids, drawn } = sequentialIds();
    const plan = planned(planCreation(input([req], { ids })));

    expect(drawn).toEqual(['batch_1', 'pay_1', 'pay_2']);
    expect(plan.batches).toEqual([
      {
        id: 'batch_1',
        merchantId: MERCHANT,
        reference: 'run-9',
        atomic: false,
        status: 'pending',
        itemCount: 3,
        createdCount: 2,
        rejectedCount: 1,
        totals: { [USDT]: units(30n) },
        createdAt: NOW,
        updatedAt: NOW,
        completedAt: null,
      },
    ]);
    expect(plan.payments.map((p) => [p.id, p.batchId, p.batchIndex, p.amount])).toEqual([
      ['pay_1', 'batch_1', 0, units(10n)],
      ['pay_2', 'batch_1', 1, units(20n)],
    ]);
    expect(plan.events.map((e) => [e.type, e.aggregateId])).toEqual([
      ['payment.created', 'pay_1'],
      ['payment.created', 'pay_2'],
      ['batch.created', 'batch_1'],
    ]);
    expect(plan.jobs.map((j) => j.dedupeKey)).toEqual(['payout:pay_1', 'payout:pay_2']);
    expect(plan.audit).toEqual([
      {
        merchantId: MERCHANT,
        actor: 'key_1',
        action: 'batch.created',
        entityType: 'batch',
        entityId: 'batch_1',
        requestId: 'req_1',
        after: { batch_id: 'batch_1', created_count: 2, rejected_count: 1, payment_ids: ['pay_1', 'pay_2'] },
      },
    ]);
    expect(auditRecordsNeeded([req])).toBe(1);
    expect(plan.rendered).toEqual([renderCreated(req.response, plan.payments, plan.batches[0] ?? null, shipped)]);
    // a batch counts once against the per-minute limit, its amounts in full
    expect(plan.consumption).toEqual([{ merchantId: MERCHANT, count: 1, totals: new Map([[USDT, units(30n)]]) }]);
  });

  it('sums each merchant of a group into one consumption, in merchant-id order', () => {
    const plan = planned(
      planCreation(
        input([
          request([draft({ payment_method: 'route', amount: '5' })], { merchantId: 'mer_b' }),
          request([draft({ payment_method: 'route', amount: '7' })], { merchantId: 'mer_a' }),
          request([draft({ payment_method: 'route', amount: '1', currency: NATIVE_SYMBOL as Asset })], { merchantId: 'mer_b' }),
        ]),
      ),
    );
    expect(plan.consumption).toEqual([
      { merchantId: 'mer_a', count: 1, totals: new Map([[USDT, units(7n)]]) },
      {
        merchantId: 'mer_b',
        count: 2,
        totals: new Map([
          [USDT, units(5n)],
          [NATIVE_SYMBOL, 1_000_000n],
        ]),
      },
    ]);
    expect(plan.rendered).toHaveLength(3);
  });

  it('refuses a group whose batches would exceed the batches in flight, without naming a request', () => {
    const max = shipped.raw.batch_processing.max_concurrent_batches;
    const batchOf = (merchantId: string) =>
      request([draft({ payment_method: 'route' })], {
        merchantId,
        batch: { reference: null, atomic: false, itemCount: 1, rejectedCount: 0 },
        response: { kind: 'batch', items: [] },
      });
    const requests = [batchOf(MERCHANT), batchOf(MERCHANT)];
    expect(planCreation(input(requests, { batchesInFlight: new Map([[MERCHANT, max - 2]]) })).ok).toBe(true);
    expect(planCreation(input(requests, { batchesInFlight: new Map([[MERCHANT, max - 1]]) }))).toEqual({ ok: false, refusal: null });
  });
});

describe('planCreation: limits per asset', () => {
  const dailyUsdt = units(1_000n);
  const config: GatewayConfig = {
    ...shipped,
    assets: new AssetCatalog(
      shipped.assets.specs.map((spec) => (spec.symbol === USDT ? { ...spec, limits: { ...spec.limits, dailyLimit: dailyUsdt } } : spec)),
    ),
  };

  it('refuses a payment that would cross its asset’s daily limit, drawing no id', () => {
    const { ids, drawn } = sequentialIds();
    const loaded = usage({ dayTotals: new Map([[USDT, units(950n)]]) });
    const plan = planCreation(
      input([request([draft({ payment_method: 'route', amount: '100' }, config)])], { config, ids, usage: new Map([[MERCHANT, loaded]]) }),
    );
    expect(plan.ok).toBe(false);
    const refusal = (plan as { refusal: AppError }).refusal;
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal.code).toBe('limit_exceeded');
    expect(refusal.message).toBe(`the daily limit of 1000 ${USDT} would be exceeded`);
    expect(refusal.errors).toEqual([{ path: 'amount', message: `daily total would reach 1050 ${USDT}` }]);
    expect(drawn).toEqual([]);
    // the usage read is left as it was
    expect(loaded.dayTotals.get(USDT)).toBe(units(950n));
    expect(loaded.createdThisWindow).toBe(0);
  });

  it('admits the same amount in another asset, whose limit is its own, and returns the usage to write back', () => {
    const trx = NATIVE_SYMBOL as Asset;
    const loaded = usage({ dayTotals: new Map([[USDT, units(950n)]]), createdThisWindow: 4 });
    const plan = planned(
      planCreation(
        input([request([draft({ payment_method: 'route', amount: '100', currency: trx }, config)])], {
          config,
          usage: new Map([[MERCHANT, loaded]]),
        }),
      ),
    );
    expect(plan.usageAfter).toEqual(
      new Map([
        [
          MERCHANT,
          {
            createdThisWindow: 5,
            batchesInFlight: 0,
            dayTotals: new Map([
              [USDT, units(950n)],
              [trx, 100_000_000n],
            ]),
            monthTotals: new Map([[trx, 100_000_000n]]),
          },
        ],
      ]),
    );
  });
});

describe('planCreation: holds and flags', () => {
  it('holds a payout at the approval threshold for approval: no payout job', () => {
    const threshold = shipped.assets.get(USDT).limits.approvalThreshold;
    const amount = shipped.assets.format(USDT, threshold);
    const plan = planned(planCreation(input([request([draft({ payment_method: 'route', amount })])])));
    expect(plan.payments[0]?.approvalStatus).toBe('required');
    expect(plan.jobs).toEqual([]);
    expect(plan.jobsDueNow).toBe(0);
    expect(plan.events[0]).toMatchObject({ object: { approval_status: 'required' } });
  });

  it('flags a large amount, and an address beyond its activity limit from the payment that crosses it on', () => {
    const suspicious = shipped.assets.get(USDT).limits.suspiciousAmount;
    const large = shipped.assets.format(USDT, suspicious);
    const limit = shipped.limits.addressActivityPerMinute;
    const requests = [
      request([draft({ payment_method: 'route', amount: large })]),
      request([draft({ payment_method: 'route' })]),
      request([draft({ payment_method: 'route' })]),
    ];
    const increments = addressActivityOf(requests);
    expect(increments).toEqual(new Map([[PAYEE, 3]]));
    // the counter after the increments: limit - 1 payments this minute before these three
    const before = activityBefore(new Map([[PAYEE, limit - 1 + 3]]), increments);
    const plan = planned(planCreation(input(requests, { addressActivityBefore: before })));
    const busy = (count: number) => ({
      code: 'high_address_activity',
      detail: `${PAYEE} is involved in ${count} payments this minute (limit ${limit})`,
    });
    expect(plan.payments.map((p) => p.flags)).toEqual([
      [{ code: 'large_amount', detail: `amount ${large} ${USDT} is at or above ${large}` }],
      [busy(limit + 1)],
      [busy(limit + 2)],
    ]);
  });
});

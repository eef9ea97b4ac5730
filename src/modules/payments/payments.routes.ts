/**
 * `/api/v1/payments`: thin handlers that authenticate, call one use case and map its result. Creating
 * routes send the exact JSON stored for their Idempotency-Key so that a replay is byte-identical.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { GatewayConfig } from '../../config/load.js';
import { PAYMENT_METHODS, PRIORITIES } from '../../config/schema.js';
import { requirePrincipal } from '../../http/auth.js';
import type { HealthChecks } from '../../http/ports.js';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf, claimedAnswer, sendAnswer, unwrap } from '../../http/route-helpers.js';
import { type AssetCatalog, NATIVE_SYMBOL } from '../../shared/catalogues/asset-catalog.js';
import { toIso } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { formatRate } from '../../shared/money.js';
import type { Batch } from '../batches/batch.js';
import { energyDecisionView, networkCostView } from '../chain/send-cost.view.js';
import type { EnergyStrategySource } from '../energy/energy-strategy.js';
import { quoteFee } from '../fees/fee-schedule.js';
import { costUnderStrategy, type NetworkCostEstimator } from '../fees/network-cost.js';
import type { SettlementInfoService } from '../settlement/settlement-info.service.js';
import { batchEventObject, batchStallFields } from './batch-view.js';
import type { Payment, PaymentStatus } from './payment.js';
import { toHistoryView, toPaymentView, toStatusView } from './payment.view.js';
import type { PaymentCosts } from './payment-costs.js';
import type { CreatePaymentInput } from './payment-draft.js';
import {
  ApprovalDecisionBody,
  BatchBody,
  BatchCheckBody,
  BatchCheckSchema,
  BatchParams,
  BatchResultSchema,
  BatchViewSchema,
  CancelBody,
  CreatedPaymentSchema,
  CreatePaymentBody,
  CurrencySchema,
  IdParams,
  ListQuery,
  ListResponse,
  PaymentDetailSchema,
  PaymentViewSchema,
  StatusViewSchema,
} from './payments.schemas.js';
import type { PaymentsService } from './payments.service.js';
import { payoutScopeOfBatch, payoutScopeOfCreate } from './payout-scope.js';

export interface PaymentsRoutesDeps {
  config: GatewayConfig;
  payments: PaymentsService;
  settlement: SettlementInfoService;
  networkCost: NetworkCostEstimator;
  health: HealthChecks;
  /** what each payment's sends cost on chain (`network_cost` of GET one and the list) */
  costs: PaymentCosts;
  /** the energy strategy in force for the merchant (`network_cost` of /fees/calculate) */
  energy: EnergyStrategySource;
}

/**
 * `/fees/calculate`'s `network_cost`: what the chain send a payment needs burns under the merchant's energy
 * strategy — a payout's transfer, or a collection's sweep with the activation of its deposit address.
 * direct_transfer needs no send of the gateway (null), nor does anything while the node cannot be read.
 */
async function networkCostUnderStrategy(
  deps: Pick<PaymentsRoutesDeps, 'networkCost' | 'energy'>,
  merchantId: string,
  method: string,
  currency: string,
  trx: (sun: bigint) => string,
) {
  if (method !== 'route' && method !== 'payment_gateway') return null;
  const estimate = await deps.networkCost.estimate(currency);
  if (!estimate) return null;
  const strategy = await deps.energy.strategyFor(merchantId);
  const activation = method === 'payment_gateway' ? (estimate.activationSun ?? 0n) : 0n;
  const cost = costUnderStrategy(estimate, strategy, activation);
  return {
    strategy: cost.strategy,
    send: method === 'route' ? ('payout_transfer' as const) : ('sweep' as const),
    trx: trx(cost.trx),
    energy: cost.energy,
    bandwidth_bytes: cost.bandwidthBytes,
    activation_trx: trx(cost.activationTrx),
    energy_paid_by: cost.energyPaidBy,
    bandwidth_paid_by: cost.bandwidthPaidBy,
  };
}

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
};

function batchView(batch: Batch, counts: Record<string, number>, assets: AssetCatalog) {
  return {
    ...batchEventObject(batch, assets),
    counts,
    updated_at: toIso(batch.updatedAt),
    completed_at: batch.completedAt === null ? null : toIso(batch.completedAt),
    ...batchStallFields(batch),
  };
}

export function paymentsRoutes(deps: PaymentsRoutesDeps): FastifyPluginAsyncTypebox {
  const { config } = deps;
  const priorities = config.priorities;
  const assets = config.assets;
  /** a changed payment's answer, rendered in its transaction for the Idempotency-Key (ADR 0033) */
  const paymentAnswer = (payment: Payment) => ({ statusCode: 200, body: JSON.stringify(toPaymentView(payment, config)) });
  return async (app) => {
    app.post(
      '/create',
      {
        config: { scope: 'payments:write', claimsIdempotencyKey: true },
        preValidation: payoutScopeOfCreate(config.raw.payment_processing.default_method),
        schema: {
          tags: ['payments'],
          operationId: 'createPayment',
          summary: 'Create a payment',
          description:
            'A `direct_transfer` without `payer_address` (non-custodial, no sweep) is matched by its exact amount: the answer’s `amount_due` is `amount` plus the smallest offset (0.000001 steps, up to `payment_processing.unique_amount_max_offset`) that no other open payment to the same payee in that currency holds. The payer must send exactly `amount_due`; 409 when every amount of the range is taken. The amount is freed when the payment completes, expires, fails or is cancelled.',
          body: CreatePaymentBody,
          response: { 201: CreatedPaymentSchema, ...errors },
        },
      },
      async (request, reply) => {
        const claim = request.idempotency ?? undefined;
        const created = unwrap(await deps.payments.createPayment(actorOf(request), request.body as CreatePaymentInput, claim));
        return sendAnswer(request, reply, created.rendered);
      },
    );

    app.post(
      '/batch',
      {
        config: { scope: 'payments:write', claimsIdempotencyKey: true },
        preValidation: payoutScopeOfBatch(config.raw.payment_processing.default_method),
        schema: {
          tags: ['batches'],
          operationId: 'createBatch',
          summary: 'Create up to 1000 payments',
          body: BatchBody,
          response: { 201: BatchResultSchema, ...errors },
        },
      },
      async (request, reply) => {
        const claim = request.idempotency ?? undefined;
        const created = unwrap(await deps.payments.createBatch(actorOf(request), request.body, claim));
        return sendAnswer(request, reply, created.rendered);
      },
    );

    app.post(
      '/batch/check',
      {
        config: { scope: 'payments:write', changesNothing: true },
        preValidation: payoutScopeOfBatch(config.raw.payment_processing.default_method),
        schema: {
          tags: ['batches'],
          operationId: 'checkBatch',
          summary: 'Check a batch item by item as POST /batch would, creating nothing (a preview before submitting)',
          body: BatchCheckBody,
          response: { 200: BatchCheckSchema, ...errors },
        },
      },
      async (request) => {
        const items = unwrap(await deps.payments.previewBatch(actorOf(request), request.body));
        const results = items.map((item) =>
          item.errors
            ? { index: item.index, status: 'rejected' as const, errors: item.errors }
            : { index: item.index, status: 'valid' as const },
        );
        const rejected = results.filter((r) => r.status === 'rejected').length;
        return { object: 'batch_check' as const, valid_count: results.length - rejected, rejected_count: rejected, results };
      },
    );

    app.get(
      '/status/:payment_id',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['payments'],
          operationId: 'getPaymentStatus',
          summary: 'Payment status',
          params: IdParams,
          response: { 200: StatusViewSchema, ...errors },
        },
      },
      async (request) => toStatusView(unwrap(await deps.payments.getStatus(actorOf(request), request.params.payment_id)), assets),
    );

    const list = async (request: FastifyRequest<{ Querystring: Static<typeof ListQuery> }>) => {
      const q = request.query;
      const limit = Math.min(q.limit ?? config.raw.api.default_page_size, config.raw.api.max_page_size);
      const filters = {
        ...(q.status ? { status: q.status as PaymentStatus } : {}),
        ...(q.payment_method ? { method: q.payment_method } : {}),
        ...(q.priority ? { priority: q.priority } : {}),
        ...(q.currency ? { currency: q.currency } : {}),
        ...(q.reference_id ? { referenceId: q.reference_id } : {}),
        ...(q.address ? { address: q.address } : {}),
        ...(q.transaction_id ? { transactionId: q.transaction_id.toLowerCase() } : {}),
        ...(q.batch_id ? { batchId: q.batch_id } : {}),
        ...(q.created_from ? { createdFrom: Date.parse(q.created_from) } : {}),
        ...(q.created_to ? { createdTo: Date.parse(q.created_to) } : {}),
      };
      const actor = actorOf(request);
      const page = unwrap(await deps.payments.listPayments(actor, filters, limit, q.starting_after));
      const [costs, energy] = await Promise.all([deps.costs.of(page.payments), deps.costs.energyOf(page.payments)]);
      const data = page.payments.map((p) => ({
        ...toPaymentView(p, config),
        network_cost: networkCostView(costs.get(p.id)),
        energy_decision: energyDecisionView(energy.get(p.id)),
      }));
      return {
        object: 'list' as const,
        data,
        has_more: page.hasMore,
        next_cursor: page.hasMore ? (data[data.length - 1]?.payment_id ?? null) : null,
        ...(q.include_total ? { total_count: await deps.payments.countPayments(actor, filters) } : {}),
      };
    };
    const listSchema = {
      tags: ['payments'],
      operationId: 'listPayments',
      summary: 'List payments, newest first',
      querystring: ListQuery,
      response: { 200: ListResponse, ...errors },
    };
    app.get('/', { config: { scope: 'payments:read' }, schema: listSchema }, list);

    app.get(
      '/batches/:batch_id',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['batches'],
          operationId: 'getBatch',
          summary: 'A batch with live counts',
          params: BatchParams,
          response: { 200: BatchViewSchema, ...errors },
        },
      },
      async (request) => {
        const { batch, counts } = unwrap(await deps.payments.getBatch(actorOf(request), request.params.batch_id));
        return batchView(batch, counts, assets);
      },
    );

    app.get(
      '/fees/calculate',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['fees'],
          operationId: 'calculateFees',
          summary: 'Fee, discount, net amount and network cost estimate',
          querystring: Type.Object(
            {
              amount: Type.String({ maxLength: 64 }),
              priority: Type.Optional(Type.Enum(PRIORITIES)),
              payment_method: Type.Optional(Type.Enum(PAYMENT_METHODS)),
              currency: Type.Optional(CurrencySchema),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const q = request.query;
        const priority = q.priority ?? config.raw.payment_processing.default_priority;
        const currency = q.currency ?? config.raw.payment_processing.default_currency;
        const asset = assets.find(currency);
        if (!asset) {
          const message = `must be one of: ${assets.symbols.join(', ')}`;
          throw new AppError('validation_failed', `query.currency ${message}`, [{ path: 'query.currency', message }]);
        }
        const method = q.payment_method ?? config.raw.payment_processing.default_method;
        const amount = assets.parse(currency, q.amount);
        if (!amount.ok)
          throw new AppError('validation_failed', `query.amount ${amount.message}`, [{ path: 'query.amount', message: amount.message }]);
        const quote = quoteFee(amount.value, priorities[priority].feeRate, asset.volumeDiscounts, asset.minimumFee);
        const money = (units: bigint) => assets.format(currency, units);
        const trx = (units: bigint) => assets.format(NATIVE_SYMBOL, units);
        const network = method === 'route' ? await deps.networkCost.estimate(currency) : null;
        const cost = await networkCostUnderStrategy(deps, actorOf(request).merchantId, method, currency, trx);
        return {
          amount: money(quote.amount),
          currency,
          priority,
          payment_method: method,
          fee_rate: formatRate(quote.ratePpb),
          base_fee: money(quote.baseFee),
          discount_rate: formatRate(quote.discountPpb),
          discount_amount: money(quote.discountAmount),
          fee: money(quote.fee),
          net_amount: money(quote.netAmount),
          estimated_processing_seconds: priorities[priority].processingTimeSeconds,
          max_retries: priorities[priority].maxRetries,
          network_fee_estimate: network
            ? {
                trx: trx(network.trx),
                trx_if_new_holder: trx(network.trxIfNewHolder),
                energy: network.energy,
                bandwidth_bytes: network.bandwidthBytes,
                energy_price_sun: network.energyPriceSun.toString(),
                as_of: toIso(network.asOf),
              }
            : null,
          network_fee_note:
            method === 'route'
              ? network
                ? 'TRX burned when the hot wallet has no staked energy or free bandwidth left; paid by the gateway, not deducted from the payee'
                : 'the TRON node could not be reached for current energy prices'
              : 'collections cost the merchant no network fee until settlement sweeps the deposit address',
          network_cost: cost,
        };
      },
    );

    app.get(
      '/settlement/info',
      {
        config: { scope: 'payments:read' },
        schema: { tags: ['settlement'], operationId: 'getSettlementInfo', summary: 'Settlement schedule and pending balance' },
      },
      async (request) => {
        const info = await deps.settlement.info(actorOf(request).merchantId);
        const defaultCurrency = config.raw.payment_processing.default_currency;
        const defaultThresholds = info.assets[defaultCurrency] ?? { minAmount: 0n, maxAmount: 0n };
        return {
          frequency: info.frequency,
          settlement_time_utc: info.settlementTimeUtc,
          next_settlement_at: info.nextSettlementAt === null ? null : toIso(info.nextSettlementAt),
          pending_amount: Object.fromEntries(Object.entries(info.assets).map(([symbol, a]) => [symbol, assets.format(symbol, a.pending)])),
          // the default currency's thresholds (the first build's single figures); `thresholds` has each asset's
          threshold: assets.format(defaultCurrency, defaultThresholds.minAmount),
          min_settlement_amount: assets.format(defaultCurrency, defaultThresholds.minAmount),
          max_settlement_amount: assets.format(defaultCurrency, defaultThresholds.maxAmount),
          thresholds: Object.fromEntries(
            Object.entries(info.assets).map(([symbol, a]) => [
              symbol,
              { min_settlement_amount: assets.format(symbol, a.minAmount), max_settlement_amount: assets.format(symbol, a.maxAmount) },
            ]),
          ),
          last_settlement: info.lastSettlement
            ? {
                settlement_id: info.lastSettlement.id,
                status: info.lastSettlement.status,
                currency: info.lastSettlement.currency,
                amount: assets.format(info.lastSettlement.currency, info.lastSettlement.amount),
                transaction_id: info.lastSettlement.transactionId,
                created_at: toIso(info.lastSettlement.createdAt),
                completed_at: info.lastSettlement.completedAt === null ? null : toIso(info.lastSettlement.completedAt),
              }
            : null,
        };
      },
    );

    app.get(
      '/health',
      {
        config: { public: true },
        schema: { tags: ['system'], operationId: 'getPaymentsHealth', summary: 'Payments service health (real checks)' },
      },
      async (_request, reply) => {
        const checks = await deps.health.ready();
        const healthy = Object.values(checks).every((c) => c.ok);
        return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'healthy' : 'unhealthy', service: 'tron-payment-gateway', checks });
      },
    );

    app.get(
      '/:payment_id',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['payments'],
          operationId: 'getPayment',
          summary: 'A payment with its history',
          params: IdParams,
          response: { 200: PaymentDetailSchema, ...errors },
        },
      },
      async (request) => {
        const { payment, history } = unwrap(await deps.payments.getPayment(actorOf(request), request.params.payment_id));
        const [costs, energy] = await Promise.all([deps.costs.of([payment]), deps.costs.energyOf([payment])]);
        return {
          ...toPaymentView(payment, config),
          network_cost: networkCostView(costs.get(payment.id)),
          energy_decision: energyDecisionView(energy.get(payment.id)),
          history: toHistoryView(history),
        };
      },
    );

    app.post(
      '/:payment_id/cancel',
      {
        config: { scope: 'payments:write', claimsIdempotencyKey: true },
        schema: {
          tags: ['payments'],
          operationId: 'cancelPayment',
          summary: 'Cancel a pending payment',
          params: IdParams,
          body: Type.Optional(CancelBody),
          response: { 200: PaymentViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as { reason?: string };
        const answer = claimedAnswer(request, paymentAnswer);
        const cancelled = unwrap(
          await deps.payments.cancelPayment(actorOf(request), request.params.payment_id, body.reason ?? 'merchant_request', answer),
        );
        return sendAnswer(request, reply, paymentAnswer(cancelled));
      },
    );

    app.post(
      '/:payment_id/approve',
      {
        config: { scope: 'payouts:write', claimsIdempotencyKey: true },
        schema: {
          tags: ['payments'],
          operationId: 'approvePayment',
          summary:
            'Approve a payout held for approval (payouts:write; not by the key or user that created it, unless admin and two-person approval is off)',
          params: IdParams,
          body: Type.Optional(ApprovalDecisionBody),
          response: { 200: PaymentViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const mayApproveOwn = requirePrincipal(request).scopes.has('admin');
        const note = request.body?.note;
        const answer = claimedAnswer(request, paymentAnswer);
        const approved = unwrap(
          await deps.payments.approvePayment(actorOf(request), request.params.payment_id, {
            mayApproveOwn,
            answer,
            ...(note !== undefined ? { note } : {}),
          }),
        );
        return sendAnswer(request, reply, paymentAnswer(approved));
      },
    );

    app.post(
      '/:payment_id/reject',
      {
        config: { scope: 'payouts:write', claimsIdempotencyKey: true },
        schema: {
          tags: ['payments'],
          operationId: 'rejectPayment',
          summary: 'Reject a payout held for approval: it is cancelled with the note as its reason',
          params: IdParams,
          body: Type.Optional(ApprovalDecisionBody),
          response: { 200: PaymentViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const answer = claimedAnswer(request, paymentAnswer);
        const rejected = unwrap(await deps.payments.rejectPayment(actorOf(request), request.params.payment_id, request.body?.note, answer));
        return sendAnswer(request, reply, paymentAnswer(rejected));
      },
    );
  };
}

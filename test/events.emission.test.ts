/**
 * Where each webhook event of SPEC §3.10 is emitted, and what its envelope holds (the outbox row's
 * payload, exactly what a receiver gets). Chain-driven steps go through PaymentsService.advancePayment,
 * the entry point of the chain workers; settlements through settlement-records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../src/app/gateway-core.js';
import { Outbox } from '../src/modules/outbox/outbox.js';
import type { PaymentStatus } from '../src/modules/payments/payment.js';
import type { PaymentView } from '../src/modules/payments/payment.view.js';
import { paymentRefundedObject, type RefundSnapshot } from '../src/modules/payments/payment-refunded.js';
import { completeSettlement, initiateSettlement } from '../src/modules/settlement/settlement-records.js';
import { fixedClock } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { ENGINES } from './db-harness.js';
import { type BatchJson, type PaymentJson, startTestGateway, type TestGateway } from './gateway-harness.js';

interface Envelope {
  id: string;
  type: string;
  created_at: string;
  api_version: string;
  data: { object: Record<string, unknown> };
}

const CHAIN = { actor: 'system:scanner', requestId: null };

describe.each(ENGINES)('webhook event emission (%s)', (engine) => {
  let gw: TestGateway;
  const clock = fixedClock(Date.UTC(2026, 3, 4, 5, 6, 7));

  /** The events of one object, oldest first, as their envelopes. */
  const eventsOf = async (aggregateId: string): Promise<Envelope[]> => {
    const rows = await gw.db.db
      .selectFrom('outbox')
      .selectAll()
      .where('aggregate_id', '=', aggregateId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => {
      const envelope = JSON.parse(r.payload) as Envelope;
      expect(envelope.id).toBe(r.id);
      expect(envelope.type).toBe(r.type);
      return envelope;
    });
  };
  const view = async (id: string) => {
    // events carry the payment without its history, network_cost and energy_decision (read from the sends when asked)
    const {
      history: _history,
      network_cost: _cost,
      energy_decision: _energy,
      ...rest
    } = (
      await gw.call<PaymentJson & { network_cost?: unknown; energy_decision?: unknown }>('GET', `/api/v1/payments/${id}`, {
        key: gw.adminKey,
      })
    ).body;
    return rest;
  };
  const create = async (body: Record<string, unknown> = {}) => {
    const [payer, payee] = gw.addresses;
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { amount: '25', payer_address: payer, payee_address: payee, ...body },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** Advances a payment through `steps`, checking after each that exactly its event was added, holding the payment view. */
  const walk = async (id: string, steps: Array<[PaymentStatus, string]>) => {
    for (const [to, event] of steps) {
      clock.advance(1000);
      const before = (await eventsOf(id)).length;
      const moved = await gw.core.payments.advancePayment(
        id,
        { to, transactionId: 'a'.repeat(64), confirmations: 3, ...(to === 'failed' ? { reason: 'reverted' } : {}) },
        CHAIN,
      );
      expect(moved.ok).toBe(true);
      const events = await eventsOf(id);
      expect(events).toHaveLength(before + 1);
      const last = events[events.length - 1] as Envelope;
      expect(last.type).toBe(event);
      expect(last.api_version).toBe(API_VERSION);
      expect(last.created_at).toBe(new Date(clock.now()).toISOString());
      expect(last.data.object).toEqual(await view(id));
      expect(last.data.object).toMatchObject({ status: to, transaction_id: 'a'.repeat(64), confirmations: 3 });
    }
  };

  beforeAll(async () => {
    gw = await startTestGateway(engine, { clock });
  });
  afterAll(async () => gw?.close());

  it('payment.created carries the payment view', async () => {
    const payment = await create();
    const events = await eventsOf(payment.payment_id);
    expect(events.map((e) => e.type)).toEqual(['payment.created']);
    expect(events[0]?.data.object).toEqual(await view(payment.payment_id));
  });

  it('payment.started, payment.confirmed, payment.completed, payment.refunded as a collection goes through its lifecycle', async () => {
    const payment = await create();
    await walk(payment.payment_id, [
      ['processing', 'payment.started'],
      ['confirmed', 'payment.confirmed'],
      ['completed', 'payment.completed'],
      ['refunded', 'payment.refunded'],
    ]);
    expect((await eventsOf(payment.payment_id)).map((e) => e.type)).toEqual([
      'payment.created',
      'payment.started',
      'payment.confirmed',
      'payment.completed',
      'payment.refunded',
    ]);
  });

  it('payment.failed and payment.disputed', async () => {
    const failing = await create();
    await walk(failing.payment_id, [
      ['processing', 'payment.started'],
      ['failed', 'payment.failed'],
    ]);
    expect(await view(failing.payment_id)).toMatchObject({ failure_reason: 'reverted' });
    const disputed = await create();
    await walk(disputed.payment_id, [
      ['processing', 'payment.started'],
      ['disputed', 'payment.disputed'],
    ]);
  });

  it('refuses a step the lifecycle does not allow, and emits nothing', async () => {
    const payment = await create();
    const skipped = await gw.core.payments.advancePayment(payment.payment_id, { to: 'completed' }, CHAIN);
    expect(skipped).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect((await eventsOf(payment.payment_id)).map((e) => e.type)).toEqual(['payment.created']);
    const unknown = await gw.core.payments.advancePayment('pay_0000000000000000', { to: 'processing' }, CHAIN);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('records each step in the audit log with the worker as actor, in the same transaction', async () => {
    const payment = await create();
    await walk(payment.payment_id, [['processing', 'payment.started']]);
    const records = await gw.db.db.selectFrom('audit_log').selectAll().where('entity_id', '=', payment.payment_id).orderBy('seq').execute();
    expect(records.map((r) => [r.action, r.actor])).toEqual([
      [
        'payment.created',
        (await gw.db.db.selectFrom('api_keys').select('id').where('name', '=', 'first key').executeTakeFirstOrThrow()).id,
      ],
      ['payment.processing', 'system:scanner'],
    ]);
    expect(JSON.parse(records[1]?.before ?? 'null')).toMatchObject({ status: 'pending' });
    expect(JSON.parse(records[1]?.after ?? 'null')).toEqual(await view(payment.payment_id));
  });

  it('payment.refunded with a refund carries the payment view plus the refund, amounts as decimal strings', async () => {
    const payment = await create({ amount: '40' });
    await walk(payment.payment_id, [
      ['processing', 'payment.started'],
      ['confirmed', 'payment.confirmed'],
      ['completed', 'payment.completed'],
    ]);
    const refund: RefundSnapshot = {
      id: newId('refund'),
      paymentId: payment.payment_id,
      status: 'completed',
      currency: 'USDT',
      amount: 39_940_000n,
      reason: 'user_request',
      refundAddress: gw.addresses[0] as string,
      transactionId: 'b'.repeat(64),
      networkFee: 13_842_900n,
      createdAt: clock.now(),
      completedAt: clock.now() + 500,
    };
    clock.advance(1000);
    const moved = await gw.core.payments.advancePayment(payment.payment_id, { to: 'refunded', refund }, CHAIN);
    expect(moved.ok).toBe(true);
    const last = (await eventsOf(payment.payment_id)).at(-1) as Envelope;
    expect(last.type).toBe('payment.refunded');
    expect(last.data.object).toEqual({
      ...(await view(payment.payment_id)),
      refund: {
        refund_id: refund.id,
        object: 'refund',
        payment_id: payment.payment_id,
        status: 'completed',
        currency: 'USDT',
        amount: '39.94',
        reason: 'user_request',
        refund_address: refund.refundAddress,
        transaction_id: 'b'.repeat(64),
        network_fee: '13.8429',
        created_at: new Date(refund.createdAt).toISOString(),
        completed_at: new Date(refund.createdAt + 500).toISOString(),
      },
    });
    expect(() =>
      paymentRefundedObject(
        { ...(last.data.object as unknown as PaymentView), payment_id: 'pay_ffffffffffffffff' },
        refund,
        gw.config.assets,
      ),
    ).toThrow(/belongs to/);
  });

  it('batch.created when a batch is stored, batch.completed once when its last payment is final', async () => {
    const [payer, payee] = gw.addresses;
    const created = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
      key: gw.adminKey,
      body: {
        payments: [
          { amount: '3', payer_address: payer, payee_address: payee },
          { amount: '4', payer_address: payer, payee_address: payee },
        ],
      },
    });
    expect(created.status).toBe(201);
    const batchId = created.body.batch_id;
    const [first, second] = (created.body.results ?? []).map((r) => r.payment_id as string);
    expect((await eventsOf(batchId)).map((e) => e.type)).toEqual(['batch.created']);
    expect((await eventsOf(batchId))[0]?.data.object).toMatchObject({
      batch_id: batchId,
      status: 'pending',
      created_count: 2,
      totals: { USDT: '7' },
    });

    await walk(first as string, [
      ['processing', 'payment.started'],
      ['failed', 'payment.failed'],
    ]);
    expect((await eventsOf(batchId)).map((e) => e.type)).toEqual(['batch.created']);
    await walk(second as string, [
      ['processing', 'payment.started'],
      ['confirmed', 'payment.confirmed'],
      ['completed', 'payment.completed'],
    ]);
    const events = await eventsOf(batchId);
    expect(events.map((e) => e.type)).toEqual(['batch.created', 'batch.completed']);
    expect(events[1]?.data.object).toMatchObject({ batch_id: batchId, status: 'partial_failure', counts: { failed: 1, completed: 1 } });
    const audit = await gw.db.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity_id', '=', batchId)
      .orderBy('seq')
      .execute();
    expect(audit.map((r) => r.action)).toEqual(['batch.created', 'batch.completed']);
  });

  it('settlement.initiated and settlement.completed, with the row, the event and the audit record in one transaction', async () => {
    const deps = {
      clock,
      ids: newId,
      outbox: new Outbox({ clock, ids: newId, apiVersion: API_VERSION }),
      audit: gw.core.audit,
      assets: gw.config.assets,
    };
    const context = { actor: 'system:settlement', requestId: null };
    const initiated = await gw.db.db
      .transaction()
      .execute((trx) =>
        initiateSettlement(
          trx,
          deps,
          { merchantId: gw.merchantId, currency: 'USDT', amount: 1_234_567_890n, payeeAddress: gw.addresses[3] as string },
          context,
        ),
      );
    expect(initiated.id).toMatch(/^stl_[0-9a-f]{32}$/);
    let events = await eventsOf(initiated.id);
    expect(events.map((e) => e.type)).toEqual(['settlement.initiated']);
    expect(events[0]?.data.object).toEqual({
      settlement_id: initiated.id,
      object: 'settlement',
      status: 'initiated',
      currency: 'USDT',
      amount: '1234.56789',
      payee_address: gw.addresses[3],
      transaction_id: null,
      network_fee: null,
      created_at: new Date(clock.now()).toISOString(),
      completed_at: null,
    });

    clock.advance(60_000);
    const completed = await gw.db.db
      .transaction()
      .execute((trx) =>
        completeSettlement(trx, deps, { settlementId: initiated.id, transactionId: 'c'.repeat(64), networkFee: 345_000n }, context),
      );
    expect(completed).toMatchObject({ status: 'completed', transactionId: 'c'.repeat(64), amount: 1_234_567_890n });
    events = await eventsOf(initiated.id);
    expect(events.map((e) => e.type)).toEqual(['settlement.initiated', 'settlement.completed']);
    expect(events[1]?.data.object).toMatchObject({
      status: 'completed',
      transaction_id: 'c'.repeat(64),
      network_fee: '0.345',
      completed_at: new Date(clock.now()).toISOString(),
    });
    const row = await gw.db.db.selectFrom('settlements').selectAll().where('id', '=', initiated.id).executeTakeFirstOrThrow();
    expect([row.status, BigInt(row.amount), row.transaction_id]).toEqual(['completed', 1_234_567_890n, 'c'.repeat(64)]);
    const audit = await gw.db.db.selectFrom('audit_log').selectAll().where('entity_id', '=', initiated.id).orderBy('seq').execute();
    expect(audit.map((r) => [r.action, r.actor])).toEqual([
      ['settlement.initiated', 'system:settlement'],
      ['settlement.completed', 'system:settlement'],
    ]);
    expect(JSON.parse(audit[1]?.before ?? 'null')).toMatchObject({ status: 'initiated' });

    // completing twice does nothing; a failed transaction leaves no row, event or record
    const again = await gw.db.db
      .transaction()
      .execute((trx) => completeSettlement(trx, deps, { settlementId: initiated.id, transactionId: 'd'.repeat(64) }, context));
    expect(again).toBeNull();
    const settlementsBefore = await gw.count('settlements');
    await expect(
      gw.db.db.transaction().execute(async (trx) => {
        await initiateSettlement(
          trx,
          deps,
          { merchantId: gw.merchantId, currency: 'TRX', amount: 5n, payeeAddress: gw.addresses[3] as string },
          context,
        );
        throw new Error('transfer could not be queued');
      }),
    ).rejects.toThrow('transfer could not be queued');
    expect(await gw.count('settlements')).toBe(settlementsBefore);
    expect((await eventsOf(initiated.id)).length).toBe(2);
  });
});

/**
 * Disputed payments (ADR 0033), on the devnet: a reconciliation that marks a credited collection
 * disputed takes its credit out of the settleable balance in the same commit; `resolve` then accepts
 * (credit back, completed), rejects (failed, credit excluded for good) or refunds it (the received
 * amount to the payer, no second debit, refunded once sent). Admin only, audited with the notes, and
 * replayed byte for byte for its Idempotency-Key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { newWallet } from './devnet-harness.js';
import type { PaymentJson, ProblemJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools, USDT } from './refunds-harness.js';

interface ResolutionJson {
  object: 'dispute_resolution';
  payment_id: string;
  resolution: string;
  notes: string | null;
  payment_status: string;
  refund_id: string | null;
  refund_amount: string | null;
}

describe.each(ENGINES)('resolving disputed payments (%s)', (engine) => {
  let gw: MoneyGateway;
  const t = moneyTools(() => gw);
  let payee = 0;
  beforeAll(async () => {
    gw = await startMoneyGateway(engine);
    await t.scanner().scanOnce();
  });
  afterAll(async () => gw?.close());

  /** a collected payment that a reconciliation found paid to another address: disputed */
  const disputed = async (): Promise<{ payment: PaymentJson; payer: string }> => {
    const payer = await t.payer();
    const { payment } = await t.collect(payer, { amount: '4', payee_address: gw.addresses[payee++] }, 4n * USDT);
    const elsewhere = await t.payUsdt(payer, newWallet().base58, 1n * USDT);
    gw.mine(2);
    const res = await gw.call('POST', '/api/v1/payments/reconcile', {
      key: gw.adminKey,
      body: { payment_id: payment.payment_id, external_transaction_id: elsewhere },
    });
    expect(res.status, res.text).toBe(201);
    expect((await t.get(payment.payment_id)).status).toBe('disputed');
    return { payment, payer: payer.base58 };
  };
  const balanceOf = async (payment: PaymentJson) => {
    const row = await gw.db.db
      .selectFrom('merchant_balances')
      .select('balance')
      .where('payee_address', '=', payment.payee_address)
      .where('currency', '=', 'USDT')
      .executeTakeFirst();
    return BigInt(row?.balance ?? 0);
  };
  const settleable = async (payment: PaymentJson) =>
    (await gw.core.ledger.settleableBalances(gw.db.db)).filter((b) => b.payeeAddress === payment.payee_address);
  const resolve = (id: string, body: Record<string, unknown>, key = gw.adminKey, headers: Record<string, string> = {}) =>
    gw.call<ResolutionJson>('POST', `/api/v1/payments/${id}/resolve`, { key, body, headers });
  const resolvedAudit = async (id: string) =>
    gw.db.db
      .selectFrom('audit_log')
      .select(['actor', 'after'])
      .where('entity_id', '=', id)
      .where('action', '=', 'payment.dispute_resolved')
      .execute();

  it('holds the credit while disputed; accept gives it back and completes, once per Idempotency-Key', async () => {
    const { payment } = await disputed();
    expect(await balanceOf(payment)).toBe(0n);
    expect(await settleable(payment)).toEqual([]);

    const headers = { 'idempotency-key': `accept-${engine}` };
    const accepted = await resolve(payment.payment_id, { resolution: 'accept', notes: 'payer confirmed by phone' }, gw.adminKey, headers);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({
      resolution: 'accept',
      payment_status: 'completed',
      refund_id: null,
      notes: 'payer confirmed by phone',
    });
    const replay = await resolve(payment.payment_id, { resolution: 'accept', notes: 'payer confirmed by phone' }, gw.adminKey, headers);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(accepted.text);

    expect((await t.get(payment.payment_id)).status).toBe('completed');
    expect(await balanceOf(payment)).toBe(BigInt(Number(payment.net_amount) * 1e6));
    expect(await settleable(payment)).toHaveLength(1);
    const audit = await resolvedAudit(payment.payment_id);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.after)).toContain('payer confirmed by phone');
    // resolved: nothing more to resolve
    const again = await resolve(payment.payment_id, { resolution: 'reject' });
    expect(again.status).toBe(409);
  });

  it('reject fails the payment and keeps its credit out for good', async () => {
    const { payment } = await disputed();
    const rejected = await resolve(payment.payment_id, { resolution: 'reject', notes: 'funds under investigation' });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body.payment_status).toBe('failed');
    const now = await t.get(payment.payment_id);
    expect(now.status).toBe('failed');
    expect(now.failure_reason).toBe('dispute_rejected');
    expect(await balanceOf(payment)).toBe(0n);
    expect(await settleable(payment)).toEqual([]);
  });

  it('refund sends the received amount back to the payer without a second debit, then the payment is refunded', async () => {
    const { payment, payer } = await disputed();
    const refunded = await resolve(payment.payment_id, { resolution: 'refund' });
    expect(refunded.status, refunded.text).toBe(200);
    expect(refunded.body).toMatchObject({ resolution: 'refund', payment_status: 'disputed', refund_amount: '4' });
    const refund = await gw.db.db
      .selectFrom('refunds')
      .selectAll()
      .where('id', '=', refunded.body.refund_id as string)
      .executeTakeFirstOrThrow();
    expect(refund.refund_address).toBe(payer);
    expect(await balanceOf(payment)).toBe(0n);
    await t.settleSends();
    expect((await t.get(payment.payment_id)).status).toBe('refunded');
    expect(await balanceOf(payment)).toBe(0n);
    expect((await gw.tronChain.balances(payer)).USDT).toBe(1000n * USDT - 5n * USDT + 4n * USDT);
  });

  it('names a bad resolution, refuses a payment that is not disputed, and needs an admin key', async () => {
    const { payment } = await disputed();
    const bad = await resolve(payment.payment_id, { resolution: 'maybe' });
    expect(bad.status).toBe(422);
    expect((bad.body as unknown as ProblemJson).errors.map((e) => e.path)).toContain('resolution');
    const writer = await gw.key(['payments:write', 'refunds:write']);
    expect((await resolve(payment.payment_id, { resolution: 'accept' }, writer)).status).toBe(403);
    const payer = await t.payer();
    const { payment: fine } = await t.collect(payer, { amount: '2', payee_address: gw.addresses[7] }, 2n * USDT);
    const notDisputed = await resolve(fine.payment_id, { resolution: 'accept' });
    expect(notDisputed.status).toBe(409);
    expect((notDisputed.body as unknown as ProblemJson).code).toBe('invalid_transition');
  });
});

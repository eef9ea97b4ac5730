/**
 * The refund API (SPEC §3.8, §4): input checks that name the field, the query-parameter form seed clients
 * use, 409 for payouts and for payments without final funds, 404 for unknown and foreign ids, the
 * refunds:write scope, never more refunded than received under concurrent requests, and the timeout
 * rule (fail when the send can no longer land, otherwise flag).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { newWallet } from './devnet-harness.js';
import { type PaymentJson, type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools, type RefundJson, USDT } from './refunds-harness.js';

describe.each(ENGINES)('refund API (%s)', (engine) => {
  let gw: MoneyGateway;
  const t = moneyTools(() => gw);
  let collected: PaymentJson;
  let payerAddress: string;
  const denied = newWallet().base58;

  beforeAll(async () => {
    gw = await startMoneyGateway(engine, { config: { transaction_limits: { deny_list: [denied] }, refunds: { refund_timeout_hours: 2 } } });
    await t.scanner().scanOnce();
    const payer = await t.payer();
    payerAddress = payer.base58;
    collected = (await t.collect(payer, { amount: '20', payee_address: gw.addresses[0], payer_address: payer.base58 }, 20n * USDT)).payment;
  });
  afterAll(async () => gw?.close());

  const problem = (res: { body: unknown }) => res.body as ProblemJson;

  it('names the offending field: reason, amount, refund_address, payment_id', async () => {
    const id = collected.payment_id;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ payment_id: id, reason: 'because' }, 'reason'],
      [{ payment_id: id, amount: '-1' }, 'amount'],
      [{ payment_id: id, amount: '0' }, 'amount'],
      [{ payment_id: id, amount: '1.0000001' }, 'amount'],
      [{ payment_id: id, amount: '1e3' }, 'amount'],
      [{ payment_id: id, amount: '20.5' }, 'amount'],
      [{ payment_id: id, refund_address: 'TNotAnAddress' }, 'refund_address'],
      [{ payment_id: id, refund_address: denied }, 'refund_address'],
      [{ payment_id: id, refund_address: gw.hotWalletAddress }, 'refund_address'],
      [{ payment_id: id, refund_address: collected.deposit_address }, 'refund_address'],
      [{ amount: '1' }, 'payment_id'],
    ];
    for (const [body, field] of cases) {
      const res = await t.refund(body);
      expect(res.status, `${JSON.stringify(body)} → ${res.text}`).toBe(422);
      expect(problem(res).errors.map((e) => e.path)).toContain(field);
      expect(problem(res).detail).toContain(field);
    }
    const unknownField = await t.refund({ payment_id: id, amount: '1', extra: true });
    expect(unknownField.status).toBe(422);
    expect(await gw.count('refunds')).toBe(0);
  });

  it('accepts the query-parameter form, and refuses the same field with different values in body and query', async () => {
    const url = `/api/v1/payments/refund?payment_id=${collected.payment_id}&amount=1.5&reason=user_request`;
    const res = await gw.call<RefundJson>('POST', url, { key: gw.adminKey });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      object: 'refund',
      amount: '1.5',
      reason: 'user_request',
      refund_address: payerAddress,
      status: 'pending',
    });
    expect(res.body.refund_id).toMatch(/^refund_[0-9a-f]{32}$/);
    const read = await gw.call<RefundJson>('GET', `/api/v1/payments/refunds/${res.body.refund_id}`, { key: gw.adminKey });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);

    const mixed = await gw.call('POST', `/api/v1/payments/refund?payment_id=${collected.payment_id}&amount=2`, {
      key: gw.adminKey,
      body: { payment_id: collected.payment_id, amount: '3' },
    });
    expect(mixed.status).toBe(422);
    expect(problem(mixed).errors).toEqual([expect.objectContaining({ path: 'amount' })]);
    const same = await gw.call<RefundJson>('POST', `/api/v1/payments/refund?payment_id=${collected.payment_id}`, {
      key: gw.adminKey,
      body: { payment_id: collected.payment_id, amount: '0.5' },
    });
    expect(same.status, same.text).toBe(201);
  });

  it('answers 409 for a payout and for a collection without final funds; 404 for unknown and foreign ids', async () => {
    const payout = await t.create({ payment_method: 'route', amount: '5', payee_address: gw.addresses[1] });
    const refused = await t.refund({ payment_id: payout.payment_id });
    expect(refused.status).toBe(409);
    expect(problem(refused).detail).toContain('payout');
    const unpaid = await t.create({ amount: '5', payee_address: gw.addresses[1] });
    expect((await t.refund({ payment_id: unpaid.payment_id })).status).toBe(409);
    expect((await t.refund({ payment_id: 'pay_00000000000000aa' })).status).toBe(404);
    expect((await t.refund({ payment_id: 'nonsense' })).status).toBe(404);
    const other = await gw.createMerchant('other refunds merchant');
    expect((await t.refund({ payment_id: collected.payment_id, amount: '1' }, other.adminKey)).status).toBe(404);
    const mine = (await gw.db.db.selectFrom('refunds').select('id').executeTakeFirstOrThrow()).id;
    expect((await gw.call('GET', `/api/v1/payments/refunds/${mine}`, { key: other.adminKey })).status).toBe(404);
    expect((await gw.call('GET', '/api/v1/payments/refunds/refund_00000000000000aa', { key: gw.adminKey })).status).toBe(404);
  });

  it('needs the refunds:write scope', async () => {
    const reader = await gw.key(['payments:read', 'payments:write']);
    expect((await t.refund({ payment_id: collected.payment_id, amount: '1' }, reader)).status).toBe(403);
    const writer = await gw.key(['refunds:write']);
    expect((await t.refund({ payment_id: collected.payment_id, amount: '0.1' }, writer)).status).toBe(201);
  });

  it('never refunds more than received under 10 concurrent requests', async () => {
    const payer = await t.payer();
    const { payment } = await t.collect(payer, { amount: '20', payee_address: gw.addresses[2], payer_address: payer.base58 }, 20n * USDT);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => t.refund({ payment_id: payment.payment_id, amount: '3', reason: 'user_request' })),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(6);
    expect(answers.filter((a) => a.status === 422).every((a) => problem(a).errors[0]?.path === 'amount')).toBe(true);
    expect(answers.every((a) => a.status === 201 || a.status === 422)).toBe(true);
    const rows = await gw.db.db.selectFrom('refunds').select('amount').where('payment_id', '=', payment.payment_id).execute();
    expect(rows.reduce((sum, r) => sum + BigInt(r.amount), 0n)).toBe(18n * USDT);
    // one send per refund, queued with it
    const sends = await gw.db.db.selectFrom('chain_sends').select('owner_id').where('purpose', '=', 'refund').execute();
    for (const c of created) expect(sends.map((s) => s.owner_id)).toContain(c.body.refund_id);
  });

  it('timeout: flags a refund whose send may still land, fails one whose send cannot', async () => {
    const payer = await t.payer();
    const payee = gw.addresses[3] as string;
    const { payment } = await t.collect(payer, { amount: '10', payee_address: payee, payer_address: payer.base58 }, 10n * USDT);
    const live = await t.refund({ payment_id: payment.payment_id, amount: '4' });
    const dead = await t.refund({ payment_id: payment.payment_id, amount: '5' });
    expect([live.status, dead.status]).toEqual([201, 201]);
    const ledger = async () =>
      (await gw.core.ledger.balances(gw.db.db, gw.merchantId)).find((b) => b.payeeAddress === payee)?.balance ?? 0n;
    const afterDebits = await ledger();
    // both are older than refund_timeout_hours; the second's send was given up by the sender
    const old = Date.now() - 3 * 3_600_000;
    await gw.db.db.updateTable('refunds').set({ created_at: old }).where('id', 'in', [live.body.refund_id, dead.body.refund_id]).execute();
    await gw.db.db.updateTable('chain_sends').set({ status: 'failed' }).where('owner_id', '=', dead.body.refund_id).execute();

    const swept = await gw.core.refunds.sweepTimeouts();
    expect(swept.flagged).toContain(live.body.refund_id);
    expect(swept.failed).toContain(dead.body.refund_id);
    const liveNow = (await gw.call<RefundJson>('GET', `/api/v1/payments/refunds/${live.body.refund_id}`, { key: gw.adminKey })).body;
    expect(liveNow).toMatchObject({ status: 'pending', flagged: true });
    const deadNow = (await gw.call<RefundJson>('GET', `/api/v1/payments/refunds/${dead.body.refund_id}`, { key: gw.adminKey })).body;
    expect(deadNow).toMatchObject({ status: 'failed', flagged: true });
    expect(deadNow.failure_reason).toContain('timeout');
    expect(await ledger()).toBe(afterDebits + 5n * USDT);
    const audit = await gw.db.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'refund').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['refund.created', 'refund.flagged', 'refund.timed_out']));
    // a second sweep does nothing more
    expect(await gw.core.refunds.sweepTimeouts()).toEqual({ failed: [], flagged: [] });
  });
});

describe.each(ENGINES)('refund and reconcile without a chain (%s)', (engine) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(engine);
  });
  afterAll(async () => gw?.close());

  it('answers 503 chain_unavailable once the request itself is valid', async () => {
    const created = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { amount: '5', payee_address: gw.addresses[0], payer_address: gw.addresses[1] },
    });
    expect(created.status).toBe(201);
    await gw.db.db
      .updateTable('payments')
      .set({ status: 'completed', amount_received: 5n * USDT })
      .where('id', '=', created.body.payment_id)
      .execute();
    const refund = await gw.call<ProblemJson>('POST', '/api/v1/payments/refund', {
      key: gw.adminKey,
      body: { payment_id: created.body.payment_id, amount: '1' },
    });
    expect([refund.status, refund.body.code]).toEqual([503, 'chain_unavailable']);
    const reconcile = await gw.call<ProblemJson>('POST', '/api/v1/payments/reconcile', {
      key: gw.adminKey,
      body: { payment_id: created.body.payment_id },
    });
    expect([reconcile.status, reconcile.body.code]).toEqual([503, 'chain_unavailable']);
    expect(await gw.count('refunds')).toBe(0);
  });
});

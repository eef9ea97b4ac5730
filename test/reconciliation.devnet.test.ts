/**
 * Reconciliation on the devnet (SPEC §3.9): a collected payment verifies; a transfer the scanner missed is
 * credited exactly once however often it is reconciled; too few confirmations answer pending; a
 * transaction to another address or a recorded amount the chain does not show marks the payment
 * disputed with the discrepancies listed; the background comparison finds a deposit address holding
 * money the records do not know about.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { newWallet } from './devnet-harness.js';
import type { ProblemJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { moneyTools, USDT } from './refunds-harness.js';

interface ReconJson {
  reconciliation_id: string;
  object: 'reconciliation';
  payment_id: string;
  status: string;
  outcome: string;
  external_transaction_id: string | null;
  notes: string | null;
  checks: Record<string, unknown>;
  discrepancies: Array<{ code: string; message: string; expected?: string; actual?: string }>;
}

describe.each(ENGINES)('reconciliation on the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  const t = moneyTools(() => gw);
  beforeAll(async () => {
    gw = await startMoneyGateway(engine, { config: { payment_processing: { priorities: { high: { confirmations: 10 } } } } });
    await t.scanner().scanOnce();
  });
  afterAll(async () => gw?.close());

  const reconcile = (body: Record<string, unknown>) => gw.call<ReconJson>('POST', '/api/v1/payments/reconcile', { key: gw.adminKey, body });
  const eventsOf = async (id: string) =>
    (await gw.db.db.selectFrom('outbox').select('type').where('aggregate_id', '=', id).orderBy('created_at').orderBy('id').execute()).map(
      (r) => r.type,
    );

  it('verifies a collected payment against its own transaction', async () => {
    const payer = await t.payer();
    const { payment, txId } = await t.collect(payer, { amount: '7', payee_address: gw.addresses[0] }, 7n * USDT);
    const res = await reconcile({ payment_id: payment.payment_id, notes: 'monthly check' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      object: 'reconciliation',
      status: 'completed',
      outcome: 'verified',
      notes: 'monthly check',
      discrepancies: [],
    });
    expect(res.body.reconciliation_id).toMatch(/^recon_[0-9a-f]{32}$/);
    expect(res.body.checks.transaction_ids).toEqual([txId]);
    expect(res.body.checks.solidified).toBe(true);
    expect((await t.get(payment.payment_id)).status).toBe('completed');
  });

  it('claims its Idempotency-Key with the result: concurrent duplicates store one result and share its answer', async () => {
    const payer = await t.payer();
    const { payment } = await t.collect(payer, { amount: '6', payee_address: gw.addresses[0] }, 6n * USDT);
    const key = `recon-${engine}`;
    const once = () =>
      gw.call<ReconJson>('POST', '/api/v1/payments/reconcile', {
        key: gw.adminKey,
        body: { payment_id: payment.payment_id },
        headers: { 'idempotency-key': key },
      });
    const answers = await Promise.all(Array.from({ length: 6 }, once));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const results = await gw.db.db.selectFrom('reconciliations').select('id').where('payment_id', '=', payment.payment_id).execute();
    expect(results.map((r) => r.id)).toEqual([answers[0]?.body.reconciliation_id]);
    const row = await gw.db.db
      .selectFrom('idempotency_keys')
      .select(['status_code', 'response_body'])
      .where('key', '=', key)
      .executeTakeFirst();
    expect(row && [Number(row.status_code), row.response_body]).toEqual([201, answers[0]?.text]);
    const retry = await once();
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.text).toBe(answers[0]?.text);
  });

  it('credits a transfer the scanner missed exactly once, however often it is reconciled', async () => {
    const payer = await t.payer();
    const p = await t.create({ amount: '9', payee_address: gw.addresses[1] });
    const txId = await t.payUsdt(payer, p.deposit_address as string, 9n * USDT);
    gw.mine(2); // not scanned: the scanner "missed" it
    const first = await reconcile({ payment_id: p.payment_id, external_transaction_id: txId });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ status: 'completed', outcome: 'credited' });
    let now = await t.get(p.payment_id);
    expect(now.amount_received).toBe('9');
    expect(['processing', 'confirmed']).toContain(now.status);
    const second = await reconcile({ payment_id: p.payment_id, external_transaction_id: txId });
    expect(second.body).toMatchObject({ status: 'completed', outcome: 'verified' });
    const rows = await gw.db.db.selectFrom('chain_transfers').selectAll().where('tx_id', '=', txId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.source).toBe('reconciliation');
    // the scanner seeing it later changes nothing either; the payment completes once solidified
    gw.mineUntilSolid();
    await t.scanner().scanOnce();
    now = await t.get(p.payment_id);
    expect([now.status, now.amount_received]).toEqual(['completed', '9']);
    expect(await gw.db.db.selectFrom('chain_transfers').select('id').where('tx_id', '=', txId).execute()).toHaveLength(1);
  });

  it('answers pending while the transaction has fewer confirmations than the priority asks', async () => {
    const payer = await t.payer();
    const p = await t.create({ amount: '3', payee_address: gw.addresses[2], priority: 'high' });
    const txId = await t.payUsdt(payer, p.deposit_address as string, 3n * USDT);
    gw.mine(1);
    const res = await reconcile({ payment_id: p.payment_id, external_transaction_id: txId });
    expect(res.body).toMatchObject({ status: 'pending', outcome: 'pending' });
    expect(res.body.checks.required_confirmations).toBe(10);
    expect((await t.get(p.payment_id)).amount_received).toBe('0');
  });

  it('a transaction paying another address marks the payment disputed (wrong_recipient) with payment.disputed', async () => {
    const payer = await t.payer();
    const { payment } = await t.collect(payer, { amount: '4', payee_address: gw.addresses[3] }, 4n * USDT);
    const elsewhere = await t.payUsdt(payer, newWallet().base58, 4n * USDT);
    gw.mine(2);
    const res = await reconcile({ payment_id: payment.payment_id, external_transaction_id: elsewhere });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'disputed', outcome: 'disputed' });
    expect(res.body.discrepancies.map((d) => d.code)).toEqual(['wrong_recipient']);
    expect((await t.get(payment.payment_id)).status).toBe('disputed');
    expect(await eventsOf(payment.payment_id)).toContain('payment.disputed');
  });

  it('a recorded amount the chain does not show marks the payment disputed (wrong_amount)', async () => {
    const payer = await t.payer();
    const { payment, txId } = await t.collect(payer, { amount: '6', payee_address: gw.addresses[4] }, 6n * USDT);
    // the gateway's record disagrees with the chain (as a faulty scanner or a tampered row would)
    await gw.db.db
      .updateTable('chain_transfers')
      .set({ amount: 16n * USDT })
      .where('tx_id', '=', txId)
      .execute();
    const res = await reconcile({ payment_id: payment.payment_id });
    expect(res.body).toMatchObject({ status: 'disputed', outcome: 'disputed' });
    expect(res.body.discrepancies[0]).toMatchObject({ code: 'wrong_amount', expected: '16', actual: '6' });
    expect((await t.get(payment.payment_id)).status).toBe('disputed');
  });

  it('reports an unknown transaction as error, refuses bad ids, and 404s foreign payments', async () => {
    const payer = await t.payer();
    const { payment } = await t.collect(payer, { amount: '2', payee_address: gw.addresses[5] }, 2n * USDT);
    const unknown = await reconcile({ payment_id: payment.payment_id, external_transaction_id: 'ab'.repeat(32) });
    expect(unknown.body).toMatchObject({ status: 'failed', outcome: 'error' });
    expect(unknown.body.discrepancies[0]?.code).toBe('transaction_not_found');
    expect((await t.get(payment.payment_id)).status).toBe('completed');
    const bad = await reconcile({ payment_id: payment.payment_id, external_transaction_id: 'xyz' });
    expect(bad.status).toBe(422);
    expect((bad.body as unknown as ProblemJson).errors[0]?.path).toBe('external_transaction_id');
    const other = await gw.createMerchant('other reconciler');
    const foreign = await gw.call('POST', '/api/v1/payments/reconcile', { key: other.adminKey, body: { payment_id: payment.payment_id } });
    expect(foreign.status).toBe(404);
    // the query form works too
    const query = await gw.call<ReconJson>('POST', `/api/v1/payments/reconcile?payment_id=${payment.payment_id}`, { key: gw.adminKey });
    expect(query.status, query.text).toBe(201);
    expect(query.body).toMatchObject({ status: 'completed', outcome: 'verified' });
  });

  it('lists results newest first with filters and a cursor', async () => {
    const all = await gw.call<{ data: ReconJson[]; has_more: boolean; next_cursor: string | null }>(
      'GET',
      '/api/v1/payments/reconciliations?limit=2',
      { key: gw.adminKey },
    );
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(2);
    expect(all.body.has_more).toBe(true);
    const next = await gw.call<{ data: ReconJson[] }>(
      'GET',
      `/api/v1/payments/reconciliations?limit=2&starting_after=${all.body.next_cursor}`,
      {
        key: gw.adminKey,
      },
    );
    expect(next.body.data[0]?.reconciliation_id).not.toBe(all.body.data[1]?.reconciliation_id);
    const disputed = await gw.call<{ data: ReconJson[] }>('GET', '/api/v1/payments/reconciliations?status=disputed', { key: gw.adminKey });
    expect(disputed.body.data.length).toBeGreaterThanOrEqual(2);
    expect(disputed.body.data.every((r) => r.status === 'disputed' && r.discrepancies.length > 0)).toBe(true);
    const completed = await gw.call<{ data: ReconJson[] }>('GET', '/api/v1/payments/reconciliations?status=completed', {
      key: gw.adminKey,
    });
    expect(completed.body.data.length).toBeGreaterThanOrEqual(3);
    expect(new Set(completed.body.data.map((r) => r.outcome))).toEqual(new Set(['verified', 'credited']));
    const credited = await gw.call<{ data: ReconJson[] }>('GET', '/api/v1/payments/reconciliations?outcome=credited', { key: gw.adminKey });
    expect(credited.body.data.map((r) => [r.status, r.outcome])).toEqual([['completed', 'credited']]);
    // the first build's values are not statuses any more: 422 naming the parameter
    const old = await gw.call<ProblemJson>('GET', '/api/v1/payments/reconciliations?status=verified', { key: gw.adminKey });
    expect(old.status).toBe(422);
    expect(old.body.errors.map((e) => e.path)).toContain('query.status');
  });

  it('the background run re-verifies completed payments and finds a deposit address funded behind the gateway’s back', async () => {
    const payer = await t.payer();
    const { payment } = await t.collect(payer, { amount: '8', payee_address: gw.addresses[6] }, 8n * USDT);
    const stray = await t.create({ amount: '5', payee_address: gw.addresses[6] });
    await gw.fund(stray.deposit_address as string, { usdt: '5' }); // straight from the faucet; never scanned
    gw.mine(1);
    const run = await gw.core.reconciliation.runBackground();
    expect(run.verified).toBeGreaterThanOrEqual(1);
    const verified = await gw.db.db
      .selectFrom('reconciliations')
      .select(['status', 'outcome', 'trigger'])
      .where('payment_id', '=', payment.payment_id)
      .execute();
    expect(verified).toContainEqual({ status: 'completed', outcome: 'verified', trigger: 'background' });
    expect(run.balances).toMatchObject({ status: 'completed', outcome: 'differences' });
    const mismatch = run.balances?.discrepancies.find((d) => d.address === stray.deposit_address);
    expect(mismatch).toMatchObject({ code: 'balance_mismatch', asset: 'USDT', expected: '0', actual: '5' });
    // the collected payment's deposit address agrees with its records
    expect(run.balances?.discrepancies.find((d) => d.address === payment.deposit_address)).toBeUndefined();
    const status = await gw.call<{ reconciliation: { last_balances: { outcome: string; reconciliation_id: string } } }>('GET', '/status', {
      key: gw.adminKey,
    });
    expect(status.body.reconciliation.last_balances).toMatchObject({ outcome: 'differences', reconciliation_id: run.balances?.id });
    // a second run does not re-verify what is verified already
    expect((await gw.core.reconciliation.runBackground()).verified).toBe(0);
  });
});

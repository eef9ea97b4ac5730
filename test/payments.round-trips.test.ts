/**
 * On PostgreSQL every statement of the create pipeline's transaction is a round trip the group waits on
 * (ADR 0020). A group is written in two statements between BEGIN and COMMIT: the claims (address
 * activity counters, deposit addresses, a read of the audit head), then the rows with the limit
 * counters, the audit records and the head's move, when the deposit pool holds enough addresses (one
 * more statement derives the rest). While more groups wait, a COMMIT goes with the next BEGIN.
 * SQLite runs the same steps one by one in-process, so this is PostgreSQL only; every other payments
 * test runs the same code on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepositAddressPool } from '../src/modules/wallets/deposit-pool.js';
import { systemClock } from '../src/shared/clock.js';
import { type BatchJson, type PaymentJson, startTestGateway, type TestGateway, testAddresses } from './gateway-harness.js';

/** The statements of each transaction that inserted payments, BEGIN and COMMIT included. */
function paymentTransactions(log: readonly string[]): string[][] {
  const transactions: string[][] = [];
  let open: string[] | null = null;
  for (const sql of log) {
    if (sql === 'begin') open = [sql];
    else if (open) {
      open.push(sql);
      if (sql === 'commit' || sql === 'rollback' || sql === 'commit; begin') {
        if (open.some((s) => s.includes('insert into "payments"'))) transactions.push(open);
        open = sql === 'commit; begin' ? [sql] : null;
      }
    }
  }
  return transactions;
}

describe('postgres: the create pipeline’s round trips', () => {
  const log: string[] = [];
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('postgres', { onQuery: (sql) => log.push(sql) });
  });
  /** Derives deposit addresses ahead, as a running gateway does between bursts. */
  const fillDepositPool = async (size: number) => {
    const pool = new DepositAddressPool(gw.db.db, 'postgres', gw.wallets, systemClock);
    while ((await pool.refillStep(size)) > 0);
  };
  afterAll(async () => {
    await gw?.close();
  });

  it('writes a creation in begin, claims with the audit head, rows with counters and audit records, commit', async () => {
    await fillDepositPool(10);
    log.length = 0;
    const [payee, payer] = testAddresses(2, 900) as [string, string];
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payee_address: payee, payer_address: payer, amount: '12.5', payment_method: 'payment_gateway' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.deposit_address).toMatch(/^T/);

    const [transaction, ...others] = paymentTransactions(log);
    expect(others).toHaveLength(0);
    const [begin, claims, rows, commit, ...rest] = transaction ?? [];
    expect(rest).toEqual([]);
    expect(begin).toBe('begin');
    expect(commit).toBe('commit');
    for (const part of ['insert into rate_windows', 'delete from deposit_pool', 'select seq, hash from audit_head'])
      expect(claims).toContain(part);
    for (const part of ['"payments"', '"payment_history"', '"outbox"', 'volume_totals', '"audit_log"', 'update audit_head set seq'])
      expect(rows).toContain(part);

    // what the single round trips wrote is all there
    const stored = await gw.db.db
      .selectFrom('payments')
      .select(['deposit_address', 'amount'])
      .where('id', '=', res.body.payment_id)
      .executeTakeFirstOrThrow();
    expect(stored.deposit_address).toBe(res.body.deposit_address);
    expect(stored.amount).toBe(12_500_000n);
    const audit = await gw.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', res.body.payment_id).execute();
    expect(audit.map((a) => a.action)).toEqual(['payment.created']);
  });

  it('derives what the deposit pool lacks in one more statement', async () => {
    await gw.db.db.deleteFrom('deposit_pool').execute();
    log.length = 0;
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payee_address: testAddresses(1, 990)[0], amount: '3', payment_method: 'payment_gateway' },
    });
    expect(res.status, res.text).toBe(201);
    const [transaction] = paymentTransactions(log);
    expect(transaction).toHaveLength(5);
    expect(transaction?.[2]).toContain('insert into "hd_counters"');
    const indices = await gw.db.db.selectFrom('payments').select('deposit_index').where('deposit_index', 'is not', null).execute();
    expect(new Set(indices.map((r) => Number(r.deposit_index))).size).toBe(indices.length);
  });

  it('writes a 1000-item batch in the same two statements after counting the batches in flight', async () => {
    await fillDepositPool(1000);
    log.length = 0;
    const payees = testAddresses(50, 950);
    const payments = Array.from({ length: 1000 }, (_, i) => ({
      payee_address: payees[i % 50],
      amount: `${1 + (i % 9)}`,
      reference_id: `rt-${i}`,
    }));
    const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
      key: gw.adminKey,
      body: { payments, batch_reference: 'round-trips' },
    });
    expect(res.status, res.text.slice(0, 300)).toBe(201);

    const [transaction, ...others] = paymentTransactions(log);
    expect(others).toHaveLength(0);
    expect(transaction).toHaveLength(5);
    expect(transaction?.[1]).toContain('from "batches"');
    const [rows] = (transaction ?? []).filter((sql) => sql.includes('insert into "payments"'));
    expect(rows).toContain('json_populate_recordset');
    const count = await gw.db.db
      .selectFrom('payments')
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .where('batch_id', '=', res.body.batch_id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1000);
  });

  it('sends each COMMIT with the next BEGIN while creations queue up, and every one of them commits', async () => {
    await fillDepositPool(200);
    log.length = 0;
    const payees = testAddresses(40, 1200);
    // one creation every millisecond, not waiting for answers: some arrive while a group is being written
    const pending = [];
    for (const [i, payee] of payees.entries()) {
      pending.push(
        gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
          key: gw.adminKey,
          body: { payee_address: payee, amount: `${i + 1}`, payment_method: 'payment_gateway' },
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const answers = await Promise.all(pending);
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    const transactions = paymentTransactions(log);
    expect(transactions.length).toBeGreaterThan(1);
    expect(log).toContain('commit; begin');
    const stored = await gw.db.db
      .selectFrom('payments')
      .select('id')
      .where(
        'id',
        'in',
        answers.map((a) => a.body.payment_id),
      )
      .execute();
    expect(stored).toHaveLength(40);
  });
});

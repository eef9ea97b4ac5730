/**
 * Unique amounts are claimed by the database, not by a read before the write (issue 19): when another
 * process claimed the same amount between this transaction's read of the claims and its insert, the
 * primary key refuses the insert, and the create pipeline writes the group again with a fresh read.
 * The stale read is forced here by hiding the claims from the first read. Both engines.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaymentsRepository } from '../src/modules/payments/payments.repository.js';
import { ENGINES } from './db-harness.js';
import { type BatchJson, type PaymentJson, startTestGateway, type TestGateway } from './gateway-harness.js';

describe.each(ENGINES)('unique amounts claimed by the database (%s)', (engine) => {
  let gw: TestGateway;
  beforeEach(async () => {
    gw = await startTestGateway(engine);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await gw?.close();
  });

  const createDirect = () =>
    gw.call<PaymentJson & { amount_due: string | null }>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payment_method: 'direct_transfer', amount: '12', payee_address: gw.addresses[0] },
    });

  it('a claim made after this transaction read the claims makes it try again, and it gets the next amount', async () => {
    const first = await createDirect();
    expect(first.status, first.text).toBe(201);
    expect(first.body.amount_due).toBe('12.000001');

    const read = vi.spyOn(PaymentsRepository.prototype, 'claimedAmounts');
    // the first read misses the claim above, as a read taken before another process committed would
    read.mockImplementationOnce(
      async (_executor, keys) => new Map(keys.map((k) => [`${k.payeeAddress}\u0000${k.asset}`, new Set<bigint>()])),
    );
    const second = await createDirect();
    expect(second.status, second.text).toBe(201);
    expect(second.body.amount_due).toBe('12.000002');
    expect(read).toHaveBeenCalledTimes(2);
    expect(await gw.count('unique_amount_claims')).toBe(2);
    expect(await gw.count('payments')).toBe(2);
  });

  it('a payment with a payer is matched by its payer and gets no amount_due', async () => {
    const res = await gw.call<PaymentJson & { amount_due: string | null }>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payment_method: 'direct_transfer', amount: '12', payee_address: gw.addresses[0], payer_address: gw.addresses[1] },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.amount_due).toBeNull();
    expect(await gw.count('unique_amount_claims')).toBe(0);
  });

  it('a batch of unique-amount items answers each item’s amount_due, all distinct', async () => {
    const item = { payment_method: 'direct_transfer', amount: '12', payee_address: gw.addresses[0] };
    const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
      key: gw.adminKey,
      body: { payments: [item, item, item, { ...item, payment_method: 'payment_gateway' }] },
    });
    expect(res.status, res.text).toBe(201);
    const dues = res.body.results?.map((r) => (r as { amount_due?: string }).amount_due);
    expect(dues).toEqual(['12.000001', '12.000002', '12.000003', undefined]);
  });
});

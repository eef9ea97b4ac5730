/**
 * Deciding held payouts through the API (issue 22): approve and reject, each with a note that is stored on
 * the payout, shown in its view and kept in the audit log; a rejected payout is cancelled with the note
 * as its reason. With `transaction_limits.two_person_approval` on, whoever created a payout cannot
 * approve it, not even the admin key, and the refusal says why. And the batch check the dashboard's CSV
 * upload previews with: each item's problems by index and field, nothing created. Both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { type PaymentJson, type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';

interface AuditJson {
  data: { action: string; actor: string; after: { approval_note?: string | null } }[];
}

describe.each(ENGINES)('payout approval with notes and the two-person rule (%s)', (engine) => {
  let gw: TestGateway;
  let payee: string;
  let approver: string;

  beforeAll(async () => {
    gw = await startTestGateway(engine, { config: { transaction_limits: { approval_threshold: '500', two_person_approval: true } } });
    payee = gw.addresses[0] as string;
    approver = await gw.key(['payments:read', 'payouts:write']);
  });
  afterAll(async () => {
    await gw?.close();
  });

  const hold = async (key = gw.adminKey) => {
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key,
      body: { payment_method: 'route', payee_address: payee, amount: '600' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.approval_status).toBe('required');
    return res.body.payment_id;
  };
  const decide = (decision: 'approve' | 'reject', key: string, id: string, body?: unknown) =>
    gw.call<PaymentJson & ProblemJson>('POST', `/api/v1/payments/${id}/${decision}`, { key, ...(body ? { body } : {}) });
  const audit = async (id: string) =>
    (await gw.call<AuditJson>('GET', `/api/v1/audit?entity_id=${id}`, { key: gw.adminKey })).body.data.map((r) => r.action);

  it('approves with a note: stored, shown and audited', async () => {
    const id = await hold();
    const approved = await decide('approve', approver, id, { note: 'payee verified by phone' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ approval_status: 'approved', approval_note: 'payee verified by phone', status: 'pending' });
    const read = await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey });
    expect(read.body.approval_note).toBe('payee verified by phone');
    const records = (await gw.call<AuditJson>('GET', `/api/v1/audit?entity_id=${id}&action=payment.approved`, { key: gw.adminKey })).body
      .data;
    expect(records).toHaveLength(1);
    expect(records[0]?.after.approval_note).toBe('payee verified by phone');
    // decided once: a second decision is refused
    expect((await decide('reject', approver, id, { note: 'too late' })).status).toBe(409);
  });

  it('rejects with a note: the payout is cancelled with the note as its reason', async () => {
    const id = await hold();
    const rejected = await decide('reject', approver, id, { note: 'payee not verified' });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'cancelled',
      approval_status: 'rejected',
      approval_note: 'payee not verified',
      cancel_reason: 'payee not verified',
    });
    expect(await audit(id)).toContain('payment.rejected');
    expect((await decide('approve', approver, id)).status).toBe(409);
    // without a note the reason says what happened; a note that is too long is refused by name
    const other = await hold();
    expect((await decide('reject', approver, other, { note: 'x'.repeat(201) })).body.errors?.[0]?.path).toContain('note');
    expect((await decide('reject', approver, other)).body).toMatchObject({ cancel_reason: 'rejected', approval_note: null });
  });

  it('refuses the creator, even the admin key, naming the two-person rule; someone else may approve', async () => {
    const ownByAdmin = await hold(gw.adminKey);
    const refused = await decide('approve', gw.adminKey, ownByAdmin, { note: 'mine' });
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.detail).toContain('two_person_approval');
    expect(refused.body.detail).toContain('created by this API key');
    const creator = await gw.key(['payments:write', 'payouts:write']);
    const ownByKey = await hold(creator);
    expect((await decide('approve', creator, ownByKey)).status).toBe(403);
    // nothing changed: both still wait, and another key releases them
    for (const id of [ownByAdmin, ownByKey]) {
      const approved = await decide('approve', approver, id);
      expect(approved.status, approved.text).toBe(200);
      expect(approved.body.approval_status).toBe('approved');
    }
    // the creator may still reject its own payout: that sends nothing
    const withdrawn = await hold(creator);
    expect((await decide('reject', creator, withdrawn, { note: 'typo in the amount' })).status).toBe(200);
  });

  it('checks a batch item by item, naming the field of each bad item, and creates nothing', async () => {
    const before = await gw.count('payments');
    const sender = await gw.key(['payments:write', 'payouts:write']);
    const payments = [
      { payment_method: 'route', payee_address: payee, amount: '10' },
      { payment_method: 'route', payee_address: 'TNotAnAddress', amount: '10' },
      { payment_method: 'route', payee_address: payee, amount: '-1' },
    ];
    const checked = await gw.call<{ valid_count: number; results: { index: number; status: string; errors?: { path: string }[] }[] }>(
      'POST',
      '/api/v1/payments/batch/check',
      { key: sender, body: { payments } },
    );
    expect(checked.status, checked.text).toBe(200);
    expect(checked.body.valid_count).toBe(1);
    expect(checked.body.results.map((r) => [r.index, r.status, r.errors?.[0]?.path])).toEqual([
      [0, 'valid', undefined],
      [1, 'rejected', 'payments/1/payee_address'],
      [2, 'rejected', 'payments/2/amount'],
    ]);
    expect(await gw.count('payments')).toBe(before);
    // payouts need payouts:write to be checked too
    const storefront = await gw.key(['payments:write']);
    expect((await gw.call('POST', '/api/v1/payments/batch/check', { key: storefront, body: { payments } })).status).toBe(403);
  });
});

/**
 * The API the dashboard's administration pages stand on, on both engines: verifying the audit chain in
 * bounded steps (each from the running hash of the one before, the last checking the head; a changed
 * record named), a merchant's limits with what is used of them, and an owner resetting a user's password
 * (a one-time password once; the user's sessions end).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/dashboard/ui/api.js';
import { createDashboardUser, USER_PASSWORD } from './dashboard-browser-harness.js';
import { ENGINES } from './db-harness.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';

describe.each(ENGINES)('dashboard administration API (%s)', (engine) => {
  let gw: TestGateway;
  let base: string;

  beforeAll(async () => {
    gw = await startTestGateway(engine);
    base = await gw.app.listen({ host: '127.0.0.1', port: 0 });
    // a few audited changes: payments created through the API
    for (let i = 0; i < 4; i++) {
      const created = await gw.call('POST', '/api/v1/payments/create', {
        key: gw.adminKey,
        body: { payee_address: gw.addresses[0], amount: '2.5' },
      });
      expect(created.status, created.text).toBe(201);
    }
  });
  afterAll(async () => gw?.close());

  const api = (key = gw.adminKey) => createApi(base, () => ({ kind: 'api-key', key }));

  /** Every step of a verification of `limit` records, in order. */
  async function steps(limit: number) {
    const out = [];
    let query: { limit: number; after_seq?: number; prev_hash?: string } = { limit };
    for (let i = 0; i < 100; i++) {
      const { data, response } = await api().GET('/api/v1/audit/verify', { params: { query } });
      expect(response.status).toBe(200);
      const step = data as NonNullable<typeof data>;
      out.push(step);
      if (step.done) return out;
      query = { limit, after_seq: step.next?.after_seq as number, prev_hash: step.next?.prev_hash as string };
    }
    throw new Error('verification did not end');
  }

  it('verifies the chain in steps of `limit` records up to the head, continuing from the running hash', async () => {
    const head = await gw.db.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const total = Number(head.seq);
    expect(total).toBeGreaterThanOrEqual(4);
    const walked = await steps(2);
    expect(walked.map((s) => s.checked)).toEqual(Array.from({ length: Math.ceil(total / 2) }, (_, i) => Math.min(total, (i + 1) * 2)));
    expect(walked.every((s) => s.ok && s.total === total)).toBe(true);
    expect(walked.at(-1)).toMatchObject({ ok: true, done: true, checked: total, next: null, problem: null });
    expect(walked.at(-2)?.next).toEqual({
      after_seq: total - (total % 2 === 0 ? 2 : 1),
      prev_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('names a changed record, and a wrong running hash breaks the link', async () => {
    const row = await gw.db.db.selectFrom('audit_log').select(['action']).where('seq', '=', 3).executeTakeFirstOrThrow();
    await gw.db.db.updateTable('audit_log').set({ action: 'payment.forged' }).where('seq', '=', 3).execute();
    try {
      const walked = await steps(2);
      expect(walked.at(-1)).toMatchObject({ ok: false, done: true, checked: 2, next: null, problem: { kind: 'changed', seq: 3 } });
      expect(walked.at(-1)?.problem?.message).toBe('record 3 was changed after it was written');
    } finally {
      await gw.db.db.updateTable('audit_log').set({ action: row.action }).where('seq', '=', 3).execute();
    }
    const forged = await api().GET('/api/v1/audit/verify', { params: { query: { after_seq: 1, prev_hash: 'f'.repeat(64) } } });
    expect(forged.data).toMatchObject({ ok: false, problem: { kind: 'broken_link', seq: 2 } });
  });

  it('refuses a cursor without its running hash, naming the field, and callers without admin', async () => {
    const half = await api().GET('/api/v1/audit/verify', { params: { query: { after_seq: 2 } } });
    expect(half.response.status).toBe(422);
    expect(JSON.stringify(half.error)).toContain('query.prev_hash');
    const reader = await gw.call<{ secret: string }>('POST', '/api/v1/keys', {
      key: gw.adminKey,
      body: { name: 'reader', scopes: ['payments:read'] },
      headers: { 'idempotency-key': `reader-${engine}` },
    });
    expect((await api(reader.body.secret).GET('/api/v1/audit/verify')).response.status).toBe(403);
  });

  it("answers the merchant's limits from the configuration with today's and this month's use", async () => {
    const { data, response } = await api().GET('/api/v1/merchant/limits');
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      rate_per_minute: gw.config.limits.ratePerMinute,
      max_concurrent_payouts: gw.config.limits.maxConcurrentPayouts,
    });
    const usdt = data?.assets.find((a) => a.currency === 'USDT');
    expect(usdt).toMatchObject({ used_today: '10', used_this_month: '10', min_amount: '1', daily_limit: '100000000000' });
    // another merchant's use is its own
    const other = await gw.createMerchant();
    const theirs = await api(other.adminKey).GET('/api/v1/merchant/limits');
    expect(theirs.data?.assets.find((a) => a.currency === 'USDT')?.used_today).toBe('0');
  });

  it('resets a password: a one-time password once, and the user’s sessions end', async () => {
    const user = await createDashboardUser(gw, 'operator');
    const login = await gw.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: USER_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const id = (await gw.core.dashboard.users.listUsers(gw.merchantId)).find((u) => u.email === user.email)?.id as string;
    const reset = await api().POST('/api/v1/users/{user_id}/reset-password', { params: { path: { user_id: id } } });
    expect(reset.response.status).toBe(200);
    expect(reset.data).toMatchObject({
      email: user.email,
      must_change_password: true,
      one_time_password: expect.stringMatching(/^\S{12,}$/),
    });
    expect((await gw.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
    const unknown = await api().POST('/api/v1/users/{user_id}/reset-password', { params: { path: { user_id: 'usr_0000' } } });
    expect(unknown.response.status).toBe(404);
  });
});

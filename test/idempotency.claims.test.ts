/**
 * Cancel, approve and key creation claim their Idempotency-Key in the change's own transaction (ADR 0033): the stored
 * answer is written in the same commit as the change, a replay is byte-identical, and concurrent
 * duplicates make one change and all get its answer (the losers' own refusal is replaced by it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { type PaymentJson, startTestGateway, type TestGateway } from './gateway-harness.js';
import { auditCount, storedAnswer } from './idempotency-harness.js';

describe.each(ENGINES)('Idempotency-Key on cancel and approve (%s)', (engine) => {
  let gw: TestGateway;
  let payee: string;
  beforeAll(async () => {
    gw = await startTestGateway(engine);
    payee = gw.addresses[0] as string;
  });
  afterAll(async () => gw?.close());

  const create = async (body: Record<string, unknown>): Promise<PaymentJson> => {
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key: gw.adminKey, body });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const post = (path: string, key: string) =>
    gw.call<PaymentJson>('POST', path, { key: gw.adminKey, body: {}, headers: { 'idempotency-key': key } });
  const stored = (key: string) => storedAnswer(gw.db.db, key);
  const audited = (id: string, action: string) => auditCount(gw.db.db, action, id);

  it('a cancel stores its answer with the change and replays it byte for byte', async () => {
    const payment = await create({ payee_address: payee, amount: '12' });
    const first = await post(`/api/v1/payments/${payment.payment_id}/cancel`, `cancel-${engine}`);
    expect(first.status, first.text).toBe(200);
    expect(first.body.status).toBe('cancelled');
    expect(await stored(`cancel-${engine}`)).toEqual({ status_code: 200, response_body: first.text });
    const second = await post(`/api/v1/payments/${payment.payment_id}/cancel`, `cancel-${engine}`);
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.text).toBe(first.text);
    // without the key the same request is a new one, refused: nothing is left to cancel
    expect((await gw.call('POST', `/api/v1/payments/${payment.payment_id}/cancel`, { key: gw.adminKey, body: {} })).status).toBe(409);
  });

  it('10 concurrent identical cancels make one change and 10 identical answers', async () => {
    const payment = await create({ payee_address: payee, amount: '13' });
    const key = `cancel-race-${engine}`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(`/api/v1/payments/${payment.payment_id}/cancel`, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect(await audited(payment.payment_id, 'payment.cancelled')).toBe(1);
  });

  it('a refused change leaves no claim behind: its refusal is stored as before, and an approve replays', async () => {
    const writer = await gw.key(['payments:write', 'payouts:write']);
    const created = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: writer,
      body: { payee_address: payee, amount: '1000000', payment_method: 'route' },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.payment_id;
    const own = await gw.call('POST', `/api/v1/payments/${id}/approve`, {
      key: writer,
      body: {},
      headers: { 'idempotency-key': `own-${engine}` },
    });
    expect(own.status).toBe(403);
    expect(await stored(`own-${engine}`)).toEqual({ status_code: 403, response_body: own.text });

    const approved = await post(`/api/v1/payments/${id}/approve`, `approve-${engine}`);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.approval_status).toBe('approved');
    const replayed = await post(`/api/v1/payments/${id}/approve`, `approve-${engine}`);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.text).toBe(approved.text);
    expect(await audited(id, 'payment.approved')).toBe(1);
  });

  it('5 concurrent identical key creations make one key, and every answer shows its one secret', async () => {
    const key = `new-key-${engine}`;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        gw.call<{ id: string; secret: string }>('POST', '/api/v1/keys', {
          key: gw.adminKey,
          body: { name: `ci ${engine}`, scopes: ['payments:read'] },
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const keys = await gw.db.db.selectFrom('api_keys').select('id').where('name', '=', `ci ${engine}`).execute();
    expect(keys.map((k) => k.id)).toEqual([answers[0]?.body.id]);
  });
});

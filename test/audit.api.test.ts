/**
 * The audit log through the API: what the state-changing requests record (actor, request id, compact
 * creation records, one record per batch, before/after of changes, never a secret), and
 * `GET /api/v1/audit` with its scope, merchant isolation, order, cursor and filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit-verify.js';
import { fixedClock } from '../src/shared/clock.js';
import { ENGINES } from './db-harness.js';
import { type BatchJson, type PaymentJson, type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';

interface AuditJson {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  request_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  hash: string;
  prev_hash: string;
}

interface AuditListJson {
  object: 'list';
  data: AuditJson[];
  has_more: boolean;
  next_cursor: number | null;
}

describe.each(ENGINES)('audit log API (%s)', (engine) => {
  let gw: TestGateway;
  let adminKeyId: string;
  let payment: PaymentJson;
  let paymentRequestId: string;
  let batch: BatchJson;
  let createdKey: { id: string; secret: string };
  const clock = fixedClock(Date.UTC(2026, 2, 3, 4, 5, 6));

  const audit = (query = '', key = gw.adminKey) => gw.call<AuditListJson>('GET', `/api/v1/audit${query}`, { key });

  beforeAll(async () => {
    gw = await startTestGateway(engine, { clock });
    const [payer, payee, payee2] = gw.addresses;
    // each request a second apart, so that time ranges pick single records
    clock.advance(1000);
    const created = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { amount: '12.5', payer_address: payer, payee_address: payee },
    });
    expect(created.status).toBe(201);
    payment = created.body;
    paymentRequestId = String(created.headers['x-request-id']);
    clock.advance(1000);
    const batched = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
      key: gw.adminKey,
      body: {
        payments: [
          { amount: '1', payee_address: payee },
          { amount: '2', payee_address: payee2 },
          { amount: '-1', payee_address: payee },
        ],
      },
    });
    expect(batched.status).toBe(201);
    batch = batched.body;
    clock.advance(1000);
    expect((await gw.call('POST', `/api/v1/payments/${payment.payment_id}/cancel`, { key: gw.adminKey, body: {} })).status).toBe(200);
    clock.advance(1000);
    const key = await gw.call<{ id: string; secret: string }>('POST', '/api/v1/keys', {
      key: gw.adminKey,
      body: { name: 'reader', scopes: ['payments:read'] },
    });
    expect(key.status).toBe(201);
    createdKey = key.body;
    expect((await gw.call('DELETE' as 'GET', `/api/v1/keys/${createdKey.id}`, { key: gw.adminKey })).status).toBe(200);
    const keys = await gw.call<{ data: Array<{ id: string; name: string }> }>('GET', '/api/v1/keys', { key: gw.adminKey });
    adminKeyId = keys.body.data.find((k) => k.name === 'first key')?.id as string;
  });
  afterAll(async () => gw?.close());

  it('records every change newest first, with actor and request id, and the chain verifies', async () => {
    const { status, body } = await audit();
    expect(status).toBe(200);
    expect(body.data.map((r) => r.action)).toEqual([
      'api_key.revoked',
      'api_key.created',
      'payment.cancelled',
      'batch.created',
      'payment.created',
      'api_key.created',
      'merchant.created',
    ]);
    const seqs = body.data.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    for (const record of body.data.slice(0, 5)) expect(record.actor).toBe(adminKeyId);
    expect(body.data.slice(5).map((r) => r.actor)).toEqual(['system:bootstrap', 'system:bootstrap']);
    const created = body.data.find((r) => r.action === 'payment.created');
    expect(created).toMatchObject({
      entity_type: 'payment',
      entity_id: payment.payment_id,
      request_id: paymentRequestId,
      before: null,
      after: {
        id: payment.payment_id,
        status: 'pending',
        amount: payment.amount,
        currency: 'USDT',
        payment_method: payment.payment_method,
        payee_address: payment.payee_address,
      },
    });
    expect(created?.at).toBe(payment.created_at);
    expect((await verifyAuditChain(gw.db.db)).ok).toBe(true);
  });

  it('records a batch once, with its counts and payment ids', async () => {
    const { body } = await audit('?action=batch.created');
    expect(body.data).toHaveLength(1);
    const ids = batch.results?.filter((r) => r.status === 'created').map((r) => r.payment_id);
    expect(body.data[0]).toMatchObject({
      entity_id: batch.batch_id,
      after: { batch_id: batch.batch_id, created_count: 2, rejected_count: 1, payment_ids: ids },
    });
    // one record per request: the batch's payments have none of their own
    expect((await audit('?action=payment.created')).body.data).toHaveLength(1);
  });

  it('records before and after of a change as payment views', async () => {
    const { body } = await audit(`?entity_id=${payment.payment_id}&action=payment.cancelled`);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]?.before).toMatchObject({
      payment_id: payment.payment_id,
      status: 'pending',
      amount: payment.amount,
      cancel_reason: null,
    });
    expect(body.data[0]?.after).toMatchObject({ payment_id: payment.payment_id, status: 'cancelled', cancel_reason: 'merchant_request' });
  });

  it('records keys by id, prefix and scopes, never the key or its hash', async () => {
    const { body, text } = await audit(`?entity_id=${createdKey.id}`);
    expect(body.data.map((r) => r.action)).toEqual(['api_key.revoked', 'api_key.created']);
    expect(body.data[1]?.after).toEqual({
      id: createdKey.id,
      name: 'reader',
      prefix: createdKey.secret.slice(0, 8),
      scopes: ['payments:read'],
      status: 'active',
    });
    expect(body.data[0]?.before).toMatchObject({ status: 'active' });
    expect(body.data[0]?.after).toMatchObject({ status: 'revoked' });
    const everything = (await audit('?limit=100')).text;
    for (const secret of [createdKey.secret, gw.adminKey]) {
      expect(everything).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
  });

  it('pages with limit and starting_after, newest first or by seq', async () => {
    const first = await audit('?limit=3');
    expect(first.body.has_more).toBe(true);
    expect(first.body.next_cursor).toBe(first.body.data[2]?.seq);
    const second = await audit(`?limit=3&starting_after=${first.body.next_cursor}`);
    const all = (await audit()).body.data.map((r) => r.seq);
    expect([...first.body.data, ...second.body.data].map((r) => r.seq)).toEqual(all.slice(0, 6));
    const ascending = await audit('?order=asc&limit=2');
    expect(ascending.body.data.map((r) => r.seq)).toEqual([...all].reverse().slice(0, 2));
    const rest = await audit(`?order=asc&starting_after=${ascending.body.next_cursor}`);
    expect(rest.body.has_more).toBe(false);
    expect(rest.body.next_cursor).toBeNull();
    expect(rest.body.data.map((r) => r.seq)).toEqual([...all].reverse().slice(2));
  });

  it('filters by actor and time range, and names a bad date field with 422', async () => {
    const byBootstrap = await audit('?actor=system:bootstrap');
    expect(byBootstrap.body.data.map((r) => r.action)).toEqual(['api_key.created', 'merchant.created']);
    const at = Date.parse(payment.created_at);
    const inRange = await audit(`?from=${new Date(at).toISOString()}&to=${new Date(at + 1000).toISOString()}`);
    expect(inRange.body.data.map((r) => [r.action, r.at])).toEqual([['payment.created', payment.created_at]]);
    const later = await audit(`?from=${new Date(at + 1).toISOString()}`);
    expect(later.body.data.map((r) => r.action)).toEqual(['api_key.revoked', 'api_key.created', 'payment.cancelled', 'batch.created']);
    const future = await audit(`?from=${new Date(clock.now() + 1).toISOString()}`);
    expect(future.body.data).toEqual([]);

    const bad = await gw.call<ProblemJson>('GET', '/api/v1/audit?from=yesterday', { key: gw.adminKey });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path)).toEqual(['query.from']);
    const reversed = await audit(`?from=${new Date(at + 1).toISOString()}&to=${new Date(at).toISOString()}`);
    expect(reversed.status).toBe(422);
    expect((reversed.body as unknown as ProblemJson).errors.map((e) => e.path)).toEqual(['query.to']);
  });

  it('needs the admin scope, and shows a merchant only its own records', async () => {
    const reader = await gw.key(['payments:read', 'payments:write', 'reports:read']);
    expect((await audit('', reader)).status).toBe(403);
    expect((await gw.call('GET', '/api/v1/audit')).status).toBe(401);

    const other = await gw.createMerchant();
    const theirs = await audit('?limit=100', other.adminKey);
    expect(theirs.status).toBe(200);
    // their merchant and first key were created by code of the gateway (the harness), nothing of ours
    expect(theirs.body.data.map((r) => r.action).sort()).toEqual(['api_key.created', 'merchant.created']);
    expect(theirs.text).not.toContain(payment.payment_id);
  });
});

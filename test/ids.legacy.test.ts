/**
 * Ids of the first build (prefix + 16 hex: the second and a counter) stay in the databases it wrote: every
 * route that takes an id still finds them, beside the 32-digit ids made now (src/shared/ids.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IdGenerator, type IdPrefix, newId } from '../src/shared/ids.js';
import { ENGINES } from './db-harness.js';
import { type BatchJson, type ListJson, type PaymentJson, startTestGateway, type TestGateway } from './gateway-harness.js';

/** The first build's shape, a minute in the past: 8 hex of the Unix second, then 8 of a counter. */
function firstBuildIds(): IdGenerator {
  const second = Math.floor(Date.now() / 1000) - 60;
  let counter = 0x2b000000;
  return (prefix: IdPrefix) => `${prefix}_${second.toString(16).padStart(8, '0')}${(counter++).toString(16).padStart(8, '0')}`;
}

describe.each(ENGINES)('ids of the first build (%s)', (engine) => {
  let gw: TestGateway;
  let legacy = true;
  const old = firstBuildIds();
  beforeAll(async () => {
    gw = await startTestGateway(engine, { ids: (prefix) => (legacy ? old(prefix) : newId(prefix)) });
  });
  afterAll(async () => gw?.close());

  it('are found by every route beside new ones, and list in creation order', async () => {
    const create = (amount: string) =>
      gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key: gw.adminKey, body: { payee_address: gw.addresses[0], amount } });
    const before = await create('10');
    const batch = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
      key: gw.adminKey,
      body: { payments: [{ payee_address: gw.addresses[1], amount: '3' }] },
    });
    const webhook = await gw.call<{ id: string }>('POST', '/api/v1/payments/webhooks/register', {
      key: gw.adminKey,
      body: { url: 'https://example.com/hook', events: ['payment.created'] },
    });
    legacy = false;
    const after = await create('11');

    expect(before.body.payment_id).toMatch(/^pay_[0-9a-f]{16}$/);
    expect(batch.body.batch_id).toMatch(/^batch_[0-9a-f]{16}$/);
    expect(webhook.body.id).toMatch(/^webhook_[0-9a-f]{16}$/);
    expect(after.body.payment_id).toMatch(/^pay_[0-9a-f]{32}$/);

    for (const id of [before.body.payment_id, after.body.payment_id]) {
      expect((await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body.payment_id).toBe(id);
      expect((await gw.call<PaymentJson>('GET', `/api/v1/payments/status/${id}`, { key: gw.adminKey })).status).toBe(200);
    }
    expect((await gw.call<BatchJson>('GET', `/api/v1/payments/batches/${batch.body.batch_id}`, { key: gw.adminKey })).status).toBe(200);
    expect((await gw.call('GET', `/api/v1/payments/webhooks/${webhook.body.id}`, { key: gw.adminKey })).status).toBe(200);
    const cancelled = await gw.call<PaymentJson>('POST', `/api/v1/payments/${before.body.payment_id}/cancel`, {
      key: gw.adminKey,
      body: {},
    });
    expect(cancelled.body.status).toBe('cancelled');

    const list = await gw.call<ListJson>('GET', '/api/v1/payments?limit=10', { key: gw.adminKey });
    const ids = list.body.data.map((p) => p.payment_id);
    expect(ids.indexOf(after.body.payment_id)).toBeLessThan(ids.indexOf(before.body.payment_id));
    const page = await gw.call<ListJson>('GET', `/api/v1/payments?limit=10&starting_after=${after.body.payment_id}`, { key: gw.adminKey });
    expect(page.body.data.map((p) => p.payment_id)).toContain(before.body.payment_id);
  });
});

/**
 * Every route with an effect claims its Idempotency-Key in its use case's own transaction (ADR 0033). The
 * built gateway's routes are walked, so a route added later cannot forget to; and a few of the routes
 * moved last store their answer in the commit of their effect, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../src/http/app.js';
import { ENGINES } from './db-harness.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';
import { auditCount, storedAnswer } from './idempotency-harness.js';

/** Routes that take no Idempotency-Key although they are PUTs, each with its reason; the list may only shrink. */
const NO_KEY: Record<string, string> = {
  'PUT /api/v1/merchant/branding/logo': 'a binary body: the plugin keys JSON PUTs only, and a logo upload is idempotent by nature',
};

describe('Idempotency-Key on every route', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('sqlite');
  });
  afterAll(async () => gw?.close());

  /** what the plugin keys: an authenticated POST, or PUT of JSON (PATCH and DELETE take no key) */
  const keyed = () =>
    registeredRoutes(gw.app).flatMap((route) =>
      route.config.public === true
        ? []
        : route.methods
            .filter((m) => m === 'POST' || m === 'PUT')
            .map((method) => ({ name: `${method} ${route.url}`, config: route.config })),
    );

  it('every POST and JSON PUT claims its key with its effect, or has no effect', () => {
    const routes = keyed();
    expect(routes.length).toBeGreaterThan(25);
    const unmarked = routes
      .filter(({ name }) => !(name in NO_KEY))
      .filter(({ config }) => config.claimsIdempotencyKey !== true && config.changesNothing !== true)
      .map(({ name }) => name);
    expect(unmarked).toEqual([]);
  });

  it('every route without a key is still registered', () => {
    const names = keyed().map(({ name }) => name);
    expect(Object.keys(NO_KEY).filter((name) => !names.includes(name))).toEqual([]);
  });
});

describe.each(ENGINES)('Idempotency-Key claimed with the effect (%s)', (engine) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(engine);
  });
  afterAll(async () => gw?.close());

  const post = <T>(url: string, key: string, body: unknown = {}) =>
    gw.call<T>('POST', url, { key: gw.adminKey, body, headers: { 'idempotency-key': key } });
  const stored = (key: string) => storedAnswer(gw.db.db, key);
  const audited = (action: string, entityId: string) => auditCount(gw.db.db, action, entityId);

  it('8 concurrent identical report requests make one report and 8 identical answers; a retry replays it', async () => {
    const key = `report-${engine}`;
    const body = { start_date: '2026-01-01', end_date: '2026-01-31' };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post<{ id: string }>('/api/v1/payments/reports/generate', key, body)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const id = answers[0]?.body.id as string;
    expect(await gw.db.db.selectFrom('reports').select('id').execute()).toEqual([{ id }]);
    expect(await audited('report.generated', id)).toBe(1);
    expect(await stored(key)).toEqual({ status_code: 201, response_body: answers[0]?.text });
    const retry = await post('/api/v1/payments/reports/generate', key, body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.text).toBe(answers[0]?.text);
  });

  it('8 concurrent identical payment link creations make one link; its deactivation replays too', async () => {
    const key = `link-${engine}`;
    const body = { payee_address: gw.addresses[0], amount: '25', currency: 'USDT', description: `link ${engine}` };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post<{ id: string }>('/api/v1/payment-links', key, body)));
    expect(
      answers.map((a) => a.status),
      answers[0]?.text,
    ).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const id = answers[0]?.body.id as string;
    expect(await gw.db.db.selectFrom('payment_links').select('id').where('description', '=', `link ${engine}`).execute()).toEqual([{ id }]);
    expect(await stored(key)).toEqual({ status_code: 201, response_body: answers[0]?.text });

    const off = await post<{ active: boolean }>(`/api/v1/payment-links/${id}/deactivate`, `off-${engine}`);
    expect(off.status, off.text).toBe(200);
    expect(off.body.active).toBe(false);
    expect(await stored(`off-${engine}`)).toEqual({ status_code: 200, response_body: off.text });
    const again = await post(`/api/v1/payment-links/${id}/deactivate`, `off-${engine}`);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(off.text);
    expect(await audited('payment_link.deactivated', id)).toBe(1);
  });

  it('a refused request leaves no claim: its refusal is stored as before', async () => {
    const key = `refused-${engine}`;
    const refused = await post('/api/v1/payments/reports/generate', key, { start_date: '2026-02-01', end_date: '2026-01-01' });
    expect(refused.status).toBe(422);
    expect(await stored(key)).toEqual({ status_code: 422, response_body: refused.text });
  });

  it('the energy strategy PUT stores its answer with the change', async () => {
    const key = `energy-${engine}`;
    const put = () =>
      gw.call('PUT', '/api/v1/wallet/energy-strategy', {
        key: gw.adminKey,
        body: { strategy: 'burn' },
        headers: { 'idempotency-key': key },
      });
    const first = await put();
    expect(first.status, first.text).toBe(200);
    expect(await stored(key)).toEqual({ status_code: 200, response_body: first.text });
    const second = await put();
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.text).toBe(first.text);
    expect(await audited('wallet.energy_strategy_set', gw.merchantId)).toBe(1);
  });
});

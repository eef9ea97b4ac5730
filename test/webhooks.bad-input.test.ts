/**
 * Bad input to the webhooks API on both engines: every refusal is a 4xx problem naming the field, stores
 * nothing (no endpoint, no delivery, no audit record) and leaves the service serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';

const BASE = '/api/v1/payments/webhooks';
const GOOD = { url: 'https://shop.example.com/hooks/tron', events: ['payment.completed'] };
const MAX_WEBHOOKS = 3;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function send(gw: TestGateway, method: Method, path: string, body?: unknown) {
  const response = await gw.app.inject({
    method,
    url: `${BASE}${path}`,
    headers: { authorization: `Bearer ${gw.adminKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const type = String(response.headers['content-type'] ?? '');
  return {
    status: response.statusCode,
    type,
    text: response.body,
    body: (response.body && type.includes('json') ? JSON.parse(response.body) : null) as ProblemJson,
  };
}

/** Rows in every table a webhook call may write. */
async function stored(gw: TestGateway) {
  return {
    webhooks: await gw.count('webhooks'),
    deliveries: await gw.count('webhook_deliveries'),
    audit: await gw.count('audit_log'),
    outbox: await gw.count('outbox'),
  };
}

const BAD_REGISTRATIONS: Array<[string, Record<string, unknown>, string]> = [
  ['loopback over http', { url: 'http://127.0.0.1' }, 'url'],
  ['IPv6 loopback', { url: 'http://[::1]' }, 'url'],
  ['cloud metadata', { url: 'http://169.254.169.254/latest' }, 'url'],
  ['private over http', { url: 'http://10.0.0.1' }, 'url'],
  ['private over https', { url: 'https://10.0.0.1' }, 'url'],
  ['ftp', { url: 'ftp://example.com' }, 'url'],
  ['credentials', { url: 'https://user:pass@example.com' }, 'url'],
  ['a 5,000-character URL', { url: `https://example.com/${'a'.repeat(4980)}` }, 'url'],
  ['localhost', { url: 'https://localhost/hook' }, 'url'],
  ['a fragment', { url: 'https://example.com/hook#x' }, 'url'],
  ['not a URL', { url: 'shop.example.com/hook' }, 'url'],
  ['a number as URL', { url: 42 }, 'url'],
  ['no URL', { url: undefined }, 'url'],
  ['an unknown event', { events: ['payment.completed', 'payment.exploded'] }, 'events/1'],
  ['no events', { events: [] }, 'events'],
  ['"*" with other events', { events: ['*', 'payment.created'] }, 'events/0'],
  ['events not an array', { events: 'payment.created' }, 'events'],
  ['a header name with a space', { headers: { 'X Bad': 'v' } }, 'headers/X Bad'],
  ['a header name with a colon', { headers: { 'X-Bad:': 'v' } }, 'headers/X-Bad:'],
  ['a header value with CR/LF', { headers: { 'X-Inject': 'a\r\nX-Evil: 1' } }, 'headers/X-Inject'],
  ['a header value with NUL', { headers: { 'X-Nul': 'a\u0000b' } }, 'headers/X-Nul'],
  ['a header value too long', { headers: { 'X-Long': 'v'.repeat(1025) } }, 'headers/X-Long'],
  ['a non-string header value', { headers: { 'X-Num': 5 } }, 'headers/X-Num'],
  ['Content-Type', { headers: { 'Content-Type': 'text/plain' } }, 'headers/Content-Type'],
  ['Host', { headers: { host: 'evil.example' } }, 'headers/host'],
  ['Transfer-Encoding', { headers: { 'Transfer-Encoding': 'chunked' } }, 'headers/Transfer-Encoding'],
  ['a Proxy- header', { headers: { 'Proxy-Authorization': 'Basic x' } }, 'headers/Proxy-Authorization'],
  ['an X-TPG- header', { headers: { 'x-tpg-signature': 't=1,v1=00' } }, 'headers/x-tpg-signature'],
  ['a Standard Webhooks header', { headers: { 'Webhook-Signature': 'v1,forged' } }, 'headers/Webhook-Signature'],
  ['the read mask for a header with no stored value', { headers: { 'X-Secret': '********' } }, 'headers/X-Secret'],
  ['one name in two spellings', { headers: { 'X-A': '1', 'x-a': '2' } }, 'headers/x-a'],
  ['too many headers', { headers: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-H${i}`, 'v'])) }, 'headers'],
  ['a description over 500', { description: 'd'.repeat(501) }, 'description'],
  ['an unknown field', { secret: 'mine' }, 'secret'],
  ['active not a boolean', { active: 'yes' }, 'active'],
];

for (const engine of ENGINES) {
  describe(engine, () => {
    let gw: TestGateway;
    let existing: string;

    beforeAll(async () => {
      gw = await startTestGateway(engine, { config: { webhooks: { max_webhooks: MAX_WEBHOOKS } } });
      const created = await send(gw, 'POST', '/register', GOOD);
      expect(created.status, created.text).toBe(201);
      existing = (created.body as unknown as { id: string }).id;
    });
    afterAll(async () => {
      await gw?.close();
    });

    it.each(BAD_REGISTRATIONS)('register refuses %s with a 4xx naming the field, storing nothing', async (_name, change, path) => {
      const before = await stored(gw);
      const res = await send(gw, 'POST', '/register', { ...GOOD, ...change });
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.type).toContain('application/problem+json');
      expect(
        res.body.errors.map((e) => e.path),
        res.text,
      ).toContain(path);
      expect(await stored(gw)).toEqual(before);
      // the service keeps serving
      expect((await send(gw, 'GET', '')).status).toBe(200);
    });

    it.each(BAD_REGISTRATIONS.filter(([, change]) => !('url' in change && change.url === undefined)))(
      'update refuses %s too, leaving the endpoint as it was',
      async (_name, change, path) => {
        const before = await stored(gw);
        const row = await gw.db.db.selectFrom('webhooks').selectAll().where('id', '=', existing).executeTakeFirstOrThrow();
        const res = await send(gw, 'PATCH', `/${existing}`, change);
        expect(res.status, res.text).toBe(422);
        expect(res.body.errors.map((e) => e.path)).toContain(path);
        expect(await stored(gw)).toEqual(before);
        expect(await gw.db.db.selectFrom('webhooks').selectAll().where('id', '=', existing).executeTakeFirstOrThrow()).toEqual(row);
      },
    );

    it('refuses an empty update, malformed JSON and an out-of-range grace period', async () => {
      const before = await stored(gw);
      const empty = await send(gw, 'PATCH', `/${existing}`, {});
      expect(empty.status).toBe(422);
      const malformed = await send(gw, 'POST', '/register', '{"url": ');
      expect(malformed.status).toBe(400);
      for (const grace of [-1, 604_801, 1.5, '60']) {
        const res = await send(gw, 'POST', `/${existing}/rotate-secret`, { grace_period_seconds: grace });
        expect(res.status, res.text).toBe(422);
        expect(res.body.errors.map((e) => e.path)).toContain('grace_period_seconds');
      }
      const badStatus = await send(gw, 'GET', `/${existing}/deliveries?status=lost`);
      expect(badStatus.status).toBe(422);
      expect(badStatus.body.errors.map((e) => e.path)).toContain('query.status');
      const badCursor = await send(gw, 'GET', `/${existing}/deliveries?starting_after=whd_00000000000000ff`);
      expect(badCursor.status).toBe(422);
      expect(badCursor.body.errors.map((e) => e.path)).toContain('query.starting_after');
      const badLimit = await send(gw, 'GET', '/events/pending?limit=0');
      expect(badLimit.status).toBe(422);
      expect(await stored(gw)).toEqual(before);
    });

    it('refuses more than webhooks.max_webhooks live endpoints per merchant, and counts only live ones', async () => {
      while ((await gw.count('webhooks')) < MAX_WEBHOOKS) expect((await send(gw, 'POST', '/register', GOOD)).status).toBe(201);
      const before = await stored(gw);
      const res = await send(gw, 'POST', '/register', GOOD);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('limit_exceeded');
      expect(res.body.detail).toContain('webhooks.max_webhooks');
      expect(res.body.detail).toContain(String(MAX_WEBHOOKS));
      expect(await stored(gw)).toEqual(before);

      // another merchant has its own allowance, and a deleted endpoint frees a place
      const other = await gw.createMerchant();
      const theirs = await gw.app.inject({
        method: 'POST',
        url: `${BASE}/register`,
        headers: { authorization: `Bearer ${other.adminKey}`, 'content-type': 'application/json' },
        payload: JSON.stringify(GOOD),
      });
      expect(theirs.statusCode).toBe(201);
      expect((await send(gw, 'DELETE', `/${existing}`)).status).toBe(200);
      expect((await send(gw, 'POST', '/register', GOOD)).status).toBe(201);
    });
  });

  describe(`${engine} with webhooks.allow_private_targets`, () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway(engine, { config: { webhooks: { allow_private_targets: true } } });
    });
    afterAll(async () => {
      await gw?.close();
    });

    it('accepts a loopback http target for local development', async () => {
      const res = await send(gw, 'POST', '/register', { url: 'http://127.0.0.1:1234/hook', events: ['*'] });
      expect(res.status, res.text).toBe(201);
      expect((res.body as unknown as { url: string }).url).toBe('http://127.0.0.1:1234/hook');
      expect(await gw.count('webhooks')).toBe(1);
    });

    it('still refuses other schemes and credentials', async () => {
      expect((await send(gw, 'POST', '/register', { url: 'ftp://127.0.0.1/hook', events: ['*'] })).status).toBe(422);
      expect((await send(gw, 'POST', '/register', { url: 'http://a:b@127.0.0.1/hook', events: ['*'] })).status).toBe(422);
    });
  });
}

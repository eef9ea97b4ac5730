/**
 * The webhook endpoints API end to end over a real database (SQLite and PostgreSQL): register, list,
 * read, update, delete, rotate the secret, test-fire, redeliver, deliveries and undelivered events,
 * audit records without secrets, Idempotency-Key, scopes and a foreign merchant's 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../src/app/gateway-core.js';
import { Outbox } from '../src/modules/outbox/outbox.js';
import { fixedClock, toIso } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { ENGINES } from './db-harness.js';
import { type ProblemJson, startTestGateway, type TestGateway, type TestMerchant } from './gateway-harness.js';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);
const BASE = '/api/v1/payments/webhooks';
const WEBHOOK_ID = /^webhook_[0-9a-f]{32}$/;
const DELIVERY_ID = /^whd_[0-9a-f]{32}$/;
/** standard base64 of 32 bytes: the form the Standard Webhooks libraries decode */
const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;
const MASK = '********';

interface WebhookJson {
  id: string;
  object: 'webhook';
  url: string;
  events: string[];
  headers: Record<string, string>;
  active: boolean;
  description: string | null;
  status: string;
  failing_since: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  disabled_at: string | null;
  disabled_reason: string | null;
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  secret?: string;
}

interface DeliveryJson {
  id: string;
  object: 'webhook_delivery';
  webhook_id: string;
  event_id: string;
  event_type: string;
  kind: string;
  redelivery_of: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  attempt_log?: Array<{
    attempt: number;
    status_code: number | null;
    outcome: string;
    latency_ms: number;
    response_excerpt: string | null;
  }>;
}

interface ListJson<T> {
  object: 'list';
  data: T[];
  has_more?: boolean;
  next_cursor?: string | null;
}

interface EventJson {
  id: string;
  type: string;
  dispatched_at: string | null;
  pending_deliveries: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

for (const engine of ENGINES) {
  describe(engine, () => {
    const clock = fixedClock(T0);
    let gw: TestGateway;

    beforeAll(async () => {
      gw = await startTestGateway(engine, { clock, config: { webhooks: { max_webhooks: 1000 } } });
    });
    afterAll(async () => {
      await gw?.close();
    });

    async function send<T>(method: Method, path: string, options: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${options.key ?? gw.adminKey}`, ...options.headers };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await gw.app.inject({
        method,
        url: `${BASE}${path}`,
        headers,
        ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
      });
      const type = String(response.headers['content-type'] ?? '');
      const body = (type.includes('json') && response.body !== '' ? JSON.parse(response.body) : null) as T;
      return { status: response.statusCode, headers: response.headers, text: response.body, body };
    }

    async function register(body: Record<string, unknown> = {}, key?: string): Promise<WebhookJson> {
      const res = await send<WebhookJson>('POST', '/register', {
        body: { url: 'https://shop.example.com/hooks/tron', events: ['payment.completed'], ...body },
        ...(key ? { key } : {}),
      });
      expect(res.status, res.text).toBe(201);
      return res.body;
    }

    const auditRows = (entityId: string) =>
      gw.db.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute();
    const webhookRow = (id: string) => gw.db.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const deliveryRow = (id: string) =>
      gw.db.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('registers an endpoint and shows its secret once, in the 201 answer only', async () => {
      const res = await send<WebhookJson>('POST', '/register', {
        body: {
          url: 'https://shop.example.com/hooks/tron?source=tpg',
          events: ['payment.completed', 'payment.failed', 'payment.completed'],
          headers: { Authorization: 'Bearer receiver-token', 'X-Shop': 'main' },
          description: 'order fulfilment',
        },
      });
      expect(res.status, res.text).toBe(201);
      const created = res.body;
      expect(created.id).toMatch(WEBHOOK_ID);
      expect(created.secret).toMatch(SECRET);
      expect(created).toMatchObject({
        object: 'webhook',
        url: 'https://shop.example.com/hooks/tron?source=tpg',
        events: ['payment.completed', 'payment.failed'],
        // write-only: the names, never the values (the receiver's credentials)
        headers: { Authorization: MASK, 'X-Shop': MASK },
        active: true,
        status: 'active',
        description: 'order fulfilment',
        failing_since: null,
        disabled_at: null,
        previous_secret_expires_at: null,
        created_at: toIso(T0),
        updated_at: toIso(T0),
      });
      const secret = created.secret as string;
      expect((await webhookRow(created.id)).secret).toBe(secret);
      expect(JSON.parse((await webhookRow(created.id)).headers)).toEqual({ Authorization: 'Bearer receiver-token', 'X-Shop': 'main' });
      expect(res.text).not.toContain('receiver-token');

      const one = await send<WebhookJson>('GET', `/${created.id}`);
      expect(one.status).toBe(200);
      expect(one.body.id).toBe(created.id);
      expect(one.body).not.toHaveProperty('secret');
      expect(one.text).not.toContain(secret);
      expect(one.body.headers).toEqual({ Authorization: MASK, 'X-Shop': MASK });
      expect(one.text).not.toContain('receiver-token');

      const list = await send<ListJson<WebhookJson>>('GET', '');
      expect(list.status).toBe(200);
      expect(list.body.data.map((w) => w.id)).toContain(created.id);
      expect(list.text).not.toContain(secret);
      expect(list.text).not.toContain('"secret"');
      expect(list.text).not.toContain('receiver-token');

      const audit = await auditRows(created.id);
      expect(audit.map((r) => r.action)).toEqual(['webhook.created']);
      expect(audit[0]?.actor).toMatch(/^key_/);
      expect(audit[0]?.request_id).toBe(res.headers['x-request-id']);
      expect(audit[0]?.before).toBeNull();
      expect(JSON.parse(audit[0]?.after as string)).toMatchObject({ id: created.id, url: created.url, events: created.events });
      expect(JSON.parse(audit[0]?.after as string).headers).toEqual({ Authorization: MASK, 'X-Shop': MASK });
      const allAudit = await gw.db.db.selectFrom('audit_log').select(['before', 'after']).execute();
      expect(JSON.stringify(allAudit)).not.toContain(secret);
      expect(JSON.stringify(allAudit)).not.toContain('receiver-token');
    });

    it('accepts "*" for every event, and active: false registers an inactive endpoint', async () => {
      const all = await register({ events: ['*'], active: false });
      expect(all).toMatchObject({ events: ['*'], active: false, status: 'inactive', headers: {}, description: null });
    });

    it('updates url, events, headers and description, auditing before and after without secrets', async () => {
      const created = await register();
      clock.advance(1000);
      const res = await send<WebhookJson>('PATCH', `/${created.id}`, {
        body: { url: 'https://hooks.example.org/v2', events: ['*'], headers: { 'X-Env': 'prod-token-91' }, description: null },
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({
        url: 'https://hooks.example.org/v2',
        events: ['*'],
        headers: { 'X-Env': MASK },
        description: null,
        updated_at: toIso(clock.now()),
        created_at: created.created_at,
      });
      expect(res.body).not.toHaveProperty('secret');
      const got = await send<WebhookJson>('GET', `/${created.id}`);
      expect(got.body.url).toBe('https://hooks.example.org/v2');

      const audit = await auditRows(created.id);
      expect(audit.map((r) => r.action)).toEqual(['webhook.created', 'webhook.updated']);
      const updated = audit[1];
      expect(JSON.parse(updated?.before as string)).toMatchObject({ url: 'https://shop.example.com/hooks/tron' });
      expect(JSON.parse(updated?.after as string)).toMatchObject({ url: 'https://hooks.example.org/v2' });
      expect(`${updated?.before}${updated?.after}`).not.toContain(created.secret as string);
      expect(JSON.parse(updated?.after as string).headers).toEqual({ 'X-Env': MASK });
      expect(`${updated?.before}${updated?.after}`).not.toContain('prod-token-91');
      expect(res.text + got.text).not.toContain('prod-token-91');

      const off = await send<WebhookJson>('PATCH', `/${created.id}`, { body: { active: false } });
      expect(off.body).toMatchObject({ active: false, status: 'inactive', url: 'https://hooks.example.org/v2' });
    });

    it('custom header values are write-only: the mask sent back keeps the stored value, and nothing shows it', async () => {
      const created = await register({ headers: { Authorization: 'Bearer first-credential', 'X-Shop': 'main' } });
      const read = await send<WebhookJson>('GET', `/${created.id}`);
      // a client that PATCHes back what it read, plus one new header, keeps the credential
      const res = await send<WebhookJson>('PATCH', `/${created.id}`, {
        body: { headers: { ...read.body.headers, 'X-New': 'new-value-5' } },
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body.headers).toEqual({ Authorization: MASK, 'X-Shop': MASK, 'X-New': MASK });
      expect(JSON.parse((await webhookRow(created.id)).headers)).toEqual({
        Authorization: 'Bearer first-credential',
        'X-Shop': 'main',
        'X-New': 'new-value-5',
      });
      // the mask names the header case-insensitively; a real value replaces it, a dropped name is removed
      const replaced = await send<WebhookJson>('PATCH', `/${created.id}`, {
        body: { headers: { authorization: MASK, 'X-Shop': 'second-shop' } },
      });
      expect(replaced.status, replaced.text).toBe(200);
      expect(JSON.parse((await webhookRow(created.id)).headers)).toEqual({
        authorization: 'Bearer first-credential',
        'X-Shop': 'second-shop',
      });

      // the mask for a header that has no stored value is refused, naming it
      const unknown = await send<ProblemJson>('PATCH', `/${created.id}`, { body: { headers: { 'X-Other': MASK } } });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([{ path: 'headers/X-Other', message: expect.stringContaining('send its value') }]);
      const fresh = await send<ProblemJson>('POST', '/register', {
        body: { url: 'https://shop.example.com/hooks/tron', events: ['*'], headers: { Authorization: MASK } },
      });
      expect(fresh.status).toBe(422);
      expect(fresh.body.errors?.[0]?.path).toBe('headers/Authorization');

      const audit = (await auditRows(created.id)).map((r) => `${r.before}${r.after}`).join('\n');
      for (const value of ['first-credential', 'new-value-5', 'second-shop']) expect(audit).not.toContain(value);
      const list = await send<ListJson<WebhookJson>>('GET', '');
      for (const value of ['first-credential', 'new-value-5', 'second-shop']) expect(list.text).not.toContain(value);
    });

    it('re-enables an endpoint the gateway disabled when PATCHed with active: true', async () => {
      const created = await register();
      await gw.db.db
        .updateTable('webhooks')
        .set({ disabled_at: T0, disabled_reason: 'failing for 72 hours', failing_since: T0 - 1000, last_failure_at: T0 })
        .where('id', '=', created.id)
        .execute();
      const disabled = await send<WebhookJson>('GET', `/${created.id}`);
      expect(disabled.body).toMatchObject({ status: 'disabled', disabled_reason: 'failing for 72 hours', failing_since: toIso(T0 - 1000) });

      const res = await send<WebhookJson>('PATCH', `/${created.id}`, { body: { active: true } });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({
        status: 'active',
        disabled_at: null,
        disabled_reason: null,
        failing_since: null,
        last_failure_at: toIso(T0),
      });
      const row = await webhookRow(created.id);
      expect(row.disabled_at).toBeNull();
    });

    it('rotates the secret, keeping the old one for the grace period, and never audits either', async () => {
      const created = await register();
      const old = created.secret as string;
      const res = await send<{ id: string; secret: string; previous_secret_expires_at: string | null }>(
        'POST',
        `/${created.id}/rotate-secret`,
        {
          body: { grace_period_seconds: 3600 },
        },
      );
      expect(res.status, res.text).toBe(200);
      expect(res.body.id).toBe(created.id);
      expect(res.body.secret).toMatch(SECRET);
      expect(res.body.secret).not.toBe(old);
      expect(res.body.previous_secret_expires_at).toBe(toIso(clock.now() + 3_600_000));
      const row = await webhookRow(created.id);
      expect(row.secret).toBe(res.body.secret);
      expect(row.previous_secret).toBe(old);
      expect(Number(row.previous_secret_expires_at)).toBe(clock.now() + 3_600_000);

      const view = await send<WebhookJson>('GET', `/${created.id}`);
      expect(view.body.previous_secret_expires_at).toBe(toIso(clock.now() + 3_600_000));
      expect(view.text).not.toContain(res.body.secret);

      // the default grace is a day; grace 0 drops the old secret at once
      const byDefault = await send<{ previous_secret_expires_at: string }>('POST', `/${created.id}/rotate-secret`);
      expect(byDefault.status, byDefault.text).toBe(200);
      expect(byDefault.body.previous_secret_expires_at).toBe(toIso(clock.now() + 86_400_000));
      const now = await send<{ secret: string; previous_secret_expires_at: string | null }>('POST', `/${created.id}/rotate-secret`, {
        body: { grace_period_seconds: 0 },
      });
      expect(now.body.previous_secret_expires_at).toBeNull();
      const after = await webhookRow(created.id);
      expect(after.previous_secret).toBeNull();

      const audit = await auditRows(created.id);
      expect(audit.map((r) => r.action)).toEqual([
        'webhook.created',
        'webhook.secret_rotated',
        'webhook.secret_rotated',
        'webhook.secret_rotated',
      ]);
      const text = audit.map((r) => `${r.before}${r.after}`).join('\n');
      for (const secret of [old, res.body.secret, now.body.secret]) expect(text).not.toContain(secret);
    });

    it('test-fires a webhook.test event to one endpoint only, already dispatched, with one pending delivery', async () => {
      const target = await register({ events: ['*'] });
      const other = await register({ events: ['*'] });
      const before = await gw.count('webhook_deliveries');
      const res = await send<DeliveryJson>('POST', `/${target.id}/test`);
      expect(res.status, res.text).toBe(201);
      expect(res.body.id).toMatch(DELIVERY_ID);
      expect(res.body).toMatchObject({
        webhook_id: target.id,
        event_type: 'webhook.test',
        kind: 'test',
        status: 'pending',
        attempts: 0,
        redelivery_of: null,
        next_attempt_at: toIso(clock.now()),
      });
      expect(await gw.count('webhook_deliveries')).toBe(before + 1);
      const row = await deliveryRow(res.body.id);
      expect(Number(row.next_attempt_at)).toBeLessThanOrEqual(clock.now());

      const event = await gw.db.db.selectFrom('outbox').selectAll().where('id', '=', res.body.event_id).executeTakeFirstOrThrow();
      expect(event.type).toBe('webhook.test');
      expect(event.merchant_id).toBe(gw.merchantId);
      expect(event.dispatched_at).not.toBeNull();
      const envelope = JSON.parse(event.payload);
      expect(envelope).toMatchObject({
        id: event.id,
        type: 'webhook.test',
        api_version: API_VERSION,
        data: { object: { webhook_id: target.id } },
      });
      expect(typeof envelope.data.object.message).toBe('string');

      const others = await send<ListJson<DeliveryJson>>('GET', `/${other.id}/deliveries`);
      expect(others.body.data).toEqual([]);
      const byEvent = await send<ListJson<DeliveryJson>>('GET', `/events/${res.body.event_id}/deliveries`);
      expect(byEvent.status).toBe(200);
      expect(byEvent.body.data.map((d) => d.id)).toEqual([res.body.id]);

      const audit = await auditRows(target.id);
      expect(audit.map((r) => r.action)).toContain('webhook.test_sent');
    });

    it('refuses to test-fire or redeliver to an inactive or disabled endpoint (the engine would not send)', async () => {
      const hook = await register();
      const fired = await send<DeliveryJson>('POST', `/${hook.id}/test`);
      await send('PATCH', `/${hook.id}`, { body: { active: false } });
      const before = await gw.count('webhook_deliveries');
      const test = await send<ProblemJson>('POST', `/${hook.id}/test`);
      expect(test.status).toBe(409);
      expect(test.body.detail).toContain('inactive');
      await gw.db.db
        .updateTable('webhooks')
        .set({ active: 1, disabled_at: T0, disabled_reason: 'kept failing' })
        .where('id', '=', hook.id)
        .execute();
      const again = await send<ProblemJson>('POST', `/deliveries/${fired.body.id}/redeliver`);
      expect(again.status).toBe(409);
      expect(again.body.detail).toContain('disabled');
      expect(await gw.count('webhook_deliveries')).toBe(before);
    });

    it('shows a delivery with its attempts in order', async () => {
      const hook = await register();
      const fired = await send<DeliveryJson>('POST', `/${hook.id}/test`);
      const id = fired.body.id;
      // the delivery engine's records, written here as it would write them
      await gw.db.db
        .insertInto('webhook_attempts')
        .values([
          {
            delivery_id: id,
            attempt: 2,
            webhook_id: hook.id,
            started_at: T0 + 30_000,
            latency_ms: 12,
            status_code: 200,
            outcome: 'succeeded',
            error: null,
            response_excerpt: 'ok',
          },
          {
            delivery_id: id,
            attempt: 1,
            webhook_id: hook.id,
            started_at: T0,
            latency_ms: 40,
            status_code: 503,
            outcome: 'retry',
            error: 'HTTP 503',
            response_excerpt: 'busy',
          },
        ])
        .execute();
      await gw.db.db
        .updateTable('webhook_deliveries')
        .set({ status: 'succeeded', attempts: 2, last_status_code: 200, completed_at: T0 + 30_000 })
        .where('id', '=', id)
        .execute();
      const res = await send<DeliveryJson>('GET', `/deliveries/${id}`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ id, status: 'succeeded', attempts: 2, last_status_code: 200, next_attempt_at: null });
      expect(res.body.attempt_log?.map((a) => [a.attempt, a.status_code, a.outcome, a.response_excerpt])).toEqual([
        [1, 503, 'retry', 'busy'],
        [2, 200, 'succeeded', 'ok'],
      ]);
    });

    it('redelivers a delivery as a new pending delivery of the same event', async () => {
      const hook = await register();
      const fired = await send<DeliveryJson>('POST', `/${hook.id}/test`);
      await gw.db.db
        .updateTable('webhook_deliveries')
        .set({ status: 'failed', attempts: 9, last_error: 'HTTP 500' })
        .where('id', '=', fired.body.id)
        .execute();
      clock.advance(5000);
      const res = await send<DeliveryJson>('POST', `/deliveries/${fired.body.id}/redeliver`);
      expect(res.status, res.text).toBe(201);
      expect(res.body.id).not.toBe(fired.body.id);
      expect(res.body).toMatchObject({
        webhook_id: hook.id,
        event_id: fired.body.event_id,
        event_type: 'webhook.test',
        kind: 'redelivery',
        redelivery_of: fired.body.id,
        status: 'pending',
        attempts: 0,
        next_attempt_at: toIso(clock.now()),
      });
      expect((await deliveryRow(fired.body.id)).status).toBe('failed');
      const audit = await auditRows(res.body.id);
      expect(audit.map((r) => [r.action, r.entity_type])).toEqual([['webhook_delivery.redelivered', 'webhook_delivery']]);
      expect(JSON.parse(audit[0]?.before as string)).toMatchObject({ id: fired.body.id, status: 'failed' });
    });

    it('lists deliveries newest first with cursor pagination and a status filter', async () => {
      const hook = await register();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        clock.advance(1000);
        ids.push((await send<DeliveryJson>('POST', `/${hook.id}/test`)).body.id);
      }
      const first = await send<ListJson<DeliveryJson>>('GET', `/${hook.id}/deliveries?limit=2`);
      expect(first.status, first.text).toBe(200);
      expect(first.body.data.map((d) => d.id)).toEqual([ids[2], ids[1]]);
      expect(first.body.has_more).toBe(true);
      expect(first.body.next_cursor).toBe(ids[1]);
      const second = await send<ListJson<DeliveryJson>>('GET', `/${hook.id}/deliveries?limit=2&starting_after=${first.body.next_cursor}`);
      expect(second.body.data.map((d) => d.id)).toEqual([ids[0]]);
      expect(second.body.has_more).toBe(false);
      expect(second.body.next_cursor).toBeNull();

      await gw.db.db
        .updateTable('webhook_deliveries')
        .set({ status: 'succeeded' })
        .where('id', '=', ids[1] as string)
        .execute();
      const succeeded = await send<ListJson<DeliveryJson>>('GET', `/${hook.id}/deliveries?status=succeeded`);
      expect(succeeded.body.data.map((d) => d.id)).toEqual([ids[1]]);
      const pending = await send<ListJson<DeliveryJson>>('GET', `/${hook.id}/deliveries?status=pending`);
      expect(pending.body.data.map((d) => d.id)).toEqual([ids[2], ids[0]]);
    });

    it('lists events not yet delivered: undispatched ones and those with a pending delivery', async () => {
      const merchant = await gw.createMerchant();
      const hook = await register({}, merchant.adminKey);
      const outbox = new Outbox({ clock, ids: newId, apiVersion: API_VERSION });
      clock.advance(1000);
      const [undispatched] = await outbox.append(gw.db.db, [
        {
          merchantId: merchant.merchantId,
          type: 'payment.created',
          aggregateType: 'payment',
          aggregateId: 'pay_00000000000000aa',
          object: { payment_id: 'pay_00000000000000aa' },
        },
      ]);
      const [delivered] = await outbox.append(gw.db.db, [
        {
          merchantId: merchant.merchantId,
          type: 'payment.created',
          aggregateType: 'payment',
          aggregateId: 'pay_00000000000000bb',
          object: {},
        },
      ]);
      await outbox.markDispatched(gw.db.db, [delivered as string]);
      clock.advance(1000);
      const fired = await send<DeliveryJson>('POST', `/${hook.id}/test`, { key: merchant.adminKey });

      const res = await send<ListJson<EventJson>>('GET', '/events/pending', { key: merchant.adminKey });
      expect(res.status, res.text).toBe(200);
      expect(res.body.data.map((e) => [e.id, e.pending_deliveries, e.dispatched_at === null])).toEqual([
        [undispatched, 0, true],
        [fired.body.event_id, 1, false],
      ]);
      const page = await send<ListJson<EventJson>>('GET', '/events/pending?limit=1', { key: merchant.adminKey });
      expect(page.body.data.map((e) => e.id)).toEqual([undispatched]);
      expect(page.body.has_more).toBe(true);
      const next = await send<ListJson<EventJson>>('GET', `/events/pending?limit=1&starting_after=${page.body.next_cursor}`, {
        key: merchant.adminKey,
      });
      expect(next.body.data.map((e) => e.id)).toEqual([fired.body.event_id]);
      expect(next.body.has_more).toBe(false);

      await gw.db.db.updateTable('webhook_deliveries').set({ status: 'succeeded' }).where('id', '=', fired.body.id).execute();
      const after = await send<ListJson<EventJson>>('GET', '/events/pending', { key: merchant.adminKey });
      expect(after.body.data.map((e) => e.id)).toEqual([undispatched]);
      // another merchant's events never show
      const mine = await send<ListJson<EventJson>>('GET', '/events/pending');
      expect(mine.body.data.map((e) => e.id)).not.toContain(undispatched);
    });

    it('deletes an endpoint: answers its final view, hides it, and fails its waiting deliveries', async () => {
      const hook = await register();
      const fired = await send<DeliveryJson>('POST', `/${hook.id}/test`);
      clock.advance(1000);
      const res = await send<WebhookJson>('DELETE', `/${hook.id}`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ id: hook.id, status: 'deleted', deleted_at: toIso(clock.now()) });
      expect(res.body).not.toHaveProperty('secret');
      expect((await send('GET', `/${hook.id}`)).status).toBe(404);
      expect((await send('DELETE', `/${hook.id}`)).status).toBe(404);
      const list = await send<ListJson<WebhookJson>>('GET', '');
      expect(list.body.data.map((w) => w.id)).not.toContain(hook.id);
      const delivery = await deliveryRow(fired.body.id);
      expect(delivery.status).toBe('failed');
      expect(delivery.last_error).toBe('webhook deleted');
      // the history stays readable, but nothing more is sent to a deleted endpoint
      expect((await send('GET', `/deliveries/${fired.body.id}`)).status).toBe(200);
      const again = await send<ProblemJson>('POST', `/deliveries/${fired.body.id}/redeliver`);
      expect(again.status).toBe(409);
      expect((await auditRows(hook.id)).map((r) => r.action)).toContain('webhook.deleted');
    });

    it('replays register for the same Idempotency-Key, creating one endpoint, and refuses the key with another body', async () => {
      const before = await gw.count('webhooks');
      const body = { url: 'https://idem.example.com/hook', events: ['payment.created'] };
      const headers = { 'idempotency-key': `wh-${engine}-1` };
      const first = await send<WebhookJson>('POST', '/register', { body, headers });
      expect(first.status, first.text).toBe(201);
      const replay = await send<WebhookJson>('POST', '/register', { body, headers });
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.text).toBe(first.text);
      expect(await gw.count('webhooks')).toBe(before + 1);
      const other = await send<ProblemJson>('POST', '/register', { body: { ...body, url: 'https://idem.example.com/other' }, headers });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('idempotency_key_reused');
      expect(await gw.count('webhooks')).toBe(before + 1);
    });

    it('replays a test send for the same Idempotency-Key without a second delivery', async () => {
      const hook = await register();
      const headers = { 'idempotency-key': `wh-test-${engine}` };
      const before = await gw.count('webhook_deliveries');
      const first = await send<DeliveryJson>('POST', `/${hook.id}/test`, { headers });
      const replay = await send<DeliveryJson>('POST', `/${hook.id}/test`, { headers });
      expect(first.status).toBe(201);
      expect(replay.text).toBe(first.text);
      expect(await gw.count('webhook_deliveries')).toBe(before + 1);
    });

    it("answers 404 for another merchant's endpoints, deliveries and events", async () => {
      const hook = await register();
      const fired = await send<DeliveryJson>('POST', `/${hook.id}/test`);
      const stranger: TestMerchant = await gw.createMerchant();
      const key = stranger.adminKey;
      const calls: Array<[Method, string, unknown?]> = [
        ['GET', `/${hook.id}`],
        ['PATCH', `/${hook.id}`, { active: false }],
        ['DELETE', `/${hook.id}`],
        ['POST', `/${hook.id}/rotate-secret`, {}],
        ['POST', `/${hook.id}/test`],
        ['GET', `/${hook.id}/deliveries`],
        ['GET', `/deliveries/${fired.body.id}`],
        ['POST', `/deliveries/${fired.body.id}/redeliver`],
        ['GET', `/events/${fired.body.event_id}/deliveries`],
      ];
      const before = await gw.count('webhook_deliveries');
      for (const [method, path, body] of calls) {
        const res = await send<ProblemJson>(method, path, { key, ...(body !== undefined ? { body } : {}) });
        expect(res.status, `${method} ${path}: ${res.text}`).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
      expect(await gw.count('webhook_deliveries')).toBe(before);
      const list = await send<ListJson<WebhookJson>>('GET', '', { key });
      expect(list.body.data).toEqual([]);
      const mine = await webhookRow(hook.id);
      expect(mine.deleted_at).toBeNull();
      expect(Number(mine.active)).toBe(1);
    });

    it('answers 404 for ids of the wrong shape or prefix', async () => {
      for (const path of [
        '/webhook_nothex',
        '/pay_0000000000000001',
        '/deliveries/whd_0000000000000fff',
        '/events/evt_0000000000000fff/deliveries',
      ]) {
        expect((await send('GET', path)).status, path).toBe(404);
      }
    });

    it('needs the webhooks:manage scope for reads and writes', async () => {
      const readOnly = await gw.key(['payments:read', 'payments:write']);
      const before = await gw.count('webhooks');
      const list = await send<ProblemJson>('GET', '', { key: readOnly });
      expect(list.status).toBe(403);
      const create = await send<ProblemJson>('POST', '/register', {
        key: readOnly,
        body: { url: 'https://a.example.com/h', events: ['*'] },
      });
      expect(create.status).toBe(403);
      expect(await gw.count('webhooks')).toBe(before);
      const manager = await gw.key(['webhooks:manage']);
      expect((await send('GET', '', { key: manager })).status).toBe(200);
    });
  });
}

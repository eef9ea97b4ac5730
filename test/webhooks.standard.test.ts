/**
 * Webhooks any library can verify (both engines): real deliveries from the gateway's deliverer to a local
 * receiver carry Standard Webhooks headers that the `standardwebhooks` package verifies — with the secret
 * from registration, with either secret during a rotation, and with the same webhook-id across retries —
 * beside X-TPG-Signature; a changed body fails. Custom header values still travel with every delivery.
 */
import { pino } from 'pino';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../src/app/gateway-core.js';
import { Outbox } from '../src/modules/outbox/outbox.js';
import { createWebhookDelivery, type WebhookDelivery } from '../src/modules/webhooks/webhook-delivery.js';
import { fixedClock } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { ENGINES } from './db-harness.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';
import { startWebhookReceiver, verifiesAsStandardWebhook, type WebhookReceiver } from './webhook-receiver.js';

const BASE = '/api/v1/payments/webhooks';
const RECEIVER_TOKEN = 'Bearer receiver-token-7f3a';

for (const engine of ENGINES) {
  describe(`Standard Webhooks deliveries (${engine})`, () => {
    // the package checks webhook-timestamp against the real clock: start at it, move on by seconds only
    const clock = fixedClock(Date.now());
    let gw: TestGateway;
    let delivery: WebhookDelivery;
    let receiver: WebhookReceiver;

    beforeAll(async () => {
      gw = await startTestGateway(engine, {
        clock,
        config: { webhooks: { allow_private_targets: true, require_https: false, retry_interval_seconds: 1 } },
      });
      delivery = createWebhookDelivery({
        db: gw.db.db,
        engine,
        outbox: new Outbox({ clock, ids: newId, apiVersion: API_VERSION }),
        clock,
        ids: newId,
        logger: pino({ level: process.env.TPG_TEST_LOG ?? 'silent' }),
        settings: gw.config.raw.webhooks,
        workerId: `test:${engine}:standard`,
        version: '0.0.0-test',
      });
      receiver = await startWebhookReceiver();
    });
    afterAll(async () => {
      await delivery?.stop(100);
      await receiver?.close();
      await gw?.close();
    });

    async function register(): Promise<{ id: string; secret: string }> {
      const res = await gw.call<{ id: string; secret: string }>('POST', `${BASE}/register`, {
        key: gw.adminKey,
        body: { url: receiver.url, events: ['*'], headers: { Authorization: RECEIVER_TOKEN } },
      });
      expect(res.status, res.text).toBe(201);
      return res.body;
    }

    async function sendTest(webhookId: string): Promise<void> {
      const res = await gw.call('POST', `${BASE}/${webhookId}/test`, { key: gw.adminKey });
      expect(res.status, res.text).toBe(201);
      await delivery.deliverer.deliverDue();
    }

    const flatHeaders = (headers: Record<string, string | string[] | undefined>) =>
      Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === 'string'));

    it('a delivered event verifies with the standardwebhooks package; a changed body or another secret does not', async () => {
      const hook = await register();
      receiver.secret = hook.secret;
      receiver.events.length = 0;
      const created = await gw.call('POST', '/api/v1/payments/create', {
        key: gw.adminKey,
        body: { payee_address: gw.addresses[0], amount: '25' },
      });
      expect(created.status, created.text).toBe(201);
      await delivery.dispatcher.drain();
      await delivery.deliverer.deliverDue();

      const [event] = receiver.events;
      expect(event?.type).toBe('payment.created');
      const received = event as NonNullable<typeof event>;
      expect(received.standardSignatureOk).toBe(true);
      expect(received.signatureOk).toBe(true);
      const headers = flatHeaders(received.headers);
      expect(new Webhook(hook.secret).verify(received.rawBody, headers)).toMatchObject({ id: received.id, type: 'payment.created' });
      expect(headers['webhook-id']).toBe(received.id);
      expect(headers['webhook-timestamp']).toBe(String(Math.floor(clock.now() / 1000)));
      expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
      // the X-TPG-Signature and the Standard Webhooks header are stamped with the same time
      expect(headers['x-tpg-signature']).toMatch(new RegExp(`^t=${headers['webhook-timestamp']},v1=`));
      // custom header values are write-only in the API, but still sent
      expect(headers.authorization).toBe(RECEIVER_TOKEN);

      const tampered = received.rawBody.replace('"25"', '"2500"');
      expect(tampered).not.toBe(received.rawBody);
      expect(() => new Webhook(hook.secret).verify(tampered, headers)).toThrow('No matching signature found');
      expect(verifiesAsStandardWebhook(received.rawBody, received.headers, 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')).toBe(
        false,
      );
    });

    it('during a rotation grace period, a receiver holding either secret verifies', async () => {
      const hook = await register();
      const rotated = await gw.call<{ secret: string }>('POST', `${BASE}/${hook.id}/rotate-secret`, {
        key: gw.adminKey,
        body: { grace_period_seconds: 3600 },
      });
      expect(rotated.status, rotated.text).toBe(200);
      receiver.secret = rotated.body.secret;
      receiver.events.length = 0;
      await sendTest(hook.id);

      const [event] = receiver.events;
      const received = event as NonNullable<typeof event>;
      expect(received.type).toBe('webhook.test');
      const headers = flatHeaders(received.headers);
      expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
      for (const secret of [rotated.body.secret, hook.secret]) {
        expect(verifiesAsStandardWebhook(received.rawBody, received.headers, secret)).toBe(true);
      }
      expect(() => new Webhook(hook.secret).verify(received.rawBody.replace('webhook', 'w3bhook'), headers)).toThrow(
        'No matching signature found',
      );
    });

    it('a retried delivery keeps its webhook-id (receivers de-duplicate on it) and verifies each time', async () => {
      const hook = await register();
      receiver.secret = hook.secret;
      receiver.events.length = 0;
      receiver.status = 503;
      await sendTest(hook.id);
      receiver.status = 200;
      clock.advance(2000); // past the first retry delay (1 s with jitter)
      await delivery.deliverer.deliverDue();

      expect(receiver.events).toHaveLength(2);
      const [first, second] = receiver.events;
      expect(first?.headers['webhook-id']).toBe(first?.id);
      expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
      expect(second?.headers['x-tpg-delivery-id']).toBe(first?.headers['x-tpg-delivery-id']);
      expect(Number(second?.headers['webhook-timestamp'])).toBeGreaterThan(Number(first?.headers['webhook-timestamp']));
      expect(receiver.events.every((e) => e.standardSignatureOk && e.signatureOk)).toBe(true);
    });

    it('a secret issued as base64url before this change still signs both headers', async () => {
      const hook = await register();
      const key = Buffer.from(Array.from({ length: 32 }, (_, i) => 250 - i)); // encodes with - and _
      const legacy = `whsec_${key.toString('base64url')}`;
      expect(legacy).toMatch(/[-_]/);
      await gw.db.db.updateTable('webhooks').set({ secret: legacy }).where('id', '=', hook.id).execute();
      receiver.secret = legacy;
      receiver.events.length = 0;
      await sendTest(hook.id);

      const [event] = receiver.events;
      const received = event as NonNullable<typeof event>;
      expect(received.signatureOk).toBe(true);
      // the package wants the standard alphabet: the same key bytes, re-encoded
      expect(verifiesAsStandardWebhook(received.rawBody, received.headers, `whsec_${key.toString('base64')}`)).toBe(true);
    });
  });
}

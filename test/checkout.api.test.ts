/**
 * The hosted checkout's backend over a real database (SQLite and PostgreSQL): checkout_url on create, the
 * return URLs and e-mail checks, tokens (one payment's token never opens another; a wrong id and a wrong
 * secret are the same 404), the status JSON's fields, cancelling from the page, the page headers (CSP with
 * a nonce), the live status stream, branding with its logo checks, and the per-address rate limit.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { type PaymentJson, type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';
import { eventReader } from './sse-reader.js';

type Created = PaymentJson & { checkout_url?: string };

const STATE_FIELDS = [
  'paymentId',
  'paymentStatus',
  'checkoutStatus',
  'asset',
  'decimals',
  'network',
  'tokenContract',
  'amount',
  'amountReceived',
  'amountDue',
  'amountDueBaseUnits',
  'address',
  'confirmations',
  'confirmationsRequired',
  'expiresAt',
  'serverTime',
  'successUrl',
  'cancelUrl',
  'restartUrl',
  'overpaymentHandling',
  'txids',
  'amountOver',
  'description',
];

const pathOf = (url: string) => new URL(url).pathname;
const tokenOf = (p: Created) => pathOf(p.checkout_url as string).slice('/checkout/'.length);
let address = 0;
/** a client address of its own, so that one test's requests do not count against another's rate limit */
const client = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

for (const engine of ENGINES) {
  describe(engine, () => {
    let gw: TestGateway;
    let payee: string;

    beforeAll(async () => {
      gw = await startTestGateway(engine, { config: { checkout: { rate_limit_per_minute: 30 } } });
      [payee] = gw.addresses as [string];
    });
    afterAll(async () => {
      await gw?.close();
    });

    const create = (body: Record<string, unknown>) => gw.call<Created>('POST', '/api/v1/payments/create', { key: gw.adminKey, body });
    const createOk = async (body: Record<string, unknown> = {}) => {
      const res = await create({ payee_address: payee, amount: '25', ...body });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    const get = (url: string, headers: Record<string, string> = {}) =>
      gw.app.inject({ method: 'GET', url, headers, remoteAddress: client() });
    const post = (url: string, headers: Record<string, string> = {}, payload?: string) =>
      gw.app.inject({ method: 'POST', url, headers, remoteAddress: client(), ...(payload !== undefined ? { payload } : {}) });

    describe('create', () => {
      it('answers checkout_url under server.public_url with a token of 144 random bits', async () => {
        const p = await createOk({ success_url: 'https://shop.example/done?order=7', cancel_url: 'https://shop.example/cart' });
        expect(p.checkout_url).toMatch(/^http:\/\/127\.0\.0\.1:8097\/checkout\/pay_[0-9a-f]{32}\.[A-Za-z0-9_-]{24}$/);
        expect(p.checkout_url).toContain(p.payment_id);
      });

      it('gives every payment_gateway item of a batch its own checkout_url, and none to a payout', async () => {
        const res = await gw.call<{ results: Array<{ checkout_url?: string; status: string }> }>('POST', '/api/v1/payments/batch', {
          key: gw.adminKey,
          body: {
            payments: [
              { payee_address: payee, amount: '5', success_url: 'https://shop.example/ok' },
              { payee_address: payee, amount: '6' },
            ],
          },
        });
        expect(res.status, res.text).toBe(201);
        const urls = res.body.results.map((r) => r.checkout_url);
        expect(urls.every((u) => typeof u === 'string' && u.includes('/checkout/pay_'))).toBe(true);
        expect(new Set(urls).size).toBe(2);
      });

      it.each([
        ['success_url', 'http://shop.example/done', 'https'],
        ['success_url', 'ftp://shop.example/x', 'https'],
        ['cancel_url', 'not a url', 'absolute URL'],
        ['cancel_url', 'https://user:pw@shop.example/', 'credentials'],
        ['customer_email', 'nobody', 'e-mail'],
      ])('refuses %s %j naming the field', async (field, value, message) => {
        const res = await create({ payee_address: payee, amount: '25', [field]: value });
        expect(res.status).toBe(422);
        const body = res.body as unknown as ProblemJson;
        expect(body.errors).toEqual([{ path: field, message: expect.stringContaining(message) }]);
      });

      it('allows http for localhost on a devnet, and refuses checkout fields on a payout', async () => {
        expect((await create({ payee_address: payee, amount: '25', success_url: 'http://localhost:3000/ok' })).status).toBe(201);
        const payout = await create({ payee_address: payee, amount: '25', payment_method: 'route', success_url: 'https://shop.example/' });
        expect(payout.status).toBe(422);
        expect((payout.body as unknown as ProblemJson).errors).toContainEqual({
          path: 'success_url',
          message: expect.stringContaining('payment_gateway'),
        });
      });
    });

    describe('tokens', () => {
      it('opens the page with the payment’s amount, address and data-payment-status, and the page headers', async () => {
        const p = await createOk({ customer_email: 'buyer@example.com', success_url: 'https://shop.example/ok' });
        const res = await get(pathOf(p.checkout_url as string));
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.body).toContain(p.deposit_address as string);
        expect(res.body).toContain('data-payment-status="pending"');
        const csp = String(res.headers['content-security-policy']);
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        expect(nonce).toBeTruthy();
        expect(res.body).toContain(`nonce="${nonce}"`);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("base-uri 'none'");
        expect(csp).toContain("form-action 'self' https://shop.example");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['cache-control']).toBe('no-store');
        const again = await get(pathOf(p.checkout_url as string));
        expect(String(again.headers['content-security-policy'])).not.toBe(csp);
      });

      it('never opens one payment with another’s token, and answers a wrong id and a wrong secret with the same 404', async () => {
        const a = await createOk();
        const b = await createOk();
        const [idA, secretA] = tokenOf(a).split('.') as [string, string];
        const [idB, secretB] = tokenOf(b).split('.') as [string, string];
        const crossed = [`${idA}.${secretB}`, `${idB}.${secretA}`];
        const unknownId = `pay_${'0'.repeat(32)}.${secretA}`;
        const wrongSecret = `${idA}.${'A'.repeat(24)}`;
        const answers: Array<Awaited<ReturnType<typeof get>>> = [];
        for (const token of [...crossed, unknownId, wrongSecret, 'garbage', idA]) {
          const res = await get(`/checkout/${token}/status`);
          expect(res.statusCode).toBe(404);
          answers.push(res);
        }
        const normalise = (res: Awaited<ReturnType<typeof get>>) => ({
          body: res.body.replace(/"request_id":"[^"]+"/, ''),
          headers: Object.keys(res.headers)
            .filter((h) => !['date', 'x-request-id', 'content-length'].includes(h))
            .sort()
            .map((h) => `${h}: ${h === 'content-security-policy' ? '' : res.headers[h]}`),
        });
        for (const res of answers) expect(normalise(res)).toEqual(normalise(answers[0] as Awaited<ReturnType<typeof get>>));
        // the HTML page: the same 404 page for an unknown id and a wrong secret (but for its nonce)
        const pages = await Promise.all([get(`/checkout/${unknownId}`), get(`/checkout/${wrongSecret}`)]);
        const html = pages.map((r) => ({ status: r.statusCode, body: r.body.replace(/nonce="[^"]+"/g, '') }));
        expect(html[0]?.status).toBe(404);
        expect(html[0]).toEqual(html[1]);
      });

      it('the status JSON holds only CheckoutState fields: no metadata, reference, fee or merchant', async () => {
        const p = await createOk({ reference_id: 'secret-order-ref', metadata: { internal: 'x' }, success_url: 'https://shop.example/ok' });
        const res = await get(`${pathOf(p.checkout_url as string)}/status`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['cache-control']).toBe('no-store');
        const state = res.json() as Record<string, unknown>;
        for (const key of Object.keys(state)) expect(STATE_FIELDS).toContain(key);
        expect(res.body).not.toContain('secret-order-ref');
        expect(res.body).not.toContain('internal');
        expect(res.body).not.toContain(gw.merchantId);
        expect(state).toMatchObject({
          paymentId: p.payment_id,
          paymentStatus: 'pending',
          checkoutStatus: 'waiting',
          amount: '25',
          amountDue: '25',
          amountDueBaseUnits: '25000000',
          address: p.deposit_address,
          successUrl: `https://shop.example/ok?payment_id=${p.payment_id}`,
          txids: [],
        });
      });
    });

    describe('cancel', () => {
      it('cancels when nothing arrived, goes to cancel_url, and keeps the page readable as cancelled', async () => {
        const p = await createOk({ cancel_url: 'https://shop.example/cart' });
        const page = pathOf(p.checkout_url as string);
        const res = await post(`${page}/cancel`, { 'content-type': 'application/x-www-form-urlencoded' }, '');
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe('https://shop.example/cart');
        const state = (await get(`${page}/status`)).json() as { checkoutStatus: string; paymentStatus: string };
        expect(state).toMatchObject({ checkoutStatus: 'cancelled', paymentStatus: 'cancelled' });
        expect((await get(page)).body).toContain('data-payment-status="cancelled"');
        const api = await gw.call<PaymentJson>('GET', `/api/v1/payments/${p.payment_id}`, { key: gw.adminKey });
        expect(api.body.cancel_reason).toBe('customer_cancelled');
      });

      it('refuses to cancel once a transfer arrived', async () => {
        const p = await createOk();
        await gw.db.db
          .updateTable('payments')
          .set({ status: 'processing', amount_received: 1_000_000n })
          .where('id', '=', p.payment_id)
          .execute();
        const res = await post(`${pathOf(p.checkout_url as string)}/cancel`, { accept: 'application/json' });
        expect(res.statusCode).toBe(409);
        const state = (await get(`${pathOf(p.checkout_url as string)}/status`)).json() as { checkoutStatus: string; amountDue: string };
        expect(state).toMatchObject({ checkoutStatus: 'underpaid', amountDue: '24' });
      });
    });

    describe('live status', () => {
      it('sends the state on open and a change within a second over Server-Sent Events', async () => {
        const p = await createOk();
        await gw.app.listen({ host: '127.0.0.1', port: 0 });
        try {
          const port = (gw.app.server.address() as AddressInfo).port;
          const controller = new AbortController();
          const res = await fetch(`http://127.0.0.1:${port}${pathOf(p.checkout_url as string)}/events`, { signal: controller.signal });
          expect(res.status).toBe(200);
          expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
          expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
          const nextEvent = eventReader(res.body as ReadableStream<Uint8Array>);
          expect(await nextEvent(2000)).toMatchObject({ checkoutStatus: 'waiting' });
          expect(gw.core.checkoutHub.size).toBe(1);
          const changed = Date.now();
          await gw.call('POST', `/api/v1/payments/${p.payment_id}/cancel`, { key: gw.adminKey, body: {} });
          expect(await nextEvent(1000)).toMatchObject({ checkoutStatus: 'cancelled', paymentStatus: 'cancelled' });
          expect(Date.now() - changed).toBeLessThan(1000);
          controller.abort();
        } finally {
          await gw.app.server.close();
        }
      });
    });

    describe('branding', () => {
      const put = (url: string, type: string, payload: string | Buffer, key = gw.adminKey) =>
        gw.app.inject({ method: 'PUT', url, headers: { authorization: `Bearer ${key}`, 'content-type': type }, payload });

      it('sets and reads display name, accent colour and support e-mail, and shows them on the page', async () => {
        const res = await put(
          '/api/v1/merchant/branding',
          'application/json',
          JSON.stringify({ display_name: 'Hat Shop', accent_color: '#1A2B3C', support_email: 'help@hats.example' }),
        );
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ display_name: 'Hat Shop', accent_color: '#1a2b3c', support_email: 'help@hats.example' });
        const read = await gw.call('GET', '/api/v1/merchant/branding', { key: gw.adminKey });
        expect(read.body).toMatchObject({ display_name: 'Hat Shop' });
        const p = await createOk();
        expect((await get(pathOf(p.checkout_url as string))).body).toContain('Hat Shop');
        const bad = await put('/api/v1/merchant/branding', 'application/json', JSON.stringify({ accent_color: 'red' }));
        expect(bad.statusCode).toBe(422);
        expect((bad.json() as ProblemJson).errors).toEqual([{ path: 'accent_color', message: expect.any(String) }]);
      });

      it('stores a PNG checked by its signature and serves it with a CSP that runs nothing', async () => {
        const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
        const res = await put('/api/v1/merchant/branding/logo', 'image/png', png);
        expect(res.statusCode, res.body).toBe(200);
        const logoUrl = (res.json() as { logo_url: string }).logo_url;
        expect(logoUrl).toMatch(/^\/checkout\/branding\/[A-Za-z0-9_-]{16}\/logo\?v=/);
        expect(logoUrl).not.toContain(gw.merchantId);
        const logo = await get(logoUrl);
        expect(logo.statusCode).toBe(200);
        expect(logo.headers['content-type']).toBe('image/png');
        expect(logo.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
        expect(logo.headers['x-content-type-options']).toBe('nosniff');
        expect(logo.rawPayload.equals(png)).toBe(true);
        const fake = await put('/api/v1/merchant/branding/logo', 'image/png', Buffer.from('GIF89a not a png'));
        expect(fake.statusCode).toBe(422);
      });

      it.each([
        ['a script element', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
        ['an onload handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>'],
        ['foreignObject', '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>'],
        ['an external href', '<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/x.svg#a"/></svg>'],
        ['a javascript: href', '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>'],
        ['an external url() in style', '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/)"/></svg>'],
        ['an entity declaration', '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>'],
      ])('refuses an SVG with %s', async (_what, svg) => {
        const res = await put('/api/v1/merchant/branding/logo', 'image/svg+xml', svg);
        expect(res.statusCode).toBe(422);
        expect((res.json() as ProblemJson).errors[0]?.message).toMatch(/SVG refused/);
      });

      it('accepts a plain SVG, and refuses a logo over 100 KB with 413', async () => {
        const svg =
          '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>';
        const ok = await put('/api/v1/merchant/branding/logo', 'image/svg+xml', svg);
        expect(ok.statusCode, ok.body).toBe(200);
        const logo = await get((ok.json() as { logo_url: string }).logo_url);
        expect(logo.headers['content-type']).toMatch(/^image\/svg\+xml/);
        expect(logo.body).toBe(svg);
        const big = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100 * 1024)]);
        expect((await put('/api/v1/merchant/branding/logo', 'image/png', big)).statusCode).toBe(413);
      });

      it('needs an admin key to change branding', async () => {
        const key = await gw.key(['payments:read', 'payments:write']);
        const res = await put('/api/v1/merchant/branding', 'application/json', JSON.stringify({ display_name: 'x' }), key);
        expect(res.statusCode).toBe(403);
      });
    });

    it('answers 429 with Retry-After after a bounded burst from one address', async () => {
      const p = await createOk();
      const url = `${pathOf(p.checkout_url as string)}/status`;
      // the limiter's window is the wall-clock minute: a burst must not straddle its turn
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) statuses.push((await gw.app.inject({ method: 'GET', url, remoteAddress: '192.0.2.77' })).statusCode);
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
      const limited = await gw.app.inject({ method: 'GET', url, remoteAddress: '192.0.2.77' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // another address is not affected
      expect((await gw.app.inject({ method: 'GET', url, remoteAddress: '192.0.2.78' })).statusCode).toBe(200);
    });
  });
}

/**
 * Payment links over a real database (SQLite and PostgreSQL): create, list with a cursor, read,
 * deactivate, the payments made through a link; the public page creates a new payment per visit (fixed
 * amount), checks the customer's amount (limits, decimals) naming the field, and refuses links that are
 * deactivated, expired or used up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { type ListJson, type PaymentJson, type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';

interface LinkJson {
  id: string;
  object: 'payment_link';
  url: string;
  currency: string;
  amount: string | null;
  description: string;
  success_url: string | null;
  expires_at: string | null;
  max_uses: number | null;
  uses: number;
  active: boolean;
}

let address = 0;
const client = () => `10.1.${Math.floor(++address / 250)}.${address % 250}`;
const pathOf = (url: string) => new URL(url).pathname;

for (const engine of ENGINES) {
  describe(engine, () => {
    let gw: TestGateway;
    let payee: string;

    beforeAll(async () => {
      gw = await startTestGateway(engine, { config: { checkout: { link_visit_limit_per_minute: 1000 } } });
      [payee] = gw.addresses as [string];
    });
    afterAll(async () => {
      await gw?.close();
    });

    const createLink = (body: Record<string, unknown>, key = gw.adminKey) =>
      gw.call<LinkJson>('POST', '/api/v1/payment-links', {
        key,
        body: { payee_address: payee, currency: 'USDT', description: 'A hat', ...body },
      });
    const createLinkOk = async (body: Record<string, unknown> = {}) => {
      const res = await createLink(body);
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    /** a visitor posts the link's form (url-encoded, as the page does) */
    const visit = (link: LinkJson, amount?: string, accept?: string) =>
      gw.app.inject({
        method: 'POST',
        url: pathOf(link.url),
        remoteAddress: client(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(accept ? { accept } : {}) },
        payload: amount === undefined ? '' : new URLSearchParams({ amount }).toString(),
      });

    it('creates a link with an id and a public URL, and reads it back', async () => {
      const link = await createLinkOk({ amount: '12.5', success_url: 'https://shop.example/thanks', max_uses: 3 });
      expect(link).toMatchObject({ object: 'payment_link', currency: 'USDT', amount: '12.5', uses: 0, active: true, max_uses: 3 });
      expect(link.id).toMatch(/^plink_[0-9a-f]{32}$/);
      expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:8097\/pay\/[A-Za-z0-9_-]{24}$/);
      const read = await gw.call<LinkJson>('GET', `/api/v1/payment-links/${link.id}`, { key: gw.adminKey });
      expect(read.body).toEqual(link);
      const other = await gw.createMerchant();
      expect((await gw.call('GET', `/api/v1/payment-links/${link.id}`, { key: other.adminKey })).status).toBe(404);
    });

    it.each([
      [{ currency: 'NOPE' }, 'currency'],
      [{ amount: '1.1234567' }, 'amount'],
      [{ amount: '0.5' }, 'amount'],
      [{ success_url: 'http://shop.example/' }, 'success_url'],
      [{ expires_at: '2001-01-01T00:00:00Z' }, 'expires_at'],
      [{ payee_address: 'Tnope' }, 'payee_address'],
    ])('refuses %j naming %s', async (body, field) => {
      const res = await createLink(body);
      expect(res.status).toBe(422);
      expect((res.body as unknown as ProblemJson).errors.map((e) => e.path)).toEqual([field]);
    });

    it('lists links newest first with a cursor', async () => {
      const m = await gw.createMerchant();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await gw.call<LinkJson>('POST', '/api/v1/payment-links', {
          key: m.adminKey,
          body: { payee_address: payee, currency: 'TRX', description: `link ${i}` },
        });
        ids.push(res.body.id);
      }
      const first = await gw.call<{ data: LinkJson[]; has_more: boolean; next_cursor: string | null }>(
        'GET',
        '/api/v1/payment-links?limit=2',
        { key: m.adminKey },
      );
      expect(first.body.data.map((l) => l.id)).toEqual([ids[2], ids[1]]);
      expect(first.body.has_more).toBe(true);
      const next = await gw.call<{ data: LinkJson[]; has_more: boolean; next_cursor: string | null }>(
        'GET',
        `/api/v1/payment-links?limit=2&starting_after=${first.body.next_cursor}`,
        { key: m.adminKey },
      );
      expect(next.body.data.map((l) => l.id)).toEqual([ids[0]]);
      expect(next.body.has_more).toBe(false);
    });

    it('a fixed-amount link creates a new payment per visit and goes to its checkout', async () => {
      const link = await createLinkOk({ amount: '7', success_url: 'https://shop.example/thanks' });
      const page = await gw.app.inject({ method: 'GET', url: pathOf(link.url), remoteAddress: client() });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-security-policy']).toContain("'nonce-");
      expect(page.body).toContain('A hat');
      const first = await visit(link);
      const second = await visit(link);
      expect(first.statusCode).toBe(303);
      expect(second.statusCode).toBe(303);
      const [a, b] = [String(first.headers.location), String(second.headers.location)];
      expect(a).toMatch(/^http:\/\/127\.0\.0\.1:8097\/checkout\/pay_/);
      expect(a).not.toBe(b);
      const state = (await gw.app.inject({ method: 'GET', url: `${pathOf(a)}/status`, remoteAddress: client() })).json() as Record<
        string,
        unknown
      >;
      expect(state).toMatchObject({ amount: '7', asset: 'USDT', restartUrl: link.url });
      expect(String(state.successUrl)).toMatch(/^https:\/\/shop\.example\/thanks\?payment_id=pay_/);
      const payments = await gw.call<ListJson & { data: PaymentJson[] }>('GET', `/api/v1/payment-links/${link.id}/payments`, {
        key: gw.adminKey,
      });
      expect(payments.body.data).toHaveLength(2);
      expect(payments.body.data.every((p) => p.amount === '7' && p.payment_method === 'payment_gateway')).toBe(true);
      expect((await gw.call<LinkJson>('GET', `/api/v1/payment-links/${link.id}`, { key: gw.adminKey })).body.uses).toBe(2);
    });

    it('a link without an amount takes the customer’s, within the asset’s limits and decimals', async () => {
      const link = await createLinkOk();
      const missing = await visit(link, undefined, 'application/json');
      expect(missing.statusCode).toBe(422);
      expect((missing.json() as ProblemJson).errors).toEqual([{ path: 'amount', message: 'is required' }]);
      const tooPrecise = await visit(link, '1.1234567', 'application/json');
      expect(tooPrecise.statusCode).toBe(422);
      expect((tooPrecise.json() as ProblemJson).errors[0]?.path).toBe('amount');
      const tooSmall = await visit(link, '0.1');
      expect(tooSmall.statusCode).toBe(422);
      expect(tooSmall.headers['content-type']).toMatch(/^text\/html/);
      const ok = await visit(link, '3.25', 'application/json');
      expect(ok.statusCode).toBe(201);
      const created = ok.json() as { payment_id: string; checkout_url: string };
      const payment = await gw.call<PaymentJson>('GET', `/api/v1/payments/${created.payment_id}`, { key: gw.adminKey });
      expect(payment.body.amount).toBe('3.25');
      // refused visits took no use
      expect((await gw.call<LinkJson>('GET', `/api/v1/payment-links/${link.id}`, { key: gw.adminKey })).body.uses).toBe(1);
    });

    it('refuses a used-up, a deactivated and an expired link', async () => {
      const once = await createLinkOk({ amount: '2', max_uses: 1 });
      expect((await visit(once)).statusCode).toBe(303);
      expect((await visit(once)).statusCode).toBe(410);

      const deactivating = await createLinkOk({ amount: '2' });
      const off = await gw.call<LinkJson>('POST', `/api/v1/payment-links/${deactivating.id}/deactivate`, { key: gw.adminKey });
      expect(off.body.active).toBe(false);
      expect((await visit(deactivating)).statusCode).toBe(410);
      expect((await gw.app.inject({ method: 'GET', url: pathOf(deactivating.url), remoteAddress: client() })).statusCode).toBe(410);

      const expiring = await createLinkOk({ amount: '2', expires_at: new Date(Date.now() + 60_000).toISOString() });
      await gw.db.db
        .updateTable('payment_links')
        .set({ expires_at: Date.now() - 1 })
        .where('id', '=', expiring.id)
        .execute();
      expect((await visit(expiring, undefined, 'application/json')).statusCode).toBe(409);

      const unknown = await gw.app.inject({ method: 'GET', url: '/pay/AAAAAAAAAAAAAAAAAAAAAAAA', remoteAddress: client() });
      expect(unknown.statusCode).toBe(404);
    });

    it('audits link creation and deactivation, and needs payments:write to create', async () => {
      const link = await createLinkOk();
      await gw.call('POST', `/api/v1/payment-links/${link.id}/deactivate`, { key: gw.adminKey });
      const actions = await gw.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', link.id).execute();
      expect(actions.map((a) => a.action).sort()).toEqual(['payment_link.created', 'payment_link.deactivated']);
      const reader = await gw.key(['payments:read']);
      expect((await createLink({}, reader)).status).toBe(403);
      expect((await gw.call('GET', '/api/v1/payment-links', { key: reader })).status).toBe(200);
    });
  });
}

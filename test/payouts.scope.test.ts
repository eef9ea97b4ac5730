import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrate.js';
import { ENGINES, migrateBefore, openTestDatabase } from './db-harness.js';
import { type BatchJson, type PaymentJson, type ProblemJson, startTestGateway, type TestGateway } from './gateway-harness.js';

for (const engine of ENGINES) {
  describe(engine, () => {
    let gw: TestGateway;
    let payee: string;
    let storefront: string;
    let payouts: string;

    beforeAll(async () => {
      gw = await startTestGateway(engine);
      payee = gw.addresses[0] as string;
      storefront = await gw.key(['payments:read', 'payments:write']);
      payouts = await gw.key(['payments:read', 'payments:write', 'payouts:write']);
    });
    afterAll(async () => {
      await gw?.close();
    });

    const create = (key: string, body: unknown) => gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key, body });
    const batch = (key: string, body: unknown) => gw.call<BatchJson>('POST', '/api/v1/payments/batch', { key, body });

    function expectForbidden(res: { status: number; text: string; body: unknown }): void {
      expect(res.status, res.text).toBe(403);
      const problem = res.body as ProblemJson;
      expect(problem.code).toBe('forbidden');
      expect(problem.detail).toContain('payouts:write');
    }

    it('refuses a route payout to a payments:write key with 403 naming payouts:write, storing nothing', async () => {
      const before = await gw.count('payments');
      expectForbidden(await create(storefront, { payment_method: 'route', payee_address: payee, amount: '10' }));
      // even with an Idempotency-Key, and the refusal is not kept for it: the key gets its answer again
      const headers = { 'idempotency-key': `scope-${engine}` };
      const body = { payment_method: 'route', payee_address: payee, amount: '10' };
      expectForbidden(await gw.call('POST', '/api/v1/payments/create', { key: storefront, body, headers }));
      expect(await gw.count('payments')).toBe(before);
      expect(await gw.count('idempotency_keys')).toBe(0);
    });

    it('lets the same key create collections', async () => {
      expect((await create(storefront, { payee_address: payee, amount: '10' })).status).toBe(201);
      expect((await create(storefront, { payment_method: 'direct_transfer', payee_address: payee, amount: '10' })).status).toBe(201);
    });

    it('refuses a batch holding one route item to a payments:write key, storing nothing', async () => {
      const before = { payments: await gw.count('payments'), batches: await gw.count('batches') };
      const payments = [
        { payee_address: payee, amount: '1' },
        { payment_method: 'route', payee_address: payee, amount: '1' },
      ];
      expectForbidden(await batch(storefront, { payments }));
      expect({ payments: await gw.count('payments'), batches: await gw.count('batches') }).toEqual(before);
      const collections = await batch(storefront, { payments: [{ payee_address: payee, amount: '1' }] });
      expect(collections.status, collections.text).toBe(201);
    });

    it('lets a payouts:write key and the admin key pay out, alone and in batches', async () => {
      for (const key of [payouts, gw.adminKey]) {
        const single = await create(key, { payment_method: 'route', payee_address: payee, amount: '10' });
        expect(single.status, single.text).toBe(201);
        const many = await batch(key, { payments: [{ payment_method: 'route', payee_address: payee, amount: '1' }] });
        expect(many.status, many.text).toBe(201);
        expect(many.body.created_count).toBe(1);
      }
    });

    it('approves with payouts:write, but never by the key that created the payout (unless admin)', async () => {
      const approve = (key: string, id: string) => gw.call<PaymentJson & ProblemJson>('POST', `/api/v1/payments/${id}/approve`, { key });
      const held = await create(payouts, { payment_method: 'route', payee_address: payee, amount: '1000000' });
      expect(held.body.approval_status).toBe('required');
      // its creator cannot release it, a storefront key lacks the scope
      const own = await approve(payouts, held.body.payment_id);
      expect(own.status, own.text).toBe(403);
      expect(own.body.detail).toContain('created by this API key');
      expectForbidden(await approve(storefront, held.body.payment_id));
      expect((await gw.call<PaymentJson>('GET', `/api/v1/payments/${held.body.payment_id}`, { key: payouts })).body.approval_status).toBe(
        'required',
      );
      // a second payouts:write key can
      const second = await gw.key(['payouts:write']);
      const approved = await approve(second, held.body.payment_id);
      expect(approved.status, approved.text).toBe(200);
      expect(approved.body.approval_status).toBe('approved');
      // an admin key may release its own
      const adminHeld = await create(gw.adminKey, { payment_method: 'route', payee_address: payee, amount: '1000000' });
      expect((await approve(gw.adminKey, adminHeld.body.payment_id)).status).toBe(200);
    });

    it('gives new keys payouts:write only when they ask for it', async () => {
      const plain = await gw.call<{ scopes: string[] }>('POST', '/api/v1/keys', { key: gw.adminKey, body: { name: 'storefront' } });
      expect(plain.status, plain.text).toBe(201);
      expect(plain.body.scopes).toContain('payments:write');
      expect(plain.body.scopes).not.toContain('payouts:write');
      const asked = await gw.call<{ scopes: string[] }>('POST', '/api/v1/keys', {
        key: gw.adminKey,
        body: { name: 'payouts', scopes: ['payments:write', 'payouts:write'] },
      });
      expect(asked.body.scopes).toEqual(['payments:write', 'payouts:write']);
    });
  });

  describe(`${engine}: payouts with a default method of route`, () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway(engine, { config: { payment_processing: { default_method: 'route' } } });
    });
    afterAll(async () => {
      await gw?.close();
    });

    it('needs payouts:write for a body that names no method', async () => {
      const storefront = await gw.key(['payments:write']);
      const res = await gw.call<ProblemJson>('POST', '/api/v1/payments/create', {
        key: storefront,
        body: { payee_address: gw.addresses[0], amount: '1' },
      });
      expect(res.status, res.text).toBe(403);
      expect(res.body.detail).toContain('payouts:write');
    });
  });

  describe(`${engine}: migration 0005`, () => {
    it('gives payouts:write to every key that held payments:write, and to no other', async () => {
      const db = await openTestDatabase(engine, { migrate: false });
      try {
        await migrateBefore(db, '0005');
        await db.db
          .insertInto('merchants')
          .values({
            id: 'mer_0000000000000001',
            name: 'm',
            hd_index: 0,
            status: 'active',
            settlement_frequency: null,
            created_at: 1,
            updated_at: 1,
          })
          .execute();
        const keys: Array<[string, string]> = [
          ['key_storefront', '["payments:read","payments:write","refunds:write"]'],
          ['key_reader', '["payments:read","reports:read"]'],
          ['key_admin', '["admin"]'],
          ['key_unreadable', 'not json'],
        ];
        await db.db
          .insertInto('api_keys')
          .values(
            keys.map(([id, scopes]) => ({
              id,
              merchant_id: 'mer_0000000000000001',
              name: id,
              key_hash: `hash-${id}`,
              key_prefix: 'tpg_',
              scopes,
              created_at: 1,
              last_used_at: null,
              revoked_at: null,
            })),
          )
          .execute();

        const report = await migrateToLatest(db.db);
        expect(report.applied).toContain('0005_payouts_scope');
        const rows = await db.db.selectFrom('api_keys').select(['id', 'scopes']).orderBy('id').execute();
        expect(Object.fromEntries(rows.map((r) => [r.id, r.scopes]))).toEqual({
          key_admin: '["admin"]',
          key_reader: '["payments:read","reports:read"]',
          key_storefront: '["payments:read","payments:write","payouts:write","refunds:write"]',
          key_unreadable: 'not json',
        });
      } finally {
        await db.destroy();
      }
    });
  });
}

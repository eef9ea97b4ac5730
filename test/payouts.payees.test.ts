/**
 * Payees a payment must never have (issue 17), on both engines: a payout (`route`, single or batch item)
 * to the zero address, to the network's token contract, to the merchant's own hot wallet or to a deposit
 * address of the gateway is refused with 422 naming payee_address, storing nothing; the other items of a
 * batch are still created. The deposit-address lookup is one query per request, and none for collections.
 * Metadata keys are at most 64 characters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZERO_ADDRESS } from '../src/modules/payments/unpayable-addresses.js';
import { ENGINES } from './db-harness.js';
import {
  type Answer,
  type BatchJson,
  type PaymentJson,
  type ProblemJson,
  startTestGateway,
  type TestGateway,
  testAddresses,
} from './gateway-harness.js';

/** stands for the network's USDT contract (configured as network.usdt_contract) */
const [TOKEN_CONTRACT] = testAddresses(1, 700) as [string];

for (const engine of ENGINES) {
  describe(engine, () => {
    let gw: TestGateway;
    let payee: string;
    /** statements sent to PostgreSQL that read the deposit pool */
    const poolReads: string[] = [];

    beforeAll(async () => {
      gw = await startTestGateway(engine, {
        config: { network: { usdt_contract: TOKEN_CONTRACT } },
        onQuery: (text) => {
          if (/from "deposit_pool" where "address" in/.test(text)) poolReads.push(text);
        },
      });
      payee = gw.addresses[0] as string;
    });
    afterAll(async () => {
      await gw?.close();
    });

    const create = (body: Record<string, unknown>) => gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key: gw.adminKey, body });
    const payout = (payee_address: string) => create({ payment_method: 'route', payee_address, amount: '10' });

    function expectRefused(res: Answer<unknown>, path: string, message: RegExp): void {
      expect(res.status, res.text).toBe(422);
      const problem = res.body as ProblemJson;
      const hit = problem.errors.find((e) => e.path === path);
      expect(hit, res.text).toBeDefined();
      expect(hit?.message).toMatch(message);
    }

    async function depositAddress(): Promise<string> {
      const collection = await create({ payee_address: payee, amount: '10' });
      expect(collection.status, collection.text).toBe(201);
      return collection.body.deposit_address as string;
    }

    /** an address derived ahead and waiting in the pool, not yet handed to any payment */
    async function pooledAddress(): Promise<string> {
      const address = gw.wallets.depositAddress(900_000);
      await gw.db.db.insertInto('deposit_pool').values({ deposit_index: 900_000, address, created_at: 0 }).execute();
      return address;
    }

    describe('payouts', () => {
      it('refuses the zero address, the token contract, the hot wallet and deposit addresses, storing nothing', async () => {
        const refused: Array<[string, RegExp]> = [
          [ZERO_ADDRESS, /zero address/],
          [TOKEN_CONTRACT, /token contract/],
          [gw.hotWalletAddress, /hot wallet/],
          [await depositAddress(), /deposit address/],
          [await pooledAddress(), /deposit address/],
        ];
        const before = await gw.count('payments');
        for (const [address, message] of refused) expectRefused(await payout(address), 'payee_address', message);
        expect(await gw.count('payments')).toBe(before);
        expect((await payout(payee)).status).toBe(201);
      });

      it('refuses those payees in a batch by index and creates the other items', async () => {
        const deposit = await depositAddress();
        const before = await gw.count('payments');
        const payees = [payee, ZERO_ADDRESS, TOKEN_CONTRACT, gw.hotWalletAddress, deposit, gw.addresses[1] as string];
        const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
          key: gw.adminKey,
          body: { payments: payees.map((payee_address) => ({ payment_method: 'route', payee_address, amount: '1' })) },
        });
        expect(res.status, res.text).toBe(201);
        expect(res.body).toMatchObject({ created_count: 2, rejected_count: 4 });
        expect(res.body.results?.map((r) => r.status)).toEqual(['created', 'rejected', 'rejected', 'rejected', 'rejected', 'created']);
        for (const index of [1, 2, 3, 4]) {
          expect(res.body.results?.[index]?.errors?.map((e) => e.path)).toEqual([`payments/${index}/payee_address`]);
        }
        expect(await gw.count('payments')).toBe(before + 2);
      });

      it('refuses an atomic batch holding one such payee, storing nothing', async () => {
        const before = await gw.count('payments');
        const payments = [
          { payment_method: 'route', payee_address: payee, amount: '1' },
          { payment_method: 'route', payee_address: await depositAddress(), amount: '1' },
        ];
        const res = await gw.call('POST', '/api/v1/payments/batch', { key: gw.adminKey, body: { payments, atomic: true } });
        expectRefused(res, 'payments/1/payee_address', /deposit address/);
        expect(await gw.count('payments')).toBe(before + 1); // the collection depositAddress() created
      });
    });

    describe('collections', () => {
      it('refuse the zero address and the token contract as payee: settlement would pay them', async () => {
        expectRefused(await create({ payee_address: ZERO_ADDRESS, amount: '10' }), 'payee_address', /zero address/);
        expectRefused(await create({ payee_address: TOKEN_CONTRACT, amount: '10' }), 'payee_address', /token contract/);
      });
    });

    it.runIf(engine === 'postgres')('looks deposit addresses up once for a 1000-payout batch, and never for collections', async () => {
      poolReads.length = 0;
      const addresses = testAddresses(1000, 2000);
      const payouts = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
        key: gw.adminKey,
        body: { payments: addresses.map((payee_address) => ({ payment_method: 'route', payee_address, amount: '1' })) },
      });
      expect(payouts.status, payouts.text).toBe(201);
      expect(payouts.body.created_count).toBe(1000);
      expect(poolReads).toHaveLength(1);

      poolReads.length = 0;
      const collections = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
        key: gw.adminKey,
        body: { payments: addresses.slice(0, 100).map((payee_address) => ({ payee_address, amount: '1' })) },
      });
      expect(collections.status, collections.text).toBe(201);
      expect((await create({ payee_address: payee, amount: '1' })).status).toBe(201);
      expect(poolReads).toEqual([]);
    });

    describe('metadata keys', () => {
      const long = 'k'.repeat(65);

      it('accepts keys of 64 characters and refuses longer ones naming metadata/<key>, storing nothing', async () => {
        const before = await gw.count('payments');
        expectRefused(await create({ payee_address: payee, amount: '1', metadata: { ok: 1, [long]: 2 } }), `metadata/${long}`, /64/);
        expect(await gw.count('payments')).toBe(before);
        const ok = await create({ payee_address: payee, amount: '1', metadata: { ['k'.repeat(64)]: 1 } });
        expect(ok.status, ok.text).toBe(201);
      });

      it('refuses a long key in a batch item by index', async () => {
        const res = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
          key: gw.adminKey,
          body: {
            payments: [
              { payee_address: payee, amount: '1' },
              { payee_address: payee, amount: '1', metadata: { [long]: true } },
            ],
          },
        });
        expect(res.status, res.text).toBe(201);
        expect(res.body.results?.[1]?.errors?.map((e) => e.path)).toEqual([`payments/1/metadata/${long}`]);
      });

      it('keeps metadata values as opaque JSON: a NUL there is stored and read back on both engines', async () => {
        const res = await create({ payee_address: payee, amount: '1', metadata: { note: 'a\u0000b' } });
        expect(res.status, res.text).toBe(201);
        const read = await gw.call<PaymentJson>('GET', `/api/v1/payments/${res.body.payment_id}`, { key: gw.adminKey });
        expect(read.body.metadata).toEqual({ note: 'a\u0000b' });
      });
    });
  });
}

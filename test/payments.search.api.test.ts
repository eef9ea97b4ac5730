/**
 * Finding payments by an address or a transaction id (GET /api/v1/payments?address=…&transaction_id=…),
 * as the dashboard's search does, on SQLite and PostgreSQL: an address matches the deposit, payer or
 * payee address, a transaction id matches in any letter case, and other merchants' payments never show;
 * include_total counts the whole filtered set (the dashboard's export shows its progress against it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { type ListJson, type PaymentJson, startTestGateway, type TestGateway } from './gateway-harness.js';

describe.each(ENGINES)('payments search by address and transaction (%s)', (engine) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(engine);
  });
  afterAll(async () => gw?.close());

  const create = async (body: Record<string, unknown>, key = gw.adminKey) => {
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key, body: { amount: '5', ...body } });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const ids = async (query: string, key = gw.adminKey) => {
    const res = await gw.call<ListJson>('GET', `/api/v1/payments?${query}`, { key });
    expect(res.status, res.text).toBe(200);
    return res.body.data.map((p) => p.payment_id).sort();
  };

  it('matches the deposit, payer or payee address, and the transaction id in any case', async () => {
    const [payeeA, payeeB, payer] = gw.addresses as [string, string, string];
    const first = await create({ payee_address: payeeA, payer_address: payer });
    const second = await create({ payee_address: payeeB });
    const third = await create({ payee_address: payeeB, payer_address: payer });

    expect(await ids(`address=${first.deposit_address}`)).toEqual([first.payment_id]);
    expect(await ids(`address=${payeeB}`)).toEqual([second.payment_id, third.payment_id].sort());
    expect(await ids(`address=${payer}`)).toEqual([first.payment_id, third.payment_id].sort());
    expect(await ids(`address=${payer}&payment_method=direct_transfer`)).toEqual([]);

    const txid = 'ab'.repeat(32);
    await gw.db.db.updateTable('payments').set({ transaction_id: txid }).where('id', '=', second.payment_id).execute();
    expect(await ids(`transaction_id=${txid}`)).toEqual([second.payment_id]);
    expect(await ids(`transaction_id=${txid.toUpperCase()}`)).toEqual([second.payment_id]);
    expect(await ids(`transaction_id=${'cd'.repeat(32)}`)).toEqual([]);

    // another merchant's payment to the same payee stays its own
    const other = await gw.createMerchant('other shop');
    const theirs = await create({ payee_address: payeeA }, other.adminKey);
    expect(await ids(`address=${payeeA}`)).toEqual([first.payment_id]);
    expect(await ids(`address=${payeeA}`, other.adminKey)).toEqual([theirs.payment_id]);
  });

  it('counts every payment the filters keep with include_total, whatever the page', async () => {
    const payee = gw.addresses[3] as string;
    for (let i = 0; i < 5; i++) await create({ payee_address: payee, amount: `${i + 1}` });
    const page = async (query: string) =>
      (await gw.call<ListJson & { total_count?: number }>('GET', `/api/v1/payments?${query}`, { key: gw.adminKey })).body;
    const first = await page(`address=${payee}&limit=2&include_total=true`);
    expect([first.data.length, first.has_more, first.total_count]).toEqual([2, true, 5]);
    const next = await page(`address=${payee}&limit=2&include_total=true&starting_after=${first.next_cursor}`);
    expect(next.total_count).toBe(5); // the filtered set, not what is left after the cursor
    expect((await page(`address=${payee}&currency=USDT&status=completed&include_total=true`)).total_count).toBe(0);
    expect(await page(`address=${payee}&limit=2`)).not.toHaveProperty('total_count');
  });
});

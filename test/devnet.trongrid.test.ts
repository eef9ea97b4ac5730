/**
 * TronGrid v1 on the devnet (PROTOCOL.md §4.3): an account's TRC-20 transfers and a contract's
 * Transfer events, with TronGrid's filters, ordering, fingerprint paging and errors, and TronWeb's
 * `event.getEventsByContractAddress` against it.
 */
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { broadcast, getJson, mineUntilSolid, newWallet, signedUsdtTransfer, startTestDevnet, type TestWallet } from './devnet-harness.js';

const TRX = 1_000_000n;

type Row = {
  transaction_id: string;
  token_info: { symbol: string; address: string; decimals: number; name: string };
  block_timestamp: number;
  from: string;
  to: string;
  type: string;
  value: string;
};
type EventRow = {
  block_number: number;
  block_timestamp: number;
  contract_address: string;
  event_index: number;
  event_name: string;
  result: Record<string, string>;
  result_type: Record<string, string>;
  transaction_id: string;
  _unconfirmed?: boolean;
};
type Page<T> = { data: T[]; success: boolean; meta: { at: number; page_size: number; fingerprint?: string; links?: { next: string } } };

describe('devnet TronGrid v1', () => {
  let devnet: Devnet;
  let payer: TestWallet;
  let receiver: TestWallet;
  /** txids of the transfers that touch `receiver`, in chain order */
  const receiverTxids: string[] = [];
  let unconfirmedTxid = '';
  let failedTxid = '';

  const trc20 = async (address: string, query = ''): Promise<{ status: number; json: Page<Row> }> => {
    const { status, json } = await getJson(`${devnet.url}/v1/accounts/${address}/transactions/trc20${query}`);
    return { status, json: json as unknown as Page<Row> };
  };
  const events = async (query = ''): Promise<{ status: number; json: Page<EventRow> }> => {
    const { status, json } = await getJson(`${devnet.url}/v1/contracts/${devnet.usdtAddress}/events${query}`);
    return { status, json: json as unknown as Page<EventRow> };
  };
  const send = async (from: TestWallet, to: TestWallet, amount: bigint, feeLimit?: bigint) => {
    const tx = signedUsdtTransfer(devnet, from, to.base58, amount, feeLimit);
    expect((await broadcast(devnet, tx)).json.result).toBe(true);
    devnet.mine(1);
    return tx.txID;
  };

  beforeAll(async () => {
    devnet = await startTestDevnet();
    payer = newWallet();
    receiver = newWallet();
    devnet.fund(payer.base58, { trx: 1000n * TRX, usdt: 1000n * TRX });
    devnet.fund(receiver.base58, { trx: 100n * TRX });
    devnet.mine(1);
    for (const amount of [1n, 2n, 3n]) receiverTxids.push(await send(payer, receiver, amount * TRX));
    receiverTxids.push(await send(receiver, payer, TRX / 2n));
    // a failed transfer (REVERT: more than the balance) emits no Transfer event
    failedTxid = await send(receiver, payer, 10_000n * TRX);
    mineUntilSolid(devnet);
    unconfirmedTxid = await send(payer, receiver, 4n * TRX);
    receiverTxids.push(unconfirmedTxid);
  });

  afterAll(async () => {
    await devnet.stop();
  });

  describe('/v1/accounts/{address}/transactions/trc20', () => {
    it('lists rows in TronGrid shape, newest first, for a base58 and a hex address alike', async () => {
      const { status, json } = await trc20(receiver.base58);
      expect(status).toBe(200);
      expect(json.success).toBe(true);
      expect(json.meta.page_size).toBe(5);
      expect(json.meta.fingerprint).toBeUndefined();
      expect(json.data.map((r) => r.transaction_id)).toEqual([...receiverTxids].reverse());
      const first = json.data[json.data.length - 1] as Row;
      expect(first).toEqual({
        transaction_id: receiverTxids[0],
        token_info: { symbol: 'USDT', address: devnet.usdtAddress, decimals: 6, name: 'Tether USD' },
        block_timestamp: Number(devnet.chain.transaction(receiverTxids[0] as string)?.blockTimestamp),
        from: payer.base58,
        to: receiver.base58,
        type: 'Transfer',
        value: '1000000',
      });
      expect(json.data.map((r) => r.value)).toEqual(['4000000', '500000', '3000000', '2000000', '1000000']);
      expect(json.data.map((r) => r.transaction_id)).not.toContain(failedTxid);
      expect((await trc20(receiver.hex)).json.data).toEqual(json.data);
    });

    it('filters with only_to and only_from', async () => {
      const to = (await trc20(receiver.base58, '?only_to=true')).json.data;
      expect(to.map((r) => r.value)).toEqual(['4000000', '3000000', '2000000', '1000000']);
      expect(to.every((r) => r.to === receiver.base58)).toBe(true);
      const from = (await trc20(receiver.base58, '?only_from=true')).json.data;
      expect(from.map((r) => r.value)).toEqual(['500000']);
      expect(from[0]?.from).toBe(receiver.base58);
    });

    it('only_confirmed excludes unsolidified transfers, only_unconfirmed keeps only them, both at once is a 400', async () => {
      const confirmed = (await trc20(receiver.base58, '?only_confirmed=true')).json.data;
      expect(confirmed.map((r) => r.transaction_id)).not.toContain(unconfirmedTxid);
      expect(confirmed).toHaveLength(4);
      const unconfirmed = (await trc20(receiver.base58, '?only_unconfirmed=true')).json.data;
      expect(unconfirmed.map((r) => r.transaction_id)).toEqual([unconfirmedTxid]);
      const both = await trc20(receiver.base58, '?only_confirmed=true&only_unconfirmed=true');
      expect(both.status).toBe(400);
      expect(both.json.success).toBe(false);
    });

    it('orders by block_timestamp asc or desc', async () => {
      const asc = (await trc20(receiver.base58, '?order_by=block_timestamp,asc')).json.data;
      const desc = (await trc20(receiver.base58, '?order_by=block_timestamp,desc')).json.data;
      expect(asc.map((r) => r.transaction_id)).toEqual(receiverTxids);
      expect(desc).toEqual([...asc].reverse());
      const stamps = asc.map((r) => r.block_timestamp);
      expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
      expect((await trc20(receiver.base58, '?order_by=value,asc')).status).toBe(400);
    });

    it('pages with limit and meta.fingerprint, covering every row exactly once', async () => {
      for (const order of ['asc', 'desc']) {
        const seen: string[] = [];
        let query = `?limit=2&order_by=block_timestamp,${order}`;
        let pages = 0;
        for (;;) {
          const { json } = await trc20(receiver.base58, query);
          pages++;
          expect(json.data.length).toBeLessThanOrEqual(2);
          expect(json.meta.page_size).toBe(json.data.length);
          seen.push(...json.data.map((r) => r.transaction_id));
          if (!json.meta.fingerprint) {
            expect(json.meta.links).toBeUndefined();
            break;
          }
          expect(json.meta.links?.next).toContain(`fingerprint=${json.meta.fingerprint}`);
          query = `?limit=2&order_by=block_timestamp,${order}&fingerprint=${json.meta.fingerprint}`;
        }
        expect(pages).toBe(3);
        expect(seen).toEqual(order === 'asc' ? receiverTxids : [...receiverTxids].reverse());
      }
      // links.next can be followed as is
      const { json } = await trc20(receiver.base58, '?limit=4');
      const next = await getJson(`${devnet.url}${json.meta.links?.next}`);
      expect((next.json.data as Row[]).map((r) => r.transaction_id)).toEqual([receiverTxids[0]]);
    });

    it('answers 400 success:false for an invalid limit, address, or fingerprint', async () => {
      for (const query of ['?limit=0', '?limit=201', '?limit=abc', '?limit=1.5', '?fingerprint=garbage!', '?min_timestamp=yesterday']) {
        const { status, json } = await trc20(receiver.base58, query);
        expect(status, query).toBe(400);
        expect(json.success).toBe(false);
        expect((json as unknown as { error: string }).error).toEqual(expect.any(String));
      }
      for (const address of ['TnotAnAddress', '41zz', receiver.base58.slice(0, -1) + (receiver.base58.endsWith('a') ? 'b' : 'a')]) {
        const { status, json } = await trc20(address);
        expect(status, address).toBe(400);
        expect(json.success).toBe(false);
        expect((json as unknown as { error: string }).error).toMatch(/address/);
      }
      expect((await trc20(receiver.base58, '?limit=200')).status).toBe(200);
    });

    it('answers an empty list for an address without transfers', async () => {
      const { status, json } = await trc20(newWallet().base58);
      expect(status).toBe(200);
      expect(json).toMatchObject({ data: [], success: true, meta: { page_size: 0 } });
    });

    it('filters by min_timestamp / max_timestamp', async () => {
      const all = (await trc20(receiver.base58, '?order_by=block_timestamp,asc')).json.data;
      const mid = all[2] as Row;
      const after = (await trc20(receiver.base58, `?order_by=block_timestamp,asc&min_timestamp=${mid.block_timestamp}`)).json.data;
      expect(after.map((r) => r.transaction_id)).toEqual(receiverTxids.slice(2));
      const before = (await trc20(receiver.base58, `?order_by=block_timestamp,asc&max_timestamp=${mid.block_timestamp}`)).json.data;
      expect(before.map((r) => r.transaction_id)).toEqual(receiverTxids.slice(0, 3));
    });
  });

  describe('/v1/contracts/{address}/events', () => {
    it('lists Transfer events with 0x addresses and decimal values', async () => {
      const { status, json } = await events('?event_name=Transfer&order_by=block_timestamp,asc&limit=200');
      expect(status).toBe(200);
      expect(json.success).toBe(true);
      const mine = json.data.filter((e) => receiverTxids.includes(e.transaction_id));
      expect(mine.map((e) => e.transaction_id)).toEqual(receiverTxids);
      const first = mine[0] as EventRow;
      expect(first).toMatchObject({
        contract_address: devnet.usdtAddress,
        event_index: 0,
        event_name: 'Transfer',
        result_type: { from: 'address', to: 'address', value: 'uint256' },
      });
      expect(first.result).toEqual({
        0: `0x${payer.hex.slice(2)}`,
        1: `0x${receiver.hex.slice(2)}`,
        2: '1000000',
        from: `0x${payer.hex.slice(2)}`,
        to: `0x${receiver.hex.slice(2)}`,
        value: '1000000',
      });
      expect(first.result.from).toMatch(/^0x[0-9a-f]{40}$/);
      expect(json.data.map((e) => e.transaction_id)).not.toContain(failedTxid);
    });

    it('marks _unconfirmed only before solidification', async () => {
      const { json } = await events('?event_name=Transfer');
      const pending = json.data.find((e) => e.transaction_id === unconfirmedTxid);
      expect(pending?._unconfirmed).toBe(true);
      const solid = json.data.find((e) => e.transaction_id === receiverTxids[0]);
      expect(solid).toBeDefined();
      expect(solid).not.toHaveProperty('_unconfirmed');
      expect((await events('?only_confirmed=true')).json.data.map((e) => e.transaction_id)).not.toContain(unconfirmedTxid);
      expect((await events('?only_unconfirmed=true')).json.data.map((e) => e.transaction_id)).toEqual([unconfirmedTxid]);
    });

    it('filters by block_number and by event name', async () => {
      const block = devnet.chain.transaction(receiverTxids[1] as string)?.blockNumber;
      const { json } = await events(`?event_name=Transfer&block_number=${block}`);
      expect(json.data.map((e) => e.transaction_id)).toEqual([receiverTxids[1]]);
      expect(json.data[0]?.block_number).toBe(Number(block));
      expect((await events('?event_name=Approval')).json.data).toEqual([]);
      expect((await events('?block_number=x')).status).toBe(400);
    });

    it('pages with fingerprint over every event exactly once', async () => {
      const all = (await events('?limit=200')).json.data.map((e) => e.transaction_id);
      const seen: string[] = [];
      let query = '?limit=3';
      for (;;) {
        const { json } = await events(query);
        seen.push(...json.data.map((e) => e.transaction_id));
        if (!json.meta.fingerprint) break;
        query = `?limit=3&fingerprint=${json.meta.fingerprint}`;
      }
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(all.length);
    });

    it("works through TronWeb's event.getEventsByContractAddress", async () => {
      const tronWeb = new TronWeb({ fullHost: devnet.url });
      const res = await tronWeb.event.getEventsByContractAddress(devnet.usdtAddress, {
        eventName: 'Transfer',
        onlyConfirmed: true,
        orderBy: 'block_timestamp,asc',
        limit: 50,
      });
      expect(res.success).toBe(true);
      const ids = (res.data ?? []).map((e) => e.transaction_id);
      expect(ids.filter((id) => receiverTxids.includes(id))).toEqual(receiverTxids.slice(0, 4));
      expect(ids).not.toContain(unconfirmedTxid);
      const stamps = (res.data ?? []).map((e) => e.block_timestamp);
      expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
      // TronWeb's HTTP provider rejects on the 400 status before reading the body.
      await expect(tronWeb.event.getEventsByContractAddress(devnet.usdtAddress, { limit: 0 })).rejects.toThrow(/400/);
    });
  });
});

/**
 * The chain sender's promises (SPEC §5): it signs once and stores the bytes before broadcasting, sends the
 * same bytes again after transient failures and after a crash, signs anew only once the old transaction
 * has provably expired unseen, and takes urgent sends first. Every case ends with the devnet showing
 * exactly one transfer to the payee.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetRegistry } from '../src/modules/assets/asset-registry.js';
import { ChainSender } from '../src/modules/chain/chain-sender.js';
import type { ChainSendQueue } from '../src/modules/chain/send-queue.js';
import { toHexAddress } from '../src/tron/address.js';
import { ENGINES } from './db-harness.js';
import { newWallet, postJson, usdtBalance } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

describe.each(ENGINES)('chain sender (%s)', (engine) => {
  let gw: MoneyGateway;
  beforeAll(async () => {
    gw = await startMoneyGateway(engine, {
      // one send per run shows the order; short backoffs keep retries quick
      config: { payment_processing: { payouts: { batch_size: 1, retry_base_ms: 10, retry_max_ms: 20 } } },
    });
  });
  afterAll(async () => gw?.close());

  const sender = () => gw.core.sender as NonNullable<typeof gw.core.sender>;
  const tracker = () => gw.core.tracker as NonNullable<typeof gw.core.tracker>;
  const faults = (body: Record<string, unknown>) => postJson(`${gw.devnet.url}/devnet/faults`, body);
  const payout = async (amount: string, priority = 'normal'): Promise<{ id: string; payee: string; net: bigint }> => {
    const payee = newWallet().base58;
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payment_method: 'route', payee_address: payee, amount, priority },
    });
    expect(res.status, res.text).toBe(201);
    await gw.core.runner.runOnce();
    return { id: res.body.payment_id, payee, net: units(res.body.net_amount) };
  };
  const sendsOf = (paymentId: string) =>
    gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', paymentId).orderBy('sequence').execute();
  const status = async (id: string) => (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body;
  const transfersTo = (address: string) => gw.devnet.chain.events.filter((e) => e.to === toHexAddress(address));
  const finish = async () => {
    gw.mine(1);
    await tracker().runOnce();
    gw.mineUntilSolid();
    await tracker().runOnce();
  };

  it('a dropped broadcast expires provably, is signed anew once, and lands exactly once', async () => {
    const p = await payout('20');
    await faults({ drop_broadcasts: 1 });
    expect(await sender().runOnce()).toMatchObject({ broadcast: 1 });
    const [first] = await sendsOf(p.id);
    gw.mine(2);
    // not yet expired: nothing is decided, nothing is signed again
    expect(await tracker().runOnce()).toMatchObject({ expired: 0, requeued: 0 });
    expect(await sender().runOnce()).toMatchObject({ claimed: 0 });

    // the chain's clock passes the expiration and those blocks solidify
    gw.devnet.chain.produceBlock(BigInt(first?.expiration ?? 0) + 1000n);
    gw.mineUntilSolid();
    await faults({ reset: true });
    expect(await tracker().runOnce()).toMatchObject({ expired: 1, requeued: 1 });
    expect(await sender().runOnce()).toMatchObject({ signed: 1, broadcast: 1 });
    await finish();

    const sends = await sendsOf(p.id);
    expect(sends.map((s) => [Number(s.sequence), s.status])).toEqual([
      [1, 'expired'],
      [2, 'completed'],
    ]);
    expect(sends[1]?.tx_id).not.toBe(sends[0]?.tx_id);
    expect(await status(p.id)).toMatchObject({ status: 'completed', transaction_id: sends[1]?.tx_id });
    expect(transfersTo(p.payee)).toHaveLength(1);
    expect(await usdtBalance(gw.devnet, p.payee)).toBe(p.net);
  });

  it('retries 503s and 429s with the same signed bytes, and the transfer lands once', async () => {
    const p = await payout('30');
    expect(await sender().runOnce({ signOnly: true })).toMatchObject({ signed: 1 });
    const [signed] = await sendsOf(p.id);
    expect(signed?.status).toBe('signed');

    await faults({ error_rate: 1, error_status: 503 });
    expect(await sender().runOnce()).toMatchObject({ retried: 1, broadcast: 0 });
    await faults({ reset: true, rate_limit_rate: 1 });
    await sleep(30);
    expect(await sender().runOnce()).toMatchObject({ retried: 1, broadcast: 0 });
    const [retried] = await sendsOf(p.id);
    expect(retried).toMatchObject({ status: 'signed', tx_id: signed?.tx_id, signed_tx: signed?.signed_tx });
    expect(Number(retried?.attempts)).toBe(2);

    await faults({ reset: true });
    await sleep(30);
    expect(await sender().runOnce()).toMatchObject({ broadcast: 1 });
    await finish();
    const [done] = await sendsOf(p.id);
    expect(done).toMatchObject({ status: 'completed', tx_id: signed?.tx_id, sequence: expect.anything() });
    expect(Number(done?.sequence)).toBe(1);
    expect(transfersTo(p.payee)).toHaveLength(1);
    expect(await usdtBalance(gw.devnet, p.payee)).toBe(p.net);
  });

  it('after a crash between storing and broadcasting, a fresh sender broadcasts the stored bytes: one transfer', async () => {
    const p = await payout('40');
    expect(await sender().runOnce({ signOnly: true })).toMatchObject({ signed: 1 });
    const [stored] = await sendsOf(p.id);

    // another process: its own sender instance over the same database and node
    const fresh = new ChainSender({
      db: gw.db.db,
      engine,
      client: gw.tronChain.client,
      assets: gw.tronChain.assets as AssetRegistry,
      signer: gw.signer,
      queue: gw.core.sends as ChainSendQueue,
      clock: { now: () => Date.now() },
      workerId: 'restarted-process:sender',
      settings: {
        batchSize: 10,
        maxConcurrent: 10,
        broadcastConcurrency: 4,
        txExpirationMs: 120_000,
        retryBaseMs: 10,
        retryMaxMs: 20,
        claimLeaseMs: 30_000,
      },
      logger: { warn: () => {} },
    });
    expect(await fresh.runOnce()).toMatchObject({ signed: 0, broadcast: 1 });
    await finish();
    const sends = await sendsOf(p.id);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ status: 'completed', tx_id: stored?.tx_id, signed_tx: stored?.signed_tx });
    expect(transfersTo(p.payee)).toHaveLength(1);
    expect(await usdtBalance(gw.devnet, p.payee)).toBe(p.net);
  });

  it('sends urgent payouts before low ones', async () => {
    const low = await payout('10', 'low');
    const normal = await payout('10', 'normal');
    const urgent = await payout('10', 'urgent');
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await sender().runOnce();
      for (const p of [low, normal, urgent]) {
        const [s] = await sendsOf(p.id);
        if (s?.status === 'broadcast' && !order.includes(p.id)) order.push(p.id);
      }
    }
    expect(order).toEqual([urgent.id, normal.id, low.id]);
    await finish();
    for (const p of [low, normal, urgent]) expect((await status(p.id)).status).toBe('completed');
  });
});

function units(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole as string) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Cancelling a payout whose transfer is queued (SPEC §3.3): the queued send is cancelled in the same
 * transaction, and a sender that already claimed it stores and broadcasts nothing; once the transaction
 * is signed the cancel is refused with 409 and the payout completes.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetRegistry } from '../src/modules/assets/asset-registry.js';
import { ChainSender } from '../src/modules/chain/chain-sender.js';
import type { ChainSendQueue } from '../src/modules/chain/send-queue.js';
import { toHexAddress } from '../src/tron/address.js';
import type { TronClient } from '../src/tron/client.js';
import { ENGINES } from './db-harness.js';
import { newWallet, usdtBalance } from './devnet-harness.js';
import type { PaymentJson, ProblemJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

describe.each(ENGINES)('cancelling a payout (%s)', (engine) => {
  let gw: MoneyGateway;
  beforeAll(async () => {
    gw = await startMoneyGateway(engine);
  });
  afterAll(async () => gw?.close());

  const sender = () => gw.core.sender as NonNullable<typeof gw.core.sender>;
  const tracker = () => gw.core.tracker as NonNullable<typeof gw.core.tracker>;
  const payout = async (): Promise<{ id: string; payee: string }> => {
    const payee = newWallet().base58;
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payment_method: 'route', payee_address: payee, amount: '15' },
    });
    expect(res.status, res.text).toBe(201);
    // the payout.send job queues the send
    await gw.core.runner.runOnce();
    return { id: res.body.payment_id, payee };
  };
  const cancel = (id: string) =>
    gw.call<PaymentJson & ProblemJson>('POST', `/api/v1/payments/${id}/cancel`, { key: gw.adminKey, body: {} });
  const sendsOf = (paymentId: string) =>
    gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', paymentId).orderBy('sequence').execute();
  const status = async (id: string) => (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body;
  /** every block and the pool: nothing of the gateway's ever reached the payee */
  const nothingOnChain = async (payee: string) => {
    gw.mineUntilSolid();
    expect(gw.devnet.chain.events.filter((e) => e.to === toHexAddress(payee))).toEqual([]);
    expect(await usdtBalance(gw.devnet, payee)).toBe(0n);
  };

  it('cancelled before it is signed: the queued send is cancelled with it and nothing reaches the chain', async () => {
    const p = await payout();
    expect((await sendsOf(p.id)).map((s) => s.status)).toEqual(['queued']);
    const res = await cancel(p.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(await sendsOf(p.id)).toMatchObject([{ status: 'failed', failure_reason: 'cancelled', tx_id: null, signed_tx: null }]);

    expect(await sender().runOnce()).toMatchObject({ claimed: 0, signed: 0, broadcast: 0 });
    await tracker().runOnce();
    await nothingOnChain(p.payee);
    expect((await status(p.id)).status).toBe('cancelled');
  });

  it('cancelled after a sender claimed it but before it stored the signed bytes: that sender stores and sends nothing', async () => {
    const p = await payout();
    const client = gw.tronChain.client;
    let cancelled: Awaited<ReturnType<typeof cancel>> | undefined;
    // the sender reads the head block right before it signs: the cancel commits exactly then
    const racing = new Proxy(client, {
      get(target, prop) {
        if (prop === 'getNowBlock') {
          return async () => {
            cancelled ??= await cancel(p.id);
            return target.getNowBlock();
          };
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as TronClient;
    const claimed = new ChainSender({
      db: gw.db.db,
      engine,
      client: racing,
      assets: gw.tronChain.assets as AssetRegistry,
      signer: gw.signer,
      queue: gw.core.sends as ChainSendQueue,
      clock: { now: () => Date.now() },
      workerId: 'racing-process:sender',
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
    expect(await claimed.runOnce()).toMatchObject({ claimed: 1, signed: 0, broadcast: 0 });
    expect(cancelled?.status, cancelled?.text).toBe(200);
    expect(await sendsOf(p.id)).toMatchObject([{ status: 'failed', failure_reason: 'cancelled', tx_id: null, signed_tx: null }]);
    expect(await sender().runOnce()).toMatchObject({ claimed: 0 });
    await nothingOnChain(p.payee);
    expect((await status(p.id)).status).toBe('cancelled');
  });

  it('cancelled once signed: 409 "being sent", and the payout completes', async () => {
    const p = await payout();
    // signed and stored, not broadcast yet (the state a crash before the broadcast leaves)
    expect(await sender().runOnce({ signOnly: true })).toMatchObject({ signed: 1 });
    const refused = await cancel(p.id);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.detail).toMatch(/being sent/);
    expect((await status(p.id)).status).toBe('pending');
    expect((await sendsOf(p.id)).map((s) => s.status)).toEqual(['signed']);

    expect(await sender().runOnce()).toMatchObject({ broadcast: 1 });
    expect((await cancel(p.id)).status).toBe(409);
    gw.mine(1);
    await tracker().runOnce();
    gw.mineUntilSolid();
    await tracker().runOnce();
    const done = await status(p.id);
    expect(done.status).toBe('completed');
    expect(await usdtBalance(gw.devnet, p.payee)).toBe(units(done.net_amount));
  });
});

/** "14.85" → 14_850_000n */
function units(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole as string) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

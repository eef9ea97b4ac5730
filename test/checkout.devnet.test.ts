/**
 * Live status of the hosted checkout on the devnet (issue 21): a customer pays an invoice with a real
 * signed transfer while the page's status stream is open; the scanner (driven pass by pass) records it
 * and the stream delivers "seen", then "underpaid"/"completed" states, each within a second of the pass
 * that recorded the block. Both engines.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { broadcast, newWallet, signedUsdtTransfer, type TestWallet } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';
import { eventReader } from './sse-reader.js';

const USDT = 1_000_000n;

describe.each(ENGINES)('checkout live status on the devnet (%s)', (engine) => {
  let gw: MoneyGateway;
  let payer: TestWallet;
  let base: string;

  beforeAll(async () => {
    gw = await startMoneyGateway(engine, { config: { payment_processing: { priorities: { normal: { confirmations: 2 } } } } });
    payer = newWallet();
    await gw.fund(payer.base58, { trx: '1000', usdt: '1000' });
    gw.mine(1);
    await gw.core.scanner?.scanOnce();
    await gw.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(gw.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await gw?.app.server.close();
    await gw?.close();
  });

  const scan = async () => {
    await gw.core.scanner?.scanOnce();
    return Date.now();
  };

  it('streams waiting → underpaid (exact amount due) → seen → confirmed → completed as blocks carry the transfers', async () => {
    const res = await gw.call<PaymentJson & { checkout_url: string }>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { amount: '10', payee_address: gw.addresses[0], success_url: 'http://localhost:3000/paid' },
    });
    expect(res.status, res.text).toBe(201);
    const p = res.body;
    const controller = new AbortController();
    const stream = await fetch(`${base}${new URL(p.checkout_url).pathname}/events`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    const next = eventReader(stream.body as ReadableStream<Uint8Array>);
    try {
      expect(await next(2000)).toMatchObject({ checkoutStatus: 'waiting', amountDue: '10' });

      const send = async (units: bigint) => {
        const sent = await broadcast(gw.devnet, signedUsdtTransfer(gw.devnet, payer, p.deposit_address as string, units));
        expect(sent.json.result, JSON.stringify(sent.json)).toBe(true);
      };
      await send(4n * USDT);
      gw.mine(1);
      let recorded = await scan();
      expect(await next(1000)).toMatchObject({
        checkoutStatus: 'underpaid',
        amountReceived: '4',
        amountDue: '6',
        amountDueBaseUnits: '6000000',
      });
      expect(Date.now() - recorded).toBeLessThan(1000);

      await send(6n * USDT);
      gw.mine(1);
      recorded = await scan();
      const seen = await next(1000);
      expect(seen).toMatchObject({ checkoutStatus: 'seen', paymentStatus: 'processing', amountDue: '0' });
      expect((seen.txids as string[])[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(Date.now() - recorded).toBeLessThan(1000);

      gw.mineUntilSolid();
      await scan();
      const states: string[] = [];
      for (;;) {
        const state = await next(3000);
        states.push(state.checkoutStatus as string);
        if (state.checkoutStatus === 'completed') {
          expect(state.successUrl).toBe(`http://localhost:3000/paid?payment_id=${p.payment_id}`);
          break;
        }
      }
      expect(states).toContain('completed');
    } finally {
      controller.abort();
    }
    // the stream closed with the final state: nothing is watched any more
    await new Promise((r) => setTimeout(r, 50));
    expect(gw.core.checkoutHub.watched).toBe(0);
  });
});

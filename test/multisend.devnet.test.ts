/**
 * TRX paid through a contract (the devnet's multisend, as exchanges pay): the scanner reads the internal
 * transactions of the receipt, credits each TRX invoice once per internal transaction, completes them, and
 * a rescan or a reconciliation credits nothing twice; a reverted multisend credits nothing.
 */
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { newWallet, type TestWallet } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

const TRX = 1_000_000;

describe.each(ENGINES)('TRX invoices paid through the multisend contract (%s)', (engine) => {
  let gw: MoneyGateway;
  let payer: TestWallet;
  let tw: TronWeb;

  beforeAll(async () => {
    gw = await startMoneyGateway(engine);
    payer = newWallet();
    await gw.fund(payer.base58, { trx: '1000' });
    gw.mine(1);
    await scan(); // the first pass starts the cursor at the head
    tw = new TronWeb({ fullHost: gw.devnet.url, privateKey: payer.privateKey });
  });
  afterAll(async () => gw?.close());

  const scanner = () => {
    if (!gw.core.scanner) throw new Error('no scanner');
    return gw.core.scanner;
  };
  const scan = () => scanner().scanOnce();
  const invoice = async (amount: string): Promise<PaymentJson> => {
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { amount, currency: 'TRX', payee_address: gw.addresses[0] },
    });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const get = async (id: string) => (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body;
  const transfersOf = (id: string) => gw.db.db.selectFrom('chain_transfers').selectAll().where('payment_id', '=', id).execute();

  /** multisend(to, amounts) with `callValue` sun, mined; returns its txid. */
  async function multisend(to: string[], amounts: number[], callValue: number): Promise<string> {
    const { transaction } = await tw.transactionBuilder.triggerSmartContract(
      gw.devnet.info().multisend_contract,
      'multisend(address[],uint256[])',
      { feeLimit: 50 * TRX, callValue },
      [
        { type: 'address[]', value: to },
        { type: 'uint256[]', value: amounts },
      ],
      payer.base58,
    );
    expect((await tw.trx.sendRawTransaction(await tw.trx.sign(transaction))).result).toBe(true);
    gw.mine(1);
    return transaction.txID;
  }

  it('credits each invoice once per internal transaction and completes it; a rescan credits nothing twice', async () => {
    const [seven, three] = [await invoice('7'), await invoice('3')];
    const stranger = newWallet().base58;
    const txid = await multisend(
      [seven.deposit_address as string, stranger, three.deposit_address as string],
      [7 * TRX, TRX, 3 * TRX],
      11 * TRX,
    );
    const block = Number(gw.devnet.chain.head.number);
    await scan();
    const seen = await get(seven.payment_id);
    expect([seen.status, seen.amount_received]).toEqual(['confirmed', '7']); // one confirmation is enough by default
    gw.mineUntilSolid();
    await scan();
    for (const [p, amount, logIndex] of [
      [seven, '7', -2n],
      [three, '3', -4n],
    ] as const) {
      const now = await get(p.payment_id);
      expect([now.status, now.amount_received]).toEqual(['completed', amount]);
      const rows = await transfersOf(p.payment_id);
      expect(rows.map((r) => [r.tx_id, BigInt(r.log_index), r.asset, r.match])).toEqual([[txid, logIndex, 'TRX', 'deposit']]);
    }

    const again = await scanner().rescan(block, block);
    expect(again.outcomes).toMatchObject({ credited: 0, duplicate: 2 });
    expect((await get(seven.payment_id)).amount_received).toBe('7');
    expect(await transfersOf(seven.payment_id)).toHaveLength(1);

    // reconciliation reads the same internal transaction from the chain: verified, nothing credited again
    const recon = await gw.call<{ outcome: string; discrepancies: unknown[] }>('POST', '/api/v1/payments/reconcile', {
      key: gw.adminKey,
      body: { payment_id: three.payment_id, external_transaction_id: txid },
    });
    expect(recon.status, recon.text).toBe(201);
    expect(recon.body).toMatchObject({ outcome: 'verified', discrepancies: [] });
    expect((await get(three.payment_id)).amount_received).toBe('3');
  });

  it('a reverted multisend (amounts missing the call value) credits nothing', async () => {
    const p = await invoice('5');
    await multisend([p.deposit_address as string], [5 * TRX], 6 * TRX);
    gw.mineUntilSolid();
    await scan();
    expect((await get(p.payment_id)).status).toBe('pending');
    expect(await transfersOf(p.payment_id)).toEqual([]);
  });
});

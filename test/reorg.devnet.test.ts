/**
 * The gateway under chain reorganisations (issue 20, docs/adr/0034), on the devnet (POST /devnet/reorg is
 * `devnet.reorg`): a customer's payment whose transaction the new branch drops goes back to pending with
 * `payment.reverted` and never completes, and completes once when paid again; one the new branch
 * re-includes is not credited twice; a payout whose transaction is dropped is broadcast again with the
 * same bytes and paid exactly once.
 */
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { broadcast, newWallet, signedTransfer, type TestWallet, trxBalance, txInfo, usdtBalance } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway, baseUnits as units } from './money-harness.js';

const TRX = 1_000_000n;
/** the events of a payment a reorganisation sent back to processing, which then completed */
const BACK_TO_PROCESSING_THEN_COMPLETED = [
  'payment.created',
  'payment.started',
  'payment.confirmed',
  'payment.reverted',
  'payment.confirmed',
  'payment.completed',
];
describe.each(ENGINES)('reorganisations (%s)', (engine) => {
  let gw: MoneyGateway;
  let payer: TestWallet;
  let wallet: TronWeb;

  beforeAll(async () => {
    // two confirmations: processing and confirmed are separate blocks, both above the solidified one
    // a token transfer may burn only 1,000 energy: a USDT payout runs out of energy on chain (a failed receipt)
    gw = await startMoneyGateway(engine, {
      config: { payment_processing: { priorities: { normal: { confirmations: 2 } }, payouts: { fee_limit_energy: 1000 } } },
    });
    payer = newWallet();
    await gw.fund(payer.base58, { trx: '5000' });
    gw.mineUntilSolid();
    wallet = new TronWeb({ fullHost: gw.devnet.url, privateKey: payer.privateKey });
    await scan(); // the first pass starts the cursor at the head
  });
  afterAll(async () => gw?.close());

  const scanner = () => gw.core.scanner as NonNullable<typeof gw.core.scanner>;
  const scan = () => scanner().scanOnce();
  const sender = () => gw.core.sender as NonNullable<typeof gw.core.sender>;
  const tracker = () => gw.core.tracker as NonNullable<typeof gw.core.tracker>;
  const create = async (body: Record<string, unknown>): Promise<PaymentJson> => {
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key: gw.adminKey, body });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const get = async (id: string): Promise<PaymentJson> =>
    (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}?include=history`, { key: gw.adminKey })).body;
  const events = async (id: string) =>
    (await gw.db.db.selectFrom('outbox').select('type').where('aggregate_id', '=', id).orderBy('created_at').orderBy('id').execute()).map(
      (r) => r.type,
    );
  /** the customer's wallet pays with TronWeb: builds, signs, broadcasts */
  const payWithTronWeb = async (to: string, sun: bigint): Promise<string> => {
    const signed = await wallet.trx.sign(await wallet.transactionBuilder.sendTrx(to, Number(sun), payer.base58));
    expect((await wallet.trx.sendRawTransaction(signed)).result).toBe(true);
    return signed.txID;
  };
  const balanceOf = async (payee: string) =>
    (await gw.core.ledger.balances(gw.db.db, gw.merchantId)).find((b) => b.payeeAddress === payee)?.balance ?? 0n;
  /** a payout created, signed, broadcast and mined into the next block; its id */
  const payoutInBlock = async (payee: string, amount: string, currency: string): Promise<string> => {
    const id = (await create({ payment_method: 'route', payee_address: payee, amount, currency })).payment_id;
    await gw.core.runner.runOnce();
    expect(await sender().runOnce()).toMatchObject({ signed: 1, broadcast: 1 });
    gw.mine(1);
    return id;
  };
  /** processing after one block, confirmed after the second */
  const confirmOnChain = async (id: string) => {
    gw.mine(1);
    await scan();
    expect((await get(id)).status).toBe('processing');
    gw.mine(1);
    await scan();
    expect((await get(id)).status).toBe('confirmed');
  };

  it('a reorganisation that drops a payment: reverted to pending, never completed, completed once when paid again', async () => {
    const payee = gw.addresses[0] as string;
    const p = await create({ amount: '12', currency: 'TRX', payee_address: payee });
    const txId = await payWithTronWeb(p.deposit_address as string, 12n * TRX);
    await confirmOnChain(p.payment_id);

    gw.devnet.reorg({ depth: 2, dropTxids: [txId] });
    await scan();
    const reverted = await get(p.payment_id);
    expect(reverted).toMatchObject({ status: 'pending', amount_received: '0', confirmations: 0, transaction_id: null });
    expect(reverted.history?.at(-1)).toMatchObject({ from: 'confirmed', to: 'pending', reason: 'chain_reorganization' });
    const [transfer] = await gw.db.db.selectFrom('chain_transfers').selectAll().where('tx_id', '=', txId).execute();
    expect(transfer?.status).toBe('dropped');

    // however long the chain runs on, the removed transfer completes nothing
    gw.mineUntilSolid();
    await scan();
    gw.mineUntilSolid();
    await scan();
    expect((await get(p.payment_id)).status).toBe('pending');
    expect(await events(p.payment_id)).toEqual(['payment.created', 'payment.started', 'payment.confirmed', 'payment.reverted']);
    expect(await balanceOf(payee)).toBe(0n);

    // paid again: completes once, credited once
    const again = await payWithTronWeb(p.deposit_address as string, 12n * TRX);
    await confirmOnChain(p.payment_id);
    gw.mineUntilSolid();
    await scan();
    const done = await get(p.payment_id);
    expect(done).toMatchObject({ status: 'completed', amount_received: '12', transaction_id: again });
    expect(await events(p.payment_id)).toEqual([
      'payment.created',
      'payment.started',
      'payment.confirmed',
      'payment.reverted',
      'payment.started',
      'payment.confirmed',
      'payment.completed',
    ]);
    expect(await balanceOf(payee)).toBe(units(done.net_amount));
  });

  it('a reorganisation that drops one of two transfers: processing with what is still on chain, then completed once', async () => {
    const payee = gw.addresses[2] as string;
    const p = await create({ amount: '10', currency: 'TRX', payee_address: payee });
    const first = signedTransfer(gw.devnet, payer, p.deposit_address as string, 4n * TRX);
    expect((await broadcast(gw.devnet, first)).json.result).toBe(true);
    gw.mine(1);
    await scan();
    const second = signedTransfer(gw.devnet, payer, p.deposit_address as string, 6n * TRX);
    expect((await broadcast(gw.devnet, second)).json.result).toBe(true);
    gw.mine(1);
    await scan();
    gw.mine(1);
    await scan();
    expect(await get(p.payment_id)).toMatchObject({ status: 'confirmed', amount_received: '10' });

    gw.devnet.reorg({ depth: 2, dropTxids: [second.txID] });
    await scan();
    const back = await get(p.payment_id);
    expect(back).toMatchObject({ status: 'processing', amount_received: '4', exception: 'underpaid', transaction_id: first.txID });
    expect(back.history?.at(-1)).toMatchObject({ from: 'confirmed', to: 'processing', reason: 'chain_reorganization' });

    const topUp = signedTransfer(gw.devnet, payer, p.deposit_address as string, 6n * TRX);
    expect((await broadcast(gw.devnet, topUp)).json.result).toBe(true);
    gw.mine(2);
    await scan();
    gw.mineUntilSolid();
    await scan();
    expect(await get(p.payment_id)).toMatchObject({ status: 'completed', amount_received: '10', exception: null });
    expect(await events(p.payment_id)).toEqual(BACK_TO_PROCESSING_THEN_COMPLETED);
  });

  it('a reorganisation that re-includes the payment in a new block: no revert, no double credit', async () => {
    const payee = gw.addresses[1] as string;
    const p = await create({ amount: '7', currency: 'TRX', payee_address: payee });
    const tx = signedTransfer(gw.devnet, payer, p.deposit_address as string, 7n * TRX);
    expect((await broadcast(gw.devnet, tx)).json.result).toBe(true);
    await confirmOnChain(p.payment_id);
    const before = await gw.db.db
      .selectFrom('chain_transfers')
      .selectAll()
      .where('payment_id', '=', p.payment_id)
      .executeTakeFirstOrThrow();

    const rewound = scanner().reorgs;
    gw.devnet.reorg({ depth: 2, dropTxids: [] });
    await scan();
    expect(scanner().reorgs).toBe(rewound + 1);
    expect((await gw.call('GET', '/metrics')).text).toContain(`tpg_scanner_reorgs ${rewound + 1}`);
    const rows = await gw.db.db.selectFrom('chain_transfers').selectAll().where('payment_id', '=', p.payment_id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(before.id);
    expect(rows[0]?.status).not.toBe('dropped');
    gw.mineUntilSolid();
    await scan();
    const done = await get(p.payment_id);
    expect(done).toMatchObject({ status: 'completed', amount_received: '7' });
    expect(await events(p.payment_id)).toEqual(['payment.created', 'payment.started', 'payment.confirmed', 'payment.completed']);
    const credits = await gw.db.db.selectFrom('ledger_entries').select('amount').where('reference_id', '=', p.payment_id).execute();
    expect(credits).toHaveLength(1);
  });

  it('a reorganisation that drops a payout: the same bytes are broadcast again and the payee is paid exactly once', async () => {
    const payee = newWallet().base58;
    const id = await payoutInBlock(payee, '30', 'TRX');
    expect(await tracker().runOnce()).toMatchObject({ confirmed: 1 });
    const [send] = await gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', id).execute();
    expect((await get(id)).status).toBe('confirmed');

    gw.devnet.reorg({ depth: 1, dropTxids: [send?.tx_id as string] });
    expect(await trxBalance(gw.devnet, payee)).toBe(0n);
    expect(await tracker().runOnce()).toMatchObject({ orphaned: 1 });
    const back = await get(id);
    expect(back.status).toBe('processing');
    expect(back.history?.at(-1)).toMatchObject({ from: 'confirmed', to: 'processing', reason: 'chain_reorganization' });

    expect(await sender().runOnce()).toMatchObject({ signed: 0, broadcast: 1 });
    gw.mine(1);
    expect(await tracker().runOnce()).toMatchObject({ confirmed: 1 });
    gw.mineUntilSolid();
    expect(await tracker().runOnce()).toMatchObject({ completed: 1 });

    const sends = await gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', id).execute();
    expect(sends.map((s) => [Number(s.sequence), s.status, s.tx_id])).toEqual([[1, 'completed', send?.tx_id]]);
    const done = await get(id);
    expect(done.status).toBe('completed');
    expect(await trxBalance(gw.devnet, payee)).toBe(units(done.net_amount));
    expect(await events(id)).toEqual(BACK_TO_PROCESSING_THEN_COMPLETED);
  });

  it('a payout that failed in a block the reorganisation dropped: failing, broadcast again, failed once its block is solidified', async () => {
    const payee = newWallet().base58;
    // the fee limit is priced from the chain's energy price: read it first (a fee estimate does)
    const estimate = await gw.call('GET', '/api/v1/payments/fees/calculate?amount=5&currency=USDT&payment_method=route', {
      key: gw.adminKey,
    });
    expect(estimate.status, estimate.text).toBe(200);
    const id = await payoutInBlock(payee, '5', 'USDT');
    const sendOf = async () => (await gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', id).execute())[0];
    // out of energy in a block that is not solidified yet: the payout hears nothing
    expect(await tracker().runOnce()).toMatchObject({ confirmed: 0, failed: 0 });
    const landed = await sendOf();
    expect(landed).toMatchObject({ status: 'failing', failure_reason: 'out_of_energy' });
    const firstFee = BigInt(landed?.network_fee ?? 0);
    expect(firstFee).toBeGreaterThan(0n);
    expect((await get(id)).status).toBe('processing');

    gw.devnet.reorg({ depth: 1, dropTxids: [landed?.tx_id as string] });
    expect(await tracker().runOnce()).toMatchObject({ orphaned: 1, failed: 0 });
    expect(await sendOf()).toMatchObject({ status: 'signed', failure_reason: null, block_number: null });
    expect((await get(id)).status).toBe('processing');

    // the same bytes again: they fail again in the branch that stays, and only that failure is final
    expect(await sender().runOnce()).toMatchObject({ signed: 0, broadcast: 1 });
    gw.mine(1);
    expect(await tracker().runOnce()).toMatchObject({ failed: 0 });
    expect((await sendOf())?.status).toBe('failing');
    gw.mineUntilSolid();
    expect(await tracker().runOnce()).toMatchObject({ failed: 1 });
    const final = await sendOf();
    expect(final).toMatchObject({ status: 'failed', failure_reason: 'out_of_energy', tx_id: landed?.tx_id });
    const receipt = await txInfo(gw.devnet, landed?.tx_id as string, true);
    expect(BigInt(final?.network_fee ?? -1)).toBe(BigInt(receipt.fee as number));
    const failed = await get(id);
    expect(failed.status).toBe('failed');
    expect(await usdtBalance(gw.devnet, payee)).toBe(0n);
    expect((await events(id)).filter((type) => type === 'payment.failed')).toHaveLength(1);
    expect(await events(id)).not.toContain('payment.reverted');
  });
});

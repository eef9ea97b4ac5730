/**
 * Helpers for refund and reconciliation tests on the devnet: collect a payment for real (a test wallet
 * pays the deposit address, the scanner follows it to `completed`) and drive sends to completion.
 */
import { expect } from 'vitest';
import { broadcast, newWallet, signedUsdtTransfer, type TestWallet } from './devnet-harness.js';
import type { PaymentJson } from './gateway-harness.js';
import type { MoneyGateway } from './money-harness.js';

export const USDT = 1_000_000n;

export interface RefundJson {
  refund_id: string;
  object: 'refund';
  payment_id: string;
  status: string;
  currency: string;
  amount: string;
  reason: string | null;
  refund_address: string;
  transaction_id: string | null;
  network_fee: string | null;
  created_at: string;
  completed_at: string | null;
  origin: string;
  failure_reason: string | null;
  flagged: boolean;
}

export function moneyTools(gwRef: () => MoneyGateway) {
  const gw = () => gwRef();
  const scanner = () => {
    const s = gw().core.scanner;
    if (!s) throw new Error('no scanner');
    return s;
  };
  const sender = () => gw().core.sender as NonNullable<ReturnType<typeof gw>['core']['sender']>;
  const tracker = () => gw().core.tracker as NonNullable<ReturnType<typeof gw>['core']['tracker']>;
  const create = async (body: Record<string, unknown>, key = gw().adminKey): Promise<PaymentJson> => {
    const res = await gw().call<PaymentJson>('POST', '/api/v1/payments/create', { key, body });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const get = async (id: string, key = gw().adminKey): Promise<PaymentJson> =>
    (await gw().call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key })).body;
  const payUsdt = async (from: TestWallet, to: string, amount: bigint): Promise<string> => {
    const tx = signedUsdtTransfer(gw().devnet, from, to, amount);
    const res = await broadcast(gw().devnet, tx);
    expect(res.json.result, JSON.stringify(res.json)).toBe(true);
    return tx.txID;
  };
  /** a funded payer wallet */
  const payer = async (usdt = '1000'): Promise<TestWallet> => {
    const wallet = newWallet();
    await gw().fund(wallet.base58, { trx: '100', usdt });
    gw().mine(1);
    return wallet;
  };
  /** a USDT collection paid by `from` with `paid` base units and scanned to `completed` */
  const collect = async (
    from: TestWallet,
    body: Record<string, unknown>,
    paid: bigint,
    key = gw().adminKey,
  ): Promise<{ payment: PaymentJson; txId: string }> => {
    const created = await create(body, key);
    const txId = await payUsdt(from, created.deposit_address as string, paid);
    gw().mine(1);
    await scanner().scanOnce();
    gw().mineUntilSolid();
    await scanner().scanOnce();
    const payment = await get(created.payment_id, key);
    expect(payment.status).toBe('completed');
    return { payment, txId };
  };
  /** queued sends → broadcast → in a block → solidified */
  const settleSends = async () => {
    await gw().core.runner.runOnce();
    await sender().runOnce();
    gw().mine(1);
    await tracker().runOnce();
    gw().mineUntilSolid();
    await tracker().runOnce();
  };
  const refund = (params: Record<string, unknown>, key = gw().adminKey) =>
    gw().call<RefundJson>('POST', '/api/v1/payments/refund', { key, body: params });
  return { scanner, sender, tracker, create, get, payUsdt, payer, collect, settleSends, refund };
}

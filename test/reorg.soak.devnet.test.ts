/**
 * A soak under reorganisations (issue 20): 200 invoices paid by customers and 200 payouts, while the
 * devnet replaces the newest blocks every few blocks (random depth, a random half of their transactions
 * dropped). Customers whose transfer vanished pay again; the credits start settlements, whose sweeps
 * the storm takes back too. At the end the gateway agrees with the chain: every invoice completed once
 * with what its deposit address holds plus what was swept from it, every payout's payee paid exactly
 * once, every merchant payee holding what its settlements sent and the ledger the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { broadcast, newWallet, signedTransfer, type TestWallet, trxBalance } from './devnet-harness.js';
import type { BatchJson, PaymentJson } from './gateway-harness.js';
import { type MoneyGateway, startMoneyGateway, baseUnits as units } from './money-harness.js';

const INVOICES = 200;
const PAYOUTS = 200;
/** rounds (one block each) with reorganisations, then rounds to let everything settle */
const STORMY_ROUNDS = 36;
const CALM_ROUNDS = 30;

/** A small seeded generator: the same storm every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(ENGINES)('a soak under reorganisations (%s)', (engine) => {
  let gw: MoneyGateway;
  let payer: TestWallet;

  beforeAll(async () => {
    gw = await startMoneyGateway(engine, { config: { payment_processing: { priorities: { normal: { confirmations: 2 } } } } });
    payer = newWallet();
    await gw.fund(payer.base58, { trx: '20000' });
    gw.mineUntilSolid();
    await gw.core.scanner?.scanOnce();
  });
  afterAll(async () => gw?.close());

  it('ends with ledger = chain, every invoice completed once and every payee paid once', async () => {
    const random = seeded(20);
    const scanner = gw.core.scanner as NonNullable<typeof gw.core.scanner>;
    const sender = gw.core.sender as NonNullable<typeof gw.core.sender>;
    const tracker = gw.core.tracker as NonNullable<typeof gw.core.tracker>;
    const create = async (body: Record<string, unknown>) => {
      const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', { key: gw.adminKey, body });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    const balanceOf = async (payee: string) =>
      (await gw.core.ledger.balances(gw.db.db, gw.merchantId)).find((b) => b.payeeAddress === payee)?.balance ?? 0n;
    const get = async (id: string) => (await gw.call<PaymentJson>('GET', `/api/v1/payments/${id}`, { key: gw.adminKey })).body;

    const invoices: PaymentJson[] = [];
    for (let i = 0; i < INVOICES; i++) {
      invoices.push(await create({ amount: String(2 + (i % 5)), currency: 'TRX', payee_address: gw.addresses[i % 3] }));
    }
    // the payouts in one batch, as a merchant sends them
    const payees = Array.from({ length: PAYOUTS }, () => newWallet().base58);
    const batch = await gw.call<BatchJson>('POST', '/api/v1/payments/batch', {
      key: gw.adminKey,
      body: {
        payments: payees.map((payee, i) => ({
          payment_method: 'route',
          payee_address: payee,
          amount: String(1 + (i % 4)),
          currency: 'TRX',
        })),
      },
    });
    expect(batch.status, batch.text).toBe(201);
    expect(batch.body.created_count).toBe(PAYOUTS);
    const payouts = (batch.body.results ?? []).map((r) => ({ id: r.payment_id as string, payee: payees[r.index] as string }));
    expect(payouts).toHaveLength(PAYOUTS);
    /** the customer's live transfer per invoice: paid again only once it vanished from the chain */
    const paidWith = new Map<string, string>();
    const live = (txid: string | undefined) =>
      txid !== undefined && (gw.devnet.chain.isPending(txid) || gw.devnet.chain.transaction(txid) !== undefined);
    const customersPay = async () => {
      const pending = new Set(
        (
          await gw.db.db
            .selectFrom('payments')
            .select('id')
            .where(
              'id',
              'in',
              invoices.map((i) => i.payment_id),
            )
            .where('status', '=', 'pending')
            .execute()
        ).map((r) => r.id),
      );
      for (const invoice of invoices) {
        if (!pending.has(invoice.payment_id) || live(paidWith.get(invoice.payment_id))) continue;
        const tx = signedTransfer(gw.devnet, payer, invoice.deposit_address as string, units(invoice.amount));
        expect((await broadcast(gw.devnet, tx)).json.result).toBe(true);
        paidWith.set(invoice.payment_id, tx.txID);
      }
    };
    const pass = async () => {
      await scanner.scanOnce();
      await tracker.runOnce();
    };

    let reorgs = 0;
    for (let round = 0; round < STORMY_ROUNDS + CALM_ROUNDS; round++) {
      await gw.core.runner.runOnce();
      await sender.runOnce();
      if (round < STORMY_ROUNDS || round % 3 === 0) await customersPay();
      gw.mine(1);
      await pass();
      const chain = gw.devnet.chain;
      const room = Number(chain.head.number - chain.solidNumber);
      if (round < STORMY_ROUNDS && round % 3 === 2 && room >= 1) {
        const depth = 1 + Math.floor(random() * room);
        const replaced: string[] = [];
        for (let n = chain.head.number - BigInt(depth) + 1n; n <= chain.head.number; n++) {
          for (const t of chain.blockByNumber(n)?.txs ?? []) replaced.push(t.tx.txID);
        }
        gw.devnet.reorg({ depth, dropTxids: replaced.filter(() => random() < 0.5) });
        reorgs++;
        await pass();
      }
      if (round >= STORMY_ROUNDS && round % 5 === 4) {
        gw.mineUntilSolid();
        await pass();
      }
    }
    gw.mineUntilSolid();
    await pass();
    // what the credits set off (settlement sweeps, its transfers) runs until no send is open
    for (let i = 0; i < 20; i++) {
      const open = await gw.db.db
        .selectFrom('chain_sends')
        .select('id')
        .where('status', 'not in', ['completed', 'failed', 'expired'])
        .execute();
      if (open.length === 0) break;
      await gw.core.runner.runOnce();
      await sender.runOnce();
      gw.mine(1);
      await pass();
      gw.mineUntilSolid();
      await pass();
    }
    expect(reorgs).toBeGreaterThanOrEqual(10);
    // the storm took sweeps back too (their steps broadcast again), and settlement went on
    const orphanedSweepSteps = await gw.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'sweep.step_orphaned')
      .execute();
    expect(orphanedSweepSteps.length).toBeGreaterThan(0);
    expect(scanner.reorgs).toBeGreaterThan(0);
    // the storm did take payments and payouts back: both kinds were reverted at least once
    const reverted = await gw.db.db.selectFrom('outbox').select('aggregate_id').where('type', '=', 'payment.reverted').execute();
    const revertedIds = new Set(reverted.map((r) => r.aggregate_id));
    expect(invoices.some((i) => revertedIds.has(i.payment_id))).toBe(true);
    expect(payouts.some((p) => revertedIds.has(p.id))).toBe(true);

    for (const invoice of invoices) {
      const now = await get(invoice.payment_id);
      expect(now.status, invoice.payment_id).toBe('completed');
      // ledger = chain: what the gateway says arrived is what the deposit address holds, plus what was swept from it
      const sweeps = await gw.db.db
        .selectFrom('sweeps')
        .select('amount')
        .where('deposit_address', '=', invoice.deposit_address as string)
        .where('status', '=', 'completed')
        .execute();
      const swept = sweeps.reduce((sum, w) => sum + BigInt(w.amount), 0n);
      expect((await trxBalance(gw.devnet, invoice.deposit_address as string)) + swept).toBe(units(now.amount_received));
      const completed = await gw.db.db
        .selectFrom('outbox')
        .select('id')
        .where('aggregate_id', '=', invoice.payment_id)
        .where('type', '=', 'payment.completed')
        .execute();
      expect(completed).toHaveLength(1);
      const credits = await gw.db.db.selectFrom('ledger_entries').select('amount').where('reference_id', '=', invoice.payment_id).execute();
      expect(credits.map((c) => BigInt(c.amount))).toEqual([units(now.net_amount)]);
    }
    // every merchant payee was paid by settlement exactly what its completed settlements say, and the
    // ledger holds the rest: credits − settlements = balance
    const settlements = await gw.db.db.selectFrom('settlements').select(['payee_address', 'amount', 'status']).execute();
    expect(settlements.filter((row) => row.status === 'completed').length).toBeGreaterThan(0);
    expect(settlements.every((row) => row.status === 'completed')).toBe(true);
    for (const payee of new Set(invoices.map((i) => i.payee_address as string))) {
      const settled = settlements.filter((row) => row.payee_address === payee).reduce((sum, row) => sum + BigInt(row.amount), 0n);
      expect(await trxBalance(gw.devnet, payee)).toBe(settled);
      const credited = invoices.filter((i) => i.payee_address === payee).reduce((sum, i) => sum + units(i.net_amount), 0n);
      expect(await balanceOf(payee)).toBe(credited - settled);
    }
    // and the balance reconciliation, over every managed address, finds the chain as the records say
    const balances = await gw.core.reconciliation.compareBalances();
    expect(balances?.outcome, JSON.stringify(balances?.discrepancies)).toBe('balanced');
    for (const payout of payouts) {
      const now = await get(payout.id);
      expect(now.status, payout.id).toBe('completed');
      expect(await trxBalance(gw.devnet, payout.payee)).toBe(units(now.net_amount));
    }
  }, 180_000);
});

/**
 * The merchants' ledger (SPEC §3.7): what each merchant owes each payee, per asset. Entries are signed
 * amounts with one entry per (kind, reference) — crediting a collection twice is impossible — and
 * `merchant_balances` keeps the running sum per (merchant, payee, asset), updated in the entry's transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { moneyAdd, moneySum } from '../../db/money-sql.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Asset } from '../../shared/money.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * collection: a completed `payment_gateway` payment's net amount (credit); fee_owed: the fee of a
 * completed `direct_transfer` (debit: the merchant owes it); refund / settlement: money sent out (debit);
 * *_reversal: a failed refund or settlement gives its debit back; adjustment: an operator's correction;
 * dispute_hold / dispute_release: a disputed payment's credit taken out of the settleable balance, and
 * given back when the dispute is accepted (ADR 0033).
 */
export type LedgerKind =
  | 'collection'
  | 'fee_owed'
  | 'refund'
  | 'refund_reversal'
  | 'settlement'
  | 'settlement_reversal'
  | 'adjustment'
  | 'dispute_hold'
  | 'dispute_release';

export interface LedgerPosting {
  merchantId: string;
  payeeAddress: string;
  currency: Asset;
  kind: LedgerKind;
  /** the payment, refund or settlement id the entry is for */
  referenceId: string;
  /** positive credits, negative debits */
  amount: bigint;
}

export interface PayeeBalance {
  merchantId: string;
  payeeAddress: string;
  currency: Asset;
  balance: bigint;
}

/** A positive balance with its merchant's own settlement frequency (null: the configured one). */
export interface SettleableBalance extends PayeeBalance {
  settlementFrequency: string | null;
}

export class Ledger {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * Posts an entry and moves the balance, inside the caller's transaction. Returns false (and changes
   * nothing) when an entry of this kind for this reference exists already.
   */
  async post(trx: Executor, posting: LedgerPosting): Promise<boolean> {
    const now = this.clock.now();
    const inserted = await trx
      .insertInto('ledger_entries')
      .values({
        id: this.ids('led'),
        merchant_id: posting.merchantId,
        payee_address: posting.payeeAddress,
        currency: posting.currency,
        kind: posting.kind,
        reference_id: posting.referenceId,
        amount: posting.amount,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['kind', 'reference_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    await trx
      .insertInto('merchant_balances')
      .values({
        merchant_id: posting.merchantId,
        payee_address: posting.payeeAddress,
        currency: posting.currency,
        balance: posting.amount,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['merchant_id', 'payee_address', 'currency']).doUpdateSet((eb) => ({
          balance: moneyAdd(eb.ref('merchant_balances.balance'), posting.amount),
          updated_at: now,
        })),
      )
      .execute();
    return true;
  }

  /** Every non-zero balance of a merchant (or of all merchants), by payee and asset. */
  async balances(executor: Executor, merchantId?: string): Promise<PayeeBalance[]> {
    let query = executor.selectFrom('merchant_balances').selectAll().where('balance', '!=', 0);
    if (merchantId !== undefined) query = query.where('merchant_id', '=', merchantId);
    const rows = await query.orderBy('merchant_id').orderBy('payee_address').orderBy('currency').execute();
    return rows.map((r) => ({
      merchantId: r.merchant_id,
      payeeAddress: r.payee_address,
      currency: r.currency as Asset,
      balance: BigInt(r.balance),
    }));
  }

  /**
   * One balance, its row locked for the rest of the transaction on PostgreSQL (SQLite has one writer),
   * so that two settlements or refunds cannot both spend it.
   */
  async lockedBalance(trx: Transaction<DB>, key: Omit<PayeeBalance, 'balance'>, engine: 'sqlite' | 'postgres'): Promise<bigint> {
    let query = trx
      .selectFrom('merchant_balances')
      .select('balance')
      .where('merchant_id', '=', key.merchantId)
      .where('payee_address', '=', key.payeeAddress)
      .where('currency', '=', key.currency);
    if (engine === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? BigInt(row.balance) : 0n;
  }

  /** One balance as it stands (0 when it has none), without a lock. */
  async balanceOf(executor: Executor, key: Omit<PayeeBalance, 'balance'>): Promise<bigint> {
    const row = await executor
      .selectFrom('merchant_balances')
      .select('balance')
      .where('merchant_id', '=', key.merchantId)
      .where('payee_address', '=', key.payeeAddress)
      .where('currency', '=', key.currency)
      .executeTakeFirst();
    return row ? BigInt(row.balance) : 0n;
  }

  /** A payee's balance with its merchant's own settlement frequency (null: the configured one), for settling on a credit. */
  async balanceAndFrequency(
    executor: Executor,
    key: Omit<PayeeBalance, 'balance'>,
  ): Promise<{ balance: bigint; settlementFrequency: string | null }> {
    const merchant = await executor
      .selectFrom('merchants')
      .select('settlement_frequency')
      .where('id', '=', key.merchantId)
      .executeTakeFirst();
    return { balance: await this.balanceOf(executor, key), settlementFrequency: merchant?.settlement_frequency ?? null };
  }

  /** The entry of this kind for this reference (one at most), with its signed amount and payee. */
  async entry(executor: Executor, kind: LedgerKind, referenceId: string): Promise<{ amount: bigint; payeeAddress: string } | null> {
    const row = await executor
      .selectFrom('ledger_entries')
      .select(['amount', 'payee_address'])
      .where('kind', '=', kind)
      .where('reference_id', '=', referenceId)
      .executeTakeFirst();
    return row ? { amount: BigInt(row.amount), payeeAddress: row.payee_address } : null;
  }

  /** When the first credit (positive entry) of this balance after `after` (or ever) was posted; null: none. */
  async firstCreditAt(executor: Executor, key: Omit<PayeeBalance, 'balance'>, after: number | null): Promise<number | null> {
    let query = executor
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.min('created_at').as('first'))
      .where('merchant_id', '=', key.merchantId)
      .where('payee_address', '=', key.payeeAddress)
      .where('currency', '=', key.currency)
      .where('amount', '>', 0);
    if (after !== null) query = query.where('created_at', '>', after);
    const row = await query.executeTakeFirst();
    return row?.first === null || row?.first === undefined ? null : Number(row.first);
  }

  /** Every positive balance of an active merchant, with the merchant's settlement frequency (what settling looks at). */
  async settleableBalances(executor: Executor): Promise<SettleableBalance[]> {
    const rows = await executor
      .selectFrom('merchant_balances as b')
      .innerJoin('merchants as m', 'm.id', 'b.merchant_id')
      .select(['b.merchant_id', 'b.payee_address', 'b.currency', 'b.balance', 'm.settlement_frequency'])
      .where('b.balance', '>', 0)
      .where('m.status', '=', 'active')
      .orderBy('b.merchant_id')
      .orderBy('b.payee_address')
      .orderBy('b.currency')
      .execute();
    return rows.map((r) => ({
      merchantId: r.merchant_id,
      payeeAddress: r.payee_address,
      currency: r.currency as Asset,
      balance: BigInt(r.balance),
      settlementFrequency: r.settlement_frequency,
    }));
  }

  /** A merchant's positive balances summed per asset (over payees). */
  async pendingByAsset(executor: Executor, merchantId: string): Promise<Array<{ currency: string; total: bigint }>> {
    const rows = await executor
      .selectFrom('merchant_balances')
      .select(['currency', moneySum('balance').as('total')])
      .where('merchant_id', '=', merchantId)
      .where('balance', '>', 0)
      .groupBy('currency')
      .execute();
    return rows.map((r) => ({ currency: r.currency, total: BigInt(r.total) }));
  }

  /** Every balance summed per (merchant, asset) over payees, zero ones included (reconciliation). */
  async totalsByMerchant(executor: Executor): Promise<Array<{ merchantId: string; currency: string; total: bigint }>> {
    const rows = await executor
      .selectFrom('merchant_balances')
      .select(['merchant_id', 'currency', moneySum('balance').as('total')])
      .groupBy(['merchant_id', 'currency'])
      .execute();
    return rows.map((r) => ({ merchantId: r.merchant_id, currency: r.currency, total: BigInt(r.total) }));
  }
}

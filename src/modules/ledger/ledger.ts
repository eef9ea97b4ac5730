/**
 * The merchants' ledger (SPEC §3.7): what each merchant owes each payee, per asset. Entries are signed
 * amounts with one entry per (kind, reference) — crediting a collection twice is impossible — and
 * `merchant_balances` keeps the running sum per (merchant, payee, asset), updated in the entry's transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Asset } from '../../shared/money.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * collection: a completed `payment_gateway` payment's net amount (credit); fee_owed: the fee of a
 * completed `direct_transfer` (debit: the merchant owes it); refund / settlement: money sent out (debit);
 * *_reversal: a failed refund or settlement gives its debit back; adjustment: an operator's correction.
 */
export type LedgerKind = 'collection' | 'fee_owed' | 'refund' | 'refund_reversal' | 'settlement' | 'settlement_reversal' | 'adjustment';

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
          balance: eb(eb.ref('merchant_balances.balance'), '+', posting.amount),
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
}

/**
 * A disputed payment's credit is not the merchant's to settle until the dispute is resolved (ADR 0033):
 * disputing a credited collection posts a `dispute_hold` debit of its `collection` credit, so the
 * settleable balance no longer holds it; accepting the dispute posts the matching `dispute_release`.
 * A rejected dispute keeps its hold for good, and a refund keeps it too (the refund then debits nothing:
 * the hold already took the credit out). Each hold's reference is `<payment id>:<when>`, so a payment
 * disputed again after an accept gets a new hold.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Payment } from '../payments/payment.js';

type Executor = Kysely<DB> | Transaction<DB>;

export interface OpenHold {
  referenceId: string;
  /** the credit held (positive) */
  amount: bigint;
  payeeAddress: string;
}

export class DisputeHolds {
  constructor(private readonly ledger: Ledger) {}

  /** Takes the payment's collection credit out of its balance; false when there is none or it is held already. */
  async hold(trx: Executor, payment: Pick<Payment, 'id' | 'merchantId' | 'currency'>, at: number): Promise<boolean> {
    const credit = await this.ledger.entry(trx, 'collection', payment.id);
    if (!credit || credit.amount <= 0n || (await this.openHold(trx, payment.id))) return false;
    return this.ledger.post(trx, {
      merchantId: payment.merchantId,
      payeeAddress: credit.payeeAddress,
      currency: payment.currency,
      kind: 'dispute_hold',
      referenceId: `${payment.id}:${at}`,
      amount: -credit.amount,
    });
  }

  /** Gives a held credit back; false when nothing is held. */
  async release(trx: Executor, payment: Pick<Payment, 'id' | 'merchantId' | 'currency'>): Promise<boolean> {
    const open = await this.openHold(trx, payment.id);
    if (!open) return false;
    return this.ledger.post(trx, {
      merchantId: payment.merchantId,
      payeeAddress: open.payeeAddress,
      currency: payment.currency,
      kind: 'dispute_release',
      referenceId: open.referenceId,
      amount: open.amount,
    });
  }

  /** The payment's hold that no release matched yet. */
  async openHold(executor: Executor, paymentId: string): Promise<OpenHold | null> {
    const row = await executor
      .selectFrom('ledger_entries as h')
      .select(['h.reference_id', 'h.amount', 'h.payee_address'])
      .where('h.kind', '=', 'dispute_hold')
      .where('h.reference_id', 'like', `${paymentId}:%`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('ledger_entries as r')
              .select('r.id')
              .where('r.kind', '=', 'dispute_release')
              .whereRef('r.reference_id', '=', 'h.reference_id'),
          ),
        ),
      )
      .executeTakeFirst();
    return row ? { referenceId: row.reference_id, amount: -BigInt(row.amount), payeeAddress: row.payee_address } : null;
  }
}

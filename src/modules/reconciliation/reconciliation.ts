/**
 * Reconciliation rules (SPEC §3.9), pure: what a payment's transaction should look like on chain, and
 * the discrepancies between that and what the chain shows. No I/O, no clock.
 */
import type { ObservedTransfer } from '../collections/transfer-recorder.js';
import type { Payment } from '../payments/payment.js';
import type { TxEvidence } from './chain-evidence.js';

/**
 * Where a reconciliation stands: the seed's ReconciliationStatus. A result is stored when its run ends,
 * so `processing` is not seen yet.
 */
export const RECONCILIATION_STATUSES = ['pending', 'processing', 'completed', 'failed', 'disputed'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

/**
 * What a payment's reconciliation found: the chain agrees (`verified`), agrees and a transfer the scanner
 * missed was credited (`credited`), not confirmed enough yet (`pending`), disagrees (`disputed`, the
 * discrepancies say how), or could not be checked (`error`: no transaction, node unreachable).
 */
export type PaymentOutcome = 'verified' | 'credited' | 'pending' | 'disputed' | 'error';
/** What a balance comparison found: every managed address agrees with the records, or not. */
export type BalanceOutcome = 'balanced' | 'differences';
export type ReconciliationOutcome = PaymentOutcome | BalanceOutcome;
export const RECONCILIATION_OUTCOMES = ['verified', 'credited', 'pending', 'disputed', 'error', 'balanced', 'differences'] as const;

/** The status a finished run with this outcome is in: anything checked to the end is `completed`. */
export function statusOfOutcome(outcome: ReconciliationOutcome): ReconciliationStatus {
  switch (outcome) {
    case 'pending':
      return 'pending';
    case 'disputed':
      return 'disputed';
    case 'error':
      return 'failed';
    default:
      return 'completed';
  }
}

export interface Discrepancy {
  /** transaction_not_found, transaction_failed, wrong_asset, wrong_recipient, wrong_sender, wrong_amount, recorded_transfer_missing, amount_received_mismatch, balance_mismatch, … */
  code: string;
  message: string;
  transaction_id?: string;
  address?: string;
  /** a balance difference: the merchant whose address it is (only that merchant's /status shows it) */
  merchant_id?: string;
  asset?: string;
  expected?: string;
  actual?: string;
}

/** How the payment's transfer must look: asset, recipient, sender (null: anyone) and amount (null: any). */
export interface Expectation {
  asset: Payment['currency'];
  to: string | null;
  from: string | null;
  amount: bigint | null;
}

/**
 * payment_gateway: anyone pays the deposit address (several transfers add up, so no amount per
 * transfer); direct_transfer: the payer pays the payee (exactly amount_due when no payer is named); route: the
 * hot wallet pays the payee net_amount.
 */
export function expectationFor(payment: Payment, hotWallet: string | null): Expectation {
  switch (payment.method) {
    case 'payment_gateway':
      return { asset: payment.currency, to: payment.depositAddress, from: null, amount: null };
    case 'direct_transfer':
      // without a payer, the unique amount is what names the payment
      return { asset: payment.currency, to: payment.payeeAddress, from: payment.payerAddress, amount: payment.amountDue ?? null };
    default:
      return { asset: payment.currency, to: payment.payeeAddress, from: hotWallet, amount: payment.netAmount };
  }
}

export interface TxCheck {
  discrepancies: Discrepancy[];
  /** the transfers of this transaction that are this payment's (right asset, recipient and sender) */
  matching: ObservedTransfer[];
}

/** Compares one transaction with the expectation. */
/** `money` formats an asset's base units (the asset catalogue's `format`). */
export type FormatMoney = (asset: string, units: bigint) => string;

export function checkTransaction(evidence: TxEvidence, expected: Expectation, money: FormatMoney): TxCheck {
  const tx = evidence.txId;
  const out: TxCheck = { discrepancies: [], matching: [] };
  if (!evidence.found) {
    out.discrepancies.push({ code: 'transaction_not_found', message: `transaction ${tx} is not on chain`, transaction_id: tx });
    return out;
  }
  if (!evidence.success) {
    out.discrepancies.push({
      code: 'transaction_failed',
      message: `transaction ${tx} did not succeed (${evidence.result ?? 'no result'})`,
      transaction_id: tx,
      actual: evidence.result ?? 'unknown',
    });
    return out;
  }
  const ofAsset = evidence.transfers.filter((t) => t.asset === expected.asset);
  if (ofAsset.length === 0) {
    const assets = [...new Set(evidence.transfers.map((t) => t.asset))];
    out.discrepancies.push({
      code: 'wrong_asset',
      message: `transaction ${tx} moves no ${expected.asset}`,
      transaction_id: tx,
      expected: expected.asset,
      actual: assets.length > 0 ? assets.join(',') : 'nothing',
    });
    return out;
  }
  const toRight = expected.to === null ? ofAsset : ofAsset.filter((t) => t.to === expected.to);
  if (toRight.length === 0) {
    out.discrepancies.push({
      code: 'wrong_recipient',
      message: `transaction ${tx} pays ${ofAsset.map((t) => t.to).join(', ')}, not ${expected.to}`,
      transaction_id: tx,
      expected: expected.to ?? '',
      actual: ofAsset.map((t) => t.to).join(','),
    });
    return out;
  }
  const fromRight = expected.from === null ? toRight : toRight.filter((t) => t.from === expected.from);
  if (fromRight.length === 0) {
    out.discrepancies.push({
      code: 'wrong_sender',
      message: `transaction ${tx} is sent by ${toRight.map((t) => t.from).join(', ')}, not ${expected.from}`,
      transaction_id: tx,
      expected: expected.from ?? '',
      actual: toRight.map((t) => t.from).join(','),
    });
    return out;
  }
  if (expected.amount !== null) {
    const total = fromRight.reduce((sum, t) => sum + t.amount, 0n);
    if (total !== expected.amount) {
      out.discrepancies.push({
        code: 'wrong_amount',
        message: `transaction ${tx} moves ${money(expected.asset, total)} ${expected.asset}, expected ${money(expected.asset, expected.amount)}`,
        transaction_id: tx,
        expected: money(expected.asset, expected.amount),
        actual: money(expected.asset, total),
      });
      return out;
    }
  }
  out.matching = fromRight;
  return out;
}

/** A transfer the gateway recorded for this payment (`chain_transfers`), compared with the chain. */
export interface RecordedTransfer {
  txId: string;
  logIndex: number;
  amount: bigint;
  to: string;
  asset: string;
}

export function checkRecorded(recorded: RecordedTransfer, onChain: readonly ObservedTransfer[], money: FormatMoney): Discrepancy | null {
  const found = onChain.find((t) => t.txId === recorded.txId && t.logIndex === recorded.logIndex);
  if (!found) {
    return {
      code: 'recorded_transfer_missing',
      message: `transfer ${recorded.txId}#${recorded.logIndex} recorded by the gateway is not on chain as recorded`,
      transaction_id: recorded.txId,
      expected: money(recorded.asset, recorded.amount),
      actual: 'nothing',
    };
  }
  if (found.amount !== recorded.amount || found.to !== recorded.to || found.asset !== recorded.asset) {
    return {
      code: found.amount !== recorded.amount ? 'wrong_amount' : found.to !== recorded.to ? 'wrong_recipient' : 'wrong_asset',
      message: `transfer ${recorded.txId}#${recorded.logIndex} moves ${money(found.asset, found.amount)} ${found.asset} to ${found.to}; the gateway recorded ${money(recorded.asset, recorded.amount)} ${recorded.asset} to ${recorded.to}`,
      transaction_id: recorded.txId,
      expected: money(recorded.asset, recorded.amount),
      actual: money(found.asset, found.amount),
    };
  }
  return null;
}

/** The outcome of a payment's reconciliation, from its discrepancies and confirmations. */
export function decideOutcome(input: { discrepancies: number; confirmed: boolean; credited: boolean; error: boolean }): PaymentOutcome {
  if (input.error) return 'error';
  if (input.discrepancies > 0) return 'disputed';
  if (!input.confirmed) return 'pending';
  return input.credited ? 'credited' : 'verified';
}

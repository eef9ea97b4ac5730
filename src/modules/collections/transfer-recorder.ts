/**
 * What the scanner and reconciliation agree on: a transfer seen on chain is handed to the recorder, which
 * stores it once per (tx_id, log_index) in `chain_transfers`, matches it to a collection (SPEC §3.2) and
 * moves that payment along its lifecycle (SPEC §3.3) — all in one database transaction. Recording the same
 * transfer again (a rescan, reconciliation of something the scanner already saw) answers `duplicate` and
 * changes nothing, so a transfer is credited at most once whoever sees it first.
 */
import type { Asset } from '../../shared/money.js';

/**
 * One transfer as read from a block: a TRX TransferContract, one TRC-20 `Transfer` log of a SUCCESS receipt,
 * or TRX a contract forwarded (an internal transaction of a SUCCESS receipt: a multisend, a smart wallet).
 */
export interface ObservedTransfer {
  /** 64 lowercase hex */
  txId: string;
  /** -1 for a TRX transfer, the index of the `Transfer` log in its transaction's receipt, or internalLogIndex */
  logIndex: number;
  blockNumber: number;
  /** ms since the epoch */
  blockTimestamp: number;
  asset: Asset;
  /** base58 */
  from: string;
  /** base58 */
  to: string;
  /** base units */
  amount: bigint;
}

/**
 * `log_index` of the internal transaction at `index` of `internal_transactions`: -2, -3, … — apart from the
 * TRX transfer (-1) and the logs (0, 1, …), so (tx_id, log_index) stays one key per transfer.
 */
export function internalLogIndex(index: number): number {
  return -2 - index;
}

/** The chain's head and latest solidified block when the transfer was seen: confirmations are `head - block + 1`. */
export interface ChainTip {
  head: number;
  solid: number;
}

export type RecordSource = 'scanner' | 'reconciliation';

/**
 * credited: stored and counted towards a payment (which may have moved on); duplicate: already stored,
 * nothing changed; unmatched: stored without crediting anything (wrong asset, no open payment, …: see
 * `note`); internal: the gateway's own movement (sweep fuel from a hot wallet), stored, not a credit.
 */
export type RecordOutcome = 'credited' | 'duplicate' | 'unmatched' | 'internal';

/** How a stored transfer relates to payments (`chain_transfers.match`). */
export type TransferMatch = 'deposit' | 'direct' | 'late' | 'unmatched' | 'internal';

export interface RecordResult {
  outcome: RecordOutcome;
  /** the `chain_transfers` row (the existing one for a duplicate) */
  transferId: string;
  /** the payment credited, or the one it was addressed to when unmatched (wrong asset, payment final) */
  paymentId: string | null;
  match: TransferMatch;
  /** why it is unmatched: wrong_asset, unknown_token (a contract the configuration does not name), unknown_payment, before_created_at, payment_final, late_window_passed (an expired collection paid after payment_processing.late_payment_window_days) */
  note: string | null;
}

export interface TransferRecorder {
  /** Records one transfer (see the module comment); safe to call any number of times for the same transfer. */
  recordTransfer(observed: ObservedTransfer, tip: ChainTip, source: RecordSource): Promise<RecordResult>;
  /** The same for several transfers, in order (one transaction each: a failure leaves the earlier ones recorded). */
  recordTransfers(observed: readonly ObservedTransfer[], tip: ChainTip, source: RecordSource): Promise<RecordResult[]>;
}

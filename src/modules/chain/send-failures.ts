/**
 * How the sender reads a node's answer to a broadcast and a receipt: pure functions, no I/O.
 * - `landed`: the node has the transaction (accepted now, or DUP_TRANSACTION_ERROR: accepted before).
 * - `transient`: the same bytes may be sent again later (network, 5xx, 429, busy node, bandwidth).
 * - `wait_expiry`: these bytes can no longer be accepted, but an earlier broadcast may still land, so
 *   nothing is decided until the tracker proves the transaction expired unseen.
 * - `final`: the node refused the transaction for good (bad signature, contract validation).
 */
import { TronNodeError } from '../../tron/client.js';
import type { BroadcastResult, TransactionInfo } from '../../tron/node-json.js';
import type { SendFailureReason } from './send-contract.js';

export type BroadcastVerdict =
  | { kind: 'landed' }
  | { kind: 'transient'; error: string }
  | { kind: 'wait_expiry'; error: string }
  | { kind: 'final'; reason: SendFailureReason; error: string };

/** Node answers that mean "busy, try the same bytes later" beyond the client's own transient list. */
const TRANSIENT_CODES = new Set([
  'SERVER_BUSY',
  'NO_CONNECTION',
  'NOT_ENOUGH_EFFECTIVE_CONNECTION',
  'BLOCK_UNSOLIDIFIED',
  'BANDWITH_ERROR',
]);
/** The bytes are dead (too old, or their reference block unknown to this node), not necessarily unsent. */
const WAIT_EXPIRY_CODES = new Set(['TRANSACTION_EXPIRATION_ERROR', 'TAPOS_ERROR']);

export function classifyBroadcast(result: BroadcastResult): BroadcastVerdict {
  if (result.ok || result.code === 'DUP_TRANSACTION_ERROR') return { kind: 'landed' };
  const error = `${result.code}: ${result.message}`.slice(0, 500);
  if (result.transient || TRANSIENT_CODES.has(result.code)) return { kind: 'transient', error };
  if (WAIT_EXPIRY_CODES.has(result.code)) return { kind: 'wait_expiry', error };
  const reason: SendFailureReason = /balance is not sufficient|insufficient balance/i.test(result.message)
    ? 'insufficient_funds'
    : 'rejected_by_node';
  return { kind: 'final', reason, error };
}

/** A thrown broadcast: node errors the client gave up on, timeouts, refused connections — all worth retrying. */
export function classifyBroadcastError(error: unknown): BroadcastVerdict {
  if (error instanceof TronNodeError) return { kind: 'transient', error: `${error.kind}: ${error.message}`.slice(0, 500) };
  return { kind: 'transient', error: (error instanceof Error ? error.message : String(error)).slice(0, 500) };
}

export type ReceiptVerdict = { ok: true } | { ok: false; reason: SendFailureReason; detail: string };

/** A transaction in a block: SUCCESS (or a TRX transfer without VM result) is confirmed; anything else failed. */
export function classifyReceipt(info: TransactionInfo): ReceiptVerdict {
  const result = info.receipt.result;
  if (!info.failed && (result === undefined || result === 'SUCCESS')) return { ok: true };
  const detail = [result ?? 'FAILED', info.resMessage].filter(Boolean).join(': ').slice(0, 500);
  return { ok: false, reason: result === 'OUT_OF_ENERGY' ? 'out_of_energy' : 'reverted', detail };
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 20));
  return Math.max(baseMs / 2, Math.floor(ceiling * random()));
}

/**
 * Verifies the audit chain (SPEC §3.12): walks audit_log in seq order in chunks (constant memory),
 * recomputes every hash, checks every prev_hash link and that seqs run 1, 2, 3… without a gap, and that
 * audit_head points at the last record. Reports the first problem found, precisely.
 */
import { AUDIT_GENESIS_HASH } from '../../db/migrations/0002_webhooks_reports_audit.js';
import { maxStoredSeq, readChain, readHead } from './audit.repository.js';
import { type AuditExecutor, auditHash } from './audit-trail.js';

export type AuditProblem =
  /** the record's columns no longer hash to its stored hash */
  | { kind: 'changed'; seq: number; message: string }
  /** the record's prev_hash is not the previous record's hash (a record was rewritten with a fresh hash) */
  | { kind: 'broken_link'; seq: number; message: string }
  /** seqs `from..to` are absent: deleted rows */
  | { kind: 'missing'; from: number; to: number; message: string }
  /** audit_head says the chain is longer than what is stored: the tail was deleted */
  | { kind: 'truncated'; from: number; to: number; message: string }
  /** audit_head disagrees with the last record (or lags behind stored records) */
  | { kind: 'head_mismatch'; seq: number; message: string };

export type AuditVerification =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; checked: number; problem: AuditProblem };

export interface VerifyOptions {
  /** records read per query (default 1000) */
  chunk?: number;
  /** called after each chunk with the records checked so far and the head's seq */
  onProgress?: (checked: number, total: number) => void;
}

/** A verified position in the chain: the last record checked (seq 0 with the genesis hash before any). */
export interface ChainLink {
  seq: number;
  hash: string;
}

export const CHAIN_START: ChainLink = { seq: 0, hash: AUDIT_GENESIS_HASH };

export async function verifyAuditChain(db: AuditExecutor, options: VerifyOptions = {}): Promise<AuditVerification> {
  const chunk = options.chunk ?? 1000;
  // The head first: records appended while we walk have higher seqs and are left for the next run.
  const head = await readHead(db);
  let link = CHAIN_START;
  for (;;) {
    const step = await checkRecords(db, link, chunk, head.seq);
    if (step.problem) return { ok: false, checked: step.last.seq, problem: step.problem };
    link = step.last;
    options.onProgress?.(link.seq, head.seq);
    if (step.read < chunk) break;
  }
  const problem = await checkEnd(db, link, head);
  return problem ? { ok: false, checked: link.seq, problem } : { ok: true, count: link.seq, headSeq: head.seq, headHash: head.hash };
}

/** One bounded step of a verification that a caller drives (the dashboard's progress bar): up to `limit` records after `from`. */
export type AuditStep =
  | { ok: true; done: boolean; checked: number; headSeq: number; last: ChainLink }
  | { ok: false; checked: number; headSeq: number; problem: AuditProblem };

/**
 * Verifies the records after `from` (whose hash the previous step vouched for), at most `limit`, up to
 * the head as it is now; the last step also checks the head. Steps from CHAIN_START to `done` check
 * exactly what verifyAuditChain checks.
 */
export async function verifyAuditStep(db: AuditExecutor, from: ChainLink, limit: number): Promise<AuditStep> {
  const head = await readHead(db);
  const step = await checkRecords(db, from, limit, head.seq);
  if (step.problem) return { ok: false, checked: step.last.seq, headSeq: head.seq, problem: step.problem };
  if (step.read === limit && step.last.seq < head.seq)
    return { ok: true, done: false, checked: step.last.seq, headSeq: head.seq, last: step.last };
  const problem = await checkEnd(db, step.last, head);
  if (problem) return { ok: false, checked: step.last.seq, headSeq: head.seq, problem };
  return { ok: true, done: true, checked: step.last.seq, headSeq: head.seq, last: step.last };
}

/** Up to `limit` records after `from` (none beyond `untilSeq`): each in sequence, hashing to itself, linked to the one before. */
async function checkRecords(
  db: AuditExecutor,
  from: ChainLink,
  limit: number,
  untilSeq: number,
): Promise<{ read: number; last: ChainLink; problem?: AuditProblem }> {
  const records = await readChain(db, from.seq, limit, untilSeq);
  let last = from;
  for (const record of records) {
    const expectedSeq = last.seq + 1;
    if (record.seq !== expectedSeq) {
      const message = `records ${range(expectedSeq, record.seq - 1)} are missing (deleted)`;
      return { read: records.length, last, problem: { kind: 'missing', from: expectedSeq, to: record.seq - 1, message } };
    }
    const { hash, ...columns } = record;
    if (auditHash(columns) !== hash) {
      const message = `record ${record.seq} was changed after it was written`;
      return { read: records.length, last, problem: { kind: 'changed', seq: record.seq, message } };
    }
    if (record.prevHash !== last.hash) {
      const message = `record ${record.seq} does not link to record ${record.seq - 1}: one of them was rewritten`;
      return { read: records.length, last, problem: { kind: 'broken_link', seq: record.seq, message } };
    }
    last = { seq: record.seq, hash };
  }
  return { read: records.length, last };
}

/** After the last record: nothing missing at the end, and audit_head holds the last record. */
async function checkEnd(db: AuditExecutor, last: ChainLink, head: ChainLink): Promise<AuditProblem | null> {
  if (last.seq < head.seq) {
    const message = `records ${range(last.seq + 1, head.seq)} are missing at the end: the head says ${head.seq} records, ${last.seq} are stored (truncated)`;
    return { kind: 'truncated', from: last.seq + 1, to: head.seq, message };
  }
  if (head.hash !== last.hash) {
    const message = `audit_head (seq ${head.seq}) does not hold the hash of the last record`;
    return { kind: 'head_mismatch', seq: head.seq, message };
  }
  // A record the head does not know about means the head was rolled back by hand. The highest seq is read
  // before the head: a record is committed together with a head at least as high, so concurrent appends
  // cannot look like this.
  const highest = await maxStoredSeq(db);
  const now = await readHead(db);
  if (highest > now.seq) {
    const message = `record ${highest} is stored beyond audit_head (seq ${now.seq}): the head was rolled back`;
    return { kind: 'head_mismatch', seq: highest, message };
  }
  return null;
}

const range = (from: number, to: number) => (from === to ? `${from}` : `${from}..${to}`);

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

export async function verifyAuditChain(db: AuditExecutor, options: VerifyOptions = {}): Promise<AuditVerification> {
  const chunk = options.chunk ?? 1000;
  // The head first: records appended while we walk have higher seqs and are left for the next run.
  const head = await readHead(db);
  let expectedSeq = 1;
  let prevHash = AUDIT_GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const records = await readChain(db, expectedSeq - 1, chunk, head.seq);
    for (const record of records) {
      if (record.seq !== expectedSeq) {
        const problem: AuditProblem = {
          kind: 'missing',
          from: expectedSeq,
          to: record.seq - 1,
          message: `records ${range(expectedSeq, record.seq - 1)} are missing (deleted)`,
        };
        return { ok: false, checked, problem };
      }
      const { hash, ...columns } = record;
      if (auditHash(columns) !== hash) {
        return {
          ok: false,
          checked,
          problem: { kind: 'changed', seq: record.seq, message: `record ${record.seq} was changed after it was written` },
        };
      }
      if (record.prevHash !== prevHash) {
        const message = `record ${record.seq} does not link to record ${record.seq - 1}: one of them was rewritten`;
        return { ok: false, checked, problem: { kind: 'broken_link', seq: record.seq, message } };
      }
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    options.onProgress?.(checked, head.seq);
    if (records.length < chunk) break;
  }
  const lastSeq = expectedSeq - 1;
  if (lastSeq < head.seq) {
    const message = `records ${range(lastSeq + 1, head.seq)} are missing at the end: the head says ${head.seq} records, ${lastSeq} are stored (truncated)`;
    return { ok: false, checked, problem: { kind: 'truncated', from: lastSeq + 1, to: head.seq, message } };
  }
  if (head.hash !== prevHash) {
    const message = `audit_head (seq ${head.seq}) does not hold the hash of the last record`;
    return { ok: false, checked, problem: { kind: 'head_mismatch', seq: head.seq, message } };
  }
  // A record the head does not know about means the head was rolled back by hand. The highest seq is read
  // before the head: a record is committed together with a head at least as high, so concurrent appends
  // cannot look like this.
  const highest = await maxStoredSeq(db);
  const now = await readHead(db);
  if (highest > now.seq) {
    const message = `record ${highest} is stored beyond audit_head (seq ${now.seq}): the head was rolled back`;
    return { ok: false, checked, problem: { kind: 'head_mismatch', seq: highest, message } };
  }
  return { ok: true, count: checked, headSeq: head.seq, headHash: head.hash };
}

const range = (from: number, to: number) => (from === to ? `${from}` : `${from}..${to}`);

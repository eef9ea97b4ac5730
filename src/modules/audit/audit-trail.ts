/**
 * The append-only, hash-chained audit log (SPEC §3.12). Records are written through the transaction that
 * makes the change they describe, so a change and its record commit together or not at all. Each record's
 * hash covers its stored columns and the previous record's hash; `audit_head` holds the last seq and hash,
 * and appenders take its row lock first, so seqs are consecutive in commit order on both engines. The
 * create pipeline may instead read the head unlocked and move it on condition that it has not moved
 * (`peekInto`, `appendIfUnmovedInto`): it then holds the lock from the move to its commit, so the order
 * is the same.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { WriteBatch } from '../../db/bulk-insert.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';

export type AuditExecutor = Kysely<DB> | Transaction<DB>;

/** Rows per INSERT: 12 parameters each. */
const AUDIT_CHUNK_SIZE = 64;

/** What happened, by whom; `before`/`after` are API representations (JSON-serialisable, no bigints). */
export interface AuditEntry {
  merchantId: string | null;
  /** `key_…` for an API key, `cli:…`, `system:…` for workers */
  actor: string;
  /** `<entity>.<verb>`: `payment.created`, `webhook.secret_rotated`, `api_key.revoked` */
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who acts, and in which request: what every use case that records needs from its caller. */
export interface AuditContext {
  /** `key_…`, `cli:<command>` or `system:<worker>` */
  actor: string;
  /** Fastify's request id for HTTP; null for the CLI and workers */
  requestId: string | null;
}

/** A stored record as its columns hold it (JSON as text). */
export interface AuditRecord {
  seq: number;
  at: number;
  merchantId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

/** Appends audit records through the caller's transaction (services depend on this, not the class). */
export interface AuditRecorder {
  record(executor: AuditExecutor, entries: readonly AuditEntry[]): Promise<void>;
}

/** sha-256 hex over the record's columns in a fixed order, the previous hash included. */
export function auditHash(record: Omit<AuditRecord, 'hash'>): string {
  const canonical = JSON.stringify([
    record.seq,
    record.at,
    record.merchantId,
    record.actor,
    record.action,
    record.entityType,
    record.entityId,
    record.requestId,
    record.before,
    record.after,
    record.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const toJson = (value: unknown): string | null =>
  value === undefined || value === null
    ? null
    : JSON.stringify(value, (key, v: unknown) => {
        if (typeof v === 'bigint') throw new TypeError(`audit: a bigint at "${key}"; record API representations (amounts as strings)`);
        return v;
      });

/** The chain's head as reserved for `count` new records: the seq before them and the hash they follow. */
export interface ReservedHead {
  lastSeq: number;
  hash: string;
  count: number;
}

export class AuditTrail implements AuditRecorder {
  constructor(private readonly clock: Clock) {}

  async record(executor: AuditExecutor, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const reserve = new WriteBatch();
    const head = this.reserveInto(reserve, entries.length);
    await reserve.write(executor);
    const append = new WriteBatch();
    this.appendInto(append, head(), entries);
    await append.write(executor);
  }

  /**
   * Bumps the head's seq by `count` with the batch; that takes the head row's lock (PostgreSQL) or
   * the write lock (SQLite) until commit, which orders appenders. The returned function reads the head.
   */
  reserveInto(batch: WriteBatch, count: number): () => ReservedHead {
    const head = batch.step<{ seq: number | bigint; hash: string }>(
      (p) => `update audit_head set seq = seq + ${p(count)} where id = 1 returning seq, hash`,
    );
    return () => {
      const row = head.rows[0];
      if (!row) throw new Error('audit_head has no row: the migrations did not run');
      return { lastSeq: Number(row.seq) - count, hash: row.hash, count };
    };
  }

  /** Adds the records after a reserved head, and the head's new hash, to the batch (one round trip on PostgreSQL). */
  appendInto(batch: WriteBatch, head: ReservedHead, entries: readonly AuditEntry[]): void {
    const last = this.addRecords(batch, head, entries);
    batch.step((p) => `update audit_head set hash = ${p(last)} where id = 1 returning id`);
  }

  /**
   * Reads the head with the batch without locking it, for `appendIfUnmovedInto`: the records can then
   * go with the change's own writes rather than one round trip later. The returned function reads it.
   */
  peekInto(batch: WriteBatch, count: number): () => ReservedHead {
    const head = batch.step<{ seq: number | bigint; hash: string }>(() => 'select seq, hash from audit_head where id = 1');
    return () => {
      const row = head.rows[0];
      if (!row) throw new Error('audit_head has no row: the migrations did not run');
      return { lastSeq: Number(row.seq), hash: row.hash, count };
    };
  }

  /**
   * Adds the records after a peeked head, and moves the head past them only if no other appender has
   * moved it since. The returned function, once the batch is written, says whether the head was still
   * there; if not, the caller must roll back (the records would fork the chain). An appender that
   * committed in between can also make the batch fail on a duplicate seq: see `isAuditSeqConflict`.
   */
  appendIfUnmovedInto(batch: WriteBatch, head: ReservedHead, entries: readonly AuditEntry[]): () => boolean {
    const last = this.addRecords(batch, head, entries);
    const moved = batch.step(
      (p) =>
        `update audit_head set seq = ${p(head.lastSeq + entries.length)}, hash = ${p(last)} where id = 1 and seq = ${p(head.lastSeq)} and hash = ${p(head.hash)} returning id`,
    );
    return () => moved.rows.length === 1;
  }

  /** Adds the chained records to the batch; returns the last one's hash. */
  private addRecords(batch: WriteBatch, head: ReservedHead, entries: readonly AuditEntry[]): string {
    if (entries.length !== head.count) throw new Error(`audit: ${entries.length} entries for ${head.count} reserved seqs`);
    const at = this.clock.now();
    let seq = head.lastSeq;
    let prevHash = head.hash;
    const rows = entries.map((e) => {
      seq += 1;
      const record: Omit<AuditRecord, 'hash'> = {
        seq,
        at,
        merchantId: e.merchantId,
        actor: e.actor,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        requestId: e.requestId,
        before: toJson(e.before),
        after: toJson(e.after),
        prevHash,
      };
      prevHash = auditHash(record);
      return {
        seq: record.seq,
        at: record.at,
        merchant_id: record.merchantId,
        actor: record.actor,
        action: record.action,
        entity_type: record.entityType,
        entity_id: record.entityId,
        request_id: record.requestId,
        before: record.before,
        after: record.after,
        prev_hash: record.prevHash,
        hash: prevHash,
      };
    });
    batch.add('audit_log', rows, { chunk: AUDIT_CHUNK_SIZE });
    return prevHash;
  }
}

/** A write failed because another appender took one of the seqs first (a peeked head had moved). */
export function isAuditSeqConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; table?: string; message?: string };
  if (e?.code === '23505') return e.table === 'audit_log' || e.constraint === 'audit_log_pkey';
  return (e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE') && String(e.message).includes('audit_log');
}

/**
 * Reading the audit log: a merchant's records for the API (filters and seq cursor), the whole chain in
 * seq order for verification and the mirror, and the head row. Appending lives in audit-trail.ts.
 */
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.js';
import type { AuditExecutor, AuditRecord } from './audit-trail.js';
import { type AuditStep, type ChainLink, verifyAuditStep } from './audit-verify.js';

export interface AuditFilters {
  action?: string;
  entityId?: string;
  actor?: string;
  /** epoch ms, inclusive */
  from?: number;
  /** epoch ms, exclusive */
  to?: number;
}

export interface AuditPageRequest {
  limit: number;
  /** `desc`: newest first (default); `asc`: by seq, oldest first */
  order: 'asc' | 'desc';
  /** the seq of the last record of the previous page */
  startingAfter?: number;
}

export interface AuditPage {
  records: AuditRecord[];
  hasMore: boolean;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export async function listMerchantAudit(
  db: AuditExecutor,
  merchantId: string,
  filters: AuditFilters,
  page: AuditPageRequest,
): Promise<AuditPage> {
  let query = db.selectFrom('audit_log').selectAll().where('merchant_id', '=', merchantId);
  if (filters.action !== undefined) query = query.where('action', '=', filters.action);
  if (filters.entityId !== undefined) query = query.where('entity_id', '=', filters.entityId);
  if (filters.actor !== undefined) query = query.where('actor', '=', filters.actor);
  if (filters.from !== undefined) query = query.where('at', '>=', filters.from);
  if (filters.to !== undefined) query = query.where('at', '<', filters.to);
  if (page.startingAfter !== undefined) query = query.where('seq', page.order === 'asc' ? '>' : '<', page.startingAfter);
  const rows = await query
    .orderBy('seq', page.order)
    .limit(page.limit + 1)
    .execute();
  return { records: rows.slice(0, page.limit).map(toAuditRecord), hasMore: rows.length > page.limit };
}

/** Up to `limit` records with seq > `afterSeq` (and ≤ `untilSeq` when given), in seq order. */
export async function readChain(db: AuditExecutor, afterSeq: number, limit: number, untilSeq?: number): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq);
  if (untilSeq !== undefined) query = query.where('seq', '<=', untilSeq);
  const rows = await query.orderBy('seq').limit(limit).execute();
  return rows.map(toAuditRecord);
}

export async function readHead(db: AuditExecutor): Promise<AuditHead> {
  const row = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash };
}

/** The highest seq stored, 0 for an empty log. */
export async function maxStoredSeq(db: AuditExecutor): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max);
}

export function toAuditRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    seq: Number(row.seq),
    at: Number(row.at),
    merchantId: row.merchant_id,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    requestId: row.request_id,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The merchant-facing reader the audit routes use. */
export class AuditLogRepository {
  constructor(private readonly db: AuditExecutor) {}

  list(merchantId: string, filters: AuditFilters, page: AuditPageRequest): Promise<AuditPage> {
    return listMerchantAudit(this.db, merchantId, filters, page);
  }

  verifyStep(from: ChainLink, limit: number): Promise<AuditStep> {
    return verifyAuditStep(this.db, from, limit);
  }
}

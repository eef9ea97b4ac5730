/** The API (and mirror) representation of an audit record: ISO time, before/after as parsed JSON. */
import { toIso } from '../../shared/clock.js';
import type { AuditRecord } from './audit-trail.js';

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function toAuditView(record: AuditRecord) {
  return {
    seq: record.seq,
    at: toIso(record.at),
    actor: record.actor,
    action: record.action,
    entity_type: record.entityType,
    entity_id: record.entityId,
    request_id: record.requestId,
    before: parse(record.before),
    after: parse(record.after),
    hash: record.hash,
    prev_hash: record.prevHash,
  };
}

export type AuditView = ReturnType<typeof toAuditView>;

/** One line of the JSON-lines mirror: the API view plus the merchant it belongs to. */
export function toAuditMirrorLine(record: AuditRecord): string {
  const { seq, ...rest } = toAuditView(record);
  return JSON.stringify({ seq, merchant_id: record.merchantId, ...rest });
}

/** Storage of dashboard sessions (only the SHA-256 of a token) and of login failures for throttling. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DashboardSessionsTable, DB } from '../../db/schema.js';
import type { DashboardSession } from './dashboard-user.js';

export type SessionsExecutor = Kysely<DB> | Transaction<DB>;

export interface NewSessionRow {
  id: string;
  userId: string;
  tokenHash: string;
  clientIp: string;
  userAgent: string;
  now: number;
  expiresAt: number;
}

export class SessionsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(row: NewSessionRow, executor: SessionsExecutor = this.db): Promise<void> {
    await executor
      .insertInto('dashboard_sessions')
      .values({
        id: row.id,
        user_id: row.userId,
        token_hash: row.tokenHash,
        client_ip: row.clientIp,
        user_agent: row.userAgent,
        created_at: row.now,
        last_seen_at: row.now,
        expires_at: row.expiresAt,
        revoked_at: null,
      })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<DashboardSession | null> {
    const row = await this.db.selectFrom('dashboard_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async findById(userId: string, sessionId: string): Promise<DashboardSession | null> {
    const row = await this.db
      .selectFrom('dashboard_sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? toSession(row) : null;
  }

  /** The user's sessions that are neither revoked nor past their absolute timeout, newest first. */
  async listLive(userId: string, now: number): Promise<DashboardSession[]> {
    const rows = await this.db
      .selectFrom('dashboard_sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toSession);
  }

  async touch(sessionId: string, now: number): Promise<void> {
    await this.db.updateTable('dashboard_sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
  }

  /** Revokes one session, or every live one of the user but `except`; the number revoked. */
  async revoke(
    target: { sessionId: string } | { userId: string; except?: string },
    now: number,
    executor: SessionsExecutor = this.db,
  ): Promise<number> {
    let query = executor.updateTable('dashboard_sessions').set({ revoked_at: now }).where('revoked_at', 'is', null);
    if ('sessionId' in target) query = query.where('id', '=', target.sessionId);
    else {
      query = query.where('user_id', '=', target.userId);
      if (target.except !== undefined) query = query.where('id', '!=', target.except);
    }
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Forgets the user's sessions that ended before `before` (revoked or past their absolute timeout). */
  async pruneEnded(userId: string, before: number): Promise<void> {
    await this.db
      .deleteFrom('dashboard_sessions')
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
      .execute();
  }

  /** Every session that ended before `before`, whoever's; the number removed. */
  async pruneAllEnded(before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('dashboard_sessions')
      .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Failures older than `before`; the number removed. */
  async pruneFailures(before: number): Promise<number> {
    const result = await this.db.deleteFrom('dashboard_login_failures').where('at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async recordFailure(subjects: readonly string[], now: number, forgetBefore: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // old failures no longer count: each write also clears the subjects' expired rows
      await trx.deleteFrom('dashboard_login_failures').where('subject', 'in', subjects).where('at', '<', forgetBefore).execute();
      await trx
        .insertInto('dashboard_login_failures')
        .values(subjects.map((subject) => ({ subject, at: now })))
        .execute();
    });
  }

  /** Failures of `subject` since `since`: how many, and when the oldest of them was. */
  async failuresSince(subject: string, since: number): Promise<{ count: number; oldest: number | null }> {
    const row = await this.db
      .selectFrom('dashboard_login_failures')
      .select((eb) => [eb.fn.countAll<bigint | number | string>().as('n'), eb.fn.min('at').as('oldest')])
      .where('subject', '=', subject)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), oldest: row.oldest === null ? null : Number(row.oldest) };
  }

  async clearFailures(subject: string): Promise<void> {
    await this.db.deleteFrom('dashboard_login_failures').where('subject', '=', subject).execute();
  }
}

function toSession(row: Selectable<DashboardSessionsTable>): DashboardSession {
  return {
    id: row.id,
    userId: row.user_id,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    expiresAt: Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

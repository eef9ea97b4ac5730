/** Storage of dashboard users and their recovery codes: only hashes of passwords and codes are written. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DashboardUsersTable, DB } from '../../db/schema.js';
import { isDashboardRole } from '../../shared/catalogues/dashboard-roles.js';
import type { DashboardRole, DashboardUser } from './dashboard-user.js';

export type UsersExecutor = Kysely<DB> | Transaction<DB>;

export interface NewUserRow {
  id: string;
  merchantId: string;
  email: string;
  role: DashboardRole;
  passwordHash: string;
  mustChangePassword: boolean;
  now: number;
}

export class UsersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** false when the e-mail is taken */
  async insert(row: NewUserRow, executor: UsersExecutor = this.db): Promise<boolean> {
    const result = await executor
      .insertInto('dashboard_users')
      .values({
        id: row.id,
        merchant_id: row.merchantId,
        email: row.email,
        role: row.role,
        status: 'active',
        password_hash: row.passwordHash,
        must_change_password: row.mustChangePassword ? 1 : 0,
        totp_secret: null,
        totp_pending_secret: null,
        totp_last_step: null,
        created_at: row.now,
        updated_at: row.now,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async findByEmail(email: string): Promise<(DashboardUser & { merchantStatus: string }) | null> {
    const row = await this.db
      .selectFrom('dashboard_users')
      .innerJoin('merchants', 'merchants.id', 'dashboard_users.merchant_id')
      .selectAll('dashboard_users')
      .select('merchants.status as merchant_status')
      .where('dashboard_users.email', '=', email)
      .executeTakeFirst();
    return row ? { ...toUser(row), merchantStatus: row.merchant_status } : null;
  }

  /** By id; with `merchantId`, only that merchant's user. */
  async findById(userId: string, merchantId: string | null, executor: UsersExecutor = this.db): Promise<DashboardUser | null> {
    let query = executor.selectFrom('dashboard_users').selectAll().where('id', '=', userId);
    if (merchantId !== null) query = query.where('merchant_id', '=', merchantId);
    const row = await query.executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async listByMerchant(merchantId: string): Promise<DashboardUser[]> {
    const rows = await this.db
      .selectFrom('dashboard_users')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toUser);
  }

  /**
   * The merchant's active owners, counted after taking their row locks (a no-op UPDATE): two
   * transactions demoting the last two owners at once are ordered, and the second counts after the
   * first has committed (PostgreSQL; SQLite runs one writer at a time anyway).
   */
  async countActiveOwners(merchantId: string, executor: UsersExecutor = this.db): Promise<number> {
    await executor
      .updateTable('dashboard_users')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('merchant_id', '=', merchantId)
      .where('role', '=', 'owner')
      .where('status', '=', 'active')
      .execute();
    const row = await executor
      .selectFrom('dashboard_users')
      .select((eb) => eb.fn.countAll<bigint | number | string>().as('n'))
      .where('merchant_id', '=', merchantId)
      .where('role', '=', 'owner')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async update(
    userId: string,
    changes: Partial<
      Pick<DashboardUser, 'role' | 'status' | 'passwordHash' | 'mustChangePassword' | 'totpSecret' | 'totpPendingSecret' | 'totpLastStep'>
    >,
    now: number,
    executor: UsersExecutor = this.db,
  ): Promise<void> {
    await executor
      .updateTable('dashboard_users')
      .set({
        updated_at: now,
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
        ...(changes.mustChangePassword !== undefined ? { must_change_password: changes.mustChangePassword ? 1 : 0 } : {}),
        ...(changes.totpSecret !== undefined ? { totp_secret: changes.totpSecret } : {}),
        ...(changes.totpPendingSecret !== undefined ? { totp_pending_secret: changes.totpPendingSecret } : {}),
        ...(changes.totpLastStep !== undefined ? { totp_last_step: changes.totpLastStep } : {}),
      })
      .where('id', '=', userId)
      .execute();
  }

  /**
   * Records `step` as the last TOTP step used, unless that step or a later one was used already: the
   * condition in the UPDATE makes two instances racing with one code accept it once.
   */
  async claimTotpStep(userId: string, step: number, executor: UsersExecutor = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('dashboard_users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async replaceRecoveryCodes(userId: string, codeHashes: readonly string[], executor: UsersExecutor = this.db): Promise<void> {
    await executor.deleteFrom('dashboard_recovery_codes').where('user_id', '=', userId).execute();
    if (codeHashes.length === 0) return;
    await executor
      .insertInto('dashboard_recovery_codes')
      .values(codeHashes.map((hash) => ({ user_id: userId, code_hash: hash, used_at: null })))
      .execute();
  }

  /** Marks an unused code used; false when there is no such unused code (the condition makes it once only). */
  async useRecoveryCode(userId: string, codeHash: string, now: number, executor: UsersExecutor = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('dashboard_recovery_codes')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async countUnusedRecoveryCodes(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('dashboard_recovery_codes')
      .select((eb) => eb.fn.countAll<bigint | number | string>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function toUser(row: Selectable<DashboardUsersTable>): DashboardUser {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    email: row.email,
    // an unknown stored role grants the least
    role: isDashboardRole(row.role) ? row.role : 'viewer',
    status: row.status === 'active' ? 'active' : 'disabled',
    passwordHash: row.password_hash,
    mustChangePassword: Number(row.must_change_password) === 1,
    totpSecret: row.totp_secret,
    totpPendingSecret: row.totp_pending_secret,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/**
 * Dashboard users of a merchant (issue 22): invitations with a one-time password, roles, disabling,
 * password changes and resets, and the optional TOTP second factor with its recovery codes. Every change
 * commits with its audit record; the record never holds a password, hash, TOTP secret or code.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DashboardRole } from '../../shared/catalogues/dashboard-roles.js';
import { type Clock, systemClock } from '../../shared/clock.js';
import { AppError, type FieldError, notFound, validationError } from '../../shared/errors.js';
import { type IdGenerator, isId, newId } from '../../shared/ids.js';
import { type AuditContext, type AuditEntry, type AuditRecorder, AuditTrail } from '../audit/audit-trail.js';
import { type ClaimedAnswer, claimedValue } from '../idempotency/claimed-answer.js';
import {
  auditedUser,
  checkRole,
  type DashboardUser,
  normaliseEmail,
  toUserView,
  type UserView,
  userChangeProblem,
} from './dashboard-user.js';
import {
  DEFAULT_SCRYPT_PARAMS,
  generateOneTimePassword,
  hashPassword,
  passwordProblem,
  type ScryptParams,
  verifyPassword,
} from './password-hash.js';
import type { SessionsRepository } from './sessions.repository.js';
import { base32Encode, generateTotpSecret, matchStep, otpauthUri } from './totp.js';
import type { UsersExecutor, UsersRepository } from './users.repository.js';

export const RECOVERY_CODE_COUNT = 10;
export const TOTP_ISSUER = 'TRON Payment Gateway';

/** Who manages users: a session's role, or `owner` for the CLI and an `admin` API key (the merchant's own credentials). */
export interface UserManager extends AuditContext {
  role: DashboardRole;
}

export interface CreateUserInput {
  merchantId: string;
  email: unknown;
  role: unknown;
  /** the user's password (the CLI's --password-stdin); absent: a one-time password is made and returned */
  password?: string;
}

export interface CreatedUser {
  user: UserView;
  /** shown once; null when the caller gave the password */
  oneTimePassword: string | null;
}

export interface SecondFactor {
  totpCode?: string | undefined;
  recoveryCode?: string | undefined;
}

export interface UsersServiceDeps {
  users: UsersRepository;
  sessions: SessionsRepository;
  /** the merchant must exist (and the error names it) */
  requireMerchant: (merchantId: string) => Promise<unknown>;
  clock?: Clock;
  ids?: IdGenerator;
  audit?: AuditRecorder;
  scrypt?: ScryptParams;
  random?: (size: number) => Uint8Array;
}

/** A recovery code as typed: case, spaces and dashes do not matter. */
function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z2-7]/g, '');
}

/** Codes are 50 random bits; a salted SHA-256 suffices where a password would need scrypt, and keeps login cheap. */
export function hashRecoveryCode(userId: string, code: string): string {
  return createHash('sha256')
    .update(`${userId}:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}

export class UsersService {
  private readonly users: UsersRepository;
  private readonly sessions: SessionsRepository;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly audit: AuditRecorder;
  private readonly scrypt: ScryptParams;
  private readonly random: (size: number) => Uint8Array;

  constructor(private readonly deps: UsersServiceDeps) {
    this.users = deps.users;
    this.sessions = deps.sessions;
    this.clock = deps.clock ?? systemClock;
    this.ids = deps.ids ?? newId;
    this.audit = deps.audit ?? new AuditTrail(this.clock);
    this.scrypt = deps.scrypt ?? DEFAULT_SCRYPT_PARAMS;
    this.random = deps.random ?? randomBytes;
  }

  get scryptParams(): ScryptParams {
    return this.scrypt;
  }

  /** With `answer`, the Idempotency-Key is claimed and answered in the user's own transaction (ADR 0033). */
  async createUser(input: CreateUserInput, manager: UserManager, answer?: ClaimedAnswer<CreatedUser>): Promise<CreatedUser> {
    const errors: FieldError[] = [];
    const email = normaliseEmail(input.email, 'email', errors);
    const role = checkRole(input.role, 'role', errors);
    if (input.password !== undefined) {
      const problem = passwordProblem(input.password);
      if (problem) errors.push({ path: 'password', message: problem });
    }
    if (errors.length > 0 || email === null || role === null) throw validationError(errors);
    if (manager.role !== 'owner' && role === 'owner') throw new AppError('forbidden', 'only an owner can make an owner');
    await this.deps.requireMerchant(input.merchantId);

    const oneTimePassword = input.password === undefined ? generateOneTimePassword(this.random) : null;
    const passwordHash = await hashPassword(input.password ?? (oneTimePassword as string), this.scrypt);
    const now = this.clock.now();
    const row = {
      id: this.ids('usr'),
      merchantId: input.merchantId,
      email,
      role,
      passwordHash,
      mustChangePassword: oneTimePassword !== null,
      now,
    };
    return this.users.transaction((trx) =>
      claimedValue(trx, answer, now, async () => {
        if (!(await this.users.insert(row, trx)))
          throw new AppError('conflict', `a dashboard user with the e-mail ${email} exists already`);
        await this.record(trx, manager, row.merchantId, row.id, 'dashboard_user.created', undefined, {
          ...auditedUser({ ...row, status: 'active', totpSecret: null }),
        });
        return { user: await this.viewIn(trx, input.merchantId, row.id), oneTimePassword };
      }),
    );
  }

  async listUsers(merchantId: string): Promise<UserView[]> {
    return (await this.users.listByMerchant(merchantId)).map(toUserView);
  }

  async getUser(merchantId: string, userId: string): Promise<UserView> {
    return toUserView(await this.requireUser(merchantId, userId));
  }

  /** A user by e-mail within a merchant (the CLI names users by e-mail too). */
  async findUserId(merchantId: string, idOrEmail: string): Promise<string> {
    if (isId('usr', idOrEmail)) return idOrEmail;
    const found = await this.users.findByEmail(idOrEmail.trim().toLowerCase());
    if (!found || found.merchantId !== merchantId) throw notFound('dashboard user', idOrEmail);
    return found.id;
  }

  async changeRole(merchantId: string, userId: string, role: unknown, manager: UserManager): Promise<UserView> {
    const errors: FieldError[] = [];
    const next = checkRole(role, 'role', errors);
    if (next === null) throw validationError(errors);
    await this.changeGuarded(merchantId, userId, manager, next, 'dashboard_user.role_changed', async (trx, now) => {
      await this.users.update(userId, { role: next }, now, trx);
    });
    return this.getUser(merchantId, userId);
  }

  /** Disables the user and ends every session of theirs at once; disabling a disabled user changes nothing. */
  async disableUser(merchantId: string, userId: string, manager: UserManager): Promise<UserView> {
    const user = await this.requireUser(merchantId, userId);
    if (user.status === 'disabled') return toUserView(user);
    await this.changeGuarded(merchantId, userId, manager, null, 'dashboard_user.disabled', async (trx, now) => {
      await this.users.update(userId, { status: 'disabled' }, now, trx);
      await this.sessions.revoke({ userId }, now, trx);
    });
    return this.getUser(merchantId, userId);
  }

  /** A new one-time password (or the given one), to be changed at the next login; every session ends. */
  async resetPassword(
    merchantId: string,
    userId: string,
    manager: UserManager,
    password?: string,
    answer?: ClaimedAnswer<CreatedUser>,
  ): Promise<CreatedUser> {
    if (password !== undefined) {
      const problem = passwordProblem(password);
      if (problem) throw validationError([{ path: 'password', message: problem }]);
    }
    const user = await this.requireUser(merchantId, userId);
    if (manager.role !== 'owner' && user.role === 'owner') throw new AppError('forbidden', "only an owner can reset an owner's password");
    const oneTimePassword = password === undefined ? generateOneTimePassword(this.random) : null;
    const passwordHash = await hashPassword(password ?? (oneTimePassword as string), this.scrypt);
    const now = this.clock.now();
    return this.users.transaction((trx) =>
      claimedValue(trx, answer, now, async () => {
        await this.users.update(userId, { passwordHash, mustChangePassword: oneTimePassword !== null }, now, trx);
        await this.sessions.revoke({ userId }, now, trx);
        await this.record(trx, manager, merchantId, userId, 'dashboard_user.password_reset', auditedUser(user), {
          ...auditedUser({ ...user, mustChangePassword: oneTimePassword !== null }),
        });
        return { user: await this.viewIn(trx, merchantId, userId), oneTimePassword };
      }),
    );
  }

  /** The user's own change: the current password, a new one that differs; the user's other sessions end. */
  async changePassword(
    userId: string,
    current: string,
    next: string,
    keepSessionId: string,
    context: AuditContext,
    answer?: ClaimedAnswer<UserView>,
  ): Promise<UserView> {
    const user = await this.requireUser(null, userId);
    const problem = passwordProblem(next);
    if (problem) throw validationError([{ path: 'new_password', message: problem }]);
    if (typeof current !== 'string' || !(await verifyPassword(current, user.passwordHash))) {
      throw validationError([{ path: 'current_password', message: 'is not the current password' }]);
    }
    if (current === next) throw validationError([{ path: 'new_password', message: 'must differ from the current password' }]);
    const passwordHash = await hashPassword(next, this.scrypt);
    const now = this.clock.now();
    return this.users.transaction((trx) =>
      claimedValue(trx, answer, now, async () => {
        await this.users.update(userId, { passwordHash, mustChangePassword: false }, now, trx);
        await this.sessions.revoke({ userId, except: keepSessionId }, now, trx);
        await this.record(trx, context, user.merchantId, userId, 'dashboard_user.password_changed', auditedUser(user), {
          ...auditedUser({ ...user, mustChangePassword: false }),
        });
        return this.viewIn(trx, user.merchantId, userId);
      }),
    );
  }

  /** Starts TOTP enrolment: a fresh secret, kept pending until a code of it is confirmed. */
  async beginTotp(
    userId: string,
    context: AuditContext,
    answer?: ClaimedAnswer<{ secret: string; otpauthUri: string }>,
  ): Promise<{ secret: string; otpauthUri: string }> {
    const user = await this.requireUser(null, userId);
    if (user.totpSecret !== null) throw new AppError('conflict', 'TOTP is already enabled; disable it first to enrol again');
    const secret = generateTotpSecret(this.random);
    const now = this.clock.now();
    return this.users.transaction((trx) =>
      claimedValue(trx, answer, now, async () => {
        await this.users.update(userId, { totpPendingSecret: secret }, now, trx);
        await this.record(trx, context, user.merchantId, userId, 'dashboard_user.totp_enrolment_started', undefined, auditedUser(user));
        return { secret, otpauthUri: otpauthUri(secret, user.email, TOTP_ISSUER) };
      }),
    );
  }

  /** Confirms enrolment with a code of the pending secret; answers the recovery codes, shown this once. */
  async confirmTotp(
    userId: string,
    code: unknown,
    context: AuditContext,
    answer?: ClaimedAnswer<{ recoveryCodes: string[] }>,
  ): Promise<{ recoveryCodes: string[] }> {
    const user = await this.requireUser(null, userId);
    if (user.totpSecret !== null) throw new AppError('conflict', 'TOTP is already enabled');
    if (user.totpPendingSecret === null) throw new AppError('conflict', 'no TOTP enrolment was begun: POST /api/v1/session/totp first');
    const now = this.clock.now();
    const step = typeof code === 'string' ? matchStep(user.totpPendingSecret, code, now) : null;
    if (step === null) throw validationError([{ path: 'totp_code', message: 'is not the current code of the new secret' }]);
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => this.newRecoveryCode());
    return this.users.transaction((trx) =>
      claimedValue(trx, answer, now, async () => {
        await this.users.update(userId, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: step }, now, trx);
        await this.users.replaceRecoveryCodes(
          userId,
          recoveryCodes.map((c) => hashRecoveryCode(userId, c)),
          trx,
        );
        await this.record(trx, context, user.merchantId, userId, 'dashboard_user.totp_enabled', auditedUser(user), {
          ...auditedUser({ ...user, totpSecret: 'set' }),
        });
        return { recoveryCodes };
      }),
    );
  }

  /** Turns TOTP off, proven with a code or a recovery code; the recovery codes go with it. */
  async disableTotp(userId: string, proof: SecondFactor, context: AuditContext): Promise<UserView> {
    const user = await this.requireUser(null, userId);
    if (user.totpSecret === null) throw new AppError('conflict', 'TOTP is not enabled');
    if (!(await this.verifySecondFactor(user, proof))) {
      throw validationError([{ path: proof.recoveryCode ? 'recovery_code' : 'totp_code', message: 'is wrong or was used already' }]);
    }
    await this.users.transaction(async (trx) => {
      await this.users.update(userId, { totpSecret: null, totpPendingSecret: null }, this.clock.now(), trx);
      await this.users.replaceRecoveryCodes(userId, [], trx);
      await this.record(trx, context, user.merchantId, userId, 'dashboard_user.totp_disabled', auditedUser(user), {
        ...auditedUser({ ...user, totpSecret: null }),
      });
    });
    return this.getUser(user.merchantId, userId);
  }

  /**
   * Whether the code proves the second factor: a TOTP code of a step later than the last one used (the
   * step is claimed, so a code works once), or an unused recovery code (used up now).
   */
  async verifySecondFactor(user: DashboardUser, proof: SecondFactor, executor?: UsersExecutor): Promise<boolean> {
    if (user.totpSecret === null) return false;
    if (typeof proof.totpCode === 'string' && proof.totpCode !== '') {
      const step = matchStep(user.totpSecret, proof.totpCode, this.clock.now());
      return step !== null && (await this.users.claimTotpStep(user.id, step, executor));
    }
    if (typeof proof.recoveryCode === 'string' && proof.recoveryCode !== '') {
      return this.users.useRecoveryCode(user.id, hashRecoveryCode(user.id, proof.recoveryCode), this.clock.now(), executor);
    }
    return false;
  }

  /** Unused recovery codes left (the session answer shows it, so that a user knows to renew them). */
  async recoveryCodesLeft(userId: string): Promise<number> {
    return this.users.countUnusedRecoveryCodes(userId);
  }

  private newRecoveryCode(): string {
    const text = base32Encode(this.random(7)).slice(0, 10).toLowerCase();
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  }

  /** The user as its own transaction sees it, for an answer stored in that transaction. */
  private async viewIn(trx: UsersExecutor, merchantId: string, userId: string): Promise<UserView> {
    const user = await this.users.findById(userId, merchantId, trx);
    if (!user) throw notFound('dashboard user', userId);
    return toUserView(user);
  }

  private async requireUser(merchantId: string | null, userId: string): Promise<DashboardUser> {
    const user = isId('usr', userId) ? await this.users.findById(userId, merchantId) : null;
    if (!user) throw notFound('dashboard user', userId);
    return user;
  }

  /** A role change (`nextRole`) or a disabling (null), checked against the owner rules inside the transaction. */
  private async changeGuarded(
    merchantId: string,
    userId: string,
    manager: UserManager,
    nextRole: DashboardRole | null,
    action: string,
    write: (trx: UsersExecutor, now: number) => Promise<void>,
  ): Promise<void> {
    await this.users.transaction(async (trx) => {
      const before = await this.users.findById(userId, merchantId, trx);
      if (!before) throw notFound('dashboard user', userId);
      const problem = userChangeProblem(manager.role, before, nextRole, await this.users.countActiveOwners(merchantId, trx));
      if (problem) throw new AppError(problem.startsWith('only') ? 'forbidden' : 'conflict', problem);
      const now = this.clock.now();
      await write(trx, now);
      const after = await this.users.findById(userId, merchantId, trx);
      await this.record(trx, manager, merchantId, userId, action, auditedUser(before), after ? auditedUser(after) : undefined);
    });
  }

  private async record(
    executor: UsersExecutor,
    context: AuditContext,
    merchantId: string,
    userId: string,
    action: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    const entry: AuditEntry = {
      merchantId,
      actor: context.actor,
      action,
      entityType: 'dashboard_user',
      entityId: userId,
      requestId: context.requestId,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
    };
    await this.audit.record(executor, [entry]);
  }
}

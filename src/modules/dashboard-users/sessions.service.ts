/**
 * Dashboard logins and sessions (issue 22, ADR 0030). A session is a random token in an HttpOnly cookie,
 * stored as its SHA-256; it ends when revoked, after `idleMs` without a request or `absoluteMs` after the
 * login. Each session's CSRF token is an HMAC of its token, so nothing more is stored and only the
 * cookie's holder can know it. Failed logins are rows counted per account and per client address, so
 * throttling holds across instances; every login, failure, lockout and logout is in the audit log.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Scope } from '../../shared/catalogues/api-key-scopes.js';
import { DASHBOARD_ROLE_CATALOGUE } from '../../shared/catalogues/dashboard-roles.js';
import { type Clock, systemClock } from '../../shared/clock.js';
import { AppError, notFound } from '../../shared/errors.js';
import { type IdGenerator, isId, newId } from '../../shared/ids.js';
import { type AuditContext, type AuditEntry, type AuditRecorder, AuditTrail } from '../audit/audit-trail.js';
import { type DashboardSession, type DashboardUser, type SessionView, toSessionView, toUserView, type UserView } from './dashboard-user.js';
import { UnknownAccountHasher, verifyPassword } from './password-hash.js';
import type { SessionsRepository } from './sessions.repository.js';
import type { UsersRepository } from './users.repository.js';
import type { SecondFactor, UsersService } from './users.service.js';

export const SESSION_TOKEN_PREFIX = 'tpgs_';
const SESSION_TOKEN_PATTERN = /^tpgs_[A-Za-z0-9_-]{43}$/;
const USER_AGENT_MAX_LENGTH = 300;

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  /** failures per account within `throttleWindowMs` before its logins answer 429 */
  maxFailuresPerAccount: number;
  /** failures per client address within the window before its logins answer 429 */
  maxFailuresPerClient: number;
  throttleWindowMs: number;
}

export interface LoginInput extends SecondFactor {
  email: string;
  password: string;
  clientIp: string;
  userAgent: string;
  requestId: string | null;
}

export interface LoggedIn {
  /** the cookie's value: shown to the browser once, stored only hashed */
  token: string;
  csrfToken: string;
  session: DashboardSession;
  user: UserView;
}

/** The caller behind a session cookie. */
export interface SessionIdentity {
  merchantId: string;
  userId: string;
  email: string;
  role: DashboardUser['role'];
  sessionId: string;
  mustChangePassword: boolean;
  scopes: ReadonlySet<Scope>;
  csrfToken: string;
  expiresAt: number;
}

export interface SessionsServiceDeps {
  sessions: SessionsRepository;
  users: UsersRepository;
  accounts: UsersService;
  policy: SessionPolicy;
  /** false for a merchant that is disabled or gone */
  merchantActive: (merchantId: string) => Promise<boolean>;
  clock?: Clock;
  ids?: IdGenerator;
  audit?: AuditRecorder;
  random?: (size: number) => Uint8Array;
}

const WRONG_CREDENTIALS = 'the e-mail or password is wrong';

export const sessionActor = (userId: string) => `user:${userId}`;
export const hashSessionToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
export const csrfTokenOf = (token: string) => createHmac('sha256', token).update('tpg csrf v1').digest('base64url');

export class SessionsService {
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly audit: AuditRecorder;
  private readonly random: (size: number) => Uint8Array;
  private readonly unknownAccounts: UnknownAccountHasher;

  constructor(private readonly deps: SessionsServiceDeps) {
    this.clock = deps.clock ?? systemClock;
    this.ids = deps.ids ?? newId;
    this.audit = deps.audit ?? new AuditTrail(this.clock);
    this.random = deps.random ?? randomBytes;
    this.unknownAccounts = new UnknownAccountHasher(deps.accounts.scryptParams);
  }

  get policy(): SessionPolicy {
    return this.deps.policy;
  }

  /**
   * Checks throttling, the password and (when enrolled) the second factor, then opens a new session: a
   * fresh token whatever the browser sent, so that a planted cookie never becomes a logged-in one.
   */
  async login(input: LoginInput): Promise<LoggedIn> {
    const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
    const password = typeof input.password === 'string' ? input.password : '';
    const subjects = [`account:${email}`, `ip:${input.clientIp}`];
    await this.refuseThrottled(subjects);

    const user = email === '' ? null : await this.deps.users.findByEmail(email);
    if (!user) {
      await this.unknownAccounts.verifyUnknownAccount(password);
      return this.fail(null, input, 'unknown_account', subjects);
    }
    const passwordOk = await verifyPassword(password, user.passwordHash);
    if (!passwordOk) return this.fail(user, input, 'wrong_password', subjects);
    if (user.status !== 'active' || !(await this.deps.merchantActive(user.merchantId))) {
      return this.fail(user, input, user.status !== 'active' ? 'user_disabled' : 'merchant_disabled', subjects);
    }
    if (user.totpSecret !== null) {
      const offered = Boolean(input.totpCode) || Boolean(input.recoveryCode);
      // The password was right: asking for the code is not a failure (the account's throttle still counts wrong codes).
      if (!offered) {
        throw new AppError('unauthorized', 'this account needs a TOTP code or a recovery code', [
          { path: 'totp_code', message: 'is required (or recovery_code)' },
        ]);
      }
      if (!(await this.deps.accounts.verifySecondFactor(user, input))) {
        return this.fail(user, input, input.totpCode ? 'wrong_totp_code' : 'wrong_recovery_code', subjects);
      }
    }

    await this.deps.sessions.clearFailures(subjects[0] as string);
    const now = this.clock.now();
    await this.deps.sessions.pruneEnded(user.id, now - this.deps.policy.absoluteMs);
    const token = `${SESSION_TOKEN_PREFIX}${Buffer.from(this.random(32)).toString('base64url')}`;
    const session = {
      id: this.ids('ses'),
      userId: user.id,
      tokenHash: hashSessionToken(token),
      clientIp: input.clientIp,
      userAgent: input.userAgent.slice(0, USER_AGENT_MAX_LENGTH),
      now,
      expiresAt: now + this.deps.policy.absoluteMs,
    };
    await this.deps.users.transaction(async (trx) => {
      await this.deps.sessions.insert(session, trx);
      await this.audit.record(trx, [
        this.entry(user.merchantId, sessionActor(user.id), 'session.created', session.id, input.requestId, {
          user_id: user.id,
          client_ip: input.clientIp,
          second_factor: user.totpSecret === null ? 'none' : input.totpCode ? 'totp' : 'recovery_code',
        }),
      ]);
    });
    return {
      token,
      csrfToken: csrfTokenOf(token),
      session: { ...session, createdAt: now, lastSeenAt: now, revokedAt: null },
      user: toUserView(user),
    };
  }

  /** The caller behind a cookie's token, or null when it is unknown, revoked, idle too long, past its end, or its user or merchant is disabled. */
  async authenticate(token: string): Promise<SessionIdentity | null> {
    if (!SESSION_TOKEN_PATTERN.test(token)) return null;
    const session = await this.deps.sessions.findByTokenHash(hashSessionToken(token));
    const now = this.clock.now();
    if (!session || session.revokedAt !== null || now >= session.expiresAt || now - session.lastSeenAt >= this.deps.policy.idleMs) {
      return null;
    }
    const user = await this.deps.users.findById(session.userId, null);
    if (user?.status !== 'active' || !(await this.deps.merchantActive(user.merchantId))) return null;
    await this.deps.sessions.touch(session.id, now);
    return {
      merchantId: user.merchantId,
      userId: user.id,
      email: user.email,
      role: user.role,
      sessionId: session.id,
      mustChangePassword: user.mustChangePassword,
      scopes: new Set(DASHBOARD_ROLE_CATALOGUE[user.role].scopes),
      csrfToken: csrfTokenOf(token),
      expiresAt: session.expiresAt,
    };
  }

  async logout(identity: Pick<SessionIdentity, 'merchantId' | 'userId' | 'sessionId'>, requestId: string | null): Promise<void> {
    await this.revokeAndRecord(identity.merchantId, identity.userId, identity.sessionId, 'session.logged_out', requestId);
  }

  async listSessions(userId: string, currentSessionId: string | null): Promise<SessionView[]> {
    return (await this.deps.sessions.listLive(userId, this.clock.now())).map((s) => toSessionView(s, currentSessionId));
  }

  /** Ends one of the user's own sessions; another user's session id answers 404 like an unknown one. */
  async revokeSession(
    identity: Pick<SessionIdentity, 'merchantId' | 'userId'>,
    sessionId: string,
    requestId: string | null,
  ): Promise<void> {
    const session = isId('ses', sessionId) ? await this.deps.sessions.findById(identity.userId, sessionId) : null;
    if (!session) throw notFound('session', sessionId);
    await this.revokeAndRecord(identity.merchantId, identity.userId, sessionId, 'session.revoked', requestId);
  }

  /** The user as the session answer shows it, with the recovery codes left. */
  async describe(userId: string): Promise<{ user: UserView; recoveryCodesLeft: number }> {
    const user = await this.deps.users.findById(userId, null);
    if (!user) throw new AppError('unauthorized', 'the session has ended');
    return { user: toUserView(user), recoveryCodesLeft: await this.deps.accounts.recoveryCodesLeft(user.id) };
  }

  /**
   * Forgets login failures that no longer count (from addresses and e-mails that did not fail again)
   * and sessions that ended more than an absolute timeout ago; the maintenance job calls it.
   */
  async pruneStale(): Promise<{ login_failures: number; sessions: number }> {
    const now = this.clock.now();
    return {
      login_failures: await this.deps.sessions.pruneFailures(now - this.deps.policy.throttleWindowMs),
      sessions: await this.deps.sessions.pruneAllEnded(now - this.deps.policy.absoluteMs),
    };
  }

  private async revokeAndRecord(merchantId: string, userId: string, sessionId: string, action: string, requestId: string | null) {
    const now = this.clock.now();
    await this.deps.users.transaction(async (trx) => {
      if ((await this.deps.sessions.revoke({ sessionId }, now, trx)) === 0) return;
      await this.audit.record(trx, [this.entry(merchantId, sessionActor(userId), action, sessionId, requestId, { user_id: userId })]);
    });
  }

  /** 429 with Retry-After while the account or the client address has too many recent failures. */
  private async refuseThrottled(subjects: readonly string[]): Promise<void> {
    const { throttleWindowMs, maxFailuresPerAccount, maxFailuresPerClient } = this.deps.policy;
    const now = this.clock.now();
    for (const subject of subjects) {
      const limit = subject.startsWith('account:') ? maxFailuresPerAccount : maxFailuresPerClient;
      const { count, oldest } = await this.deps.sessions.failuresSince(subject, now - throttleWindowMs);
      if (count < limit || oldest === null) continue;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + throttleWindowMs - now) / 1000));
      const who = subject.startsWith('account:') ? 'this account' : 'this client address';
      throw new AppError('rate_limited', `too many failed logins for ${who}; try again in ${retryAfterSeconds} s`, [], retryAfterSeconds);
    }
  }

  /** Counts the failure against the account and the client, records it (and a lockout it causes), and refuses. */
  private async fail(user: DashboardUser | null, input: LoginInput, reason: string, subjects: readonly string[]): Promise<never> {
    const { throttleWindowMs, maxFailuresPerAccount, maxFailuresPerClient } = this.deps.policy;
    const now = this.clock.now();
    const since = now - throttleWindowMs;
    await this.deps.sessions.recordFailure(subjects, now, since);
    const [account, client] = await Promise.all(subjects.map((s) => this.deps.sessions.failuresSince(s, since)));
    const actor = `client:${input.clientIp}`;
    const merchantId = user?.merchantId ?? null;
    const entries: AuditEntry[] = [
      this.entry(merchantId, actor, 'session.login_failed', null, input.requestId, {
        user_id: user?.id ?? null,
        reason,
        client_ip: input.clientIp,
      }),
    ];
    if (user && account?.count === maxFailuresPerAccount) {
      entries.push({
        ...this.entry(merchantId, actor, 'dashboard_user.locked_out', null, input.requestId, {
          failures: account.count,
          window_ms: throttleWindowMs,
        }),
        entityType: 'dashboard_user',
        entityId: user.id,
      });
    }
    if (client?.count === maxFailuresPerClient) {
      entries.push(
        this.entry(null, actor, 'session.client_locked_out', null, input.requestId, {
          client_ip: input.clientIp,
          failures: client.count,
          window_ms: throttleWindowMs,
        }),
      );
    }
    await this.deps.users.transaction((trx) => this.audit.record(trx, entries));
    throw new AppError('unauthorized', WRONG_CREDENTIALS);
  }

  private entry(
    merchantId: string | null,
    actor: string,
    action: string,
    sessionId: string | null,
    requestId: string | null,
    after: Record<string, unknown>,
  ): AuditEntry {
    return { merchantId, actor, action, entityType: 'session', entityId: sessionId, requestId, after };
  }
}

/** For use cases that take an AuditContext from a session. */
export function sessionContext(identity: Pick<SessionIdentity, 'userId'>, requestId: string | null): AuditContext {
  return { actor: sessionActor(identity.userId), requestId };
}

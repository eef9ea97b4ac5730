/** Wires dashboard users and sessions over one database: the composition root and the CLI build it the same way. */
import type { Kysely } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import type { SessionAuthenticator } from '../../http/ports.js';
import { type Clock, systemClock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import { type AuditRecorder, AuditTrail } from '../audit/audit-trail.js';
import type { MerchantsService } from '../merchants/merchants.service.js';
import type { ScryptParams } from './password-hash.js';
import { SessionsRepository } from './sessions.repository.js';
import { type SessionPolicy, SessionsService, sessionActor } from './sessions.service.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

export interface DashboardUsersModule {
  users: UsersService;
  sessions: SessionsService;
  /** what the HTTP auth hook asks about a session cookie */
  authenticator: SessionAuthenticator;
}

/** The session rules from the `dashboard` section of the configuration. */
export function sessionPolicyOf(config: GatewayConfig): SessionPolicy {
  const d = config.raw.dashboard;
  return {
    idleMs: d.session_idle_minutes * 60_000,
    absoluteMs: d.session_absolute_hours * 3_600_000,
    maxFailuresPerAccount: d.login_failures_per_account,
    maxFailuresPerClient: d.login_failures_per_client,
    throttleWindowMs: d.login_throttle_minutes * 60_000,
  };
}

export function createDashboardUsersModule(
  db: Kysely<DB>,
  options: {
    config: GatewayConfig;
    merchants: MerchantsService;
    clock?: Clock;
    ids?: IdGenerator;
    audit?: AuditRecorder;
    /** cheaper scrypt for tests; hashes name their parameters, so any cost verifies */
    scrypt?: ScryptParams;
  },
): DashboardUsersModule {
  const clock = options.clock ?? systemClock;
  const audit = options.audit ?? new AuditTrail(clock);
  const usersRepository = new UsersRepository(db);
  const sessionsRepository = new SessionsRepository(db);
  const users = new UsersService({
    users: usersRepository,
    sessions: sessionsRepository,
    requireMerchant: (merchantId) => options.merchants.getMerchant(merchantId),
    clock,
    audit,
    ...(options.ids ? { ids: options.ids } : {}),
    ...(options.scrypt ? { scrypt: options.scrypt } : {}),
  });
  const sessions = new SessionsService({
    sessions: sessionsRepository,
    users: usersRepository,
    accounts: users,
    policy: sessionPolicyOf(options.config),
    merchantActive: async (merchantId) => (await options.merchants.findMerchant(merchantId))?.status === 'active',
    clock,
    audit,
    ...(options.ids ? { ids: options.ids } : {}),
  });
  const authenticator: SessionAuthenticator = {
    async authenticateSession(token) {
      const identity = await sessions.authenticate(token);
      if (identity === null) return null;
      return {
        csrfToken: identity.csrfToken,
        principal: {
          merchantId: identity.merchantId,
          keyId: null,
          actor: sessionActor(identity.userId),
          scopes: identity.scopes,
          user: {
            id: identity.userId,
            email: identity.email,
            role: identity.role,
            sessionId: identity.sessionId,
            expiresAt: identity.expiresAt,
            mustChangePassword: identity.mustChangePassword,
          },
        },
      };
    },
  };
  return { users, sessions, authenticator };
}

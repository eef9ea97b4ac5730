/**
 * Dashboard users and sessions (issue 22): the types, the input rules, the API views and who may change
 * whom. No I/O here.
 */
import { type DashboardRole, isDashboardRole } from '../../shared/catalogues/dashboard-roles.js';
import { toIso } from '../../shared/clock.js';
import type { FieldError } from '../../shared/errors.js';
import { checkCustomerEmail } from '../checkout/checkout-rules.js';

export type { DashboardRole } from '../../shared/catalogues/dashboard-roles.js';
export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface DashboardUser {
  id: string;
  merchantId: string;
  /** lowercased */
  email: string;
  role: DashboardRole;
  status: UserStatus;
  passwordHash: string;
  mustChangePassword: boolean;
  /** base32; null until enrolment is confirmed */
  totpSecret: string | null;
  /** base32; an enrolment begun and not yet confirmed */
  totpPendingSecret: string | null;
  totpLastStep: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface DashboardSession {
  id: string;
  userId: string;
  clientIp: string;
  userAgent: string;
  createdAt: number;
  lastSeenAt: number;
  /** the absolute timeout */
  expiresAt: number;
  revokedAt: number | null;
}

/** What the API shows of a user: never a hash or a TOTP secret. */
export interface UserView {
  id: string;
  merchant_id: string;
  email: string;
  role: DashboardRole;
  status: UserStatus;
  must_change_password: boolean;
  totp_enabled: boolean;
  created_at: string;
  updated_at: string;
}

export function toUserView(user: DashboardUser): UserView {
  return {
    id: user.id,
    merchant_id: user.merchantId,
    email: user.email,
    role: user.role,
    status: user.status,
    must_change_password: user.mustChangePassword,
    totp_enabled: user.totpSecret !== null,
    created_at: toIso(user.createdAt),
    updated_at: toIso(user.updatedAt),
  };
}

export interface SessionView {
  id: string;
  current: boolean;
  client_ip: string;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export function toSessionView(session: DashboardSession, currentId: string | null): SessionView {
  return {
    id: session.id,
    current: session.id === currentId,
    client_ip: session.clientIp,
    user_agent: session.userAgent,
    created_at: toIso(session.createdAt),
    last_seen_at: toIso(session.lastSeenAt),
    expires_at: toIso(session.expiresAt),
  };
}

/** What the audit log keeps of a user. */
export function auditedUser(user: Pick<DashboardUser, 'id' | 'email' | 'role' | 'status' | 'mustChangePassword' | 'totpSecret'>) {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    status: user.status,
    must_change_password: user.mustChangePassword,
    totp_enabled: user.totpSecret !== null,
  };
}

/** The e-mail as stored (trimmed, lowercased), or a field error. */
export function normaliseEmail(value: unknown, path: string, errors: FieldError[]): string | null {
  const email = checkCustomerEmail(typeof value === 'string' ? value.trim() : value, path, errors);
  if (email === null && !errors.some((e) => e.path === path)) errors.push({ path, message: 'is required' });
  return email === null ? null : email.toLowerCase();
}

export function checkRole(value: unknown, path: string, errors: FieldError[]): DashboardRole | null {
  if (isDashboardRole(value)) return value;
  errors.push({ path, message: 'must be one of owner, admin, operator, viewer' });
  return null;
}

/**
 * Whether `actorRole` may give `target` the role `nextRole` (null: disable it). Only an owner touches an
 * owner or makes one; `activeOwners` guards the last owner, whoever asks.
 */
export function userChangeProblem(
  actorRole: DashboardRole,
  target: Pick<DashboardUser, 'role' | 'status'>,
  nextRole: DashboardRole | null,
  activeOwners: number,
): string | null {
  if (actorRole !== 'owner' && (target.role === 'owner' || nextRole === 'owner')) {
    return 'only an owner can make, demote or disable an owner';
  }
  const losesOwner = target.role === 'owner' && target.status === 'active' && nextRole !== 'owner';
  if (losesOwner && activeOwners <= 1) return 'the last owner cannot be demoted or disabled';
  return null;
}

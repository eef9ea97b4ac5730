/**
 * Dashboard roles (issue 22) and the API-key scopes a session of each role holds: a session
 * authenticates the same public routes as a key, so a role is nothing but a set of scopes plus what it
 * may do to other users. Listed from the most to the least powerful.
 */
import { SCOPES, type Scope } from './api-key-scopes.js';

export const DASHBOARD_ROLES = ['owner', 'admin', 'operator', 'viewer'] as const;
export type DashboardRole = (typeof DASHBOARD_ROLES)[number];

const READ_SCOPES: readonly Scope[] = ['payments:read', 'reports:read'];

/**
 * `changesState: false` refuses every POST, PUT, PATCH and DELETE of the role's sessions (but those of
 * its own account), even where a read scope guards the route (generating a report is a POST).
 */
export const DASHBOARD_ROLE_CATALOGUE: Readonly<
  Record<DashboardRole, { scopes: readonly Scope[]; changesState: boolean; description: string }>
> = {
  owner: { scopes: SCOPES, changesState: true, description: 'everything, including users, keys and other owners' },
  admin: { scopes: SCOPES, changesState: true, description: 'everything but making, demoting or disabling an owner' },
  // payouts:write is what approving a held payout asks for (and creating a payout)
  operator: {
    scopes: [...READ_SCOPES, 'payments:write', 'refunds:write', 'payouts:write'],
    changesState: true,
    description: 'payments, refunds and payout approval; reads everything a viewer reads',
  },
  viewer: { scopes: READ_SCOPES, changesState: false, description: 'reads payments and reports; changes nothing' },
};

export function isDashboardRole(value: unknown): value is DashboardRole {
  return typeof value === 'string' && (DASHBOARD_ROLES as readonly string[]).includes(value);
}

/** Roles that manage users (the `/api/v1/users` routes). */
export function managesUsers(role: DashboardRole): boolean {
  return role === 'owner' || role === 'admin';
}

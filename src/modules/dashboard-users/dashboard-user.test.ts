import { describe, expect, it } from 'vitest';
import { DASHBOARD_ROLE_CATALOGUE, DASHBOARD_ROLES } from '../../shared/catalogues/dashboard-roles.js';
import type { FieldError } from '../../shared/errors.js';
import { normaliseEmail, userChangeProblem } from './dashboard-user.js';

const active = (role: (typeof DASHBOARD_ROLES)[number]) => ({ role, status: 'active' as const });

describe('who may change whom', () => {
  it('lets only an owner make, demote or disable an owner', () => {
    for (const actor of DASHBOARD_ROLES.filter((r) => r !== 'owner')) {
      expect(userChangeProblem(actor, active('owner'), 'admin', 3)).toBe('only an owner can make, demote or disable an owner');
      expect(userChangeProblem(actor, active('owner'), null, 3)).toBe('only an owner can make, demote or disable an owner');
      expect(userChangeProblem(actor, active('viewer'), 'owner', 3)).toBe('only an owner can make, demote or disable an owner');
    }
    expect(userChangeProblem('owner', active('owner'), 'admin', 2)).toBeNull();
    expect(userChangeProblem('admin', active('operator'), 'viewer', 1)).toBeNull();
    expect(userChangeProblem('admin', active('viewer'), null, 1)).toBeNull();
  });

  it('keeps the last active owner, whoever asks; keeping the role is no demotion', () => {
    expect(userChangeProblem('owner', active('owner'), 'admin', 1)).toBe('the last owner cannot be demoted or disabled');
    expect(userChangeProblem('owner', active('owner'), null, 1)).toBe('the last owner cannot be demoted or disabled');
    expect(userChangeProblem('owner', active('owner'), 'owner', 1)).toBeNull();
    expect(userChangeProblem('owner', { role: 'owner', status: 'disabled' }, 'viewer', 1)).toBeNull();
  });

  it('gives each role its scopes: a viewer only reads and changes nothing', () => {
    expect(DASHBOARD_ROLE_CATALOGUE.viewer.scopes).toEqual(['payments:read', 'reports:read']);
    expect(DASHBOARD_ROLE_CATALOGUE.viewer.changesState).toBe(false);
    expect(DASHBOARD_ROLE_CATALOGUE.operator.scopes).not.toContain('admin');
    expect(DASHBOARD_ROLE_CATALOGUE.operator.scopes).toContain('payouts:write');
    expect(DASHBOARD_ROLE_CATALOGUE.admin.scopes).toContain('admin');
  });
});

describe('e-mail of an account', () => {
  it('is trimmed and lowercased; a missing or malformed one names the field', () => {
    const errors: FieldError[] = [];
    expect(normaliseEmail('  Ann@Shop.Example ', 'email', errors)).toBe('ann@shop.example');
    expect(normaliseEmail(undefined, 'email', errors)).toBeNull();
    expect(normaliseEmail('ann@', 'email', errors)).toBeNull();
    expect(errors).toEqual([
      { path: 'email', message: 'is required' },
      { path: 'email', message: 'must be an e-mail address' },
    ]);
  });
});

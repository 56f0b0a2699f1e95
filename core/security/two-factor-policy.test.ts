import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ROLES, roleHasPermission } from '../authz/permissions.ts';
import { isTwoFactorRequired, TWO_FACTOR_REQUIREMENTS } from './two-factor-policy.ts';

test('identity roles are exactly those that may read identities', () => {
  const required = ROLES.filter((role) => isTwoFactorRequired('identity_roles', role));
  assert.deepEqual(required, ['admin', 'coordinator', 'first_responder', 'case_worker', 'child_protection']);
});

test('property: "all" requires every role, "none" none, and identity_roles follows person.readIdentity', () => {
  fc.assert(fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...TWO_FACTOR_REQUIREMENTS), (role, requirement) => {
    const expected = requirement === 'all' ? true : requirement === 'none' ? false : roleHasPermission(role, 'person.readIdentity');
    assert.equal(isTwoFactorRequired(requirement, role), expected);
  }));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canGrantRole, PERMISSIONS, ROLE_PERMISSIONS, ROLES, roleHasPermission } from './permissions.ts';

test('role table: who may do what (the rows that matter most for privacy)', () => {
  const cases: [role: (typeof ROLES)[number], permission: (typeof PERMISSIONS)[number], expected: boolean][] = [
    ['admin', 'member.manage', true],
    ['coordinator', 'decision.record', true],
    ['first_responder', 'decision.record', false],
    ['first_responder', 'case.refer', true],
    ['case_worker', 'plan.manage', true],
    ['child_protection', 'child.manage', true],
    ['investigator', 'person.readIdentity', false],
    ['prosecutor', 'case.read', false],
    ['analyst', 'person.readIdentity', false],
    ['analyst', 'case.read', false],
    ['analyst', 'stats.read', true],
    ['auditor', 'audit.verify', true],
    ['auditor', 'person.readIdentity', false],
  ];
  for (const [role, permission, expected] of cases) assert.equal(roleHasPermission(role, permission), expected, `${role} ${permission}`);
});

test('every role holds only known permissions and can read its organisation', () => {
  for (const role of ROLES) {
    for (const permission of ROLE_PERMISSIONS[role]) assert.ok(PERMISSIONS.includes(permission));
    assert.ok(roleHasPermission(role, 'org.read'), role);
  }
});

test('nobody can grant a role holding a permission they lack (property)', () => {
  fc.assert(fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...ROLES), (granter, granted) => {
    if (canGrantRole(granter, granted)) {
      assert.ok(ROLE_PERMISSIONS[granted].every((p) => roleHasPermission(granter, p)));
      assert.ok(roleHasPermission(granter, 'member.manage'));
    }
  }));
  assert.equal(canGrantRole('admin', 'admin'), true);
  assert.equal(canGrantRole('coordinator', 'analyst'), false, 'no member.manage');
});

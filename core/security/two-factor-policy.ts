import { roleHasPermission, type TRole } from '../authz/permissions.ts';

/** What an organisation demands of its members' sign-in. */
export const TWO_FACTOR_REQUIREMENTS = ['none', 'all', 'identity_roles'] as const;
export type TTwoFactorRequirement = (typeof TWO_FACTOR_REQUIREMENTS)[number];

/** Break-the-glass grants last this long unless the organisation chose otherwise. */
export const DEFAULT_EMERGENCY_ACCESS_HOURS = 4;
export const MAX_EMERGENCY_ACCESS_HOURS = 72;

/**
 * Whether a member in `role` must use two-factor sign-in under `requirement`. "identity_roles"
 * means the roles that can decrypt who a person is (person.readIdentity), read from the role
 * table so a role that gains that permission is covered without another change here.
 */
export function isTwoFactorRequired(requirement: TTwoFactorRequirement, role: TRole): boolean {
  switch (requirement) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'identity_roles':
      return roleHasPermission(role, 'person.readIdentity');
  }
}

import { ROLES, roleHasPermission, type TRole } from '../../../../core/authz/permissions.ts';

/** Who hears about a linkage project (an invitation, results ready): the roles that may run linkage. */
export const LINKAGE_ROLES: readonly TRole[] = ROLES.filter((role) => roleHasPermission(role, 'linkage.run'));

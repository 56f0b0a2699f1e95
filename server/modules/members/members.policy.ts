import { canGrantRole, type TRole } from '../../../core/authz/permissions.ts';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TActor } from '../../context.ts';
import { authorize, roleIn } from '../../authz/policy.ts';

/** Whether the actor may hand out (or take away) `role` in the organisation. */
export function canManageRole(actor: TActor, orgId: string, role: TRole): boolean {
  if (actor.type === 'cli' || actor.type === 'system') return true;
  if (actor.type !== 'user') return false;
  if (actor.isPlatformAdmin) return true;
  const ownRole = roleIn(actor, orgId);
  return ownRole !== null && canGrantRole(ownRole, role);
}

/**
 * @throws NOT_FOUND outside the organisation, FORBIDDEN without member.manage or when the role
 *   is above the actor's own (reason ROLE_ABOVE_OWN)
 */
export function authorizeRoleChange(actor: TActor, orgId: string, roles: TRole[]): void {
  authorize(actor, orgId, 'member.manage');
  for (const role of roles) {
    if (!canManageRole(actor, orgId, role)) {
      throw new AppError('FORBIDDEN', `You cannot grant or remove the role ${role}: it holds permissions you do not have.`, { reason: 'ROLE_ABOVE_OWN', role });
    }
  }
}

/** @throws DOMAIN_RULE_VIOLATED (LAST_ADMIN) when a change would leave the organisation without an administrator */
export function assertNotLastAdmin(adminCount: number, removesAnAdmin: boolean): void {
  if (removesAnAdmin && adminCount <= 1) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'An organisation must keep at least one administrator.', { reason: 'LAST_ADMIN' });
  }
}

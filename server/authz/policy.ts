import { AppError } from '../../core/errors/app-error.ts';
import { ROLE_PERMISSIONS, type TPermission, type TRole } from '../../core/authz/permissions.ts';
import type { TActor } from '../context.ts';

/**
 * Platform administrators bootstrap organisations: they may see every organisation and manage
 * its members, but they gain no access to case data through this flag.
 */
const PLATFORM_ADMIN_PERMISSIONS: readonly TPermission[] = ['org.read', 'member.read', 'member.manage'];

/** The actor's role in an organisation, or null when not a member. */
export function roleIn(actor: TActor, orgId: string): TRole | null {
  return actor.type === 'user' ? actor.roles.get(orgId) ?? null : null;
}

/** Every permission the actor holds in the organisation. */
export function permissionsIn(actor: TActor, orgId: string): Set<TPermission> {
  const granted = new Set<TPermission>();
  if (actor.type === 'cli' || actor.type === 'system') return new Set(ROLE_PERMISSIONS.admin);
  if (actor.type !== 'user') return granted;
  const role = actor.roles.get(orgId);
  if (role) for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  if (actor.isPlatformAdmin) for (const permission of PLATFORM_ADMIN_PERMISSIONS) granted.add(permission);
  return granted;
}

export function can(actor: TActor, orgId: string, permission: TPermission): boolean {
  return permissionsIn(actor, orgId).has(permission);
}

/**
 * Tenancy first: an organisation the actor cannot see does not exist for them (NOT_FOUND, so
 * its existence does not leak); inside a visible organisation a missing permission is FORBIDDEN.
 */
export function authorize(actor: TActor, orgId: string, permission: TPermission): void {
  const permissions = permissionsIn(actor, orgId);
  if (permissions.size === 0) throw new AppError('NOT_FOUND', 'Organisation not found.');
  if (!permissions.has(permission)) {
    throw new AppError('FORBIDDEN', `You do not have the permission ${permission} in this organisation.`, { reason: 'MISSING_PERMISSION', permission });
  }
}

/** Throws UNAUTHENTICATED unless a signed-in user is acting; returns that user. */
export function requireUser(actor: TActor): Extract<TActor, { type: 'user' }> {
  if (actor.type !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return actor;
}

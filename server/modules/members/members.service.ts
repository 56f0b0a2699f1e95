import type { TRole } from '../../../core/authz/permissions.ts';
import { INITIAL_PASSWORD_DAYS } from '../../../core/security/account-recovery.ts';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { findUserByEmail } from '../users/users.repo.ts';
import { createUser } from '../users/users.service.ts';
import { assertNotLastAdmin, authorizeRoleChange } from './members.policy.ts';
import {
  countAdminsForUpdate, deleteMembership, findMember, insertMembership, updateMembershipRole, type TMemberRecord,
} from './members.repo.ts';

async function requireMember(ctx: TCtx, orgId: string, userId: string): Promise<TMemberRecord> {
  const member = await findMember(ctx.db, orgId, userId);
  if (!member) throw new AppError('NOT_FOUND', 'This person is not a member of the organisation.');
  return member;
}

export interface TAddMemberInput {
  email: string;
  displayName: string;
  /** Needed only when no account has this e-mail yet. */
  password?: string | undefined;
  role: TRole;
}

/**
 * Adds a person to an organisation with a role, creating their account when the e-mail is new
 * (with an initial password that must be replaced at the first sign-in).
 * @throws FORBIDDEN (ROLE_ABOVE_OWN), CONFLICT (ALREADY_MEMBER), VALIDATION_FAILED (password needed)
 */
export async function addMember(ctx: TCtx, orgId: string, input: TAddMemberInput): Promise<TMemberRecord> {
  authorizeRoleChange(ctx.actor, orgId, [input.role]);
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'member.manage');
  let user = await findUserByEmail(ctx.db, input.email);
  if (!user) {
    if (!input.password) {
      throw new AppError('VALIDATION_FAILED', 'A new account needs an initial password.', { issues: [{ path: 'body.password', message: 'Required for a new account' }] });
    }
    // An administrator chose this password and knows it: the person replaces it at their first
    // sign-in (password-change-gate.ts). Accounts made by the system (fixtures, demo) are the operator's.
    const temporaryPasswordUntil = ctx.actor.type === 'user' ? new Date(ctx.now().getTime() + INITIAL_PASSWORD_DAYS * 86_400_000) : null;
    user = await createUser(ctx, { email: input.email, displayName: input.displayName, password: input.password, isPlatformAdmin: false, auditOrgId: orgId, passwordPath: 'body.password', temporaryPasswordUntil });
  } else if (await findMember(ctx.db, orgId, user.id)) {
    throw new AppError('CONFLICT', 'This person is already a member.', { reason: 'ALREADY_MEMBER' });
  }
  await insertMembership(ctx.db, { orgId, userId: user.id, role: input.role, createdAt: ctx.now() });
  await ctx.audit.record('membership.granted', { orgId, subjectType: 'user', subjectId: user.id, metadata: { userId: user.id, email: user.email, role: input.role } });
  return requireMember(ctx, orgId, user.id);
}

/** @throws NOT_FOUND, FORBIDDEN (ROLE_ABOVE_OWN), DOMAIN_RULE_VIOLATED (LAST_ADMIN) */
export async function changeMemberRole(ctx: TCtx, orgId: string, userId: string, role: TRole): Promise<TMemberRecord> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'member.manage');
  const member = await requireMember(ctx, orgId, userId);
  const from = member.role as TRole;
  authorizeRoleChange(ctx.actor, orgId, [from, role]);
  if (from === role) return member;
  assertNotLastAdmin(await countAdminsForUpdate(ctx.db, orgId), from === 'admin');
  await updateMembershipRole(ctx.db, orgId, userId, role);
  await ctx.audit.record('membership.roleChanged', { orgId, subjectType: 'user', subjectId: userId, changes: { role: { from, to: role } }, metadata: { userId, email: member.email, from, to: role } });
  return requireMember(ctx, orgId, userId);
}

/** @throws NOT_FOUND, FORBIDDEN (ROLE_ABOVE_OWN), DOMAIN_RULE_VIOLATED (LAST_ADMIN) */
export async function removeMember(ctx: TCtx, orgId: string, userId: string): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'member.manage');
  const member = await requireMember(ctx, orgId, userId);
  const role = member.role as TRole;
  authorizeRoleChange(ctx.actor, orgId, [role]);
  assertNotLastAdmin(await countAdminsForUpdate(ctx.db, orgId), role === 'admin');
  await deleteMembership(ctx.db, orgId, userId);
  await ctx.audit.record('membership.revoked', { orgId, subjectType: 'user', subjectId: userId, metadata: { userId, email: member.email, role } });
}

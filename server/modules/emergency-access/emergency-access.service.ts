import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { can, requireUser } from '../../authz/policy.ts';
import { openJson, sealJson } from '../../crypto/field-encryption.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { findSecurityPolicy } from '../security-policy/security-policy.repo.ts';
import { endGrant, findCaseOwnersAndAdmins, findGrantForUpdate, findGrantsOfCase, findLiveGrant, insertGrant } from './emergency-access.repo.ts';

/** Binds the sealed justification to its organisation and grant. */
export const justificationContext = (orgId: string, grantId: string) => `palermo/emergency-justification/${orgId}/${grantId}`;

export interface TEmergencyGrant {
  id: string;
  caseId: string;
  user: { id: string; displayName: string; email: string };
  justification: string;
  grantedAt: string;
  expiresAt: string;
  endedAt: string | null;
  status: 'active' | 'expired' | 'ended';
}

/**
 * Break-the-glass: a member without case.read (but with case.emergencyAccess) gets read access
 * to one case at once, for the organisation's configured hours, on a written justification
 * (sealed under the organisation key). Granted, not requested for approval: an emergency does
 * not wait; instead the grant is audited as its own event class, every read under it is marked,
 * and the case's owners and the organisation's administrators are notified in the same
 * transaction. Members of other organisations get NOT_FOUND, like any other access there.
 * @throws DOMAIN_RULE_VIOLATED (ALREADY_HAS_ACCESS), CONFLICT (EMERGENCY_ACCESS_ACTIVE), NOT_FOUND
 */
export async function requestEmergencyAccess(ctx: TCtx, orgId: string, caseId: string, input: { justification: string }): Promise<TEmergencyGrant> {
  const actor = requireUser(ctx.actor);
  await authorizeInOrganisation(ctx.db, actor, orgId, 'case.emergencyAccess');
  if (can(actor, orgId, 'case.read')) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'You can already read this case; emergency access is for members who cannot.', { reason: 'ALREADY_HAS_ACCESS' });
  }
  const found = await ctx.db.selectFrom('cases').select('id').where('orgId', '=', orgId).where('id', '=', caseId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'Case not found.');
  const now = ctx.now();
  if (await findLiveGrant(ctx.db, orgId, caseId, actor.userId, now)) {
    throw new AppError('CONFLICT', 'You already have emergency access to this case.', { reason: 'EMERGENCY_ACCESS_ACTIVE' });
  }
  const { emergencyAccessHours: hours } = await findSecurityPolicy(ctx.db, orgId);
  const grantId = randomUUID();
  const key = await ctx.keyring.currentKey(ctx.db, orgId, now);
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await insertGrant(ctx.db, {
    orgId, id: grantId, caseId, userId: actor.userId, keyVersion: key.version, grantedAt: now, expiresAt,
    justificationCiphertext: sealJson(key.dataKey, input.justification, justificationContext(orgId, grantId)),
  });
  await ctx.audit.record('emergencyAccess.granted', {
    orgId, subjectType: 'emergencyAccessGrant', subjectId: grantId, caseId, metadata: { grantId, caseId, hours, expiresAt: expiresAt.toISOString() },
  });
  await notifyUsers(ctx, {
    orgId, userIds: await findCaseOwnersAndAdmins(ctx.db, orgId, caseId), kind: 'emergencyAccess.granted',
    subjectType: 'case', subjectId: caseId, payload: { grantId, userId: actor.userId, hours },
  });
  return {
    id: grantId, caseId, user: { id: actor.userId, displayName: actor.displayName, email: actor.email }, justification: input.justification,
    grantedAt: now.toISOString(), expiresAt: expiresAt.toISOString(), endedAt: null, status: 'active',
  };
}

/**
 * Ends a grant before it expires: by its holder, or by an administrator (org.configure).
 * @throws NOT_FOUND, FORBIDDEN (someone else's grant), CONFLICT (EMERGENCY_ACCESS_NOT_ACTIVE)
 */
export async function endEmergencyAccess(ctx: TCtx, orgId: string, grantId: string): Promise<void> {
  const actor = requireUser(ctx.actor);
  await authorizeInOrganisation(ctx.db, actor, orgId, 'org.read');
  const grant = await findGrantForUpdate(ctx.db, orgId, grantId);
  if (!grant) throw new AppError('NOT_FOUND', 'Emergency access grant not found.');
  const endedBy = grant.userId === actor.userId ? 'holder' : can(actor, orgId, 'org.configure') ? 'administrator' : null;
  if (!endedBy) throw new AppError('FORBIDDEN', 'Only the holder or an administrator can end this emergency access.', { reason: 'NOT_GRANT_HOLDER' });
  if (grant.endedAt || grant.expiresAt <= ctx.now()) {
    throw new AppError('CONFLICT', 'This emergency access has already ended.', { reason: 'EMERGENCY_ACCESS_NOT_ACTIVE' });
  }
  await endGrant(ctx.db, grant.id, actor.userId, ctx.now());
  await ctx.audit.record('emergencyAccess.ended', { orgId, subjectType: 'emergencyAccessGrant', subjectId: grant.id, caseId: grant.caseId, metadata: { grantId: grant.id, caseId: grant.caseId, endedBy } });
}

/**
 * Who had emergency access to the case, with their justifications: for readers of the case;
 * a holder without case.read sees only their own grants.
 * @throws FORBIDDEN / NOT_FOUND as for reading the case
 */
export async function findEmergencyAccessOfCase(ctx: TCtx, orgId: string, caseId: string): Promise<TEmergencyGrant[]> {
  const actor = requireUser(ctx.actor);
  const readsCase = can(actor, orgId, 'case.read');
  if (!readsCase) {
    const ownGrant = actor.roles.has(orgId) ? await findLiveGrant(ctx.db, orgId, caseId, actor.userId, ctx.now()) : undefined;
    if (!ownGrant) await authorizeInOrganisation(ctx.db, actor, orgId, 'case.read');
  } else {
    await authorizeInOrganisation(ctx.db, actor, orgId, 'case.read');
  }
  const rows = await findGrantsOfCase(ctx.db, orgId, caseId, readsCase ? null : actor.userId);
  const now = ctx.now();
  const grants: TEmergencyGrant[] = [];
  for (const row of rows) {
    const key = await ctx.keyring.keyVersion(ctx.db, orgId, row.keyVersion);
    grants.push({
      id: row.id, caseId: row.caseId, user: { id: row.userId, displayName: row.displayName, email: row.email },
      justification: openJson<string>(key.dataKey, row.justificationCiphertext, justificationContext(orgId, row.id)),
      grantedAt: row.grantedAt.toISOString(), expiresAt: row.expiresAt.toISOString(), endedAt: row.endedAt?.toISOString() ?? null,
      status: row.endedAt ? 'ended' : row.expiresAt <= now ? 'expired' : 'active',
    });
  }
  return grants;
}

import { AppError } from '../../../core/errors/app-error.ts';
import { REFERRAL_ACTION_SIDE, type TReferralAction, type TReferralSide } from '../../../core/protection/referral-status.ts';
import type { TPermission } from '../../../core/authz/permissions.ts';
import type { TAuditAction, TAuditMetadata } from '../../../core/audit/events.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import type { TServiceReferralRow } from '../../db/schema/protection.ts';

/**
 * A referral is visible to the referring organisation always, and to the receiving
 * organisation until it is revoked; to anyone else it does not exist (NOT_FOUND). The case
 * itself is never reachable from the receiving side.
 * @throws NOT_FOUND, FORBIDDEN (permission in the viewer's organisation)
 */
export async function requireVisibleReferral(ctx: TCtx, viewerOrgId: string, referralId: string, permission: TPermission = 'serviceReferral.manage', options: { forUpdate?: boolean } = {}): Promise<{ row: TServiceReferralRow; side: TReferralSide }> {
  await authorizeInOrganisation(ctx.db, ctx.actor, viewerOrgId, permission);
  let query = ctx.db.selectFrom('serviceReferrals').selectAll().where('id', '=', referralId)
    .where((eb) => eb.or([eb('orgId', '=', viewerOrgId), eb.and([eb('receivingOrgId', '=', viewerOrgId), eb('status', '!=', 'revoked')])]));
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Referral not found.');
  return { row, side: row.orgId === viewerOrgId ? 'referrer' : 'receiver' };
}

/** @throws FORBIDDEN (`NOT_RECEIVER` / `NOT_REFERRER`) when the action belongs to the other side */
export function assertSide(side: TReferralSide, action: TReferralAction): void {
  const required = REFERRAL_ACTION_SIDE[action];
  if (side !== required) {
    throw new AppError('FORBIDDEN', required === 'receiver' ? 'Only the receiving organisation can do this.' : 'Only the referring organisation can do this.', { reason: required === 'receiver' ? 'NOT_RECEIVER' : 'NOT_REFERRER' });
  }
}

/** @throws CONFLICT (VERSION_CONFLICT) */
export function assertVersion(row: { version: number }, expectedVersion: number): void {
  if (row.version !== expectedVersion) throw new AppError('CONFLICT', 'Someone changed this referral meanwhile. Reload it and try again.', { reason: 'VERSION_CONFLICT' });
}

/**
 * Records a referral event in the referring organisation's chain (with the case, so it shows on
 * the case's timeline) and in the receiving organisation's chain (without it).
 */
export async function auditBothSides<A extends TAuditAction>(ctx: TCtx, action: A, row: { id: string; orgId: string; receivingOrgId: string; caseId: string }, metadata: TAuditMetadata<A>): Promise<void> {
  await ctx.audit.record(action, { orgId: row.orgId, subjectType: 'serviceReferral', subjectId: row.id, caseId: row.caseId, metadata });
  await ctx.audit.record(action, { orgId: row.receivingOrgId, subjectType: 'serviceReferral', subjectId: row.id, metadata });
}

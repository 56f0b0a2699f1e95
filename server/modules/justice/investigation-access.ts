import type { TPermission } from '../../../core/authz/permissions.ts';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';

/**
 * An investigation is visible in its own organisation, and in another one only when its
 * operation was shared with that organisation explicitly; every such cross-organisation access
 * is audited in the viewer's chain. Anything else is NOT_FOUND.
 */
export async function requireVisibleInvestigation(ctx: TCtx, viewerOrgId: string, investigationId: string, permission: TPermission) {
  await authorizeInOrganisation(ctx.db, ctx.actor, viewerOrgId, permission);
  const row = await ctx.db.selectFrom('investigations').selectAll().where('id', '=', investigationId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Investigation not found.');
  if (row.orgId === viewerOrgId) return { row, isShared: false };
  const share = row.operationId
    ? await ctx.db.selectFrom('operationShares').select('operationId').where('operationId', '=', row.operationId).where('sharedWithOrgId', '=', viewerOrgId).executeTakeFirst()
    : undefined;
  if (!share) throw new AppError('NOT_FOUND', 'Investigation not found.');
  await ctx.audit.record('investigation.sharedAccessed', { orgId: viewerOrgId, subjectType: 'investigation', subjectId: row.id, metadata: { investigationId: row.id, ownerOrgId: row.orgId } });
  return { row, isShared: true };
}

/** The suspect and its visible investigation. @throws NOT_FOUND */
export async function requireVisibleSuspect(ctx: TCtx, viewerOrgId: string, suspectId: string, permission: TPermission) {
  const suspect = await ctx.db.selectFrom('suspects').select(['id', 'investigationId', 'orgId']).where('id', '=', suspectId).executeTakeFirst();
  if (!suspect) {
    await authorizeInOrganisation(ctx.db, ctx.actor, viewerOrgId, permission);
    throw new AppError('NOT_FOUND', 'Suspect not found.');
  }
  const { row } = await requireVisibleInvestigation(ctx, viewerOrgId, suspect.investigationId, permission);
  return { suspect, investigation: row };
}

/** The charge, its suspect and visible investigation. @throws NOT_FOUND */
export async function requireVisibleCharge(ctx: TCtx, viewerOrgId: string, chargeId: string, permission: TPermission) {
  const charge = await ctx.db.selectFrom('charges').select(['id', 'suspectId', 'orgId']).where('id', '=', chargeId).executeTakeFirst();
  if (!charge) {
    await authorizeInOrganisation(ctx.db, ctx.actor, viewerOrgId, permission);
    throw new AppError('NOT_FOUND', 'Charge not found.');
  }
  const { investigation } = await requireVisibleSuspect(ctx, viewerOrgId, charge.suspectId, permission);
  return { charge, investigation };
}

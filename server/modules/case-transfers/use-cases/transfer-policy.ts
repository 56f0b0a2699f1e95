import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { transferPolicyOf } from '../transfer-access.ts';

export async function getTransferPolicy(ctx: TCtx, orgId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.read');
  return transferPolicyOf(ctx.db, orgId);
}

/** Applies to transfers accepted from now on; cases already handed over keep the rule of their day. */
export async function changeTransferPolicy(ctx: TCtx, orgId: string, input: { keepReadAccess: boolean }) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.configure');
  const now = ctx.now();
  await ctx.db.insertInto('caseTransferPolicies').values({ orgId, keepReadAccess: input.keepReadAccess, updatedAt: now })
    .onConflict((conflict) => conflict.column('orgId').doUpdateSet({ keepReadAccess: input.keepReadAccess, updatedAt: now })).execute();
  await ctx.audit.record('transferPolicy.changed', { orgId, subjectType: 'organisation', subjectId: orgId, metadata: { keepReadAccess: input.keepReadAccess } });
  return { keepReadAccess: input.keepReadAccess };
}

/**
 * Organisations a case may be handed over to: every other organisation of the deployment (names
 * and kinds only; agencies need to find each other, and nothing about their cases is shown).
 */
export async function findTransferReceivers(ctx: TCtx, orgId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.transfer');
  return ctx.db.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', '!=', orgId).orderBy('name').limit(1000).execute();
}

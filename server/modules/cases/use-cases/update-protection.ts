import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { getCaseRow, updateCaseVersioned } from '../cases.repo.ts';
import type { TProtection } from '../cases.schemas.ts';

/**
 * Records the protection flags: non-punishment (offences linked to exploitation, surfaced to
 * prosecutors), residence and asylum status, international protection needs.
 */
export async function updateProtection(ctx: TCtx, orgId: string, caseId: string, protection: TProtection): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.refer');
  const row = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  const before = row.protection as TProtection;
  const fields = (Object.keys(protection) as (keyof TProtection)[]).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(protection[field]));
  await updateCaseVersioned(ctx.db, orgId, caseId, row.version, { protection: JSON.stringify(protection) }, ctx.now());
  await ctx.audit.record('case.protectionUpdated', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { fields } });
}

import { assertCaseTransition, type TCaseStatus } from '../../../../core/nrm/case-status.ts';
import { assertChildClosure } from '../../../../core/nrm/child-pathway.ts';
import { assertClosureReason, type TClosureReason } from '../../../../core/nrm/closure.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { closeOpenDeadlines, getCaseRow, updateCaseVersioned } from '../cases.repo.ts';
import { childFactsOf } from '../case-rules.ts';

const OPEN_DEADLINE_KINDS = ['rg_decision', 'recovery_period_end'];

/** The person withdraws from the NRM. @throws INVALID_TRANSITION, CONFLICT */
export async function withdrawCase(ctx: TCtx, orgId: string, caseId: string, expectedVersion: number): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.refer');
  const row = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  const from = row.status as TCaseStatus;
  const to = assertCaseTransition(from, 'withdraw');
  const now = ctx.now();
  await updateCaseVersioned(ctx.db, orgId, caseId, expectedVersion, { status: to }, now);
  await closeOpenDeadlines(ctx.db, orgId, caseId, OPEN_DEADLINE_KINDS, 'cancelled', now);
  await ctx.audit.record('case.withdrawn', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { from } });
}

/**
 * Closes a case with a reason that must fit its status. An unaccompanied child's case cannot be
 * closed before a guardian is recorded.
 * @throws INVALID_TRANSITION, DOMAIN_RULE_VIOLATED (GUARDIAN_REQUIRED, closure reason), CONFLICT
 */
export async function closeCase(ctx: TCtx, orgId: string, caseId: string, input: { reason: TClosureReason; expectedVersion: number }): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.close');
  const row = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  const from = row.status as TCaseStatus;
  const to = assertCaseTransition(from, 'close');
  assertClosureReason(from, input.reason);
  if (row.isChild) assertChildClosure(childFactsOf(row));
  const now = ctx.now();
  await updateCaseVersioned(ctx.db, orgId, caseId, input.expectedVersion, { status: to, closedAt: now, closureReason: input.reason }, now);
  await closeOpenDeadlines(ctx.db, orgId, caseId, OPEN_DEADLINE_KINDS, 'cancelled', now);
  await ctx.audit.record('case.closed', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { from, reason: input.reason } });
}

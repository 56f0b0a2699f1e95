/**
 * Records what the registering user did after a duplicate check showed possible matches: went on
 * registering a new person, or opened an existing case instead. Ids only; the case must belong to
 * the organisation and, for "registered anyway", be a case of a person not among the matches.
 */
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import type { TDuplicateCheckDecisionRequest } from '../linkage.schemas.ts';

/** @throws FORBIDDEN (case.create), NOT_FOUND (case or persons not in the organisation), DOMAIN_RULE_VIOLATED (inconsistent decision) */
export async function recordDuplicateCheckDecision(ctx: TCtx, orgId: string, input: TDuplicateCheckDecisionRequest): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.create');
  const found = await ctx.db.selectFrom('cases').select(['id', 'personId']).where('orgId', '=', orgId).where('id', '=', input.caseId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'No such case in this organisation.', { reason: 'CASE_NOT_FOUND' });
  const matched = [...new Set(input.matchedPersonIds)];
  const persons = await ctx.db.selectFrom('persons').select('id').where('orgId', '=', orgId).where('id', 'in', matched).execute();
  if (persons.length !== matched.length) throw new AppError('NOT_FOUND', 'A matched person is not in this organisation.', { reason: 'PERSON_NOT_FOUND' });
  const caseOfMatch = matched.includes(found.personId);
  if (input.decision === 'opened_existing' && !caseOfMatch) throw new AppError('DOMAIN_RULE_VIOLATED', 'The case opened is not a case of a matched person.', { reason: 'CASE_NOT_OF_MATCH' });
  if (input.decision === 'registered_anyway' && caseOfMatch) throw new AppError('DOMAIN_RULE_VIOLATED', 'The new case belongs to a matched person.', { reason: 'CASE_OF_MATCH' });
  await ctx.audit.record('duplicateCheck.decided', {
    orgId, subjectType: 'case', subjectId: input.caseId, caseId: input.caseId,
    metadata: { decision: input.decision, candidates: matched.length, caseId: input.caseId, matchedPersonIds: matched },
  });
}

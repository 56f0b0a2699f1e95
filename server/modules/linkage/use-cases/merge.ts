/**
 * Merge and unmerge two records of one person. A merge moves the duplicate's cases to the
 * surviving person and records exactly what it changed (the case ids, the candidate's previous
 * decision), so that unmerge restores the rows as they were: only cases.person_id and the
 * candidate's status fields change, and nothing else (not even updated_at) is touched. The
 * duplicate's person row stays, sealed, and is left out of jobs, checks and the queue while the
 * merge is in force. Merges undo in reverse order: a merge whose cases have moved on (the
 * survivor was merged again) must wait until that later merge is undone.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { presentMerge } from '../linkage.presenter.ts';
import type { TMerge } from '../linkage.schemas.ts';
import { getCandidateRow } from './review-queue.ts';

/**
 * @throws NOT_FOUND, FORBIDDEN (duplicate.review), DOMAIN_RULE_VIOLATED (CANDIDATE_REJECTED,
 *   CANDIDATE_MERGED, NOT_IN_PAIR, PERSON_MERGED)
 */
export async function mergeCandidate(ctx: TCtx, orgId: string, candidateId: string, survivingPersonId: string): Promise<TMerge> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'duplicate.review');
  const candidate = await getCandidateRow(ctx, orgId, candidateId);
  if (candidate.status === 'merged') throw new AppError('DOMAIN_RULE_VIOLATED', 'This pair is already merged.', { reason: 'CANDIDATE_MERGED' });
  if (candidate.status === 'not_match') throw new AppError('DOMAIN_RULE_VIOLATED', 'This pair was decided not to be a match: reopen it first.', { reason: 'CANDIDATE_REJECTED' });
  if (survivingPersonId !== candidate.firstPersonId && survivingPersonId !== candidate.secondPersonId) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'The surviving person must be one of the pair.', { reason: 'NOT_IN_PAIR' });
  }
  const mergedPersonId = survivingPersonId === candidate.firstPersonId ? candidate.secondPersonId : candidate.firstPersonId;
  const mergedAway = await ctx.db.selectFrom('personMerges').select('id').where('orgId', '=', orgId).where('status', '=', 'merged')
    .where('mergedPersonId', 'in', [candidate.firstPersonId, candidate.secondPersonId]).executeTakeFirst();
  if (mergedAway) throw new AppError('DOMAIN_RULE_VIOLATED', 'One of these persons has already been merged into another.', { reason: 'PERSON_MERGED', mergeId: mergedAway.id });
  const moved = await ctx.db.selectFrom('cases').select('id').where('orgId', '=', orgId).where('personId', '=', mergedPersonId).orderBy('id').forUpdate().execute();
  const movedCaseIds = moved.map((row) => row.id);
  if (movedCaseIds.length > 0) {
    await ctx.db.updateTable('cases').set({ personId: survivingPersonId }).where('orgId', '=', orgId).where('id', 'in', movedCaseIds).execute();
  }
  const now = ctx.now();
  const userId = ctx.actor.type === 'user' ? ctx.actor.userId : null;
  const mergeId = randomUUID();
  await ctx.db.insertInto('personMerges').values({
    orgId, id: mergeId, candidateId, survivingPersonId, mergedPersonId, movedCaseIds,
    candidateStatusBefore: candidate.status, candidateDecidedByBefore: candidate.decidedBy, candidateDecidedAtBefore: candidate.decidedAt,
    status: 'merged', mergedBy: userId, mergedAt: now,
  }).execute();
  await ctx.db.updateTable('duplicateCandidates').set({ status: 'merged', decidedBy: userId, decidedAt: now }).where('id', '=', candidateId).execute();
  await ctx.audit.record('person.merged', {
    orgId, subjectType: 'person', subjectId: survivingPersonId,
    metadata: { mergeId, candidateId, survivingPersonId, mergedPersonId, movedCases: movedCaseIds.length },
  });
  return presentMerge(await ctx.db.selectFrom('personMerges').selectAll().where('id', '=', mergeId).executeTakeFirstOrThrow());
}

/**
 * Undoes a merge exactly.
 * @throws NOT_FOUND, DOMAIN_RULE_VIOLATED (ALREADY_UNMERGED, MERGE_NOT_LATEST)
 */
export async function unmergePersons(ctx: TCtx, orgId: string, mergeId: string): Promise<TMerge> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'duplicate.review');
  const merge = await ctx.db.selectFrom('personMerges').selectAll().where('orgId', '=', orgId).where('id', '=', mergeId).forUpdate().executeTakeFirst();
  if (!merge) throw new AppError('NOT_FOUND', 'Merge not found.');
  if (merge.status !== 'merged') throw new AppError('DOMAIN_RULE_VIOLATED', 'This merge has already been undone.', { reason: 'ALREADY_UNMERGED' });
  const stillThere = merge.movedCaseIds.length === 0 ? [] : await ctx.db.selectFrom('cases').select('id').where('orgId', '=', orgId)
    .where('id', 'in', merge.movedCaseIds).where('personId', '=', merge.survivingPersonId).forUpdate().execute();
  const survivorMergedAway = await ctx.db.selectFrom('personMerges').select('id').where('orgId', '=', orgId).where('status', '=', 'merged')
    .where('mergedPersonId', '=', merge.survivingPersonId).executeTakeFirst();
  if (stillThere.length !== merge.movedCaseIds.length || survivorMergedAway) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'A later merge moved these cases on: undo that one first.', { reason: 'MERGE_NOT_LATEST', laterMergeId: survivorMergedAway?.id ?? null });
  }
  if (merge.movedCaseIds.length > 0) {
    await ctx.db.updateTable('cases').set({ personId: merge.mergedPersonId }).where('orgId', '=', orgId).where('id', 'in', merge.movedCaseIds).execute();
  }
  if (merge.candidateId) {
    await ctx.db.updateTable('duplicateCandidates').set({
      status: merge.candidateStatusBefore ?? 'pending', decidedBy: merge.candidateDecidedByBefore, decidedAt: merge.candidateDecidedAtBefore,
    }).where('id', '=', merge.candidateId).execute();
  }
  await ctx.db.updateTable('personMerges').set({ status: 'unmerged', unmergedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, unmergedAt: ctx.now() })
    .where('id', '=', mergeId).execute();
  await ctx.audit.record('person.unmerged', {
    orgId, subjectType: 'person', subjectId: merge.survivingPersonId,
    metadata: { mergeId, survivingPersonId: merge.survivingPersonId, mergedPersonId: merge.mergedPersonId, restoredCases: merge.movedCaseIds.length },
  });
  return presentMerge(await ctx.db.selectFrom('personMerges').selectAll().where('id', '=', mergeId).executeTakeFirstOrThrow());
}

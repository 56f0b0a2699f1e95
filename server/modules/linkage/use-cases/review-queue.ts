/**
 * The review queue: candidate pairs found by de-duplication jobs, decided by people holding
 * duplicate.review. The list shows ids, case references, scores and the per-field weights; the
 * side-by-side view decrypts both identities, only for reviewers who may also read identity,
 * and every view is audited.
 */
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { can } from '../../../authz/policy.ts';
import { openIdentity } from '../../cases/person-identity.ts';
import { casesOfPersons, involvesMergedPerson } from '../linkage.repo.ts';
import { presentCandidate, presentJob } from '../linkage.presenter.ts';
import type { TCandidateDetail, TCandidateSummary, TJob } from '../linkage.schemas.ts';

export async function findJobs(ctx: TCtx, orgId: string): Promise<TJob[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'linkage.run');
  const rows = await ctx.db.selectFrom('linkageJobs').selectAll().where('orgId', '=', orgId).orderBy('startedAt', 'desc').limit(20).execute();
  return rows.map(presentJob);
}

/** @throws NOT_FOUND */
export async function getJob(ctx: TCtx, orgId: string, jobId: string): Promise<TJob> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'linkage.run');
  const row = await ctx.db.selectFrom('linkageJobs').selectAll().where('orgId', '=', orgId).where('id', '=', jobId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Job not found.');
  return presentJob(row);
}

async function mergeIdsOf(ctx: TCtx, orgId: string, candidateIds: string[]): Promise<Map<string, string>> {
  if (candidateIds.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('personMerges').select(['id', 'candidateId']).where('orgId', '=', orgId).where('status', '=', 'merged')
    .where('candidateId', 'in', candidateIds).execute();
  return new Map(rows.map((row) => [row.candidateId!, row.id]));
}

/** Pairs in one status, most likely first; pairs whose person was merged away are left out. */
export async function findCandidates(ctx: TCtx, orgId: string, input: { status: string; limit: number }): Promise<TCandidateSummary[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'duplicate.review');
  let query = ctx.db.selectFrom('duplicateCandidates').selectAll().where('orgId', '=', orgId).where('status', '=', input.status);
  if (input.status !== 'merged') query = query.where((eb) => eb.not(involvesMergedPerson));
  const rows = await query.orderBy('probability', 'desc').orderBy('id').limit(input.limit).execute();
  const casesOf = await casesOfPersons(ctx.db, orgId, rows.flatMap((row) => [row.firstPersonId, row.secondPersonId]));
  const merges = await mergeIdsOf(ctx, orgId, rows.map((row) => row.id));
  return rows.map((row) => presentCandidate(row, casesOf, merges.get(row.id) ?? null));
}

/** @throws NOT_FOUND */
export async function getCandidateRow(ctx: TCtx, orgId: string, candidateId: string) {
  const row = await ctx.db.selectFrom('duplicateCandidates').selectAll().where('orgId', '=', orgId).where('id', '=', candidateId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Candidate pair not found.');
  return row;
}

/** One pair as the queue shows it. @throws NOT_FOUND */
export async function loadCandidateSummary(ctx: TCtx, orgId: string, candidateId: string): Promise<TCandidateSummary> {
  const row = await getCandidateRow(ctx, orgId, candidateId);
  const casesOf = await casesOfPersons(ctx.db, orgId, [row.firstPersonId, row.secondPersonId]);
  return presentCandidate(row, casesOf, (await mergeIdsOf(ctx, orgId, [row.id])).get(row.id) ?? null);
}

/**
 * Both persons side by side. Identity is decrypted only when the reviewer also holds
 * person.readIdentity; the view is audited either way (it shows scores and case references).
 */
export async function viewCandidate(ctx: TCtx, orgId: string, candidateId: string): Promise<TCandidateDetail> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'duplicate.review');
  const row = await getCandidateRow(ctx, orgId, candidateId);
  const persons = await ctx.db.selectFrom('persons').selectAll().where('orgId', '=', orgId).where('id', 'in', [row.firstPersonId, row.secondPersonId]).execute();
  const casesOf = await casesOfPersons(ctx.db, orgId, [row.firstPersonId, row.secondPersonId]);
  const identityShown = can(ctx.actor, orgId, 'person.readIdentity');
  const side = async (personId: string) => {
    const person = persons.find((p) => p.id === personId)!;
    return {
      personId, cases: casesOf.get(personId) ?? [], sex: person.sex, ageYears: person.ageYears, citizenship: person.citizenship,
      identity: identityShown ? await openIdentity(ctx.keyring, ctx.db, person) : null,
    };
  };
  const merges = await mergeIdsOf(ctx, orgId, [row.id]);
  const summary = presentCandidate(row, casesOf, merges.get(row.id) ?? null);
  const detail: TCandidateDetail = { ...summary, personA: await side(row.firstPersonId), personB: await side(row.secondPersonId), identityShown };
  await ctx.audit.record('duplicateCandidate.viewed', {
    orgId, subjectType: 'duplicate-candidate', subjectId: row.id, metadata: { candidateId: row.id, firstPersonId: row.firstPersonId, secondPersonId: row.secondPersonId, identityShown },
  });
  return detail;
}

/**
 * Records a reviewer's decision on a pair ('pending' reopens it). A merged pair is changed only
 * by unmerging it.
 * @throws DOMAIN_RULE_VIOLATED (CANDIDATE_MERGED)
 */
export async function decideCandidate(ctx: TCtx, orgId: string, candidateId: string, decision: 'match' | 'not_match' | 'pending'): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'duplicate.review');
  const row = await getCandidateRow(ctx, orgId, candidateId);
  if (row.status === 'merged') throw new AppError('DOMAIN_RULE_VIOLATED', 'This pair has been merged: unmerge it to change the decision.', { reason: 'CANDIDATE_MERGED' });
  if (row.status === decision) return;
  const isPending = decision === 'pending';
  await ctx.db.updateTable('duplicateCandidates').set({
    status: decision, decidedBy: isPending || ctx.actor.type !== 'user' ? null : ctx.actor.userId, decidedAt: isPending ? null : ctx.now(), updatedAt: ctx.now(),
  }).where('id', '=', candidateId).execute();
  await ctx.audit.record('duplicateCandidate.decided', { orgId, subjectType: 'duplicate-candidate', subjectId: candidateId, metadata: { candidateId, from: row.status, to: decision } });
}

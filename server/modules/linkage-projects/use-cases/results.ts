/**
 * What a party learns from a match: its own persons with, for each, how many other parties hold
 * the same person — never another party's ids, records or persons — and unique-person counts
 * across the parties through small-cell suppression. The creator also downloads each external
 * party's result (its random ids with cluster ids) to send back.
 */
import { AppError } from '../../../../core/errors/app-error.ts';
import { publishUniquePersons, type TUniquePersonCounts } from '../../../../core/linkage/index.ts';
import { can } from '../../../authz/policy.ts';
import type { TCtx } from '../../../context.ts';
import { casesOfPersons } from '../../linkage/linkage.repo.ts';
import { externalParty, loadProjectAsParty, requireOwner, requireStatus } from '../project-access.ts';
import type { z } from 'zod';
import type { ZOwnResult, ZProjectStatistics } from '../linkage-projects.schemas.ts';

const SHARED_LIST_LIMIT = 1000;

export async function viewOwnResult(ctx: TCtx, orgId: string, projectId: string): Promise<z.infer<typeof ZOwnResult>> {
  const { project, mine } = await loadProjectAsParty(ctx, orgId, projectId);
  requireStatus(project, ['matched']);
  // the result joined to the map of this organisation's own party: nothing else is reachable
  const rows = await ctx.db.selectFrom('linkageProjectResults')
    .innerJoin('linkageProjectRecordMap', (join) => join.onRef('linkageProjectRecordMap.partyId', '=', 'linkageProjectResults.partyId').onRef('linkageProjectRecordMap.recordId', '=', 'linkageProjectResults.recordId'))
    .select(['linkageProjectRecordMap.personId', 'linkageProjectResults.otherParties'])
    .where('linkageProjectResults.partyId', '=', mine.id).where('linkageProjectRecordMap.orgId', '=', orgId)
    .orderBy('linkageProjectResults.otherParties', 'desc').orderBy('linkageProjectRecordMap.personId').execute();
  const shared = rows.filter((r) => r.otherParties > 0);
  const listed = shared.slice(0, SHARED_LIST_LIMIT);
  const mayReadCases = can(ctx.actor, orgId, 'case.read');
  const casesOf = mayReadCases ? await casesOfPersons(ctx.db, orgId, listed.map((r) => r.personId)) : null;
  await ctx.audit.record('linkageProject.resultViewed', { orgId, subjectType: 'linkage-project', subjectId: projectId, metadata: { projectId, partyId: mine.id, records: rows.length } });
  return {
    records: rows.length,
    sharedRecords: shared.length,
    shared: listed.map((r) => ({
      personId: r.personId,
      otherParties: r.otherParties,
      cases: casesOf ? (casesOf.get(r.personId) ?? []).map((c) => ({ id: c.id, reference: c.reference })) : null,
    })),
  };
}

export async function projectStatistics(ctx: TCtx, orgId: string, projectId: string): Promise<z.infer<typeof ZProjectStatistics>> {
  const { project } = await loadProjectAsParty(ctx, orgId, projectId);
  requireStatus(project, ['matched']);
  const counts = project.counts as (TUniquePersonCounts & { totalRecords: number }) | null;
  if (!counts) throw new AppError('NOT_FOUND', 'The project has no counts.');
  const published = publishUniquePersons(counts);
  // one number: shown only at or above the same threshold
  const total = counts.totalRecords >= published.threshold ? { value: counts.totalRecords } : { suppressed: true as const, reason: 'primary' as const };
  await ctx.audit.record('uniquePersons.counted', { orgId, subjectType: 'linkage-project', subjectId: projectId, metadata: { scope: 'linkage_run', suppressedCells: published.suppressedCells } });
  return { ...published, totalRecords: total, parties: counts.byParty.length };
}

/** An external party's result as CSV: its random ids with cluster ids (what `palermo link match` writes). */
export async function externalPartyResult(ctx: TCtx, orgId: string, projectId: string, partyId: string): Promise<string> {
  const { project, parties } = await loadProjectAsParty(ctx, orgId, projectId);
  requireOwner(project, orgId, 'download an external party\'s result');
  requireStatus(project, ['matched']);
  const party = externalParty(parties, partyId);
  const rows = await ctx.db.selectFrom('linkageProjectResults').select(['recordId', 'clusterId']).where('partyId', '=', party.id).orderBy('recordId').execute();
  await ctx.audit.record('linkageProject.resultDownloaded', { orgId, subjectType: 'linkage-project', subjectId: projectId, metadata: { projectId, partyId: party.id, records: rows.length } });
  return `random_id,cluster_id\n${rows.map((r) => `${r.recordId},${r.clusterId}`).join('\n')}\n`;
}

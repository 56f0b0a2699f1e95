import type { Selectable } from 'kysely';
import type { TDuplicateCandidatesTable, TLinkageJobsTable, TPersonMergesTable } from '../../db/schema/linkage.ts';
import type { TCandidateSummary, TExplanation, TJob, TMerge } from './linkage.schemas.ts';

type TCaseRef = { id: string; reference: string; status: string };

export function presentJob(row: Selectable<TLinkageJobsTable>): TJob {
  return {
    id: row.id,
    kind: 'dedupe',
    status: row.status as TJob['status'],
    stage: row.stage,
    progress: row.progress,
    personsRead: row.personsRead,
    candidatePairs: row.candidatePairs,
    reviewPairs: row.reviewPairs,
    clusters: row.clusters,
    modelSource: row.modelSource as TJob['modelSource'],
    failureReason: row.failureReason,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function presentCandidate(row: Selectable<TDuplicateCandidatesTable>, casesOf: Map<string, TCaseRef[]>, mergeId: string | null): TCandidateSummary {
  return {
    id: row.id,
    jobId: row.jobId,
    personA: { personId: row.firstPersonId, cases: casesOf.get(row.firstPersonId) ?? [] },
    personB: { personId: row.secondPersonId, cases: casesOf.get(row.secondPersonId) ?? [] },
    probability: row.probability,
    matchWeight: row.matchWeight,
    explanation: row.explanation as TExplanation,
    status: row.status as TCandidateSummary['status'],
    decidedAt: row.decidedAt?.toISOString() ?? null,
    mergeId,
  };
}

export function presentMerge(row: Selectable<TPersonMergesTable>): TMerge {
  return {
    id: row.id,
    candidateId: row.candidateId,
    survivingPersonId: row.survivingPersonId,
    mergedPersonId: row.mergedPersonId,
    movedCaseIds: row.movedCaseIds,
    status: row.status as TMerge['status'],
    mergedAt: row.mergedAt.toISOString(),
    unmergedAt: row.unmergedAt?.toISOString() ?? null,
  };
}

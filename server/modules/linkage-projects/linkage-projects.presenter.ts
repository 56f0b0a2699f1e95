import type { Selectable } from 'kysely';
import type { TLinkageProjectsTable } from '../../db/schema/linkage-projects.ts';
import type { TPartyRow } from './linkage-projects.repo.ts';
import type { TParty, TProject } from './linkage-projects.schemas.ts';

/** Whether every party that accepted has submitted (declined parties do not count). */
export function isReadyToMatch(parties: readonly Pick<TPartyRow, 'status'>[]): boolean {
  const taking = parties.filter((p) => p.status !== 'declined');
  return taking.length >= 2 && taking.every((p) => p.status === 'submitted');
}

export function presentParty(row: TPartyRow, ownerOrgId: string): TParty {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.orgId ? (row.orgName ?? '') : (row.externalName ?? ''),
    isExternal: row.orgId === null,
    isOwner: row.orgId === ownerOrgId,
    status: row.status as TParty['status'],
    recordCount: row.recordCount,
    keyCheck: row.keyCheck,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

export function presentProject(row: Selectable<TLinkageProjectsTable>, parties: readonly TPartyRow[], viewerOrgId: string): TProject {
  const mine = parties.find((p) => p.orgId === viewerOrgId)!;
  const owner = parties.find((p) => p.orgId === row.ownerOrgId);
  const schema = row.clkSchema as { version: number };
  return {
    id: row.id,
    name: row.name,
    ownerOrgId: row.ownerOrgId,
    ownerName: owner?.orgName ?? '',
    status: row.status as TProject['status'],
    clkSchemaVersion: schema.version,
    threshold: row.threshold,
    solve: row.solve as TProject['solve'],
    deleteEncodingsAfterMatch: row.deleteEncodingsAfterMatch,
    stage: row.stage,
    progress: row.progress,
    failureReason: row.failureReason,
    partyPairsSkipped: row.partyPairsSkipped,
    createdAt: row.createdAt.toISOString(),
    matchedAt: row.matchedAt?.toISOString() ?? null,
    myPartyId: mine.id,
    myStatus: mine.status as TProject['myStatus'],
    isMine: row.ownerOrgId === viewerOrgId,
    isReadyToMatch: isReadyToMatch(parties),
    parties: parties.map((p) => presentParty(p, row.ownerOrgId)),
  };
}

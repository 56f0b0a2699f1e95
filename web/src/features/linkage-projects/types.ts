/** Shapes of the linkage-project API (server/modules/linkage-projects/linkage-projects.schemas.ts). */
export const PROJECT_STATUSES = ['open', 'matching', 'matched', 'cancelled'] as const;
export const PARTY_STATUSES = ['invited', 'accepted', 'declined', 'submitted'] as const;
export type TProjectStatus = (typeof PROJECT_STATUSES)[number];
export type TPartyStatus = (typeof PARTY_STATUSES)[number];
export type TSolve = 'one-to-one' | 'clusters';

/** Refusal reasons the project page explains in its own words. */
export const PROJECT_ERROR_REASONS = [
  'NOT_ACCEPTED', 'DECLINED', 'ALREADY_ANSWERED', 'PROJECT_STATUS', 'NOT_PROJECT_OWNER', 'PARTIES_PENDING', 'NOT_SUBMITTED',
  'MATCH_RUNNING', 'NO_PERSONS', 'SCHEMA_MISMATCH', 'ORGANISATION_NOT_FOUND',
] as const;

export interface TParty {
  id: string;
  orgId: string | null;
  name: string;
  isExternal: boolean;
  isOwner: boolean;
  status: TPartyStatus;
  recordCount: number | null;
  keyCheck: string | null;
  submittedAt: string | null;
}

export interface TProject {
  id: string;
  name: string;
  ownerOrgId: string;
  ownerName: string;
  status: TProjectStatus;
  clkSchemaVersion: number;
  threshold: number;
  solve: TSolve;
  deleteEncodingsAfterMatch: boolean;
  stage: string | null;
  progress: number;
  failureReason: string | null;
  partyPairsSkipped: number | null;
  createdAt: string;
  matchedAt: string | null;
  myPartyId: string;
  myStatus: TPartyStatus;
  isMine: boolean;
  isReadyToMatch: boolean;
  parties: TParty[];
}

export interface TPartner {
  id: string;
  name: string;
  kind: string;
}

export type TPublishedCell = { value: number } | { suppressed: true; reason: 'primary' | 'secondary' };

export interface TProjectStatistics {
  threshold: number;
  uniquePersons: TPublishedCell;
  totalRecords: TPublishedCell;
  parties: number;
  byBucket: { bucket: string; persons: TPublishedCell }[];
  byParty: { party: string; only: TPublishedCell; shared: TPublishedCell }[];
  suppressedCells: number;
}

export interface TOwnResult {
  records: number;
  sharedRecords: number;
  shared: { personId: string; otherParties: number; cases: { id: string; reference: string }[] | null }[];
}

export interface TCreateProject {
  name: string;
  invitedOrgIds: string[];
  externalParties: string[];
  solve: TSolve;
  deleteEncodingsAfterMatch: boolean;
}

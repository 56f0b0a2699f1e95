/** Cross-organisation linkage projects (migration 0015). Keep in step with `migrations/`. */
import type { Generated } from 'kysely';
import type { TJson, TTimestamp } from './foundation.ts';

export interface TLinkageProjectsTable {
  id: Generated<string>;
  ownerOrgId: string;
  name: string;
  status: string;
  clkSchema: TJson<unknown>;
  threshold: number;
  solve: string;
  deleteEncodingsAfterMatch: boolean;
  stage: string | null;
  progress: Generated<number>;
  failureReason: string | null;
  counts: TJson<unknown> | null;
  partyPairsSkipped: number | null;
  createdBy: string | null;
  createdAt: TTimestamp;
  updatedAt: TTimestamp;
  matchedAt: TTimestamp | null;
  cancelledAt: TTimestamp | null;
}

export interface TLinkageProjectPartiesTable {
  id: Generated<string>;
  projectId: string;
  orgId: string | null;
  externalName: string | null;
  status: string;
  recordCount: number | null;
  keyCheck: string | null;
  invitedAt: TTimestamp;
  respondedBy: string | null;
  respondedAt: TTimestamp | null;
  submittedBy: string | null;
  submittedAt: TTimestamp | null;
}

export interface TLinkageProjectEncodingsTable {
  partyId: string;
  projectId: string;
  runId: string;
  encodings: string;
  createdAt: TTimestamp;
}

export interface TLinkageProjectRecordMapTable {
  partyId: string;
  orgId: string;
  recordId: string;
  personId: string;
}

export interface TLinkageProjectResultsTable {
  partyId: string;
  projectId: string;
  recordId: string;
  clusterId: string;
  otherParties: number;
}

export interface TLinkageProjectsTables {
  linkageProjects: TLinkageProjectsTable;
  linkageProjectParties: TLinkageProjectPartiesTable;
  linkageProjectEncodings: TLinkageProjectEncodingsTable;
  linkageProjectRecordMap: TLinkageProjectRecordMapTable;
  linkageProjectResults: TLinkageProjectResultsTable;
}

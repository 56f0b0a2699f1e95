import type { Generated } from 'kysely';
import type { TJson, TTimestamp } from './foundation.ts';

export interface TLinkageJobsTable {
  orgId: string;
  id: Generated<string>;
  kind: string;
  status: string;
  stage: string;
  progress: number;
  personsRead: number | null;
  candidatePairs: number | null;
  reviewPairs: number | null;
  clusters: number | null;
  modelSource: string | null;
  model: TJson<unknown> | null;
  failureReason: string | null;
  startedBy: string | null;
  startedAt: TTimestamp;
  finishedAt: TTimestamp | null;
}

export interface TDuplicateCandidatesTable {
  orgId: string;
  id: Generated<string>;
  jobId: string;
  firstPersonId: string;
  secondPersonId: string;
  matchWeight: number;
  probability: number;
  explanation: TJson<unknown>;
  clusterKey: number | null;
  status: string;
  decidedBy: string | null;
  decidedAt: TTimestamp | null;
  createdAt: TTimestamp;
  updatedAt: TTimestamp;
}

export interface TPersonMergesTable {
  orgId: string;
  id: Generated<string>;
  candidateId: string | null;
  survivingPersonId: string;
  mergedPersonId: string;
  movedCaseIds: string[];
  candidateStatusBefore: string | null;
  candidateDecidedByBefore: string | null;
  candidateDecidedAtBefore: TTimestamp | null;
  status: string;
  mergedBy: string | null;
  mergedAt: TTimestamp;
  unmergedBy: string | null;
  unmergedAt: TTimestamp | null;
}

/** Keyed HMACs of one person's blocking values (migration 0016): never plaintext. */
export interface TPersonBlockingKeysTable {
  orgId: string;
  personId: string;
  keyVersion: number;
  kind: string;
  keyHash: string;
}

/** Which persons have blocking keys, under which key version (migration 0016). */
export interface TPersonBlockingKeySetsTable {
  orgId: string;
  personId: string;
  keyVersion: number;
  indexedAt: TTimestamp;
}

/** Tables of de-duplication and privacy-preserving record linkage (migrations 0011, 0016). Keep in step with `migrations/`. */
export interface TLinkageTables {
  linkageJobs: TLinkageJobsTable;
  duplicateCandidates: TDuplicateCandidatesTable;
  personMerges: TPersonMergesTable;
  personBlockingKeys: TPersonBlockingKeysTable;
  personBlockingKeySets: TPersonBlockingKeySetsTable;
}

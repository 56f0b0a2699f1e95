import type { Generated } from 'kysely';
import type { TTimestamp } from './foundation.ts';

/** Retention policies and legal holds (migration 0012; `persons.anonymised_at` is in nrm.ts). */
export interface TRetentionPoliciesTable {
  orgId: string;
  anonymiseAfterDays: number | null;
  updatedAt: TTimestamp;
}

export interface TCaseLegalHoldsTable {
  orgId: string;
  caseId: string;
  reason: string;
  placedBy: string | null;
  placedAt: TTimestamp;
}

export interface TRetentionTables {
  retentionPolicies: TRetentionPoliciesTable;
  caseLegalHolds: TCaseLegalHoldsTable;
}

/** Organisation data-key rotations (migration 0013). */
export interface TKeyRotationsTable {
  orgId: string;
  id: Generated<string>;
  toVersion: number;
  status: string;
  rowsReencrypted: Generated<number>;
  error: string | null;
  startedBy: string | null;
  startedAt: TTimestamp;
  finishedAt: TTimestamp | null;
}

export interface TKeyManagementTables {
  keyRotations: TKeyRotationsTable;
}

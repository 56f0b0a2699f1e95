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

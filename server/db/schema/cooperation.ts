import type { Generated } from 'kysely';
import type { TJson, TTimestamp } from './foundation.ts';

/** Tables of case transfers between agencies and in-app notifications (migration 0007). */
export interface TNotificationsTable {
  orgId: string;
  id: Generated<string>;
  userId: string;
  kind: string;
  subjectType: string;
  subjectId: string | null;
  payload: TJson<Record<string, unknown>>;
  createdAt: TTimestamp;
  readAt: TTimestamp | null;
  emailStatus: Generated<string>;
  emailAttempts: Generated<number>;
  emailSentAt: TTimestamp | null;
}

export interface TCaseTransferPoliciesTable {
  orgId: string;
  keepReadAccess: boolean;
  updatedAt: TTimestamp;
}

export interface TCaseTransfersTable {
  orgId: string;
  id: Generated<string>;
  caseId: string;
  receivingOrgId: string;
  status: string;
  consentBasis: string;
  consentLanguage: string;
  interpreterUsed: boolean;
  noteCiphertext: string | null;
  noteKeyVersion: number | null;
  rejectReason: string | null;
  newCaseId: string | null;
  keepsReadAccess: boolean | null;
  version: number;
  requestedBy: string | null;
  requestedAt: TTimestamp;
  respondedBy: string | null;
  respondedAt: TTimestamp | null;
  updatedAt: TTimestamp;
}

export interface TCooperationTables {
  notifications: TNotificationsTable;
  caseTransferPolicies: TCaseTransferPoliciesTable;
  caseTransfers: TCaseTransfersTable;
}

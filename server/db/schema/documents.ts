import type { TTimestamp } from './foundation.ts';

export interface TDocumentsTable {
  orgId: string;
  id: string;
  caseId: string;
  /** Null for a case document; the plan of the same case for a plan document (migration 0019). */
  planId: string | null;
  fileNameCiphertext: string;
  contentType: string;
  sizeBytes: number;
  contentCiphertext: string;
  keyVersion: number;
  uploadedBy: string | null;
  uploadedAt: TTimestamp;
}

/** Case and plan documents (migrations 0006, 0019). */
export interface TDocumentTables {
  documents: TDocumentsTable;
}

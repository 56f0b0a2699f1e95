import type { TTimestamp } from './foundation.ts';

export interface TDocumentsTable {
  orgId: string;
  id: string;
  caseId: string;
  fileNameCiphertext: string;
  contentType: string;
  sizeBytes: number;
  contentCiphertext: string;
  keyVersion: number;
  uploadedBy: string | null;
  uploadedAt: TTimestamp;
}

/** Case documents (migration 0006). */
export interface TDocumentTables {
  documents: TDocumentsTable;
}

import type { Generated } from 'kysely';
import type { TJson, TTimestamp } from './foundation.ts';

/** Tables of statistical releases, privacy budget, k-anonymous exports and population denominators. Keep in step with `migrations/` (0010). */

export interface TReleasesTable {
  orgId: string;
  id: Generated<string>;
  kind: string;
  status: string;
  title: string;
  language: string;
  parameters: TJson<unknown>;
  datasetIds: TJson<string[]>;
  disclosureMethod: string;
  disclosureParameters: TJson<unknown>;
  result: TJson<unknown>;
  epsilonSpent: string | null;
  deltaSpent: string | null;
  preparedBy: string;
  preparedAt: TTimestamp;
  approvedBy: string | null;
  publishedAt: TTimestamp | null;
  rejectedBy: string | null;
  rejectedAt: TTimestamp | null;
}

export interface TReleaseFilesTable {
  orgId: string;
  releaseId: string;
  format: string;
  fileName: string;
  mediaType: string;
  contentBase64: string;
  byteCount: number;
  sha256: string;
  createdAt: TTimestamp;
}

export interface TPrivacyBudgetsTable {
  orgId: string;
  id: Generated<string>;
  datasetKind: string;
  importRunId: string | null;
  totalEpsilon: string;
  totalDelta: string;
  createdAt: TTimestamp;
}

export interface TPrivacyBudgetSpendsTable {
  orgId: string;
  budgetId: string;
  releaseId: string;
  mechanism: string;
  epsilon: string;
  delta: string;
  spentAt: TTimestamp;
}

export interface TReleasesTables {
  releases: TReleasesTable;
  releaseFiles: TReleaseFilesTable;
  privacyBudgets: TPrivacyBudgetsTable;
  privacyBudgetSpends: TPrivacyBudgetSpendsTable;
}

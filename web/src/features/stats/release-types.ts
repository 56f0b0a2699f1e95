/**
 * Shapes of the releases API as the web app reads them; the source is
 * `server/modules/releases/releases.schemas.ts` (keep in step).
 */
import type { TLabels, TStatsCell } from './types.ts';

export const RELEASE_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type TReleaseLanguage = (typeof RELEASE_LANGUAGES)[number];
export type TReleaseStatus = 'draft' | 'published' | 'rejected';
export type TDisclosureMethod = 'suppression' | 'rounding' | 'differentialPrivacy' | 'kAnonymity';
export type TDpMechanism = 'discreteLaplace' | 'discreteGaussian';
export type TReleaseFormat = 'csv' | 'xlsx' | 'pdf';

export interface TReleaseTableRequest {
  metric: string;
  dimensions: string[];
  filters: Record<string, (string | null)[]>;
}

export type TTableDisclosure =
  | { method: 'suppression'; threshold: number }
  | { method: 'rounding'; base: number }
  | { method: 'differentialPrivacy'; mechanism: TDpMechanism; epsilon: string; delta?: string };

export type TPrepareReleaseRequest =
  | { kind: 'tables'; title: string; language: TReleaseLanguage; datasets?: string[]; tables: TReleaseTableRequest[]; disclosure: TTableDisclosure }
  | { kind: 'record_level'; title: string; language: TReleaseLanguage; datasets?: string[]; k: number; maxSuppressionRate: number };

export interface TReleaseTable {
  metric: { id: string; unit: string; labels: TLabels };
  dimensions: { id: string; labels: TLabels; categories: { key: string | null; labels: TLabels }[] }[];
  filters: Record<string, (string | null)[]>;
  values: { cells: TStatsCell[][]; rowTotals: TStatsCell[]; columnTotals: TStatsCell[]; total: TStatsCell } | null;
  notes: Record<string, string | number>;
}

export interface TRecordLevelSummary {
  k: number;
  inputRows: number;
  rowsKept: number;
  rowsSuppressed: number;
  informationLoss: number;
  levels: Record<string, number>;
  smallestClassSize: number;
}

export interface TUserRef {
  userId: string;
  displayName: string;
}

export interface TReleaseFile {
  format: TReleaseFormat;
  fileName: string;
  byteCount: number;
  sha256: string;
}

export interface TReleaseSummary {
  id: string;
  kind: 'tables' | 'record_level';
  status: TReleaseStatus;
  title: string;
  language: TReleaseLanguage;
  datasetIds: string[];
  disclosure: { method: TDisclosureMethod; parameters: Record<string, unknown> };
  epsilonSpent: string | null;
  deltaSpent: string | null;
  preparedBy: TUserRef;
  preparedAt: string;
  approvedBy: TUserRef | null;
  publishedAt: string | null;
  rejectedBy: TUserRef | null;
  rejectedAt: string | null;
  files: TReleaseFile[];
  abilities: { canApprove: boolean; canDownload: boolean };
}

export interface TRelease extends TReleaseSummary {
  result: { kind: 'tables'; tables: TReleaseTable[] } | { kind: 'record_level'; summary: TRecordLevelSummary };
}

export interface TPrivacyBudget {
  importRunId: string;
  fileName: string;
  isConfigured: boolean;
  totalEpsilon: string;
  totalDelta: string;
  spentEpsilon: string;
  spentDelta: string;
  remainingEpsilon: string;
  remainingDelta: string;
}

/**
 * Shapes of the statistics and dataset APIs as the web app reads them. The server's zod schemas
 * are the source (`server/modules/stats/stats.schemas.ts`, `server/modules/datasets/datasets.schemas.ts`);
 * keep these in step with them. Labels come from the server in all four languages.
 */

/** One text per interface language (metric, dimension and category names). */
export interface TLabels {
  en: string;
  fr: string;
  es: string;
  ar: string;
}

/** Why a rate cell whose count was published has no value. */
export type TRateGap = 'noDenominator' | 'notOneCountryAndYear';

/** A published number, or the fact that it is hidden (never the hidden number itself). */
export type TStatsCell = { value: number } | { suppressed: true; reason: 'primary' | 'secondary' };

/** A cell of a statistics result: also, for a rate per 100,000, the fact that no population stands behind it. */
export type TStatsResultCell = TStatsCell | { value: null; reason: TRateGap };

/** Whose data a query counts: the active organisation's, or every organisation's (stats.readNational). */
export type TStatsScope = 'organisation' | 'national';

export interface TCatalogMetric {
  id: string;
  source: string;
  unit: 'persons' | 'cases' | 'decisions' | 'days' | 'per100k';
  /** count, median, p90, shareWithinTarget (a percentage), rate (per 100,000). */
  measure: string;
  labels: TLabels;
  descriptions: TLabels;
  /** Dimensions the metric may be broken down by (at most `maxDimensions` at a time). */
  dimensions: string[];
  /** Dimensions the metric may be filtered on. */
  filters: string[];
}

export interface TCatalogDimension {
  id: string;
  labels: TLabels;
  /** `fixed`: every category listed below; `observed`: the values present in the data (years, countries). */
  kind: 'fixed' | 'observed';
  isOrdered: boolean;
  categories: { key: string; labels: TLabels }[];
}

export interface TMetricCatalog {
  metrics: TCatalogMetric[];
  dimensions: TCatalogDimension[];
  maxDimensions: number;
  notRecordedLabels: TLabels;
  disclosure: { method: 'suppression'; threshold: number };
}

/** `POST …/stats/query`. Filters: dimension id → category keys to keep (null = "not recorded"). */
export interface TStatsQueryRequest {
  metric: string;
  dimensions: string[];
  filters: Record<string, (string | null)[]>;
  /** Import runs to count; all of the organisation's imported data when absent. */
  datasets?: string[];
  /** Default `organisation`. */
  scope?: TStatsScope;
}

export interface TResultCategory {
  /** null = not recorded; `*other` = small categories grouped (their keys in `members`). */
  key: string | null;
  labels: TLabels;
  members?: string[];
}

export interface TStatsResult {
  metric: { id: string; unit: TCatalogMetric['unit']; labels: TLabels; measure?: string };
  dimensions: { id: string; labels: TLabels; categories: TResultCategory[] }[];
  /** Rows = first dimension's categories; columns = second's (one column with at most one dimension). */
  cells: TStatsResultCell[][];
  rowTotals: TStatsResultCell[];
  columnTotals: TStatsResultCell[];
  total: TStatsResultCell;
  disclosure: {
    method: 'suppression';
    threshold: number;
    zeros: 'sensitive' | 'publish';
    primaryCount: number;
    secondaryCount: number;
    groupedCategoryCount: number;
  };
  /** The SQL that produced the counts, for review; values travel as parameters. */
  sql: { text: string; parameters: unknown[] };
  /** Absent from older answers: the organisation's. */
  scope?: TStatsScope;
}

export const IMPORT_RUN_STATUSES = ['validated', 'rejected', 'completed', 'partial', 'deleted'] as const;
export type TImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];
export const CTDC_LAYOUTS = ['kAnon2021', 'globalDataset2018', 'synthetic2024'] as const;
export type TCtdcLayout = (typeof CTDC_LAYOUTS)[number];

export interface TImportRunSummary {
  id: string;
  source: 'ctdc';
  status: TImportRunStatus;
  isDryRun: boolean;
  isPartialAllowed: boolean;
  layout: TCtdcLayout;
  fileName: string;
  fileBytes: number;
  fileSha256: string;
  rowCount: number;
  validRowCount: number;
  invalidRowCount: number;
  importedRowCount: number;
  issueCount: number;
  startedAt: string;
  finishedAt: string;
  deletedAt: string | null;
  startedBy: { type: string; userId: string | null; label: string | null };
}

/** A problem in an uploaded file: 1-based data row, CTDC column name, the value, the server's (English) message. */
export interface TImportIssue {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface TImportRun extends TImportRunSummary {
  issues: TImportIssue[];
  isIssueListTruncated: boolean;
  warnings: TImportIssue[];
}

export interface TCtdcImportRequest {
  fileName: string;
  csv: string;
  dryRun: boolean;
  allowPartial?: boolean;
}

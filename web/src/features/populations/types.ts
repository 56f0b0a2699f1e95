/** API shapes of server/modules/populations (populations.schemas.ts). */
export type TPopulationSex = 'total' | 'female' | 'male';
export type TPopulationAgeGroup = 'total' | '0-17' | '18+';

export interface TPopulationIssue {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface TPopulationChange {
  countryCode: string;
  year: number;
  sex: TPopulationSex;
  ageGroup: TPopulationAgeGroup;
  previous: number;
  population: number;
}

export interface TPopulationImportReport {
  isDryRun: boolean;
  importId: string | null;
  fileName: string;
  fileSha256: string;
  rowCount: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  warnings: TPopulationIssue[];
  changes: TPopulationChange[];
  isChangeListTruncated: boolean;
}

export interface TPopulationDenominator {
  countryCode: string;
  year: number;
  sex: TPopulationSex;
  ageGroup: TPopulationAgeGroup;
  population: number;
  importId: string;
  updatedAt: string;
}

export interface TPopulationPage {
  denominators: TPopulationDenominator[];
  total: number;
  offset: number;
  limit: number;
}

export interface TPopulationImportRun {
  id: string;
  importedBy: { type: 'user' | 'cli'; userId: string | null; displayName: string | null };
  fileName: string;
  fileSha256: string;
  rowCount: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  warningCount: number;
  sourceNote: string | null;
  createdAt: string;
}

/** `error.details` of a 422 POPULATION_CSV_INVALID answer. */
export interface TPopulationCsvRejection {
  reason: 'POPULATION_CSV_INVALID';
  rowIssues: TPopulationIssue[];
  issueCount: number;
  isIssueListTruncated: boolean;
  warnings: TPopulationIssue[];
  rowCount: number;
}

import type { Generated } from 'kysely';
import type { TTimestamp } from './foundation.ts';

/** Population denominators (migration 0014). */
export type TPopulationSex = 'total' | 'female' | 'male';
export type TPopulationAgeGroup = 'total' | '0-17' | '18+';

export interface TPopulationImportsTable {
  id: Generated<string>;
  importedBy: string | null;
  importedByType: 'user' | 'cli';
  fileName: string;
  fileSha256: string;
  rowCount: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  sourceNote: string | null;
  warningCount: Generated<number>;
  createdAt: TTimestamp;
}

export interface TPopulationDenominatorsTable {
  countryCode: string;
  year: number;
  sex: TPopulationSex;
  ageGroup: TPopulationAgeGroup;
  /** bigint, parsed to a number by server/db/database.ts (figures stay far below 2^53). */
  population: number;
  importId: string;
  updatedAt: TTimestamp;
}

export interface TPopulationsTables {
  populationImports: TPopulationImportsTable;
  populationDenominators: TPopulationDenominatorsTable;
}

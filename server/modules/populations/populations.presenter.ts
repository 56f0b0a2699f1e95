import type { TPopulationImportRecord, TStoredPopulationDenominator } from './populations.repo.ts';
import type { TPopulationImportRun } from './populations.schemas.ts';

export function presentPopulationDenominator(row: TStoredPopulationDenominator) {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

export function presentPopulationImport(run: TPopulationImportRecord): TPopulationImportRun {
  return {
    id: run.id,
    importedBy: { type: run.importedByType, userId: run.importedBy, displayName: run.importedByDisplayName },
    fileName: run.fileName, fileSha256: run.fileSha256,
    rowCount: run.rowCount, rowsInserted: run.rowsInserted, rowsUpdated: run.rowsUpdated, rowsUnchanged: run.rowsUnchanged,
    warningCount: run.warningCount, sourceNote: run.sourceNote, createdAt: run.createdAt.toISOString(),
  };
}

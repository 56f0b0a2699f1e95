import { createHash } from 'node:crypto';
import { AppError } from '../../../../core/errors/app-error.ts';
import { parsePopulationCsv, type TPopulationCsvResult } from '../../../../core/populations/index.ts';
import type { TCtx } from '../../../context.ts';
import { assertCanImportPopulations } from '../populations.policy.ts';
import { findPopulationDenominators, insertPopulationImport, upsertPopulationDenominators, type TPopulationDenominator } from '../populations.repo.ts';
import { MAX_LISTED_CHANGES, MAX_LISTED_ISSUES, type TPopulationImportReport } from '../populations.schemas.ts';

export interface TPopulationImportInput {
  fileName: string;
  csv: string;
  isDryRun: boolean;
  sourceNote: string | null;
}

/** A parsed file with no problems, ready to be compared with the store. */
export interface TCheckedPopulationFile {
  fileName: string;
  fileSha256: string;
  parsed: TPopulationCsvResult;
}

/**
 * Parses and validates the whole file. Runs before the transaction: parsing is CPU work, and the
 * embedded database has one connection that a long transaction would hold.
 * @throws AppError DOMAIN_RULE_VIOLATED (422, reason POPULATION_CSV_INVALID) listing every problem by row and column
 */
export function checkPopulationFile(fileName: string, csv: string): TCheckedPopulationFile {
  const parsed = parsePopulationCsv(csv);
  const fileSha256 = createHash('sha256').update(csv, 'utf8').digest('hex');
  if (parsed.issues.length > 0) {
    const count = parsed.issues.length;
    throw new AppError('DOMAIN_RULE_VIOLATED', `The file has ${count} ${count === 1 ? 'problem' : 'problems'}; nothing was imported.`, {
      reason: 'POPULATION_CSV_INVALID',
      rowIssues: parsed.issues.slice(0, MAX_LISTED_ISSUES),
      issueCount: count,
      isIssueListTruncated: count > MAX_LISTED_ISSUES,
      warnings: parsed.warnings.slice(0, MAX_LISTED_ISSUES),
      rowCount: parsed.dataRowCount,
    });
  }
  return { fileName, fileSha256, parsed };
}

const keyOf = (row: Pick<TPopulationDenominator, 'countryCode' | 'year' | 'sex' | 'ageGroup'>) => `${row.countryCode}|${row.year}|${row.sex}|${row.ageGroup}`;

/**
 * Compares the file with the stored figures and, unless it is a dry run, upserts every new or
 * changed figure and records the run, all in the caller's transaction (all or nothing).
 * Unchanged figures keep the run that last wrote them.
 */
export async function importPopulations(ctx: TCtx, file: TCheckedPopulationFile, options: { isDryRun: boolean; sourceNote: string | null }): Promise<TPopulationImportReport> {
  assertCanImportPopulations(ctx.actor);
  const { rows, warnings } = file.parsed;
  const countries = [...new Set(rows.map((row) => row.countryCode))];
  const stored = new Map((await findPopulationDenominators(ctx.db, { countryCodes: countries })).map((row) => [keyOf(row), row.population]));

  const toWrite: TPopulationDenominator[] = [];
  const changes: TPopulationImportReport['changes'] = [];
  let rowsInserted = 0;
  let rowsUpdated = 0;
  for (const { row: _row, ...figure } of rows) {
    const previous = stored.get(keyOf(figure));
    if (previous === figure.population) continue;
    toWrite.push(figure);
    if (previous === undefined) {
      rowsInserted += 1;
    } else {
      rowsUpdated += 1;
      if (changes.length < MAX_LISTED_CHANGES) changes.push({ ...figure, previous });
    }
  }
  const counts = { rowCount: rows.length, rowsInserted, rowsUpdated, rowsUnchanged: rows.length - toWrite.length };
  const report = {
    fileName: file.fileName, fileSha256: file.fileSha256, ...counts,
    warnings: warnings.slice(0, MAX_LISTED_ISSUES), changes, isChangeListTruncated: rowsUpdated > changes.length,
  };
  if (options.isDryRun) return { isDryRun: true, importId: null, ...report };

  const now = ctx.now();
  const importId = await insertPopulationImport(ctx.db, {
    importedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null,
    importedByType: ctx.actor.type === 'user' ? 'user' : 'cli',
    fileName: file.fileName, fileSha256: file.fileSha256, ...counts, warningCount: warnings.length,
    sourceNote: options.sourceNote || null, createdAt: now,
  });
  await upsertPopulationDenominators(ctx.db, toWrite, importId, now);
  await ctx.audit.record('population.imported', {
    orgId: null, subjectType: 'population-import', subjectId: importId,
    metadata: { importId, fileSha256: file.fileSha256, ...counts, warningCount: warnings.length },
  });
  return { isDryRun: false, importId, ...report };
}

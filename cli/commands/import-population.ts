import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import type { TPopulationCsvIssue } from '../../core/populations/index.ts';
import { withContext, NO_REQUEST } from '../../server/context.ts';
import { MAX_SOURCE_NOTE_CHARS } from '../../server/modules/populations/populations.schemas.ts';
import { checkPopulationFile, importPopulations } from '../../server/modules/populations/use-cases/import-populations.ts';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export const IMPORT_POPULATION_HELP = `palermo import population FILE [--dry-run] [--source NOTE]

Imports population denominators (for rates such as SDG 16.2.2, victims per 100,000) from a CSV
with the header country,year,sex,age_group,population (any order and case; , or ; separator).
country is ISO 3166-1 alpha-2 or alpha-3; sex is total, female or male; age_group is total,
0-17 or 18+; population is digits only (no separators, no decimals). Figures already stored
for the same country, year, sex and age group are replaced. Every problem is reported by row
(header = row 1) and column, and nothing is stored unless the whole file is valid.

  --dry-run        check the file and report what would be inserted or updated; store nothing
  --source NOTE    where the figures come from, e.g. "UN WPP 2024" (kept with the import)

Exit status: 0 when the file was imported (or, for a dry run, is valid); 1 when it has problems
or could not be read. Needs the embedded data folder free; with a running server, use the
population page of the web app (platform administrators) instead.`;

/** Far above any real population table; the reader holds the file in memory. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const PRINTED_ISSUES = 30;

function printIssues(io: TCliIo, label: string, issues: readonly TPopulationCsvIssue[], total: number): void {
  for (const issue of issues.slice(0, PRINTED_ISSUES)) {
    io.err(`${label}row ${issue.row}${issue.column ? `, ${issue.column}` : ''}: ${issue.message}${issue.value ? ` (${JSON.stringify(issue.value)})` : ''}`);
  }
  if (total > PRINTED_ISSUES) io.err(`… and ${(total - PRINTED_ISSUES).toLocaleString('en')} more`);
}

export async function runImportPopulation(io: TCliIo, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' }, source: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const path = positionals[0];
  if (!path || positionals.length > 1) {
    io.err('Usage: palermo import population FILE [--dry-run] [--source NOTE]');
    return 2;
  }
  const sourceNote = values.source?.trim() || null;
  if (sourceNote && sourceNote.length > MAX_SOURCE_NOTE_CHARS) {
    io.err(`--source is limited to ${MAX_SOURCE_NOTE_CHARS} characters.`);
    return 2;
  }
  let csv: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) {
      io.err(`${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; a population table is far smaller: is it the right file?`);
      return 1;
    }
    csv = readFileSync(path, 'utf8');
  } catch {
    io.err(`Cannot read ${path}.`);
    return 1;
  }
  const isDryRun = values['dry-run'] ?? false;
  let file;
  try {
    // Checked before the database is opened: a bad file needs no lock on the data folder.
    file = checkPopulationFile(basename(path), csv);
  } catch (error) {
    if (!(error instanceof AppError) || error.details.reason !== 'POPULATION_CSV_INVALID') throw error;
    io.err(`${error.message} (${basename(path)})`);
    const issues = error.details.rowIssues as TPopulationCsvIssue[];
    printIssues(io, '', issues, Number(error.details.issueCount));
    return 1;
  }
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  try {
    const report = await withContext(opened.deps, { type: 'cli', osUser: userInfo().username }, NO_REQUEST,
      (ctx) => importPopulations(ctx, file, { isDryRun, sourceNote }));
    const counts = `${report.rowCount.toLocaleString('en')} rows: ${report.rowsInserted.toLocaleString('en')} new, ${report.rowsUpdated.toLocaleString('en')} changed, ${report.rowsUnchanged.toLocaleString('en')} unchanged`;
    io.out(isDryRun
      ? `Dry run: ${report.fileName} is valid; ${counts}. Nothing was stored.`
      : `Imported ${report.fileName}: ${counts}. Import ${report.importId}.`);
    for (const change of report.changes.slice(0, PRINTED_ISSUES)) {
      io.out(`  ${change.countryCode} ${change.year} ${change.sex} ${change.ageGroup}: ${change.previous} → ${change.population}`);
    }
    if (report.rowsUpdated > PRINTED_ISSUES) io.out(`  … and ${(report.rowsUpdated - PRINTED_ISSUES).toLocaleString('en')} more changes`);
    printIssues(io, 'warning: ', report.warnings, report.warnings.length);
    return 0;
  } finally {
    await opened.database.close();
  }
}

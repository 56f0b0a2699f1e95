/**
 * HSDS tabular (CSV) export and import: the same directory, checks and audit events as the HSDS
 * JSON routes, in the specification's tabular data package delivered as one ZIP.
 */
import { AppError, type TErrorIssue } from '../../../../core/errors/app-error.ts';
import { unguardCsvInjection } from '../../../../core/ctdc/csv-writer.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { exportDirectory } from './hsds-export.ts';
import { planImport, writeImport, type TImportSummary } from './hsds-import.ts';
import { readHsdsCsvPackage, writeHsdsCsvPackage } from './hsds-csv-package.ts';
import { locateIssue, tablesToDirectory, type TCsvIssue } from './hsds-tabular.ts';
import type { THsdsEnvelope } from './hsds.schemas.ts';

/**
 * The directory as a ZIP of the HSDS 3.0 tabular data package; audited as `directory.exported`
 * with format csv. Confidential locations follow the JSON export's rules.
 * @throws NOT_FOUND, FORBIDDEN (service.read; service.manage for includeConfidential)
 */
export async function exportDirectoryCsv(ctx: TCtx, orgId: string, options: { scope: 'own' | 'all'; includeConfidential: boolean }, generatedAt: Date): Promise<Uint8Array> {
  return writeHsdsCsvPackage(await exportDirectory(ctx, orgId, { ...options, format: 'csv' }, generatedAt));
}

/** `organizations.csv:3:name`: file, row (1 is the header) and column, for the generic issue list. */
function issuePath(issue: TCsvIssue): string {
  return [issue.file, issue.row ?? '', issue.column ?? ''].join(':').replace(/:+$/, '');
}

/**
 * Imports an HSDS tabular data package (ZIP) into this organisation's directory: all or nothing,
 * through the JSON import's checks and writes. Every problem names its file, row and column;
 * nothing is written unless the whole package is valid.
 * @throws VALIDATION_FAILED with `issues` (path `file:row:column`) and `csvIssues` ({file,row,column,message}); NOT_FOUND / FORBIDDEN (service.manage)
 */
export async function importDirectoryCsv(ctx: TCtx, orgId: string, zip: Uint8Array): Promise<TImportSummary> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'service.manage');
  const opened = await readHsdsCsvPackage(zip);
  const issues: TCsvIssue[] = [...opened.issues];
  let plan: ReturnType<typeof planImport>['plan'] = [];
  if (issues.length === 0) {
    const read = tablesToDirectory(opened.files, unguardCsvInjection);
    issues.push(...read.issues);
    const planned = planImport(read.document as THsdsEnvelope);
    plan = planned.plan;
    for (const issue of planned.issues) issues.push(locateIssue(issue.path, issue.message, read.sources));
  }
  if (issues.length > 0) {
    const unique = [...new Map(issues.map((issue) => [`${issuePath(issue)}\u0000${issue.message}`, issue])).values()];
    unique.sort((a, b) => a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''));
    const generic: TErrorIssue[] = unique.map((issue) => ({ path: issuePath(issue), message: issue.message }));
    throw new AppError('VALIDATION_FAILED', `The HSDS package has ${unique.length} problem(s); nothing was imported.`, { issues: generic, csvIssues: unique });
  }
  return writeImport(ctx, orgId, plan, 'csv');
}

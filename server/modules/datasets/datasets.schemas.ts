import { z } from 'zod';
import { CTDC_LAYOUTS } from '../../../core/ctdc/index.ts';
import { ZUuid } from '../../http/common-schemas.ts';
import type { TImportRunRecord } from './datasets.repo.ts';

/** The upload route alone accepts large bodies: the real CTDC file is 15 MB of CSV. */
export const CTDC_UPLOAD_BODY_LIMIT_BYTES = 64 * 1024 * 1024;
/** Characters of CSV text in one upload (the JSON around it fits in the body limit). */
export const MAX_CTDC_UPLOAD_CHARS = 60 * 1024 * 1024;
export const MAX_FILE_NAME_CHARS = 255;
/** Runs listed at most (newest first). */
export const IMPORT_RUN_LIST_LIMIT = 200;

export const ZImportRunParams = z.object({ orgId: ZUuid, runId: ZUuid }).strict();

export const ZCtdcImportRequest = z.object({
  fileName: z.string().trim().min(1).max(MAX_FILE_NAME_CHARS),
  /** The file's text (UTF-8). */
  csv: z.string().min(1).max(MAX_CTDC_UPLOAD_CHARS),
  dryRun: z.boolean().default(false),
  allowPartial: z.boolean().default(false),
}).strict();

const ZImportIssue = z.object({ row: z.number().int(), column: z.string(), value: z.string(), message: z.string() });

const ZImportRunSummary = z.object({
  id: z.string(),
  source: z.enum(['ctdc']),
  status: z.enum(['validated', 'rejected', 'completed', 'partial', 'deleted']),
  isDryRun: z.boolean(),
  isPartialAllowed: z.boolean(),
  layout: z.enum(CTDC_LAYOUTS),
  fileName: z.string(),
  fileBytes: z.number().int(),
  fileSha256: z.string(),
  rowCount: z.number().int(),
  validRowCount: z.number().int(),
  invalidRowCount: z.number().int(),
  importedRowCount: z.number().int(),
  issueCount: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  deletedAt: z.string().nullable(),
  startedBy: z.object({ type: z.string(), userId: z.string().nullable(), label: z.string().nullable() }),
});

/** A run with its report: every problem (up to the stored cap) with row, column and value. */
export const ZImportRun = ZImportRunSummary.extend({
  issues: z.array(ZImportIssue),
  isIssueListTruncated: z.boolean(),
  warnings: z.array(ZImportIssue),
});

export const ZImportRunResponse = z.object({ run: ZImportRun });
export const ZImportRunList = z.object({ runs: z.array(ZImportRunSummary) });

export function presentImportRunSummary(run: TImportRunRecord): z.infer<typeof ZImportRunSummary> {
  return {
    id: run.id,
    source: run.source as 'ctdc',
    status: run.status as z.infer<typeof ZImportRunSummary>['status'],
    isDryRun: run.isDryRun,
    isPartialAllowed: run.isPartialAllowed,
    layout: run.layout as z.infer<typeof ZImportRunSummary>['layout'],
    fileName: run.fileName,
    fileBytes: run.fileBytes,
    fileSha256: run.fileSha256,
    rowCount: run.rowCount,
    validRowCount: run.validRowCount,
    invalidRowCount: run.invalidRowCount,
    importedRowCount: run.importedRowCount,
    issueCount: run.issueCount,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    deletedAt: run.deletedAt ? run.deletedAt.toISOString() : null,
    startedBy: { type: run.startedByType, userId: run.startedById, label: run.startedByLabel },
  };
}

export function presentImportRun(run: TImportRunRecord): z.infer<typeof ZImportRun> {
  return { ...presentImportRunSummary(run), issues: run.issues, isIssueListTruncated: run.isIssueListTruncated, warnings: run.warnings };
}

import { AppError } from '../../../core/errors/app-error.ts';
import type { TClock, TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { parseCtdcUpload, type TParsedCtdcFile, type TUploadProgress } from './ctdc-upload.ts';
import {
  deleteCtdcRecordsOfRun,
  findImportRunForUpdate,
  findStoredRunOfFile,
  INSERT_CHUNK_ROWS,
  insertCtdcRecords,
  insertImportRun,
  lockFileImports,
  markImportRunDeleted,
  updateImportRunFinished,
  type TImportRunRecord,
} from './datasets.repo.ts';

export interface TCtdcImportOptions {
  fileName: string;
  /** Validate and report only: the run is recorded, no record is stored. */
  isDryRun: boolean;
  /** Store the valid rows of a file that also has invalid ones (otherwise nothing is stored). */
  isPartialAllowed: boolean;
}

/** Runs work in one transaction with a context (HTTP: the request's actor; CLI: the OS user). */
export type TUnitOfWork = <T>(work: (ctx: TCtx) => Promise<T>) => Promise<T>;

function describeStarter(ctx: TCtx): Pick<TImportRunRecord, 'startedByType' | 'startedById' | 'startedByLabel'> {
  const { actor } = ctx;
  if (actor.type === 'user') return { startedByType: 'user', startedById: actor.userId, startedByLabel: actor.email };
  if (actor.type === 'cli') return { startedByType: 'cli', startedById: null, startedByLabel: `cli:${actor.osUser}` };
  return { startedByType: actor.type, startedById: null, startedByLabel: actor.type };
}

function statusOf(options: TCtdcImportOptions, parsed: TParsedCtdcFile): 'validated' | 'rejected' | 'completed' | 'partial' {
  if (options.isDryRun) return 'validated';
  if (parsed.invalidRowCount === 0) return 'completed';
  return options.isPartialAllowed ? 'partial' : 'rejected';
}

/**
 * Records an import run for a parsed file and, unless it is a dry run or rejected, stores its
 * valid rows in chunks of {@link INSERT_CHUNK_ROWS}, all in the caller's transaction: either
 * every row and the audit row are committed, or nothing is.
 * @throws NOT_FOUND / FORBIDDEN (dataset.import), CONFLICT (DATASET_ALREADY_IMPORTED) when the
 *   same file's records are already stored in the organisation
 */
export async function recordCtdcImport(
  ctx: TCtx,
  orgId: string,
  options: TCtdcImportOptions,
  parsed: TParsedCtdcFile,
  onProgress?: (progress: TUploadProgress) => void,
): Promise<TImportRunRecord> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'dataset.import');
  const status = statusOf(options, parsed);
  const isStoring = status === 'completed' || status === 'partial';
  if (isStoring) {
    await lockFileImports(ctx.db, orgId, parsed.fileSha256);
    const previous = await findStoredRunOfFile(ctx.db, orgId, parsed.fileSha256);
    if (previous) {
      throw new AppError('CONFLICT', 'This file has been imported already; delete that import first to import it again.', {
        reason: 'DATASET_ALREADY_IMPORTED',
        runId: previous.id,
      });
    }
  }
  const run = await insertImportRun(ctx.db, {
    orgId,
    source: 'ctdc',
    status,
    isDryRun: options.isDryRun,
    isPartialAllowed: options.isPartialAllowed,
    layout: parsed.layout,
    fileName: options.fileName,
    fileBytes: parsed.fileBytes,
    fileSha256: parsed.fileSha256,
    rowCount: parsed.rowCount,
    validRowCount: parsed.validRowCount,
    invalidRowCount: parsed.invalidRowCount,
    importedRowCount: isStoring ? parsed.validRowCount : 0,
    issueCount: parsed.issueCount,
    issues: parsed.issues,
    isIssueListTruncated: parsed.isIssueListTruncated,
    warnings: parsed.warnings,
    startedAt: parsed.startedAt,
    finishedAt: ctx.now(),
    ...describeStarter(ctx),
  });
  if (isStoring) {
    const { rows } = parsed;
    for (let from = 0; from < rows.length; from += INSERT_CHUNK_ROWS) {
      const to = Math.min(from + INSERT_CHUNK_ROWS, rows.length);
      await insertCtdcRecords(ctx.db, orgId, run.id, rows, from, to);
      onProgress?.({ phase: 'storing', done: to, total: rows.length });
    }
    run.finishedAt = ctx.now();
    await updateImportRunFinished(ctx.db, orgId, run.id, run.finishedAt);
  }
  const metadata = {
    runId: run.id,
    source: 'ctdc' as const,
    layout: parsed.layout,
    fileName: options.fileName,
    fileSha256: parsed.fileSha256,
    rowCount: parsed.rowCount,
    invalidRowCount: parsed.invalidRowCount,
  };
  const subject = { orgId, subjectType: 'import_run', subjectId: run.id };
  if (status === 'validated') await ctx.audit.record('dataset.validated', { ...subject, metadata });
  else if (status === 'rejected') await ctx.audit.record('dataset.rejected', { ...subject, metadata });
  else await ctx.audit.record('dataset.imported', { ...subject, metadata: { ...metadata, importedRowCount: run.importedRowCount, isPartial: status === 'partial' } });
  return run;
}

/**
 * Reads a CTDC file (yielding to the event loop; no connection held), then records the run and
 * stores its rows in one transaction. The HTTP route and `palermo import ctdc` both come here.
 */
export async function importCtdcFile(
  unitOfWork: TUnitOfWork,
  clock: TClock,
  orgId: string,
  input: TCtdcImportOptions & { chunks: Iterable<string> | AsyncIterable<string>; totalChars?: number | null; onProgress?: (progress: TUploadProgress) => void },
): Promise<TImportRunRecord> {
  const parsed = await parseCtdcUpload(input.chunks, { startedAt: clock(), totalChars: input.totalChars ?? null, ...(input.onProgress ? { onProgress: input.onProgress } : {}) });
  return unitOfWork((ctx) => recordCtdcImport(ctx, orgId, input, parsed, input.onProgress));
}

/**
 * Removes an import's records (the run stays, as `deleted`, so the history is complete).
 * @throws NOT_FOUND, FORBIDDEN, INVALID_TRANSITION when the run stored no records
 */
export async function deleteCtdcImport(ctx: TCtx, orgId: string, runId: string): Promise<TImportRunRecord> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'dataset.import');
  const run = await findImportRunForUpdate(ctx.db, orgId, runId);
  if (!run) throw new AppError('NOT_FOUND', 'Import not found.');
  if (run.status !== 'completed' && run.status !== 'partial') {
    throw new AppError('INVALID_TRANSITION', `This import is ${run.status}: it has no stored records to delete.`, { reason: 'NOTHING_STORED', status: run.status });
  }
  const deletedRowCount = await deleteCtdcRecordsOfRun(ctx.db, orgId, runId);
  const deletedAt = ctx.now();
  await markImportRunDeleted(ctx.db, orgId, runId, deletedAt);
  await ctx.audit.record('dataset.deleted', { orgId, subjectType: 'import_run', subjectId: runId, metadata: { runId, fileName: run.fileName, deletedRowCount } });
  return { ...run, status: 'deleted', deletedAt };
}

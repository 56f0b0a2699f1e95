import { AppError } from '../../../core/errors/app-error.ts';
import type { TClock, TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { parseCtdcUpload, type TParsedCtdcFile, type TUploadProgress } from './ctdc-upload.ts';
import { CtdcColumnBuffers } from './ctdc-columns.ts';
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
  updateImportRunReport,
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
  /** A run this transaction already inserted and stored the valid rows of, while reading. */
  storedRunId: string | null = null,
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
  const report = {
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
  };
  const run = storedRunId ? await updateImportRunReport(ctx.db, orgId, storedRunId, report) : await insertImportRun(ctx.db, report);
  if (isStoring && !storedRunId) {
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

/** Thrown inside the storing transaction to roll it back when the file turns out to be rejected. */
class RejectedFile extends Error {
  constructor(readonly parsed: TParsedCtdcFile) {
    super('rejected CTDC file');
  }
}

/**
 * Imports a CTDC file. The HTTP route and `palermo import ctdc` both come here.
 * - Dry run: the file is read first (no connection held), then the run is recorded.
 * - Otherwise reading and storing overlap in one transaction: valid rows are inserted in chunks
 *   while later rows are still being decoded (the database works in its own thread), which is
 *   what brings an import near a plain COPY (bench/stats/ctdc-import.ts). Every row is still validated; if
 *   the file must be rejected (invalid rows, no partial import asked) or is a duplicate, the
 *   transaction rolls back and a rejected file is then recorded with its report, storing nothing.
 */
export async function importCtdcFile(
  unitOfWork: TUnitOfWork,
  clock: TClock,
  orgId: string,
  input: TCtdcImportOptions & { chunks: Iterable<string> | AsyncIterable<string>; totalChars?: number | null; onProgress?: (progress: TUploadProgress) => void },
): Promise<TImportRunRecord> {
  const readOptions = { startedAt: clock(), totalChars: input.totalChars ?? null, ...(input.onProgress ? { onProgress: input.onProgress } : {}) };
  if (input.isDryRun) {
    const parsed = await parseCtdcUpload(input.chunks, readOptions);
    return unitOfWork((ctx) => recordCtdcImport(ctx, orgId, input, parsed, input.onProgress));
  }
  try {
    return await unitOfWork(async (ctx) => {
      await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'dataset.import');
      let runId: Promise<string> | null = null;
      const parsed = await parseCtdcUpload(input.chunks, {
        ...readOptions,
        sink: {
          rowsPerStatement: INSERT_CHUNK_ROWS,
          isWanted: ({ invalidRowCount }) => input.isPartialAllowed || invalidRowCount === 0,
          write: async (layout, rows, from, to) => {
            // The run row comes first (records reference it); its report is filled in at the end.
            // Several writes may be under way at once: they share the one run.
            runId ??= insertImportRun(ctx.db, provisionalRun(ctx, orgId, input, layout, readOptions.startedAt)).then((run) => run.id);
            // Storing overlaps reading, so the reading progress (by characters) stands for both.
            await insertCtdcRecords(ctx.db, orgId, await runId, rows, from, to);
          },
        },
      });
      if (statusOf(input, parsed) === 'rejected') throw new RejectedFile(parsed);
      return recordCtdcImport(ctx, orgId, input, parsed, undefined, runId ? await runId : null);
    });
  } catch (error) {
    if (!(error instanceof RejectedFile)) throw error;
    // Nothing stored; the report is kept as a rejected run.
    const { parsed } = error;
    return unitOfWork((ctx) => recordCtdcImport(ctx, orgId, input, { ...parsed, rows: new CtdcColumnBuffers() }));
  }
}

function provisionalRun(ctx: TCtx, orgId: string, options: TCtdcImportOptions, layout: TParsedCtdcFile['layout'], startedAt: Date) {
  return {
    orgId, source: 'ctdc', status: 'completed', isDryRun: false, isPartialAllowed: options.isPartialAllowed, layout,
    fileName: options.fileName, fileBytes: 0, fileSha256: '', rowCount: 0, validRowCount: 0, invalidRowCount: 0, importedRowCount: 0,
    issueCount: 0, issues: [], isIssueListTruncated: false, warnings: [], startedAt, finishedAt: ctx.now(), ...describeStarter(ctx),
  };
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

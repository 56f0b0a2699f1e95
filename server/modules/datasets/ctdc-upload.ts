/**
 * Reading an uploaded CTDC file: the CPU-bound half of an import, done before any transaction
 * is opened so that no database connection is held while 100k rows are decoded. Between chunks
 * it yields to the event loop (a 15 MB file is ~240 slices of a few milliseconds each), so a
 * server keeps answering other requests during an upload.
 */
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AppError } from '../../../core/errors/app-error.ts';
import { createCtdcParser, type TCtdcIssue, type TCtdcLayout, type TCtdcParsedRow } from '../../../core/ctdc/index.ts';
import { CtdcColumnBuffers } from './ctdc-columns.ts';

/** Text slice handed to the parser between two yields (a few ms of work each). */
export const UPLOAD_SLICE_CHARS = 64 * 1024;
/** Problems stored and returned per run; the count of all of them is kept too. */
export const MAX_STORED_ISSUES = 1_000;
/** Insert statements queued on the connection at once while the file is still being read. */
const MAX_STATEMENTS_IN_FLIGHT = 2;
/** Longest cell value quoted in an issue. */
const MAX_ISSUE_VALUE_CHARS = 200;
/** Data rows accepted in one file (the real CTDC file has 97,750). */
export const MAX_IMPORT_ROWS = 2_000_000;

export interface TUploadProgress {
  phase: 'reading' | 'storing';
  /** Characters read so far (reading) or rows stored so far (storing). */
  done: number;
  /** Characters or rows in all, when known. */
  total: number | null;
}

export interface TParsedCtdcFile {
  layout: TCtdcLayout;
  rowCount: number;
  validRowCount: number;
  invalidRowCount: number;
  issueCount: number;
  issues: TCtdcIssue[];
  isIssueListTruncated: boolean;
  warnings: TCtdcIssue[];
  fileBytes: number;
  fileSha256: string;
  startedAt: Date;
  rows: CtdcColumnBuffers;
}

/** Slices a text held in memory (an HTTP upload) for {@link parseCtdcUpload}. */
export function* sliceText(text: string, size = UPLOAD_SLICE_CHARS): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function clip(issue: TCtdcIssue): TCtdcIssue {
  return issue.value.length > MAX_ISSUE_VALUE_CHARS ? { ...issue, value: `${issue.value.slice(0, MAX_ISSUE_VALUE_CHARS)}…` } : issue;
}

/**
 * Where valid rows go while the file is still being read: the import stores them in the same
 * transaction, with up to {@link MAX_STATEMENTS_IN_FLIGHT} statements queued on the connection,
 * so the database works (in its own thread or process) on one chunk while this thread decodes
 * the next and builds the statement after it.
 */
export interface TRowSink {
  rowsPerStatement: number;
  /** False once storing is pointless (e.g. an invalid row in a file that must be all-valid). */
  isWanted(state: { invalidRowCount: number }): boolean;
  write(layout: TCtdcLayout, rows: CtdcColumnBuffers, from: number, to: number): Promise<void>;
}

/**
 * Decodes and validates every row of a CTDC file, keeping the valid rows column by column and
 * every problem (the first {@link MAX_STORED_ISSUES} in full, all of them counted). With a
 * `sink`, valid rows are handed over in chunks as they are decoded; every row is still checked.
 * @param chunks the file's text in pieces of any size, in order
 * @throws AppError VALIDATION_FAILED when the header is not a CTDC layout (CTDC_UNKNOWN_LAYOUT,
 *   CTDC_HEADER_INVALID), the file is empty, or it has more than MAX_IMPORT_ROWS rows (TOO_MANY_ROWS)
 */
export async function parseCtdcUpload(
  chunks: Iterable<string> | AsyncIterable<string>,
  options: { startedAt: Date; totalChars?: number | null; onProgress?: (progress: TUploadProgress) => void; sink?: TRowSink },
): Promise<TParsedCtdcFile> {
  const parser = createCtdcParser();
  const hash = createHash('sha256');
  const rows = new CtdcColumnBuffers();
  const issues: TCtdcIssue[] = [];
  let rowCount = 0;
  let invalidRowCount = 0;
  let issueCount = 0;
  let fileBytes = 0;
  let chars = 0;

  const take = (parsed: TCtdcParsedRow[]): void => {
    for (const row of parsed) {
      rowCount++;
      if (row.record) rows.push(row.row, row.record);
      else {
        invalidRowCount++;
        issueCount += row.issues.length;
        for (const issue of row.issues) if (issues.length < MAX_STORED_ISSUES) issues.push(clip(issue));
      }
    }
    if (rowCount > MAX_IMPORT_ROWS) {
      throw new AppError('VALIDATION_FAILED', `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows; split it.`, {
        reason: 'TOO_MANY_ROWS',
        issues: [{ path: `row ${MAX_IMPORT_ROWS + 2}`, message: 'too many rows' }],
      });
    }
  };

  const { sink } = options;
  let written = 0;
  /** Statements handed to the sink and not yet finished, oldest first. */
  const inFlight: Promise<void>[] = [];
  /**
   * Hands full chunks (all remaining rows when final) to the sink, at most
   * {@link MAX_STATEMENTS_IN_FLIGHT} at a time: the next statement is built and queued on the
   * connection while the database still works on the previous one, so the database never waits
   * for this thread between two chunks.
   */
  const drain = async (isFinal: boolean): Promise<void> => {
    if (!sink || !parser.layout) return;
    // The first statement is smaller, so the database starts working sooner.
    const size = () => (written === 0 ? Math.ceil(sink.rowsPerStatement / 4) : sink.rowsPerStatement);
    while (sink.isWanted({ invalidRowCount }) && (rows.length - written >= size() || (isFinal && rows.length > written))) {
      if (inFlight.length >= MAX_STATEMENTS_IN_FLIGHT) await inFlight.shift();
      const from = written;
      written = Math.min(written + size(), rows.length);
      const statement = sink.write(parser.layout, rows, from, written);
      // Observed by a later await (or the finally below); never an unhandled rejection.
      statement.catch(() => undefined);
      inFlight.push(statement);
    }
    if (isFinal) while (inFlight.length > 0) await inFlight.shift();
  };

  try {
    for await (const chunk of chunks) {
      hash.update(chunk, 'utf8');
      fileBytes += Buffer.byteLength(chunk, 'utf8');
      chars += chunk.length;
      take(parser.push(chunk));
      options.onProgress?.({ phase: 'reading', done: chars, total: options.totalChars ?? null });
      await drain(false);
      await yieldToEventLoop();
    }
    take(parser.end());
    await drain(true);
  } finally {
    // A failed read must not leave a statement running behind the caller's rollback.
    await Promise.allSettled(inFlight);
  }
  if (!parser.layout) {
    throw new AppError('VALIDATION_FAILED', 'The file is empty: no CTDC header row.', {
      reason: 'CTDC_UNKNOWN_LAYOUT',
      issues: [{ path: 'row 1', message: 'missing header row' }],
    });
  }
  return {
    layout: parser.layout,
    rowCount,
    validRowCount: rows.length,
    invalidRowCount,
    issueCount,
    issues,
    isIssueListTruncated: issueCount > issues.length,
    warnings: parser.warnings.map(clip),
    fileBytes,
    fileSha256: hash.digest('hex'),
    startedAt: options.startedAt,
    rows,
  };
}

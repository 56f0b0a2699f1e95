import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { withContext, NO_REQUEST } from '../../server/context.ts';
import { findOrganisationByName } from '../../server/modules/organisations/organisations.repo.ts';
import type { TUploadProgress } from '../../server/modules/datasets/ctdc-upload.ts';
import type { TImportRunRecord } from '../../server/modules/datasets/datasets.repo.ts';
import { importCtdcFile } from '../../server/modules/datasets/datasets.service.ts';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export const IMPORT_CTDC_HELP = `palermo import ctdc FILE --organisation NAME [--dry-run] [--allow-partial]

Imports a CTDC victim file (K-anonymized 2021, Global Dataset 2017-2020 or synthetic 2024
layout, detected from the header) into the organisation's external datasets. Every row is
validated and every problem reported by row and column.

  --dry-run        check the file and record the report; store nothing
  --allow-partial  store the valid rows even when some rows are invalid (otherwise nothing is stored)

Exit status: 0 when the file was imported (or, for a dry run, is valid); 1 when it was rejected,
has invalid rows in a dry run, or could not be read. A file already imported is refused; delete
that import first (DELETE …/datasets/ctdc-imports/{runId}). Needs the embedded data folder free;
with a running server, upload the file through the web app or the API instead.`;

/** Problems printed in the terminal; the run keeps up to 1,000 and counts all. */
const PRINTED_ISSUES = 20;

/** A one-line bar redrawn in place on a terminal; nothing when stderr is a pipe or a file. */
function createProgressBar(): { update(progress: TUploadProgress): void; done(): void } {
  const stream = process.stderr;
  if (!stream.isTTY) return { update() {}, done() {} };
  let lastDrawn = 0;
  return {
    update(progress) {
      const now = Date.now();
      const isLast = progress.total !== null && progress.done >= progress.total;
      if (now - lastDrawn < 100 && !isLast) return;
      lastDrawn = now;
      const fraction = progress.total ? Math.min(1, progress.done / progress.total) : 0;
      const width = 30;
      const filled = Math.round(fraction * width);
      const label = progress.phase === 'reading' ? 'reading' : 'storing';
      const amount = progress.phase === 'storing' ? `${progress.done.toLocaleString('en')} rows` : `${(progress.done / 1_048_576).toFixed(1)} MB`;
      stream.write(`\r${label.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${amount}   `);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}

function report(io: TCliIo, run: TImportRunRecord, seconds: number): void {
  const verdict: Record<string, string> = {
    completed: `Imported ${run.importedRowCount.toLocaleString('en')} rows`,
    partial: `Imported ${run.importedRowCount.toLocaleString('en')} valid rows; ${run.invalidRowCount.toLocaleString('en')} invalid rows skipped`,
    validated: run.invalidRowCount === 0 ? 'Dry run: the file is valid; nothing was stored' : `Dry run: ${run.invalidRowCount.toLocaleString('en')} invalid rows; nothing was stored`,
    rejected: `Rejected: ${run.invalidRowCount.toLocaleString('en')} invalid rows; nothing was stored (--allow-partial stores the valid rows)`,
  };
  io.out(`${verdict[run.status] ?? run.status} from ${run.fileName} (${run.layout} layout, ${run.rowCount.toLocaleString('en')} rows read, ${seconds.toFixed(1)} s). Import ${run.id}.`);
  for (const warning of run.warnings) io.err(`warning: column ${warning.column}: ${warning.message}`);
  for (const issue of run.issues.slice(0, PRINTED_ISSUES)) io.err(`row ${issue.row}, ${issue.column}: ${issue.message} (${JSON.stringify(issue.value)})`);
  if (run.issueCount > PRINTED_ISSUES) io.err(`… and ${(run.issueCount - PRINTED_ISSUES).toLocaleString('en')} more problems (GET …/datasets/ctdc-imports/${run.id} lists up to 1,000).`);
}

export async function runImportCtdc(io: TCliIo, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { organisation: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'allow-partial': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const path = positionals[0];
  if (!path || positionals.length > 1 || !values.organisation) {
    io.err('Usage: palermo import ctdc FILE --organisation NAME [--dry-run] [--allow-partial]');
    return 2;
  }
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    io.err(`Cannot read ${path}.`);
    return 1;
  }
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  const bar = createProgressBar();
  try {
    const organisation = await findOrganisationByName(opened.database.db, values.organisation);
    if (!organisation) {
      io.err(`No organisation named "${values.organisation}".`);
      return 1;
    }
    const started = performance.now();
    const run = await importCtdcFile(
      (work) => withContext(opened.deps, { type: 'cli', osUser: userInfo().username }, NO_REQUEST, work),
      opened.deps.clock,
      organisation.id,
      {
        fileName: basename(path),
        chunks: createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 }),
        // Characters ≈ bytes for CTDC's ASCII files; the bar only needs an estimate.
        totalChars: size,
        isDryRun: values['dry-run'] ?? false,
        isPartialAllowed: values['allow-partial'] ?? false,
        onProgress: (progress) => bar.update(progress),
      },
    );
    bar.done();
    report(io, run, (performance.now() - started) / 1000);
    return run.status === 'rejected' || run.invalidRowCount > 0 && run.status === 'validated' ? 1 : 0;
  } catch (error) {
    bar.done();
    if (error instanceof AppError) {
      io.err(error.message);
      for (const issue of error.details.issues ?? []) io.err(`  ${issue.path}: ${issue.message}`);
      if (typeof error.details.runId === 'string') io.err(`  earlier import: ${error.details.runId}`);
      return 1;
    }
    throw error;
  } finally {
    await opened.database.close();
  }
}

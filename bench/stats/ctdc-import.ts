/**
 * The CTDC import half of `npm run bench:stats` (bench/stats.ts):
 *
 *   ctdc_import_rows_per_s: the real 97,750-row CTDC file through the import use case (read,
 *     validate, store, audit);
 *   ctdc_import_vs_copy: that import ÷ a plain COPY of the same file into an untyped table of 64
 *     text columns, measured in the same run. Embedded: `COPY … FROM '/dev/blob'` into an
 *     in-process PGlite; PostgreSQL: a server-side `COPY … FROM 'file'` (when the server may
 *     read the file), and ctdc_import_vs_raw_insert compares with multi-row INSERTs of the raw
 *     text into such a table (what a client without COPY can do).
 *
 * Import and COPY rounds alternate and the best of each is kept, so that a busy machine slows
 * both alike. Each round starts from the same state: the COPY table is truncated, and the
 * previous round's import is deleted and vacuumed away (untimed). Where the import's time goes
 * is printed too (never asserted): reading (decode and validate every row, no database), storing
 * (the INSERTs of the already-decoded rows, rolled back) and, embedded, the CPU time of import
 * and COPY (both engines run in this process).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { readCsv } from '../../core/ctdc/index.ts';
import { REAL_CTDC_FILE } from '../../core/ctdc/real-data-path.ts';
import { NO_REQUEST, withContext, type TContextDeps } from '../../server/context.ts';
import type { TDatabase } from '../../server/db/database.ts';
import { parseCtdcUpload, sliceText } from '../../server/modules/datasets/ctdc-upload.ts';
import { INSERT_CHUNK_ROWS, insertCtdcRecords, insertImportRun } from '../../server/modules/datasets/datasets.repo.ts';
import { deleteCtdcImport, importCtdcFile, type TUnitOfWork } from '../../server/modules/datasets/datasets.service.ts';
import { createOrganisation } from '../../server/modules/organisations/organisations.service.ts';

const ROWS = 97_750;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Wall and CPU milliseconds of `work` (CPU: every thread of this process). */
async function timed(work: () => Promise<void>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const best = (xs: { ms: number; cpuMs: number }[]) => ({ ms: Math.min(...xs.map((x) => x.ms)), cpuMs: Math.min(...xs.map((x) => x.cpuMs)) });

/** A COPY of the file into 64 untyped text columns, one round per call. */
async function openCopyBaseline(database: TDatabase, engine: string): Promise<{ copy(): Promise<void>; close(): Promise<void> } | null> {
  const columns = Array.from({ length: 64 }, (_, i) => `c${i} text`).join(', ');
  if (engine === 'embedded') {
    // In-process, no socket: the cheapest way PGlite loads a file.
    const pglite = await PGlite.create();
    await pglite.exec(`create table raw_ctdc (${columns})`);
    const blob = new Blob([readFileSync(REAL_CTDC_FILE)]);
    return {
      async copy() {
        await pglite.exec('truncate raw_ctdc');
        await pglite.query("copy raw_ctdc from '/dev/blob' with (format csv, delimiter ';', header true)", [], { blob });
        const copied = await pglite.query<{ n: number }>('select count(*)::int as n from raw_ctdc');
        if (copied.rows[0]!.n !== ROWS) throw new Error(`COPY loaded ${copied.rows[0]!.n} rows`);
      },
      close: () => pglite.close(),
    };
  }
  await sql.raw(`create table raw_ctdc (${columns})`).execute(database.db);
  const copy = async () => {
    await sql.raw('truncate raw_ctdc').execute(database.db);
    // Server-side: possible when this server can read the file (a superuser on the same machine);
    // pg-copy-streams (COPY FROM STDIN) is not a dependency.
    await sql.raw(`copy raw_ctdc from '${REAL_CTDC_FILE.replace(/'/g, "''")}' with (format csv, delimiter ';', header true)`).execute(database.db);
  };
  try {
    await copy();
    return { copy, close: async () => undefined };
  } catch (error) {
    log(`  server-side COPY not possible here (${(error as Error).message}); raw INSERT baseline only`);
    return null;
  }
}

export async function benchCtdcImport(database: TDatabase, deps: TContextDeps, engine: string, rounds = 3): Promise<void> {
  const text = readFileSync(REAL_CTDC_FILE, 'utf8');
  const system: TUnitOfWork = (work) => withContext(deps, { type: 'system' }, NO_REQUEST, work);
  const newOrganisation = async () => (await system((ctx) => createOrganisation(ctx, { name: `Import ${randomBytes(4).toString('hex')}`, kind: 'government' }))).id;

  const baseline = await openCopyBaseline(database, engine);
  const imports: { ms: number; cpuMs: number }[] = [];
  const copies: { ms: number; cpuMs: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const orgId = await newOrganisation();
    let runId = '';
    imports.push(await timed(async () => {
      const run = await importCtdcFile(system, deps.clock, orgId, { fileName: 'ctdc.csv', chunks: sliceText(text), isDryRun: false, isPartialAllowed: false });
      if (run.importedRowCount !== ROWS) throw new Error(`imported ${run.importedRowCount} rows`);
      runId = run.id;
    }));
    log(`  import round ${round + 1}: ${seconds(imports.at(-1)!.ms)} s (cpu ${seconds(imports.at(-1)!.cpuMs)} s)`);
    // Every round starts from the same store, as every COPY round starts from an empty table:
    // the import is deleted (the product's own use case) and its space reclaimed, untimed.
    await system((ctx) => deleteCtdcImport(ctx, orgId, runId));
    await sql.raw('vacuum external_ctdc_records').execute(database.db);
    if (baseline) {
      copies.push(await timed(() => baseline.copy()));
      log(`  COPY round ${round + 1}: ${seconds(copies.at(-1)!.ms)} s (cpu ${seconds(copies.at(-1)!.cpuMs)} s)`);
    }
  }
  await baseline?.close();
  const importTime = best(imports);
  console.log(`ctdc_import_s: ${seconds(importTime.ms)}`);
  console.log(`ctdc_import_rows_per_s: ${Math.round(ROWS / (importTime.ms / 1000))}`);
  if (baseline) {
    const copyTime = best(copies);
    console.log(`ctdc_copy_s: ${seconds(copyTime.ms)}`);
    console.log(`ctdc_import_vs_copy: ${(importTime.ms / copyTime.ms).toFixed(3)}`);
    if (engine === 'embedded') console.log(`ctdc_import_cpu_vs_copy_cpu: ${(importTime.cpuMs / copyTime.cpuMs).toFixed(3)}`);
  }

  // Where the time goes: reading alone, then storing alone (the two overlap in an import).
  const reads: { ms: number; cpuMs: number }[] = [];
  let parsed: Awaited<ReturnType<typeof parseCtdcUpload>> | null = null;
  for (let round = 0; round < 2; round++) reads.push(await timed(async () => { parsed = await parseCtdcUpload(sliceText(text), { startedAt: new Date() }); }));
  const stores: { ms: number; cpuMs: number }[] = [];
  const orgId = await newOrganisation();
  for (let round = 0; round < 2; round++) {
    stores.push(await timed(() => database.transaction(async (tx) => {
      const { rows, layout } = parsed!;
      const run = await insertImportRun(tx, {
        orgId, source: 'ctdc', status: 'completed', isDryRun: false, isPartialAllowed: false, layout, fileName: 'ctdc.csv', fileBytes: 0, fileSha256: 'bench',
        rowCount: 0, validRowCount: 0, invalidRowCount: 0, importedRowCount: 0, issueCount: 0, issues: [], isIssueListTruncated: false, warnings: [],
        startedAt: new Date(), finishedAt: new Date(), startedByType: 'system', startedById: null, startedByLabel: 'system',
      });
      for (let from = 0; from < rows.length; from += INSERT_CHUNK_ROWS) await insertCtdcRecords(tx, orgId, run.id, rows, from, Math.min(from + INSERT_CHUNK_ROWS, rows.length));
      const stored = await sql<{ n: number }>`select count(*)::int as n from external_ctdc_records where org_id = ${orgId} and import_run_id = ${run.id}`.execute(tx);
      if (stored.rows[0]!.n !== ROWS) throw new Error(`stored ${stored.rows[0]!.n} rows`);
      throw new RolledBack();
    }).catch((error) => { if (!(error instanceof RolledBack)) throw error; })));
  }
  const read = best(reads);
  const store = best(stores);
  console.log(`ctdc_import_read_s: ${seconds(read.ms)} (cpu ${seconds(read.cpuMs)})`);
  console.log(`ctdc_import_store_s: ${seconds(store.ms)} (cpu ${seconds(store.cpuMs)}${engine === 'embedded' ? ', both threads' : ', client only'})`);

  if (engine !== 'embedded') {
    // Second baseline: plain multi-row INSERTs of the raw text (what a client without COPY can do).
    await sql.raw('truncate raw_ctdc').execute(database.db);
    const started = performance.now();
    const rows = readCsv(text, { delimiter: ';' }).slice(1);
    const perStatement = 1_000;
    for (let from = 0; from < rows.length; from += perStatement) {
      const slice = rows.slice(from, from + perStatement);
      await sql`insert into raw_ctdc values ${sql.join(slice.map((r) => sql`(${sql.join(r)})`))}`.execute(database.db);
    }
    const insertTime = performance.now() - started;
    console.log(`ctdc_raw_insert_s: ${seconds(insertTime)}`);
    console.log(`ctdc_import_vs_raw_insert: ${(importTime.ms / insertTime).toFixed(3)}`);
  }
}

/** Thrown to roll back the storing-only measurement. */
class RolledBack extends Error {}

/**
 * Statistics benchmark (`npm run bench:stats`). Prints ratio lines against named baselines:
 *
 *   stats_engine_vs_handwritten_sql: the default dashboard (10 metrics × 2 dimensions) over N
 *     synthetic victim records through the statistics engine (catalog check, query builder,
 *     SQL, tabulation) ÷ the same numbers from hand-written SQL, in the same run (median of rounds);
 *   stats_engine_with_disclosure_vs_handwritten_sql: the same plus disclosure control of every
 *     table (suppression in the worker thread), i.e. what the API does;
 *   ctdc_import_rows_per_s: the real 97,750-row CTDC file through the import use case (read,
 *     validate, store, audit);
 *   ctdc_import_vs_copy (embedded): that import ÷ a plain `COPY … FROM '/dev/blob'` of the same
 *     file into an untyped table of 64 text columns (in-process PGlite);
 *   on PostgreSQL the COPY is server-side (`COPY … FROM 'file'`, when the server may read the file),
 *   and ctdc_import_vs_raw_insert compares with multi-row INSERTs of the raw text into such a table
 *   (bench/stats/ctdc-import.ts, which also prints where the import's time goes).
 *
 * Runs on embedded PGlite (in memory) by default; on PostgreSQL when DATABASE_URL is set (a
 * scratch database is created and dropped). Options: --rows N (default 1,000,000), --rounds R (5),
 * --only import|dashboard.
 * Timings are printed, never asserted; the numbers of both paths are checked equal.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { resolveStatsQuery } from '../core/metrics/index.ts';
import { NO_REQUEST, withContext, type TContextDeps } from '../server/context.ts';
import { createKeyring } from '../server/crypto/keyring.ts';
import { openDatabase, type TDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { createOrganisation } from '../server/modules/organisations/organisations.service.ts';
import { buildStatsQuery, type TStatsRow } from '../server/modules/stats/stats.query-builder.ts';
import { STATS_SUPPRESSION_THRESHOLD } from '../server/modules/stats/stats.schemas.ts';
import { MAX_SMALL_CELLS } from '../server/modules/stats/stats.service.ts';
import { groupSmallCategories, tabulate } from '../server/modules/stats/stats-table.ts';
import { createWorkerTableProtector } from '../server/modules/stats/table-protector.ts';
import { createScratchPostgresDatabase } from '../test/support/test-database.ts';
import { benchCtdcImport } from './stats/ctdc-import.ts';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, rounds: { type: 'string', default: '5' }, only: { type: 'string' } } });
const ROWS = Number(args.rows);
const ROUNDS = Number(args.rounds);

/** The default dashboard: ≥ 8 metrics, each by two dimensions, and the hand-written SQL for it. */
const DASHBOARD: { metric: string; dimensions: [string, string]; handwritten: string }[] = [
  { metric: 'ctdc.victims', dimensions: ['year', 'sex'], handwritten: 'select year_of_registration, gender, count(*) from external_ctdc_records where org_id = $1 group by 1, 2' },
  { metric: 'ctdc.victims.sexualExploitation', dimensions: ['year', 'ageBand'], handwritten: 'select year_of_registration, age_band, count(*) from external_ctdc_records where org_id = $1 and is_sexual_exploit group by 1, 2' },
  { metric: 'ctdc.victims.forcedLabour', dimensions: ['labourType', 'sex'], handwritten: 'select labour_type, gender, count(*) from external_ctdc_records where org_id = $1 and is_forced_labour group by 1, 2' },
  { metric: 'ctdc.victims.children', dimensions: ['exploitationForm', 'sex'], handwritten: "select exploitation_form, gender, count(*) from external_ctdc_records where org_id = $1 and majority_status = 'minor' group by 1, 2" },
  {
    metric: 'ctdc.victims.forcedMarriage', dimensions: ['year', 'citizenshipRegion'],
    handwritten: 'select r.year_of_registration, lower(c.un_region), count(*) from external_ctdc_records r left join ctdc_countries c on c.iso2 = r.citizenship where r.org_id = $1 and r.is_forced_marriage group by 1, 2',
  },
  {
    metric: 'ctdc.victims.debtBondage', dimensions: ['exploitationRegion', 'sex'],
    handwritten: 'select lower(c.un_region), r.gender, count(*) from external_ctdc_records r left join ctdc_countries c on c.iso2 = r.country_of_exploitation where r.org_id = $1 and r.means_of_control_debt_bondage group by 1, 2',
  },
  { metric: 'ctdc.victims.documentsWithheld', dimensions: ['majority', 'dataSource'], handwritten: 'select majority_status, data_source, count(*) from external_ctdc_records where org_id = $1 and means_of_control_withholds_documents group by 1, 2' },
  { metric: 'ctdc.victims.abducted', dimensions: ['ageBand', 'sex'], handwritten: 'select age_band, gender, count(*) from external_ctdc_records where org_id = $1 and is_abduction group by 1, 2' },
  { metric: 'ctdc.victims.recruitedByFamily', dimensions: ['year', 'dataSource'], handwritten: 'select year_of_registration, data_source, count(*) from external_ctdc_records where org_id = $1 and recruiter_relation_family group by 1, 2' },
  { metric: 'ctdc.victims.physicalAbuse', dimensions: ['countryOfExploitation', 'sex'], handwritten: 'select country_of_exploitation, gender, count(*) from external_ctdc_records where org_id = $1 and means_of_control_physical_abuse group by 1, 2' },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function open(): Promise<{ database: TDatabase; close(): Promise<void>; engine: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'embedded-memory' });
    await migrate(database);
    return { database, engine: 'embedded', close: () => database.close() };
  }
  const scratch = await createScratchPostgresDatabase(url);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
  await migrate(database);
  return { database, engine: 'postgres', close: async () => { await database.close(); await scratch.drop(); } };
}

const COUNTRIES = ['US', 'PH', 'MX', 'UA', 'MD', 'KH', 'ID', 'TH', 'VN', 'NG', 'GH', 'RO', 'BG', 'AL', 'GB', 'IT', 'ES', 'DE', 'FR', 'NL', 'IN', 'BD', 'NP', 'LK', 'MM', 'LA', 'CN', 'KR', 'JP', 'BR', 'CO', 'HN', 'GT', 'SV', 'HT', 'ER', 'ET', 'UG', 'KE', 'AF'];

/** Synthetic victim records generated inside the database (so the client does not dominate). */
async function generate(database: TDatabase, orgId: string, runId: string, rows: number): Promise<void> {
  const countries = `array[${COUNTRIES.map((c) => `'${c}'`).join(',')}]`;
  const pick = (list: string, skew: string) => `(${list})[1 + floor(power(random(), ${skew}) * array_length(${list}, 1))::int]`;
  const chunk = 100_000;
  await sql`select setseed(0.42)`.execute(database.db);
  for (let from = 1; from <= rows; from += chunk) {
    const to = Math.min(rows, from + chunk - 1);
    await sql.raw(`
      insert into external_ctdc_records (org_id, import_run_id, row_number, year_of_registration, data_source, gender, age_band, majority_status,
        citizenship, country_of_exploitation, is_sexual_exploit, is_forced_labour, is_forced_marriage, is_other_exploit, labour_type,
        means_of_control_debt_bondage, means_of_control_withholds_documents, means_of_control_physical_abuse, is_abduction,
        recruiter_relation_family, recruiter_relation_intimate_partner, exploitation_form)
      select '${orgId}', '${runId}', g, y, ds, gd, ab, mj, cz, ce, sx, lb, fm, ot,
        case when lb then (array['agriculture','construction','domesticWork','hospitality','manufacturing','multiple','notSpecified'])[1 + floor(random() * 7)::int] end,
        random() < 0.2, random() < 0.15, random() < 0.3, random() < 0.05, random() < 0.1, random() < 0.08,
        case when sx and lb then 'sexualAndLabour' when sx then 'sexual' when lb then 'labour' when fm then 'forcedMarriage' when ot then 'other' end
      from (
        select g,
          case when random() < 0.02 then null else 2002 + floor(power(random(), 0.5) * 20)::int end as y,
          case when random() < 0.5 then 'hotline' else 'caseManagement' end as ds,
          case when random() < 0.08 then null when random() < 0.75 then 'female' when random() < 0.998 then 'male' else 'transgenderNonConforming' end as gd,
          ${pick("array['0--8','9--17','18--20','21--23','24--26','27--29','30--38','39--47','48+', null]", '1.3')} as ab,
          case when random() < 0.27 then null when random() < 0.72 then 'adult' else 'minor' end as mj,
          case when random() < 0.45 then null else ${pick(countries, '2')} end as cz,
          case when random() < 0.25 then null else ${pick(countries, '3')} end as ce,
          random() < 0.55 as sx, random() < 0.4 as lb, random() < 0.02 as fm, random() < 0.03 as ot
        from generate_series(${from}, ${to}) as g
      ) s`).execute(database.db);
    log(`  generated ${to.toLocaleString('en')} rows`);
  }
  await sql.raw('analyze external_ctdc_records').execute(database.db);
}

/** The engine path: catalog check, query builder, SQL, tabulation (and grouping of small categories). */
async function engineDashboard(database: TDatabase, orgId: string): Promise<number[][][]> {
  const tables: number[][][] = [];
  for (const item of DASHBOARD) {
    const query = resolveStatsQuery({ metric: item.metric, dimensions: item.dimensions, filters: {} });
    const compiled = buildStatsQuery(database.db, orgId, query).compile();
    const rows = (await database.db.executeQuery<TStatsRow>(compiled)).rows;
    tables.push(groupSmallCategories(tabulate(query.dimensions, rows), STATS_SUPPRESSION_THRESHOLD, MAX_SMALL_CELLS).counts);
  }
  return tables;
}

/** The baseline: hand-written SQL, results kept as they come. */
async function handwrittenDashboard(database: TDatabase, orgId: string): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (const item of DASHBOARD) {
    const result = await sql.raw<Record<string, unknown>>(item.handwritten.replace('$1', `'${orgId}'`)).execute(database.db);
    out.push(result.rows);
  }
  return out;
}

const sumOf = (table: number[][]) => table.flat().reduce((a, b) => a + b, 0);

async function benchDashboard(database: TDatabase, deps: TContextDeps, engine: string): Promise<void> {
  const orgId = (await withContext(deps, { type: 'system' }, NO_REQUEST, (ctx) => createOrganisation(ctx, { name: `Bench ${randomBytes(4).toString('hex')}`, kind: 'government' }))).id;
  const runId = (await sql<{ id: string }>`insert into import_runs (org_id, source, status, is_dry_run, is_partial_allowed, layout, file_name, file_bytes, file_sha256,
      row_count, valid_row_count, invalid_row_count, imported_row_count, issue_count, issues, is_issue_list_truncated, warnings, started_at, finished_at, started_by_type)
    values (${orgId}, 'ctdc', 'completed', false, false, 'synthetic2024', 'synthetic.csv', 0, 'synthetic', ${ROWS}, ${ROWS}, 0, ${ROWS}, 0, '[]', false, '[]', now(), now(), 'system')
    returning id`.execute(database.db)).rows[0]!.id;
  log(`generating ${ROWS.toLocaleString('en')} synthetic victim records (${engine}) …`);
  let started = performance.now();
  await generate(database, orgId, runId, ROWS);
  log(`  ${seconds(performance.now() - started)} s`);

  // Same numbers both ways (checked once; timing comes after a warm-up).
  const engineTables = await engineDashboard(database, orgId);
  const handRows = await handwrittenDashboard(database, orgId);
  engineTables.forEach((table, k) => {
    const handTotal = (handRows[k] as Record<string, unknown>[]).reduce((s, r) => s + Number(r.count), 0);
    if (sumOf(table) !== handTotal) throw new Error(`${DASHBOARD[k]!.metric}: engine ${sumOf(table)} ≠ hand-written ${handTotal}`);
  });

  const protector = createWorkerTableProtector({ timeLimitMs: 120_000 });
  const engineMs: number[] = [];
  const handMs: number[] = [];
  const disclosureMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    await handwrittenDashboard(database, orgId);
    handMs.push(performance.now() - started);
    started = performance.now();
    const tables = await engineDashboard(database, orgId);
    engineMs.push(performance.now() - started);
    started = performance.now();
    for (const table of tables) await protector.suppress(table, { threshold: STATS_SUPPRESSION_THRESHOLD });
    disclosureMs.push(performance.now() - started);
    log(`  round ${round + 1}: hand-written ${seconds(handMs.at(-1)!)} s, engine ${seconds(engineMs.at(-1)!)} s, disclosure control ${seconds(disclosureMs.at(-1)!)} s`);
  }
  await protector.close();
  const hand = median(handMs);
  const eng = median(engineMs);
  const disclosure = median(disclosureMs);
  console.log(`engine: ${engine}`);
  console.log(`synthetic_rows: ${ROWS}`);
  console.log(`dashboard: ${DASHBOARD.length} metrics x 2 dimensions`);
  console.log(`dashboard_handwritten_sql_s: ${seconds(hand)}`);
  console.log(`dashboard_engine_s: ${seconds(eng)}`);
  console.log(`dashboard_disclosure_control_s: ${seconds(disclosure)}`);
  console.log(`stats_engine_vs_handwritten_sql: ${(eng / hand).toFixed(3)}`);
  console.log(`stats_engine_with_disclosure_vs_handwritten_sql: ${((eng + disclosure) / hand).toFixed(3)}`);
  await sql`delete from external_ctdc_records where org_id = ${orgId}`.execute(database.db);
}

/** The CTDC import against a plain COPY (bench/stats/ctdc-import.ts). */
function benchImport(database: TDatabase, deps: TContextDeps, engine: string): Promise<void> {
  return benchCtdcImport(database, deps, engine, ROUNDS);
}

const { database, close, engine } = await open();
try {
  const deps: TContextDeps = { database, clock: () => new Date(), keyring: createKeyring(randomBytes(32)) };
  // --only import | dashboard runs one half (the import half takes a minute, the dashboard several).
  if (args.only !== 'dashboard') await benchImport(database, deps, engine);
  if (args.only !== 'import') await benchDashboard(database, deps, engine);
} finally {
  await close();
}

/**
 * The real CTDC K-anonymized file (97,750 rows) imported through the HTTP API: every row is
 * stored, and for every one of the 63 variables the count of each value in the database equals
 * the count in the file as read by an independent reader that shares no code with core/ctdc.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { REAL_CTDC_FILE, realDataSkipReason } from '../../../core/ctdc/real-data-path.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { countValues, readCtdcFileIndependently, type TIndependentCtdcFile } from './independent-ctdc-reader.test-support.ts';

const skip = realDataSkipReason();

/** CTDC labels → stored codes, written out here rather than taken from the codec. */
const CODES: Record<string, Record<string, string>> = {
  Datasource: { 'Case Management': 'caseManagement', Hotline: 'hotline' },
  gender: { Female: 'female', Male: 'male', 'Transgender/NonConforming': 'transgenderNonConforming' },
  majorityStatus: { Adult: 'adult', Minor: 'minor' },
  majorityStatusAtExploit: { Adult: 'adult', Minor: 'minor' },
  majorityEntry: { Adult: 'adult', Minor: 'minor' },
};
const RENAMED: Record<string, string> = { Datasource: 'data_source', ageBroad: 'age_band', CountryOfExploitation: 'country_of_exploitation', RecruiterRelationship: 'recruiter_relationship' };
const snake = (name: string) => RENAMED[name] ?? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const MISSING = '∅';

/** The stored value of a raw cell, as the text `column::text` gives for it. */
function expectedText(column: string, raw: string): string {
  if (raw === '') return MISSING;
  if (CODES[column]) return CODES[column][raw] ?? `UNEXPECTED ${raw}`;
  if (column.startsWith('is') || column.startsWith('meansOfControl') || column.startsWith('typeOf') || column.startsWith('recruiterRelation')) {
    if (column.endsWith('Concatenated')) return raw;
    return raw === '1' ? 'true' : raw === '0' ? 'false' : `UNEXPECTED ${raw}`;
  }
  return raw;
}

describe(`the real CTDC file through the API (${ENGINE})`, { skip }, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  let file: TIndependentCtdcFile;
  let runId: string;

  before(async () => {
    if (skip) return;
    t = await createTestApp();
    orgId = (await t.seedFirstAdmin()).organisationId;
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
    file = readCtdcFileIndependently(REAL_CTDC_FILE);
  });
  after(() => t?.close());

  test('all 97,750 rows are imported, with no issue', async () => {
    const csv = readFileSync(REAL_CTDC_FILE, 'utf8');
    const started = performance.now();
    const response = await analyst.request('POST', `/api/organisations/${orgId}/datasets/ctdc-imports`, { fileName: 'the_global_k_anon_dataset.csv', csv });
    const seconds = (performance.now() - started) / 1000;
    assert.equal(response.statusCode, 201, response.body.slice(0, 500));
    const { run } = response.json();
    runId = run.id;
    assert.equal(run.status, 'completed');
    assert.equal(run.layout, 'kAnon2021');
    assert.equal(file.rows.length, 97_750);
    assert.deepEqual([run.rowCount, run.validRowCount, run.invalidRowCount, run.importedRowCount, run.issueCount], [97_750, 97_750, 0, 97_750, 0]);
    assert.deepEqual(run.warnings, []);
    assert.equal(run.fileBytes, 15_443_270);
    assert.equal(run.fileSha256, '79f19e9fd1690fd11e8a8c5fa1203b7ff62497cfc7dd5d1b830042051acc8cd0');
    const stored = await t.database.db.selectFrom('externalCtdcRecords').select((eb) => eb.fn.countAll<number>().as('n')).where('orgId', '=', orgId).executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), 97_750);
    const rowNumbers = await t.database.db.selectFrom('externalCtdcRecords')
      .select((eb) => [eb.fn.min<number>('rowNumber').as('first'), eb.fn.max<number>('rowNumber').as('last')])
      .where('orgId', '=', orgId).executeTakeFirstOrThrow();
    assert.deepEqual([rowNumbers.first, rowNumbers.last], [2, 97_751]);
    assert.equal((await auditRows(t.database, 'dataset.imported', runId)).length, 1);
    console.log(`# real file imported over HTTP in ${seconds.toFixed(1)} s (${Math.round(97_750 / seconds)} rows/s, ${ENGINE})`);
  });

  test('every variable: the count of each value equals the independent count', async () => {
    assert.equal(file.columns.length, 63);
    const mismatches: string[] = [];
    for (const column of file.columns) {
      const expected = countValues(file, column, (raw) => expectedText(column, raw));
      const dbColumn = snake(column);
      const text = dbColumn === 'recruiter_relationship' ? sql`array_to_string(${sql.id(dbColumn)}, '; ')` : sql`${sql.id(dbColumn)}::text`;
      const result = await sql<{ value: string | null; n: number }>`select ${text} as value, count(*)::int as n from external_ctdc_records where org_id = ${orgId} group by 1`.execute(t.database.db);
      const actual = new Map(result.rows.map((r) => [r.value ?? MISSING, Number(r.n)]));
      const keys = new Set([...expected.keys(), ...actual.keys()]);
      for (const key of keys) {
        if (expected.get(key) !== actual.get(key)) mismatches.push(`${column} ${JSON.stringify(key)}: file ${expected.get(key)} stored ${actual.get(key)}`);
      }
      assert.ok(expected.size >= 1);
    }
    assert.deepEqual(mismatches, []);
  });
});

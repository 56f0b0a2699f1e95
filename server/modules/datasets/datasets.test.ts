import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CTDC_COUNTRIES, SYNTHETIC_2024_COLUMNS } from '../../../core/ctdc/index.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { CTDC_STORED_COLUMNS } from './ctdc-columns.ts';
import { buildKAnonCsv, uniqueSmallCtdcCsv } from './ctdc-fixtures.test-support.ts';
import { listTableColumns } from './datasets.repo.ts';

describe(`CTDC imports (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  const url = () => `/api/organisations/${orgId}/datasets/ctdc-imports`;

  before(async () => {
    t = await createTestApp();
    orgId = (await t.seedFirstAdmin()).organisationId;
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
  });
  after(() => t.close());

  const storedRows = (runId: string) =>
    t.database.db.selectFrom('externalCtdcRecords').selectAll().where('orgId', '=', orgId).where('importRunId', '=', runId).orderBy('rowNumber').execute();

  test('a valid file is stored row by row, typed and derived; the run and the audit row say so', async () => {
    const csv = buildKAnonCsv([
      { yearOfRegistration: 2019, Datasource: 'Case Management', gender: 'Female', ageBroad: '9--17', majorityStatus: 'Minor', citizenship: 'NA', CountryOfExploitation: 'US', isSexualExploit: 1, isForcedLabour: 0, typeOfSexProstitution: 1, meansOfControlDebtBondage: 1, RecruiterRelationship: 'Family/Relative; Other', typeOfExploitConcatenated: 'Sexual exploitation' },
      { yearOfRegistration: 2020, Datasource: 'Hotline', gender: 'Male', isForcedLabour: 1, typeOfLabourAgriculture: 1, typeOfLabourConstruction: 1 },
      { Datasource: 'Hotline', isForcedLabour: 1, typeOfLabourDomesticWork: 1, typeOfLabourNotSpecified: 1 },
    ]);
    const response = await analyst.request('POST', url(), { fileName: 'victims-2019.csv', csv });
    assert.equal(response.statusCode, 201, response.body);
    const { run } = response.json();
    assert.equal(run.status, 'completed');
    assert.equal(run.layout, 'kAnon2021');
    assert.deepEqual([run.rowCount, run.validRowCount, run.invalidRowCount, run.importedRowCount, run.issueCount], [3, 3, 0, 3, 0]);
    assert.equal(run.fileBytes, Buffer.byteLength(csv));
    assert.equal(run.startedBy.userId, analyst.user.userId);

    const rows = await storedRows(run.id);
    assert.deepEqual(rows.map((r) => r.rowNumber), [2, 3, 4]);
    const [first, second, third] = rows;
    assert.equal(first?.yearOfRegistration, 2019);
    assert.equal(first?.dataSource, 'caseManagement');
    assert.equal(first?.gender, 'female');
    assert.equal(first?.ageBand, '9--17');
    assert.equal(first?.majorityStatus, 'minor');
    assert.equal(first?.citizenship, 'NA', 'NA is Namibia, not missing');
    assert.equal(first?.isSexualExploit, true);
    assert.equal(first?.isForcedLabour, false);
    assert.equal(first?.isOtherExploit, null, 'an empty cell is not recorded, never false');
    assert.equal(first?.meansOfControlDebtBondage, true);
    assert.deepEqual(first?.recruiterRelationship, ['Family/Relative', 'Other']);
    assert.equal(first?.typeOfExploitConcatenated, 'Sexual exploitation');
    assert.equal(first?.exploitationForm, 'sexual');
    assert.equal(first?.labourType, null);
    assert.equal(second?.exploitationForm, 'labour');
    assert.equal(second?.labourType, 'multiple');
    assert.equal(third?.yearOfRegistration, null);
    assert.equal(third?.labourType, 'domesticWork', 'a specific sector wins over "not specified"');

    const audit = await auditRows(t.database, 'dataset.imported', run.id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.orgId, orgId);
    assert.equal(audit[0]?.actorId, analyst.user.userId);
    assert.deepEqual(audit[0]?.metadata, {
      runId: run.id, source: 'ctdc', layout: 'kAnon2021', fileName: 'victims-2019.csv', fileSha256: run.fileSha256, rowCount: 3, invalidRowCount: 0, importedRowCount: 3, isPartial: false,
    });
  });

  test('a dry run reports and stores no record', async () => {
    const response = await analyst.request('POST', url(), { fileName: 'check.csv', csv: uniqueSmallCtdcCsv(4), dryRun: true });
    assert.equal(response.statusCode, 201);
    const { run } = response.json();
    assert.equal(run.status, 'validated');
    assert.equal(run.isDryRun, true);
    assert.deepEqual([run.rowCount, run.importedRowCount], [4, 0]);
    assert.equal((await storedRows(run.id)).length, 0);
    assert.equal((await auditRows(t.database, 'dataset.validated', run.id)).length, 1);
  });

  const badFile = () => buildKAnonCsv([
    { yearOfRegistration: 2019, gender: 'Female', isSexualExploit: 1 },
    { yearOfRegistration: 'last year', gender: 'Feminine', isSexualExploit: 'yes', citizenship: 'XX' },
    { yearOfRegistration: 2018, gender: 'Male', ageBroad: '17--19' },
  ]) + '\r\n;2017;Hotline';

  test('a file with bad rows is rejected with every problem by row and column, and nothing is stored', async () => {
    const before = await t.database.db.selectFrom('externalCtdcRecords').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const response = await analyst.request('POST', url(), { fileName: 'bad.csv', csv: badFile() });
    assert.equal(response.statusCode, 201);
    const { run } = response.json();
    assert.equal(run.status, 'rejected');
    assert.deepEqual([run.rowCount, run.validRowCount, run.invalidRowCount, run.importedRowCount, run.issueCount], [4, 1, 3, 0, 6]);
    const issues = run.issues.map((i: { row: number; column: string; value: string }) => `${i.row}|${i.column}|${i.value}`);
    assert.deepEqual(issues, [
      '3|yearOfRegistration|last year', '3|gender|Feminine', '3|citizenship|XX', '3|isSexualExploit|yes',
      '4|ageBroad|17--19',
      '5|(row)|',
    ]);
    assert.match(run.issues[0].message, /four digits/);
    assert.match(run.issues[5].message, /expected 64 fields, found 3/);
    const after = await t.database.db.selectFrom('externalCtdcRecords').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
    assert.equal((await auditRows(t.database, 'dataset.rejected', run.id)).length, 1);

    const stored = await analyst.request('GET', `${url()}/${run.id}`);
    assert.equal(stored.statusCode, 200);
    assert.deepEqual(stored.json().run.issues, run.issues);
  });

  test('allowPartial stores the valid rows and keeps the report of the others', async () => {
    const response = await analyst.request('POST', url(), { fileName: 'bad.csv', csv: badFile(), allowPartial: true });
    assert.equal(response.statusCode, 201);
    const { run } = response.json();
    assert.equal(run.status, 'partial');
    assert.equal(run.importedRowCount, 1);
    assert.equal(run.issueCount, 6);
    const rows = await storedRows(run.id);
    assert.deepEqual(rows.map((r) => [r.rowNumber, r.yearOfRegistration, r.gender]), [[2, 2019, 'female']]);
    const audit = await auditRows(t.database, 'dataset.imported', run.id);
    assert.equal(audit[0]?.metadata.isPartial, true);
  });

  test('a file that is not CTDC is refused with 400 and leaves no run', async () => {
    const runsBefore = (await t.database.db.selectFrom('importRuns').select('id').where('orgId', '=', orgId).execute()).length;
    const unknown = await analyst.request('POST', url(), { fileName: 'people.csv', csv: 'name;email\r\nA;a@example.test' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.details.reason, 'CTDC_UNKNOWN_LAYOUT');
    const missing = await analyst.request('POST', url(), { fileName: 'cut.csv', csv: 'yearOfRegistration;Datasource;gender\r\n2019;Hotline;Female' });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().error.details.reason, 'CTDC_HEADER_INVALID');
    assert.ok(missing.json().error.details.issues.some((i: { path: string }) => i.path === 'row 1.isForcedLabour'));
    const runsAfter = (await t.database.db.selectFrom('importRuns').select('id').where('orgId', '=', orgId).execute()).length;
    assert.equal(runsAfter, runsBefore);
  });

  test('the same file twice is a conflict until the first import is deleted', async () => {
    const csv = uniqueSmallCtdcCsv(2);
    const first = await analyst.request('POST', url(), { fileName: 'a.csv', csv });
    assert.equal(first.statusCode, 201);
    const runId = first.json().run.id;
    const again = await analyst.request('POST', url(), { fileName: 'a-copy.csv', csv });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.details.reason, 'DATASET_ALREADY_IMPORTED');
    assert.equal(again.json().error.details.runId, runId);
    // A dry run of a file already held is still allowed: it stores nothing.
    assert.equal((await analyst.request('POST', url(), { fileName: 'a.csv', csv, dryRun: true })).statusCode, 201);

    const deleted = await analyst.request('DELETE', `${url()}/${runId}`);
    assert.equal(deleted.statusCode, 200);
    assert.equal(deleted.json().run.status, 'deleted');
    assert.ok(deleted.json().run.deletedAt);
    assert.equal((await storedRows(runId)).length, 0);
    assert.deepEqual((await auditRows(t.database, 'dataset.deleted', runId))[0]?.metadata, { runId, fileName: 'a.csv', deletedRowCount: 2 });
    const twice = await analyst.request('DELETE', `${url()}/${runId}`);
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.details.reason, 'NOTHING_STORED');
    assert.equal((await analyst.request('POST', url(), { fileName: 'a.csv', csv })).statusCode, 201);
  });

  test('the 2024 synthetic layout: alpha-3 countries and merged means of control are stored', async () => {
    const header = SYNTHETIC_2024_COLUMNS.map((c) => c.name);
    const values: Record<string, string> = { yearOfRegistration: '2021', gender: 'Woman', ageBroad: '30–38', citizenship: 'PHL', CountryOfExploitation: 'USA', traffickMonths: '13--24 (1-2 yrs)', meansDebtBondageEarnings: '1', meansAbusePsyPhySex: '0', isForcedLabour: '1', typeOfLabourHospitality: '1' };
    const csv = `${header.join(',')}\n${header.map((h) => values[h] ?? '').join(',')}\n`;
    const response = await analyst.request('POST', url(), { fileName: 'synthetic.csv', csv });
    assert.equal(response.statusCode, 201, response.body);
    const { run } = response.json();
    assert.equal(run.layout, 'synthetic2024');
    const [row] = await storedRows(run.id);
    assert.deepEqual(
      [row?.gender, row?.ageBand, row?.citizenship, row?.countryOfExploitation, row?.traffickMonths, row?.meansDebtBondageEarnings, row?.meansAbusePsyPhySex, row?.meansOfControlDebtBondage, row?.labourType],
      ['female', '30--38', 'PH', 'US', '13--24', true, false, null, 'hospitality'],
    );
  });

  test('who may do what: analysts import; coordinators list but neither import nor read reports; other organisations see nothing', async () => {
    const created = await analyst.request('POST', url(), { fileName: 'perm.csv', csv: uniqueSmallCtdcCsv(), dryRun: true });
    const runId = created.json().run.id;
    const coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
    const list = await coordinator.request('GET', url());
    assert.equal(list.statusCode, 200);
    const summary = list.json().runs.find((r: { id: string }) => r.id === runId);
    assert.equal(summary.fileName, 'perm.csv');
    assert.equal(summary.issues, undefined, 'summaries carry no cell values');
    assert.equal((await coordinator.request('GET', `${url()}/${runId}`)).statusCode, 403);
    assert.equal((await coordinator.request('POST', url(), { fileName: 'x.csv', csv: uniqueSmallCtdcCsv() })).statusCode, 403);

    const otherOrg = await t.createOrganisation();
    const outsider = await t.login(await t.addUser(otherOrg, 'analyst'));
    assert.equal((await outsider.request('GET', url())).statusCode, 404);
    assert.equal((await outsider.request('GET', `${url()}/${runId}`)).statusCode, 404);
    assert.equal((await outsider.request('POST', url(), { fileName: 'x.csv', csv: uniqueSmallCtdcCsv() })).statusCode, 404);
    // Their own organisation has no such run either.
    assert.equal((await outsider.request('GET', `/api/organisations/${otherOrg}/datasets/ctdc-imports/${runId}`)).statusCode, 404);
  });

  test('the upload route alone accepts bodies above the general 256 KiB limit', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ yearOfRegistration: 2000 + (i % 20), Datasource: 'Hotline', gender: 'Female', isSexualExploit: 1, meansOfControlNotSpecified: 1 }));
    const csv = buildKAnonCsv(rows);
    assert.ok(csv.length > 300 * 1024);
    const response = await analyst.request('POST', url(), { fileName: 'big.csv', csv, dryRun: true });
    assert.equal(response.statusCode, 201);
    assert.equal(response.json().run.rowCount, 5_000);
  });

  test('the stored columns match the table, and the region table matches core/ctdc', async () => {
    const columns = await listTableColumns(t.database.db, 'external_ctdc_records');
    assert.deepEqual(columns, ['org_id', 'import_run_id', 'row_number', ...CTDC_STORED_COLUMNS.map((c) => c.name)]);
    const countries = await t.database.db.selectFrom('ctdcCountries').selectAll().orderBy('iso2').execute();
    const expected = [...CTDC_COUNTRIES].sort((a, b) => (a.iso2 < b.iso2 ? -1 : 1));
    assert.deepEqual(countries, expected.map((c) => ({ iso2: c.iso2, iso3: c.iso3, name: c.name, unRegion: c.unRegion, unSubRegion: c.unSubRegion, iomRegion: c.iomRegion, isCurrentIso: c.isCurrentIso })));
  });
});

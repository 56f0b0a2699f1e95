import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { findPopulationDenominators } from './populations.repo.ts';

const EXAMPLE = readFileSync(new URL('../../../test/fixtures/populations/example.csv', import.meta.url), 'utf8');
const HEADER = 'country,year,sex,age_group,population';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe(`population denominators (${ENGINE})`, () => {
  let t: TTestApp;
  let platformAdmin: TAgent;
  let analyst: TAgent;
  let caseWorker: TAgent;
  let orgAdmin: TAgent;
  before(async () => {
    t = await createTestApp();
    const seeded = await t.seedFirstAdmin();
    platformAdmin = await t.login(seeded.admin);
    analyst = await t.login(await t.addUser(seeded.organisationId, 'analyst'));
    caseWorker = await t.login(await t.addUser(seeded.organisationId, 'case_worker'));
    orgAdmin = await t.login(await t.addUser(await t.createOrganisation(), 'admin'));
  });
  after(() => t.close());

  const count = async () => (await t.database.db.selectFrom('populationDenominators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const runCount = async () => (await t.database.db.selectFrom('populationImports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  test('dry run reports the counts and writes nothing; the real run stores every row, the run and one audit row', async () => {
    const dry = await platformAdmin.request('POST', '/api/populations/imports', { fileName: 'example.csv', csv: EXAMPLE, dryRun: true, sourceNote: 'Illustrative' });
    assert.equal(dry.statusCode, 200, dry.body);
    assert.deepEqual({ ...(dry.json() as object), warnings: undefined }, {
      isDryRun: true, importId: null, fileName: 'example.csv', fileSha256: sha256(EXAMPLE),
      rowCount: 72, rowsInserted: 72, rowsUpdated: 0, rowsUnchanged: 0, warnings: undefined, changes: [], isChangeListTruncated: false,
    });
    assert.deepEqual(dry.json().warnings, []);
    assert.equal(Number(await count()), 0);
    assert.equal(Number(await runCount()), 0);
    assert.equal((await auditRows(t.database, 'population.imported')).length, 0);

    const real = await platformAdmin.request('POST', '/api/populations/imports', { fileName: 'example.csv', csv: EXAMPLE, dryRun: false, sourceNote: 'Illustrative' });
    assert.equal(real.statusCode, 201, real.body);
    const { importId } = real.json();
    assert.equal(real.json().rowsInserted, 72);
    assert.equal(Number(await count()), 72);
    const italy = await findPopulationDenominators(t.database.db, { countryCodes: ['IT'], years: [2022] });
    assert.deepEqual(italy.find((r) => r.sex === 'total' && r.ageGroup === 'total'), { countryCode: 'IT', year: 2022, sex: 'total', ageGroup: 'total', population: 58_900_000 });
    assert.equal(italy.length, 9);
    const stored = await t.database.db.selectFrom('populationDenominators').select('importId').distinct().execute();
    assert.deepEqual(stored.map((r) => r.importId), [importId]);
    const run = await t.database.db.selectFrom('populationImports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
    assert.equal(run.importedByType, 'user');
    assert.equal(run.fileSha256, sha256(EXAMPLE));
    assert.equal(run.sourceNote, 'Illustrative');
    const audits = await auditRows(t.database, 'population.imported', importId);
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.orgId, null);
    assert.deepEqual(audits[0]!.metadata, { importId, fileSha256: sha256(EXAMPLE), rowCount: 72, rowsInserted: 72, rowsUpdated: 0, rowsUnchanged: 0, warningCount: 0 });
    // No figure of the file reaches the audit trail: counts and the hash only.
    assert.ok(!JSON.stringify(audits[0]).includes('58900000'));
  });

  test('a second file updates changed figures, keeps unchanged ones with their run, inserts new ones, and lists the changes', async () => {
    const before = await findPopulationDenominators(t.database.db, {});
    const firstRun = (await t.database.db.selectFrom('populationImports').select('id').executeTakeFirstOrThrow()).id;
    const csv = `${HEADER}\nIT,2022,total,total,59000000\nIT,2022,female,total,30216000\nFR,2022,total,total,67900000\n`;
    const dry = await platformAdmin.request('POST', '/api/populations/imports', { fileName: 'update.csv', csv, dryRun: true });
    assert.deepEqual([dry.json().rowsInserted, dry.json().rowsUpdated, dry.json().rowsUnchanged], [1, 1, 1]);
    assert.deepEqual(dry.json().changes, [{ countryCode: 'IT', year: 2022, sex: 'total', ageGroup: 'total', previous: 58_900_000, population: 59_000_000 }]);
    // Consistency is checked within the file only: this one has no female/male pair, so no warning.
    assert.deepEqual(dry.json().warnings, []);
    assert.deepEqual(await findPopulationDenominators(t.database.db, {}), before);

    t.clock.advanceMinutes(1);
    const real = await platformAdmin.request('POST', '/api/populations/imports', { fileName: 'update.csv', csv, dryRun: false });
    assert.equal(real.statusCode, 201);
    const secondRun = real.json().importId;
    const rows = await t.database.db.selectFrom('populationDenominators').select(['countryCode', 'sex', 'ageGroup', 'population', 'importId'])
      .where('year', '=', 2022).where('countryCode', 'in', ['IT', 'FR']).where('ageGroup', '=', 'total').where('sex', 'in', ['total', 'female']).orderBy('countryCode').orderBy('sex').execute();
    assert.deepEqual(rows.map((r) => [r.countryCode, r.sex, Number(r.population), r.importId === secondRun ? 'second' : r.importId === firstRun ? 'first' : '?']), [
      ['FR', 'total', 67_900_000, 'second'],
      ['IT', 'female', 30_216_000, 'first'],
      ['IT', 'total', 59_000_000, 'second'],
    ]);
    const audit = (await auditRows(t.database, 'population.imported', secondRun))[0]!;
    assert.deepEqual([audit.metadata.rowsInserted, audit.metadata.rowsUpdated, audit.metadata.rowsUnchanged], [1, 1, 1]);
  });

  test('a file with one bad row answers 422 with every issue and commits nothing, dry run or not', async () => {
    const before = await findPopulationDenominators(t.database.db, {});
    const runsBefore = await runCount();
    const auditsBefore = (await auditRows(t.database, 'population.imported')).length;
    const csv = `${HEADER}\nIT,2023,total,total,1\nES,2023,total,total,"48,300,000"\nXX,2023,women,adult,5\nIT,2023,total,total,2\n`;
    for (const dryRun of [false, true]) {
      const response = await platformAdmin.request('POST', '/api/populations/imports', { fileName: 'bad.csv', csv, dryRun });
      assert.equal(response.statusCode, 422);
      const { error } = response.json();
      assert.equal(error.code, 'DOMAIN_RULE_VIOLATED');
      assert.equal(error.details.reason, 'POPULATION_CSV_INVALID');
      assert.equal(error.details.issueCount, 3);
      assert.deepEqual(error.details.rowIssues.map((i: { row: number; column: string }) => `${i.row}:${i.column}`), ['3:population', '4:country', '5:country']);
      assert.match(error.details.rowIssues[0].message, /thousands separators/);
      assert.match(error.details.rowIssues[2].message, /duplicate of row 2/);
    }
    assert.deepEqual(await findPopulationDenominators(t.database.db, {}), before);
    assert.equal(await runCount(), runsBefore);
    assert.equal((await auditRows(t.database, 'population.imported')).length, auditsBefore);
  });

  test('consistency warnings come back with the report and are counted on the run', async () => {
    const csv = `${HEADER}\nTH,2024,total,total,100\nTH,2024,female,total,60\nTH,2024,male,total,30\n`;
    t.clock.advanceMinutes(1);
    const response = await platformAdmin.request('POST', '/api/populations/imports', { fileName: 'th.csv', csv, dryRun: false });
    assert.equal(response.statusCode, 201);
    assert.deepEqual(response.json().warnings.map((w: { row: number; column: string }) => `${w.row}:${w.column}`), ['2:population']);
    const run = await t.database.db.selectFrom('populationImports').select('warningCount').where('id', '=', response.json().importId).executeTakeFirstOrThrow();
    assert.equal(run.warningCount, 1);
  });

  test('only a platform administrator imports; organisation administrators and analysts are refused before the file is read', async () => {
    for (const agent of [orgAdmin, analyst]) {
      const response = await agent.request('POST', '/api/populations/imports', { fileName: 'x.csv', csv: 'not a csv', dryRun: true });
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().error.details.reason, 'NOT_PLATFORM_ADMIN');
    }
  });

  test('listing: filters, paging and the runs; readers need stats.read somewhere', async () => {
    const page = await analyst.request('GET', '/api/populations?country=it&year=2022&limit=4&offset=0');
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(page.json().total, 9);
    assert.deepEqual(page.json().denominators.map((d: { sex: string; ageGroup: string }) => `${d.sex}/${d.ageGroup}`), ['total/total', 'total/0-17', 'total/18+', 'female/total']);
    const next = await orgAdmin.request('GET', '/api/populations?country=IT&year=2022&limit=4&offset=8');
    assert.equal(next.json().denominators.length, 1);
    assert.equal((await analyst.request('GET', '/api/populations?year=2023')).json().total, 36);
    assert.equal((await analyst.request('GET', '/api/populations?country=ITA')).statusCode, 400);

    const runs = (await analyst.request('GET', '/api/populations/imports')).json().imports;
    assert.deepEqual(runs.map((r: { fileName: string }) => r.fileName), ['th.csv', 'update.csv', 'example.csv']);
    assert.equal(runs[2].importedBy.displayName, 'First Admin');
    assert.equal(runs[2].rowsInserted, 72);

    assert.equal((await caseWorker.request('GET', '/api/populations')).statusCode, 403);
    assert.equal((await caseWorker.request('GET', '/api/populations/imports')).statusCode, 403);
  });
});

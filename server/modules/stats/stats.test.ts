import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { METRICS, resolveStatsQuery } from '../../../core/metrics/index.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { buildKAnonCsv, type TCtdcFixtureRow } from '../datasets/ctdc-fixtures.test-support.ts';
import { buildStatsQuery } from './stats.query-builder.ts';
import { GROUPED_KEY, groupSmallCategories, tabulate } from './stats-table.ts';

type TCell = { value: number } | { suppressed: true; reason: 'primary' | 'secondary' };

const repeat = (n: number, row: TCtdcFixtureRow): TCtdcFixtureRow[] => Array.from({ length: n }, () => row);

/** year × sex: 2019 = 30 F, 5 M; 2020 = 20 F, 15 M; plus 12 rows without a year (all female, 12 children). */
const ROWS: TCtdcFixtureRow[] = [
  ...repeat(30, { yearOfRegistration: 2019, gender: 'Female', majorityStatus: 'Adult', isSexualExploit: 1, citizenship: 'NG', CountryOfExploitation: 'IT' }),
  ...repeat(5, { yearOfRegistration: 2019, gender: 'Male', majorityStatus: 'Adult', isForcedLabour: 1, citizenship: 'RO', CountryOfExploitation: 'GB' }),
  ...repeat(20, { yearOfRegistration: 2020, gender: 'Female', majorityStatus: 'Adult', isForcedLabour: 1, citizenship: 'PH', CountryOfExploitation: 'US' }),
  ...repeat(15, { yearOfRegistration: 2020, gender: 'Male', majorityStatus: 'Adult', isForcedLabour: 1, isSexualExploit: 1, citizenship: 'PH', CountryOfExploitation: 'US' }),
  ...repeat(12, { gender: 'Female', majorityStatus: 'Minor', isSexualExploit: 1, citizenship: 'NG', CountryOfExploitation: 'NG' }),
];

describe(`statistics engine (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  let runId: string;
  const query = (agent: TAgent, body: unknown, org = orgId) => agent.request('POST', `/api/organisations/${org}/stats/query`, body);

  before(async () => {
    t = await createTestApp();
    orgId = (await t.seedFirstAdmin()).organisationId;
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
    const imported = await analyst.request('POST', `/api/organisations/${orgId}/datasets/ctdc-imports`, { fileName: 'fixture.csv', csv: buildKAnonCsv(ROWS) });
    assert.equal(imported.statusCode, 201, imported.body);
    runId = imported.json().run.id;
  });
  after(() => t.close());

  test('the catalog lists every metric and dimension with labels in four languages', async () => {
    const response = await analyst.request('GET', `/api/organisations/${orgId}/stats/metrics`);
    assert.equal(response.statusCode, 200);
    const catalog = response.json();
    assert.deepEqual(catalog.metrics.map((m: { id: string }) => m.id), METRICS.map((m) => m.id));
    assert.ok(catalog.metrics.length >= 8);
    for (const item of [...catalog.metrics, ...catalog.dimensions]) {
      for (const language of ['en', 'fr', 'es', 'ar']) assert.ok(item.labels[language].length > 0, `${item.id} ${language}`);
    }
    const sex = catalog.dimensions.find((d: { id: string }) => d.id === 'sex');
    assert.deepEqual(sex.categories.map((c: { key: string }) => c.key), ['female', 'male', 'transgenderNonConforming']);
    assert.equal(catalog.disclosure.threshold, 11);
  });

  test('year × sex: true counts where safe, suppression markers elsewhere, SQL shown', async () => {
    const response = await query(analyst, { metric: 'ctdc.victims', dimensions: ['year', 'sex'] });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json();
    assert.deepEqual(result.dimensions[0].categories.map((c: { key: string | null }) => c.key), ['2019', '2020', null]);
    assert.equal(result.dimensions[0].categories[2].labels.fr, 'Non renseigné');
    assert.deepEqual(result.dimensions[1].categories.map((c: { key: string }) => c.key), ['female', 'male', 'transgenderNonConforming']);
    const truth = [[30, 5, 0], [20, 15, 0], [12, 0, 0]];
    const truthRows = [35, 35, 12];
    const truthColumns = [62, 20, 0];
    const check = (cell: TCell, value: number, where: string) => {
      if ('value' in cell) assert.equal(cell.value, value, where);
      else if (cell.reason === 'primary') assert.ok(value < 11, `${where}: primary but ${value}`);
      else assert.ok(value >= 11, `${where}: secondary but ${value}`);
    };
    result.cells.forEach((row: TCell[], i: number) => row.forEach((cell, j) => check(cell, truth[i]![j]!, `cell ${i},${j}`)));
    result.rowTotals.forEach((cell: TCell, i: number) => check(cell, truthRows[i]!, `row total ${i}`));
    result.columnTotals.forEach((cell: TCell, j: number) => check(cell, truthColumns[j]!, `column total ${j}`));
    check(result.total, 82, 'total');
    // Every count below 11 (the 5 men of 2019, the zeros) is hidden.
    assert.deepEqual(result.cells[0][1], { suppressed: true, reason: 'primary' });
    assert.ok(result.disclosure.primaryCount >= 6);
    assert.ok(result.disclosure.secondaryCount >= 1);
    assert.match(result.sql.text, /^select "r"\."year_of_registration" as "d0", "r"\."gender" as "d1", count\(\*\)::int as "value" from "external_ctdc_records" as "r" where "r"\."org_id" = \$1/);
    assert.deepEqual(result.sql.parameters, [orgId]);
  });

  test('metric conditions, filters (null = not recorded), dataset choice and regions', async () => {
    const children = await query(analyst, { metric: 'ctdc.victims.children', dimensions: [] });
    assert.deepEqual(children.json().total, { value: 12 });
    const noYear = await query(analyst, { metric: 'ctdc.victims', dimensions: [], filters: { year: [null] } });
    assert.deepEqual(noYear.json().total, { value: 12 });
    const labour = await query(analyst, { metric: 'ctdc.victims.forcedLabour', dimensions: ['citizenshipRegion'], filters: { year: ['2020'] }, datasets: [runId] });
    const result = labour.json();
    assert.deepEqual(result.dimensions[0].categories.map((c: { key: string }) => c.key), ['africa', 'americas', 'asia', 'europe', 'oceania']);
    // All 35 are in Asia, but publishing 35 next to the total would reveal the four zeros (sensitive
    // zeros): the Asian cell is hidden as a complement, the total stays.
    assert.deepEqual(result.cells.map((row: TCell[]) => row[0]), [
      { suppressed: true, reason: 'primary' }, { suppressed: true, reason: 'primary' }, { suppressed: true, reason: 'secondary' }, { suppressed: true, reason: 'primary' }, { suppressed: true, reason: 'primary' },
    ]);
    assert.deepEqual(result.total, { value: 35 });
    assert.match(result.sql.text, /left join "ctdc_countries" as "cc" on "cc"\."iso2" = "r"\."citizenship"/);
    const form = await query(analyst, { metric: 'ctdc.victims', dimensions: ['exploitationForm'] });
    const forms = form.json();
    const valueOf = (key: string) => forms.cells[forms.dimensions[0].categories.findIndex((c: { key: string }) => c.key === key)][0];
    assert.deepEqual(valueOf('sexual'), { value: 42 });
    assert.deepEqual(valueOf('labour'), { value: 25 });
    // Forced marriage and other forms are zeros (hidden), so the smallest published form hides too.
    assert.deepEqual(valueOf('sexualAndLabour'), { suppressed: true, reason: 'secondary' });
    assert.deepEqual(valueOf('forcedMarriage'), { suppressed: true, reason: 'primary' });
  });

  test('only the organisation\'s own data is counted', async () => {
    const otherOrg = await t.createOrganisation();
    const otherAnalyst = await t.login(await t.addUser(otherOrg, 'analyst'));
    const empty = await query(otherAnalyst, { metric: 'ctdc.victims', dimensions: ['sex'] }, otherOrg);
    assert.equal(empty.statusCode, 200);
    assert.deepEqual(empty.json().cells, [[{ suppressed: true, reason: 'primary' }], [{ suppressed: true, reason: 'primary' }], [{ suppressed: true, reason: 'primary' }]]);
    assert.deepEqual(empty.json().total, { suppressed: true, reason: 'primary' });
    assert.equal((await query(otherAnalyst, { metric: 'ctdc.victims', dimensions: [] })).statusCode, 404);
    // Another organisation's dataset id counts nothing here.
    const foreign = await query(otherAnalyst, { metric: 'ctdc.victims', dimensions: [], datasets: [runId] }, otherOrg);
    assert.deepEqual(foreign.json().total, { suppressed: true, reason: 'primary' });
  });

  test('national scope: a CTDC file imported by two organisations counts once', async () => {
    const secondOrg = await t.createOrganisation();
    const secondAnalyst = await t.login(await t.addUser(secondOrg, 'analyst'));
    const again = await secondAnalyst.request('POST', `/api/organisations/${secondOrg}/datasets/ctdc-imports`, { fileName: 'same-file.csv', csv: buildKAnonCsv(ROWS) });
    assert.equal(again.statusCode, 201, again.body);
    const other = buildKAnonCsv(repeat(14, { yearOfRegistration: 2021, gender: 'Male', majorityStatus: 'Adult', isForcedLabour: 1, citizenship: 'UA', CountryOfExploitation: 'PL' }));
    assert.equal((await secondAnalyst.request('POST', `/api/organisations/${secondOrg}/datasets/ctdc-imports`, { fileName: 'other.csv', csv: other })).statusCode, 201);
    const count = async (national: boolean) => (await buildStatsQuery(t.database.db, orgId, resolveStatsQuery({ metric: 'ctdc.victims', dimensions: [], filters: {} }), { national }).execute())[0]!.value;
    assert.equal(await count(false), ROWS.length);
    assert.equal(await count(true), ROWS.length + 14, 'the shared file once, the other file added');
  });

  test('who may read statistics', async () => {
    const coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
    assert.equal((await query(coordinator, { metric: 'ctdc.victims', dimensions: [] })).statusCode, 200);
    const caseWorker = await t.login(await t.addUser(orgId, 'case_worker'));
    const refused = await query(caseWorker, { metric: 'ctdc.victims', dimensions: [] });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.details.reason, 'MISSING_PERMISSION');
    assert.equal((await caseWorker.request('GET', `/api/organisations/${orgId}/stats/metrics`)).statusCode, 403);
  });

  test('an invalid query is refused with every problem and its path', async () => {
    const response = await query(analyst, { metric: 'ctdc.victims', dimensions: ['sex', 'sex'], filters: { year: ['19'], colour: ['red'], sex: ['female', 'woman'] } });
    assert.equal(response.statusCode, 400);
    const issues = response.json().error.details.issues.map((i: { path: string }) => i.path);
    assert.deepEqual(issues, ['body.dimensions.1', 'body.filters.year.0', 'body.filters.colour', 'body.filters.sex.1']);
    const unknown = await query(analyst, { metric: 'ctdc.nothing', dimensions: ['shoeSize', 'year', 'sex'] });
    assert.equal(unknown.statusCode, 400);
    const tooMany = unknown.json().error.details.issues.map((i: { path: string }) => i.path);
    assert.deepEqual(tooMany, ['body.dimensions']);
    const unknownNames = await query(analyst, { metric: 'ctdc.nothing', dimensions: ['shoeSize'] });
    assert.deepEqual(unknownNames.json().error.details.issues.map((i: { path: string }) => i.path), ['body.metric', 'body.dimensions.0']);
  });

  test('SQL snapshot: what the engine sends for three typical queries', () => {
    const compile = (input: Parameters<typeof resolveStatsQuery>[0], datasetIds?: string[]) => buildStatsQuery(t.database.db, 'ORG', resolveStatsQuery(input), { datasetIds }).compile().sql;
    assert.equal(
      compile({ metric: 'ctdc.victims', dimensions: ['year', 'sex'], filters: {} }),
      'select "r"."year_of_registration" as "d0", "r"."gender" as "d1", count(*)::int as "value" from "external_ctdc_records" as "r" where "r"."org_id" = $1 group by "r"."year_of_registration", "r"."gender"',
    );
    assert.equal(
      compile({ metric: 'ctdc.victims.sexualExploitation', dimensions: ['exploitationRegion'], filters: { sex: ['female', null], year: ['2019', '2020'] } }, ['d1']),
      'select lower("ce"."un_region") as "d0", count(*)::int as "value" from "external_ctdc_records" as "r" left join "ctdc_countries" as "ce" on "ce"."iso2" = "r"."country_of_exploitation" where "r"."org_id" = $1 and "r"."import_run_id" in ($2) and "r"."is_sexual_exploit" = true and ("r"."gender" in ($3) or "r"."gender" is null) and "r"."year_of_registration" in ($4, $5) group by lower("ce"."un_region")',
    );
    assert.equal(
      compile({ metric: 'ctdc.victims.children', dimensions: [], filters: { citizenshipRegion: ['asia'] } }),
      'select count(*)::int as "value" from "external_ctdc_records" as "r" left join "ctdc_countries" as "cc" on "cc"."iso2" = "r"."citizenship" where "r"."org_id" = $1 and "r"."majority_status" in ($2) and lower("cc"."un_region") in ($3)',
    );
  });

  test('every metric runs on the database, by every dimension', async () => {
    for (const metric of METRICS) {
      for (const dimension of metric.dimensions) {
        const rows = await buildStatsQuery(t.database.db, orgId, resolveStatsQuery({ metric: metric.id, dimensions: [dimension], filters: {} }), { allowMeasures: true }).execute();
        assert.ok(Array.isArray(rows), `${metric.id} by ${dimension}`);
      }
    }
  });

  test('grouping merges the smallest categories of a groupable dimension into "other", never years or "not recorded"', () => {
    const rows = [
      ...['US', 'GB', 'IT', 'NG', 'PH', 'RO'].flatMap((c, k) => [{ d0: c, d1: 2019, value: 100 - k * 19 }, { d0: c, d1: 2020, value: k }]),
      { d0: null, d1: 2019, value: 3 },
    ];
    const table = tabulate(['countryOfExploitation', 'year'], rows);
    assert.deepEqual(table.categories[0]!.map((c) => c.key), ['US', 'GB', 'IT', 'NG', 'PH', 'RO', null]);
    const grouped = groupSmallCategories(table, 11, 4);
    const keys = grouped.categories[0]!.map((c) => c.key);
    assert.equal(keys.at(-1), null, 'not recorded stays last');
    assert.equal(keys.at(-2), GROUPED_KEY);
    const other = grouped.categories[0]!.at(-2)!;
    assert.deepEqual(grouped.categories[1]!.map((c) => c.key), ['2019', '2020'], 'years are never grouped');
    // Counts are preserved: the grouped row is the sum of its members.
    const total = (m: number[][]) => m.flat().reduce((a, b) => a + b, 0);
    assert.equal(total(grouped.counts), total(table.counts));
    const otherRow = grouped.counts[keys.indexOf(GROUPED_KEY)]!;
    const members = other.members!.map((key) => table.counts[table.categories[0]!.findIndex((c) => c.key === key)]!);
    assert.deepEqual(otherRow, [0, 1].map((j) => members.reduce((sum, row) => sum + row[j]!, 0)));
    assert.ok(grouped.counts.flat().filter((v) => v < 11).length <= 4);
  });
});

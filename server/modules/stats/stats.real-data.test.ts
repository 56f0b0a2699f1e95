/**
 * After importing the real CTDC file (97,750 rows), the engine's counts equal counts computed
 * independently from the CSV (a separate reader and a separately written rule for the form of
 * exploitation): exactly before suppression, and after suppression every published number equals
 * the independent count while every hidden one is truthfully labelled.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolveStatsQuery } from '../../../core/metrics/index.ts';
import { REAL_CTDC_FILE, realDataSkipReason } from '../../../core/ctdc/real-data-path.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { formOfExploitation, readCtdcFileIndependently, type TIndependentCtdcFile } from '../datasets/independent-ctdc-reader.test-support.ts';
import { buildStatsQuery } from './stats.query-builder.ts';
import { tabulate } from './stats-table.ts';

const skip = realDataSkipReason();
type TCell = { value: number } | { suppressed: true; reason: 'primary' | 'secondary' };
interface TResult {
  dimensions: { id: string; categories: { key: string | null; members?: string[] }[] }[];
  cells: TCell[][];
  rowTotals: TCell[];
  columnTotals: TCell[];
  total: TCell;
  disclosure: { primaryCount: number; secondaryCount: number; groupedCategoryCount: number };
}

const GENDER: Record<string, string> = { Female: 'female', Male: 'male', 'Transgender/NonConforming': 'transgenderNonConforming' };

/** Independent counts keyed `row|column` (empty cell → "null"). */
function countPairs(file: TIndependentCtdcFile, first: (row: string[]) => string, second: (row: string[]) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of file.rows) {
    const key = `${first(row)}|${second(row)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe(`statistics over the real CTDC file (${ENGINE})`, { skip }, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  let file: TIndependentCtdcFile;
  let cell: (name: string) => (row: string[]) => string;

  before(async () => {
    if (skip) return;
    t = await createTestApp();
    orgId = (await t.seedFirstAdmin()).organisationId;
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
    file = readCtdcFileIndependently(REAL_CTDC_FILE);
    cell = (name) => {
      const index = file.columns.indexOf(name);
      return (row) => row[index] || 'null';
    };
    const imported = await analyst.request('POST', `/api/organisations/${orgId}/datasets/ctdc-imports`, { fileName: 'ctdc.csv', csv: readFileSync(REAL_CTDC_FILE, 'utf8') });
    assert.equal(imported.statusCode, 201);
  });
  after(() => t?.close());

  const year = () => cell('yearOfRegistration');
  const sex = () => (row: string[]) => GENDER[cell('gender')(row)] ?? 'null';
  const form = () => (row: string[]) => formOfExploitation(file, row) || 'null';
  const all = () => () => 'all';

  /** Engine counts before disclosure control, keyed like {@link countPairs}. */
  async function engineCounts(dimensions: string[]): Promise<Map<string, number>> {
    const query = resolveStatsQuery({ metric: 'ctdc.victims', dimensions, filters: {} });
    const table = tabulate(query.dimensions, await buildStatsQuery(t.database.db, orgId, query).execute());
    const out = new Map<string, number>();
    const rows = table.categories[0] ?? [{ key: 'all' }];
    const columns = table.categories[1] ?? [{ key: 'all' }];
    rows.forEach((r, i) => columns.forEach((c, j) => {
      if (table.counts[i]![j]! > 0) out.set(`${r.key ?? 'null'}|${c.key ?? 'null'}`, table.counts[i]![j]!);
    }));
    return out;
  }

  /** Checks a published table against independent counts: published = true, hidden = labelled truthfully. */
  function checkPublished(result: TResult, truth: Map<string, number>): { published: number; hidden: number } {
    const rowKeys = result.dimensions[0]?.categories ?? [{ key: 'all' }];
    const columnKeys = result.dimensions[1]?.categories ?? [{ key: 'all' }];
    const valueOf = (r: { key: string | null; members?: string[] }, c: { key: string | null; members?: string[] }) => {
      let sum = 0;
      for (const rk of r.members ?? [r.key ?? 'null']) for (const ck of c.members ?? [c.key ?? 'null']) sum += truth.get(`${rk}|${ck}`) ?? 0;
      return sum;
    };
    const counts = { published: 0, hidden: 0 };
    const check = (published: TCell, value: number, where: string) => {
      if ('value' in published) {
        counts.published++;
        assert.equal(published.value, value, where);
        assert.ok(value >= 11, `${where}: ${value} published below the threshold`);
      } else {
        counts.hidden++;
        if (published.reason === 'primary') assert.ok(value < 11, `${where}: primary but ${value}`);
        else assert.ok(value >= 11, `${where}: secondary but ${value}`);
      }
    };
    rowKeys.forEach((r, i) => columnKeys.forEach((c, j) => check(result.cells[i]![j]!, valueOf(r, c), `cell ${r.key}×${c.key}`)));
    rowKeys.forEach((r, i) => check(result.rowTotals[i]!, columnKeys.reduce((s, c) => s + valueOf(r, c), 0), `row total ${r.key}`));
    columnKeys.forEach((c, j) => check(result.columnTotals[j]!, rowKeys.reduce((s, r) => s + valueOf(r, c), 0), `column total ${c.key}`));
    check(result.total, 97_750, 'total');
    return counts;
  }

  async function published(dimensions: string[]): Promise<TResult> {
    const response = await analyst.request('POST', `/api/organisations/${orgId}/stats/query`, { metric: 'ctdc.victims', dimensions });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    return response.json();
  }

  test('year × sex: engine counts equal the independent counts; published cells are true or hidden', async () => {
    const truth = countPairs(file, year(), sex());
    assert.deepEqual(await engineCounts(['year', 'sex']), truth);
    const result = await published(['year', 'sex']);
    const { published: shown, hidden } = checkPublished(result, truth);
    assert.ok(shown > 40, `${shown} numbers published`);
    assert.equal(hidden, result.disclosure.primaryCount + result.disclosure.secondaryCount);
    assert.deepEqual(result.total, { value: 97_750 });
    // Spot values from the dataset README: 2019 is the largest year; 68,083 women in all.
    assert.equal(result.dimensions[1]!.categories[0]!.key, 'female');
    assert.deepEqual(result.columnTotals[0], { value: 68_083 });
  });

  test('form of exploitation (and by sex): engine counts equal the independent counts; published cells are true or hidden', async () => {
    const byForm = countPairs(file, form(), all());
    assert.deepEqual(await engineCounts(['exploitationForm']), byForm);
    checkPublished(await published(['exploitationForm']), byForm);
    const byFormAndSex = countPairs(file, form(), sex());
    assert.deepEqual(await engineCounts(['exploitationForm', 'sex']), byFormAndSex);
    checkPublished(await published(['exploitationForm', 'sex']), byFormAndSex);
  });

  test('a large table (citizenship × year) is grouped to stay protectable; grouped cells are the sums of their members', async () => {
    const truth = countPairs(file, cell('citizenship'), year());
    const result = await published(['citizenship', 'year']);
    assert.ok(result.disclosure.groupedCategoryCount > 0);
    const other = result.dimensions[0]!.categories.find((c) => c.key === '*other');
    assert.ok(other?.members && other.members.length === result.disclosure.groupedCategoryCount);
    checkPublished(result, truth);
  });
});

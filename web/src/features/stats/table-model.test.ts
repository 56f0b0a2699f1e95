import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildChartModel, buildTableModel, tableGrid } from './table-model.ts';
import type { TLabels, TStatsResult } from './types.ts';

// Run: node --import tsx --test web/src/features/stats/table-model.test.ts

const same = (text: string): TLabels => ({ en: text, fr: text, es: text, ar: text });
const S = { suppressed: true, reason: 'primary' } as const;
const S2 = { suppressed: true, reason: 'secondary' } as const;
const v = (value: number) => ({ value });

const base: Pick<TStatsResult, 'metric' | 'disclosure' | 'sql'> = {
  metric: { id: 'ctdc.victims', unit: 'persons', labels: { en: 'Victims identified', fr: 'Victimes identifiées', es: 'Víctimas identificadas', ar: 'الضحايا المحددون' } },
  disclosure: { method: 'suppression', threshold: 11, zeros: 'sensitive', primaryCount: 0, secondaryCount: 0, groupedCategoryCount: 0 },
  sql: { text: 'select 1', parameters: [] },
};

const yearBySex: TStatsResult = {
  ...base,
  dimensions: [
    { id: 'year', labels: same('Year'), categories: [{ key: '2016', labels: same('2016') }, { key: '2017', labels: same('2017') }, { key: null, labels: same('Not recorded') }] },
    { id: 'sex', labels: { ...same('Sex'), fr: 'Sexe' }, categories: [{ key: 'Female', labels: { ...same('Female'), fr: 'Femme' } }, { key: 'Male', labels: same('Male') }] },
  ],
  cells: [[v(43), v(15)], [v(26), S], [v(12), S2]],
  rowTotals: [v(58), v(31), v(19)],
  columnTotals: [v(81), v(27)],
  total: v(108),
};

const texts = { suppressed: (reason: string) => (reason === 'primary' ? 'suppressed (< 11)' : 'suppressed (secondary)'), total: 'Total', formatNumber: String };

test('two dimensions: header, one row per category, totals row and column; hidden cells never show a number', () => {
  const grid = tableGrid(buildTableModel(yearBySex, 'en'), texts);
  assert.deepEqual(grid, [
    ['Year / Sex', 'Female', 'Male', 'Total'],
    ['2016', '43', '15', '58'],
    ['2017', '26', 'suppressed (< 11)', '31'],
    ['Not recorded', '12', 'suppressed (secondary)', '19'],
    ['Total', '81', '27', '108'],
  ]);
  assert.deepEqual(tableGrid(buildTableModel(yearBySex, 'fr'), texts)[0], ['Year / Sexe', 'Femme', 'Male', 'Total']);
});

test('one dimension: one value column named after the metric; none: the total alone', () => {
  const bySex: TStatsResult = { ...base, dimensions: [yearBySex.dimensions[1]!], cells: [[v(81)], [S]], rowTotals: [v(81), S], columnTotals: [S], total: S };
  assert.deepEqual(tableGrid(buildTableModel(bySex, 'en'), texts), [['Sex', 'Victims identified'], ['Female', '81'], ['Male', 'suppressed (< 11)'], ['Total', 'suppressed (< 11)']]);
  const none: TStatsResult = { ...base, dimensions: [], cells: [[v(108)]], rowTotals: [v(108)], columnTotals: [v(108)], total: v(108) };
  assert.deepEqual(tableGrid(buildTableModel(none, 'ar'), texts), [['الضحايا المحددون'], ['108']]);
});

test('a year dimension makes a time series with the year on the x-axis, hidden cells as gaps, "not recorded" left to the table', () => {
  const chart = buildChartModel(buildTableModel(yearBySex, 'en'));
  assert.equal(chart.kind, 'line');
  assert.deepEqual(chart.xCategories, ['2016', '2017']);
  assert.deepEqual(chart.series, [{ name: 'Female', values: [43, 26] }, { name: 'Male', values: [15, null] }]);
  assert.equal(chart.droppedUnrecordedYear, true);
  assert.equal(chart.suppressedCount, 1);

  // Year second: still on the x-axis, the first dimension becomes the series.
  const swapped: TStatsResult = { ...yearBySex, dimensions: [yearBySex.dimensions[1]!, yearBySex.dimensions[0]!], cells: [[v(43), v(26), v(12)], [v(15), S, S2]] };
  const chart2 = buildChartModel(buildTableModel(swapped, 'en'));
  assert.deepEqual(chart2.xCategories, ['2016', '2017']);
  assert.deepEqual(chart2.series, [{ name: 'Female', values: [43, 26] }, { name: 'Male', values: [15, null] }]);
});

test('other dimensions make bars, stacked when there are two', () => {
  const form = { id: 'exploitationForm', labels: same('Form'), categories: [{ key: 'sexual', labels: same('Sexual') }, { key: 'labour', labels: same('Labour') }] };
  const twoDims: TStatsResult = { ...base, dimensions: [form, yearBySex.dimensions[1]!], cells: [[v(40), S], [v(20), v(30)]], rowTotals: [S2, v(50)], columnTotals: [v(60), S2], total: v(100) };
  const chart = buildChartModel(buildTableModel(twoDims, 'en'));
  assert.equal(chart.kind, 'bar');
  assert.equal(chart.isStacked, true);
  assert.deepEqual(chart.xCategories, ['Sexual', 'Labour']);
  assert.deepEqual(chart.series, [{ name: 'Female', values: [40, 20] }, { name: 'Male', values: [null, 30] }]);
});

test('the justice funnel by stage makes a funnel in the stages\' order, hidden stages as gaps', () => {
  const stages = { id: 'justiceStage', labels: same('Stage'), categories: ['Suspects', 'Charged', 'Prosecuted', 'Custody'].map((s) => ({ key: s.toLowerCase(), labels: same(s) })) };
  const funnel: TStatsResult = { ...base, metric: { ...base.metric, id: 'justice.funnel' }, dimensions: [stages], cells: [[v(120)], [v(60)], [v(41)], [S]], rowTotals: [v(120), v(60), v(41), S], columnTotals: [S2], total: S2 };
  const chart = buildChartModel(buildTableModel(funnel, 'en'));
  assert.equal(chart.kind, 'funnel');
  assert.deepEqual(chart.xCategories, ['Suspects', 'Charged', 'Prosecuted', 'Custody']);
  assert.deepEqual(chart.series, [{ name: 'Victims identified', values: [120, 60, 41, null] }]);
  assert.equal(chart.suppressedCount, 1);
});

test('rates: a cell without a population reads its reason, never a number, and is a gap in the chart', () => {
  const gap = { value: null, reason: 'noDenominator' } as const;
  const bySex: TStatsResult = { ...base, metric: { ...base.metric, id: 'ctdc.victimsPer100k', unit: 'per100k' }, dimensions: [yearBySex.dimensions[1]!], cells: [[v(1.25)], [gap]], rowTotals: [v(1.25), gap], columnTotals: [S], total: { value: null, reason: 'notOneCountryAndYear' } };
  const model = buildTableModel(bySex, 'en');
  assert.deepEqual(tableGrid(model, { ...texts, unavailable: (reason) => `n/a (${reason})` }), [['Sex', 'Victims identified'], ['Female', '1.25'], ['Male', 'n/a (noDenominator)'], ['Total', 'n/a (notOneCountryAndYear)']]);
  assert.deepEqual(buildChartModel(model).series[0]!.values, [1.25, null]);
});

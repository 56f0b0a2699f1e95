import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildReportCharts, isWithheld, publishedValue } from './report-chart.ts';
import type { TActual, TIndicatorUnit, TReportIndicator } from './types.ts';

const LABELS = { en: 'x', fr: 'x', es: 'x', ar: 'x' };
function row(code: string, unit: TIndicatorUnit, actual: TActual | null, target: number | null): TReportIndicator {
  return {
    id: code, nodeId: 'n', code, name: code, kind: 'computed', unit, direction: 'increase', definitionText: null, baseline: null, baselineSuppressed: false,
    target, targetIsPlanningFigure: true, actual, status: 'noData', metric: { id: 'm', labels: LABELS }, ratio: null, breakdown: null,
  };
}
const NAMES = { actual: 'Actual', target: 'Target' };

test('published values: numbers only; hidden cells and ratio gaps are withheld, a missing actual is not', () => {
  const cases: [TActual | null, number | null, boolean][] = [
    [{ value: 12 }, 12, false], [{ value: 0 }, 0, false], [{ suppressed: true, reason: 'primary' }, null, true],
    [{ suppressed: true, reason: 'secondary' }, null, true], [{ value: null, reason: 'denominatorZero' }, null, true], [null, null, false],
  ];
  for (const [actual, value, withheld] of cases) {
    assert.equal(publishedValue(actual), value, JSON.stringify(actual));
    assert.equal(isWithheld(actual), withheld, JSON.stringify(actual));
  }
});

test('charts: one per unit in a fixed order; hidden actuals are gaps and counted; rows without actual or target are left out', () => {
  const charts = buildReportCharts([
    row('D1', 'decisions', { value: 15 }, 20),
    row('T1', 'days', { value: 9.5 }, 7),
    row('D2', 'decisions', { suppressed: true, reason: 'primary' }, 12),
    row('D3', 'decisions', null, null),
    row('P1', 'percent', { suppressed: true, reason: 'primary' }, null),
  ], NAMES);
  assert.deepEqual(charts.map((c) => c.unit), ['decisions', 'days']);
  const decisions = charts[0]!.chart;
  assert.deepEqual(decisions.xCategories, ['D1', 'D2']);
  assert.deepEqual(decisions.series, [{ name: 'Actual', values: [15, null] }, { name: 'Target', values: [20, 12] }]);
  assert.equal(decisions.suppressedCount, 1);
  assert.equal(charts[1]!.chart.suppressedCount, 0);
});

test('property: a hidden number never reaches a chart, and every drawn target is the report\'s', () => {
  const actual = fc.oneof(
    fc.integer({ min: 0, max: 1000 }).map((value): TActual => ({ value })),
    fc.constant<TActual>({ suppressed: true, reason: 'primary' }),
    fc.constant<TActual>({ value: null, reason: 'numeratorSuppressed' }),
    fc.constant(null),
  );
  const rows = fc.array(fc.tuple(fc.constantFrom<TIndicatorUnit>('persons', 'days', 'percent'), actual, fc.option(fc.integer({ min: 1, max: 500 }), { nil: null })), { maxLength: 12 });
  fc.assert(fc.property(rows, (list) => {
    const indicators = list.map(([unit, a, target], i) => row(`I${i}`, unit, a, target));
    for (const { chart } of buildReportCharts(indicators, NAMES)) {
      chart.xCategories.forEach((code, x) => {
        const indicator = indicators.find((i) => i.code === code)!;
        assert.equal(chart.series[0]!.values[x], publishedValue(indicator.actual));
        assert.equal(chart.series[1]!.values[x], indicator.target);
      });
      assert.equal(chart.suppressedCount, chart.xCategories.filter((code) => isWithheld(indicators.find((i) => i.code === code)!.actual)).length);
    }
  }));
});

import type { TChartModel } from '../stats/table-model.ts';
import type { TActual, TIndicatorUnit, TReportIndicator } from './types.ts';

/**
 * The progress report's charts: actual against target, one bar chart per unit (persons and days
 * on one axis would mislead). Pure, so the page and its test agree. A hidden actual is a gap,
 * never a zero, and is counted so the caption can say so; targets are planning figures and
 * always drawn.
 */

export interface TReportChart {
  unit: TIndicatorUnit;
  chart: TChartModel;
}

const UNIT_ORDER: readonly TIndicatorUnit[] = ['persons', 'cases', 'decisions', 'percent', 'days', 'number'];

/** The published number of an actual, or null (none, hidden, or a ratio without a value). */
export const publishedValue = (actual: TActual | null): number | null => (actual !== null && 'value' in actual && actual.value !== null ? actual.value : null);

/** Whether an actual exists but is not shown (hidden by disclosure control, or a ratio whose term is hidden). */
export const isWithheld = (actual: TActual | null): boolean => actual !== null && publishedValue(actual) === null;

export function buildReportCharts(indicators: readonly TReportIndicator[], names: { actual: string; target: string }): TReportChart[] {
  const charts: TReportChart[] = [];
  for (const unit of UNIT_ORDER) {
    const rows = indicators.filter((i) => i.unit === unit && (i.target !== null || i.actual !== null));
    if (rows.length === 0) continue;
    const actual = rows.map((i) => publishedValue(i.actual));
    const target = rows.map((i) => i.target);
    // Nothing but hidden values and no target: a chart of gaps says nothing the table does not.
    if (actual.every((v) => v === null) && target.every((v) => v === null)) continue;
    charts.push({
      unit,
      chart: {
        kind: 'bar', isStacked: false, xLabel: '', xCategories: rows.map((i) => i.code),
        series: [{ name: names.actual, values: actual }, { name: names.target, values: target }],
        suppressedCount: rows.filter((i) => isWithheld(i.actual)).length,
        droppedUnrecordedYear: false,
      },
    });
  }
  return charts;
}

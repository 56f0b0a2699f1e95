import type { TLabels, TRateGap, TResultCategory, TStatsResult, TStatsResultCell } from './types.ts';

type TStatsCell = TStatsResultCell;

/**
 * One protected table laid out for display, charting and download, with every label in one
 * language. Pure, so the table, the chart and the CSV file cannot disagree about a cell.
 */

/** The label for a language (English when the language is not one of the four). */
export function pickLabel(labels: TLabels, language: string): string {
  return (labels as unknown as Record<string, string>)[language] ?? labels.en;
}

export interface TModelCategory {
  key: string | null;
  label: string;
  /** Keys merged into "other (grouped)". */
  members?: string[];
}

export interface TTableModel {
  metricLabel: string;
  metricId: string;
  /** The dimensions' names, in query order (0, 1 or 2). */
  dimensionLabels: string[];
  /** Dimension ids, in query order. */
  dimensionIds: string[];
  /** Categories of the first dimension (the rows); empty without dimensions. */
  rows: TModelCategory[];
  /** Categories of the second dimension (the columns); empty with fewer than two dimensions. */
  columns: TModelCategory[];
  /** rows × max(1, columns) cells. */
  cells: TStatsCell[][];
  rowTotals: TStatsCell[];
  columnTotals: TStatsCell[];
  total: TStatsCell;
}

function categories(list: TResultCategory[] | undefined, language: string): TModelCategory[] {
  return (list ?? []).map((c) => ({ key: c.key, label: pickLabel(c.labels, language), ...(c.members ? { members: c.members } : {}) }));
}

/** Lays a query result out in one language. */
export function buildTableModel(result: TStatsResult, language: string): TTableModel {
  return {
    metricLabel: pickLabel(result.metric.labels, language),
    metricId: result.metric.id,
    dimensionLabels: result.dimensions.map((d) => pickLabel(d.labels, language)),
    dimensionIds: result.dimensions.map((d) => d.id),
    rows: categories(result.dimensions[0]?.categories, language),
    columns: categories(result.dimensions[1]?.categories, language),
    cells: result.cells,
    rowTotals: result.rowTotals,
    columnTotals: result.columnTotals,
    total: result.total,
  };
}

/** Whether a cell is hidden by disclosure control (its number never reaches the browser). */
export function isSuppressed(cell: TStatsCell): cell is { suppressed: true; reason: 'primary' | 'secondary' } {
  return 'suppressed' in cell;
}

/** Whether a rate cell has no denominator (its count was published; no population stands behind it). */
export function isUnavailable(cell: TStatsCell): cell is { value: null; reason: TRateGap } {
  return 'value' in cell && cell.value === null;
}

/** The cell's number, or null when it is hidden or has no denominator. */
export function cellValue(cell: TStatsCell | undefined): number | null {
  return cell && !isSuppressed(cell) ? cell.value : null;
}

/** Texts of the table (header row first), as shown and downloaded. */
export interface TTableTexts {
  /** How a hidden cell reads, e.g. "suppressed (< 11)" (primary) or "suppressed (secondary)". */
  suppressed: (reason: 'primary' | 'secondary') => string;
  /** Header of the totals row and column. */
  total: string;
  /** Formats a published number (plain digits in files, the interface's digits on screen). */
  formatNumber: (value: number) => string;
  /** How a rate without a denominator reads (empty when absent). */
  unavailable?: (reason: TRateGap) => string;
}

/**
 * The table as a grid of strings: the header row, then one row per category of the first
 * dimension, then the totals row. Without a second dimension there is one value column (named
 * after the metric); without any dimension, only the total.
 */
export function tableGrid(model: TTableModel, texts: TTableTexts): string[][] {
  const show = (cell: TStatsCell | undefined) => {
    if (cell === undefined) return '';
    if (isSuppressed(cell)) return texts.suppressed(cell.reason);
    return cell.value === null ? texts.unavailable?.(cell.reason) ?? '' : texts.formatNumber(cell.value);
  };
  const [first, second] = model.dimensionLabels;
  if (first === undefined) return [[model.metricLabel], [show(model.total)]];
  if (second === undefined) {
    return [
      [first, model.metricLabel],
      ...model.rows.map((row, i) => [row.label, show(model.cells[i]?.[0])]),
      [texts.total, show(model.total)],
    ];
  }
  return [
    [`${first} / ${second}`, ...model.columns.map((c) => c.label), texts.total],
    ...model.rows.map((row, i) => [row.label, ...model.columns.map((_c, j) => show(model.cells[i]?.[j])), show(model.rowTotals[i])]),
    [texts.total, ...model.columns.map((_c, j) => show(model.columnTotals[j])), show(model.total)],
  ];
}

/** The dimension whose categories are the stages of a funnel. */
export const FUNNEL_DIMENSION_ID = 'justiceStage';

/** What the chart draws: one series per category of the grouping dimension, over the x-axis categories. */
export interface TChartModel {
  /** `funnel`: the stages of the criminal-justice funnel, widest first. */
  kind: 'line' | 'bar' | 'funnel';
  /** Bars of several series are stacked (two dimensions). */
  isStacked: boolean;
  xLabel: string;
  xCategories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Hidden cells left out of the chart (the table lists them). */
  suppressedCount: number;
  /** Whether a "not recorded" year was left out of the time axis. */
  droppedUnrecordedYear: boolean;
}

/**
 * Chooses the chart: a time series (lines) when a dimension is the year, with the year on the
 * x-axis whichever position it had in the query; bars for one other dimension; stacked bars for
 * two. Hidden cells become gaps (null), never zeros. A "not recorded" year has no place on a time
 * axis, so it is left to the table.
 */
export function buildChartModel(model: TTableModel, yearDimensionId = 'year'): TChartModel {
  const dims = model.dimensionIds;
  // One breakdown by stage of the justice funnel: a funnel (each stage a subset of the one before).
  if (dims.length === 1 && dims[0] === FUNNEL_DIMENSION_ID) {
    const values = model.rows.map((_r, i) => cellValue(model.cells[i]?.[0]));
    return {
      kind: 'funnel', isStacked: false, xLabel: model.dimensionLabels[0] ?? '', xCategories: model.rows.map((r) => r.label),
      series: [{ name: model.metricLabel, values }], suppressedCount: values.filter((v) => v === null).length, droppedUnrecordedYear: false,
    };
  }
  if (dims.length === 0) {
    const value = cellValue(model.total);
    return { kind: 'bar', isStacked: false, xLabel: '', xCategories: [model.metricLabel], series: [{ name: model.metricLabel, values: [value] }], suppressedCount: value === null ? 1 : 0, droppedUnrecordedYear: false };
  }
  const yearAxis = dims.indexOf(yearDimensionId);
  // x = rows unless the year is the second dimension.
  const xIsRows = yearAxis !== 1;
  const xCats = xIsRows ? model.rows : model.columns;
  const groupCats = dims.length === 2 ? (xIsRows ? model.columns : model.rows) : [];
  const at = (x: number, g: number) => (xIsRows ? model.cells[x]?.[g] : model.cells[g]?.[x]);

  const keepX = xCats.map((c) => !(yearAxis >= 0 && c.key === null));
  const xIndexes = xCats.map((_c, i) => i).filter((i) => keepX[i]);
  const series = (groupCats.length > 0 ? groupCats : [{ key: null, label: model.metricLabel }]).map((group, g) => ({
    name: group.label,
    values: xIndexes.map((x) => cellValue(at(x, g))),
  }));
  const suppressedCount = series.reduce((n, s) => n + s.values.filter((v) => v === null).length, 0);
  return {
    kind: yearAxis >= 0 ? 'line' : 'bar',
    isStacked: yearAxis < 0 && groupCats.length > 0,
    xLabel: model.dimensionLabels[xIsRows ? 0 : 1] ?? '',
    xCategories: xIndexes.map((i) => xCats[i]!.label),
    series,
    suppressedCount,
    droppedUnrecordedYear: keepX.includes(false),
  };
}
